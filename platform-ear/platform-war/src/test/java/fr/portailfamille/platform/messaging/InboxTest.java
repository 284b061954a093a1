package fr.portailfamille.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.platform.kernel.Denied;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InboxTest {

    @Test
    void theSchoolYearOfABroadcastToASchoolStartsInSeptember() {
        assertEquals("2026-2027", Inbox.schoolYear(LocalDate.of(2026, 9, 1)));
        assertEquals("2026-2027", Inbox.schoolYear(LocalDate.of(2027, 8, 31)));
        assertEquals("2025-2026", Inbox.schoolYear(LocalDate.of(2026, 8, 31)));
    }

    @Test
    void aRefusedFileIsNamedWithoutItsPathNorInvisibleCharacters() {
        assertEquals("planning.pdf", Inbox.shown("C:\\Users\\moi\\planning.pdf"));
        assertEquals("facture.pdf", Inbox.shown("/tmp/fac\u202Eture.pdf"));
        assertEquals("", Inbox.shown(null));
        assertEquals("a".repeat(80) + "…", Inbox.shown("a".repeat(120)));
    }

    @Test
    void theInboxRefusalsKeepTheirFrenchAndReadInEnglish() {
        assertEquals("Cette conversation n'existe pas ou ne fait pas partie de votre dossier.",
                Refused.text("messaging.thread.notYours").french());
        assertEquals("Cette conversation n'existe pas ou n'appartient pas à vos services.",
                Refused.text("messaging.thread.notYourService").french());
        assertEquals("This conversation does not exist or is not part of your file.",
                Refused.text("messaging.thread.notYours").in(Locale.ENGLISH));
        assertEquals("Choose one of your services.", Refused.text("messaging.service.notYours").in(Locale.ENGLISH));
    }

    @Test
    void aStaffAccountHasNoFamilyInboxAndIsToldSoInThePagesLanguage() {
        SignedInUser agent = new SignedInUser("alpha", UUID.randomUUID().toString(), "Agent Alpha", "agent@alpha.test", true, List.of("agent"), null);
        Denied e = assertThrows(Denied.class, () -> new Inbox().write(agent, "ENFANCE", null, "Objet", "Texte", List.of()));
        assertEquals("Les comptes des agents de la commune n'ont pas de boîte de réception de famille.", e.getMessage());
        assertEquals("The commune's agents' accounts have no family inbox.", e.text().in(Locale.ENGLISH));
    }
}
