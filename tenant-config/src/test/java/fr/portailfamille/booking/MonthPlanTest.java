package fr.portailfamille.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonthPlanTest {

    private final CommuneCalendar cal = CommuneCalendarTest.calendar();
    private final BookingRules rules = BookingRulesTest.rules(LatePolicy.REFUSED, false);
    private final List<DateRange> schoolYear = List.of(new DateRange(LocalDate.parse("2026-09-01"),
            LocalDate.parse("2027-07-03"), "Année scolaire 2026-2027"));
    private final LocalDateTime now = LocalDateTime.parse("2026-11-23T10:00");
    private final MonthPlan.Unit soir = new MonthPlan.Unit(7, "Soir", 2, MonthPlan.Unit.weekdays("1,2,4,5"), rules, false, false);
    private final MonthPlan.Unit alsh = new MonthPlan.Unit(8, "Journée", 10, MonthPlan.Unit.weekdays("1,2,3,4,5"), rules,
            true, true);

    private MonthPlan.Cell cell(List<MonthPlan.Day> month, String day, long unit) {
        return month.stream().filter(d -> d.day().equals(LocalDate.parse(day))).findFirst().orElseThrow()
                .cells().stream().filter(c -> c.unitId() == unit).findFirst().orElseThrow();
    }

    @Test
    void weekdaysAreReadFromTheirIsoForm() {
        assertEquals(java.util.EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), MonthPlan.Unit.weekdays("1, 3,"));
    }

    @Test
    void schoolTimeAndHolidayOnlyUnitsRunInTheirPeriods() {
        LocalDate schoolMonday = LocalDate.parse("2026-12-07");
        LocalDate holidayMonday = LocalDate.parse("2026-12-21");
        assertTrue(MonthPlan.runs(soir, schoolMonday, cal, schoolYear));
        assertFalse(MonthPlan.runs(soir, schoolMonday.plusDays(2), cal, schoolYear), "no SOIR on Wednesdays");
        assertFalse(MonthPlan.runs(soir, LocalDate.parse("2027-07-12"), cal, schoolYear), "after the school year");
        assertTrue(MonthPlan.runs(soir, LocalDate.parse("2027-07-12"), cal, List.of()), "no school year configured");
        assertFalse(MonthPlan.runs(alsh, schoolMonday, cal, schoolYear), "ALSH: not on school days");
        assertTrue(MonthPlan.runs(alsh, holidayMonday, cal, schoolYear));
        assertTrue(MonthPlan.open(soir, schoolMonday, cal, schoolYear));
        assertFalse(MonthPlan.open(soir, holidayMonday, cal, schoolYear), "a school-time unit takes no booking in holidays");
        assertTrue(MonthPlan.open(alsh, holidayMonday, cal, schoolYear));
        assertFalse(MonthPlan.open(alsh, schoolMonday, cal, schoolYear));
    }

    @Test
    void eachCellSaysWhatTheFamilyMayDo() {
        LocalDate booked = LocalDate.parse("2026-12-07");
        LocalDate waiting = LocalDate.parse("2026-12-08");
        LocalDate full = LocalDate.parse("2026-12-10");
        LocalDate cancelled = LocalDate.parse("2026-12-14"); // (the 11th is a closure of the test calendar)
        List<MonthPlan.Day> month = MonthPlan.of(List.of(soir, alsh), YearMonth.of(2026, 12),
                Map.of(new MonthPlan.UnitDay(7, waiting), 2, new MonthPlan.UnitDay(7, full), 2),
                Map.of(new MonthPlan.UnitDay(7, booked), new MonthPlan.Booking(100, BookingStatus.BOOKED),
                        new MonthPlan.UnitDay(7, waiting), new MonthPlan.Booking(101, BookingStatus.WAITING),
                        new MonthPlan.UnitDay(7, cancelled), new MonthPlan.Booking(102, BookingStatus.CANCELLED_FREE)),
                cal, schoolYear, now);
        assertEquals(31, month.size());
        assertEquals(2, month.get(0).cells().size());

        MonthPlan.Cell b = cell(month, booked.toString(), 7);
        assertEquals(DayState.RESERVE_ANNULABLE, b.state());
        assertEquals(100L, b.bookingId());
        assertTrue(b.cancellable() && b.absenceAllowed() && !b.bookable());

        MonthPlan.Cell w = cell(month, waiting.toString(), 7);
        assertEquals(DayState.LISTE_ATTENTE, w.state());
        assertTrue(w.cancellable() && !w.absenceAllowed(), "leave the waiting list; no absence on a day not held");

        MonthPlan.Cell f = cell(month, full.toString(), 7);
        assertEquals(DayState.COMPLET, f.state());
        assertTrue(f.bookable(), "a full day can be asked for: the child goes on the waiting list");
        assertNull(f.bookingId());

        MonthPlan.Cell c = cell(month, cancelled.toString(), 7);
        assertEquals(DayState.ANNULE_SANS_FRAIS, c.state());
        assertTrue(c.bookable() && !c.cancellable(), "a cancelled day can be booked again");

        MonthPlan.Cell holiday = cell(month, "2026-12-21", 7);
        assertEquals(DayState.VACANCES, holiday.state());
        assertFalse(holiday.bookable() || holiday.cancellable());
        assertEquals(DayState.RESERVABLE, cell(month, "2026-12-21", 8).state(), "the ALSH opens in the holidays");
        assertEquals(DayState.FERME, cell(month, "2026-12-09", 8).state(), "but not on school days");
        assertEquals(DayState.FERME, cell(month, "2026-12-09", 7).state(), "no SOIR on Wednesdays");
        assertEquals(DayState.FERIE, cell(month, "2026-12-25", 8).state());

        MonthPlan.Cell past = cell(MonthPlan.of(List.of(soir), YearMonth.of(2026, 11), Map.of(),
                Map.of(new MonthPlan.UnitDay(7, LocalDate.parse("2026-11-16")), new MonthPlan.Booking(103, BookingStatus.BOOKED)),
                cal, schoolYear, now), "2026-11-16", 7);
        assertFalse(past.cancellable() || past.absenceAllowed() || past.bookable(), "the past is not changed from the planning");
        // nor a day cancelled free in the past: it shows so, it is not booked again
        MonthPlan.Cell pastCancelled = cell(MonthPlan.of(List.of(soir), YearMonth.of(2026, 11), Map.of(),
                Map.of(new MonthPlan.UnitDay(7, LocalDate.parse("2026-11-16")), new MonthPlan.Booking(104, BookingStatus.CANCELLED_FREE)),
                cal, schoolYear, now), "2026-11-16", 7);
        assertEquals(DayState.ANNULE_SANS_FRAIS, pastCancelled.state());
        assertFalse(pastCancelled.bookable() || pastCancelled.cancellable());
    }

    @Test
    void aDayTheServicePointedAbsentIsDeclaredFromThePlanningWhileTheFamilyStillMay() {
        LocalDate monday = LocalDate.parse("2026-11-16");
        LocalDate tuesday = LocalDate.parse("2026-11-17");
        List<MonthPlan.Day> month = MonthPlan.of(List.of(soir), YearMonth.of(2026, 11), Map.of(),
                Map.of(new MonthPlan.UnitDay(7, monday), new MonthPlan.Booking(105, BookingStatus.ABSENT_BILLED, null, true),
                        new MonthPlan.UnitDay(7, tuesday), new MonthPlan.Booking(106, BookingStatus.ABSENT_BILLED)),
                cal, schoolYear, now);
        MonthPlan.Cell pointed = cell(month, monday.toString(), 7);
        assertTrue(pointed.absenceAllowed(), "its reason, its certificate still given");
        assertEquals(105L, pointed.bookingId());
        assertFalse(pointed.cancellable() || pointed.bookable() || pointed.freeCancellation());
        MonthPlan.Cell declared = cell(month, tuesday.toString(), 7);
        assertFalse(declared.absenceAllowed(), "declared by the family, or too long ago");
        assertNull(declared.bookingId());
    }

    @Test
    void aRequestNotGrantedIsWithdrawnFreeAfterTheDeadlineToo() {
        // the 23rd and the 24th, seen on the 23rd at 10:00: past their cancellation deadline (a booked day is billed)
        LocalDate tomorrow = LocalDate.parse("2026-11-24");
        List<MonthPlan.Day> month = MonthPlan.of(List.of(soir), YearMonth.of(2026, 11), Map.of(),
                Map.of(new MonthPlan.UnitDay(7, tomorrow), new MonthPlan.Booking(105, BookingStatus.WAITING),
                        new MonthPlan.UnitDay(7, tomorrow.minusDays(1)), new MonthPlan.Booking(106, BookingStatus.BOOKED)),
                cal, schoolYear, now);
        MonthPlan.Cell booked = cell(month, tomorrow.minusDays(1).toString(), 7); // today
        MonthPlan.Cell waiting = cell(month, tomorrow.toString(), 7);
        assertTrue(booked.cancellable() && !booked.freeCancellation(), "the deadline of this test's rules has passed");
        assertTrue(waiting.cancellable() && waiting.freeCancellation(), "leaving the waiting list costs nothing");
    }

    @Test
    void thePlanningShowsOnlyTheWeekdaysTheActivityRuns() {
        MonthPlan.Unit mercredi = new MonthPlan.Unit(9, "Journée", 10, MonthPlan.Unit.weekdays("3"), rules, false, false);
        assertEquals(List.of(DayOfWeek.WEDNESDAY), MonthPlan.weekdays(List.of(mercredi)));
        assertEquals(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                MonthPlan.weekdays(List.of(soir, mercredi)), "Monday first, each day once");
        assertEquals(List.of(), MonthPlan.weekdays(List.of()));
    }

    @Test
    void aUnitDoesNotRunAfterItsActivitysLastDay() {
        MonthPlan.Unit ending = new MonthPlan.Unit(7, "Soir", 2, MonthPlan.Unit.weekdays("1,2,4,5"), rules, false, false,
                null, LocalDate.parse("2026-12-08"));
        assertTrue(MonthPlan.runsOn(ending, LocalDate.parse("2026-12-07"), cal, schoolYear));
        assertTrue(MonthPlan.runsOn(ending, LocalDate.parse("2026-12-08"), cal, schoolYear), "its last day runs");
        assertFalse(MonthPlan.runsOn(ending, LocalDate.parse("2026-12-10"), cal, schoolYear), "after its last day");
        List<MonthPlan.Day> month = MonthPlan.of(List.of(ending), YearMonth.of(2026, 12), Map.of(), Map.of(), cal,
                schoolYear, now);
        assertTrue(cell(month, "2026-12-08", 7).bookable());
        assertFalse(cell(month, "2026-12-10", 7).bookable(), "a day after the last one takes no booking");
        assertEquals(cell(month, "2026-12-09", 7).state(), cell(month, "2026-12-10", 7).state(),
                "shown as a day it does not run");
    }

    @Test
    void occupancyCountsOnlyUnitsRunningThatDay() {
        LocalDate schoolMonday = LocalDate.parse("2026-12-07");
        LocalDate holidayMonday = LocalDate.parse("2026-12-21");
        assertTrue(MonthPlan.runsOn(soir, schoolMonday, cal, schoolYear));
        assertFalse(MonthPlan.runsOn(alsh, schoolMonday, cal, schoolYear), "holiday centre on a school day");
        assertFalse(MonthPlan.runsOn(soir, holidayMonday, cal, schoolYear), "cantine/périscolaire in the holidays");
        assertTrue(MonthPlan.runsOn(alsh, holidayMonday, cal, schoolYear));
        assertFalse(MonthPlan.runsOn(alsh, LocalDate.parse("2026-12-25"), cal, schoolYear), "public holiday");
        assertFalse(MonthPlan.runsOn(soir, LocalDate.parse("2026-12-11"), cal, schoolYear), "closure");
        assertFalse(MonthPlan.runsOn(soir, LocalDate.parse("2026-12-09"), cal, schoolYear), "no SOIR on Wednesdays");
    }

    @Test
    void startedUnitsLateBookingsRefusalsAndFreeCancellations() {
        LocalDate monday = LocalDate.parse("2026-12-07");
        BookingRules sameDay = new BookingRules(new Deadline.DaysBefore(0, java.time.LocalTime.of(18, 0)),
                new Deadline.DaysBefore(5, java.time.LocalTime.of(23, 59)), LatePolicy.SURCHARGED, false);
        MonthPlan.Unit matin = new MonthPlan.Unit(10, "Matin", 10, MonthPlan.Unit.weekdays("1,2,4,5"), sameDay, false, false,
                java.time.LocalTime.of(7, 30));
        List<MonthPlan.Day> month = MonthPlan.of(List.of(matin), YearMonth.of(2026, 12), Map.of(),
                Map.of(new MonthPlan.UnitDay(10, monday.plusDays(1)), new MonthPlan.Booking(200, BookingStatus.REFUSED,
                                "Plus de place pour les extérieurs"),
                        new MonthPlan.UnitDay(10, monday.plusDays(3)), new MonthPlan.Booking(201, BookingStatus.BOOKED_LATE),
                        new MonthPlan.UnitDay(10, monday.plusDays(10)), new MonthPlan.Booking(202, BookingStatus.BOOKED)),
                cal, schoolYear, monday.atTime(13, 45));
        MonthPlan.Cell started = cell(month, monday.toString(), 10);
        assertEquals(DayState.FERME, started.state(), "07:30 unit seen at 13:45 the same day");
        assertFalse(started.bookable());

        MonthPlan.Cell refusedByAgent = cell(month, monday.plusDays(1).toString(), 10);
        assertEquals(DayState.REFUSEE, refusedByAgent.state());
        assertEquals("Plus de place pour les extérieurs", refusedByAgent.reason());
        assertFalse(refusedByAgent.cancellable() || refusedByAgent.bookable());

        MonthPlan.Cell late = cell(month, monday.plusDays(3).toString(), 10);
        assertEquals(DayState.RESERVE_NON_ANNULABLE, late.state(), "booked, not 'hors délai'");
        assertTrue(late.surcharged() && late.absenceAllowed() && !late.freeCancellation());
        assertNull(late.reason());

        MonthPlan.Cell later = cell(month, monday.plusDays(10).toString(), 10);
        assertTrue(later.freeCancellation() && later.absenceAllowed(), "still free to cancel: an absence is not needed");
        assertFalse(later.surcharged());
    }

    @Test
    void daysOfAnUnpublishedWindowAreAskedForNotBooked() {
        LocalDate booked = LocalDate.parse("2026-12-07");
        LocalDate free = LocalDate.parse("2026-12-08");
        LocalDate full = LocalDate.parse("2026-12-10");
        LocalDate closed = LocalDate.parse("2026-12-11"); // a closure of the test calendar
        LocalDate outside = LocalDate.parse("2026-12-14");
        java.util.Set<LocalDate> window = java.util.Set.of(booked, free, full, closed);
        List<MonthPlan.Day> month = MonthPlan.of(List.of(soir), YearMonth.of(2026, 12),
                Map.of(new MonthPlan.UnitDay(7, full), 2),
                Map.of(new MonthPlan.UnitDay(7, booked), new MonthPlan.Booking(100, BookingStatus.BOOKED)),
                cal, schoolYear, now, window);
        MonthPlan.Cell f = cell(month, free.toString(), 7);
        assertEquals(DayState.SUR_DEMANDE, f.state());
        assertFalse(f.bookable(), "no first come, first served on a window's day");
        MonthPlan.Cell c = cell(month, full.toString(), 7);
        assertEquals(DayState.SUR_DEMANDE, c.state());
        assertFalse(c.bookable(), "not even the waiting list");
        MonthPlan.Cell b = cell(month, booked.toString(), 7);
        assertEquals(DayState.RESERVE_ANNULABLE, b.state(), "a booking (e.g. placed by the window) keeps its state");
        assertTrue(b.cancellable());
        assertEquals(DayState.FERME, cell(month, closed.toString(), 7).state(), "a closure stays a closure");
        MonthPlan.Cell o = cell(month, outside.toString(), 7);
        assertEquals(DayState.RESERVABLE, o.state());
        assertTrue(o.bookable());
        // published (no window days any more): the usual rules
        List<MonthPlan.Day> after = MonthPlan.of(List.of(soir), YearMonth.of(2026, 12), Map.of(), Map.of(), cal,
                schoolYear, now, java.util.Set.of());
        assertEquals(DayState.RESERVABLE, cell(after, free.toString(), 7).state());
        assertTrue(cell(after, free.toString(), 7).bookable());
    }
}
