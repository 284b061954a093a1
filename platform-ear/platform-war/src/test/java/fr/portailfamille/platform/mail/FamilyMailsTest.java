package fr.portailfamille.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneStatus;
import java.util.List;

import org.junit.jupiter.api.Test;

class FamilyMailsTest {

    @Test
    void aFamilyMailIsInTheCommunesNameWithALinkToItsPortal() {
        String text = FamilyMails.text("Pays de Montfaucou", "Nous avons bien reçu votre demande.",
                "https://montfaucou.portail-famille.fr/espace/inscriptions.xhtml");
        assertTrue(text.startsWith("Bonjour,\n\nNous avons bien reçu votre demande."), text);
        assertTrue(text.contains("portail famille de Pays de Montfaucou :\nhttps://montfaucou.portail-famille.fr/espace/inscriptions.xhtml\n"),
                text);
        assertTrue(text.contains("\nPays de Montfaucou – Portail Famille\n"), text);
    }

    /** A job's mail (no request) links the commune's own domain when it has one, with the platform's public scheme. */
    @Test
    void aJobsMailLinksTheCommunesOwnDomainElseItsSubDomain() {
        Commune own = new Commune(1, "montfaucou", "Pays de Montfaucou", CommuneStatus.ACTIVE, "commune_montfaucou",
                "montfaucou", null, null, "portail", "secret", List.of("familles.paysdemontfaucou.fr"), null);
        Commune none = new Commune(2, "bruz", "Bruz", CommuneStatus.ACTIVE, "commune_bruz", "bruz", null, null, "portail",
                "secret", List.of(), null);
        assertEquals("https://familles.paysdemontfaucou.fr", FamilyMails.portalOutsideRequests(own, null, "portail-famille.fr"));
        assertEquals("https://bruz.portail-famille.fr", FamilyMails.portalOutsideRequests(none, " ", "portail-famille.fr"));
        assertEquals("http://bruz.localhost", FamilyMails.portalOutsideRequests(none, "http", "localhost"));
    }
}
