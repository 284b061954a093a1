package fr.portailfamille.booking;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A commune's legend: the label and colours parents see for each {@link DayState}.
 *
 * <p>Colours are hex {@code #rrggbb}. The label is written in {@link LegendEntry#text()} on
 * {@link LegendEntry#background()}, so the pair must reach the WCAG 2.1 / RGAA contrast ratio of
 * 4.5:1 for normal text. A legend is not checked when built, so that {@link #validate()} can list
 * every problem of a commune's settings at once.
 *
 * @param entries one entry per state (an unmodifiable {@link EnumMap} copy)
 */
public record Legend(Map<DayState, LegendEntry> entries) {

    /** Minimum contrast ratio between text and background (WCAG 2.1 AA, normal text). */
    public static final double MIN_CONTRAST = 4.5;

    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");

    /**
     * One state's label and colours.
     *
     * @param label French label shown to parents
     * @param background background colour, {@code #rrggbb}
     * @param text text colour, {@code #rrggbb}
     */
    public record LegendEntry(String label, String background, String text) {
    }

    public Legend {
        Objects.requireNonNull(entries, "entries");
        Map<DayState, LegendEntry> copy = new EnumMap<>(DayState.class);
        copy.putAll(entries);
        entries = Collections.unmodifiableMap(copy);
    }

    /**
     * The platform's default legend: French labels (the problems' bundle's {@code legend.default.*}), colours that all
     * reach 4.5:1.
     */
    public static Legend defaults() {
        Map<DayState, LegendEntry> m = new EnumMap<>(DayState.class);
        m.put(DayState.RESERVABLE, new LegendEntry(word(DayState.RESERVABLE), "#d1fae5", "#065f46"));
        m.put(DayState.RESERVE_ANNULABLE, new LegendEntry(word(DayState.RESERVE_ANNULABLE), "#1d4ed8", "#ffffff"));
        m.put(DayState.RESERVE_NON_ANNULABLE, new LegendEntry(word(DayState.RESERVE_NON_ANNULABLE), "#1e3a8a", "#ffffff"));
        m.put(DayState.HORS_DELAI_MAJORE, new LegendEntry(word(DayState.HORS_DELAI_MAJORE), "#fed7aa", "#7c2d12"));
        m.put(DayState.ANNULE_SANS_FRAIS, new LegendEntry(word(DayState.ANNULE_SANS_FRAIS), "#e5e7eb", "#374151"));
        m.put(DayState.COMPLET, new LegendEntry(word(DayState.COMPLET), "#b91c1c", "#ffffff"));
        m.put(DayState.LISTE_ATTENTE, new LegendEntry(word(DayState.LISTE_ATTENTE), "#fef08a", "#713f12"));
        m.put(DayState.EN_ATTENTE_VALIDATION, new LegendEntry(word(DayState.EN_ATTENTE_VALIDATION), "#e9d5ff", "#581c87"));
        m.put(DayState.FERME, new LegendEntry(word(DayState.FERME), "#4b5563", "#ffffff"));
        m.put(DayState.FERIE, new LegendEntry(word(DayState.FERIE), "#fce7f3", "#831843"));
        m.put(DayState.VACANCES, new LegendEntry(word(DayState.VACANCES), "#cffafe", "#164e63"));
        m.put(DayState.ABSENT_EXCUSE, new LegendEntry(word(DayState.ABSENT_EXCUSE), "#ccfbf1", "#134e4a"));
        m.put(DayState.ABSENT_FACTURE, new LegendEntry(word(DayState.ABSENT_FACTURE), "#9a3412", "#ffffff"));
        m.put(DayState.PRESENT, new LegendEntry(word(DayState.PRESENT), "#15803d", "#ffffff"));
        m.put(DayState.REFUSEE, new LegendEntry(word(DayState.REFUSEE), "#fee2e2", "#7f1d1d"));
        m.put(DayState.ABSENCE_EN_VERIFICATION, new LegendEntry(word(DayState.ABSENCE_EN_VERIFICATION), "#e0e7ff",
                "#312e81"));
        m.put(DayState.SUR_DEMANDE, new LegendEntry(word(DayState.SUR_DEMANDE), "#fef3c7", "#78350f"));
        return new Legend(m);
    }

    /**
     * How a problem names {@code state} to an agent: by its default label, in the page's language ("Réservable"), not its
     * code.
     */
    public static Message stateName(DayState state) {
        return Problems.of("legend.default." + state.name());
    }

    /** The platform's default label of {@code state} in French ({@code legend.default.*} of the problems' bundle). */
    private static String word(DayState state) {
        return Problems.of("legend.default." + state.name()).french();
    }

    /**
     * The label of {@code state} to show on a page in {@code locale}: the commune's own; the platform's default label in
     * that language when the commune kept the default (a commune's legend is French, its default too); {@code null} if
     * this legend has no entry for it.
     */
    public String label(DayState state, Locale locale) {
        LegendEntry e = entries.get(state);
        if (e == null || e.label() == null || Locale.FRENCH.getLanguage().equals(locale.getLanguage())
                || !word(state).equals(e.label())) {
            return e == null ? null : e.label();
        }
        return Problems.of("legend.default." + state.name()).in(locale);
    }

    /** The entry of {@code state}, or {@code null} if this legend has none. */
    public LegendEntry entry(DayState state) {
        return entries.get(state);
    }

    /** A copy of this legend with {@code state} set to {@code entry}. */
    public Legend with(DayState state, LegendEntry entry) {
        Map<DayState, LegendEntry> m = new EnumMap<>(DayState.class);
        m.putAll(entries);
        m.put(Objects.requireNonNull(state, "state"), Objects.requireNonNull(entry, "entry"));
        return new Legend(m);
    }

    /**
     * Every problem of this legend, to be read in any language, in {@link DayState} order (empty when valid): missing
     * state, empty label, label used by two states, colour not in {@code #rrggbb} form, contrast
     * between text and background below 4.5:1.
     */
    public List<Message> validate() {
        List<Message> errors = new ArrayList<>();
        Map<String, DayState> labels = new HashMap<>();
        for (DayState state : DayState.values()) {
            LegendEntry e = entries.get(state);
            if (e == null) {
                errors.add(Problems.of("legend.missing", stateName(state)));
                continue;
            }
            // an entry is named by its label, else by its state
            Object name = e.label() == null || e.label().isBlank() ? stateName(state) : e.label().strip();
            if (e.label() == null || e.label().isBlank()) {
                errors.add(Problems.of("legend.labelEmpty", stateName(state)));
            } else {
                DayState other = labels.putIfAbsent(e.label().strip().toLowerCase(Locale.ROOT), state);
                if (other != null) {
                    errors.add(Problems.of("legend.labelTwice", name, stateName(other), stateName(state)));
                }
            }
            boolean backgroundOk = isColor(e.background());
            boolean textOk = isColor(e.text());
            if (!backgroundOk) {
                errors.add(Problems.of("legend.background.invalid", name, String.valueOf(e.background())));
            }
            if (!textOk) {
                errors.add(Problems.of("legend.text.invalid", name, String.valueOf(e.text())));
            }
            if (backgroundOk && textOk) {
                double ratio = contrastRatio(e.background(), e.text());
                if (ratio < MIN_CONTRAST) {
                    // the ratio as the page's language writes a number (3,20 / 3.20)
                    errors.add(Problems.of("legend.contrast", name, ratio));
                }
            }
        }
        return List.copyOf(errors);
    }

    /** Whether {@code value} is a {@code #rrggbb} colour. */
    public static boolean isColor(String value) {
        return value != null && COLOR.matcher(value).matches();
    }

    /** WCAG 2.1 contrast ratio between two {@code #rrggbb} colours, from 1 to 21. */
    public static double contrastRatio(String color1, String color2) {
        double l1 = relativeLuminance(color1);
        double l2 = relativeLuminance(color2);
        return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    }

    /** WCAG 2.1 relative luminance of a {@code #rrggbb} colour, from 0 (black) to 1 (white). */
    public static double relativeLuminance(String color) {
        if (!isColor(color)) {
            throw new IllegalArgumentException("Couleur invalide (format attendu : #rrggbb) : " + color);
        }
        int rgb = Integer.parseInt(color.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff)
                + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int c) {
        double s = c / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
