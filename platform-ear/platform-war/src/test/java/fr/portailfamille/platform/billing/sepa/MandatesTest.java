package fr.portailfamille.platform.billing.sepa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.platform.kernel.Denied;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A family's mandates are its parents' own: an agent, or another family's mandate, is refused in the page's language. */
class MandatesTest {

    static final SignedInUser AGENT = new SignedInUser("alpha", UUID.randomUUID().toString(), "Agent Alpha",
            "agent@alpha.test", true, List.of("agent"), null);

    @Test
    void anAgentNeitherSignsNorReadsAFamilysMandatesFromTheFamilysPages() {
        Mandates mandates = new Mandates();
        Denied sign = assertThrows(Denied.class, () -> mandates.sign(AGENT, null));
        assertEquals("Seule la famille signe son mandat de prélèvement, depuis son espace.", sign.getMessage());
        assertEquals("Only the family signs its direct debit mandate, from its own space.", sign.text().in(Locale.ENGLISH));
        Denied mine = assertThrows(Denied.class, () -> mandates.mine(AGENT));
        assertEquals("Les mandats d'une famille se consultent depuis les pages des agents.", mine.getMessage());
        assertEquals("A family's mandates are viewed from the agents' pages.", mine.text().in(Locale.ENGLISH));
        Denied revoke = assertThrows(Denied.class, () -> mandates.revoke(AGENT, 3));
        assertEquals(mine.getMessage(), revoke.getMessage());
    }

    @Test
    void anotherFamilysMandateKeepsItsFrenchAndReadsInEnglish() {
        assertEquals("Ce mandat n'appartient pas à votre dossier.", Refused.text("billing.mandate.notYours").french());
        assertEquals("This mandate is not in your file.", Refused.text("billing.mandate.notYours").in(Locale.ENGLISH));
    }
}
