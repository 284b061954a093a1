package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.billing.Statement.Kind;
import fr.portailfamille.billing.Statement.Movement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementTest {

    private static final LocalDate SEPT = LocalDate.of(2026, 9, 1);
    private static final LocalDate AUG = LocalDate.of(2027, 8, 31);

    private static Movement invoice(String day, String ref, long cents) {
        return new Movement(LocalDate.parse(day), Kind.INVOICE, ref, "Facture " + ref, cents, 0);
    }

    private static Movement credit(String day, Kind kind, String ref, long cents) {
        return new Movement(LocalDate.parse(day), kind, ref, ref, 0, cents);
    }

    @Test
    void oldBalanceThenMovementsWithTheirRunningBalanceAsSeed004() {
        Statement s = Statement.of(List.of(
                invoice("2026-06-30", "AL-30", 4000),
                credit("2026-07-10", Kind.PAYMENT, "AL-R-5", 2500),
                invoice("2026-09-30", "AL-36", 12060),
                credit("2026-10-05", Kind.CREDIT_NOTE, "AL-AV-1", 350),
                credit("2026-10-12", Kind.PAYMENT, "AL-R-9", 10000),
                invoice("2027-09-30", "AL-50", 999)), SEPT, AUG);
        assertEquals(1500, s.openingCents());
        assertEquals(3, s.lines().size());
        assertEquals(13560, s.lines().get(0).balanceCents());
        assertEquals(13210, s.lines().get(1).balanceCents());
        assertEquals(3210, s.lines().get(2).balanceCents());
        assertEquals(12060, s.debitCents());
        assertEquals(10350, s.creditCents());
        assertEquals(3210, s.closingCents());
    }

    @Test
    void aRejectedChequeComesBackInDebitAndOneDayKeepsDebitsFirst() {
        Statement s = Statement.of(List.of(
                credit("2026-10-01", Kind.PAYMENT, "AL-R-1", 5000),
                invoice("2026-10-01", "AL-40", 5000),
                new Movement(LocalDate.parse("2026-10-20"), Kind.PAYMENT_CANCELLED, "AL-R-1", "Chèque rejeté", 5000, 0)),
                SEPT, AUG);
        assertEquals(Kind.INVOICE, s.lines().get(0).movement().kind());
        assertEquals(5000, s.lines().get(0).balanceCents());
        assertEquals(0, s.lines().get(1).balanceCents());
        assertEquals(5000, s.closingCents());
    }

    @Test
    void aDirectDebitCancelledOnItsOwnDayComesAfterIt() {
        // a debit withdrawn before its collection day is dated on that day (FamilyAccount): after the debit, not before
        Statement s = Statement.of(List.of(
                invoice("2026-10-01", "AL-41", 3000),
                new Movement(LocalDate.parse("2026-10-10"), Kind.PAYMENT_CANCELLED, "AL-R-2", "Prélèvement annulé", 3000, 0),
                credit("2026-10-10", Kind.PAYMENT, "AL-R-2", 3000)), SEPT, AUG);
        assertEquals(List.of(Kind.INVOICE, Kind.PAYMENT, Kind.PAYMENT_CANCELLED),
                s.lines().stream().map(l -> l.movement().kind()).toList());
        assertEquals(List.of(3000L, 0L, 3000L), s.lines().stream().map(Statement.Line::balanceCents).toList());
        assertEquals(3000, s.closingCents());
    }

    @Test
    void anOverpaymentLeavesACreditShownAsANegativeBalance() {
        Statement s = Statement.of(List.of(invoice("2026-11-30", "AL-1", 1000),
                credit("2026-12-02", Kind.PAYMENT, "AL-R-1", 1500)), SEPT, AUG);
        assertEquals(-500, s.closingCents());
    }

    @Test
    void schoolYearsRunFromSeptemberToAugust() {
        assertEquals(SEPT, Statement.schoolYearStart(LocalDate.of(2027, 8, 31)));
        assertEquals(SEPT, Statement.schoolYearStart(LocalDate.of(2026, 9, 1)));
        assertEquals(LocalDate.of(2025, 9, 1), Statement.schoolYearStart(LocalDate.of(2026, 8, 31)));
        assertEquals(AUG, Statement.schoolYearEnd(SEPT));
    }

    @Test
    void aMovementIsEitherADebitOrACredit() {
        assertThrows(IllegalArgumentException.class,
                () -> new Movement(SEPT, Kind.INVOICE, "X", "X", 100, 100));
        assertThrows(IllegalArgumentException.class,
                () -> new Movement(SEPT, Kind.PAYMENT, "X", "X", 0, -1));
        assertThrows(IllegalArgumentException.class, () -> Statement.of(List.of(), AUG, SEPT));
    }

    @Test
    void settlementReadsWhatWasPaid() {
        assertEquals(Settlement.UNPAID, Settlement.of("INVOICE", "ISSUED", 1000, 0));
        assertEquals(Settlement.PARTLY_PAID, Settlement.of("INVOICE", "ISSUED", 1000, 1));
        assertEquals(Settlement.PAID, Settlement.of("INVOICE", "ISSUED", 1000, 1000));
        assertEquals(Settlement.TITRE_EMIS, Settlement.of("INVOICE", "TITRE_EMIS", 1000, 200));
        assertEquals(Settlement.PAID, Settlement.of("INVOICE", "TITRE_EMIS", 1000, 1000));
        assertEquals(Settlement.CANCELLED, Settlement.of("INVOICE", "CANCELLED", 1000, 0));
        assertEquals(Settlement.CREDIT_NOTE, Settlement.of("CREDIT_NOTE", "ISSUED", 1000, 0));
    }
}
