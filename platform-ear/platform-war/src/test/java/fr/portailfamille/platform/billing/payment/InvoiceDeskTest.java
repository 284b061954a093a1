package fr.portailfamille.platform.billing.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A payment that settled an invoice, as the agents' invoice page says it in its language. */
class InvoiceDeskTest {

    @Test
    void aPaymentReadsInThePagesLanguage() {
        assertEquals("Paiement (Chèque) n° 1234567 — annulé : chèque sans provision",
                InvoiceDesk.payment("CHEQUE", "1234567", "chèque sans provision").in(Locale.FRENCH));
        assertEquals("Payment (Cheque) no. 1234567 — cancelled: chèque sans provision",
                InvoiceDesk.payment("CHEQUE", "1234567", "chèque sans provision").in(Locale.ENGLISH));
        assertEquals("Paiement (Espèces)", InvoiceDesk.payment("ESPECES", null, null).in(Locale.FRENCH));
    }
}
