package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.tenancy.CommuneRules;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/**
 * Fair opening in Chromium at 360 px: a parent sends its request to an opening window (Ma demande) — the commune requires
 * a proof of the parents' work, which the parent sends from the form itself (a fake PDF refused next to the field, then a
 * real one, stored as a document of the family) —, the agent closes
 * the window, previews the allocation with its reasons and publishes it, the parent reads the result and its reason in
 * words; Mon planning shows the window's day "sur demande" (a link to
 * Ma demande, no booking button) until the result is published; axe-core on every state of both pages and screenshots in target/screenshots (fenetre-*).
 */
@ExtendWith(ArquillianExtension.class)
class FenetreWalkIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platformWar();
    }

    static long count(String sql) throws Exception {
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @RunAsClient
    void aFamilyRequestsTheAgentPublishesTheFamilyReadsItsResult() throws Exception {
        String email = "fenetre-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        String code = "FW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        LocalDate day = OpeningWindowIT.weekday(BookingIT.nextMondayInAMonth().plusDays(3));
        long window;
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.executeUpdate("insert into family (label, status, email) values ('Famille Fenêtre', 'VALIDATED', '" + email + "')");
            st.executeUpdate("insert into child (family_id, first_name, last_name, birth_date) select id, 'Inès', 'Fenêtre',"
                    + " date '2018-04-02' from family where email = '" + email + "'");
            st.executeUpdate("insert into activity (code, name, type, runs_in_holidays, booking_deadline, cancellation_deadline,"
                    + " late_policy) values ('" + code + "', 'Centre d''été " + code + "', 'MERCREDI', true, 'J-2@23:59',"
                    + " 'J-2@23:59', 'REFUSED')");
            st.executeUpdate("insert into activity_unit (activity_id, code, label, capacity) select id, 'JOURNEE', 'Journée', 1"
                    + " from activity where code = '" + code + "'");
            st.executeUpdate("insert into registration (child_id, activity_id, status, cgu_accepted_at) select c.id, a.id,"
                    + " 'VALIDATED', now() from child c join family f on f.id = c.family_id, activity a where f.email = '"
                    + email + "' and a.code = '" + code + "'");
            try (ResultSet rs = st.executeQuery("insert into opening_window (activity_id, period_from, period_to, opens_at,"
                    + " closes_at, weight_both_working, weight_sibling, proof_required, created_by) select id, date '" + day
                    + "', date '" + day + "', timestamp '" + TestDays.now().minusHours(1).withNano(0) + "', timestamp '"
                    + TestDays.now().plusHours(1).withNano(0) + "', 8, 5, true,"
                    + " 'agent@alpha.test'"
                    + " from activity where code = '" + code + "' returning id")) {
                rs.next();
                window = rs.getLong(1);
            }
        }
        long activity;
        long unit;
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement();
             ResultSet rs = st.executeQuery("select a.id, u.id from commune_alpha.activity a join commune_alpha.activity_unit u"
                     + " on u.activity_id = a.id where a.code = '" + code + "'")) {
            rs.next();
            activity = rs.getLong(1);
            unit = rs.getLong(2);
        }
        String planning = PlatformWebIT.url(StackLauncher.ALPHA) + "/espace/planning.xhtml?enfant=1&activite=" + activity
                + "&mois=" + java.time.YearMonth.from(day);
        StackLauncher.stack().realmProvisioner().createUser(CommuneRules.realmName("alpha"), email, "Camille", "Fenêtre",
                StackLauncher.PASSWORD_PARENT, "parent");
        String page = "/espace/ma-demande.xhtml?fenetre=" + window;
        try (Browser family = new Browser()) {
            family.driver.manage().window().setSize(new Dimension(360, 800));
            PlatformWebIT.recordCspViolations(family);
            ActivitiesWalkIT.signIn(family, page, email, StackLauncher.PASSWORD_PARENT);
            family.await(By.id("request:send"));
            assertEquals("", family.accessibilityViolations(), "axe-core, the request form");
            Browser.screenshot(family, "fenetre-famille-formulaire");
            family.driver.findElement(By.cssSelector("fieldset input[type=checkbox]")).click();
            family.driver.findElement(By.id("request:working")).click();
            // the commune requires a proof of the parents' work: none chosen, the message is next to the field
            family.submit(By.id("request:send"));
            assertTrue(family.await(By.id("request:proof_msg")).getText().startsWith("Joignez un justificatif d'activité"),
                    family::snapshot);
            // sent from the form itself: a page named .pdf is refused on its content, in French next to the file field
            new Select(family.driver.findElement(By.id("request:proofType"))).selectByValue("DOMICILE");
            family.driver.executeScript("arguments[0].value = arguments[1];", family.driver.findElement(By.id("request:proofDate")),
                    TestDays.today().toString());
            family.driver.findElement(By.id("request:proofFile")).sendKeys(MesDocumentsWalk.file("bulletin.pdf",
                    "<html><body>pas un PDF</body></html>").toAbsolutePath().toString());
            family.submit(By.id("request:send"));
            assertTrue(family.await(By.id("request:proofFile_msg")).getText().contains("PDF, JPEG ou PNG"), family::snapshot);
            assertEquals("true", family.driver.findElement(By.id("request:working")).getDomProperty("checked"), "kept");
            assertEquals("", family.accessibilityViolations(), "axe-core, the form with its errors");
            Browser.screenshot(family, "fenetre-famille-justificatif-refuse");
            assertEquals(0, count("select count(*) from commune_alpha.family_document d join commune_alpha.family f"
                    + " on f.id = d.family_id where f.email = '" + email + "'"), "nothing stored");
            family.driver.findElement(By.id("request:proofFile")).sendKeys(MesDocumentsWalk.file("bulletin-salaire.pdf",
                    "%PDF-1.4\n% bulletin\n").toAbsolutePath().toString());
            family.submit(By.id("request:send"));
            String state = family.await(By.id("mine-state")).getText();
            assertEquals("demande enregistrée, en attente de l'attribution", state);
            assertTrue(family.driver.findElement(By.id("summary")).getText().contains("Votre demande est enregistrée"));
            assertEquals("", family.accessibilityViolations(), "axe-core, the request sent");
            // the proof is a document of the family (Mes documents), waiting for review, and the request's proof
            assertEquals(1, count("select count(*) from commune_alpha.family_document d join commune_alpha.family f"
                    + " on f.id = d.family_id join commune_alpha.window_request r on r.proof_document_id = d.id"
                    + " where f.email = '" + email + "' and d.status = 'PENDING' and d.file_name = 'bulletin-salaire.pdf'"
                    + " and r.window_id = " + window));
            Browser.screenshot(family, "fenetre-famille-envoyee");
            // sent again from the same page: the proof sent with the request is now the one chosen, and kept
            assertFalse(new Select(family.driver.findElement(By.id("request:proof"))).getFirstSelectedOption()
                    .getAttribute("value").isEmpty(), "the proof just sent, chosen");
            family.submit(By.id("request:send"));
            assertEquals("demande enregistrée, en attente de l'attribution", family.await(By.id("mine-state")).getText());
            assertEquals(1, count("select count(*) from commune_alpha.window_request r join commune_alpha.family f"
                    + " on f.id = r.family_id where f.email = '" + email + "' and r.proof_document_id is not null"
                    + " and r.window_id = " + window), family::snapshot);
            // "Modifier ma demande": opened again, the form shows what was sent (sending it replaces the request whole)
            family.get(PlatformWebIT.url(StackLauncher.ALPHA) + page);
            family.await(By.id("request:send"));
            assertEquals("true", family.driver.findElement(By.cssSelector("fieldset input[type=checkbox]"))
                    .getDomProperty("checked"), "the day asked");
            assertEquals("true", family.driver.findElement(By.id("request:working")).getDomProperty("checked"));
            assertFalse(new Select(family.driver.findElement(By.id("request:proof"))).getFirstSelectedOption()
                    .getAttribute("value").isEmpty(), "the proof chosen");

            // Mon planning: the window's day is "sur demande", a link to Ma demande, never a button to book
            family.get(planning);
            var ask = family.await(By.id("ask-" + day + "-" + unit));
            assertTrue(ask.getAttribute("href").endsWith("/espace/ma-demande.xhtml?fenetre=" + window), ask.getAttribute("href"));
            assertTrue(ask.getAttribute("aria-label").contains("Journée : sur demande — fenêtre ouverte jusqu'au "),
                    ask.getAttribute("aria-label"));
            assertEquals("Sur demande", family.driver.findElement(By.id("state-" + day + "-" + unit))
                    .getText());
            assertTrue(family.driver.findElements(By.cssSelector("input.pf-toggle[data-day='" + day + "']")).isEmpty(),
                    "no booking button on the window's day");
            assertTrue(family.driver.findElement(By.id("window-" + window)).getText().contains("pas au premier arrivé"));
            assertEquals("", family.accessibilityViolations(), "axe-core, the planning with a window's day");
            family.driver.executeScript("arguments[0].scrollIntoView({block: 'start'});",
                    family.driver.findElement(By.id("window-" + window)));
            Browser.screenshot(family, "fenetre-planning-sur-demande");
            family.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", ask);
            Browser.screenshot(family, "fenetre-planning-sur-demande-jour");
            assertTrue(family.driver.findElement(By.cssSelector("details.pf-legend")).getAttribute("textContent")
                    .contains("Sur demande"), "the legend has the state");

            try (Browser agent = new Browser()) {
                agent.driver.manage().window().setSize(new Dimension(360, 800));
                PlatformWebIT.recordCspViolations(agent);
                ActivitiesWalkIT.signIn(agent, "/agent/fenetre.xhtml?id=" + window, StackLauncher.agent("alpha"),
                        StackLauncher.PASSWORD_AGENT);
                agent.await(By.id("actions:close"));
                assertEquals("", agent.accessibilityViolations(), "axe-core, the open window");
                agent.submit(By.id("actions:close"));
                String preview = agent.await(By.id("preview:lines")).getText();
                assertTrue(preview.contains("Inès Fenêtre") && preview.contains("place attribuée — priorité : parents qui"
                        + " travaillent ; seule demande à ce niveau de priorité"), preview);
                assertEquals("", agent.accessibilityViolations(), "axe-core, the preview");
                Browser.screenshot(agent, "fenetre-agent-apercu");
                agent.submit(By.id("actions:publish"));
                assertTrue(agent.await(By.id("summary")).getText().contains("Attribution publiée"));
                assertEquals("", agent.accessibilityViolations(), "axe-core, published");
                assertEquals("", PlatformWebIT.cspViolations(agent), "CSP, agent");
                Browser.screenshot(agent, "fenetre-agent-publiee");
            }

            family.get(PlatformWebIT.url(StackLauncher.ALPHA) + page);
            assertEquals("résultat publié", family.await(By.id("mine-state")).getText());
            // no form any more, and why
            assertEquals("Les demandes sont closes : les places ont été attribuées.", family.text("not-taking"));
            assertTrue(family.driver.findElements(By.id("request:send")).isEmpty());
            String result = family.driver.findElement(By.id("mine")).getText();
            assertTrue(result.contains("place attribuée — priorité : parents qui travaillent"), result);
            assertEquals("", family.accessibilityViolations(), "axe-core, the result");
            Browser.screenshot(family, "fenetre-famille-resultat");
            // published: the day follows the usual rules (the child was placed: booked)
            family.get(planning);
            assertEquals("RESERVE_ANNULABLE", family.await(By.id("state-" + day + "-" + unit)).getAttribute("data-state"));
            assertTrue(family.driver.findElements(By.id("ask-" + day + "-" + unit)).isEmpty());
            family.get(PlatformWebIT.url(StackLauncher.ALPHA) + "/espace/ma-demande.xhtml");
            family.await(By.id("how"));
            // the window no longer takes requests: the family finds its request and result from the index all the same
            var requested = family.driver.findElement(By.id("requested"));
            assertTrue(requested.getText().contains("résultat publié"), requested.getText());
            assertTrue(requested.findElement(By.tagName("a")).getAttribute("href")
                    .endsWith("/espace/ma-demande.xhtml?fenetre=" + window), family::snapshot);
            assertEquals("", family.accessibilityViolations(), "axe-core, the list of windows");
            // a window's address cut in a mail (?fenetre=12x): said, not « aucune fenêtre n'est ouverte »
            family.get(PlatformWebIT.url(StackLauncher.ALPHA) + "/espace/ma-demande.xhtml?fenetre=12x");
            assertEquals("Cette fenêtre de demandes n'existe pas.", family.await(By.id("param-error")).getText());
            assertTrue(family.driver.findElements(By.id("none")).isEmpty(), family::snapshot);
            assertEquals("", family.accessibilityViolations(), "axe-core, a window's number that is not one");
            assertEquals("", PlatformWebIT.cspViolations(family), "CSP, family");
        }
    }
}
