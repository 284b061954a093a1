package fr.portailfamille.platform.billing.payment.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.platform.kernel.Refused;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Amounts and dates as agents type them at the counter: exact cents, refused on their field otherwise (the refusals'
 * texts read from the pages' bundle: French outside a Faces request).
 */
class AmountsTest {

    @Test
    void eurosAreReadToTheExactCent() {
        assertEquals(2550L, Amounts.cents("amount", "25,50"));
        assertEquals(2550L, Amounts.cents("amount", "25.5"));
        assertEquals(120060L, Amounts.cents("amount", "1 200,60 €"));
        assertEquals(120060L, Amounts.cents("amount", "1\u00a0200,60\u00a0€"));
        assertEquals(3000L, Amounts.cents("amount", "30"));
        // read as every other amount of the platform is (Money.parseEuros): the English form too
        assertEquals(120060L, Amounts.cents("amount", "1,200.60"));
        assertNull(Amounts.cents("amount", "  "));
        assertEquals("12,50", Amounts.typed(1250));
        assertEquals("0,05", Amounts.typed(5));
    }

    @Test
    void anythingElseIsRefusedOnItsField() {
        Refused text = assertThrows(Refused.class, () -> Amounts.cents("alloc[2].amount", "vingt"));
        assertEquals("alloc[2].amount", text.field());
        assertEquals("Montant en euros attendu, par exemple 12,50.", text.getMessage());
        Refused thousandth = assertThrows(Refused.class, () -> Amounts.cents("amount", "12,505"));
        assertEquals("Montant au centime près, par exemple 12,50.", thousandth.getMessage());
        assertEquals("Montant en euros attendu, par exemple 12,50.",
                assertThrows(Refused.class, () -> Amounts.cents("amount", "-5")).getMessage(), "no negative amount typed");
        assertEquals(LocalDate.of(2026, 12, 1), Amounts.date("receivedOn", "2026-12-01"));
        Refused date = assertThrows(Refused.class, () -> Amounts.date("receivedOn", "01/12/2026"));
        assertEquals("receivedOn", date.field());
        assertEquals("Date attendue au format AAAA-MM-JJ.", date.getMessage());
    }
}
