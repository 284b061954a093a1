package fr.portailfamille.platform.billing.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.platform.kernel.Refused;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A counter form's text: stripped, refused beyond its length with its label, in French and in English. */
class BooksTest {

    @Test
    void aTextTooLongIsRefusedWithItsLabelInEachLanguage() {
        assertEquals("12345", Books.text("chequeNumber", Refused.text("billing.what.chequeNumber"), " 12345 ", 20));
        assertNull(Books.text("bank", Refused.text("billing.what.bank"), "  ", 80));
        Refused e = assertThrows(Refused.class,
                () -> Books.text("chequeNumber", Refused.text("billing.what.chequeNumber"), "1".repeat(21), 20));
        assertEquals("chequeNumber", e.field());
        assertEquals("Le numéro de chèque : 20 caractères au plus.", e.getMessage());
        assertEquals("The cheque number: 20 characters at most.", e.text().in(Locale.ENGLISH));
    }

    @Test
    void aDocumentNotPayableAtTheCounterSaysWhyInEachLanguage() {
        assertNull(Books.notPayable("AL-1", "INVOICE", "ISSUED", null));
        assertEquals("La facture AL-1 a été transmise à la Trésorerie (titre n° T-9) : son paiement est suivi par la"
                + " Trésorerie, pas au guichet.", Books.notPayable("AL-1", "INVOICE", "TITRE_EMIS", "T-9").french());
        assertEquals("Invoice AL-1 has been handed to the Trésorerie (titre no. T-9): its payment is followed by the"
                + " Trésorerie, not at the counter.", Books.notPayable("AL-1", "INVOICE", "TITRE_EMIS", "T-9").in(Locale.ENGLISH));
    }
}
