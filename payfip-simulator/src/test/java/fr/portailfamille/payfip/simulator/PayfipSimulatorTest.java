package fr.portailfamille.payfip.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import fr.portailfamille.payfip.client.FonctionnelleErreur_Exception;
import fr.portailfamille.payfip.client.PaiementSecuriseService;
import fr.portailfamille.payfip.client.PaiementSecuriseService_Service;
import fr.portailfamille.payfip.client.reponse.RecupererDetailPaiementSecuriseRequest;
import fr.portailfamille.payfip.client.reponse.RecupererDetailPaiementSecuriseResponse;
import fr.portailfamille.payfip.client.requete.CreerPaiementSecuriseRequest;
import jakarta.xml.ws.BindingProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator through the client generated from the committed WSDL (what the platform's adapter uses) and its
 * payment page over HTTP, with a small receiver standing for the platform's {@code urlnotif}.
 */
class PayfipSimulatorTest {

    private static PayfipSimulator simulator;
    private static PaiementSecuriseService soap;
    private static HttpServer platform;
    private static final List<String> notifications = new CopyOnWriteArrayList<>();
    private static final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @BeforeAll
    static void start() throws Exception {
        simulator = PayfipSimulator.start(0);
        soap = new PaiementSecuriseService_Service().getPaiementSecuriseServicePort();
        ((BindingProvider) soap).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                simulator.endpoint());
        platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        platform.createContext("/payfip/notification", exchange -> {
            try (exchange) {
                notifications.add(new String(exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        platform.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        platform.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
        platform.stop(0);
    }

    @BeforeEach
    void reset() {
        notifications.clear();
        simulator.notification(NotificationMode.BEFORE_REDIRECT, 1);
        simulator.afterRedirectDelay(Duration.ofMillis(200));
        simulator.clock(java.time.Clock.system(java.time.ZoneId.of("Europe/Paris")));
    }

    @Test
    void anOperationNotDecidedFifteenMinutesAfterItsCreationExpiresWithP4() throws Exception {
        String idOp = create("1500");
        java.time.Clock now = java.time.Clock.system(java.time.ZoneId.of("Europe/Paris"));
        simulator.clock(java.time.Clock.offset(now, Duration.ofMinutes(14).plusSeconds(50)));
        assertEquals("P5", assertThrows(FonctionnelleErreur_Exception.class, () -> detail(idOp)).getFaultInfo().getCode(),
                "still on the page 14 minutes later");
        simulator.clock(java.time.Clock.offset(now, PayfipSimulator.EXPIRY.plusSeconds(1)));
        assertEquals("P4", assertThrows(FonctionnelleErreur_Exception.class, () -> detail(idOp)).getFaultInfo().getCode());
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(simulator.paymentPage()
                + "?idop=" + idOp)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(410, page.statusCode());
        assertTrue(page.body().contains("Paiement expiré"), page.body());
        assertEquals(410, choose(idOp, "payer", "carte", null).statusCode(), "too late to pay");
        assertTrue(notifications.isEmpty());
        // a payment decided in time keeps its result afterwards
        simulator.clock(now);
        String paid = create("1600");
        assertEquals(303, choose(paid, "payer", "carte", null).statusCode());
        simulator.clock(java.time.Clock.offset(now, Duration.ofHours(2)));
        assertEquals("P", detail(paid).getResultrans());
    }

    @Test
    void servesTheCommittedWsdlAtThePayfipPath() throws Exception {
        HttpResponse<String> wsdl = browser.send(HttpRequest.newBuilder(URI.create(simulator.endpoint() + "?wsdl"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("creerPaiementSecurise"), wsdl.body());
        assertTrue(wsdl.body().contains("recupererDetailPaiementSecurise"));
        assertTrue(wsdl.body().contains(simulator.endpoint()), "the address is the simulator's");
    }

    @Test
    void createGivesAnIdOpWhoseResultIsNotKnownUntilThePayerDecides() throws Exception {
        String idOp = create("1234");
        assertTrue(idOp.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "as PayFiP's: " + idOp);
        FonctionnelleErreur_Exception pending = assertThrows(FonctionnelleErreur_Exception.class, () -> detail(idOp));
        assertEquals("P5", pending.getFaultInfo().getCode());
        assertEquals(SimulatedPaiementSecuriseService.FAULT_STRING, pending.getMessage(), "PayFiP's fault string");
        FonctionnelleErreur_Exception unknown = assertThrows(FonctionnelleErreur_Exception.class,
                () -> detail("inconnu"));
        assertEquals("P1", unknown.getFaultInfo().getCode());
    }

    @Test
    void payingOnThePageGivesPWithTheAmountAndRedirectsWithTheIdOp() throws Exception {
        String idOp = create("1234");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(simulator.paymentPage()
                + "?idop=" + idOp)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("12,34\u00a0€"), page.body());
        assertTrue(page.body().contains("<html lang=\"fr\">"));
        assertTrue(page.body().contains("value=\"payer\">Payer</button>"));

        HttpResponse<String> redirect = choose(idOp, "payer", "carte", null);
        assertEquals(303, redirect.statusCode());
        assertEquals("http://127.0.0.1:" + platform.getAddress().getPort() + "/retour?facture=F1&idOp=" + idOp,
                redirect.headers().firstValue("Location").orElseThrow());
        assertEquals(List.of("idOp=" + idOp), notifications, "notified once, before the redirect");

        RecupererDetailPaiementSecuriseResponse d = detail(idOp);
        assertEquals("P", d.getResultrans());
        assertEquals("1234", d.getMontant());
        assertEquals(idOp, d.getIdOp());
        assertEquals("F2026000123", d.getRefdet());
        assertEquals("123456", d.getNumcli());
        assertEquals("T", d.getSaisie());
        assertTrue(d.getNumauto().matches("\\d{6}"), d.getNumauto());
        assertTrue(d.getDattrans().matches("\\d{8}") && d.getHeurtrans().matches("\\d{4}"));

        assertEquals(409, choose(idOp, "refuser", "carte", null).statusCode(), "decided once only");
        assertEquals(409, browser.send(HttpRequest.newBuilder(URI.create(simulator.paymentPage() + "?idop=" + idOp))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void everyDecisionGivesItsPayfipLetter() throws Exception {
        record Case(String choix, String moyen, String letter) {
        }
        for (Case c : List.of(new Case("payer", "prelevement", "V"), new Case("refuser", "carte", "R"),
                new Case("refuser", "prelevement", "Z"), new Case("abandonner", "carte", "A"))) {
            String idOp = create("2500");
            assertEquals(303, choose(idOp, c.choix(), c.moyen(), null).statusCode());
            RecupererDetailPaiementSecuriseResponse d = detail(idOp);
            assertEquals(c.letter(), d.getResultrans(), c.toString());
            if (!"V".equals(c.letter())) {
                assertNull(d.getNumauto(), "no authorisation without payment");
            }
        }
    }

    @Test
    void theNotificationComesAfterTheRedirectNeverOrTenTimesAsChosen() throws Exception {
        simulator.notification(NotificationMode.AFTER_REDIRECT, 1);
        String after = create("1000");
        assertEquals(303, choose(after, "payer", "carte", null).statusCode());
        assertEquals(List.of(), notifications, "not yet when the browser is redirected");
        awaitNotifications(1);
        assertEquals(List.of("idOp=" + after), notifications);

        notifications.clear();
        String never = create("1000");
        assertEquals(303, choose(never, "payer", "carte", "NEVER").statusCode(), "chosen on the page");
        Thread.sleep(400);
        assertEquals(List.of(), notifications);
        assertEquals("P", detail(never).getResultrans(), "the result is there all the same");

        simulator.notification(NotificationMode.REPEATED, 10);
        String repeated = create("1000");
        assertEquals(303, choose(repeated, "payer", "carte", null).statusCode());
        assertEquals(10, notifications.size(), "ten notifications answered before the redirect");
        assertTrue(notifications.stream().allMatch(("idOp=" + repeated)::equals));
        assertEquals(10, simulator.payment(repeated).orElseThrow().notificationStatuses().stream()
                .filter(s -> s == 200).count());
    }

    @Test
    void wrongFieldsAreRefusedWithPayfipCodes() {
        assertEquals("M1", code(request("12.5", "123456", "T")));
        assertEquals("M3", code(request("99", "123456", "T")));
        assertEquals("T1", code(request("1000", "12345", "T")));
        assertEquals("S1", code(request("1000", "123456", "Q")));
        CreerPaiementSecuriseRequest badMail = request("1000", "123456", "T");
        badMail.setMel("personne");
        assertEquals("A2", code(badMail));
        CreerPaiementSecuriseRequest badRef = request("1000", "123456", "T");
        badRef.setRefdet("F-2026/1");
        assertEquals("R3", code(badRef));
        CreerPaiementSecuriseRequest shortRef = request("1000", "123456", "T");
        shortRef.setRefdet("ABCD");
        assertEquals("R3", code(shortRef), "fewer than 6 characters, as PayFiP");
    }

    private static String code(CreerPaiementSecuriseRequest r) {
        return assertThrows(FonctionnelleErreur_Exception.class, () -> soap.creerPaiementSecurise(r))
                .getFaultInfo().getCode();
    }

    private static void awaitNotifications(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (notifications.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static HttpResponse<String> choose(String idOp, String choix, String moyen, String notification)
            throws Exception {
        String form = "idop=" + idOp + "&moyen=" + moyen + "&choix=" + choix
                + (notification == null ? "" : "&notification=" + notification);
        return browser.send(HttpRequest.newBuilder(URI.create(simulator.paymentPage()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String create(String cents) throws Exception {
        return soap.creerPaiementSecurise(request(cents, "123456", "T")).getIdOp();
    }

    private static CreerPaiementSecuriseRequest request(String cents, String numcli, String saisie) {
        String platformUrl = "http://127.0.0.1:" + platform.getAddress().getPort();
        CreerPaiementSecuriseRequest r = new CreerPaiementSecuriseRequest();
        r.setNumcli(numcli);
        r.setExer("2026");
        r.setRefdet("F2026000123");
        r.setObjet("Facture de novembre 2026");
        r.setMontant(cents);
        r.setMel("parent@alpha.test");
        r.setUrlnotif(platformUrl + "/payfip/notification");
        r.setUrlredirect(platformUrl + "/retour?facture=F1");
        r.setSaisie(saisie);
        return r;
    }

    private static RecupererDetailPaiementSecuriseResponse detail(String idOp) throws Exception {
        RecupererDetailPaiementSecuriseRequest r = new RecupererDetailPaiementSecuriseRequest();
        r.setIdOp(idOp);
        return soap.recupererDetailPaiementSecurise(r);
    }
}
