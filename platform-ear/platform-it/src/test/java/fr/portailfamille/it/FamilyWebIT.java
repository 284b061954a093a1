package fr.portailfamille.it;

import static fr.portailfamille.it.support.Browser.screenshot;
import static fr.portailfamille.it.support.Browser.type;
import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.it.support.QueueWalk;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A family's whole journey in headless Chromium: account creation ("Créer mon compte" on the commune's public
 * page, then its Keycloak) with the confirmation mail read from GreenMail, the family-file wizard ("Valider"
 * listing the missing fields, "Finir plus tard", then "Valider") with Accueil pointing to it at each step,
 * validation by an agent, then a change request refused with a reason that the family reads in "Liste des
 * demandes".
 */
@ExtendWith(ArquillianExtension.class)
class FamilyWebIT {

    static final String BASE = PlatformWebIT.url(ALPHA);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platformWar();
    }

    @Test
    void familySignsUpFillsItsFileAndFollowsItsRequests() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "nouvelle-" + suffix + "@alpha.test";
        String lastName = "Durand-" + suffix;
        try (Browser parent = new Browser(); Browser agent = new Browser()) {
            // --- account creation from the commune's public page, confirmed by e-mail
            signUp(parent, email, true);

            // --- signed in, the commune's public page leads to the family's space, no longer to sign in or up
            parent.get(BASE + "/");
            assertEquals("Mon espace famille", parent.await(By.id("login-link")).getText());
            assertTrue(parent.driver.findElements(By.id("signup-link")).isEmpty());

            // --- Accueil leads a new account to its family file first
            parent.get(BASE + "/espace/accueil.xhtml");
            assertEquals("NEW", parent.await(By.id("family-file")).getAttribute("data-state"));
            assertTrue(parent.driver.findElement(By.id("family-file-text")).getText().startsWith("Pour inscrire vos enfants"));
            parent.submit(By.id("family-file-link"));

            // --- the wizard: "Valider" with almost nothing lists every missing field, saves nothing
            assertTrue(parent.await(By.id("status")).getText().contains("Compte en cours de création"));
            type(parent, "foyer:city", "Limoges");
            parent.submit(By.id("foyer:submit"));
            List<String> summary = parent.driver.findElements(By.cssSelector("#summary li")).stream()
                    .map(WebElement::getText).toList();
            assertTrue(summary.contains("La situation familiale est obligatoire."), summary + " " + parent.snapshot());
            assertTrue(summary.contains("L'adresse est obligatoire."), summary.toString());
            assertTrue(summary.contains("Ajoutez au moins un enfant."), summary.toString());
            assertTrue(summary.size() >= 8, summary.toString());
            assertEquals("Le code postal est obligatoire.", parent.driver.findElement(By.id("foyer:postcode_msg")).getText());
            assertEquals("", parent.accessibilityViolations(), "axe-core, Mon foyer avec erreurs");

            // --- fill in, "Finir plus tard", then "Valider l'inscription"
            new Select(parent.driver.findElement(By.id("foyer:situation"))).selectByValue("MARIES");
            type(parent, "foyer:addressLine", "3 rue des Écoles");
            type(parent, "foyer:postcode", "87000");
            new Select(parent.driver.findElement(By.id("foyer:r1_civility"))).selectByValue("MME");
            type(parent, "foyer:r1_lastName", lastName);
            type(parent, "foyer:r1_firstName", "Camille");
            date(parent, "foyer:r1_birthDate", "1988-04-02");
            type(parent, "foyer:r1_mobilePhone", "06 12 34 56 78");
            parent.submit(By.id("foyer:addChild"));
            // the page comes back on the new child's first name, not at its top
            parent.await(By.id("foyer:children:0:firstName"));
            assertEquals("foyer:children:0:firstName", parent.driver.switchTo().activeElement().getAttribute("id"));
            type(parent, "foyer:children:0:firstName", "Léa");
            new Select(parent.await(By.id("foyer:children:0:sex"))).selectByValue("F");
            date(parent, "foyer:children:0:birthDate", TestDays.today().minusYears(7).toString());
            type(parent, "foyer:children:0:school", "École Jules Ferry");
            parent.submit(By.id("foyer:saveDraft"));
            assertTrue(parent.await(By.cssSelector("#summary .pf-info")).getText().contains("30 jours"));
            assertEquals("Léa", parent.driver.findElement(By.id("foyer:children:0:firstName")).getAttribute("value"));
            String kept = TestDays.today().plusDays(30).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            parent.get(BASE + "/espace/accueil.xhtml");
            assertEquals("DRAFT", parent.await(By.id("family-file")).getAttribute("data-state"));
            assertTrue(parent.driver.findElement(By.id("family-file-text")).getText().endsWith("Il est conservé jusqu'au "
                    + kept + "."), parent.driver.findElement(By.id("family-file-text")).getText());
            parent.submit(By.id("family-file-link"));
            parent.submit(By.id("foyer:submit"));
            assertTrue(parent.await(By.id("status")).getText().contains("Dossier envoyé"), parent.driver.getPageSource());
            screenshot(parent, "foyer-envoye");
            parent.get(BASE + "/espace/accueil.xhtml");
            assertEquals("SUBMITTED", parent.await(By.id("family-file")).getAttribute("data-state"));
            assertTrue(parent.driver.findElements(By.id("next-bookings")).isEmpty(),
                    "no « Prochaines journées » with planning links while the file is not validated");
            assertTrue(parent.driver.findElement(By.id("family-file-text")).getText().startsWith("Dossier envoyé le "
                    + TestDays.today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " : le service enfance le vérifie."));
            assertEquals("", parent.accessibilityViolations(), "axe-core, Accueil d'un dossier envoyé");

            // Mes enfants: one page per child of this family, by position, never by id
            parent.get(BASE + "/espace/enfants.xhtml?enfant=1");
            assertEquals("Léa " + lastName, parent.await(By.id("child-name")).getText());
            assertEquals("7 ans", parent.driver.findElement(By.id("age")).getText(), "born seven years ago today");
            assertTrue(parent.driver.findElement(By.id("child-planning")).getAttribute("href").endsWith("/espace/planning.xhtml?enfant=1"));
            assertEquals("", parent.accessibilityViolations(), "axe-core, Mes enfants");
            parent.get(BASE + "/espace/enfants.xhtml?enfant=2");
            assertTrue(parent.await(By.id("no-child")).getText().contains("n'existe pas"));

            // --- an agent validates it
            agent.get(BASE + "/agent/dossiers.xhtml");
            agent.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(BASE + "/agent/dossiers.xhtml");
            QueueWalk.sortLatestFirst(agent, "Envoyé le");
            QueueWalk.decide(agent, "Foyer Camille " + lastName, true, "Dossier validé");
            assertEquals("", agent.accessibilityViolations(), "axe-core, dossiers agents");

            // --- validated: Accueil no longer speaks of the file
            parent.get(BASE + "/espace/accueil.xhtml");
            parent.await(By.id("greeting"));
            assertTrue(parent.driver.findElements(By.id("family-file")).isEmpty());

            // --- the family asks to change its address; the agent refuses with a reason
            parent.get(BASE + "/espace/foyer.xhtml");
            assertTrue(parent.await(By.id("status")).getText().contains("Dossier validé"));
            parent.submit(By.id("foyer:startChanges"));
            type(parent, "foyer:postcode", "87100");
            parent.submit(By.id("foyer:sendChanges"));
            assertTrue(parent.await(By.cssSelector("#summary .pf-info")).getText().contains("demande de modification est envoyée"));

            agent.get(BASE + "/agent/demandes.xhtml");
            QueueWalk.sortLatestFirst(agent, "Envoyé le");
            QueueWalk.refuse(agent, "Foyer Camille " + lastName, "Indiquez le motif du refus : il est envoyé à la famille.",
                    "Justificatif de domicile manquant", "refusée");

            parent.get(BASE + "/espace/demandes.xhtml?type=DOSSIER");
            assertEquals("Refusée", parent.await(By.cssSelector("#requests .pf-badge")).getText());
            assertEquals("Justificatif de domicile manquant", parent.driver.findElement(By.cssSelector(".request-reason")).getText());
            assertEquals("Code postal : 87100", parent.driver.findElement(By.cssSelector("#requests .request-values")).getText(),
                    "ce que la famille a demandé");
            assertEquals("", parent.accessibilityViolations(), "axe-core, liste des demandes");

            // --- a new quotient with the CAF's attestation: a file that is no PDF is refused beside its field, nothing
            //     is sent and the typed quotient is kept; chosen again, the request goes with it, in Mes documents
            parent.get(BASE + "/espace/foyer.xhtml");
            assertTrue(parent.await(By.id("status")).isDisplayed());
            assertTrue(parent.driver.findElements(By.id("foyer:qfProof")).isEmpty(), "offered only while changing");
            parent.submit(By.id("foyer:startChanges"));
            type(parent, "foyer:quotientFamilial", "612");
            new Select(parent.driver.findElement(By.id("foyer:qfSource"))).selectByValue("CAF");
            date(parent, "foyer:qfProofDate", TestDays.today().minusDays(2).toString());
            parent.driver.findElement(By.id("foyer:qfProof")).sendKeys(MesDocumentsWalk.file("attestation-caf.pdf",
                    "<html><script>alert(1)</script></html>").toAbsolutePath().toString());
            parent.submit(By.id("foyer:sendChanges"));
            assertTrue(parent.await(By.id("foyer:qfProof_msg")).getText().contains("n'est pas un vrai fichier PDF"),
                    parent.driver.findElement(By.id("foyer:qfProof_msg")).getText());
            assertEquals("612", parent.driver.findElement(By.id("foyer:quotientFamilial")).getAttribute("value"), "kept");
            assertEquals("", parent.accessibilityViolations(), "axe-core, Mon foyer, attestation refusée");
            screenshot(parent, "foyer-attestation-refusee");
            // a child added (then removed) brings the page back without the file chosen: it names it, to choose again
            parent.driver.findElement(By.id("foyer:qfProof")).sendKeys(MesDocumentsWalk.file("attestation-caf.pdf",
                    "%PDF-1.4\n% attestation\n").toAbsolutePath().toString());
            parent.submit(By.id("foyer:addChild"));
            assertTrue(parent.await(By.id("foyer:qfProof_again")).getText().contains("« attestation-caf.pdf »"),
                    parent.driver.getPageSource());
            parent.submit(By.id("foyer:children:1:removeChild"));
            parent.driver.findElement(By.id("foyer:qfProof")).sendKeys(MesDocumentsWalk.file("attestation-caf.pdf",
                    "%PDF-1.4\n% attestation\n").toAbsolutePath().toString());
            parent.submit(By.id("foyer:sendChanges"));
            assertTrue(parent.await(By.cssSelector("#summary .pf-info")).getText().contains("demande de modification est envoyée"));
            parent.get(BASE + "/espace/demandes.xhtml?type=CAF");
            assertTrue(parent.await(By.cssSelector("#requests .request-values")).getText().contains("612"),
                    parent.driver.findElement(By.cssSelector("#requests .request-values")).getText());
            parent.get(BASE + "/espace/documents.xhtml");
            parent.await(By.id("send:file"));
            assertTrue(parent.driver.getPageSource().contains("attestation-caf.pdf"), "the attestation in Mes documents");

            // --- a parent never reaches the agents' pages
            parent.get(BASE + "/agent/famille.xhtml?id=1");
            assertEquals("Accès refusé", parent.await(By.id("error-title")).getText());
        }
    }

    /**
     * Creates an account on alpha's Keycloak from the sign-in page, confirms it with the mail read from
     * GreenMail and chooses a password on the page where the rules tick live; ends on Mon foyer.
     */
    static void signUp(Browser parent, String email) throws Exception {
        signUp(parent, email, false);
    }

    /**
     * As {@link #signUp(Browser, String)}; {@code fromHome}: from "Créer mon compte" on the commune's public page,
     * straight to Keycloak's registration page, instead of the sign-in page's link.
     */
    static void signUp(Browser parent, String email, boolean fromHome) throws Exception {
        if (fromHome) {
            parent.get(BASE + "/");
            assertEquals("", parent.accessibilityViolations(), "axe-core, page publique de la commune");
            parent.await(By.id("signup-link")).click();
        } else {
            parent.get(BASE + "/espace/foyer.xhtml");
            parent.await(By.cssSelector("a[href*='registration']")).click();
        }
        parent.await(By.id("email")).sendKeys(email);
        parent.driver.findElement(By.id("firstName")).sendKeys("Camille");
        parent.driver.findElement(By.id("lastName")).sendKeys("Durand");
        parent.submit(By.cssSelector("#kc-register-form [type=submit]"));
        // Keycloak's secure default with e-mail verification: the password is chosen once the
        // address is confirmed, on a page showing the commune's rules ticking as they are met
        parent.get(confirmationLink(email));
        WebElement password = parent.await(By.id("password-new"));
        password.sendKeys("famille");
        assertEquals(List.of("unmet", "met", "unmet", "unmet"), ruleStates(parent));
        password.sendKeys("2026F");
        assertEquals(List.of("met", "met", "met", "met"), ruleStates(parent));
        parent.driver.findElement(By.id("password-confirm")).sendKeys("famille2026F");
        parent.submit(By.cssSelector("#kc-passwd-update-form [type=submit]"));
        parent.awaitUrlStartingWith(BASE + "/espace/foyer.xhtml");
    }

    @Test
    void familyKnownAtTheCounterActivatesItsAccountAndFindsItsFile() throws Exception {
        String email = "guichet-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        try (Browser agent = new Browser(); Browser parent = new Browser()) {
            agent.get(BASE + "/agent/dossiers.xhtml");
            agent.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(BASE + "/agent/dossiers.xhtml");
            agent.submit(By.id("guichet:create"));
            assertEquals("Le nom du responsable est obligatoire.", agent.await(By.id("guichet:lastName_msg")).getText());
            type(agent, "guichet:firstName", "Sacha");
            type(agent, "guichet:lastName", "Bernard");
            type(agent, "guichet:email", email);
            agent.submit(By.id("guichet:create"));
            assertTrue(agent.await(By.cssSelector("#summary .pf-info")).getText().contains("courriel d'activation"));

            // the family follows the activation mail: confirms its address, chooses a password
            parent.get(confirmationLink(email));
            List<WebElement> proceed = parent.driver.findElements(By.cssSelector("a[href*='login-actions']"));
            if (!proceed.isEmpty()) {
                proceed.get(0).click();
            }
            parent.await(By.id("password-new")).sendKeys("Guichet2026");
            parent.driver.findElement(By.id("password-confirm")).sendKeys("Guichet2026");
            parent.submit(By.cssSelector("#kc-passwd-update-form [type=submit]"));
            parent.get(BASE + "/espace/foyer.xhtml");
            if (!parent.driver.getCurrentUrl().startsWith(BASE)) {
                parent.signIn(email, "Guichet2026");
                parent.awaitUrlStartingWith(BASE + "/espace/foyer.xhtml");
            }
            // première connexion: the counter's file, not a new draft
            assertTrue(parent.await(By.id("status")).getText().contains("Dossier validé"), parent.driver.getPageSource());
        }
    }

    /**
     * The realm cannot send the activation mail (its mail server unreachable): the counter's file is not created, the
     * agent is told beside the form, and no account is left behind without its invitation — it would refuse the
     * family's own sign-up later. The mail server back, the same creation goes through.
     */
    @Test
    void aCounterInvitationThatCannotBeMailedLeavesNoAccount() throws Exception {
        String email = "sanscourriel-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        var realm = StackLauncher.stack().keycloakAdmin().realm("pf-alpha");
        try (Browser agent = new Browser()) {
            agent.get(BASE + "/agent/dossiers.xhtml");
            agent.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(BASE + "/agent/dossiers.xhtml");
            var settings = realm.toRepresentation();
            java.util.Map<String, String> smtp = new java.util.HashMap<>(settings.getSmtpServer());
            smtp.put("port", "1"); // nothing listens there
            settings.setSmtpServer(smtp);
            realm.update(settings);
            try {
                type(agent, "guichet:firstName", "Claude");
                type(agent, "guichet:lastName", "Sanscourriel");
                type(agent, "guichet:email", email);
                agent.submit(By.id("guichet:create"));
                assertTrue(agent.await(By.cssSelector("#summary .pf-error-item, #summary li")).getText()
                        .contains("Le courriel d'activation n'a pas pu être envoyé"), agent::snapshot);
            } finally {
                StackLauncher.stack().realmProvisioner().harden("pf-alpha"); // the platform's mail settings again
            }
            assertTrue(realm.users().searchByEmail(email, true).isEmpty(), "no account left behind");
            assertEquals("", column("select coalesce(max(email), '') from commune_alpha.family where lower(email) = ?"
                    .replace("?", "'" + email + "'") + " and id > ?", 0), "no file");
            agent.submit(By.id("guichet:create"));
            assertEquals(1, realm.users().searchByEmail(email, true).size(), agent::snapshot);
        }
    }

    @Test
    void agentsEditFilesAndOnlyHealthAgentsSeeHealthData() throws Exception {
        String email = "sante-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        try (Browser nurse = new Browser(); Browser agent = new Browser()) {
            nurse.get(BASE + "/agent/dossiers.xhtml");
            nurse.signIn(StackLauncher.healthAgent(ALPHA), StackLauncher.PASSWORD_AGENT);
            nurse.awaitUrlStartingWith(BASE + "/agent/dossiers.xhtml");
            type(nurse, "guichet:firstName", "Alex");
            type(nurse, "guichet:lastName", "Petit");
            type(nurse, "guichet:email", email);
            nurse.submit(By.id("guichet:create"));
            type(nurse, "recherche:query", email);
            nurse.submit(By.id("recherche:search"));
            nurse.await(By.cssSelector("#found a")).click();
            nurse.await(By.id("edit-link")).click();

            // the nurse completes the file, health data included; a bad phone is refused next to its field
            nurse.submit(By.id("dossier:addChild"));
            type(nurse, "dossier:children:0:firstName", "Noa");
            type(nurse, "dossier:children:0:allergies", "gluten");
            type(nurse, "dossier:children:0:doctorPhone", "12");
            nurse.submit(By.id("dossier:save"));
            assertEquals("Numéro de téléphone invalide : 10 chiffres, par exemple 06 12 34 56 78.",
                    nurse.await(By.id("dossier:children:0:doctorPhone_msg")).getText());
            type(nurse, "dossier:children:0:doctorPhone", "05 55 11 22 33");
            nurse.submit(By.id("dossier:save"));
            assertTrue(nurse.await(By.cssSelector("#summary .pf-info")).getText().contains("journal"));
            String fileUrl = nurse.driver.findElement(By.linkText("Retour au dossier")).getAttribute("href");
            nurse.get(fileUrl);
            assertTrue(nurse.await(By.cssSelector(".health")).getText().contains("gluten"));
            assertTrue(nurse.driver.findElement(By.id("audit")).getText().contains("Modification des données de santé"),
                    "modification inscrite au journal, en mots");
            assertFalse(nurse.driver.getPageSource().contains("MODIFICATION_SANTE"), "pas de code brut");

            // an agent without the health role sees the child, not its health data, anywhere
            agent.get(fileUrl);
            agent.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(fileUrl);
            assertTrue(agent.await(By.id("page-title")).getText().contains("Foyer Alex Petit"));
            assertTrue(agent.driver.getPageSource().contains("Noa"));
            assertTrue(agent.driver.getPageSource().contains("Fiche sanitaire réservée"));
            assertTrue(!agent.driver.getPageSource().contains("gluten"), "données de santé cachées");
            agent.await(By.id("edit-link")).click();
            agent.await(By.id("dossier:save"));
            assertTrue(agent.driver.findElements(By.id("dossier:children:0:allergies")).isEmpty());
            assertTrue(!agent.driver.getPageSource().contains("gluten"));
            assertEquals("", agent.accessibilityViolations(), "axe-core, modification d'un dossier");
        }
    }

    @Test
    void familyRegistersThenBooksAndCancelsDaysOnItsPlanning() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "planning-" + suffix + "@alpha.test";
        String activity = "Cantine " + suffix;
        // a validated family known to the town, an activity with one seat a day and one required document
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into family (label, email, status, validated_at) values ('Foyer Planning', '" + email
                    + "', 'VALIDATED', now())");
            st.execute("insert into responsable (family_id, rank, first_name, last_name, email) select id, 1, 'Lou',"
                    + " 'Planning', email from family where email = '" + email + "'");
            st.execute("insert into child (family_id, first_name, last_name, birth_date, sex, school) select id, 'Léo',"
                    + " 'Planning', current_date - interval '6 years', 'M', 'École du Centre' from family where email = '"
                    + email + "'");
            st.execute("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                    + " values ('CANTINE-" + suffix.toUpperCase() + "', '" + activity + "', 'RESTAURATION', 'J-2@23:59', 'J-2@23:59',"
                    + " 'REFUSED')");
            st.execute("insert into activity_unit (activity_id, code, label, start_time, end_time, capacity, weekdays)"
                    + " select id, 'MIDI', 'Midi', '11:30', '13:30', 1, '1,2,4,5' from activity where code = 'CANTINE-"
                    + suffix.toUpperCase() + "'");
            st.execute("insert into activity_document (activity_id, position, label) select id, 0, 'Attestation d''assurance'"
                    + " from activity where code = 'CANTINE-" + suffix.toUpperCase() + "'");
            // a second activity asking for the same attestation
            st.execute("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                    + " values ('GARDERIE-" + suffix.toUpperCase() + "', 'Garderie " + suffix + "', 'PERISCOLAIRE', 'J-2@23:59',"
                    + " 'J-2@23:59', 'REFUSED')");
            st.execute("insert into activity_document (activity_id, position, label) select id, 0, 'Attestation d''assurance'"
                    + " from activity where code = 'GARDERIE-" + suffix.toUpperCase() + "'");
        }
        StackLauncher.stack().realmProvisioner().createUser("pf-alpha", email, "Lou", "Planning", "Planning2026", "parent");
        String month = TestDays.thisMonth().plusMonths(2).toString();
        java.time.LocalDate monday = java.time.YearMonth.parse(month).atDay(1)
                .with(java.time.temporal.TemporalAdjusters.firstInMonth(java.time.DayOfWeek.MONDAY));
        while (fr.portailfamille.booking.FrenchPublicHolidays.datesOf(monday.getYear()).contains(monday)
                || fr.portailfamille.booking.FrenchPublicHolidays.datesOf(monday.getYear()).contains(monday.plusDays(3))) {
            monday = monday.plusWeeks(1);
        }
        java.nio.file.Path pdf = java.nio.file.Files.createTempFile("piece", ".pdf");
        java.nio.file.Files.writeString(pdf, "%PDF-1.4\n% attestation\n");
        try (Browser parent = new Browser()) {
            // registration: the activity, its document and the CGU
            parent.get(BASE + "/espace/inscriptions.xhtml");
            parent.signIn(email, "Planning2026");
            parent.awaitUrlStartingWith(BASE + "/espace/inscriptions.xhtml");
            String tick = parent.await(By.xpath("//label[contains(text(), '" + activity + "')]")).getAttribute("for");
            String file = tick.replace(":tick", ":documents:0:file");
            assertEquals("", parent.accessibilityViolations(), "axe-core, inscriptions");
            parent.driver.findElement(By.id(tick)).click();
            parent.submit(By.id("inscription:register"));
            assertEquals("Acceptez les conditions générales d'utilisation pour envoyer l'inscription.",
                    parent.await(By.id("inscription:cgu_msg")).getText());
            parent.driver.findElement(By.id("inscription:cgu")).click();
            parent.submit(By.id("inscription:register"));
            assertEquals("Joignez le document « Attestation d'assurance ».", parent.await(By.id(file + "_msg")).getText());
            assertTrue(parent.driver.findElement(By.id("inscription:cgu")).isSelected(), "les cases cochées restent cochées");
            parent.driver.findElement(By.id(file)).sendKeys(pdf.toString());
            parent.submit(By.id("inscription:register"));
            assertTrue(parent.await(By.cssSelector("#summary .pf-info")).getText().startsWith("Inscription envoyée"));
            assertEquals("En attente de validation", parent.await(By.xpath("//p[@data-activity='" + activity + "']")).getText());
            // while it waits, the family may take it back from Mes demandes
            assertTrue(parent.driver.findElements(By.cssSelector("a.registration-withdraw")).stream().anyMatch(a ->
                    a.getText().equals("Annuler la demande d'inscription à " + activity)
                            && a.getAttribute("href").contains("/espace/demandes.xhtml?demande=INSCRIPTION-")), parent::snapshot);
            // the other activity asking for the attestation takes the one just joined: nothing to attach again, though
            // another file may be joined instead (the one given was refused, a newer attestation)
            String other = parent.await(By.xpath("//label[contains(text(), 'Garderie " + suffix + "')]")).getAttribute("for");
            WebElement replace = parent.driver.findElement(By.id(other.replace(":tick", ":documents:0:file")));
            WebElement legend = parent.driver.findElement(By.xpath("//legend[text()='Garderie " + suffix + "']"));
            WebElement provided = legend.findElement(By.xpath("..")).findElement(By.className("document-provided"));
            assertEquals("« Attestation d'assurance » : déjà joint à l'inscription à « " + activity
                    + " » cette année, il vaut pour celle-ci aussi.", provided.getText());
            assertEquals("« Attestation d'assurance » : joindre un autre fichier à la place (facultatif) (PDF, JPEG ou PNG,"
                    + " 5 Mo au plus)", parent.driver.findElement(By.cssSelector("label[for='" + replace.getAttribute("id")
                    + "']")).getText());
            assertTrue(replace.getAttribute("aria-describedby").startsWith(provided.getAttribute("id") + " "),
                    "the field is described by what was already given");
            parent.get(BASE + "/espace/planning.xhtml?enfant=1&activite=" + activityId(activity));
            assertTrue(parent.await(By.id("not-registered")).getText().contains("pas encore inscrit"));
            // a school pre-registration of this year waiting for the education service: the school-time activity is
            // shown waiting for it, not offered (the service would refuse it once the form is filled)
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("set search_path to commune_alpha");
                st.execute("insert into establishment (code, name, kind) values ('ECOLE-" + suffix.toUpperCase()
                        + "', 'École " + suffix + "', 'ECOLE_ELEMENTAIRE')");
                st.execute("insert into school_enrolment (child_id, establishment_id, school_year, level, status)"
                        + " select c.id, e.id, (select extract(year from start_day) || '-' || extract(year from end_day)"
                        + " from calendar_period where kind = 'ANNEE_SCOLAIRE' and end_day >= current_date order by start_day"
                        + " limit 1), 'CP', 'SUBMITTED' from child c join family f on f.id = c.family_id, establishment e"
                        + " where f.email = '" + email + "' and e.code = 'ECOLE-" + suffix.toUpperCase() + "'");
            }
            parent.get(BASE + "/espace/inscriptions.xhtml");
            assertTrue(parent.await(By.xpath("//p[@data-activity='Garderie " + suffix + "']")).getText()
                    .contains("attend la validation du service éducation"), parent::snapshot);
            assertTrue(parent.driver.findElements(By.xpath("//label[contains(text(), 'Garderie " + suffix + "')]")).isEmpty(),
                    "not offered while it waits");
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("delete from commune_alpha.school_enrolment where establishment_id = (select id from"
                        + " commune_alpha.establishment where code = 'ECOLE-" + suffix.toUpperCase() + "')");
            }
        }
        try (Browser agent = new Browser()) {
            agent.get(BASE + "/agent/inscriptions.xhtml");
            agent.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(BASE + "/agent/inscriptions.xhtml");
            assertEquals("", agent.accessibilityViolations(), "axe-core, inscriptions à traiter");
            QueueWalk.sortLatestFirst(agent, "Envoyé le");
            QueueWalk.decide(agent, activity, true, "Inscription validée ; la famille est prévenue.");
        }
        assertTrue(Mails.contains(email, "Inscription valid"));
        String activityId = activityId(activity);
        try (Browser parent = new Browser()) {
            parent.get(BASE + "/espace/planning.xhtml?enfant=1&mois=" + month + "&activite=" + activityId);
            parent.signIn(email, "Planning2026");
            parent.awaitUrlStartingWith(BASE + "/espace/planning.xhtml");
            String cell = "//span[starts-with(@id,'state-" + monday + "-')]";
            assertEquals("Réservable", parent.await(By.xpath(cell)).getText());
            assertTrue(parent.driver.findElements(By.xpath("//span[starts-with(@id,'state-" + monday.plusDays(2) + "-')]"))
                    .isEmpty(), "pas de cantine le mercredi : la colonne n'est pas affichée");
            assertEquals("", parent.accessibilityViolations(), "axe-core, Mon planning");

            // select Monday, review the summary, confirm
            parent.ajax(By.xpath("//input[@data-action='book' and @data-day='" + monday + "']"));
            assertEquals("1 journée(s) sélectionnée(s)", parent.await(By.id("planning:count")).getText());
            assertEquals("Sélectionné", parent.await(By.xpath(cell)).getText(), "sélectionné : rien n'est réservé avant la confirmation");
            parent.ajax(By.id("planning:review"));
            assertEquals(1, parent.await(By.id("recap")).findElements(By.cssSelector("tbody tr")).size());
            assertEquals("", parent.accessibilityViolations(), "axe-core, récapitulatif");
            parent.ajax(By.id("planning:confirm"));
            assertTrue(parent.await(By.cssSelector("#summary .pf-info")).getText().startsWith("Sélection validée : 1 sur 1"));
            assertTrue(parent.await(By.id("outcomes")).getText().contains("Réservation enregistrée"));
            assertEquals("Réservé (annulable)", parent.await(By.xpath(cell)).getText());

            parent.ajax(By.xpath("//input[@data-action='cancel' and @data-day='" + monday + "']"));
            parent.ajax(By.id("planning:review"));
            parent.ajax(By.id("planning:confirm"));
            assertTrue(parent.await(By.id("outcomes")).getText().contains("Annulation sans frais"));
            assertEquals("Annulé sans frais", parent.await(By.xpath(cell)).getText());

            // "Recopier la sélection": Tuesday copied onto the following Tuesdays of the month
            java.time.LocalDate tuesday = monday.plusDays(1);
            parent.ajax(By.xpath("//input[@data-action='book' and @data-day='" + tuesday + "']"));
            date(parent, "planning:until", java.time.YearMonth.parse(month).atEndOfMonth().toString());
            // Enter in the date copies, as the button does (it used to tap the grid's first day)
            String firstDay = parent.driver.findElement(By.cssSelector("#calendar input[aria-pressed]")).getAttribute("id");
            String firstPressed = parent.driver.findElement(By.id(firstDay)).getAttribute("aria-pressed");
            Object sent = parent.driver.executeScript("return document.documentElement.getAttribute('data-pf-ajax') || '0'");
            parent.driver.findElement(By.id("planning:until")).sendKeys(org.openqa.selenium.Keys.ENTER);
            parent.waiting().until(d -> !sent.equals(parent.driver.executeScript(
                    "return document.documentElement.getAttribute('data-pf-ajax') || '0'")));
            assertTrue(parent.await(By.cssSelector("#summary .pf-info")).getText().contains("ajoutée(s) à la sélection"),
                    parent::snapshot);
            assertEquals(firstPressed, parent.driver.findElement(By.id(firstDay)).getAttribute("aria-pressed"),
                    "Enter did not tap the grid's first day");
            assertEquals("", parent.accessibilityViolations(), "axe-core, Mon planning with a selection");
            parent.ajax(By.id("planning:review"));
            int copies = parent.await(By.id("recap")).findElements(By.cssSelector("tbody tr")).size();
            assertTrue(copies >= 3, "au moins trois mardis : " + copies);
            parent.ajax(By.id("planning:confirm"));
            assertEquals("Réservé (annulable)", parent.await(By.xpath(
                    "//span[starts-with(@id,'state-" + tuesday.plusWeeks(1) + "-')]")).getText());

            // semaine type: every Monday and Thursday of the month, in one go
            parent.driver.findElement(By.cssSelector("input[aria-label='Lundi Midi']")).click();
            parent.driver.findElement(By.cssSelector("input[aria-label='Jeudi Midi']")).click();
            // a period that ends before it starts: said next to "Au", the ticked days kept
            date(parent, "semaine:from", java.time.YearMonth.parse(month).atEndOfMonth().toString());
            date(parent, "semaine:to", java.time.YearMonth.parse(month).atDay(1).toString());
            parent.submit(By.id("semaine:apply"));
            assertTrue(parent.await(By.id("semaine:to_msg")).getText().contains("la date de fin suit la date de début"),
                    parent::snapshot);
            assertTrue(parent.driver.findElement(By.cssSelector("input[aria-label='Lundi Midi']")).isSelected(), "coché, gardé");
            date(parent, "semaine:from", java.time.YearMonth.parse(month).atDay(1).toString());
            date(parent, "semaine:to", java.time.YearMonth.parse(month).atEndOfMonth().toString());
            parent.submit(By.id("semaine:apply"));
            String done = parent.await(By.cssSelector("#summary .pf-info")).getText();
            assertTrue(done.startsWith("Semaine type appliquée :") && done.contains("réservations enregistrées"), done);
            assertEquals("Réservé (annulable)", parent.await(By.xpath(cell)).getText());
            assertEquals("Réservé (annulable)", parent.driver.findElement(By.xpath(
                    "//span[starts-with(@id,'state-" + monday.plusDays(3) + "-')]")).getText());
            assertEquals("Réservable", parent.driver.findElement(By.xpath(
                    "//span[starts-with(@id,'state-" + monday.plusDays(4) + "-')]")).getText(), "le vendredi n'était pas coché");
            screenshot(parent, "planning");

        // an absence on the booked Monday: still free to cancel, so the page offers the free cancellation
            parent.clickInView(By.xpath("//a[text()='Signaler une absence' and @data-day='" + monday + "']"));
            assertTrue(parent.await(By.id("free-hint")).getText().contains("annulé sans frais"));
            assertTrue(parent.driver.findElements(By.id("absence:declare")).isEmpty(), "pas d'absence facturée proposée");
            String absenceUrl = parent.driver.getCurrentUrl();
            // "Retour au planning" goes back to this child's activity and month, not to the first child's
            String back = parent.driver.findElement(By.id("back-to-planning")).getAttribute("href");
            assertTrue(back.contains("enfant=1&activite=") && back.endsWith("&mois=" + java.time.YearMonth.from(monday)), back);
            // once the cancellation deadline has passed, an illness with a certificate waits for its review
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("update commune_alpha.activity set cancellation_deadline = 'J-90@23:59' where name = '"
                        + activity + "'");
            }
            parent.get(absenceUrl);
            parent.await(By.id("absence:declare"));
            assertEquals("", parent.accessibilityViolations(), "axe-core, signaler une absence");
            parent.submit(By.id("absence:declare"));
            assertEquals("Indiquez le motif de l'absence.", parent.await(By.id("absence:reason_msg")).getText());
            new Select(parent.driver.findElement(By.id("absence:reason"))).selectByValue("MALADIE");
            parent.driver.findElement(By.id("absence:certificate")).sendKeys(pdf.toString());
            parent.submit(By.id("absence:declare"));
            assertTrue(parent.await(By.cssSelector("#summary .pf-info")).getText().contains("en attente de vérification"),
                    parent.driver.getPageSource());
            parent.get(BASE + "/espace/planning.xhtml?enfant=1&mois=" + month + "&activite=" + activityId);
            assertEquals("Absent, en attente de vérification du certificat", parent.await(By.xpath(cell)).getText());
        }

        // the agent's day sheet: Léo is expected today (booked at the counter), the agent points him present
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            // whatever today's weekday (the walk may run on a Wednesday or a Saturday), the canteen runs today
            st.execute("update activity_unit set weekdays = '1,2,3,4,5,6,7' where activity_id = (select id from activity"
                    + " where code = 'CANTINE-" + suffix.toUpperCase() + "')");
            st.execute("insert into booking (child_id, unit_id, day, status) select ch.id, u.id, date '" + TestDays.today() + "', 'BOOKED'"
                    + " from child ch join family f on f.id = ch.family_id, activity_unit u join activity a on"
                    + " a.id = u.activity_id where f.email = '" + email + "' and a.code = 'CANTINE-" + suffix.toUpperCase() + "'");
        }
        try (Browser agent = new Browser()) {
            agent.get(BASE + "/agent/pointage.xhtml");
            agent.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(BASE + "/agent/pointage.xhtml");
            new Select(agent.await(By.id("unite"))).selectByVisibleText(activity + " – Midi");
            agent.submit(By.id("show"));
            assertEquals("1 place(s) occupée(s) sur 1, 0 en liste d'attente.", agent.await(By.id("occupancy")).getText());
            if (!TestDays.holiday(TestDays.today())) { // a public holiday's occupation lists no unit
                assertTrue(agent.driver.findElement(By.id("occupation")).getText().contains(activity + " Midi 1 1 0 0"),
                        agent.driver.findElement(By.id("occupation")).getText());
            }
            // marked by AJAX (issue 9): the status changes in place
            agent.await(By.cssSelector("button[aria-label='Léo présent']")).click();
            // the row is replaced by the AJAX answer: an element found just before it may be gone when read
            new org.openqa.selenium.support.ui.WebDriverWait(agent.driver, java.time.Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> "Présent".equals(d.findElement(By.cssSelector(".sheet-status")).getText()));
            assertEquals("", agent.accessibilityViolations(), "axe-core, pointage");
        }

        // the canteen's ages narrowed past Léo's (or a birthday): his validated registration stays on Inscriptions, in its
        // state and said to be no longer offered, with nothing to tick; the other activity is still offered
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("update commune_alpha.activity set min_age = 10 where code = 'CANTINE-" + suffix.toUpperCase() + "'");
        }
        try (Browser parent = new Browser()) {
            parent.get(BASE + "/espace/inscriptions.xhtml");
            parent.signIn(email, "Planning2026");
            parent.awaitUrlStartingWith(BASE + "/espace/inscriptions.xhtml");
            WebElement kept = parent.await(By.xpath("//legend[text()='" + activity + "']")).findElement(By.xpath(".."));
            assertEquals("Validée", kept.findElement(By.className("pf-status")).getText(), parent::snapshot);
            assertEquals("Cette activité n'est plus proposée pour l'âge ou la classe de Léo : l'inscription ci-dessus reste"
                    + " en place, sans nouvelle inscription possible ici.", kept.findElement(By.className("no-longer-offered")).getText());
            assertTrue(kept.findElements(By.tagName("input")).isEmpty(), "rien à cocher pour une activité plus proposée");
            assertTrue(parent.driver.findElements(By.id("no-offer")).isEmpty(), "la garderie reste proposée");
            parent.await(By.xpath("//label[contains(text(), 'Garderie " + suffix + "')]"));
            assertEquals("", parent.accessibilityViolations(), "axe-core, inscriptions avec une activité plus proposée");
        }
    }

    @Test
    void familyWithdrawsItsPendingRequestAndItsAccountIsGone() throws Exception {
        String email = "retrait-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        try (Browser parent = new Browser()) {
            signUp(parent, email);
            parent.await(By.id("suppression:delete")).click();
            parent.driver.switchTo().alert().accept();
            parent.awaitUrlStartingWith(BASE + "/");
            assertTrue(StackLauncher.stack().keycloakAdmin().realm("pf-alpha").users().searchByEmail(email, true).isEmpty(),
                    "le compte est supprimé avec la demande");
        }
    }

    /**
     * A file sent for validation, written straight into alpha's schema: household, a responsable with
     * phones, a child with an allergy and an authorised contact; its id.
     */
    static long submittedFamily(String suffix, String email) throws Exception {
        try (var c = StackLauncher.stack().platformDb().getConnection()) {
            c.setAutoCommit(false);
            long id;
            try (var ps = c.prepareStatement("insert into commune_alpha.family (label, email, status, situation, address_line,"
                    + " postcode, city, home_phone, caf_number, quotient_familial, submitted_at) values (?, ?, 'SUBMITTED',"
                    + " 'PACSES', '3 rue des Écoles', '87000', 'Limoges', '05 55 12 34 56', '1234567', 640, now()) returning id")) {
                ps.setString(1, "Foyer Camille Morel-" + suffix);
                ps.setString(2, email);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (var ps = c.prepareStatement("insert into commune_alpha.responsable (family_id, rank, civility, last_name,"
                    + " first_name, birth_date, mobile_phone, work_phone, email) values (?, 1, 'MME', ?, 'Camille',"
                    + " date '1988-04-02', '06 12 34 56 78', '05 55 98 76 54', ?)")) {
                ps.setLong(1, id);
                ps.setString(2, "Morel-" + suffix);
                ps.setString(3, email);
                ps.executeUpdate();
            }
            long child;
            try (var ps = c.prepareStatement("insert into commune_alpha.child (family_id, first_name, last_name, birth_date,"
                    + " sex, school, allergies, photo_consent) values (?, 'Léa', ?, current_date - interval '7 years', 'F',"
                    + " 'École Jules Ferry', 'arachide', true) returning id")) {
                ps.setLong(1, id);
                ps.setString(2, "Morel-" + suffix);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    child = rs.getLong(1);
                }
            }
            try (var ps = c.prepareStatement("insert into commune_alpha.authorized_contact (child_id, name, relation, phone)"
                    + " values (?, 'Jeanne Morel', 'grand-mère', '05 55 00 00 00')")) {
                ps.setLong(1, child);
                ps.executeUpdate();
            }
            try (var ps = c.prepareStatement("insert into commune_alpha.audit_log (actor, action, family_id) values (?, 'DOSSIER_ENVOYE', ?)")) {
                ps.setString(1, email);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            c.commit();
            return id;
        }
    }

    static String column(String sql, long id) throws Exception {
        try (var c = StackLauncher.stack().platformDb().getConnection(); var ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void agentReadsTheWholeFileInWordsAndRefusesItWithAReason() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "refus-" + suffix + "@alpha.test";
        long id = submittedFamily(suffix, email);
        String page = BASE + "/agent/famille.xhtml?id=" + id;
        try (Browser agent = new Browser()) {
            agent.get(page);
            agent.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(page);
            assertEquals("État du dossier : Envoyé, en attente de validation", agent.await(By.id("family-status")).getText());
            // the number "Écrire aux familles" asks for, and each responsable's consent to the commune's information
            assertEquals("N° famille : " + id, agent.driver.findElement(By.id("family-number")).getText());
            assertTrue(agent.driver.findElement(By.cssSelector(".responsable-consent")).getText().startsWith("par e-mail : "),
                    agent.driver.findElement(By.cssSelector(".responsable-consent")).getText());
            String text = agent.driver.findElement(By.tagName("main")).getText();
            for (String expected : List.of("Pacsé(e)s", "3 rue des Écoles, 87000 Limoges", "05 55 12 34 56",
                    "Madame Camille Morel-" + suffix, "06 12 34 56 78", "05 55 98 76 54", "Fille", "École Jules Ferry",
                    "Jeanne Morel (grand-mère) – 05 55 00 00 00", "Dossier envoyé par la famille")) {
                assertTrue(text.contains(expected), expected + " absent de : " + text);
            }
            for (String raw : List.of("SUBMITTED", "DOSSIER_ENVOYE", "PACSES")) {
                assertFalse(text.contains(raw), "code brut " + raw + " affiché : " + text);
            }
            assertFalse(agent.driver.getPageSource().contains("arachide"), "santé cachée sans le rôle agent-sante");
            assertEquals("", agent.accessibilityViolations(), "axe-core, dossier famille (agent)");
            assertFalse(agent.driver.findElements(By.id("account-balance")).isEmpty(), "the account section");

            // refusing needs a reason, shown next to the field
            agent.submit(By.id("refus:refuse"));
            assertEquals("Indiquez le motif du refus : il est envoyé à la famille.",
                    agent.await(By.id("refus:reason_msg")).getText());
            type(agent, "refus:reason", "Attestation CAF illisible");
            agent.submit(By.id("refus:refuse"));
            assertTrue(agent.await(By.cssSelector("#summary .pf-info")).getText().contains("Dossier refusé"));
            assertTrue(agent.driver.findElement(By.id("family-status")).getText().contains("Brouillon"));
            assertTrue(agent.driver.findElement(By.id("audit")).getText().contains("Dossier refusé"));
            assertFalse(agent.driver.findElements(By.id("account-balance")).isEmpty(),
                    "the account section stays after the page's own post (no ?id in a form's action)");
            assertEquals("DRAFT", column("select status from commune_alpha.family where id = ?", id));
            screenshot(agent, "agent-dossier-refuse");
        }
        String mails = Mails.await(email, m -> m.contains("illisible"));
        assertTrue(mails.contains("Attestation CAF illisible"), mails);
        assertTrue(mails.contains(BASE + "/espace/foyer.xhtml"), "lien vers Mon foyer de la commune : " + mails);
    }

    @Test
    void aPostedIdNeverRedirectsTheEditToAnotherFamily() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long opened = submittedFamily(suffix, "ouvert-" + suffix + "@alpha.test");
        long other = submittedFamily(suffix + "b", "autre-" + suffix + "@alpha.test");
        try (Browser agent = new Browser()) {
            String page = BASE + "/agent/famille-modifier.xhtml?id=" + opened;
            agent.get(page);
            agent.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(page);
            type(agent, "dossier:city", "Isle");
            // the attacker adds id=<other family> to the posted form
            agent.driver.executeScript("var i = document.createElement('input'); i.type = 'hidden'; i.name = 'id';"
                    + " i.value = arguments[1]; document.getElementById(arguments[0]).appendChild(i);", "dossier", String.valueOf(other));
            agent.submit(By.id("dossier:save"));
            assertTrue(agent.await(By.cssSelector("#summary .pf-info")).getText().contains("enregistré"), agent::snapshot);
        }
        assertEquals("Isle", column("select city from commune_alpha.family where id = ?", opened), "le dossier ouvert est modifié");
        assertEquals("Limoges", column("select city from commune_alpha.family where id = ?", other), "l'autre dossier est intact");
        assertEquals("1", column("select count(*) from commune_alpha.child where family_id = ?", other), "ses enfants aussi");
    }

    /**
     * Mon foyer posted after its page expired on the server (its view state unknown: the session's other pages pushed
     * it out): nothing is taken into account, the page comes back saying so, and what the parent had typed is put back
     * into the form (portail.js keeps it in the tab's sessionStorage), not the server's older values; a page opened
     * afresh shows the server's values only.
     */
    @Test
    void monFoyerPostedAfterItsPageExpiredComesBackWithWhatWasTyped() throws Exception {
        String email = "expire-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        try (Browser parent = new Browser()) {
            signUp(parent, email);
            type(parent, "foyer:city", "Limoges");
            parent.submit(By.id("foyer:saveDraft"));
            parent.get(BASE + "/espace/foyer.xhtml");
            type(parent, "foyer:addressLine", "12 avenue du Général-de-Gaulle");
            type(parent, "foyer:city", "Panazol");
            // the server no longer knows this page's state
            parent.driver.executeScript("document.querySelector(\"#foyer input[name='jakarta.faces.ViewState']\").value"
                    + " = 'inconnue';");
            parent.clickInView(By.id("foyer:saveDraft"));
            parent.awaitUrlStartingWith(BASE + "/espace/foyer.xhtml");
            String notice = parent.await(By.id("page-expiree")).getText();
            assertTrue(notice.contains("pas été pris en compte") && notice.contains("a été remis dans le formulaire"), notice);
            assertTrue(parent.driver.getCurrentUrl().contains("expiree=1"), parent.driver.getCurrentUrl());
            assertEquals("12 avenue du Général-de-Gaulle", parent.driver.findElement(By.id("foyer:addressLine")).getAttribute("value"));
            assertEquals("Panazol", parent.driver.findElement(By.id("foyer:city")).getAttribute("value"));
            assertEquals("", parent.accessibilityViolations(), "axe-core, page expirée remise");

            // sent again, it is saved
            parent.submit(By.id("foyer:saveDraft"));
            parent.get(BASE + "/espace/foyer.xhtml");
            assertEquals("Panazol", parent.await(By.id("foyer:city")).getAttribute("value"));

            // the portal's session itself ended (the phone left for half an hour): the sign-in (here Keycloak's own
            // session still open) comes back to this page, not to Accueil, told, with what was typed
            type(parent, "foyer:city", "Feytiat");
            parent.driver.manage().deleteCookieNamed("JSESSIONID");
            parent.clickInView(By.id("foyer:saveDraft"));
            parent.awaitUrlStartingWith(BASE + "/espace/foyer.xhtml");
            assertTrue(parent.await(By.id("page-expiree")).getText().contains("pas été pris en compte"), parent::snapshot);
            assertTrue(parent.driver.getCurrentUrl().contains("expiree=1"), parent.driver.getCurrentUrl());
            assertEquals("Feytiat", parent.driver.findElement(By.id("foyer:city")).getAttribute("value"));

            // typed, then the page opened afresh: the server's values, nothing put back
            type(parent, "foyer:city", "Isle");
            parent.get(BASE + "/espace/foyer.xhtml");
            assertEquals("Panazol", parent.await(By.id("foyer:city")).getAttribute("value"));
            assertTrue(parent.driver.findElements(By.id("typed-restored")).isEmpty());

            // typed, then an error page (a file too big, the service unavailable…) and the browser's Back button: the
            // page is fetched again, what was typed is put back
            type(parent, "foyer:city", "Couzeix");
            parent.get(BASE + "/erreur/500.xhtml");
            parent.await(By.id("error-title"));
            parent.driver.navigate().back();
            parent.awaitUrlStartingWith(BASE + "/espace/foyer.xhtml");
            assertEquals("Couzeix", parent.await(By.id("foyer:city")).getAttribute("value"));
        }
    }

    @Test
    void finirPlusTardWithOneInvalidFieldSavesTheRestAndKeepsWhatWasTyped() throws Exception {
        String email = "brouillon-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        try (Browser parent = new Browser()) {
            signUp(parent, email);
            type(parent, "foyer:addressLine", "3 rue des Écoles");
            type(parent, "foyer:postcode", "8700");
            type(parent, "foyer:city", "Limoges");
            type(parent, "foyer:quotientFamilial", "six cents");
            parent.submit(By.id("foyer:saveDraft"));
            List<String> summary = parent.driver.findElements(By.cssSelector("#summary li")).stream()
                    .map(WebElement::getText).toList();
            assertTrue(summary.stream().anyMatch(t -> t.contains("brouillon est enregistré, sauf 2 champs")), summary.toString());
            // letters in a number field are reported like any other mistake, never stop the rest from being saved
            assertEquals("Le quotient familial s'écrit en chiffres, par exemple 650.",
                    parent.driver.findElement(By.id("foyer:quotientFamilial_msg")).getText());
            assertEquals("six cents", parent.driver.findElement(By.id("foyer:quotientFamilial")).getAttribute("value"));
            assertTrue(summary.contains("Code postal invalide : 5 chiffres, par exemple 87000."), summary.toString());
            assertEquals("Code postal invalide : 5 chiffres, par exemple 87000.",
                    parent.driver.findElement(By.id("foyer:postcode_msg")).getText());
            assertEquals("8700", parent.driver.findElement(By.id("foyer:postcode")).getAttribute("value"), "saisie conservée");
            assertEquals("Limoges", parent.driver.findElement(By.id("foyer:city")).getAttribute("value"));
            assertEquals("", parent.accessibilityViolations(), "axe-core, brouillon avec une erreur");

            // what was valid is stored: it is there on the next visit
            parent.get(BASE + "/espace/foyer.xhtml");
            assertEquals("Limoges", parent.await(By.id("foyer:city")).getAttribute("value"));
            assertEquals("3 rue des Écoles", parent.driver.findElement(By.id("foyer:addressLine")).getAttribute("value"));
        }
    }

    /** States of the password rules in page order: length, lower-case, upper-case, digit. */
    static List<String> ruleStates(Browser b) {
        return List.of("length", "lowerCase", "upperCase", "digits").stream()
                .map(rule -> b.driver.findElement(By.cssSelector("#pf-password-rules [data-rule='" + rule + "']"))
                        .getAttribute("data-state")).toList();
    }

    /** The id of an activity of commune Alpha, by name. */
    static String activityId(String name) throws Exception {
        try (var c = StackLauncher.stack().platformDb().getConnection();
             var ps = c.prepareStatement("select id from commune_alpha.activity where name = ?")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static void date(Browser b, String id, String iso) {
        b.driver.executeScript("arguments[0].value = arguments[1];", b.await(By.id(id)), iso);
    }

    /** The e-mail verification link Keycloak sent, read from GreenMail's API. */
    static String confirmationLink(String email) throws Exception {
        Pattern link = Pattern.compile("(http://localhost:\\d+/realms/pf-alpha/login-actions/action-token\\?key=[A-Za-z0-9._\\-]+[^\\s\"<\\\\]*)");
        Matcher m = link.matcher(Mails.await(email, mails -> link.matcher(mails).find()));
        m.find();
        return m.group(1);
    }
}
