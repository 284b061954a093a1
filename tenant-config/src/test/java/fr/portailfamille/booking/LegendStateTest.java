package fr.portailfamille.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class LegendStateTest {

    private final CommuneCalendar cal = CommuneCalendarTest.calendar();
    /** Booking by Tuesday 23:59 the week before, cancellation 2 working days before at 10:00. */
    private final BookingRules refused = BookingRulesTest.rules(LatePolicy.REFUSED, false);
    private final BookingRules surcharged = BookingRulesTest.rules(LatePolicy.SURCHARGED, false);
    /** Wednesday: booking limit Tuesday 1 Dec 23:59, cancellation limit Monday 7 Dec 10:00. */
    private final LocalDate wednesday = LocalDate.parse("2026-12-09");
    private final LocalDateTime early = LocalDateTime.parse("2026-11-20T12:00");

    private DayState periscolaire(LocalDate day, LocalDateTime now, BookingRules rules, BookingStatus status,
            int booked, int capacity) {
        return LegendState.of(day, now, cal, rules, false, true, status, booked, capacity);
    }

    @Test
    void notBookedAndOpenIsReservable() {
        assertEquals(DayState.RESERVABLE, periscolaire(wednesday, early, refused, null, 3, 10));
        assertEquals(DayState.RESERVABLE, periscolaire(wednesday, LocalDateTime.parse("2026-12-01T23:59"), refused,
                null, 3, 10), "limit minute");
        assertEquals(DayState.RESERVABLE, periscolaire(wednesday, early, BookingRulesTest.rules(LatePolicy.REFUSED, true),
                null, 3, 10), "validation does not change the legend before booking");
    }

    @Test
    void notBookedAndFullIsComplet() {
        assertEquals(DayState.COMPLET, periscolaire(wednesday, early, refused, null, 10, 10));
        assertEquals(DayState.COMPLET, periscolaire(wednesday, LocalDateTime.parse("2026-12-03T08:00"), surcharged,
                null, 10, 10), "full wins over late surcharge");
    }

    @Test
    void notBookedAfterTheDeadline() {
        LocalDateTime late = LocalDateTime.parse("2026-12-02T00:00");
        assertEquals(DayState.FERME, periscolaire(wednesday, late, refused, null, 3, 10), "no longer bookable");
        assertEquals(DayState.FERME, periscolaire(wednesday, late, refused, null, 10, 10), "not bookable beats full");
        assertEquals(DayState.HORS_DELAI_MAJORE, periscolaire(wednesday, late, surcharged, null, 3, 10));
        assertEquals(DayState.HORS_DELAI_MAJORE, periscolaire(wednesday, late,
                BookingRulesTest.rules(LatePolicy.SURCHARGED, true), null, 3, 10));
        assertEquals(DayState.FERME, periscolaire(wednesday, LocalDateTime.parse("2026-12-10T08:00"), surcharged,
                null, 3, 10), "past day");
    }

    @Test
    void bookedIsCancellableUntilTheCancellationLimit() {
        assertEquals(DayState.RESERVE_ANNULABLE, periscolaire(wednesday, LocalDateTime.parse("2026-12-07T10:00"),
                refused, BookingStatus.BOOKED, 10, 10));
        assertEquals(DayState.RESERVE_NON_ANNULABLE, periscolaire(wednesday, LocalDateTime.parse("2026-12-07T10:01"),
                refused, BookingStatus.BOOKED, 10, 10));
        assertEquals(DayState.RESERVE_NON_ANNULABLE, periscolaire(wednesday, LocalDateTime.parse("2026-12-10T10:00"),
                refused, BookingStatus.BOOKED, 10, 10), "past day without attendance yet");
    }

    @Test
    void aBookedUnitAlreadyStartedIsNoLongerCancellableWhateverASameDayDeadlineSays() {
        // cancellation "le jour même à 12:00", a morning from 07:30: at 10:00 its cancellation would be billed
        BookingRules sameDayNoon = new BookingRules(BookingRulesTest.TUESDAY_CUTOFF,
                new Deadline.DaysBefore(0, LocalTime.of(12, 0)), LatePolicy.REFUSED, false);
        LocalTime morning = LocalTime.of(7, 30);
        assertEquals(DayState.RESERVE_ANNULABLE, LegendState.of(wednesday, wednesday.atTime(7, 0), cal, sameDayNoon, false,
                true, morning, BookingStatus.BOOKED, 10, 10), "before it starts");
        assertEquals(DayState.RESERVE_NON_ANNULABLE, LegendState.of(wednesday, wednesday.atTime(10, 0), cal, sameDayNoon,
                false, true, morning, BookingStatus.BOOKED, 10, 10), "started: billed, as the cancellation would be");
        assertEquals(sameDayNoon.decideCancellation(wednesday.atTime(10, 0), wednesday, cal, morning).outcome(),
                CancellationDecision.Outcome.BILLED);
    }

    @Test
    void otherBookingStatuses() {
        assertEquals(DayState.RESERVE_ANNULABLE, periscolaire(wednesday, early, surcharged, BookingStatus.BOOKED_LATE, 3, 10),
                "a day booked late says it is booked, not 'hors délai'");
        assertEquals(DayState.RESERVE_NON_ANNULABLE, periscolaire(wednesday, LocalDateTime.parse("2026-12-08T08:00"),
                surcharged, BookingStatus.BOOKED_LATE, 3, 10));
        assertEquals(DayState.REFUSEE, periscolaire(wednesday, early, refused, BookingStatus.REFUSED, 3, 10));
        assertEquals(DayState.ABSENCE_EN_VERIFICATION,
                periscolaire(wednesday, early, refused, BookingStatus.ABSENT_PENDING, 3, 10));
        assertEquals(DayState.LISTE_ATTENTE, periscolaire(wednesday, early, refused, BookingStatus.WAITING, 10, 10));
        assertEquals(DayState.EN_ATTENTE_VALIDATION,
                periscolaire(wednesday, early, refused, BookingStatus.PENDING_VALIDATION, 3, 10));
        assertEquals(DayState.ANNULE_SANS_FRAIS, periscolaire(wednesday, early, refused, BookingStatus.CANCELLED_FREE, 3, 10));
        assertEquals(DayState.ABSENT_EXCUSE, periscolaire(wednesday, early, refused, BookingStatus.ABSENT_EXCUSED, 3, 10));
        assertEquals(DayState.ABSENT_FACTURE, periscolaire(wednesday, early, refused, BookingStatus.ABSENT_BILLED, 3, 10));
        assertEquals(DayState.PRESENT, periscolaire(wednesday, early, refused, BookingStatus.PRESENT, 3, 10));
    }

    @Test
    void calendarComesBeforeBookings() {
        LocalDate closure = LocalDate.parse("2026-12-11");
        LocalDate christmas = LocalDate.parse("2026-12-25");
        LocalDate holidayMonday = LocalDate.parse("2026-12-21");
        assertEquals(DayState.FERIE, periscolaire(christmas, early, refused, BookingStatus.BOOKED, 0, 10),
                "public holiday beats school holidays and bookings");
        assertEquals(DayState.FERIE, LegendState.of(christmas, early, cal, refused, true, true, null, 0, 10));
        assertEquals(DayState.VACANCES, periscolaire(holidayMonday, early, refused, null, 0, 10));
        assertEquals(DayState.VACANCES, LegendState.of(holidayMonday, early, cal, refused, false, false, null, 0, 10),
                "vacances beats unit not running");
        assertEquals(DayState.RESERVABLE, LegendState.of(holidayMonday, early, cal, refused, true, true, null, 0, 10),
                "ALSH runs during holidays");
        assertEquals(DayState.FERME, periscolaire(closure, early, refused, BookingStatus.BOOKED, 0, 10), "closure");
        assertEquals(DayState.FERME, LegendState.of(wednesday, early, cal, refused, false, false, null, 0, 10),
                "unit not running");
        assertEquals(DayState.FERME, LegendState.of(LocalDate.parse("2027-01-06"), early, cal, refused, true, false,
                BookingStatus.WAITING, 0, 10), "ALSH not running on a school day");
    }

    @Test
    void aPastDayStillBookedSaysItIsBookedWhateverTheCalendarSaysSince() {
        // holidays moved over it, its weekday removed, closed after it was billed: booked, and billed as such
        LocalDate holidayMonday = LocalDate.parse("2026-12-21");
        LocalDateTime after = LocalDateTime.parse("2026-12-28T09:00");
        assertEquals(DayState.RESERVE_NON_ANNULABLE, periscolaire(holidayMonday, after, refused, BookingStatus.BOOKED, 0, 10));
        assertEquals(DayState.RESERVE_NON_ANNULABLE, LegendState.of(wednesday, after, cal, refused, false, false, null,
                BookingStatus.BOOKED_LATE, 0, 10), "unit no longer running that day");
        assertEquals(DayState.RESERVE_NON_ANNULABLE, periscolaire(LocalDate.parse("2026-12-11"), after, refused,
                BookingStatus.BOOKED, 0, 10), "a closure after it was billed");
        // not yet past: the calendar as it is
        assertEquals(DayState.VACANCES, periscolaire(holidayMonday, early, refused, BookingStatus.BOOKED, 0, 10));
        assertEquals(DayState.VACANCES, periscolaire(holidayMonday, LocalDateTime.parse("2026-12-28T09:00"), refused, null,
                0, 10), "not booked: the calendar");
    }

    @Test
    void aUnitThatHasStartedIsNoLongerBookable() {
        BookingRules sameDay = new BookingRules(new Deadline.DaysBefore(0, java.time.LocalTime.of(18, 0)),
                new Deadline.DaysBefore(0, java.time.LocalTime.of(18, 0)), LatePolicy.SURCHARGED, false);
        java.time.LocalTime start = java.time.LocalTime.of(7, 30);
        assertEquals(DayState.RESERVABLE, LegendState.of(wednesday, wednesday.atTime(7, 29), cal, sameDay, false, true,
                start, null, 0, 10));
        assertEquals(DayState.FERME, LegendState.of(wednesday, wednesday.atTime(13, 45), cal, sameDay, false, true,
                start, null, 0, 10), "07:30–08:30 seen at 13:45");
    }

    @Test
    void attendanceComesFirst() {
        assertEquals(DayState.PRESENT, periscolaire(LocalDate.parse("2026-12-11"), early, refused,
                BookingStatus.PRESENT, 0, 10), "recorded attendance beats a later closure");
        assertEquals(DayState.ABSENT_FACTURE, periscolaire(LocalDate.parse("2026-12-25"), early, refused,
                BookingStatus.ABSENT_BILLED, 0, 10));
    }
}
