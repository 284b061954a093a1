package fr.portailfamille.configuration;

import fr.portailfamille.configuration.CommuneConfiguration.Period;
import fr.portailfamille.configuration.CommuneConfiguration.PeriodKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The next school year drafted from the last one a commune configured, for its agents to check and adjust: every June
 * a commune enters a new school year and its four or five holiday periods, which move only by a few days from one year
 * to the next. The draft is the last school year and its holidays {@value #WEEKS} weeks later — the same weekdays (a
 * holiday starts on a Saturday, a school year on a weekday), a day or two earlier than a year later —, the years in
 * their labels moved on ("Année scolaire 2026-2027" becomes "Année scolaire 2027-2028").
 */
public final class NextSchoolYear {

    /** How far the draft moves the last year: 52 weeks, the whole number of weeks closest to a year. */
    static final int WEEKS = 52;

    private static final Pattern YEAR = Pattern.compile("\\b(19|20)(\\d\\d)\\b");

    private NextSchoolYear() {
    }

    /**
     * The periods of the school year after the last one of {@code periods}: that school year and the holidays within
     * it, moved; empty when {@code periods} has no complete school year.
     */
    public static List<Period> after(List<Period> periods) {
        Optional<Period> last = periods.stream().filter(p -> p.kind() == PeriodKind.ANNEE_SCOLAIRE && complete(p))
                .max(Comparator.comparing(Period::start));
        if (last.isEmpty()) {
            return List.of();
        }
        Period year = last.get();
        List<Period> next = new ArrayList<>();
        next.add(moved(year));
        periods.stream().filter(p -> p.kind() == PeriodKind.VACANCES && complete(p))
                .filter(p -> !p.end().isBefore(year.start()) && !p.start().isAfter(year.end()))
                .sorted(Comparator.comparing(Period::start)).map(NextSchoolYear::moved).forEach(next::add);
        return next;
    }

    private static boolean complete(Period p) {
        return p.start() != null && p.end() != null;
    }

    private static Period moved(Period p) {
        return new Period(p.kind(), nextYears(p.label()), p.start().plusWeeks(WEEKS), p.end().plusWeeks(WEEKS));
    }

    /** {@code label} with each year it names one later ("2026-2027" → "2027-2028"). */
    static String nextYears(String label) {
        if (label == null) {
            return null;
        }
        Matcher m = YEAR.matcher(label);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, String.valueOf(Integer.parseInt(m.group()) + 1));
        }
        m.appendTail(out);
        return out.toString();
    }
}
