package fr.portailfamille.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;

/** Keycloak's mails are the commune's, in French, with links that last and a way to get a new one. */
class MailThemeTest {

    static Properties messages(String path) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MailThemeTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** As Keycloak does: every text goes through MessageFormat with the mail's parameters. */
    static String format(Properties p, String key, Object... params) {
        return new MessageFormat(p.getProperty(key), Locale.FRENCH).format(params);
    }

    @Test
    void linksLastAtLeastADayAndTheRealmsUseTheMailTheme() {
        RealmRepresentation template = KeycloakRealmProvisioner.template();
        assertEquals("portail-famille", template.getEmailTheme());
        assertTrue(template.getActionTokenGeneratedByUserLifespan() >= 24 * 3600,
                "lien de confirmation d'adresse : au moins 24 h");
        assertTrue(template.getActionTokenGeneratedByAdminLifespan() >= 24 * 3600, "invitation au guichet");
        // realms created before the template had them get them at the next start
        RealmRepresentation existing = new RealmRepresentation();
        existing.setActionTokenGeneratedByUserLifespan(300);
        KeycloakRealmProvisioner.applyMailSettings(existing, template);
        assertEquals(template.getActionTokenGeneratedByUserLifespan(), existing.getActionTokenGeneratedByUserLifespan());
        assertEquals("portail-famille", existing.getEmailTheme());
    }

    @Test
    void mailsSpeakInTheCommunesNameWithTheirLinkAndHowToGetANewOne() throws Exception {
        Properties fr = messages("/theme/portail-famille/email/messages/messages_fr.properties");
        String link = "http://localhost/realms/pf-x/login-actions/action-token?key=abc";
        String verify = format(fr, "emailVerificationBody", link, 1440, "Pays de Montfaucou", "1 jour");
        assertTrue(verify.contains("portail famille de Pays de Montfaucou"), verify);
        assertTrue(verify.contains(link));
        assertTrue(verify.contains("Mot de passe oublié ?"), "comment obtenir un nouveau lien");
        assertTrue(verify.contains("l'activer") && verify.contains("n'avez"), "apostrophes gardées : " + verify);
        String html = format(fr, "emailVerificationBodyHtml", link, 1440, "Pays de Montfaucou", "1 jour");
        assertTrue(html.contains("<a href=\"" + link + "\">"), html);

        String counter = format(fr, "executeActionsBody", link, 10080, "Pays de Montfaucou", "choisir votre mot de passe",
                "7 jours");
        assertFalse(counter.contains("administrateur"), counter);
        assertTrue(counter.contains("Le service enfance de Pays de Montfaucou a créé votre dossier"), counter);
        assertTrue(counter.contains(link) && counter.contains("7 jours"), counter);
        assertFalse(format(fr, "executeActionsSubject").contains("Mettre à jour"));
        String update = format(fr, "emailUpdateConfirmationBody", link, "nouvelle@exemple.fr", "Pays de Montfaucou", "1 jour");
        assertTrue(update.contains("portail famille de Pays de Montfaucou") && update.contains("nouvelle@exemple.fr")
                && update.contains(link) && update.contains("votre ancienne adresse reste"), update);
        for (String key : fr.stringPropertyNames()) {
            // every apostrophe is doubled in the file, so none is lost by MessageFormat
            String raw = fr.getProperty(key);
            String text = format(fr, key, "L", 0, "X", "Y", "Z");
            assertEquals(raw.split("''", -1).length - 1, text.chars().filter(c -> c == '\'').count(), key);
        }
    }

    @Test
    void anAgentsInvitationSpeaksToAnAgentAndTheTemplateChoosesItByTheOrderOfTheActions() throws Exception {
        Properties fr = messages("/theme/portail-famille/email/messages/messages_fr.properties");
        String link = "http://localhost/realms/pf-x/login-actions/action-token?key=abc";
        String staff = format(fr, "staffInvitationBody", link, 10080, "Pays de Montfaucou", "", "7 jours");
        assertTrue(staff.contains("compte d'agent") && staff.contains("espace agents") && staff.contains(link)
                && staff.contains("7 jours") && staff.contains("nouvelle invitation"), staff);
        assertFalse(staff.contains("dossier famille"), staff);
        // the same mail invites a commune's first administrator, whom the platform's operator invited: no "administrateur"
        assertFalse(staff.contains("administrateur"), staff);
        assertTrue(format(fr, "staffInvitationBodyHtml", link, 10080, "Pays de Montfaucou", "", "7 jours")
                .contains("<a href=\"" + link + "\">"));
        assertFalse(format(fr, "executeActionsSubject").contains("famille de"), "sujet commun aux familles et aux agents");
        for (String kind : new String[] {"text", "html"}) {
            try (InputStream in = getClass().getResourceAsStream("/theme/portail-famille/email/" + kind + "/executeActions.ftl")) {
                String ftl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(ftl.contains("requiredActions[0] == \"UPDATE_PASSWORD\"") && ftl.contains("requiredActions[1] == \"VERIFY_EMAIL\""), kind);
                assertTrue(ftl.contains("staffInvitationBody") && ftl.contains("executeActionsBody"), kind);
            }
        }
        Properties en = messages("/theme/portail-famille/email/messages/messages_en.properties");
        assertTrue(en.stringPropertyNames().containsAll(java.util.List.of("staffInvitationBody", "staffInvitationBodyHtml")));
    }

    @Test
    void theConfirmationPagesKeepTheirApostrophesAndTheExpiredPageSaysWhatToDo() throws Exception {
        Properties login = messages("/theme/portail-famille/login/messages/messages_fr.properties");
        // Keycloak formats this title twice: it must read the same after two passes
        String header = format(login, "confirmEmailAddressVerificationHeader");
        assertEquals(header, new MessageFormat(header, Locale.FRENCH).format(new Object[0]));
        assertFalse(header.contains("ladresse"));
        String expired = format(login, "expiredActionTokenNoSessionMessage");
        assertTrue(expired.contains("24 heures") && expired.contains("Mot de passe oublié ?"), expired);
        // an invitation lasts 7 days (RealmUsers): an agent invited a week ago is not told 24 hours
        assertTrue(expired.contains("une invitation 7 jours"), expired);
    }
}
