package fr.portailfamille.platform.mail;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
