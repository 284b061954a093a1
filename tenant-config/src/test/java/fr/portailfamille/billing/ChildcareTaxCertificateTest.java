package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.ChildcareTaxCertificate.Allocation;
import fr.portailfamille.billing.ChildcareTaxCertificate.Amount;
import fr.portailfamille.billing.ChildcareTaxCertificate.Child;
import fr.portailfamille.billing.ChildcareTaxCertificate.InvoiceLine;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildcareTaxCertificateTest {

    static final Child LEA = new Child(1, "Léa", LocalDate.of(2021, 3, 1));    // 5 on 01/01/2026
    static final Child TOM = new Child(2, "Tom", LocalDate.of(2019, 6, 1));    // 6 on 01/01/2026
    static final Child NOE = new Child(3, "Noé", LocalDate.of(2020, 1, 2));    // 5 on 01/01/2026 (6 the day after)

    @Test
    void sixOnTheFirstOfJanuaryIsNoLongerUnder6() {
        assertTrue(ChildcareTaxCertificate.under6(LEA, 2026));
        assertFalse(ChildcareTaxCertificate.under6(TOM, 2026));
        assertTrue(ChildcareTaxCertificate.under6(NOE, 2026));
        assertFalse(ChildcareTaxCertificate.under6(new Child(4, "Six", LocalDate.of(2020, 1, 1)), 2026));
    }

    @Test
    void anAllocationIsSplitProRataInExactCentsWithTheRestOnTheLastLine() {
        List<InvoiceLine> lines = List.of(new InvoiceLine(1L, "PERISCOLAIRE", 100), new InvoiceLine(1L, "PERISCOLAIRE", 100),
                new InvoiceLine(1L, "RESTAURATION", 100));
        // 1,00 € over three equal lines: 0,33 + 0,33 + 0,34
        assertArrayEquals(new long[] {33, 33, 34}, ChildcareTaxCertificate.split(100, lines));
        // 4 cents over seven lines of 1 cent: rounding down never gives more than was paid
        List<InvoiceLine> seven = java.util.Collections.nCopies(7, new InvoiceLine(1L, "MERCREDI", 1));
        long[] shares = ChildcareTaxCertificate.split(4, seven);
        assertEquals(4, java.util.Arrays.stream(shares).sum());
        assertEquals(4, shares[6]);
        // the whole invoice paid: each line its own amount
        assertArrayEquals(new long[] {1260, 5700}, ChildcareTaxCertificate.split(6960,
                List.of(new InvoiceLine(1L, "MERCREDI", 1260), new InvoiceLine(2L, "PERISCOLAIRE", 5700))));
    }

    /**
     * A credit note by amount (10,00 € on a paid 50,00 € garderie month) takes its share of each line back: the month's
     * payment counts for 40,00 €, and the 10,00 € the credit pays on the next invoice counts there — 50,00 € in all,
     * what the family paid, not 60,00 €.
     */
    @Test
    void aCreditNoteByAmountTakesItsShareOfEachLineBack() {
        List<InvoiceLine> october = List.of(new InvoiceLine(1L, "PERISCOLAIRE", 3000), new InvoiceLine(1L, "RESTAURATION", 1000),
                new InvoiceLine(1L, "PERISCOLAIRE", 1000));
        List<InvoiceLine> less = ChildcareTaxCertificate.lessCredited(october, 1000);
        assertEquals(List.of(2400L, 800L, 800L), less.stream().map(InvoiceLine::amountCents).toList());
        assertEquals(october, ChildcareTaxCertificate.lessCredited(october, 0));
        assertEquals(List.of(0L, 0L, 0L), ChildcareTaxCertificate.lessCredited(october, 9000).stream()
                .map(InvoiceLine::amountCents).toList(), "never below 0");
        // the last line's rounding never takes it below 0: what it cannot take goes to the lines before
        List<InvoiceLine> odd = List.of(new InvoiceLine(1L, "PERISCOLAIRE", 1), new InvoiceLine(1L, "PERISCOLAIRE", 1),
                new InvoiceLine(1L, "PERISCOLAIRE", 1));
        assertEquals(List.of(0L, 1L, 0L), ChildcareTaxCertificate.lessCredited(odd, 2).stream()
                .map(InvoiceLine::amountCents).toList());

        List<InvoiceLine> garderie = List.of(new InvoiceLine(1L, "PERISCOLAIRE", 5000));
        List<InvoiceLine> november = List.of(new InvoiceLine(1L, "PERISCOLAIRE", 5000));
        List<Amount> amounts = ChildcareTaxCertificate.of(2026, List.of(LEA), List.of(
                new Allocation(LocalDate.of(2026, 10, 5), "ALSH", 5000, 1L, ChildcareTaxCertificate.lessCredited(garderie, 1000)),
                new Allocation(LocalDate.of(2026, 11, 5), "ALSH", 1000, 2L, november),
                new Allocation(LocalDate.of(2026, 11, 6), "ALSH", 4000, 2L, november)));
        assertEquals(9000, ChildcareTaxCertificate.total(amounts), "40 € of October's care (its 10 € credited back) and November's 50 €");
    }

    @Test
    void onlyCareOfChildrenUnder6PaidInTheYearCountsMealsExcluded() {
        // invoice of 12,00 €: Léa's garderie 6,00 €, Léa's canteen 4,00 €, Tom's mercredi 2,00 €
        List<InvoiceLine> invoice = List.of(new InvoiceLine(1L, "PERISCOLAIRE", 600), new InvoiceLine(1L, "RESTAURATION", 400),
                new InvoiceLine(2L, "MERCREDI", 200));
        List<Amount> amounts = ChildcareTaxCertificate.of(2026, List.of(LEA, TOM), List.of(
                // paid in full in 2026 in two payments: 9,00 € then 3,00 €
                new Allocation(LocalDate.of(2026, 2, 10), "ALSH", 900, 1L, invoice),
                new Allocation(LocalDate.of(2026, 3, 10), "ALSH", 300, 1L, invoice),
                // the same lines on two other invoices paid in 2025 and in 2027: not this year's
                new Allocation(LocalDate.of(2025, 12, 31), "ALSH", 1200, 2L, invoice),
                new Allocation(LocalDate.of(2027, 1, 1), "ALSH", 1200, 3L, invoice)));
        // Léa's garderie: 900 × 600/1200 = 450, 300 × 600/1200 = 150: 6,00 €; canteen and Tom (6) excluded
        assertEquals(List.of(new Amount("ALSH", LEA, 600)), amounts);
        assertEquals(600, ChildcareTaxCertificate.total(amounts));
    }

    @Test
    void aPartPaymentCountsItsShareOnlyAndRegiesStayApart() {
        List<InvoiceLine> alsh = List.of(new InvoiceLine(1L, "ALSH_VACANCES", 1000), new InvoiceLine(3L, "ALSH_VACANCES", 2000));
        List<InvoiceLine> garderie = List.of(new InvoiceLine(3L, "PERISCOLAIRE", 350), new InvoiceLine(null, "PERISCOLAIRE", 0),
                new InvoiceLine(3L, "SEJOUR", 10000), new InvoiceLine(3L, "SPORT", 500));
        List<Amount> amounts = ChildcareTaxCertificate.of(2026, List.of(LEA, NOE), List.of(
                new Allocation(LocalDate.of(2026, 5, 2), "ALSH", 1001, 1L, alsh),
                new Allocation(LocalDate.of(2026, 6, 2), "GARD", 10850, 2L, garderie)));
        // 10,01 € over 10 € and 20 €: Léa 333 (rounded down), Noé the rest 668
        // 108,50 € over 3,50 / 0 / 100,00 / 5,00: Noé's garderie 350, the séjour and the sport are not care
        assertEquals(List.of(new Amount("ALSH", LEA, 333), new Amount("ALSH", NOE, 668), new Amount("GARD", NOE, 350)), amounts);
        assertEquals(1351, ChildcareTaxCertificate.total(amounts));
    }

    @Test
    void nothingPaidNothingCertified() {
        assertEquals(List.of(), ChildcareTaxCertificate.of(2026, List.of(LEA), List.of()));
        assertEquals(List.of(), ChildcareTaxCertificate.of(2026, List.of(TOM), List.of(
                new Allocation(LocalDate.of(2026, 2, 10), "ALSH", 500, 1L, List.of(new InvoiceLine(2L, "PERISCOLAIRE", 500))))));
    }

    @Test
    void aPorteMonnaieToppedUpInCesuCertifiesWhatItPaidLessTheCesu() {
        // 150 € of garderie for Léa and 50 € for Noé debited in 2026, 40 € of canteen (not care); 60 € put on it in CESU
        List<InvoiceLine> days = List.of(new InvoiceLine(LEA.id(), "PERISCOLAIRE", 15_000),
                new InvoiceLine(NOE.id(), "MERCREDI", 5_000), new InvoiceLine(LEA.id(), "RESTAURATION", 4_000));
        Allocation paid = ChildcareTaxCertificate.wallet(2026, "ALSH", days, 6_000);
        assertEquals(14_000, paid.amountCents(), "200 € of care less 60 € of CESU");
        List<Amount> amounts = ChildcareTaxCertificate.of(2026, List.of(LEA, NOE), List.of(paid));
        assertEquals(List.of(new Amount("ALSH", LEA, 10_500), new Amount("ALSH", NOE, 3_500)), amounts);
        // all of it in CESU: nothing certified; none: all of the care
        assertEquals(0, ChildcareTaxCertificate.wallet(2026, "ALSH", days, 30_000).amountCents());
        assertEquals(20_000, ChildcareTaxCertificate.wallet(2026, "ALSH", days, 0).amountCents());
    }

    @Test
    void moneyBeyondWhatTheLinesNowBillIsNotCare() {
        // Léa's garderie invoice of 100 €, paid in full, then 40 € of it credited: its line now bills 60 €
        List<InvoiceLine> credited = List.of(new InvoiceLine(LEA.id(), "PERISCOLAIRE", 6_000));
        assertEquals(List.of(new Amount("ALSH", LEA, 6_000)), ChildcareTaxCertificate.of(2026, List.of(LEA), List.of(
                new Allocation(LocalDate.of(2026, 3, 1), "ALSH", 10_000, 1L, credited))));
        // garderie 10,05 € and canteen 8,20 €, paid 18,25 €, then both canteen days credited: 10,05 € of care, not 18,25
        List<InvoiceLine> mixed = List.of(new InvoiceLine(LEA.id(), "PERISCOLAIRE", 1_005), new InvoiceLine(LEA.id(), "RESTAURATION", 0));
        assertEquals(List.of(new Amount("ALSH", LEA, 1_005)), ChildcareTaxCertificate.of(2026, List.of(LEA), List.of(
                new Allocation(LocalDate.of(2026, 3, 1), "ALSH", 1_825, 1L, mixed))));
    }

    @Test
    void whatAnEarlierYearPaidOfAnInvoiceIsNotPaidAgain() {
        // 60 € of garderie (after a credit note of 40 €) paid 50 € in December 2025 and 50 € in January 2026
        List<InvoiceLine> lines = List.of(new InvoiceLine(LEA.id(), "PERISCOLAIRE", 6_000));
        List<Allocation> paid = List.of(new Allocation(LocalDate.of(2026, 1, 5), "ALSH", 5_000, 7L, lines),
                new Allocation(LocalDate.of(2025, 12, 20), "ALSH", 5_000, 7L, lines));
        assertEquals(List.of(new Amount("ALSH", LEA, 5_000)), ChildcareTaxCertificate.of(2025, List.of(LEA), paid));
        assertEquals(List.of(new Amount("ALSH", LEA, 1_000)), ChildcareTaxCertificate.of(2026, List.of(LEA), paid));
    }

    @Test
    void aCappedShareNeverPassesItsLineByRounding() {
        // 3 lines left 1, 1 and 0 cents after earlier payments; 5 cents more: each takes at most what it has left
        List<InvoiceLine> lines = List.of(new InvoiceLine(LEA.id(), "PERISCOLAIRE", 101), new InvoiceLine(LEA.id(), "MERCREDI", 101),
                new InvoiceLine(LEA.id(), "ALSH_VACANCES", 100));
        assertArrayEquals(new long[] {1, 1, 0}, ChildcareTaxCertificate.capped(5, lines, new long[] {100, 100, 100}));
        assertArrayEquals(new long[] {33, 33, 34}, ChildcareTaxCertificate.capped(100, lines, new long[] {0, 0, 0}));
    }

    @Test
    void aCesuPaymentIsLeftOutButPaysItsShareOfTheLines() {
        // 60 € of garderie: 40 € in CESU, then 60 € by cheque (20 € of it beyond the invoice): 20 € certified
        List<InvoiceLine> lines = List.of(new InvoiceLine(LEA.id(), "PERISCOLAIRE", 6_000));
        assertEquals(List.of(new Amount("ALSH", LEA, 2_000)), ChildcareTaxCertificate.of(2026, List.of(LEA), List.of(
                new Allocation(LocalDate.of(2026, 3, 1), "ALSH", 4_000, 1L, lines, false),
                new Allocation(LocalDate.of(2026, 3, 2), "ALSH", 6_000, 1L, lines))));
    }

    @Test
    void aCesuPaymentPaysTheCareBeforeTheCanteen() {
        // 60 € of garderie and 40 € of canteen: 60 € in CESU (for the garderie), 40 € by cheque (the canteen): nothing
        // certified — pro rata, the CESU left 24 € of garderie to the cheque, certified wrongly
        List<InvoiceLine> lines = List.of(new InvoiceLine(LEA.id(), "PERISCOLAIRE", 6_000),
                new InvoiceLine(LEA.id(), "RESTAURATION", 4_000));
        assertEquals(List.of(), ChildcareTaxCertificate.of(2026, List.of(LEA), List.of(
                new Allocation(LocalDate.of(2026, 3, 1), "ALSH", 6_000, 1L, lines, false),
                new Allocation(LocalDate.of(2026, 3, 2), "ALSH", 4_000, 1L, lines))));
        // 70 € in CESU: the garderie, then 10 € of the canteen; the cheque's 30 € pay the canteen's rest
        assertArrayEquals(new long[] {6_000, 1_000}, ChildcareTaxCertificate.cesuShares(7_000, lines, new long[] {0, 0}));
        // 20 € in CESU, then 80 € by cheque: the garderie's 40 € left are certified
        assertEquals(List.of(new Amount("ALSH", LEA, 4_000)), ChildcareTaxCertificate.of(2026, List.of(LEA), List.of(
                new Allocation(LocalDate.of(2026, 3, 1), "ALSH", 2_000, 1L, lines, false),
                new Allocation(LocalDate.of(2026, 3, 2), "ALSH", 8_000, 1L, lines))));
    }
}
