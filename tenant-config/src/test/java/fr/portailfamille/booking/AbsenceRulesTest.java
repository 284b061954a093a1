package fr.portailfamille.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.booking.CancellationDecision.Outcome;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Locale;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbsenceRulesTest {

    private final LocalDate today = LocalDate.parse("2026-12-01");
    private final LocalDate monday = LocalDate.parse("2026-12-07");

    @Test
    void anAbsenceIsDeclaredOnABookedDayNotPastWithAReason() {
        assertEquals(Optional.empty(), AbsenceRules.refusal(BookingStatus.BOOKED, monday, today, AbsenceReason.FAMILLE));
        assertEquals(Optional.empty(), AbsenceRules.refusal(BookingStatus.BOOKED_LATE, today, today, AbsenceReason.AUTRE),
                "today still counts, and a late booking is a booked day");
        for (BookingStatus s : new BookingStatus[] {BookingStatus.WAITING, BookingStatus.PENDING_VALIDATION,
                BookingStatus.CANCELLED_FREE, BookingStatus.ABSENT_BILLED, BookingStatus.ABSENT_PENDING, BookingStatus.PRESENT,
                BookingStatus.REFUSED}) {
            assertEquals("Une absence se signale sur un jour réservé.",
                    AbsenceRules.refusal(s, monday, today, AbsenceReason.FAMILLE).orElseThrow().french(), s.name());
        }
        assertEquals("Cette date est passée : contactez le service enfance.",
                AbsenceRules.refusal(BookingStatus.BOOKED, today.minusDays(1), today, AbsenceReason.MALADIE).orElseThrow().french());
        assertEquals("Indiquez le motif de l'absence.",
                AbsenceRules.refusal(BookingStatus.BOOKED, monday, today, null).orElseThrow().french());
    }

    @Test
    void aDayStillFreeToCancelIsCancelledInsteadOfBilled() {
        for (AbsenceReason reason : AbsenceReason.values()) {
            for (boolean certificate : new boolean[] {true, false}) {
                AbsenceRules.Decision d = AbsenceRules.decide(reason, certificate, Outcome.FREE);
                assertEquals(AbsenceRules.Outcome.FREE_CANCELLATION, d.outcome());
                assertEquals(BookingStatus.CANCELLED_FREE, d.status());
                assertEquals(AbsenceRules.FREE_INSTEAD_OF_ABSENCE, d.text());
            }
        }
    }

    @Test
    void onlyAnIllnessWithACertificateWaitsForReviewEverythingElseIsBilled() {
        AbsenceRules.Decision ill = AbsenceRules.decide(AbsenceReason.MALADIE, true, Outcome.BILLED);
        assertEquals(AbsenceRules.Outcome.TO_REVIEW, ill.outcome());
        assertEquals(BookingStatus.ABSENT_PENDING, ill.status(), "neither excused nor billed before the review");
        assertEquals(AbsenceRules.CERTIFICATE_PENDING, ill.text());

        AbsenceRules.Decision illNoPaper = AbsenceRules.decide(AbsenceReason.MALADIE, false, Outcome.BILLED);
        assertEquals(BookingStatus.ABSENT_BILLED, illNoPaper.status());
        assertTrue(illNoPaper.message().contains("Sans certificat médical, la journée reste facturée"), illNoPaper.message());

        for (AbsenceReason reason : new AbsenceReason[] {AbsenceReason.FAMILLE, AbsenceReason.AUTRE}) {
            AbsenceRules.Decision d = AbsenceRules.decide(reason, true, Outcome.BILLED);
            assertEquals(AbsenceRules.Outcome.BILLED, d.outcome(), "a certificate excuses an illness only");
            assertEquals(BookingStatus.ABSENT_BILLED, d.status());
            assertEquals("Absence enregistrée. La journée reste facturée.", d.message());
        }
        // a tariff that bills no unexcused absence: said not billed, no certificate asked for nor reviewed
        for (AbsenceReason reason : AbsenceReason.values()) {
            AbsenceRules.Decision d = AbsenceRules.decide(reason, true, Outcome.BILLED, 7, false);
            assertEquals(BookingStatus.ABSENT_BILLED, d.status(), "an unexcused absence, priced by its tariff at nothing");
            assertEquals("Absence enregistrée. Elle n'est pas facturée : aucun justificatif n'est à envoyer.", d.message());
        }
        assertEquals(AbsenceRules.Outcome.FREE_CANCELLATION,
                AbsenceRules.decide(AbsenceReason.AUTRE, false, Outcome.FREE, 7, false).outcome(), "still free: cancelled");
    }

    @Test
    void aReviewedCertificateExcusesOrBills() {
        assertEquals(BookingStatus.ABSENT_EXCUSED, AbsenceRules.afterReview(true));
        assertEquals(BookingStatus.ABSENT_BILLED, AbsenceRules.afterReview(false));
    }

    @Test
    void aLateCancellationOfAHeldSeatIsBilledAWaitingPlaceNever() {
        assertEquals(BookingStatus.CANCELLED_FREE, AbsenceRules.afterCancellation(Outcome.FREE, true));
        assertEquals(BookingStatus.ABSENT_BILLED, AbsenceRules.afterCancellation(Outcome.BILLED, true));
        assertEquals(BookingStatus.CANCELLED_FREE, AbsenceRules.afterCancellation(Outcome.BILLED, false),
                "leaving the waiting list late costs nothing");
        assertThrows(IllegalArgumentException.class, () -> AbsenceRules.afterCancellation(Outcome.REFUSED, true));
    }

    @Test
    void aRequestTheCommuneNeverGrantedIsWithdrawnFreeWhateverTheDeadline() {
        CancellationDecision late = CancellationDecision.billed();
        for (BookingStatus request : List.of(BookingStatus.WAITING, BookingStatus.PENDING_VALIDATION)) {
            CancellationDecision d = AbsenceRules.withdrawal(late, request);
            assertEquals(Outcome.FREE, d.outcome(), request.name());
            assertEquals("Annulation sans frais.", d.message(), "what the family reads is what is recorded");
            assertEquals(BookingStatus.CANCELLED_FREE, AbsenceRules.afterCancellation(d.outcome(),
                    request == BookingStatus.PENDING_VALIDATION));
        }
        for (BookingStatus booked : List.of(BookingStatus.BOOKED, BookingStatus.BOOKED_LATE)) {
            assertEquals(late, AbsenceRules.withdrawal(late, booked), booked.name());
        }
        CancellationDecision past = CancellationDecision.refused(fr.portailfamille.problems.Problems.of("booking.pastDay"));
        assertEquals(past, AbsenceRules.withdrawal(past, BookingStatus.WAITING), "a past day is past for a request too");
    }

    @Test
    void aCertificateForgottenAtTheDeclarationIsSentWithinAWeekBeforeTheInvoice() {
        LocalDate sick = LocalDate.of(2026, 12, 7);
        assertEquals(Optional.empty(), AbsenceRules.lateCertificateRefusal(BookingStatus.ABSENT_BILLED, AbsenceReason.MALADIE,
                false, sick, sick, false), "the same evening");
        assertEquals(Optional.empty(), AbsenceRules.lateCertificateRefusal(BookingStatus.ABSENT_BILLED, AbsenceReason.MALADIE,
                false, sick, sick.plusDays(7), false), "the seventh day");
        assertEquals("Le certificat médical s'envoie dans les 7 jours qui suivent l'absence, avant sa facturation : ce délai"
                + " est passé.", AbsenceRules.lateCertificateRefusal(BookingStatus.ABSENT_BILLED, AbsenceReason.MALADIE,
                false, sick, sick.plusDays(8), false).orElseThrow().french());
        assertTrue(AbsenceRules.lateCertificateRefusal(BookingStatus.ABSENT_BILLED, AbsenceReason.MALADIE, false, sick,
                sick.plusDays(1), true).isPresent(), "invoiced already");
        // a commune giving two days
        assertEquals(Optional.empty(), AbsenceRules.lateCertificateRefusal(BookingStatus.ABSENT_BILLED, AbsenceReason.MALADIE,
                false, sick, sick.plusDays(2), false, 2));
        assertEquals("Le certificat médical s'envoie dans les 2 jours qui suivent l'absence, avant sa facturation : ce délai"
                + " est passé.", AbsenceRules.lateCertificateRefusal(BookingStatus.ABSENT_BILLED, AbsenceReason.MALADIE,
                false, sick, sick.plusDays(3), false, 2).orElseThrow().french());
        assertTrue(AbsenceRules.decide(AbsenceReason.MALADIE, false, Outcome.BILLED, 2).message().contains("dans les 2 jours"));
        assertEquals(7, new fr.portailfamille.billing.BillingSettings(null, List.of(), List.of()).lateCertificateDays());
        for (Object[] notAsked : new Object[][] {{BookingStatus.ABSENT_BILLED, AbsenceReason.FAMILLE, false},
                {BookingStatus.ABSENT_BILLED, AbsenceReason.MALADIE, true}, {BookingStatus.ABSENT_PENDING, AbsenceReason.MALADIE, true},
                {BookingStatus.ABSENT_EXCUSED, AbsenceReason.MALADIE, false}, {BookingStatus.BOOKED, AbsenceReason.MALADIE, false}}) {
            assertEquals("Aucun certificat n'est attendu pour cette journée.", AbsenceRules.lateCertificateRefusal(
                    (BookingStatus) notAsked[0], (AbsenceReason) notAsked[1], (Boolean) notAsked[2], sick, sick, false)
                    .orElseThrow().french());
        }
    }

    @Test
    void anAbsenceThePointageFoundIsDeclaredWithinTheCertificateDelayBeforeTheInvoice() {
        LocalDate pointed = LocalDate.of(2026, 12, 7);
        assertEquals(Optional.empty(), AbsenceRules.pointedAbsenceRefusal(pointed, pointed, false, 7, AbsenceReason.MALADIE),
                "the evening of the day the child was pointed absent");
        assertEquals(Optional.empty(), AbsenceRules.pointedAbsenceRefusal(pointed, pointed.plusDays(7), false, 7,
                AbsenceReason.FAMILLE), "the seventh day");
        String late = "L'absence relevée par le service se signale dans les 7 jours qui la suivent, avant sa facturation :"
                + " ce délai est passé. Contactez le service enfance.";
        assertEquals(late, AbsenceRules.pointedAbsenceRefusal(pointed, pointed.plusDays(8), false, 7, AbsenceReason.MALADIE)
                .orElseThrow().french());
        assertEquals(late, AbsenceRules.pointedAbsenceRefusal(pointed, pointed.plusDays(1), true, 7, AbsenceReason.MALADIE)
                .orElseThrow().french(), "invoiced already");
        assertEquals("Indiquez le motif de l'absence.",
                AbsenceRules.pointedAbsenceRefusal(pointed, pointed, false, 7, null).orElseThrow().french());
        assertEquals(Optional.of("An absence recorded by the service is reported within 2 days after it, before it is"
                + " invoiced: that time has passed. Please contact the children's services."),
                AbsenceRules.pointedAbsenceRefusal(pointed, pointed.plusDays(3), false, 2, AbsenceReason.AUTRE)
                        .map(m -> m.in(Locale.ENGLISH)));
        // decided as a day no longer free to cancel: an illness with its certificate waits for its review
        assertEquals(BookingStatus.ABSENT_PENDING, AbsenceRules.decide(AbsenceReason.MALADIE, true, Outcome.REFUSED).status());
        assertEquals(BookingStatus.ABSENT_BILLED, AbsenceRules.decide(AbsenceReason.FAMILLE, false, Outcome.REFUSED).status());
    }

    @Test
    void theFamilyReadsItInEnglishOnAnEnglishPage() {
        assertEquals("Ce jour pouvait encore être annulé sans frais : la réservation est annulée sans frais, rien n'est facturé"
                + " (une absence signalée, elle, reste facturée).", AbsenceRules.FREE_INSTEAD_OF_ABSENCE.french());
        assertEquals("Absence enregistrée, en attente de vérification du certificat médical par le service : la journée ne"
                + " sera pas facturée si le certificat est accepté.", AbsenceRules.CERTIFICATE_PENDING.french());
        assertEquals("Absence enregistrée. Sans certificat médical, la journée reste facturée : vous pouvez encore l'envoyer"
                + " dans les 7 jours, depuis Mes demandes.", AbsenceRules.decide(AbsenceReason.MALADIE, false, Outcome.BILLED).message());
        assertEquals(Optional.of("Give the reason for the absence."),
                AbsenceRules.refusal(BookingStatus.BOOKED, monday, today, null).map(m -> m.in(Locale.ENGLISH)));
        assertEquals("Absence recorded. The day stays billed.",
                AbsenceRules.decide(AbsenceReason.AUTRE, false, Outcome.BILLED).text().in(Locale.ENGLISH));
    }
}
