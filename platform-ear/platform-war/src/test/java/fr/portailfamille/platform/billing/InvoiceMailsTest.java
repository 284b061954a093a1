package fr.portailfamille.platform.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InvoiceMailsTest {

    @Test
    void theSubjectNamesTheMonthWithItsElisionOrThePeriod() {
        assertEquals("Votre facture AL-36 d'octobre 2026 est disponible",
                InvoiceMails.subject("AL-36", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
        assertEquals("Votre facture AL-37 de mars 2026 est disponible",
                InvoiceMails.subject("AL-37", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
        assertEquals("du 01/10/2026 au 15/10/2026", InvoiceMails.period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 15)));
    }

    @Test
    void theBodyGivesTheAmountAndTheDueDate() {
        String body = InvoiceMails.body("AL-36", LocalDate.of(2015, 4, 1), LocalDate.of(2015, 4, 30), 12060,
                LocalDate.of(2015, 5, 31), "Régie garderie ALSH");
        assertTrue(body.contains("Votre facture AL-36 d'avril 2015 (Régie garderie ALSH)"), body);
        assertTrue(body.contains("Montant : " + Money.format(12060)), body);
        assertTrue(body.contains("À payer avant le 31/05/2015"), body);
        assertTrue(body.contains("Mes factures"), body);
    }

    @Test
    void aDebitedInvoiceSaysWhenAndHowMuchItWillBeDebited() {
        String body = InvoiceMails.body("AL-36", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), 4355, 0,
                LocalDate.of(2026, 12, 10), "Régie périscolaire", LocalDate.of(2026, 12, 10));
        assertTrue(body.contains("Cette facture sera prélevée le 10/12/2026 sur votre compte (prélèvement SEPA de "
                + Money.format(4355)), body);
        assertFalse(body.contains("À payer avant le"), body);
    }

    @Test
    void theFamilysCreditDeductedIsSaidWithWhatIsLeftToPay() {
        String part = InvoiceMails.body("AL-36", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), 4500, 2940,
                LocalDate.of(2026, 12, 10), "Régie périscolaire", LocalDate.of(2026, 12, 10));
        assertTrue(part.contains("Montant : " + Money.format(4500) + "\nDéduit de votre crédit : " + Money.format(2940)
                + "\nReste à payer : " + Money.format(1560)), part);
        assertTrue(part.contains("prélèvement SEPA de " + Money.format(1560)), part);
        String whole = InvoiceMails.body("AL-37", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), 2000, 2000,
                LocalDate.of(2026, 11, 30), "Régie périscolaire", null);
        assertTrue(whole.contains("Rien n'est à payer : votre crédit auprès de la régie la règle entière."), whole);
        assertFalse(whole.contains("À payer avant le"), whole);
        assertFalse(whole.contains("Reste à payer"), whole);
        // a free month (a bracket priced 0 €): nothing to pay, and no credit the family does not have
        String free = InvoiceMails.body("AL-38", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), 0, 0,
                LocalDate.of(2026, 11, 30), "Régie périscolaire", LocalDate.of(2026, 12, 10));
        assertTrue(free.contains("Rien n'est à payer.\n"), free);
        assertFalse(free.contains("crédit") || free.contains("prélevée") || free.contains("À payer avant"), free);
    }
}
