package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.tenancy.CommuneRules;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The walk of Mon profil in Chromium on a 360 px phone: the parent reads its details from the family file, gives its
 * consent to the commune's information by e-mail (written on its own responsable of the file, whatever ids the URL
 * carries) and opts out of the booking reminders, makes a child's calendar link and copies it (the feed answers), changes the password on
 * the commune's Keycloak (application-initiated action) and comes back to Mon profil with "Votre mot de passe a été
 * modifié", then signs in again with the new password, and changes the login address (the new one replaces the old
 * one only once confirmed from the mail Keycloak sends to it). axe-core on each state of the page.
 */
@ExtendWith(ArquillianExtension.class)
class ProfilWalkIT {

    private static final String NEW_PASSWORD = "Nouveau2026x";

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Test
    @RunAsClient
    void aParentChangesThePasswordThroughKeycloakAndOptsOutOfReminders() throws Exception {
        String base = StackLauncher.url(StackLauncher.ALPHA);
        String s = fr.portailfamille.it.support.BillingKit.random(6).replaceAll("[^A-Z0-9]", "X").toLowerCase();
        String parent = "profil-" + s + "@alpha.test";
        StackLauncher.stack().realmProvisioner().createUser(CommuneRules.realmName("alpha"), parent, "Camille", "Profil" + s,
                StackLauncher.PASSWORD_PARENT, "parent");
        long family;
        long otherFamily;
        long otherResponsable;
        try (Connection c = PaymentWalkIT.db()) {
            family = PaymentWalkIT.id(c, "insert into family (label, email, status, address_line, postcode, city, home_phone)"
                    + " values (?, ?, 'VALIDATED', '4 place de l''Hôtel de ville', '35590', 'L''Hermitage', '0299640186')"
                    + " returning id", "Foyer Profil " + s, parent);
            PaymentWalkIT.id(c, "insert into responsable (family_id, rank, civility, first_name, last_name, email, mobile_phone)"
                    + " values (?, 1, 'Mme', 'Marjolaine', 'Rousseau', ?, '0612345678') returning id", family, parent);
            PaymentWalkIT.id(c, "insert into child (family_id, first_name, last_name, birth_date) values (?, 'Léa', 'Profil',"
                    + " date '2019-03-02') returning id", family);
            otherFamily = PaymentWalkIT.id(c, "insert into family (label, email, status) values (?, ?, 'VALIDATED') returning id",
                    "Foyer Voisin " + s, "voisin-" + s + "@alpha.test");
            otherResponsable = PaymentWalkIT.id(c, "insert into responsable (family_id, rank, first_name, last_name, email)"
                    + " values (?, 1, 'Paul', 'Voisin', ?) returning id", otherFamily, "voisin-" + s + "@alpha.test");
        }
        List<String> wide = new ArrayList<>();
        try (Browser b = new Browser()) {
            ActivitiesWalkIT.signIn(b, "/espace/profil.xhtml", parent, StackLauncher.PASSWORD_PARENT);
            b.await(By.id("account:change-password"));
            InputsWebIT.phone(b);
            assertEquals(parent, b.await(By.id("login-email")).getText());
            String details = b.await(By.id("details")).getText();
            assertTrue(details.contains("Madame Marjolaine Rousseau") && details.contains("35590") && details.contains("0612345678"),
                    details);
            assertEquals(Long.toString(family), b.driver.findElement(By.id("family-number")).getText(), "the number agents see");
            assertEquals("", b.accessibilityViolations(), "axe-core, espace/profil");
            InputsWebIT.check(b, "mon-profil", wide);

            // the consent by e-mail, on the parent's own responsable of the family file; the reminders opt-out, for the account
            assertFalse(ProfilWalk.checked(b, "prefs:consentEmail"));
            assertFalse(ProfilWalk.checked(b, "prefs:consentSms"));
            assertFalse(ProfilWalk.checked(b, "prefs:remindersOptOut"));
            ProfilWalk.click(b, "prefs:consentEmail");
            ProfilWalk.click(b, "prefs:remindersOptOut");
            b.submit(By.id("prefs:save"));
            assertTrue(ProfilWalk.summary(b).contains("Vos préférences ont été enregistrées."), b::snapshot);
            // another family's ids in the URL change nothing: the page reads and writes the account's own responsable
            b.get(base + "/espace/profil.xhtml?family=" + otherFamily + "&responsable=" + otherResponsable);
            assertTrue(ProfilWalk.checked(b, "prefs:consentEmail"), "gardé au rechargement");
            assertFalse(ProfilWalk.checked(b, "prefs:consentSms"));
            assertTrue(ProfilWalk.checked(b, "prefs:remindersOptOut"), "gardé au rechargement");
            b.submit(By.id("prefs:save"));
            try (Connection c = PaymentWalkIT.db(); var st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("select reminders_opt_out from account_preference where family_id = " + family)) {
                    assertTrue(rs.next() && rs.getBoolean(1), "refus des rappels enregistré pour le compte");
                }
                try (ResultSet rs = st.executeQuery("select consent_email, consent_sms from responsable where rank = 1"
                        + " and family_id = " + family)) {
                    assertTrue(rs.next() && rs.getBoolean(1) && !rs.getBoolean(2), "accord du dossier famille, une seule vérité");
                }
                try (ResultSet rs = st.executeQuery("select consent_email or consent_sms from responsable where id = "
                        + otherResponsable)) {
                    assertTrue(rs.next() && !rs.getBoolean(1), "l'autre famille n'a pas changé");
                }
                try (ResultSet rs = st.executeQuery("select count(*) from audit_log where action = 'CONSENTEMENT'"
                        + " and family_id = " + family)) {
                    assertTrue(rs.next() && rs.getLong(1) == 1, "au journal du dossier, une fois");
                }
            }

            // a calendar link for Léa, shown once, copied; the feed answers
            b.submit(ProfilWalk.createLink());
            String feed = ProfilWalk.feedUrl(b);
            assertTrue(feed.startsWith(base + "/calendrier/") && feed.endsWith(".ics"), feed);
            assertEquals("Lien copié.", ProfilWalk.copy(b));
            assertEquals("", b.accessibilityViolations(), "axe-core, espace/profil avec un lien");
            InputsWebIT.check(b, "mon-profil-lien", wide);
            HttpResponse<String> ics = PlatformWebIT.get(PlatformWebIT.host("alpha"), URI.create(feed).getPath(), Map.of());
            assertEquals(200, ics.statusCode());
            assertTrue(ics.body().contains("BEGIN:VTIMEZONE"), ics.body());

            // the password, on the commune's Keycloak, back to Mon profil with the result
            b.submit(By.id("account:change-password"));
            ProfilWalk.changePasswordOnKeycloak(b, StackLauncher.PASSWORD_PARENT, NEW_PASSWORD);
            b.awaitUrlStartingWith(base + "/espace/profil.xhtml");
            b.await(By.id("summary"));
            assertTrue(ProfilWalk.summary(b).contains("Votre mot de passe a été modifié."), b::snapshot);
            assertEquals("", b.accessibilityViolations(), "axe-core, espace/profil après le changement");
            InputsWebIT.check(b, "mon-profil-retour", wide);
            assertEquals(List.of(), wide, "360 px");
            b.get(base + "/espace/profil.xhtml");
            assertFalse(ProfilWalk.summary(b).contains("Votre mot de passe a été modifié."), "affiché une seule fois");

            // signed out, then in again with the new password
            b.submit(By.id("logout"));
            b.awaitUrlStartingWith(base + "/");
            ActivitiesWalkIT.signIn(b, "/espace/profil.xhtml", parent, NEW_PASSWORD);
            assertEquals(parent, b.await(By.id("login-email")).getText());

            // the login address: confirmed from the mail sent to the new one before it replaces the old one
            String renamed = "profil-nouveau-" + s + "@alpha.test";
            b.submit(By.id("account:change-email"));
            ProfilWalk.changeEmailOnKeycloak(b, NEW_PASSWORD, renamed);
            var users = StackLauncher.stack().keycloakAdmin().realm(CommuneRules.realmName("alpha")).users();
            assertEquals(1, users.searchByEmail(parent, true).size(), "l'ancienne adresse reste tant que la nouvelle n'est pas confirmée");
            String mail = fr.portailfamille.it.support.Mails.await(renamed, m -> m.contains("action-token"));
            assertTrue(mail.contains("Confirmez votre nouvelle adresse") || mail.contains("portail famille de"), mail);
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("http\\S*login-actions/action-token\\S*").matcher(mail);
            assertTrue(link.find(), mail);
            ProfilWalk.confirmEmail(b, link.group().replaceAll("[\"<>].*$", ""));
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(30))
                    .until(d -> users.searchByEmail(renamed, true).size() == 1);
            assertTrue(users.searchByEmail(parent, true).isEmpty(), "la nouvelle adresse remplace l'ancienne");
            b.desktop();
        }
    }

    /**
     * A family whose account was deleted and made again: its file, still linked to the old account, is not reached and
     * no second file is made; every page says what to do (409, not the 500 page). The commune's administrator detaches
     * the file in Chromium; the family's next page reaches it.
     */
    @Test
    @RunAsClient
    void anAccountMadeAgainIsToldWhatToDoAndReachesItsFileOnceTheCommuneDetachesIt() throws Exception {
        String s = fr.portailfamille.it.support.BillingKit.random(6).replaceAll("[^A-Z0-9]", "X").toLowerCase();
        String parent = "refait-" + s + "@alpha.test";
        StackLauncher.stack().realmProvisioner().createUser(CommuneRules.realmName("alpha"), parent, "Dominique", "Refait" + s,
                StackLauncher.PASSWORD_PARENT, "parent");
        long family;
        try (Connection c = PaymentWalkIT.db()) {
            family = PaymentWalkIT.id(c, "insert into family (label, email, status, subject) values (?, ?, 'VALIDATED', ?)"
                    + " returning id", "Foyer Refait " + s, parent, java.util.UUID.randomUUID().toString());
        }
        try (Browser b = new Browser(); Browser a = new Browser()) {
            ActivitiesWalkIT.signIn(b, "/espace/foyer.xhtml", parent, StackLauncher.PASSWORD_PARENT);
            String told = b.await(By.id("account-conflict")).getText();
            assertTrue(told.contains("relié à un autre compte") && told.contains("contactez votre mairie"), told);
            assertFalse(b.await(By.id("correlation-id")).getText().isBlank());
            assertEquals("", b.accessibilityViolations(), "axe-core, compte non relié");
            Browser.screenshot(b, "compte-non-relie");
            try (Connection c = PaymentWalkIT.db(); var ps = c.prepareStatement("select count(*) from family where email = ?")) {
                ps.setString(1, parent);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "no second file");
                }
            }

            ActivitiesWalkIT.signIn(a, "/agent/famille.xhtml?id=" + family, StackLauncher.admin(StackLauncher.ALPHA),
                    StackLauncher.PASSWORD_AGENT);
            assertTrue(a.await(By.id("family-account")).getText().contains("relié"), a::snapshot);
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/famille with the detach button");
            a.submit(By.id("portal-account:unlink"));
            assertTrue(a.await(By.id("family-account")).getText().contains("aucun compte relié"), a::snapshot);
            assertTrue(a.driver.findElements(By.id("portal-account:unlink")).isEmpty(), a::snapshot);
            // « Changer l'adresse de connexion »: the file's own address again is said beside the field, nothing changed
            Browser.type(a, "login-address:loginEmail", parent);
            a.submit(By.id("login-address:change-login"));
            assertTrue(a.await(By.id("login-address:loginEmail_msg")).getText().contains("déjà l'adresse de connexion"),
                    a::snapshot);
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/famille with the address refused");

            b.get(StackLauncher.url(StackLauncher.ALPHA) + "/espace/foyer.xhtml");
            assertTrue(b.driver.findElements(By.id("account-conflict")).isEmpty(), b::snapshot);
            assertTrue(b.await(By.id("status")).getText().contains("validé"), b::snapshot);
        }
    }
}
