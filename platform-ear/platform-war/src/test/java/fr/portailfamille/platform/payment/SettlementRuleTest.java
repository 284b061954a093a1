package fr.portailfamille.platform.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.platform.kernel.Refused;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The rules deciding a pending online payment from the result read at PayFiP. */
class SettlementRuleTest {

    static PaymentResult result(PaymentOutcome outcome, long cents, String reference) {
        return new PaymentResult("abc123", outcome, cents, reference, "123456", "2026", "parent@alpha.test",
                LocalDateTime.of(2026, 11, 30, 14, 5), outcome.paid() ? "123456" : null, false);
    }

    @Test
    void aPaidResultForTheAmountAndInvoiceAskedCreditsTheInvoice() {
        SettlementRule.Decision card = SettlementRule.decide(4250, "AL12", false, result(PaymentOutcome.PAID_BY_CARD, 4250, "AL12"));
        assertEquals(OnlineState.PAID, card.state());
        assertTrue(card.credits());
        assertNull(card.anomaly());
        assertTrue(SettlementRule.decide(4250, "AL12", false, result(PaymentOutcome.PAID_BY_DEBIT, 4250, "AL12")).credits());
        // PayFiP may leave the reference out of its answer: the amount still has to match
        assertTrue(SettlementRule.decide(4250, "AL12", false, result(PaymentOutcome.PAID_BY_CARD, 4250, null)).credits());
    }

    @Test
    void aPaymentPaidInAnotherModeThanAskedIsAnAnomalyNeverCredited() {
        PaymentResult test = result(PaymentOutcome.PAID_BY_CARD, 4250, "AL12");
        PaymentResult real = new PaymentResult("abc123", PaymentOutcome.PAID_BY_CARD, 4250, "AL12", "123456", "2026",
                "parent@alpha.test", LocalDateTime.of(2026, 11, 30, 14, 5), "123456", true);
        // a real platform credits real payments only: a test payment moves no money
        assertTrue(SettlementRule.decide(4250, "AL12", true, real).credits());
        SettlementRule.Decision fake = SettlementRule.decide(4250, "AL12", true, test);
        assertEquals(OnlineState.ANOMALY, fake.state());
        assertFalse(fake.credits());
        assertEquals("PayFiP indique un paiement en mode test, qui ne verse rien, pour un paiement réel demandé.",
                fake.anomaly());
        assertEquals(OnlineState.ANOMALY, SettlementRule.decide(4250, "AL12", false, real).state());
        // refusals stay refusals whatever the mode
        assertEquals(OnlineState.REFUSED, SettlementRule.decide(4250, "AL12", true,
                result(PaymentOutcome.REFUSED, 4250, "AL12")).state());
    }

    @Test
    void anotherAmountPaidIsAnAnomalyNeverCredited() {
        SettlementRule.Decision less = SettlementRule.decide(4250, "AL12", false, result(PaymentOutcome.PAID_BY_CARD, 4200, "AL12"));
        assertEquals(OnlineState.ANOMALY, less.state());
        assertFalse(less.credits());
        assertEquals("PayFiP indique un montant payé de 4200 centimes pour 4250 centimes demandés.", less.anomaly());
        assertEquals(OnlineState.ANOMALY,
                SettlementRule.decide(4250, "AL12", false, result(PaymentOutcome.PAID_BY_DEBIT, 4251, "AL12")).state());
    }

    @Test
    void anotherInvoiceReferenceIsAnAnomaly() {
        SettlementRule.Decision other = SettlementRule.decide(4250, "AL12", false, result(PaymentOutcome.PAID_BY_CARD, 4250, "AL13"));
        assertEquals(OnlineState.ANOMALY, other.state());
        assertFalse(other.credits());
        assertEquals("PayFiP indique la référence « AL13 » au lieu de « AL12 ».", other.anomaly());
    }

    @Test
    void refusalsAndAbandonsPayNothing() {
        assertEquals(OnlineState.REFUSED, SettlementRule.decide(4250, "AL12", false, result(PaymentOutcome.REFUSED, 4250, "AL12")).state());
        assertEquals(OnlineState.REFUSED,
                SettlementRule.decide(4250, "AL12", false, result(PaymentOutcome.DEBIT_REFUSED, 4250, "AL12")).state());
        SettlementRule.Decision abandoned = SettlementRule.decide(4250, "AL12", false, result(PaymentOutcome.ABANDONED, 4250, "AL12"));
        assertEquals(OnlineState.ABANDONED, abandoned.state());
        assertFalse(abandoned.credits());
        // a refusal reporting another amount is still a refusal: nothing was paid
        assertEquals(OnlineState.REFUSED, SettlementRule.decide(4250, "AL12", false, result(PaymentOutcome.REFUSED, 0, "AL12")).state());
    }

    @Test
    void noResultYetLeavesThePaymentPending() {
        SettlementRule.Decision none = SettlementRule.decide(4250, "AL12", true, null);
        assertEquals(OnlineState.PENDING, none.state());
        assertFalse(none.credits());
    }

