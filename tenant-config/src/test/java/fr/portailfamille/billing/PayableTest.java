package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PayableTest {

    @Test
    void anIssuedInvoiceIsPayableAnywhere() {
        assertNull(Payable.refusal("AL-1", "INVOICE", "ISSUED", null, Payable.Where.COUNTER));
        assertNull(Payable.refusal("AL-1", "INVOICE", "ISSUED", null, Payable.Where.ONLINE));
    }

    @Test
    void creditNotesAndCancelledInvoicesAreNeverPaid() {
        for (Payable.Where where : Payable.Where.values()) {
            assertEquals("AL-A1 est un avoir : il ne se paie pas.",
                    Payable.refusal("AL-A1", "CREDIT_NOTE", "ISSUED", null, where).french());
            assertEquals("La facture AL-1 est annulée : elle ne se paie pas.",
                    Payable.refusal("AL-1", "INVOICE", "CANCELLED", null, where).french());
        }
    }

    @Test
    void aTitreIsPaidAtTheTresorerieWithAdviceForWhereItWasTried() {
        assertEquals("La facture AL-1 a été transmise à la Trésorerie (titre n° T-9) : son paiement est suivi par la"
                + " Trésorerie, pas au guichet.", Payable.refusal("AL-1", "INVOICE", "TITRE_EMIS", "T-9", Payable.Where.COUNTER)
                .french());
        assertEquals("La facture AL-1 a été transmise à la Trésorerie (titre n° T-9) : réglez-la comme l'indique l'avis de"
                + " la Trésorerie.", Payable.refusal("AL-1", "INVOICE", "TITRE_EMIS", "T-9", Payable.Where.ONLINE)
                .french());
    }

    @Test
    void theRefusalReadsInEnglish() {
        assertEquals("Invoice AL-1 is cancelled: it is not paid.",
                Payable.refusal("AL-1", "INVOICE", "CANCELLED", null, Payable.Where.COUNTER).in(Locale.ENGLISH));
        assertEquals("Invoice AL-1 has been sent to the Treasury (titre no. T-9): pay it as the Treasury's notice says.",
                Payable.refusal("AL-1", "INVOICE", "TITRE_EMIS", "T-9", Payable.Where.ONLINE).in(Locale.ENGLISH));
    }
}
