package fr.portailfamille.it;

import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.archive.ArchiveInfo;
import fr.portailfamille.archive.CommuneArchives;
import fr.portailfamille.devstack.DevStack;
import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.tenancy.Commune;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operators' console in Chromium on the operator host: the operator signs in (operators' realm), onboards a commune
 * (the colour's contrast told next to the field, a PNG logo, the steps shown while they run), sees it in the list,
 * suspends it (its public home answers the suspension page) and resumes it; axe-core on every page, each at 360 px
 * (screenshots in target/screenshots). A commune's agent, signed in to the commune, is a stranger to the console.
 * The operator downloads a suspended commune's archive, deletes the commune with its slug typed again, and imports the
 * archive into a new commune: a wrong passphrase fails the import's decryption step, "Relancer l'import" gives the form
 * back filled, and the import given again shows its steps and ends with the link to the new commune's page.
 */
@ExtendWith(ArquillianExtension.class)
class OperatorWalkIT {

    static final int PORT = Integer.getInteger("it.port.platform");
    static final String BASE = "http://admin.localhost:" + PORT;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platformWar();
    }

    @Test
    void anOperatorOnboardsACommuneThenSuspendsAndResumesIt() throws Exception {
        StackLauncher.stack();
        List<String> wide = new ArrayList<>();
        try (Browser b = new Browser()) {
            b.get(BASE + "/operateur/communes.xhtml");
            b.awaitUrlStartingWith(StackLauncher.stack().keycloakUrl() + "/realms/pf-operateurs/");
            b.signIn(DevStack.OPERATOR_EMAIL, DevStack.OPERATOR_PASSWORD);
            b.awaitUrlStartingWith(BASE + "/operateur/communes.xhtml");
            String table = b.await(By.id("communes")).getText();
            assertTrue(table.contains("Commune Alpha") && table.contains("Active"), table);
            assertEquals("", b.accessibilityViolations(), "axe-core, operateur/communes");
            InputsWebIT.phone(b);
            b.get(BASE + "/operateur/communes.xhtml");
            b.await(By.id("communes"));
            InputsWebIT.check(b, "operateur-communes", wide);
            b.desktop();

            b.get(BASE + "/operateur/nouvelle-commune.xhtml");
            b.await(By.id("form:name"));
            assertEquals("", b.accessibilityViolations(), "axe-core, operateur/nouvelle-commune");
            assertTrue(b.driver.findElement(By.id("form:domains_hint")).getText().startsWith("Un domaine par ligne"),
                    "the textarea's hint shown, with its length limit");
            Browser.type(b, "form:name", "Commune Est");
            Browser.type(b, "form:slug", "est");
            Browser.type(b, "form:websiteUrl", "https://www.est.example/");
            // too pale a primary colour: the contrast is told next to the field as soon as it changes
            Browser.type(b, "form:primaryColor", "#ffd966");
            b.driver.findElement(By.id("form:primaryColor")).sendKeys(Keys.TAB);
            b.waiting().until(d -> d.findElement(By.id("form:primaryColor_contrast")).getText().contains("seulement"));
            Browser.type(b, "form:primaryColor", "#2f4b7c");
            b.driver.findElement(By.id("form:primaryColor")).sendKeys(Keys.TAB);
            b.waiting().until(d -> d.findElement(By.id("form:primaryColor_contrast")).getText().contains("lisible"));
            Browser.type(b, "form:domains", "familles.est.example");
            Browser.type(b, "form:administratorEmail", "admin@est.test");
            Browser.type(b, "form:administratorFirstName", "Estelle");
            Browser.type(b, "form:administratorLastName", "Estève");
            b.driver.findElement(By.id("form:logoSvg")).sendKeys(pngLogo().toString());
            InputsWebIT.phone(b);
            InputsWebIT.check(b, "operateur-nouvelle-commune", wide);
            b.desktop();
            b.submit(By.id("form:submit"));

            // the steps show while they run, then the commune is ready
            b.await(By.id("steps"));
            new WebDriverWait(b.driver, Duration.ofSeconds(90), Duration.ofMillis(200))
                    .until(d -> !d.findElements(By.id("onboarded")).isEmpty() || !d.findElements(By.id("failed")).isEmpty());
            String steps = b.driver.findElement(By.id("steps")).getText();
            assertTrue(b.driver.findElements(By.id("failed")).isEmpty(), steps + " " + b.snapshot());
            for (String label : List.of("Schéma PostgreSQL", "Migrations", "Configuration par défaut", "Royaume Keycloak",
                    "Client OIDC", "Thème", "Activation", "Invitation du premier administrateur")) {
                assertTrue(steps.contains(label + "") , label + " : " + steps);
            }
            assertFalse(steps.contains("en attente") || steps.contains("en échec"), steps);
            assertEquals("", b.accessibilityViolations(), "axe-core, étapes du provisionnement");
            InputsWebIT.phone(b);
            InputsWebIT.check(b, "operateur-provisionnement", wide);
            b.desktop();
            assertTrue(fr.portailfamille.it.support.Mails.await("admin@est.test", m -> m.contains("action-token"))
                    .contains("pf-est"));
            var admin = StackLauncher.stack().keycloakAdmin().realm("pf-est").users().searchByEmail("admin@est.test", true).get(0);
            assertEquals("Estelle Estève", admin.getFirstName() + " " + admin.getLastName(), "the names typed by the operator");
            String logo = PlatformWebIT.get("est.localhost:" + PORT, "/logo", Map.of()).body();
            assertTrue(logo.contains("data:image/png;base64,"), "the PNG logo kept inside an SVG: " + logo);

            b.get(BASE + "/operateur/communes.xhtml");
            assertTrue(b.await(By.id("commune-est")).getText().contains("Commune Est"));
            b.submit(By.cssSelector("#commune-est a"));
            assertEquals("Active", b.await(By.id("status")).getText());
            assertEquals("", b.accessibilityViolations(), "axe-core, operateur/commune");
            InputsWebIT.phone(b);
            InputsWebIT.check(b, "operateur-commune", wide);
            b.desktop();
            assertTrue(b.driver.findElements(By.id("invitation-failed")).isEmpty());

            // had the invitation failed (the relay down) and the page been left: the commune's page says so and leads
            // back to the onboarding, whose "Reprendre" sends it
            try (Connection c = StackLauncher.stack().platformDb().getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("update platform.onboarding_job set state = 'ECHEC', failed_step = 'ADMINISTRATOR',"
                        + " error = 'relais' where slug = 'est'");
            }
            b.get(BASE + "/operateur/commune.xhtml?slug=est");
            assertTrue(b.await(By.id("invitation-failed")).getText().contains("admin@est.test"), b::snapshot);
            assertEquals("", b.accessibilityViolations(), "axe-core, operateur/commune sans administrateur");
            b.submit(By.id("invitation-resume"));
            b.submit(By.id("progress-form:resume"));
            new WebDriverWait(b.driver, Duration.ofSeconds(60), Duration.ofMillis(200))
                    .until(d -> !d.findElements(By.id("onboarded")).isEmpty() || !d.findElements(By.id("failed")).isEmpty());
            assertTrue(b.driver.findElements(By.id("failed")).isEmpty(), b::snapshot);
            b.get(BASE + "/operateur/commune.xhtml?slug=est");
            b.await(By.id("status"));
            assertTrue(b.driver.findElements(By.id("invitation-failed")).isEmpty(), b::snapshot);

            b.submit(By.id("form:suspend"));
            assertTrue(b.await(By.id("confirm-text")).getText().contains("Suspendre la commune « Commune Est »"));
            assertEquals("", b.accessibilityViolations(), "axe-core, confirmation de la suspension");
            b.submit(By.id("form:confirm"));
            assertEquals("Suspendue", b.await(By.id("status")).getText());
            assertTrue(b.await(By.id("form:messages")).getText().contains("suspendue"));
            var home = OperatorIT.awaitStatus("est.localhost:" + PORT, "/", s -> s == 503);
            assertTrue(home.body().contains("Commune Est est suspendu"), home.body());

            b.submit(By.id("form:resume"));
            b.submit(By.id("form:confirm"));
            assertEquals("Active", b.await(By.id("status")).getText());
            OperatorIT.awaitStatus("est.localhost:" + PORT, "/", s -> s == 200);

            // « Modifier la commune »: a colour mistyped is said beside it (nothing changed); a domain of its own added
            assertEquals("", b.accessibilityViolations(), "axe-core, operateur/commune et « Modifier la commune »");
            Browser.screenshot(b, "operateur-commune-modifier");
            Browser.type(b, "edit:accentColor", "orange");
            Browser.type(b, "edit:domains", "familles.est.example.test");
            b.submit(By.id("edit:edit-submit"));
            assertFalse(b.await(By.id("edit:accentColor_msg")).getText().isBlank(), b::snapshot);
            assertEquals("familles.est.example.test", b.driver.findElement(By.id("edit:domains")).getAttribute("value"),
                    "what was typed is kept");
            Browser.type(b, "edit:accentColor", "#f2a900");
            b.submit(By.id("edit:edit-submit"));
            assertEquals("Commune « Commune Est » modifiée.", b.await(By.id("form:messages")).getText(), b::snapshot);
            assertTrue(b.driver.findElement(By.id("details")).getText().contains("familles.est.example.test"), b::snapshot);
            OperatorIT.awaitStatus("familles.est.example.test:" + PORT, "/", s -> s == 200);

            // a suspension Keycloak refused halfway (the commune suspended, its realm still taking logins): the page
            // offers « Suspendre » again, which finishes it
            try (Connection c = StackLauncher.stack().platformDb().getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("update platform.commune set status = 'SUSPENDED' where slug = 'est'");
            }
            b.get(BASE + "/operateur/commune.xhtml?slug=est");
            assertEquals("Suspendue", b.await(By.id("status")).getText());
            b.submit(By.id("form:suspend"));
            b.submit(By.id("form:confirm"));
            assertEquals("Suspendue", b.await(By.id("status")).getText());
            assertEquals(Boolean.FALSE, StackLauncher.stack().keycloakAdmin().realm("pf-est").toRepresentation().isEnabled());
            assertTrue(b.driver.findElements(By.id("form:suspend")).isEmpty(), "done: nothing left to suspend");
            b.submit(By.id("form:resume"));
            b.submit(By.id("form:confirm"));
            assertEquals("Active", b.await(By.id("status")).getText());
        }
        assertEquals(List.of(), wide, "360 px");
    }

    @Test
    void aCommuneAgentCannotReachTheConsole() throws Exception {
        try (Browser b = new Browser()) {
            ActivitiesWalkIT.signIn(b, "/agent/index.xhtml", StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            // the commune's own pages for the console's path: nothing there
            b.get(StackLauncher.url(ALPHA) + "/operateur/communes.xhtml");
            assertTrue(b.driver.getPageSource().contains("Page introuvable"), b::snapshot);
            // the console asks for the operators' realm, where the agent's account does not exist
            b.get(BASE + "/operateur/communes.xhtml");
            b.awaitUrlStartingWith(StackLauncher.stack().keycloakUrl() + "/realms/pf-operateurs/");
            b.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            b.await(By.id("input-error-username"));
            assertTrue(b.driver.getCurrentUrl().startsWith(StackLauncher.stack().keycloakUrl() + "/realms/pf-operateurs/"),
                    b::snapshot);
            assertFalse(b.driver.getPageSource().contains("Commune Alpha"), "no console for a commune's agent");
        }
    }

    @Test
    void anOperatorDeletesASuspendedCommuneAndImportsItsArchiveElsewhere() throws Exception {
        DevStack stack = StackLauncher.stack();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String slug = "arwk-" + suffix;
        String copySlug = "cowk-" + suffix;
        Commune source = stack.provisioner().provision(ProvisioningIT.spec(slug, List.of()));
        try (Connection c = stack.platformDb().getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into " + source.schemaName() + ".family (label, email) values ('Famille W', 'w@exemple.test')");
        }
        String pass = "la mairie garde cette phrase";
        ArchiveInfo info = new CommuneArchives(stack.platformDb()).export(source, pass.toCharArray(), List.of(), "admin-it");
        Path file = Files.createTempFile(slug, ".pfarchive");
        try (InputStream in = new CommuneArchives(stack.platformDb()).open(info.id())) {
            Files.write(file, in.readAllBytes());
        }
        stack.provisioner().suspend(slug, "operateur-it");
        List<String> wide = new ArrayList<>();
        try (Browser b = new Browser()) {
            b.get(BASE + "/operateur/commune.xhtml?slug=" + slug);
            b.awaitUrlStartingWith(stack.keycloakUrl() + "/realms/pf-operateurs/");
            b.signIn(DevStack.OPERATOR_EMAIL, DevStack.OPERATOR_PASSWORD);
            b.awaitUrlStartingWith(BASE + "/operateur/commune.xhtml");
            String archives = b.await(By.id("archives")).getText();
            String setup = b.driver.findElement(By.id("setup")).getText();
            assertTrue(setup.startsWith("0 réglages sur 7 faits ; restent à faire :") && setup.contains("Rédiger les conditions générales"),
                    setup);
            assertTrue(archives.contains("admin-it") && archives.contains(info.sha256()), archives);
            // the last activity (the suspension just now, read from the registry by JDBC in UTC) at Paris's hour
            java.time.LocalDateTime last = java.time.LocalDateTime.parse(b.driver.findElement(By.id("last-activity")).getText(),
                    java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
            assertTrue(java.time.Duration.between(last, fr.portailfamille.it.support.TestDays.now()).abs().toMinutes() < 10,
                    "last activity " + last + ", now in Paris " + fr.portailfamille.it.support.TestDays.now());
            String href = b.await(By.id("archive-" + info.id())).getAttribute("href");
            assertTrue(href.endsWith("/operateur/archive?id=" + info.id()), href);
            HttpResponse<byte[]> download = PlatformWebIT.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + PORT + "/operateur/archive?id=" + info.id())).header("Host", "admin.localhost:" + PORT)
                    .header("Cookie", "JSESSIONID=" + b.driver.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, download.statusCode());
            org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(file), download.body());
            assertEquals("", b.accessibilityViolations(), "axe-core, operateur/commune with archives and deletion");

            // a wrong slug: said next to the field, nothing deleted
            Browser.type(b, "delete:typedSlug", "alpha");
            b.submit(By.id("delete:delete-submit"));
            assertTrue(b.await(By.id("delete:typedSlug_msg")).getText().contains("saisissez exactement"), b::snapshot);
            assertTrue(stack.tenantStore().findBySlug(slug).isPresent());
            assertEquals("", b.accessibilityViolations(), "axe-core, deletion refused");
            InputsWebIT.phone(b);
            b.driver.executeScript("document.getElementById('archives-title').scrollIntoView({block: 'start'});");
            InputsWebIT.check(b, "operateur-commune-archives", wide);
            b.desktop();
            Browser.type(b, "delete:typedSlug", slug);
            b.submit(By.id("delete:delete-submit"));
            assertTrue(b.await(By.id("messages")).getText().contains("est supprimée"), b::snapshot);
            assertTrue(b.driver.findElements(By.id("commune-" + slug)).isEmpty(), "no longer listed");
            assertTrue(stack.tenantStore().findBySlug(slug).isEmpty());

            // its archive imported into a new commune from the console
            b.submit(By.id("import-archive"));
            b.await(By.id("form:archive"));
            assertEquals("", b.accessibilityViolations(), "axe-core, operateur/import");
            b.driver.findElement(By.id("form:archive")).sendKeys(file.toString());
            Browser.type(b, "form:passphrase", "pas la bonne phrase");
            Browser.type(b, "form:name", "Copie " + suffix);
            Browser.type(b, "form:slug", copySlug);
            Browser.type(b, "form:websiteUrl", "https://www.copie.example.test");
            b.submit(By.id("form:submit"));
            // the import runs in the background: its steps show; a wrong passphrase fails it at the decryption
            b.await(By.id("steps"));
            new WebDriverWait(b.driver, Duration.ofSeconds(90), Duration.ofMillis(200))
                    .until(d -> !d.findElements(By.id("onboarded")).isEmpty() || !d.findElements(By.id("failed")).isEmpty());
            assertTrue(b.await(By.id("step-ARCHIVE")).getText().contains("Archive reçue : faite"), b::snapshot);
            String decryption = b.await(By.id("step-DECRYPTION")).getText();
            assertTrue(decryption.contains("Archive vérifiée et déchiffrée : en échec")
                    && decryption.contains("Phrase secrète incorrecte"), decryption);
            assertTrue(b.await(By.id("step-SCHEMA")).getText().contains("en attente"), b::snapshot);
            assertTrue(b.await(By.id("retry-hint")).getText().contains("Relancez l'import avec l'archive et sa phrase"
                    + " secrète"), b::snapshot);
            assertEquals("", b.accessibilityViolations(), "axe-core, import en échec");
            assertTrue(stack.tenantStore().findBySlug(copySlug).isEmpty(), "nothing left of the commune");
            // given again: the form filled as before, the wrong passphrase said next to its field
            b.submit(By.id("progress-form:retry"));
            assertTrue(b.await(By.id("form:passphrase_msg")).getText().contains("Phrase secrète incorrecte"), b::snapshot);
            assertEquals(copySlug, b.driver.findElement(By.id("form:slug")).getAttribute("value"));
            assertEquals("Copie " + suffix, b.driver.findElement(By.id("form:name")).getAttribute("value"));
            assertEquals("", b.accessibilityViolations(), "axe-core, import à relancer");
            InputsWebIT.phone(b);
            b.driver.executeScript("document.getElementById('form:archive').scrollIntoView({block: 'start'});");
            InputsWebIT.check(b, "operateur-import", wide);
            b.desktop();
            b.driver.findElement(By.id("form:archive")).sendKeys(file.toString());
            Browser.type(b, "form:passphrase", pass);
            b.submit(By.id("form:submit"));
            b.await(By.id("steps"));
            new WebDriverWait(b.driver, Duration.ofSeconds(90), Duration.ofMillis(200))
                    .until(d -> !d.findElements(By.id("onboarded")).isEmpty() || !d.findElements(By.id("failed")).isEmpty());
            String steps = b.driver.findElement(By.id("steps")).getText();
            assertTrue(b.driver.findElements(By.id("failed")).isEmpty(), steps + " " + b.snapshot());
            for (String label : List.of("Archive reçue", "Archive vérifiée et déchiffrée",
                    "Schéma PostgreSQL de la commune", "Migrations du schéma", "Configuration par défaut",
                    "Royaume Keycloak", "Client OIDC du portail", "Thème de connexion et des courriels", "Activation",
                    "Comptes recréés dans le royaume", "Données chargées")) {
                assertTrue(steps.contains(label + " : faite"), label + " : " + steps);
            }
            assertTrue(b.await(By.id("step-DATA")).getText().contains("(dont 1 famille)"), steps);
            assertTrue(b.await(By.id("accounts-note")).getText().contains("nouveau mot de passe"), b::snapshot);
            assertEquals("", b.accessibilityViolations(), "axe-core, étapes de l'import");
            InputsWebIT.phone(b);
            InputsWebIT.check(b, "operateur-import-etapes", wide);
            b.desktop();
            b.submit(By.id("to-commune"));
            b.awaitUrlStartingWith(BASE + "/operateur/commune.xhtml?slug=" + copySlug);
            assertEquals("Active", b.await(By.id("status")).getText(), b::snapshot);
            assertEquals("1", b.await(By.id("families")).getText());
        } finally {
            Files.deleteIfExists(file);
        }
        assertEquals(List.of(), wide, "360 px");
        stack.provisioner().suspend(copySlug, "operateur-it");
        stack.provisioner().delete(copySlug, copySlug, "operateur-it");
    }

    /** A small PNG drawn here: the logo an operator uploads. */
    static Path pngLogo() throws Exception {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x2f4b7c));
        g.fillRect(0, 0, 32, 32);
        g.setColor(Color.WHITE);
        g.fillOval(8, 8, 16, 16);
        g.dispose();
        Path file = Files.createTempFile("logo-est", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
