package fr.portailfamille.it.support;

import fr.portailfamille.booking.FrenchPublicHolidays;
import fr.portailfamille.platform.kernel.PlatformTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/**
 * Days the tests book, chosen from today: the platform closes French public holidays (no booking, no
 * occupancy), so a test that computes its days from today keeps them out of the holidays, whatever the date.
 * "Today" is the platform's ({@link PlatformTime}, Paris), whatever the test JVM's zone (UTC on CI): tests and
 * server agree on the day at any hour.
 */
public final class TestDays {

    private TestDays() {
    }

    /** Today in the platform's zone, as the server reads it. */
    public static LocalDate today() {
        return PlatformTime.today();
    }

    /** The date and time now in the platform's zone (opening windows, publication times). */
    public static LocalDateTime now() {
        return PlatformTime.now();
    }

    /** The current month in the platform's zone. */
    public static YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    /** Whether {@code day} is a French public holiday. */
    public static boolean holiday(LocalDate day) {
        return FrenchPublicHolidays.datesOf(day.getYear()).contains(day);
    }

    /** {@code day}, or the first day after it that is a weekday and not a public holiday. */
    public static LocalDate workingDayFrom(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || holiday(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The first Monday after {@code day} such that neither it nor any of the days {@code daysAfter} it is a public
     * holiday (e.g. {@code mondayAfter(today.plusWeeks(5), 1, 7)}: the Monday, its Tuesday and the next Monday).
     */
    public static LocalDate mondayAfter(LocalDate day, int... daysAfter) {
        LocalDate monday = day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        while (!clear(monday, daysAfter)) {
            monday = monday.plusWeeks(1);
        }
        return monday;
    }

    private static boolean clear(LocalDate monday, int... daysAfter) {
        if (holiday(monday)) {
            return false;
        }
        for (int n : daysAfter) {
            if (holiday(monday.plusDays(n))) {
                return false;
            }
        }
        return true;
    }
}
