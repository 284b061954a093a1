package fr.portailfamille.platform.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.platform.kernel.Denied;
import fr.portailfamille.platform.security.SignedInUser;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.Test;

/**
 * Paying online is a parent's own business: anyone else, or another family's invoice, is told "not yours" — a
 * {@link SecurityException} as before, its French unchanged for the API and the logs, in English on an English page.
 */
class OnlinePaymentsTest {

    static final SignedInUser AGENT = new SignedInUser("alpha", UUID.randomUUID().toString(), "Agent Alpha",
            "agent@alpha.test", true, List.of("agent"), null);

    @Test
    void noOneButTheFamilysParentPaysAndIsToldSoInThePagesLanguage() {
        OnlinePayments payments = new OnlinePayments();
        payments.self = payments; // its proxy in the container: the steps of a start, each in its own transaction
        for (Executable call : List.<Executable>of(() -> payments.start(AGENT, 12, "http://alpha.test"),
                () -> payments.start(null, 12, "http://alpha.test"), () -> payments.startTopUp(AGENT, "ALSH", 2000L, "http://x"),
                () -> payments.outcome(AGENT, "abc"))) {
            Denied e = assertThrows(Denied.class, call);
            assertEquals("Cette facture n'appartient pas à votre dossier.", e.getMessage());
            assertEquals("This invoice is not in your file.", e.text().in(Locale.ENGLISH));
        }
    }
}
