package fr.portailfamille.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AttendanceRulesTest {

    private final LocalDate today = LocalDate.parse("2026-12-01");

    @Test
    void threeMarksOnly() {
        assertTrue(AttendanceRules.isMark(BookingStatus.PRESENT));
        assertTrue(AttendanceRules.isMark(BookingStatus.ABSENT_EXCUSED));
        assertTrue(AttendanceRules.isMark(BookingStatus.ABSENT_BILLED));
        assertFalse(AttendanceRules.isMark(BookingStatus.BOOKED));
        assertFalse(AttendanceRules.isMark(null));
        assertEquals("Pointage inconnu.",
                AttendanceRules.refusal(BookingStatus.CANCELLED_FREE, BookingStatus.BOOKED, today, today).orElseThrow().french());
    }

    @Test
    void aBookedOrAlreadyPointedChildIsMarkedOnTheDayOrAfter() {
        for (BookingStatus s : new BookingStatus[] {BookingStatus.BOOKED, BookingStatus.BOOKED_LATE, BookingStatus.PRESENT,
                BookingStatus.ABSENT_BILLED, BookingStatus.ABSENT_EXCUSED}) {
            assertEquals(Optional.empty(), AttendanceRules.refusal(BookingStatus.PRESENT, s, today, today), s.name());
            assertEquals(Optional.empty(), AttendanceRules.refusal(BookingStatus.ABSENT_EXCUSED, s, today.minusDays(3), today),
                    "a past day can be corrected");
        }
        assertEquals("Le pointage se fait le jour même ou après.", AttendanceRules.refusal(BookingStatus.PRESENT,
                BookingStatus.BOOKED, today.plusDays(1), today).orElseThrow().french());
    }

    @Test
    void anAbsenceWhoseProofAwaitsReviewIsDecidedInTheCertificatesQueueNotOnTheSheet() {
        // an agent without agent-sante would otherwise excuse or bill it, the certificate still waiting in the queue
        for (BookingStatus mark : AttendanceRules.MARKS) {
            assertEquals("Cette absence attend la décision d'un agent habilité sur son justificatif : elle ne se pointe pas ici.",
                    AttendanceRules.refusal(mark, BookingStatus.ABSENT_PENDING, today, today).orElseThrow().french(),
                    mark.name());
        }
    }

    @Test
    void aChildNotExpectedThatDayIsNotPointed() {
        for (BookingStatus s : new BookingStatus[] {BookingStatus.WAITING, BookingStatus.CANCELLED_FREE, BookingStatus.REFUSED}) {
            assertEquals("Seul un enfant inscrit ce jour-là peut être pointé.",
                    AttendanceRules.refusal(BookingStatus.ABSENT_BILLED, s, today, today).orElseThrow().french(), s.name());
        }
    }

    @Test
    void aRequestNobodyValidatedIsPointedPresentWhenTheChildIsThereNeverAbsent() {
        // its seat was held: the child there is pointed present (billed as booked, not at the penalty of a child found
        // without booking); absent, nothing is billed — the request is refused
        assertEquals(Optional.empty(), AttendanceRules.refusal(BookingStatus.PRESENT, BookingStatus.PENDING_VALIDATION, today, today));
        for (BookingStatus mark : new BookingStatus[] {BookingStatus.ABSENT_BILLED, BookingStatus.ABSENT_EXCUSED}) {
            assertTrue(AttendanceRules.refusal(mark, BookingStatus.PENDING_VALIDATION, today, today).orElseThrow().french()
                    .contains("attend encore sa validation"), mark.name());
        }
        assertEquals("Le pointage se fait le jour même ou après.", AttendanceRules.refusal(BookingStatus.PRESENT,
                BookingStatus.PENDING_VALIDATION, today.plusDays(1), today).orElseThrow().french());
        assertEquals("Cet enfant figure déjà sur la feuille du jour : pointez-le sur sa ligne.", AttendanceRules
                .unbookedPresenceRefusal(Set.of(BookingStatus.PENDING_VALIDATION), today, today).orElseThrow().french());
    }

    @Test
    void aChildFoundThereWithoutABookingIsRecordedOnceOnTheDayOrAfter() {
        assertEquals(Optional.empty(), AttendanceRules.unbookedPresenceRefusal(Set.of(), today, today));
        assertEquals(Optional.empty(), AttendanceRules.unbookedPresenceRefusal(
                Set.of(BookingStatus.CANCELLED_FREE, BookingStatus.REFUSED), today.minusDays(2), today),
                "a day cancelled in time or refused is no booking");
        assertEquals("Le pointage se fait le jour même ou après.",
                AttendanceRules.unbookedPresenceRefusal(Set.of(), today.plusDays(1), today).orElseThrow().french());
        assertEquals("Cet enfant figure déjà sur la feuille du jour : pointez-le sur sa ligne.",
                AttendanceRules.unbookedPresenceRefusal(Set.of(BookingStatus.BOOKED), today, today).orElseThrow().french());
        assertEquals("Cet enfant figure déjà sur la feuille du jour : pointez-le sur sa ligne.", AttendanceRules
                .unbookedPresenceRefusal(Set.of(BookingStatus.PRESENT), today, today).orElseThrow().french(), "recorded once");
        assertTrue(AttendanceRules.unbookedPresenceRefusal(Set.of(BookingStatus.WAITING), today, today).orElseThrow()
                .french().contains("liste d'attente"));
    }

    @Test
    void anAgentReadsTheRefusalsInEnglishOnAnEnglishPage() {
        assertEquals("Attendance is taken on the day itself or later.", AttendanceRules.refusal(BookingStatus.PRESENT,
                BookingStatus.BOOKED, today.plusDays(1), today).orElseThrow().in(Locale.ENGLISH));
        assertEquals("This child is already on the day's sheet: mark them on their row.", AttendanceRules
                .unbookedPresenceRefusal(Set.of(BookingStatus.BOOKED), today, today).orElseThrow().in(Locale.ENGLISH));
        assertEquals("Cet enfant a une demande en cours ce jour-là (liste d'attente ou validation) : traitez-la d'abord.",
                AttendanceRules.unbookedPresenceRefusal(Set.of(BookingStatus.WAITING), today, today).orElseThrow().french());
    }

    @Test
    void onlyABookedDayPointedPresentLeavesItsInvoiceAsItBilled() {
        org.junit.jupiter.api.Assertions.assertFalse(AttendanceRules.changesWhatWasBilled(BookingStatus.BOOKED, BookingStatus.PRESENT));
        org.junit.jupiter.api.Assertions.assertFalse(AttendanceRules.changesWhatWasBilled(BookingStatus.BOOKED_LATE,
                BookingStatus.PRESENT), "the surcharge is the booking's, billed either way");
        org.junit.jupiter.api.Assertions.assertFalse(AttendanceRules.changesWhatWasBilled(BookingStatus.PRESENT, BookingStatus.PRESENT));
        for (BookingStatus mark : List.of(BookingStatus.ABSENT_EXCUSED, BookingStatus.ABSENT_BILLED)) {
            org.junit.jupiter.api.Assertions.assertTrue(AttendanceRules.changesWhatWasBilled(BookingStatus.BOOKED, mark), mark.name());
            org.junit.jupiter.api.Assertions.assertTrue(AttendanceRules.changesWhatWasBilled(BookingStatus.PRESENT, mark), mark.name());
        }
        org.junit.jupiter.api.Assertions.assertTrue(AttendanceRules.changesWhatWasBilled(BookingStatus.ABSENT_EXCUSED,
                BookingStatus.PRESENT), "an excused day was not billed");
        org.junit.jupiter.api.Assertions.assertTrue(AttendanceRules.changesWhatWasBilled(BookingStatus.ABSENT_BILLED,
                BookingStatus.PRESENT), "its label on the invoice says absent");
    }
}