    @Test
    void theInvoiceReferenceSentToPayfipIsItsNumbersLettersAndDigits() {
        // PayFiP refuses a refdet of fewer than 6 characters (R3): a short number's sequence is padded
        assertEquals("AL0012", OnlinePayments.reference("AL-12"));
        assertEquals("A00001", OnlinePayments.reference("A-1"));
        assertEquals("AL1234", OnlinePayments.reference("AL-1234"));
        assertEquals("PERI2026000123", OnlinePayments.reference("PERI-2026-000123"));
        assertEquals(30, OnlinePayments.reference("A-" + "1".repeat(40)).length());
    }

    @Test
    void payfipsOperationIdsAreTakenAsTheyCome() {
        assertTrue(OnlinePayments.OPERATION_ID.matcher("cc0cb210-1cd4-11ea-8cca-0213ad91a103").matches(), "PayFiP's form");
        assertFalse(OnlinePayments.OPERATION_ID.matcher("a b").matches());
        assertFalse(OnlinePayments.OPERATION_ID.matcher("x".repeat(65)).matches());
    }

    @Test
    void aReceiptForAnInvoiceSettledMeanwhileSaysItAllStaysInCredit() {
        String all = OnlineLedger.receipt(4250, "AL-12", "Régie", java.time.LocalDate.of(2026, 12, 7), "R-1", null, 4250);
        assertFalse(all.contains("en partie"), all);
        assertTrue(all.contains("avait déjà été réglée entre-temps : les 42,50 € restent en crédit".replace(" €", "\u00a0€")), all);
        String part = OnlineLedger.receipt(4250, "AL-12", "Régie", java.time.LocalDate.of(2026, 12, 7), "R-1", null, 1000);
        assertTrue(part.contains("Déjà réglé en partie entre-temps : 10,00\u00a0€"), part);
    }

    @Test
    void theResultLettersAreThoseOfPayfip() {
        assertEquals("P", OnlinePayments.letter(PaymentOutcome.PAID_BY_CARD));
        assertEquals("V", OnlinePayments.letter(PaymentOutcome.PAID_BY_DEBIT));
        assertEquals("R", OnlinePayments.letter(PaymentOutcome.REFUSED));
        assertEquals("Z", OnlinePayments.letter(PaymentOutcome.DEBIT_REFUSED));
        assertEquals("A", OnlinePayments.letter(PaymentOutcome.ABANDONED));
    }

    @Test
    void onlyOpenInvoicesArePaidOnline() {
        assertNull(OnlinePayments.notPayable("AL-1", "INVOICE", "ISSUED", null));
        assertEquals("AL-A1 est un avoir : il ne se paie pas.",
                OnlinePayments.notPayable("AL-A1", "CREDIT_NOTE", "ISSUED", null).french());
        assertEquals("La facture AL-1 est annulée : elle ne se paie pas.",
                OnlinePayments.notPayable("AL-1", "INVOICE", "CANCELLED", null).french());
        assertEquals("La facture AL-1 a été transmise à la Trésorerie (titre n° T-9) : réglez-la comme l'indique l'avis de"
                + " la Trésorerie.", OnlinePayments.notPayable("AL-1", "INVOICE", "TITRE_EMIS", "T-9").french());
    }

    @Test
    void theRefusalsOfAnOnlinePaymentReadInEnglish() {
        assertEquals("AL-A1 is a credit note: it is not paid.",
                OnlinePayments.notPayable("AL-A1", "CREDIT_NOTE", "ISSUED", null).in(Locale.ENGLISH));
        assertEquals("Invoice AL-1 is already paid.", Refused.text("payment.invoice.paid", "AL-1").in(Locale.ENGLISH));
        assertEquals("La régie « Régie périscolaire » ne propose pas encore le paiement en ligne : réglez la facture AL-1 comme"
                + " indiqué dessus.", Refused.text("payment.regie.notOnline", "Régie périscolaire", "AL-1").french());
        assertEquals("The régie \"Régie périscolaire\" does not offer online payment yet: pay invoice AL-1 as shown on it.",
                Refused.text("payment.regie.notOnline", "Régie périscolaire", "AL-1").in(Locale.ENGLISH));
    }

    @Test
    void theReceiptMailSaysWhatWasPaidItsNumbersAndAnyCreditLeft() {
        String text = OnlineLedger.receipt(4250, "AL-12", "Régie périscolaire", java.time.LocalDate.of(2026, 12, 2), "R-2026-7",
                "123456", 0);
        assertEquals("Nous avons bien reçu votre paiement en ligne de " + fr.portailfamille.billing.Money.format(4250)
                + " pour la facture AL-12 (Régie périscolaire), le 02/12/2026.\n\nReçu n° R-2026-7\nAutorisation de la banque"
                + " n° 123456\n\nLa facture est réglée. Ce paiement figure dans votre relevé de compte.", text);
        String credit = OnlineLedger.receipt(4250, "AL-12", "Régie", java.time.LocalDate.of(2026, 12, 2), "R-8", null, 1000);
        assertTrue(credit.contains("restent en crédit sur votre compte") && !credit.contains("Autorisation"), credit);
    }
}
