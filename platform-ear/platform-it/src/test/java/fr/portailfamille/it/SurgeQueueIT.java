package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.CodeFlowTokens;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.platform.surge.FairGate;
import fr.portailfamille.platform.surge.SurgeFilter;
import fr.portailfamille.platform.surge.SurgeGates;
import fr.portailfamille.tenancy.CommuneRules;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The surge queue on the real platform: alpha's gate is held full from inside the container (every permit taken, as
 * requests being served would), then a parent opening Ma demande in Chromium at 360 px gets the "file d'attente" page
 * with its position (axe-core, screenshot file-attente), a client of the families' API gets 503 with Retry-After and
 * JSON {@code file_attente} with its position and ticket (a document sent as a multipart form too, nothing stored);
 * the permits freed, the page opens by itself (its static script asks again)
 * and the API call sent again with its ticket is served. Then Mon planning with the gate full again: a tap (a Faces AJAX
 * request) shows the family's position in the selection bar's live region (axe-core, screenshot planning-file-attente)
 * and, the permits freed, is sent again by itself and applied once — the summary shows the day —; a tap without
 * JavaScript (a plain form post) gets the queue page, whose form posts it again with the Faces view, the selection kept.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SurgeQueueIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    SurgeGates gates;

    /** The parent's browser, kept between the client steps (typed Object: this class is loaded in the container too). */
    static Object family;
    static String email;
    static String token;
    static String ticket;

    @Test
    @Order(1)
    void holdAlphasGateFull() throws Exception {
        FairGate gate = gates.of(StackLauncher.ALPHA);
        for (int i = 0; i < gate.permits(); i++) {
            assertEquals(FairGate.Outcome.ADMITTED, gate.enter(null, 0).outcome(), "permit " + i);
        }
        assertEquals(gate.permits(), gate.inUse());
    }

    @Test
    @Order(2)
    @RunAsClient
    void aParentAndAnApiClientWaitInTheQueueWithTheirPositions() throws Exception {
        email = "file-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.executeUpdate("insert into family (label, status, email) values ('Famille File', 'VALIDATED', '" + email + "')");
        }
        StackLauncher.stack().realmProvisioner().createUser(CommuneRules.realmName("alpha"), email, "Dominique", "File",
                StackLauncher.PASSWORD_PARENT, "parent");
        token = CodeFlowTokens.accessToken(StackLauncher.ALPHA, email, StackLauncher.PASSWORD_PARENT);

        Browser family = new Browser();
        SurgeQueueIT.family = family;
        family.driver.manage().window().setSize(new Dimension(360, 800));
        PlatformWebIT.recordCspViolations(family);
        ActivitiesWalkIT.signIn(family, "/espace/ma-demande.xhtml", email, StackLauncher.PASSWORD_PARENT);
        assertEquals("1", family.await(By.id("position")).getText(), "first in the queue");
        assertTrue(family.driver.getTitle().startsWith("File d'attente"), family.driver.getTitle());
        assertTrue(family.driver.findElement(By.tagName("main")).getText().contains("Vous êtes dans la file d'attente"));
        assertEquals("", SurgeQueueWalk.accessibilityOfTheQueuePage(family), "axe-core, the queue page");
        assertEquals("", PlatformWebIT.cspViolations(family), "CSP: no inline script");
        Browser.screenshot(family, "file-attente");

        HttpResponse<String> queued = FamilyApiIT.post(token, "{\"elements\": []}");
        JsonObject e = FamilyApiIT.error(queued, 503, "file_attente");
        assertEquals(2, e.getInt("position"), queued.body());
        assertTrue(e.getString("ticket").matches("[0-9a-f]{32}"), queued.body());
        int retry = Integer.parseInt(queued.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 2 && retry <= 30, "Retry-After " + retry);
        assertEquals(retry, e.getInt("reessayerDans"));
        ticket = e.getString("ticket");
        // coming back with its ticket keeps its place; reads of the API are not queued
        assertEquals(2, FamilyApiIT.error(FamilyApiIT.call(StackLauncher.ALPHA, "POST", FamilyApiIT.API + "/reservations",
                token, "{\"elements\": []}", ticket), 503, "file_attente").getInt("position"));
        // a document sent as a multipart form waits the same way, in the same place: nothing stored
        String boundary = "----pf-file";
        HttpResponse<String> upload = FamilyApiIT.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + PlatformWebIT.PORT + FamilyApiIT.API + "/documents"))
                .header("Host", PlatformWebIT.host(StackLauncher.ALPHA)).header("Authorization", "Bearer " + token)
                .header(SurgeFilter.HEADER, ticket).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(FamilyApiIT.form(boundary,
                        FamilyApiIT.Part.field("type", "DOMICILE"), FamilyApiIT.Part.field("date",
                                TestDays.today().toString()),
                        FamilyApiIT.Part.file("bulletin.pdf", FamilyApiIT.PDF)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(2, FamilyApiIT.error(upload, 503, "file_attente").getInt("position"), upload.body());
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("select count(*) from commune_alpha.family_document d join commune_alpha.family f"
                     + " on f.id = d.family_id where f.email = '" + email + "'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "nothing stored while queued");
        }
        assertEquals(200, FamilyApiIT.get(FamilyApiIT.API + "/enfants", token).statusCode());
    }

    @Test
    @Order(3)
    void freeTheGate() throws Exception {
        FairGate gate = gates.of(StackLauncher.ALPHA);
        for (int i = 0; i < gate.permits(); i++) {
            gate.release();
        }
        // the parent's page, asking again in its place (every ~2 s), is served in its turn: the queue holds at most the
        // API client's ticket, which has not come back yet
        long until = System.currentTimeMillis() + 15_000;
        while (gate.waiting() > 1 && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertTrue(gate.waiting() <= 1, "waiting: " + gate.waiting() + ", served now: " + gate.inUse());
        assertTrue(gate.inUse() <= 1, "permits held: " + gate.inUse());
    }

    @Test
    @Order(4)
    @RunAsClient
    void thePageOpensByItselfAndTheApiCallIsServedInTurn() throws Exception {
        Browser family = (Browser) SurgeQueueIT.family;
        family.await(By.id("how"));
        assertTrue(family.driver.getCurrentUrl().endsWith("/espace/ma-demande.xhtml"), family.driver.getCurrentUrl());
        assertTrue(family.driver.findElements(By.id("position")).isEmpty());
        assertEquals("", family.accessibilityViolations(), "axe-core, the page once admitted");
        HttpResponse<String> served = FamilyApiIT.call(StackLauncher.ALPHA, "POST", FamilyApiIT.API + "/reservations", token,
                "{\"elements\": []}", ticket);
        FamilyApiIT.error(served, 400, "selection_vide");
        assertFalse(served.headers().firstValue("Retry-After").isPresent());
    }

    /** Mon planning's family (typed Object: PlanningWalkIT.Phone is not deployed), its two browsers: with and without JavaScript. */
    static Object phone;
    static Object tapper;
    static Object plain;

    @Test
    @Order(5)
    @RunAsClient
    void aFamilyOpensMonPlanningInTwoBrowsers() throws Exception {
        PlanningWalkIT.Phone p = PlanningWalkIT.phoneFamily("Affluence2026");
        phone = p;
        tapper = new Browser();
        plain = new Browser(false);
        SurgeQueueWalk.open(p, (Browser) tapper, (Browser) plain);
    }

    @Test
    @Order(6)
    void holdAlphasGateFullAgain() throws Exception {
        holdAlphasGateFull();
    }

    @Test
    @Order(7)
    @RunAsClient
    void aTapAndAPlainPostWaitInTheQueueWithNothingLost() throws Exception {
        SurgeQueueWalk.queue((PlanningWalkIT.Phone) phone, (Browser) tapper, (Browser) plain);
    }

    @Test
    @Order(8)
    void freeTheGateAgain() throws Exception {
        FairGate gate = gates.of(StackLauncher.ALPHA);
        for (int i = 0; i < gate.permits(); i++) {
            gate.release();
        }
        // the tap, sent again by planning.js in its place, is served; the plain post waits for its button
        long until = System.currentTimeMillis() + 15_000;
        while (gate.waiting() > 1 && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertTrue(gate.waiting() <= 1, "waiting: " + gate.waiting() + ", served now: " + gate.inUse());
    }

    @Test
    @Order(9)
    @RunAsClient
    void theTapCompletesOnceAndThePostedFormKeepsItsSelection() throws Exception {
        SurgeQueueWalk.served((PlanningWalkIT.Phone) phone, (Browser) tapper, (Browser) plain);
    }

    @AfterAll
    static void close() throws Exception {
        for (Object b : new Object[] {family, tapper, plain}) {
            if (b != null) {
                ((AutoCloseable) b).close();
            }
        }
        family = null;
        tapper = null;
        plain = null;
    }
}
