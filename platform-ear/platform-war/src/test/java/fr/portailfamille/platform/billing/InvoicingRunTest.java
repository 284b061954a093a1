package fr.portailfamille.platform.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What a régisseur reads on Facturation when a family's invoice failed: French words, never the database's message. */
class InvoicingRunTest {

    static RuntimeException persistenceFailure(String sqlState, String message) {
        return new jakarta.persistence.PersistenceException("Internal Exception: " + message,
                new RuntimeException(new SQLException(message, sqlState)));
    }

    @Test
    void theKnownFailuresAreSaidInWordsWithTheirLogReference() {
        assertEquals("la famille ou l'un de ses enfants a été supprimé pendant la facturation (réf. AB12)",
                InvoicingRun.failureText(persistenceFailure("23503", "ERROR: insert or update on table \"invoice_line\""
                        + " violates its reference to \"child\" Where: PL/pgSQL function references_exist()"), "AB12"));
        assertEquals("une journée de ce mois est déjà facturée par un autre passage (réf. CD34)",
                InvoicingRun.failureText(persistenceFailure("23505", "ERROR: duplicate key value violates unique"
                        + " constraint \"billed_month_pkey\""), "CD34"));
    }

    @Test
    void anythingElseIsATechnicalErrorWithoutItsDetail() {
        String text = InvoicingRun.failureText(persistenceFailure("40P01", "ERROR: deadlock detected"), "EF56");
        assertEquals("erreur technique, détail dans le journal du serveur (réf. EF56)", text);
        String npe = InvoicingRun.failureText(new IllegalStateException("java.lang.NullPointerException at Foo"), "GH78");
        assertFalse(npe.contains("Exception") || npe.contains("ERROR"), npe);
    }
}
