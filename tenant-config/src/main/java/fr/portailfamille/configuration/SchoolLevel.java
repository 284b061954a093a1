package fr.portailfamille.configuration;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The French school levels, youngest first (toute petite section to CM2): what an activity may be
 * restricted to and what a family chooses at a school pre-registration. The one list of them.
 */
public enum SchoolLevel {
    TPS, PS, MS, GS, CP, CE1, CE2, CM1, CM2;

    private static final List<String> CODES = Arrays.stream(values()).map(Enum::name).toList();

    /** The codes, youngest first ("TPS", "PS" … "CM2"). */
    public static List<String> codes() {
        return CODES;
    }

    /** The level a typed text names ("cp ", "CE1"), or empty when it names none (free text, blank, null). */
    public static Optional<SchoolLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        return CODES.contains(code) ? Optional.of(valueOf(code)) : Optional.empty();
    }

    /** Whether {@code code} is exactly one of the {@link #codes()}. */
    public static boolean isCode(String code) {
        return code != null && CODES.contains(code);
    }

    /**
     * Whether a school of kind {@code establishmentKind} teaches this level: a maternelle TPS to GS, an élémentaire CP to
     * CM2, a primaire all of them; any other kind none.
     */
    public boolean taughtAt(String establishmentKind) {
        if (establishmentKind == null) {
            return false;
        }
        return switch (establishmentKind) {
            case "ECOLE_MATERNELLE" -> compareTo(GS) <= 0;
            case "ECOLE_ELEMENTAIRE" -> compareTo(CP) >= 0;
            case "ECOLE_PRIMAIRE" -> true;
            default -> false;
        };
    }

    /**
     * The level {@code years} school years after this one (a pupil moving up each September), or empty once past CM2:
     * the child has left the école élémentaire.
     */
    public Optional<SchoolLevel> plus(int years) {
        int at = ordinal() + years;
        return at < values().length ? Optional.of(values()[Math.max(0, at)]) : Optional.empty();
    }

    /** How many school years from {@code from} to {@code to} ("2025-2026" to "2026-2027": 1), by their first years. */
    public static int yearsBetween(String from, String to) {
        return Integer.parseInt(to.substring(0, 4)) - Integer.parseInt(from.substring(0, 4));
    }

    /** {@code codes} (any order, unknown ones dropped) in school order. */
    public static List<String> inOrder(java.util.Collection<String> codes) {
        return CODES.stream().filter(codes::contains).toList();
    }
}
