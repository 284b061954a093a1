package fr.portailfamille.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Whether a family should be reminded, today, to book an activity before its deadline: the family usually books
 * it (days booked in at least {@link #USUAL_WEEKS} of the {@link #LOOKBACK_WEEKS} weeks before the period), the
 * coming period (a week, Monday to Sunday) has days the activity runs, none of them is booked yet, and the
 * period's booking deadline — the limit of its first running day — falls within the next {@link #LEAD}.
 * The text is the one mailed: "Les réservations de la semaine prochaine ferment mardi à 23h59".
 */
public final class BookingReminder {

    /** How far ahead of the deadline families are reminded. */
    public static final Duration LEAD = Duration.ofDays(3);
    /** Weeks looked back to tell a usual booker. */
    public static final int LOOKBACK_WEEKS = 4;
    /** Weeks with a booking, among those, that make a usual booker. */
    public static final int USUAL_WEEKS = 2;

    private BookingReminder() {
    }

    /**
     * A reminder to send.
     *
     * @param periodStart Monday of the week to book
     * @param closesAt    the last moment its first running day can be booked (commune local time)
     * @param text        the sentence mailed
     */
    public record Due(LocalDate periodStart, LocalDateTime closesAt, String text) {
    }

    /**
     * The reminder due at {@code now} for one family and one activity, if any.
     *
     * @param now        the commune's local time
     * @param deadline   the activity's booking deadline
     * @param cal        the commune's calendar
     * @param runsOn     whether the activity runs on a day (its units' weekdays, school time or holidays, not a
     *                   public holiday nor a closure)
     * @param bookedDays the days the family's children booked the activity (any booking that was kept: booked,
     *                   waiting for validation, present or absent), past and coming
     */
    public static Optional<Due> due(LocalDateTime now, Deadline deadline, CommuneCalendar cal, Predicate<LocalDate> runsOn,
                                    Collection<LocalDate> bookedDays) {
        LocalDate nextMonday = now.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        for (int ahead = 0; ahead < 3; ahead++) {
            LocalDate start = nextMonday.plusWeeks(ahead);
            Optional<LocalDate> firstDay = start.datesUntil(start.plusWeeks(1)).filter(runsOn).findFirst();
            if (firstDay.isEmpty()) {
                continue;
            }
            LocalDateTime closesAt = deadline.limitFor(firstDay.get(), cal);
            if (!deadline.allows(now, firstDay.get(), cal)) {
                continue; // too late for this period: the next one is the coming period
            }
            if (Duration.between(now, closesAt).compareTo(LEAD) > 0) {
                return Optional.empty(); // the coming period's deadline is still far
            }
            if (!usualBooker(bookedDays, start) || booked(bookedDays, start)) {
                return Optional.empty();
            }
            return Optional.of(new Due(start, closesAt, text(now.toLocalDate(), start, closesAt)));
        }
        return Optional.empty();
    }

    /** Days booked in at least {@link #USUAL_WEEKS} of the {@link #LOOKBACK_WEEKS} weeks before {@code periodStart}. */
    public static boolean usualBooker(Collection<LocalDate> bookedDays, LocalDate periodStart) {
        LocalDate from = periodStart.minusWeeks(LOOKBACK_WEEKS);
        Set<LocalDate> weeks = bookedDays.stream().filter(d -> !d.isBefore(from) && d.isBefore(periodStart))
                .map(d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))).collect(Collectors.toSet());
        return weeks.size() >= USUAL_WEEKS;
    }

    /** Whether a day of the week starting {@code periodStart} is booked already. */
    public static boolean booked(Collection<LocalDate> bookedDays, LocalDate periodStart) {
        return bookedDays.stream().anyMatch(d -> !d.isBefore(periodStart) && d.isBefore(periodStart.plusWeeks(1)));
    }

    /**
     * "Les réservations de la semaine prochaine ferment mardi à 23h59" (the week after the current one), "… de la
     * semaine du 14 décembre ferment …" otherwise; the deadline "aujourd'hui", "demain" or by its weekday within a
     * week.
     */
    static String text(LocalDate today, LocalDate periodStart, LocalDateTime closesAt) {
        LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String week = periodStart.equals(nextMonday) ? "de la semaine prochaine"
                : "de la semaine du " + FrenchText.day(periodStart, today).replaceFirst("^\\p{L}+ ", "");
        LocalDate day = closesAt.toLocalDate();
        String when;
        if (day.equals(today)) {
            when = "aujourd'hui";
        } else if (day.equals(today.plusDays(1))) {
            when = "demain";
        } else if (day.isBefore(today.plusDays(7))) {
            when = FrenchText.weekday(day.getDayOfWeek());
        } else {
            when = FrenchText.day(day, today);
        }
        return "Les réservations " + week + " ferment " + when + " à " + FrenchText.time(closesAt.toLocalTime());
    }
}
