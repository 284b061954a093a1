package fr.portailfamille.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private final CommuneCalendar cal = CommuneCalendarTest.calendar();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static LocalDateTime t(String iso) {
        return LocalDateTime.parse(iso);
    }

    @Test
    void daysBeforeCountsCalendarDays() {
        Deadline j2 = new Deadline.DaysBefore(2, LocalTime.of(23, 59));
        LocalDate thursday = d("2026-12-10");
        assertEquals(DayOfWeek.THURSDAY, thursday.getDayOfWeek());
        assertEquals(t("2026-12-08T23:59"), j2.limitFor(thursday, cal)); // Tuesday
        assertEquals(t("2026-12-05T23:59"), j2.limitFor(d("2026-12-07"), cal), "weekends are counted");
        assertEquals(t("2026-12-10T09:00"), new Deadline.DaysBefore(0, LocalTime.of(9, 0)).limitFor(thursday, cal));
    }

    @Test
    void workingDaysBeforeSkipsTheWeekend() {
        Deadline j2 = new Deadline.WorkingDaysBefore(2, LocalTime.of(10, 0));
        LocalDate monday = d("2026-03-16");
        assertEquals(DayOfWeek.MONDAY, monday.getDayOfWeek());
        assertEquals(t("2026-03-12T10:00"), j2.limitFor(monday, cal)); // previous Thursday
        assertEquals(t("2026-03-13T10:00"), new Deadline.WorkingDaysBefore(1, LocalTime.of(10, 0)).limitFor(monday, cal));
        assertEquals(t("2026-03-16T10:00"), new Deadline.WorkingDaysBefore(0, LocalTime.of(10, 0)).limitFor(monday, cal));
    }

    @Test
    void workingDaysBeforeSkipsPublicHolidays() {
        Deadline j2 = new Deadline.WorkingDaysBefore(2, LocalTime.of(10, 0));
        // Tuesday 7 April 2026, right after Easter Monday: Mon 6 skipped, Fri 3 (1), Thu 2 (2)
        assertEquals(t("2026-04-02T10:00"), j2.limitFor(d("2026-04-07"), cal));
        // Friday after Ascension (Thursday 14 May 2026), J-1 working day: Wednesday 13
        assertEquals(t("2026-05-13T10:00"), new Deadline.WorkingDaysBefore(1, LocalTime.of(10, 0))
                .limitFor(d("2026-05-15"), cal));
        // closures do not stop the count: Monday 14 Dec 2026, Friday 11 is a closure but counts
        assertEquals(t("2026-12-11T10:00"), new Deadline.WorkingDaysBefore(1, LocalTime.of(10, 0))
                .limitFor(d("2026-12-14"), cal));
    }

    @Test
    void weeklyCutoffIsInTheWeekBefore() {
        Deadline tuesday = new Deadline.WeeklyCutoff(DayOfWeek.TUESDAY, LocalTime.of(23, 59));
        LocalDateTime limit = t("2026-12-01T23:59");
        assertEquals(DayOfWeek.TUESDAY, limit.getDayOfWeek());
        assertEquals(limit, tuesday.limitFor(d("2026-12-09"), cal)); // Wednesday
        assertEquals(limit, tuesday.limitFor(d("2026-12-07"), cal)); // Monday
        assertEquals(limit, tuesday.limitFor(d("2026-12-13"), cal)); // Sunday
        assertEquals(t("2026-12-08T23:59"), tuesday.limitFor(d("2026-12-14"), cal)); // next Monday
        // a Sunday cut-off is the day before the booked week starts
        assertEquals(t("2026-12-06T18:00"), new Deadline.WeeklyCutoff(DayOfWeek.SUNDAY, LocalTime.of(18, 0))
                .limitFor(d("2026-12-09"), cal));
    }

    @Test
    void theLimitMinuteIsAllowedTheNextOneIsNot() {
        Deadline tuesday = new Deadline.WeeklyCutoff(DayOfWeek.TUESDAY, LocalTime.of(23, 59));
        LocalDate wednesday = d("2026-12-09");
        assertTrue(tuesday.allows(t("2026-11-20T12:00"), wednesday, cal));
        assertTrue(tuesday.allows(t("2026-12-01T23:59"), wednesday, cal));
        assertTrue(tuesday.allows(t("2026-12-01T23:59:59.999"), wednesday, cal));
        assertFalse(tuesday.allows(t("2026-12-02T00:00"), wednesday, cal));
        assertFalse(tuesday.allows(t("2026-12-02T00:01"), wednesday, cal));
    }

    @Test
    void describedInFrench() {
        assertEquals("2 jours ouvrés avant, 10h00", new Deadline.WorkingDaysBefore(2, LocalTime.of(10, 0)).describe());
        assertEquals("1 jour ouvré avant, 7h15", new Deadline.WorkingDaysBefore(1, LocalTime.of(7, 15)).describe());
        assertEquals("mardi 23h59 pour la semaine suivante",
                new Deadline.WeeklyCutoff(DayOfWeek.TUESDAY, LocalTime.of(23, 59)).describe());
        assertEquals("2 jours avant, 23h59", new Deadline.DaysBefore(2, LocalTime.of(23, 59)).describe());
        assertEquals("la veille, 18h00", new Deadline.DaysBefore(1, LocalTime.of(18, 0)).describe());
        assertEquals("le jour même, 9h00", new Deadline.DaysBefore(0, LocalTime.of(9, 0)).describe());
    }

    @Test
    void negativeDaysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Deadline.DaysBefore(-1, LocalTime.NOON));
        assertThrows(IllegalArgumentException.class, () -> new Deadline.WorkingDaysBefore(-1, LocalTime.NOON));
        assertThrows(NullPointerException.class, () -> new Deadline.WeeklyCutoff(null, LocalTime.NOON));
    }

    @Test
    void eachDeadlineReadsInTheReadersLanguageAsItIsDescribed() {
        java.util.List<Deadline> all = java.util.List.of(new Deadline.DaysBefore(0, LocalTime.of(9, 0)),
                new Deadline.DaysBefore(1, LocalTime.of(23, 59)), new Deadline.DaysBefore(3, LocalTime.of(18, 0)),
                new Deadline.WorkingDaysBefore(1, LocalTime.of(10, 0)), new Deadline.WorkingDaysBefore(2, LocalTime.of(10, 0)),
                new Deadline.WeeklyCutoff(DayOfWeek.TUESDAY, LocalTime.of(23, 59)));
        for (Deadline d : all) {
            assertEquals(d.describe(), d.text().french(), d.toString());
        }
        java.util.Locale en = java.util.Locale.ENGLISH;
        assertEquals("the day before, 23:59", all.get(1).text().in(en));
        assertEquals("2 working days before, 10:00", all.get(4).text().in(en));
        assertEquals("Tuesday 23:59 for the following week", all.get(5).text().in(en));
        assertEquals("mardi 23h59 pour la semaine suivante", all.get(5).text().french());
    }
}
