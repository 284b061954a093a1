package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.billing.CreditUses.Movement;
import fr.portailfamille.billing.CreditUses.Use;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What of a family's account credit was money it gave, certified in the year the credit paid an invoice. */
class CreditUsesTest {

    static final LocalDate DEC_2025 = LocalDate.of(2025, 12, 15);
    static final LocalDate JAN_2026 = LocalDate.of(2026, 1, 20);
    static final LocalDate FEB_2026 = LocalDate.of(2026, 2, 20);

    static Movement overpayment(long id, LocalDate at, long cents, long payment, boolean certifiable) {
        return new Movement(id, at, cents, payment, null, null, certifiable);
    }

    /** A credit note's credit; {@code certifiable}: the invoice it corrects was paid without CESU. */
    static Movement creditNote(long id, LocalDate at, long cents, long note, long corrects, boolean certifiable) {
        return new Movement(id, at, cents, null, note, corrects, certifiable);
    }

    static Movement creditNote(long id, LocalDate at, long cents, long note, long corrects) {
        return creditNote(id, at, cents, note, corrects, false);
    }

    static Movement use(long id, LocalDate at, long cents, long invoice) {
        return new Movement(id, at, -cents, null, invoice, null, false);
    }

    @Test
    void anOverpaymentUsedTheNextYearIsCertifiedThatYear() {
        // 300 € for a 200 € invoice in December 2025: 100 € of credit, used on January's invoice
        List<Use> uses = CreditUses.certified(List.of(overpayment(1, DEC_2025, 10_000, 7, true), use(2, JAN_2026, 10_000, 40)));
        assertEquals(List.of(new Use(JAN_2026, 40, 10_000)), uses);
    }

    @Test
    void aCreditNoteOfACesuPaidInvoiceIsNoMoneyPaidAndTheOldestSourceIsSpentFirst() {
        List<Use> uses = CreditUses.certified(List.of(
                creditNote(1, DEC_2025, 3_000, 90, 30),
                overpayment(2, DEC_2025, 5_000, 8, true),
                use(3, JAN_2026, 4_000, 41),     // 30 € of the credit note, then 10 € of the overpayment
                use(4, FEB_2026, 4_000, 42)));   // 40 € of the overpayment
        assertEquals(List.of(new Use(JAN_2026, 41, 1_000), new Use(FEB_2026, 42, 4_000)), uses);
    }

    @Test
    void aCreditNoteImputedOnTheInvoiceItCorrectsComesFromThatCreditNote() {
        // an older overpayment is there; the credit note's share imputed at once on invoice 30 is not it
        List<Use> uses = CreditUses.certified(List.of(
                overpayment(1, DEC_2025, 2_000, 7, true),
                creditNote(2, JAN_2026, 1_500, 91, 30),
                use(3, JAN_2026, 1_500, 30),
                use(4, FEB_2026, 2_000, 43)));
        assertEquals(List.of(new Use(FEB_2026, 43, 2_000)), uses);
    }

    @Test
    void whatACreditNoteGaveBackOfAPaidInvoiceIsCertifiedWhenItPaysAnotherNotWhenImputedOnTheOneItCorrects() {
        // invoice 30 paid in full in December, then a credit note of 20 € on it: nothing left to impute, 20 € of credit
        // that the family paid; used on January's invoice 46, it is care paid in January
        List<Use> leftOver = CreditUses.certified(List.of(creditNote(1, DEC_2025, 2_000, 92, 30, true),
                use(2, JAN_2026, 2_000, 46)));
        assertEquals(List.of(new Use(JAN_2026, 46, 2_000)), leftOver);
        // invoice 31 still owing: the credit note's 15 € imputed on it are no money paid
        List<Use> imputed = CreditUses.certified(List.of(creditNote(1, DEC_2025, 1_500, 93, 31, true),
                use(2, DEC_2025, 1_500, 31)));
        assertEquals(List.of(), imputed);
        // invoice 32 paid in CESU: what the credit note gave back is CESU money, already exempt
        List<Use> cesu = CreditUses.certified(List.of(creditNote(1, DEC_2025, 2_000, 94, 32, false),
                use(2, JAN_2026, 2_000, 47)));
        assertEquals(List.of(), cesu);
    }

    @Test
    void cesuAndTakenBackOverpaymentsCertifyNothing() {
        List<Use> cesu = CreditUses.certified(List.of(overpayment(1, DEC_2025, 2_000, 7, false), use(2, JAN_2026, 2_000, 44)));
        assertEquals(List.of(), cesu);
        // a cheque's overpayment taken back when it bounced: the later use is paid by the other payment's
        List<Use> bounced = CreditUses.certified(List.of(
                overpayment(1, DEC_2025, 2_000, 7, true),
                overpayment(2, DEC_2025, 1_000, 8, true),
                new Movement(3, JAN_2026, -2_000, 7L, null, null, false),
                use(4, FEB_2026, 1_000, 45)));
        assertEquals(List.of(new Use(FEB_2026, 45, 1_000)), bounced);
    }

    @Test
    void creditTakenBackFromAnInvoiceUndoesItsLatestUseAndGivesItsSourceBack() {
        // a cheque's 30 € overpayment (payment 7, then bounced: not certifiable) and a good payment's 10 € (payment 8);
        // January's invoice 48 took 30 € (the oldest source first: payment 7's), February's invoice 49 the 10 € of
        // payment 8; the cheque bounces in March: 30 € taken back from invoice 48, then the
        // overpayment taken back from payment 7's own credit
        LocalDate march = LocalDate.of(2026, 3, 2);
        List<Use> uses = CreditUses.certified(List.of(
                overpayment(1, DEC_2025, 3_000, 7, false),
                overpayment(2, DEC_2025, 1_000, 8, true),
                use(3, JAN_2026, 3_000, 48),
                use(4, FEB_2026, 1_000, 49),
                new Movement(5, march, 3_000, null, 48L, null, false),
                new Movement(6, march, -3_000, 7L, null, null, false)));
        assertEquals(List.of(new Use(FEB_2026, 49, 1_000)), uses);
        // a good payment's credit used on invoice 50, then taken back in part (a later payment's cancellation needed
        // 4 € of it): only what is left of the use is certified
        List<Use> part = CreditUses.certified(List.of(
                overpayment(1, DEC_2025, 1_000, 8, true),
                use(2, JAN_2026, 1_000, 50),
                new Movement(3, march, 400, null, 50L, null, false)));
        assertEquals(List.of(new Use(JAN_2026, 50, 600)), part);
    }
}
