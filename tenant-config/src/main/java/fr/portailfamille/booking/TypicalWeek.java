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

    /**
     * The most unit-days one application books (a year of five weekdays with three units each): each is locked until
     * the whole is recorded, other families booking those days wait for it.
     */
    public static final int MAX_UNIT_DAYS = 800;

    /** Why the period or the ticked days cannot be applied (for the family, to be read in any language), or empty. */
    public static Optional<Message> refusal(Map<DayOfWeek, Set<Long>> unitsByWeekday, LocalDate from, LocalDate to,
                                            LocalDate today) {
        return problem(unitsByWeekday, from, to, today).map(FieldError::text);
    }

    /**
     * {@link #refusal} on the form's field it is about: {@code from} (no start), {@code to} (no end, an end before the
     * start, a period over a year or already over on {@code today}) or {@code days} (no day ticked). A period begun
     * before {@code today} is applied from today ({@link #firstDay}).
     */
    public static Optional<FieldError> problem(Map<DayOfWeek, Set<Long>> unitsByWeekday, LocalDate from, LocalDate to,
                                               LocalDate today) {
        if (from == null) {
            return Optional.of(Problems.error("from", "booking.week.period"));
        }
        if (to == null || to.isBefore(from)) {
            return Optional.of(Problems.error("to", "booking.week.period"));
        }
        if (from.plusYears(1).isBefore(to)) {
            return Optional.of(Problems.error("to", "booking.week.tooLong"));
        }
        if (to.isBefore(today)) {
            return Optional.of(Problems.error("to", "booking.week.past"));
        }
        if (unitsByWeekday.values().stream().allMatch(Set::isEmpty)) {
            return Optional.of(Problems.error("days", "booking.week.noDay"));
        }
        return Optional.empty();
    }

    /** The first day a period begun before {@code today} is applied from: no day gone by is asked for. */
    public static LocalDate firstDay(LocalDate from, LocalDate today) {
        return from.isBefore(today) ? today : from;
    }

    /** A period whose {@code unitDays} are more than one application books ({@link #MAX_UNIT_DAYS}): on its end date. */
    public static Optional<FieldError> tooMany(int unitDays) {
        return unitDays > MAX_UNIT_DAYS ? Optional.of(Problems.error("to", "booking.week.tooMany", MAX_UNIT_DAYS))
                : Optional.empty();
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
