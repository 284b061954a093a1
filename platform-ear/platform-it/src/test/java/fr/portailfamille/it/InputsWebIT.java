package fr.portailfamille.it;

import static fr.portailfamille.it.support.Browser.screenshot;
import static fr.portailfamille.it.support.Browser.type;
import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What families and agents type and send, in headless Chromium: uploads checked on their content,
 * texts on their length (a message next to the field, never a 500 page), mails in the commune's name
 * with a link back to its portal, primary actions in the commune's colour, and no page scrolling
 * sideways on a 360 px phone.
 */
@ExtendWith(ArquillianExtension.class)
class InputsWebIT {

    static final String BASE = PlatformWebIT.url(ALPHA);
    static final String COMMUNE = "Commune Alpha";
    static final String PASSWORD = "Saisie2026";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platformWar();
    }

    /** A validated family of Alpha with a child, an activity requiring one document, a booked day ahead. */
    record Family(String email, String activity, long bookingId, long familyId) {
    }

    static Family validatedFamily() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "saisie-" + suffix + "@alpha.test";
        String code = "SAISIE-" + suffix.toUpperCase();
        String activity = "Accueil " + suffix;
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into family (label, email, status, validated_at, address_line, postcode, city) values"
                    + " ('Foyer Lou Saisie', '" + email + "', 'VALIDATED', now(), '3 rue des Écoles', '87000', 'Limoges')");
            st.execute("insert into responsable (family_id, rank, first_name, last_name, email, mobile_phone) select id, 1,"
                    + " 'Lou', 'Saisie', email, '0612345678' from family where email = '" + email + "'");
            st.execute("insert into child (family_id, first_name, last_name, birth_date, sex, school) select id, 'Léo',"
                    + " 'Saisie', current_date - interval '7 years', 'M', 'École du Centre' from family where email = '" + email + "'");
            // cancellation closed 90 days ahead: the booked day below takes an absence (not a free cancellation)
            st.execute("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                    + " values ('" + code + "', '" + activity + "', 'PERISCOLAIRE', 'J-2@23:59', 'J-90@23:59', 'REFUSED')");
            st.execute("insert into activity_unit (activity_id, code, label, start_time, end_time, capacity, weekdays)"
                    + " select id, 'SOIR', 'Soir', '16:30', '18:30', 10, '1,2,3,4,5' from activity where code = '" + code + "'");
            st.execute("insert into activity_document (activity_id, position, label) select id, 0, 'Attestation d''assurance'"
                    + " from activity where code = '" + code + "'");
            st.execute("insert into establishment (code, name, kind) values ('EC-" + suffix.toUpperCase() + "', 'École "
                    + suffix + "', 'ECOLE_ELEMENTAIRE')");
            // a weekday some three weeks ahead that is no public holiday (a holiday's cancellation is free: no absence form)
            java.time.LocalDate day = TestDays.workingDayFrom(TestDays.today().plusDays(20));
            st.execute("insert into booking (child_id, unit_id, day, status) select ch.id, u.id, date '" + day + "', 'BOOKED'"
                    + " from child ch join family f on f.id = ch.family_id, activity_unit u join activity a on a.id = u.activity_id"
                    + " where f.email = '" + email + "' and a.code = '" + code + "'");
            st.execute("insert into change_request (family_id, type, status, old_value, new_value, reason) select id, 'ADRESSE',"
                    + " 'REFUSED', '{\"/addressLine\":\"3 rue des Écoles\"}', '{\"/addressLine\":\"12 avenue du Général-de-Gaulle-"
                    + "et-de-la-Libération-Nationale, résidence des Peupliers, bâtiment C\"}', 'Justificatif de domicile"
                    + " manquant : joignez une facture de moins de trois mois à votre nouvelle demande' from family where email = '"
                    + email + "'");
            long booking;
            long familyId;
            try (var rs = st.executeQuery("select b.id, f.id from booking b join child ch on ch.id = b.child_id join family f"
                    + " on f.id = ch.family_id where f.email = '" + email + "'")) {
                rs.next();
                booking = rs.getLong(1);
                familyId = rs.getLong(2);
            }
            StackLauncher.stack().realmProvisioner().createUser("pf-alpha", email, "Lou", "Saisie", PASSWORD, "parent");
            return new Family(email, activity, booking, familyId);
        }
    }

    @Test
    void uploadsAreCheckedOnTheirContentAndLongTextsAreRefusedNextToTheirField() throws Exception {
        Family family = validatedFamily();
        Path dir = Files.createTempDirectory("pf-uploads");
        Path html = dir.resolve("attestation.pdf");
        Files.writeString(html, "<!DOCTYPE html><html><body><script>alert(document.cookie)</script>Attestation</body></html>");
        Path svg = dir.resolve("certificat.png");
        Files.writeString(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        // a real PDF whose name is longer than its column (200 characters)
        Path pdf = dir.resolve("attestation-" + "tres-longue-".repeat(19) + ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids []"
                + " /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        assertTrue(pdf.getFileName().toString().length() > 220);
        try (Browser parent = new Browser()) {
            parent.get(BASE + "/espace/inscriptions.xhtml");
            parent.signIn(family.email(), PASSWORD);
            parent.awaitUrlStartingWith(BASE + "/espace/inscriptions.xhtml");

            // an HTML page renamed .pdf: refused next to its field
            String tick = parent.await(By.xpath("//label[contains(text(), '" + family.activity() + "')]")).getAttribute("for");
            String file = tick.replace(":tick", ":documents:0:file");
            parent.driver.findElement(By.id(tick)).click();
            parent.driver.findElement(By.id("inscription:cgu")).click();
            parent.driver.findElement(By.id(file)).sendKeys(html.toString());
            parent.submit(By.id("inscription:register"));
            assertEquals("« Attestation d'assurance » n'est pas un vrai fichier PDF, JPEG ou PNG (son contenu ne correspond pas"
                    + " à son type) : joignez le document d'origine.", parent.await(By.id(file + "_msg")).getText());
            assertEquals("", parent.accessibilityViolations(), "axe-core, inscriptions avec erreur");

            // a real PDF with a very long name: accepted, its name shortened to its column
            parent.driver.findElement(By.id(file)).sendKeys(pdf.toString());
            parent.submit(By.id("inscription:register"));
            assertTrue(parent.await(By.cssSelector("#summary .pf-info")).getText().startsWith("Inscription envoyée"),
                    parent::snapshot);
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("select d.file_name, d.content_type from commune_alpha.registration_document d join"
                         + " commune_alpha.registration r on r.id = d.registration_id join commune_alpha.child ch on"
                         + " ch.id = r.child_id join commune_alpha.family f on f.id = ch.family_id where f.email = '"
                         + family.email() + "'")) {
                assertTrue(rs.next());
                assertEquals(200, rs.getString(1).length());
                assertTrue(rs.getString(1).endsWith(".pdf"));
                assertEquals("application/pdf", rs.getString(2));
            }
            // the family is told at once, in the commune's name, with a link to the page where it follows it
            String mail = Mails.await(family.email(), m -> m.contains("bien reçu la demande d'inscription de Léo"));
            assertTrue(mail.contains(COMMUNE), mail);
            assertTrue(mail.contains(BASE + "/espace/inscriptions.xhtml"), mail);

            // a school request comment over 500 characters (the page stops at 500; a hand-made request does not)
            WebElement comment = parent.await(By.id("scolaire:comment"));
            assertEquals("500", comment.getAttribute("maxlength"));
            assertTrue(parent.driver.findElement(By.id("scolaire:comment_hint")).getText().contains("500 caractères au plus"));
            typeOverLimit(parent, "scolaire:comment", 600);
            new Select(parent.driver.findElement(By.id("scolaire:school"))).selectByVisibleText("École " + family.email().substring("saisie-".length(), family.email().indexOf('@')) + " – École élémentaire");
            new Select(parent.driver.findElement(By.id("scolaire:year"))).selectByIndex(1);
            new Select(parent.driver.findElement(By.id("scolaire:level"))).selectByValue("CE1");
            parent.submit(By.id("scolaire:request"));
            assertEquals("Ce texte est trop long : 500 caractères au plus.",
                    parent.await(By.id("scolaire:comment_msg")).getText(), parent::snapshot);
            // 500 characters as the browser counts them, nine of them line breaks (sent as two characters each): taken
            WebElement typed = parent.driver.findElement(By.id("scolaire:comment"));
            typed.clear();
            String lines = ("Il arrive du Limousin." + "x".repeat(32) + "\n").repeat(9) + "y".repeat(5);
            assertEquals(500, lines.length());
            parent.driver.executeScript("arguments[0].value = arguments[1];", typed, lines);
            assertEquals(500L, parent.driver.executeScript("return arguments[0].value.length;", typed));
            parent.submit(By.id("scolaire:request"));
            String school = Mails.await(family.email(), m -> m.contains("bien reçu la demande d'inscription scolaire"));
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("select e.comment from commune_alpha.school_enrolment e join commune_alpha.child ch"
                         + " on ch.id = e.child_id join commune_alpha.family f on f.id = ch.family_id where f.email = '"
                         + family.email() + "'")) {
                assertTrue(rs.next());
                assertEquals(lines, rs.getString(1), "the line breaks kept, one character each");
            }
            assertTrue(school.contains(COMMUNE) && school.contains(BASE + "/espace/inscriptions.xhtml?enfant=1"), school);
            // a child number the family does not have (an old bookmark): no school form to send for no one
            parent.get(BASE + "/espace/inscriptions.xhtml?enfant=9");
            parent.await(By.id("page-title"));
            assertTrue(parent.driver.findElements(By.id("scolaire:request")).isEmpty(), parent::snapshot);
            assertTrue(parent.driver.findElement(By.id("no-child")).getText().startsWith("Aucun enfant de votre dossier"));
            // not a number at all: said (was "your file is not validated")
            parent.get(BASE + "/espace/inscriptions.xhtml?enfant=abc");
            assertTrue(parent.await(By.id("address-errors")).getText().contains("Numéro d'enfant invalide"), parent::snapshot);
            assertTrue(parent.driver.findElements(By.id("not-validated")).isEmpty(), parent::snapshot);

            // an absence's address cut (?reservation=12x): said, with the way back, not a page with its title only
            parent.get(BASE + "/espace/absence.xhtml?reservation=12x");
            assertEquals("Réservation invalide.", parent.await(By.id("param-error")).getText(), parent::snapshot);
            assertTrue(parent.driver.findElement(By.id("to-planning")).getAttribute("href").endsWith("/espace/planning.xhtml"));
            assertEquals("", parent.accessibilityViolations(), "axe-core, réservation invalide");

            // the absence: a comment over 500 characters, then an SVG renamed .png as certificate
            parent.get(BASE + "/espace/absence.xhtml?reservation=" + family.bookingId());
            new Select(parent.await(By.id("absence:reason"))).selectByValue("MALADIE");
            assertEquals("500", parent.driver.findElement(By.id("absence:comment")).getAttribute("maxlength"));
            typeOverLimit(parent, "absence:comment", 600);
            parent.submit(By.id("absence:declare"));
            assertEquals("Ce texte est trop long : 500 caractères au plus.", parent.await(By.id("absence:comment_msg")).getText(),
                    parent::snapshot);
            parent.driver.findElement(By.id("absence:comment")).clear();
            parent.driver.findElement(By.id("absence:comment")).sendKeys("Fièvre");
            parent.driver.findElement(By.id("absence:certificate")).sendKeys(svg.toString());
            parent.submit(By.id("absence:declare"));
            assertEquals("Le certificat n'est pas un vrai fichier PDF, JPEG ou PNG (son contenu ne correspond pas à son type) :"
                    + " joignez le document d'origine.", parent.await(By.id("absence:certificate_msg")).getText());
            assertEquals("", parent.accessibilityViolations(), "axe-core, signaler une absence avec erreurs");
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("select status from commune_alpha.booking where id = " + family.bookingId())) {
                rs.next();
                assertEquals("BOOKED", rs.getString(1), "rien n'est enregistré");
            }
        }
    }

    @Test
    void keycloakMailsSpeakInTheCommunesNameWithLinksThatLast() throws Exception {
        String email = "guichet-saisie-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        try (Browser agent = new Browser()) {
            agent.get(BASE + "/agent/dossiers.xhtml");
            agent.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(BASE + "/agent/dossiers.xhtml");
            type(agent, "guichet:firstName", "Sacha");
            type(agent, "guichet:lastName", "Saisie");
            type(agent, "guichet:email", email);
            agent.submit(By.id("guichet:create"));
            assertTrue(agent.await(By.cssSelector("#summary .pf-info")).getText().contains("courriel d'activation"));
        }
        String invitation = Mails.await(email, m -> m.contains("action-token"));
        assertTrue(invitation.contains("Le service enfance de " + COMMUNE), invitation);
        assertFalse(invitation.contains("administrateur"), invitation);
        assertTrue(invitation.contains("7 jours"), invitation);
        assertTrue(invitation.contains("Mot de passe oubli"), "comment obtenir un nouveau lien : " + invitation);

        // a family signing up: the confirmation link lasts a day and says how to get a new one
        String parentEmail = "inscrite-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        try (Browser parent = new Browser()) {
            parent.get(BASE + "/espace/foyer.xhtml");
            parent.await(By.cssSelector("a[href*='registration']")).click();
            parent.await(By.id("email")).sendKeys(parentEmail);
            parent.driver.findElement(By.id("firstName")).sendKeys("Camille");
            parent.driver.findElement(By.id("lastName")).sendKeys("Saisie");
            parent.submit(By.cssSelector("#kc-register-form [type=submit]"));
        }
        String confirmation = Mails.await(parentEmail, m -> m.contains("action-token"));
        assertTrue(confirmation.contains("portail famille de " + COMMUNE), confirmation);
        assertTrue(confirmation.contains("1 jour"), confirmation);
        assertFalse(confirmation.contains("ladresse"), confirmation);
    }

    @Test
    void primaryActionsStandOutInTheCommunesColour() throws Exception {
        String email = "brouillon-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        StackLauncher.stack().realmProvisioner().createUser("pf-alpha", email, "Lou", "Brouillon", PASSWORD, "parent");
        try (Browser parent = new Browser()) {
            parent.get(BASE + "/espace/foyer.xhtml");
            parent.signIn(email, PASSWORD);
            parent.awaitUrlStartingWith(BASE + "/espace/foyer.xhtml");
            WebElement submit = parent.await(By.id("foyer:submit"));
            WebElement draft = parent.driver.findElement(By.id("foyer:saveDraft"));
            // Alpha's primary colour is #1d4f91
            assertEquals("rgb(29, 79, 145)", rgb(submit.getCssValue("background-color")), "« Valider l'inscription »");
            assertEquals("rgb(255, 255, 255)", rgb(submit.getCssValue("color")));
            assertNotEquals(submit.getCssValue("background-color"), draft.getCssValue("background-color"),
                    "« Finir plus tard » ne ressemble pas à l'action principale");
            assertEquals("", parent.accessibilityViolations(), "axe-core (contrastes), Mon foyer");
            parent.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", submit);
            screenshot(parent, "boutons-mon-foyer");
        }
        try (Browser agent = new Browser()) {
            agent.get(BASE + "/agent/inscriptions.xhtml");
            agent.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(BASE + "/agent/inscriptions.xhtml");
            agent.await(By.id("queue:table"));
            for (WebElement accept : agent.driver.findElements(By.cssSelector(".pf-button-primary"))) {
                assertEquals("rgb(29, 79, 145)", rgb(accept.getCssValue("background-color")), accept.getText());
            }
            screenshot(agent, "boutons-agent-inscriptions");
        }
    }

    @Test
    void noPageScrollsSidewaysOnA360PixelPhone() throws Exception {
        Family family = validatedFamily();
        String draftEmail = "telephone-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        StackLauncher.stack().realmProvisioner().createUser("pf-alpha", draftEmail, "Lou", "Telephone", PASSWORD, "parent");
        List<String> wide = new ArrayList<>();
        try (Browser parent = new Browser()) {
            phone(parent);
            parent.get(BASE + "/espace/foyer.xhtml");
            parent.signIn(draftEmail, PASSWORD);
            parent.awaitUrlStartingWith(BASE + "/espace/foyer.xhtml");
            parent.submit(By.id("foyer:addChild"));
            check(parent, "mon-foyer-brouillon", wide);
            // the child's school: free text, the commune's schools suggested (the family above added one to Alpha)
            assertEquals("commune-schools", parent.driver.findElement(By.id("foyer:children:0:school")).getAttribute("list"));
            List<String> schools = parent.driver.findElements(By.cssSelector("datalist#commune-schools option")).stream()
                    .map(o -> o.getAttribute("value")).toList();
            assertTrue(schools.stream().anyMatch(n -> n.startsWith("École ")), schools.toString());
        }
        try (Browser parent = new Browser()) {
            phone(parent);
            parent.get(BASE + "/espace/accueil.xhtml");
            parent.signIn(family.email(), PASSWORD);
            parent.awaitUrlStartingWith(BASE + "/espace/accueil.xhtml");
            check(parent, "accueil", wide);
            for (Map.Entry<String, String> page : Map.of(
                    "mon-foyer", "/espace/foyer.xhtml",
                    "mes-demandes", "/espace/demandes.xhtml",
                    "mes-enfants", "/espace/enfants.xhtml?enfant=1",
                    "inscriptions", "/espace/inscriptions.xhtml",
                    "planning", "/espace/planning.xhtml",
                    "absence", "/espace/absence.xhtml?reservation=" + family.bookingId()).entrySet()) {
                parent.get(BASE + page.getValue());
                parent.await(By.id("contenu"));
                check(parent, page.getKey(), wide);
            }
        }
        try (Browser agent = new Browser()) {
            phone(agent);
            agent.get(BASE + "/agent/index.xhtml");
            agent.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(BASE + "/agent/index.xhtml");
            check(agent, "agent-accueil", wide);
            for (Map.Entry<String, String> page : Map.of(
                    "agent-dossiers", "/agent/dossiers.xhtml",
                    "agent-famille", "/agent/famille.xhtml?id=" + family.familyId(),
                    "agent-famille-modifier", "/agent/famille-modifier.xhtml?id=" + family.familyId(),
                    "agent-inscriptions", "/agent/inscriptions.xhtml",
                    "agent-demandes", "/agent/demandes.xhtml",
                    "agent-scolaires", "/agent/scolaires.xhtml",
                    "agent-reservations", "/agent/reservations.xhtml",
                    "agent-certificats", "/agent/certificats.xhtml",
                    "agent-pointage", "/agent/pointage.xhtml",
                    "agent-configuration", "/agent/configuration.xhtml").entrySet()) {
                agent.get(BASE + page.getValue());
                agent.await(By.id("contenu"));
                check(agent, page.getKey(), wide);
            }
        }
        assertEquals(List.of(), wide, "pages plus larges que 360 px");
    }

    /**
     * A 360 px wide screen (Chromium's device emulation, as its developer tools do; not "mobile", which
     * would zoom out to show a too-wide page whole instead of letting it scroll sideways).
     */
    static void phone(Browser b) {
        b.phone();
    }

    /** Records the page when it is wider than the 360 px screen; saves its screenshot either way. */
    static void check(Browser b, String name, List<String> wide) throws Exception {
        assertEquals(360L, ((Number) b.driver.executeScript("return window.innerWidth")).longValue());
        long width = ((Number) b.driver.executeScript("return document.documentElement.scrollWidth")).longValue();
        screenshot(b, "360-" + name);
        if (width > 360) {
            Object culprits = b.driver.executeScript("return Array.from(document.querySelectorAll('body *'))"
                    + ".filter(e => e.getBoundingClientRect().right > 361).slice(-3)"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
                    + ".join(' | ')");
            wide.add(name + " : " + width + " px (" + culprits + ")");
        }
    }

    /** A computed colour as "rgb(r, g, b)" (Chromium answers "rgba(r, g, b, 1)" for an opaque one). */
    static String rgb(String css) {
        return css.startsWith("rgba(") && css.endsWith(", 1)") ? "rgb(" + css.substring(5, css.length() - 4) + ")" : css;
    }

    /** Types {@code length} characters into a field, past its maxlength (as a hand-made request could). */
    static void typeOverLimit(Browser b, String id, int length) {
        b.driver.executeScript("arguments[0].removeAttribute('maxlength'); arguments[0].value = arguments[1];",
                b.await(By.id(id)), "x".repeat(length));
    }
}
