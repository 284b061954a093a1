package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.problems.FieldError;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A counter payment spread over a family's open invoices: oldest first by default, then checked as edited. */
class AllocationsTest {

    static final Allocations.Open SEPTEMBER = new Allocations.Open(7, "AL-7", LocalDate.of(2026, 10, 2), LocalDate.of(2026, 11, 1), 1200);
    static final Allocations.Open OCTOBER = new Allocations.Open(3, "AL-12", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2), 2050);
    static final Allocations.Open OCTOBER_SAME_DUE = new Allocations.Open(9, "AL-13", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2), 500);
    static final List<Allocations.Open> OPEN = List.of(OCTOBER_SAME_DUE, OCTOBER, SEPTEMBER);

    @Test
    void theOldestInvoiceIsPaidFirstThenTheNext() {
        // 25,00 €: September's 12,00 € in full, 13,00 € of October (same due date as AL-13: the smaller id first)
        assertEquals(List.of(Map.entry(7L, 1200L), Map.entry(3L, 1300L)),
                List.copyOf(Allocations.oldestFirst(OPEN, 2500).entrySet()));
        // less than the oldest: all on it
        assertEquals(Map.of(7L, 500L), Allocations.oldestFirst(OPEN, 500));
        // more than all: everything paid, the rest is an overpayment
        Map<Long, Long> all = Allocations.oldestFirst(OPEN, 4000);
        assertEquals(Map.of(7L, 1200L, 3L, 2050L, 9L, 500L), all);
        assertEquals(250L, Allocations.overpayment(4000, all));
        assertEquals(0L, Allocations.overpayment(2500, Allocations.oldestFirst(OPEN, 2500)));
        assertEquals(Map.of(), Allocations.oldestFirst(List.of(), 1000));
        assertEquals(List.of(), Allocations.check(2500, OPEN, Allocations.oldestFirst(OPEN, 2500)));
    }

    @Test
    void anEditedAllocationIsCheckedOnEachInvoiceAndInAll() {
        Map<Long, Long> edited = new LinkedHashMap<>();
        edited.put(3L, 2051L);       // 1 cent more than left on AL-12
        edited.put(9L, 0L);          // ignored
        edited.put(42L, 100L);       // not an open invoice of the family
        edited.put(7L, -5L);
        assertEquals(List.of(
                new FieldError("allocation[3]", "Vous imputez 20,51\u00a0€ sur la facture AL-12 : il n'en reste que 20,50\u00a0€ à payer."),
                new FieldError("allocation[42]", "Cette facture n'est pas à régler au guichet pour cette famille et cette régie"
                        + " (payée, annulée, transmise à la Trésorerie ou d'une autre famille)."),
                new FieldError("allocation[7]", "Un montant imputé ne peut pas être négatif."),
                new FieldError("amount", "Les imputations (20,51\u00a0€) dépassent le montant du paiement (20,00\u00a0€).")),
                Allocations.check(2000, OPEN, edited));
        // a payment of nothing
        assertEquals(List.of(new FieldError("amount", "Indiquez un montant supérieur à 0,00 €.")),
                Allocations.check(0, OPEN, Map.of()));
        // less than the payment on the invoices: allowed, the rest is credit
        assertEquals(List.of(), Allocations.check(5000, OPEN, Map.of(3L, 2050L)));
        assertEquals(2950L, Allocations.overpayment(5000, Map.of(3L, 2050L)));
    }

    @Test
    void theProblemsReadInEnglish() {
        Map<Long, Long> edited = new LinkedHashMap<>();
        edited.put(3L, 2051L);
        List<FieldError> errors = Allocations.check(2000, OPEN, edited);
        assertEquals("You are allocating €20.51 to invoice AL-12: only €20.50 is left to pay on it.",
                errors.get(0).text().in(Locale.ENGLISH));
        assertEquals("The allocations (€20.51) exceed the amount of the payment (€20.00).",
                errors.get(1).text().in(Locale.ENGLISH));
        assertEquals("Enter an amount greater than €0.00.", Allocations.check(0, OPEN, Map.of()).get(0).text().in(Locale.ENGLISH));
    }
}
