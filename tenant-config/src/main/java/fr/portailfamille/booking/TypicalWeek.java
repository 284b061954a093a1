package fr.portailfamille.booking;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Problems;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * "Semaine type": the units a family ticks for each weekday, repeated on every day of a period of at
 * most a year; the unit-days it asks for are those the unit runs on (its weekdays, school time or
 * holidays, no public holiday or closure), in day order then unit order (the order seats are locked in).
 */
public final class TypicalWeek {

    private TypicalWeek() {
    }

    /** Why the period or the ticked days cannot be applied (for the family, to be read in any language), or empty. */
    public static Optional<Message> refusal(Map<DayOfWeek, Set<Long>> unitsByWeekday, LocalDate from, LocalDate to) {
        return problem(unitsByWeekday, from, to).map(FieldError::text);
    }

    /**
     * {@link #refusal} on the form's field it is about: {@code from} (no start), {@code to} (no end, an end before the
     * start, a period over a year) or {@code days} (no day ticked).
     */
    public static Optional<FieldError> problem(Map<DayOfWeek, Set<Long>> unitsByWeekday, LocalDate from, LocalDate to) {
        if (from == null) {
            return Optional.of(Problems.error("from", "booking.week.period"));
        }
        if (to == null || to.isBefore(from)) {
            return Optional.of(Problems.error("to", "booking.week.period"));
        }
        if (from.plusYears(1).isBefore(to)) {
            return Optional.of(Problems.error("to", "booking.week.tooLong"));
        }
        if (unitsByWeekday.values().stream().allMatch(Set::isEmpty)) {
            return Optional.of(Problems.error("days", "booking.week.noDay"));
        }
        return Optional.empty();
    }

    /**
     * The unit-days of the period that the typical week asks for.
     *
     * @param runs whether a unit (by id) runs on a day, e.g. {@link MonthPlan#runs} under the commune's calendar
     */
    public static List<MonthPlan.UnitDay> expand(Map<DayOfWeek, Set<Long>> unitsByWeekday, LocalDate from, LocalDate to,
                                                 BiPredicate<Long, LocalDate> runs) {
        List<MonthPlan.UnitDay> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (Long unit : new TreeSet<>(unitsByWeekday.getOrDefault(day.getDayOfWeek(), Set.of()))) {
                if (runs.test(unit, day)) {
                    days.add(new MonthPlan.UnitDay(unit, day));
                }
            }
        }
        return days;
    }
}
