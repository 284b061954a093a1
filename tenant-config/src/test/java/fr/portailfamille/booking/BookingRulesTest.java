package fr.portailfamille.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.booking.BookingDecision.Outcome;
import fr.portailfamille.problems.Message;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BookingRulesTest {

    static final Deadline TUESDAY_CUTOFF = new Deadline.WeeklyCutoff(DayOfWeek.TUESDAY, LocalTime.of(23, 59));
    static final Deadline TWO_WORKING_DAYS = new Deadline.WorkingDaysBefore(2, LocalTime.of(10, 0));

    static BookingRules rules(LatePolicy late, boolean validation) {
        return new BookingRules(TUESDAY_CUTOFF, TWO_WORKING_DAYS, late, validation);
    }

    private final CommuneCalendar cal = CommuneCalendarTest.calendar();
    /** Wednesday; booking limit Tuesday 1 December 2026 23:59. */
    private final LocalDate wednesday = LocalDate.parse("2026-12-09");
    private final LocalDateTime onTime = LocalDateTime.parse("2026-12-01T23:59");
    private final LocalDateTime late = LocalDateTime.parse("2026-12-02T00:00");

    @Test
    void acceptedOnTime() {
        BookingDecision d = rules(LatePolicy.REFUSED, false).decideBooking(onTime, wednesday, cal, true, 3, 10);
        assertEquals(Outcome.ACCEPTED, d.outcome());
        assertFalse(d.surcharged());
        assertTrue(d.isRecorded());
        assertEquals(Outcome.ACCEPTED, rules(LatePolicy.REFUSED, false)
                .decideBooking(onTime, wednesday, cal, true, 9, 10).outcome(), "last place");
    }

    @Test
    void lateAndRefusedGivesTheLimitInFrench() {
        BookingDecision d = rules(LatePolicy.REFUSED, false).decideBooking(late, wednesday, cal, true, 3, 10);
        assertEquals(Outcome.REFUSED, d.outcome());
        assertFalse(d.isRecorded());
        assertEquals("Le délai de réservation est dépassé (limite : mardi 1 décembre à 23h59).", d.message());
        assertEquals("The booking deadline has passed (limit: Tuesday 1 December at 23:59).", d.text().in(Locale.ENGLISH),
                "the limit written as English writes it");
    }

    @Test
    void limitInAnotherYearShowsTheYear() {
        // Wednesday 6 January 2027: limit Tuesday 29 December 2026
        BookingDecision d = rules(LatePolicy.REFUSED, false).decideBooking(LocalDateTime.parse("2027-01-02T09:00"),
                LocalDate.parse("2027-01-06"), cal, true, 0, 10);
        assertEquals("Le délai de réservation est dépassé (limite : mardi 29 décembre 2026 à 23h59).", d.message());
        assertEquals("The booking deadline has passed (limit: Tuesday 29 December 2026 at 23:59).", d.text().in(Locale.ENGLISH));
    }

    @Test
    void lateAndSurcharged() {
        BookingDecision d = rules(LatePolicy.SURCHARGED, false).decideBooking(late, wednesday, cal, true, 3, 10);
        assertEquals(Outcome.ACCEPTED_SURCHARGED, d.outcome());
        assertTrue(d.surcharged());
        assertTrue(d.message().contains("Hors délai, l'inscription sera majorée."), d.message());
        assertEquals(Outcome.ACCEPTED, rules(LatePolicy.SURCHARGED, false)
                .decideBooking(onTime, wednesday, cal, true, 3, 10).outcome());
    }

    @Test
    void fullGoesOnTheWaitingList() {
        BookingDecision d = rules(LatePolicy.REFUSED, false).decideBooking(onTime, wednesday, cal, true, 10, 10);
        assertEquals(Outcome.WAITING_LIST, d.outcome());
        assertFalse(d.surcharged());
        assertTrue(d.message().contains("liste d'attente"), d.message());
        assertEquals(Outcome.WAITING_LIST, rules(LatePolicy.REFUSED, false)
                .decideBooking(onTime, wednesday, cal, true, 0, 0).outcome(), "no capacity at all");
        BookingDecision lateFull = rules(LatePolicy.SURCHARGED, false).decideBooking(late, wednesday, cal, true, 12, 10);
        assertEquals(Outcome.WAITING_LIST, lateFull.outcome());
        assertTrue(lateFull.surcharged());
    }

    @Test
    void lateRefusalComesBeforeTheWaitingList() {
        assertEquals(Outcome.REFUSED, rules(LatePolicy.REFUSED, false)
                .decideBooking(late, wednesday, cal, true, 10, 10).outcome());
    }

    @Test
    void validationWhenPlacesAreLeft() {
        BookingDecision d = rules(LatePolicy.SURCHARGED, true).decideBooking(onTime, wednesday, cal, true, 3, 10);
        assertEquals(Outcome.PENDING_VALIDATION, d.outcome());
        assertFalse(d.surcharged());
        assertTrue(d.message().contains("validation"), d.message());
        BookingDecision lateOne = rules(LatePolicy.SURCHARGED, true).decideBooking(late, wednesday, cal, true, 3, 10);
        assertEquals(Outcome.PENDING_VALIDATION, lateOne.outcome());
        assertTrue(lateOne.surcharged());
        assertTrue(lateOne.message().contains("majorée"), lateOne.message());
        assertEquals(Outcome.WAITING_LIST, rules(LatePolicy.SURCHARGED, true)
                .decideBooking(onTime, wednesday, cal, true, 10, 10).outcome(), "full wins over validation");
        assertEquals(Outcome.REFUSED, rules(LatePolicy.REFUSED, true)
                .decideBooking(late, wednesday, cal, true, 3, 10).outcome(), "late refusal wins over validation");
    }

    @Test
    void pastDayIsRefused() {
        BookingDecision d = rules(LatePolicy.SURCHARGED, false)
                .decideBooking(LocalDateTime.parse("2026-12-10T00:00"), wednesday, cal, true, 0, 10);
        assertEquals(Outcome.REFUSED, d.outcome());
        assertEquals("Cette date est passée.", d.message());
        // a past closed day is "past", not "closed"
        assertEquals("Cette date est passée.", rules(LatePolicy.SURCHARGED, false)
                .decideBooking(onTime, LocalDate.parse("2026-11-11"), cal, true, 0, 10).message());
        // today is not past: the deadline decides
        BookingRules sameDay = new BookingRules(new Deadline.DaysBefore(0, LocalTime.of(9, 0)), TWO_WORKING_DAYS,
                LatePolicy.REFUSED, false);
        assertEquals(Outcome.ACCEPTED, sameDay.decideBooking(LocalDateTime.parse("2026-12-09T08:30"), wednesday, cal,
                true, 0, 10).outcome());
    }

    @Test
    void closedDaysAreRefused() {
        BookingRules r = rules(LatePolicy.SURCHARGED, false);
        LocalDateTime early = LocalDateTime.parse("2026-11-01T12:00");
        String closed = "L'accueil est fermé ce jour-là.";
        assertEquals(closed, r.decideBooking(early, LocalDate.parse("2026-12-11"), cal, true, 0, 10).message()); // closure
        assertEquals(closed, r.decideBooking(early, LocalDate.parse("2026-12-25"), cal, true, 0, 10).message()); // Noël
        assertEquals(closed, r.decideBooking(early, wednesday, cal, false, 0, 10).message()); // unit not running
        assertEquals(Outcome.REFUSED, r.decideBooking(early, wednesday, cal, false, 0, 10).outcome());
    }

    @Test
    void negativeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> rules(LatePolicy.REFUSED, false).decideBooking(onTime, wednesday, cal, true, -1, 10));
    }

    @Test
    void cancellationIsFreeUntilTheLimitMinuteIncluded() {
        BookingRules r = rules(LatePolicy.REFUSED, false);
        LocalDate monday = LocalDate.parse("2026-12-14"); // limit: Thursday 10 December 10:00
        assertEquals(CancellationDecision.Outcome.FREE,
                r.decideCancellation(LocalDateTime.parse("2026-12-10T10:00"), monday, cal).outcome());
        assertEquals(CancellationDecision.Outcome.FREE,
                r.decideCancellation(LocalDateTime.parse("2026-12-10T10:00:59"), monday, cal).outcome());
        CancellationDecision billed = r.decideCancellation(LocalDateTime.parse("2026-12-10T10:01"), monday, cal);
        assertEquals(CancellationDecision.Outcome.BILLED, billed.outcome());
        assertEquals("Annulation hors délai : la journée reste facturée.", billed.message());
        assertEquals(CancellationDecision.Outcome.BILLED,
                r.decideCancellation(LocalDateTime.parse("2026-12-14T07:00"), monday, cal).outcome(), "same day");
    }

    @Test
    void aUnitThatHasStartedIsNeverCancelledFreeWhateverTheDeadline() {
        // cancellable the same day until 12:00; the MATIN unit starts at 07:30
        BookingRules r = new BookingRules(TUESDAY_CUTOFF, new Deadline.DaysBefore(0, LocalTime.of(12, 0)), LatePolicy.REFUSED, false);
        LocalDate monday = LocalDate.parse("2026-12-14");
        assertEquals(CancellationDecision.Outcome.FREE,
                r.decideCancellation(LocalDateTime.parse("2026-12-14T07:00"), monday, cal, LocalTime.of(7, 30)).outcome());
        assertEquals(CancellationDecision.Outcome.BILLED,
                r.decideCancellation(LocalDateTime.parse("2026-12-14T09:00"), monday, cal, LocalTime.of(7, 30)).outcome(),
                "the morning the child attended is not freed by the noon deadline");
        assertEquals(CancellationDecision.Outcome.FREE,
                r.decideCancellation(LocalDateTime.parse("2026-12-14T09:00"), monday, cal, LocalTime.of(16, 30)).outcome(),
                "the evening unit, not begun yet");
        assertEquals(CancellationDecision.Outcome.FREE,
                r.decideCancellation(LocalDateTime.parse("2026-12-14T09:00"), monday, cal, null).outcome(), "no hours: the deadline");
    }

    @Test
    void pastDayCannotBeCancelled() {
        CancellationDecision d = rules(LatePolicy.REFUSED, false)
                .decideCancellation(LocalDateTime.parse("2026-12-15T00:00"), LocalDate.parse("2026-12-14"), cal);
        assertEquals(CancellationDecision.Outcome.REFUSED, d.outcome());
        assertEquals("Cette date est passée.", d.message());
    }

    @Test
    void closedDayIsNeverBilled() {
        assertEquals(CancellationDecision.Outcome.FREE, rules(LatePolicy.REFUSED, false)
                .decideCancellation(LocalDateTime.parse("2026-12-11T08:00"), LocalDate.parse("2026-12-11"), cal)
                .outcome());
    }

    /** Booking and cancellation the same day until 18:00; late bookings surcharged. */
    private static final BookingRules SAME_DAY = new BookingRules(new Deadline.DaysBefore(0, LocalTime.of(18, 0)),
            new Deadline.DaysBefore(0, LocalTime.of(18, 0)), LatePolicy.SURCHARGED, false);
    private static final LocalTime MATIN = LocalTime.of(7, 30);

    @Test
    void aUnitIsBookableOnlyBeforeItStarts() {
        // 07:30–08:30 booked at 13:45 the same day: the deadline (18:00) allows it, the start does not
        BookingDecision afternoon = SAME_DAY.decideBooking(wednesday.atTime(13, 45), wednesday, MATIN, cal, true, 0, 10);
        assertEquals(Outcome.REFUSED, afternoon.outcome());
        assertEquals("Cet accueil a déjà commencé (7h30) : il ne peut plus être réservé.", afternoon.message());
        assertEquals(Outcome.REFUSED, SAME_DAY.decideBooking(wednesday.atTime(7, 30), wednesday, MATIN, cal, true, 0, 10)
                .outcome(), "at the very minute it starts");
        assertEquals(Outcome.ACCEPTED, SAME_DAY.decideBooking(wednesday.atTime(7, 29), wednesday, MATIN, cal, true, 0, 10)
                .outcome());
        assertEquals(Outcome.ACCEPTED, SAME_DAY.decideBooking(wednesday.minusDays(1).atTime(20, 0), wednesday, MATIN, cal,
                true, 0, 10).outcome(), "the day before, only the deadline matters");
        assertEquals(Outcome.REFUSED, rules(LatePolicy.SURCHARGED, false).decideBooking(wednesday.atTime(19, 0), wednesday,
                LocalTime.of(16, 30), cal, true, 0, 10).outcome(), "a late surcharge never books a unit that has started");
        assertEquals(Outcome.ACCEPTED_SURCHARGED, rules(LatePolicy.SURCHARGED, false).decideBooking(wednesday.atTime(8, 0),
                wednesday, LocalTime.of(16, 30), cal, true, 0, 10).outcome(), "late, but before it starts");
        assertEquals(Outcome.ACCEPTED, SAME_DAY.decideBooking(wednesday.atTime(13, 45), wednesday, null, cal, true, 0, 10)
                .outcome(), "a unit without a time: the deadline decides");
        assertTrue(BookingRules.started(wednesday.atTime(8, 31), wednesday, MATIN));
        assertFalse(BookingRules.started(wednesday.atTime(8, 31), wednesday.plusDays(1), MATIN));
    }

    @Test
    void theSummaryTellsWhatWillBeSurchargedOrNoLongerCancellable() {
        BookingRules late = rules(LatePolicy.SURCHARGED, false);
        assertEquals(java.util.List.of(), late.bookingNotices(onTime.minusDays(10), wednesday, MATIN, cal, true, 0, 10),
                "on time, cancellable: nothing to warn about");
        // after the booking deadline (Tuesday 1 Dec 23:59), before the cancellation limit (Monday 7 Dec 10:00)
        assertEquals(java.util.List.of("Hors délai : la réservation sera majorée."),
                late.bookingNotices(LocalDateTime.parse("2026-12-03T09:00"), wednesday, MATIN, cal, true, 0, 10)
                        .stream().map(Message::french).toList());
        // after both
        assertEquals(java.util.List.of("Hors délai : la réservation sera majorée.",
                        "Ne pourra plus être annulée sans frais (délai d'annulation dépassé)."),
                late.bookingNotices(LocalDateTime.parse("2026-12-08T09:00"), wednesday, MATIN, cal, true, 0, 10)
                        .stream().map(Message::french).toList());
        assertEquals(java.util.List.of("Sera refusée : Cet accueil a déjà commencé (7h30) : il ne peut plus être réservé."),
                SAME_DAY.bookingNotices(wednesday.atTime(13, 45), wednesday, MATIN, cal, true, 0, 10)
                        .stream().map(Message::french).toList());
        assertEquals(java.util.List.of("Complet : liste d'attente."),
                late.bookingNotices(onTime.minusDays(10), wednesday, MATIN, cal, true, 10, 10)
                        .stream().map(Message::french).toList());
        CancellationDecision billed = late.decideCancellation(LocalDateTime.parse("2026-12-08T09:00"), wednesday, cal);
        assertEquals(CancellationDecision.Outcome.BILLED, billed.outcome());
        assertEquals("Annulation hors délai : la journée reste facturée.", billed.message());
        CancellationDecision free = late.decideCancellation(onTime, wednesday, cal);
        assertEquals(CancellationDecision.Outcome.FREE, free.outcome());
        assertEquals("Annulation sans frais.", free.message());
    }

    @Test
    void theDecisionsKeepTheirFrenchAndReadInEnglish() {
        assertEquals("Réservation enregistrée.", BookingDecision.accepted().message());
        assertEquals("Réservation enregistrée. Hors délai, l'inscription sera majorée.",
                BookingDecision.acceptedSurcharged().message());
        assertEquals("Demande enregistrée : elle sera confirmée après validation par le service.",
                BookingDecision.pendingValidation(false).message());
        assertEquals("Demande enregistrée : elle sera confirmée après validation par le service. Hors délai, l'inscription"
                + " sera majorée.", BookingDecision.pendingValidation(true).message());
        assertEquals("Complet : votre enfant est inscrit sur liste d'attente.", BookingDecision.waitingList(false).message());
        assertEquals("Complet : votre enfant est inscrit sur liste d'attente. Hors délai, l'inscription sera majorée si une"
                + " place se libère.", BookingDecision.waitingList(true).message());
        assertEquals("L'accueil est fermé ce jour-là.", rules(LatePolicy.REFUSED, false)
                .decideBooking(onTime, wednesday, cal, false, 0, 10).message());
        assertEquals("Literal.", new BookingDecision(Outcome.REFUSED, false, "Literal.").text().in(Locale.ENGLISH));

        BookingDecision refused = rules(LatePolicy.REFUSED, false).decideBooking(late, wednesday, cal, true, 3, 10);
        assertEquals("The booking deadline has passed (limit: Tuesday 1 December at 23:59).", refused.text().in(Locale.ENGLISH),
                "the limit written as English writes it");
        assertEquals("Booking recorded.", BookingDecision.accepted().text().in(Locale.ENGLISH));
        assertEquals("Cancelled free of charge.", rules(LatePolicy.SURCHARGED, false).decideCancellation(onTime, wednesday, cal)
                .text().in(Locale.ENGLISH));
        assertEquals("This date has passed.", rules(LatePolicy.SURCHARGED, false)
                .decideCancellation(onTime, wednesday.minusMonths(1), cal).text().in(Locale.ENGLISH));
        LocalTime matin = LocalTime.of(7, 30);
        assertEquals(List.of("Will be refused: This session has already started (7:30): it can no longer be booked."),
                rules(LatePolicy.SURCHARGED, false).bookingNotices(wednesday.atTime(13, 45), wednesday, matin, cal, true,
                        0, 10).stream().map(m -> m.in(Locale.ENGLISH)).toList());
        assertEquals(List.of("Late: the booking will be surcharged.",
                        "Can no longer be cancelled free of charge (cancellation deadline passed)."),
                rules(LatePolicy.SURCHARGED, false).bookingNotices(LocalDateTime.parse("2026-12-08T09:00"), wednesday,
                        matin, cal, true, 0, 10).stream().map(m -> m.in(Locale.ENGLISH)).toList());
    }
}
