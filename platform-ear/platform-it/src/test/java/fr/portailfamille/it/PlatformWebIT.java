package fr.portailfamille.it;

import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static fr.portailfamille.it.support.StackLauncher.BETA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.DirectGrantTestClient;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.tenancy.CommuneRules;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The platform as users and attackers see it: the real WAR on Payara Micro, each commune's Keycloak
 * realm, headless Chromium. Two communes, alpha and beta, provisioned by {@link StackLauncher}.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformWebIT {

    static final int PORT = Integer.getInteger("it.port.platform");
    // HTTP/1.1: with h2c the Host header would be replaced by the URI authority
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final String TEST_CLIENT = "pf-test-direct-grant";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platformWar();
    }

    static String url(String slug) {
        return "http://" + slug + ".localhost:" + PORT;
    }

    /** A request sent to 127.0.0.1 with any Host header, as an attacker could. */
    static HttpResponse<String> get(String host, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                .header("Host", host).timeout(Duration.ofSeconds(20));
        if (!headers.containsKey("Accept-Language")) {
            b.header("Accept-Language", "fr-FR,fr;q=0.9");
        }
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String host(String slug) {
        return slug + ".localhost:" + PORT;
    }

    /**
     * A test-only client with direct grants in each realm, so that the tests can obtain real access
     * tokens; the platform's own client stays code-flow only.
     */
    @BeforeAll
    static void createTokenClients() {
        for (String slug : List.of(ALPHA, BETA)) {
            DirectGrantTestClient.ensure(StackLauncher.stack().keycloakAdmin().realm(CommuneRules.realmName(slug)),
                    TEST_CLIENT, "portail-famille");
        }
    }

    static String accessToken(String slug, String email, String password) throws Exception {
        // ensured each time: a test may have run the realm's hardening since, which turns its direct grants off
        DirectGrantTestClient.ensure(StackLauncher.stack().keycloakAdmin().realm(CommuneRules.realmName(slug)),
                TEST_CLIENT, "portail-famille");
        return DirectGrantTestClient.token(CommuneRules.realmName(slug), TEST_CLIENT, email, password);
    }

    // ---- commune resolution -------------------------------------------------------------------

    @Test
    void eachCommuneIsServedAtItsSubdomainAndCustomDomain() throws Exception {
        HttpResponse<String> alpha = get(host(ALPHA), "/", Map.of());
        assertEquals(200, alpha.statusCode());
        assertTrue(alpha.body().contains("Commune Alpha"));
        assertTrue(alpha.body().contains("Bienvenue sur le portail famille"), "français par défaut");
        HttpResponse<String> custom = get("alpha.example.test", "/", Map.of());
        assertEquals(200, custom.statusCode());
        assertTrue(custom.body().contains("Commune Alpha"));
        HttpResponse<String> beta = get(host(BETA), "/", Map.of());
        assertTrue(beta.body().contains("Commune Bêta"));
        assertFalse(beta.body().contains("Commune Alpha"));
        HttpResponse<String> english = get(host(ALPHA), "/", Map.of("Accept-Language", "en-GB,en"));
        assertTrue(english.body().contains("Welcome to the family portal"));
    }

    @Test
    void unknownHostGetsAClear404() throws Exception {
        for (String host : List.of("inconnue.localhost:" + PORT, "localhost:" + PORT, "familles.evil.example",
                "127.0.0.1:" + PORT)) {
            HttpResponse<String> r = get(host, "/", Map.of());
            assertEquals(404, r.statusCode(), host);
            assertTrue(r.body().contains("Ce portail famille n'existe pas"), host);
            assertFalse(r.body().contains("Exception"), host);
        }
        HttpResponse<String> api = get("inconnue.localhost", "/api/commune", Map.of());
        assertEquals(404, api.statusCode());
        assertTrue(api.body().contains("commune_inconnue"));
    }

    @Test
    void communeNamedInParameterMustMatchTheHost() throws Exception {
        assertEquals(400, get(host(ALPHA), "/?commune=beta", Map.of()).statusCode());
        assertEquals(400, get(host(ALPHA), "/api/commune?tenant=beta", Map.of()).statusCode());
        assertEquals(200, get(host(ALPHA), "/?commune=alpha", Map.of()).statusCode());
        HttpResponse<String> api = get(host(ALPHA), "/api/commune", Map.of());
        assertTrue(api.body().contains("\"slug\":\"alpha\""), api.body());
    }

    @Test
    void brandingIsTheCommunes() throws Exception {
        assertTrue(get(host(ALPHA), "/branding.css", Map.of()).body().contains("--pf-primary: #1d4f91"));
        assertTrue(get(host(BETA), "/branding.css", Map.of()).body().contains("--pf-primary: #7a1f3d"));
        HttpResponse<String> logo = get(host(BETA), "/logo", Map.of());
        assertTrue(logo.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertTrue(logo.body().startsWith("<svg"));
    }

    @Test
    void unexpectedErrorShowsAFriendlyPageWithItsCorrelationId() throws Exception {
        // the page FailureFilter sends any unexpected failure to (FailureFilterTest: what it logs and answers)
        HttpResponse<String> r = get(host(ALPHA), "/erreur/500.xhtml", Map.of("Accept-Language", "fr"));
        String id = r.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertTrue(r.body().contains("Une erreur est survenue"), r.body());
        assertTrue(r.body().contains(id), "code de corrélation affiché");
        assertTrue(r.body().contains("Commune Alpha"), "page aux couleurs de la commune");
        assertFalse(r.body().contains("Exception"), "pas de trace technique");
    }

    /** A form posted with a view state the server does not have (the session ended, a forged form). */
    static HttpResponse<String> postExpired(String referer, boolean ajax) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/index.xhtml"))
                .header("Host", host(ALPHA)).header("Accept-Language", "fr")
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (referer != null) {
            b.header("Referer", referer);
        }
        if (ajax) {
            b.header("Faces-Request", "partial/ajax");
        }
        return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString("jakarta.faces.ViewState=forge&form=form"
                + (ajax ? "&jakarta.faces.partial.ajax=true&jakarta.faces.source=form" : ""))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPageWhoseStateExpiredIsOpenedAgainWithANoticeNotAnError() throws Exception {
        HttpResponse<String> plain = postExpired(null, false);
        assertEquals(302, plain.statusCode(), plain.body());
        assertTrue(plain.headers().firstValue("Location").orElseThrow().endsWith("/index.xhtml?expiree=1"),
                plain.headers().toString());
        // the page the browser was on, with its parameters, when it is this site's; never another site's
        HttpResponse<String> back = postExpired(url(ALPHA) + "/espace/planning.xhtml?enfant=3&mois=2027-01", false);
        assertTrue(back.headers().firstValue("Location").orElseThrow()
                .endsWith("/espace/planning.xhtml?enfant=3&mois=2027-01&expiree=1"), back.headers().toString());
        HttpResponse<String> foreign = postExpired("https://evil.example/espace/planning.xhtml", false);
        assertTrue(foreign.headers().firstValue("Location").orElseThrow().endsWith("/index.xhtml?expiree=1"),
                foreign.headers().toString());
        // a tap (AJAX): Faces' partial redirect, which its script follows
        HttpResponse<String> tap = postExpired(null, true);
        assertEquals(200, tap.statusCode());
        assertTrue(tap.body().contains("<redirect url=\"") && tap.body().contains("/index.xhtml?expiree=1"), tap.body());
        // the page opened again tells what happened
        HttpResponse<String> page = get(host(ALPHA), "/index.xhtml?expiree=1", Map.of("Accept-Language", "fr"));
        assertTrue(page.body().contains("Cette page avait expiré"), page.body());
        assertFalse(get(host(ALPHA), "/index.xhtml", Map.of()).body().contains("Cette page avait expiré"));

        // a family's page posted once the session itself had ended: the sign-in (which comes back to the page it was sent
        // from, told, its typed values put back: FamilyWebIT); a tap: the sign-in through Faces' partial redirect
        String planning = url(ALPHA) + "/espace/planning.xhtml?enfant=3&mois=2027-01";
        for (boolean ajax : new boolean[] {false, true}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/espace/planning.xhtml"))
                    .header("Host", host(ALPHA)).header("Referer", planning)
                    .header("Content-Type", "application/x-www-form-urlencoded");
            if (ajax) {
                b.header("Faces-Request", "partial/ajax");
            }
            HttpResponse<String> sent = HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(
                    "jakarta.faces.ViewState=ancienne&grid=grid")).build(), HttpResponse.BodyHandlers.ofString());
            String to = ajax ? sent.body() : sent.headers().firstValue("Location").orElse("");
            assertEquals(ajax ? 200 : 302, sent.statusCode(), sent.body());
            assertTrue(to.contains("/realms/pf-alpha/protocol/openid-connect/auth?"), to);
            assertTrue(!ajax || to.startsWith("<?xml") && to.contains("<redirect url=\"") && to.contains("&amp;"), to);
        }
    }

    @Test
    void healthProbesAnswerStraightToThePod() throws Exception {
        // what the kubelet sends: Host = the pod's address, no proxy header
        String pod = "127.0.0.1:" + PORT;
        HttpResponse<String> ready = get(pod, "/health/ready", Map.of());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().matches("(?s).*\\{\\s*\"name\"\\s*:\\s*\"database\"\\s*,\\s*\"status\"\\s*:\\s*\"UP\".*"),
                ready.body());
        assertTrue(ready.body().matches("(?s).*\\{\\s*\"name\"\\s*:\\s*\"keycloak\"\\s*,\\s*\"status\"\\s*:\\s*\"UP\".*"),
                ready.body());
        HttpResponse<String> live = get(pod, "/health/live", Map.of());
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().contains("\"process\""), live.body());
        HttpResponse<String> started = get(pod, "/health/started", Map.of());
        assertEquals(200, started.statusCode(), started.body());
        assertTrue(started.body().contains("\"startup\"") && started.body().contains("migrations"), started.body());
        assertEquals(200, get("localhost:" + PORT, "/health", Map.of()).statusCode());
    }

    /**
     * No HTTP/2 over cleartext: the JDK client asks to upgrade a plain HTTP request (h2c) and gets HTTP/1.1. Grizzly's
     * HTTP/2 deadlocked two listener threads when such a client went away (GOAWAY), and the health check then answered
     * 503 to everything (clean-clone run of 2026-12-03); the preboot commands of the pods, the run command and the tests
     * turn it off.
     */
    @Test
    void anUpgradeToHttp2OverCleartextIsAnsweredInHttp11() throws Exception {
        HttpClient upgrading = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> r = upgrading.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/health/live"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(HttpClient.Version.HTTP_1_1, r.version(), "h2c refusé : la réponse reste en HTTP/1.1");
    }

    @Test
    void metricsAreServedInPrometheusTextStraightToThePod() throws Exception {
        HttpResponse<String> r = get("127.0.0.1:" + PORT, "/metrics", Map.of("Accept", "text/plain"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                r.headers().map().toString());
        assertTrue(r.body().lines().anyMatch(l -> l.startsWith("# TYPE ")), "format texte de Prometheus");
        assertTrue(r.body().lines().anyMatch(l -> l.startsWith("jvm_") || l.startsWith("base_")), "métriques de la JVM");
    }

    @Test
    void healthAndMetricsAreNotServedOnPublicHosts() throws Exception {
        for (String path : List.of("/health", "/health/ready", "/health/live", "/health/started", "/metrics",
                "/metrics/base", "/%68ealth/ready", "/health;x=1/ready", "/./metrics")) {
            HttpResponse<String> commune = get(host(ALPHA), path, Map.of());
            assertEquals(404, commune.statusCode(), "hôte d'une commune " + path + " : " + commune.body());
            assertFalse(commune.body().contains("\"status\""), path + " : " + commune.body());
            assertFalse(commune.body().contains("# TYPE"), path);
            // through the ingress controller (it adds X-Forwarded-For), even with an address as Host
            HttpResponse<String> proxied = get("127.0.0.1:" + PORT, path, Map.of("X-Forwarded-For", "203.0.113.9"));
            assertEquals(404, proxied.statusCode(), "requête relayée " + path + " : " + proxied.body());
            assertFalse(proxied.body().contains("\"status\""), path + " : " + proxied.body());
        }
        // the commune's pages are unaffected
        assertEquals(200, get(host(ALPHA), "/", Map.of()).statusCode());
    }

    // ---- tokens and sessions across communes ---------------------------------------------------

    @Test
    void accessTokenOfAlphaIsRefusedByBeta() throws Exception {
        String token = accessToken(ALPHA, StackLauncher.parent(ALPHA), StackLauncher.PASSWORD_PARENT);
        HttpResponse<String> own = get(host(ALPHA), "/api/moi", Map.of("Authorization", "Bearer " + token));
        assertEquals(200, own.statusCode(), own.body());
        assertTrue(own.body().contains("\"commune\":\"alpha\""), own.body());
        HttpResponse<String> other = get(host(BETA), "/api/moi", Map.of("Authorization", "Bearer " + token));
        assertEquals(401, other.statusCode(), other.body());
        assertTrue(other.body().contains("jeton_invalide"));
        HttpResponse<String> none = get(host(BETA), "/api/moi", Map.of());
        assertEquals(401, none.statusCode());
        // without a token, the API's JSON (code and message), never the container's HTML page
        assertTrue(none.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), none.headers().toString());
        assertTrue(none.body().contains("\"code\":\"non_authentifie\""), none.body());
        assertEquals(401, get(host(ALPHA), "/api/moi", Map.of("Authorization", "Bearer pas-un-jeton")).statusCode());
        // another commune named in the query of an API call: 400 in JSON too
        HttpResponse<String> named = get(host(ALPHA), "/api/moi?commune=beta", Map.of("Authorization", "Bearer " + token));
        assertEquals(400, named.statusCode(), named.body());
        assertTrue(named.body().contains("\"code\":\"commune_incoherente\""), named.body());
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertEquals(401, get(host(ALPHA), "/api/moi", Map.of("Authorization", "Bearer " + tampered)).statusCode());
    }

    @Test
    void parentSignsInToHisCommuneOnly() throws Exception {
        try (Browser b = new Browser()) {
            b.get(url(ALPHA) + "/espace/accueil.xhtml");
            b.await(By.id("username"));
            String loginPage = b.driver.getPageSource();
            assertTrue(b.driver.getCurrentUrl().contains("/realms/pf-alpha/"), b.driver.getCurrentUrl());
            assertTrue(loginPage.contains("Commune Alpha"), "nom de la commune sur la page de connexion");
            assertTrue(loginPage.contains(url(ALPHA) + "/branding.css"), "couleurs de la commune");
            assertTrue(loginPage.contains("lang=\"fr\""), "page de connexion en français");
            b.signIn(StackLauncher.parent(ALPHA), StackLauncher.PASSWORD_PARENT);
            b.awaitUrlStartingWith(url(ALPHA) + "/espace/accueil.xhtml");
            assertEquals("Bonjour Camille Martin-alpha", b.await(By.id("greeting")).getText());
            assertEquals("rgba(29, 79, 145, 1)", b.driver.findElement(By.cssSelector(".pf-header")).getCssValue("background-color"));
            assertEquals("", b.accessibilityViolations(), "axe-core, accueil famille");

            // a parent is not staff
            b.get(url(ALPHA) + "/agent/index.xhtml");
            assertEquals("Accès refusé", b.await(By.id("error-title")).getText());

            // the same browser is not signed in on beta
            b.get(url(BETA) + "/");
            assertTrue(b.await(By.id("login")).isDisplayed());
            b.get(url(BETA) + "/espace/accueil.xhtml");
            b.await(By.id("username"));
            assertTrue(b.driver.getCurrentUrl().contains("/realms/pf-beta/"), b.driver.getCurrentUrl());

            // alpha's session cookie replayed with beta's Host is not a login on beta
            Cookie session = null;
            b.get(url(ALPHA) + "/espace/accueil.xhtml");
            b.await(By.id("greeting"));
            session = b.driver.manage().getCookieNamed("JSESSIONID");
            Map<String, String> cookie = Map.of("Cookie", "JSESSIONID=" + session.getValue());
            HttpResponse<String> onAlpha = get(host(ALPHA), "/espace/accueil.xhtml", cookie);
            assertEquals(200, onAlpha.statusCode());
            assertTrue(onAlpha.body().contains("Mon planning") && onAlpha.body().contains("Bonjour"), "français d'abord");
            HttpResponse<String> english = get(host(ALPHA), "/espace/accueil.xhtml",
                    Map.of("Cookie", "JSESSIONID=" + session.getValue(), "Accept-Language", "en-GB,en;q=0.9"));
            assertTrue(english.body().contains("My planning") && english.body().contains("Hello")
                    && english.body().contains("lang=\"en\""), "anglais ensuite");
            for (String staffOnly : List.of("/agent/document?id=1", "/agent/certificat?id=1", "/agent/configuration.json",
                    "/agent/configuration.xhtml", "/agent/inscriptions.xhtml", "/agent/demandes.xhtml",
                    "/agent/scolaires.xhtml", "/agent/reservations.xhtml", "/agent/certificats.xhtml")) {
                assertEquals(403, get(host(ALPHA), staffOnly, cookie).statusCode(), staffOnly + " : agents seulement");
            }
            // the session cookie on the API: a change sent from another site's page (CSRF) is refused before anything
            for (Map<String, String> foreign : List.of(Map.of("Origin", "https://evil.example"),
                    Map.of("Sec-Fetch-Site", "cross-site"), Map.of("Origin", "http://" + host(BETA)))) {
                Map<String, String> headers = new java.util.HashMap<>(foreign);
                headers.putAll(cookie);
                headers.put("Content-Type", "application/x-www-form-urlencoded");
                HttpResponse<String> forged = send("POST", host(ALPHA), "/api/famille/v1/reservations", headers, "a=b");
                assertEquals(403, forged.statusCode(), foreign.toString());
                assertTrue(forged.body().contains("\"code\":\"origine_refusee\""), forged.body());
            }
            // from the portal's own page (or a client without a browser's headers) it reaches the API, which reads JSON
            Map<String, String> own = new java.util.HashMap<>(cookie);
            own.put("Origin", "http://" + host(ALPHA));
            own.put("Content-Type", "application/x-www-form-urlencoded");
            assertEquals(415, send("POST", host(ALPHA), "/api/famille/v1/reservations", own, "a=b").statusCode());
            HttpResponse<String> onBeta = get(host(BETA), "/espace/accueil.xhtml", cookie);
            assertEquals(302, onBeta.statusCode());
            assertTrue(onBeta.headers().firstValue("Location").orElse("").contains("/realms/pf-beta/"));
            HttpResponse<String> apiOnBeta = get(host(BETA), "/api/moi", cookie);
            assertEquals(401, apiOnBeta.statusCode());

            // logout ends the Keycloak session too and lands on the commune's website
            b.get(url(ALPHA) + "/espace/accueil.xhtml");
            b.submit(By.id("logout"));
            b.awaitUrlStartingWith(url(ALPHA) + "/");
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().equals(url(ALPHA) + "/"));
            assertTrue(b.await(By.id("login")).isDisplayed());
            b.get(url(ALPHA) + "/espace/accueil.xhtml");
            b.await(By.id("username"));
            assertEquals(401, get(host(ALPHA), "/api/moi", cookie).statusCode(), "ancienne session invalidée");
        }
    }

    @Test
    void threeWrongPasswordsLockTheAccountWithAHumanMessage() throws Exception {
        String email = "verrou-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        StackLauncher.stack().realmProvisioner().createUser("pf-alpha", email, "Lou", "Verrou", "Verrou2026", "parent");
        try (Browser b = new Browser()) {
            b.get(url(ALPHA) + "/espace/accueil.xhtml");
            for (int i = 0; i < 3; i++) {
                b.signIn(email, "Mauvais2026");
                b.await(By.id("username"));
                assertTrue(b.driver.getPageSource().contains("mot de passe incorrect")
                        || b.driver.getPageSource().contains("essais de connexion"), "message humain");
            }
            b.signIn(email, "Verrou2026");
            b.await(By.id("username"));
            String locked = b.await(By.cssSelector("#input-error, .kc-feedback-text")).getText();
            assertTrue(locked.contains("essais de connexion échoués"),
                    "compte bloqué, même avec le bon mot de passe : " + b.snapshot());
            assertFalse(b.driver.getCurrentUrl().startsWith(url(ALPHA)));
            // an address without an account gets exactly the same answer: nothing tells who has an account
            b.signIn("personne-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@alpha.test", "Verrou2026");
            b.await(By.id("username"));
            assertEquals(locked, b.await(By.cssSelector("#input-error, .kc-feedback-text")).getText(),
                    "adresse inconnue = compte bloqué");
        }
    }

    @Test
    void agentReachesTheStaffArea() throws Exception {
        try (Browser b = new Browser()) {
            b.get(url(BETA) + "/agent/index.xhtml");
            b.signIn(StackLauncher.agent(BETA), StackLauncher.PASSWORD_AGENT);
            b.awaitUrlStartingWith(url(BETA) + "/agent/index.xhtml");
            assertEquals("Espace agents", b.await(By.id("staff-title")).getText());
            assertEquals("rgba(122, 31, 61, 1)", b.driver.findElement(By.cssSelector(".pf-header")).getCssValue("background-color"));
            assertEquals("", b.accessibilityViolations(), "axe-core, espace agents");

            // medical certificates are health data: not for an agent without the agent-sante role
            b.get(url(BETA) + "/agent/certificats.xhtml");
            assertTrue(b.await(By.id("certificates-health-only")).isDisplayed());
            assertTrue(b.driver.findElements(By.id("queue:table")).isEmpty());
            Map<String, String> cookie = Map.of("Cookie", "JSESSIONID=" + b.driver.manage().getCookieNamed("JSESSIONID").getValue());
            assertEquals(403, get(host(BETA), "/agent/certificat?id=1", cookie).statusCode());
            assertEquals(404, get(host(BETA), "/agent/document?id=987654", cookie).statusCode(), "agents: documents");
        }
        try (Browser b = new Browser()) {
            b.get(url(BETA) + "/agent/certificats.xhtml");
            b.signIn(StackLauncher.healthAgent(BETA), StackLauncher.PASSWORD_AGENT);
            b.awaitUrlStartingWith(url(BETA) + "/agent/certificats.xhtml");
            assertTrue(b.await(By.id("queue:table")).isDisplayed(), "agent-sante: the certificates queue");
            Map<String, String> cookie = Map.of("Cookie", "JSESSIONID=" + b.driver.manage().getCookieNamed("JSESSIONID").getValue());
            assertEquals(404, get(host(BETA), "/agent/certificat?id=987654", cookie).statusCode());
        }
    }

    @Test
    void publicPagesAreAccessible() throws Exception {
        try (Browser b = new Browser()) {
            b.get(url(ALPHA) + "/");
            b.await(By.id("login"));
            assertEquals("fr", b.driver.findElement(By.tagName("html")).getAttribute("lang"));
            axeFindsAPictureWithoutAlternative(b);
            b.get(url(ALPHA) + "/nexiste-pas.xhtml");
            assertEquals("Page introuvable", b.await(By.id("error-title")).getText());
        }
        // without JavaScript the page is checked as served, in a browser with JavaScript: the check finds the same
        try (Browser b = new Browser(false)) {
            b.get(url(ALPHA) + "/");
            b.await(By.id("login"));
            axeFindsAPictureWithoutAlternative(b);
        }
    }

    /** axe-core finds nothing on the page, then exactly a picture without a text alternative put into it. */
    private static void axeFindsAPictureWithoutAlternative(Browser b) {
        assertEquals("", b.accessibilityViolations(), "axe-core, accueil public");
        b.driver.executeScript("var i = document.createElement('img'); i.width = 20; i.height = 20;"
                + " document.querySelector('main').appendChild(i);");
        String found = b.accessibilityViolations();
        assertTrue(found.startsWith("image-alt: "), found);
        assertEquals(1, found.lines().count(), found);
    }

    // ---- issue 8: tokens, cookies, logout, headers, methods, error pages -------------------------

    static HttpResponse<String> send(String method, String host, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                .header("Host", host).header("Accept-Language", "fr-FR,fr;q=0.9").timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void logoutOnlyFromThePortalAndItsIdTokenIsNoAccessToken() throws Exception {
        try (Browser b = new Browser()) {
            b.get(url(ALPHA) + "/espace/accueil.xhtml");
            b.signIn(StackLauncher.parent(ALPHA), StackLauncher.PASSWORD_PARENT);
            b.awaitUrlStartingWith(url(ALPHA) + "/espace/accueil.xhtml");
            b.await(By.id("greeting"));
            Cookie session = b.driver.manage().getCookieNamed("JSESSIONID");
            assertEquals("Lax", session.getSameSite(), "cookie de session SameSite=Lax");
            assertTrue(session.isHttpOnly());
            String cookie = "JSESSIONID=" + session.getValue();
            String form = "application/x-www-form-urlencoded";

            // another site posting the logout form (CSRF), or a post without origin: refused, session kept
            for (Map<String, String> foreign : List.of(
                    Map.of("Cookie", cookie, "Content-Type", form, "Origin", "http://evil.example"),
                    Map.of("Cookie", cookie, "Content-Type", form, "Origin", "http://beta.localhost:" + PORT),
                    Map.of("Cookie", cookie, "Content-Type", form, "Sec-Fetch-Site", "cross-site",
                            "Referer", url(ALPHA) + "/"),
                    Map.of("Cookie", cookie, "Content-Type", form))) {
                HttpResponse<String> refused = send("POST", host(ALPHA), "/deconnexion", foreign, "");
                assertEquals(403, refused.statusCode(), foreign.toString());
                assertTrue(refused.body().contains("Accès refusé"), "page en français");
                assertEquals(200, get(host(ALPHA), "/api/moi", Map.of("Cookie", cookie)).statusCode(), "session gardée");
            }

            // the portal's own form: logged out, sent to Keycloak with the ID token as id_token_hint
            HttpResponse<String> logout = send("POST", host(ALPHA), "/deconnexion",
                    Map.of("Cookie", cookie, "Content-Type", form, "Origin", url(ALPHA)), "");
            assertEquals(302, logout.statusCode(), logout.body());
            String location = logout.headers().firstValue("Location").orElseThrow();
            Matcher hint = Pattern.compile("[?&]id_token_hint=([^&]+)").matcher(location);
            assertTrue(hint.find(), location);
            String idToken = java.net.URLDecoder.decode(hint.group(1), StandardCharsets.UTF_8);
            assertEquals(401, get(host(ALPHA), "/api/moi", Map.of("Cookie", cookie)).statusCode(), "session finie");

            // that ID token (audience portail-famille, signed by the realm) is not an access token
            HttpResponse<String> withIdToken = get(host(ALPHA), "/api/moi", Map.of("Authorization", "Bearer " + idToken));
            assertEquals(401, withIdToken.statusCode(), withIdToken.body());
            assertTrue(withIdToken.body().contains("jeton_invalide"));
            // while a real access token still opens the API
            String access = accessToken(ALPHA, StackLauncher.parent(ALPHA), StackLauncher.PASSWORD_PARENT);
            assertEquals(200, get(host(ALPHA), "/api/moi", Map.of("Authorization", "Bearer " + access)).statusCode());
        }
    }

    @Test
    void sessionCookieCarriesItsAttributesAndHttpsIsKeptBehindTheProxy() throws Exception {
        HttpResponse<String> http = get(host(ALPHA), "/espace/accueil.xhtml", Map.of());
        assertEquals(302, http.statusCode());
        String cookie = http.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError(http.headers().map().toString()));
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertFalse(cookie.contains("Secure"), "http : pas de Secure " + cookie);
        assertTrue(http.headers().firstValue("Location").orElse("").contains(
                URLEncoder.encode(url(ALPHA) + "/oidc/callback", StandardCharsets.UTF_8)));

        // behind the TLS ingress (a trusted proxy, pf.trusted-proxies): Secure cookie, https redirect URI
        HttpResponse<String> https = get(host(ALPHA), "/espace/accueil.xhtml", Map.of("X-Forwarded-Proto", "https"));
        String secure = https.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertTrue(secure.contains("Secure") && secure.contains("SameSite=Lax"), secure);
        assertTrue(https.headers().firstValue("Location").orElse("").contains(
                URLEncoder.encode("https://" + host(ALPHA) + "/oidc/callback", StandardCharsets.UTF_8)),
                https.headers().firstValue("Location").orElse(""));
    }

    @Test
    void pagesSendProtectiveHeaders() throws Exception {
        HttpResponse<String> home = get(host(ALPHA), "/", Map.of());
        assertEquals(200, home.statusCode());
        assertEquals("no-store", home.headers().firstValue("Cache-Control").orElse(""));
        List<String> policies = home.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), "one policy: " + policies);
        String csp = policies.get(0);
        // scripts from the platform only: nothing inline runs
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-eval")
                && !csp.matches(".*script-src[^;]*unsafe-inline.*"), csp);
        assertFalse(home.body().matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "pas de script en ligne");
        assertTrue(csp.contains("frame-ancestors 'self'") && csp.contains("object-src 'none'"), csp);
        // "Se déconnecter" ends on the commune's website, which forms may be redirected to (Chromium checks each redirect)
        String website = StackLauncher.stack().communeUrl(ALPHA);
        assertTrue(csp.matches(".*form-action [^;]*" + java.util.regex.Pattern.quote(website) + "[ ;].*"), csp);
        assertTrue(home.headers().firstValue("Permissions-Policy").orElse("").contains("camera=()"));
        String token = accessToken(ALPHA, StackLauncher.parent(ALPHA), StackLauncher.PASSWORD_PARENT);
        HttpResponse<String> personal = get(host(ALPHA), "/api/moi", Map.of("Authorization", "Bearer " + token));
        assertEquals("no-store", personal.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> notFound = get(host(ALPHA), "/nexiste-pas.xhtml", Map.of());
        assertEquals(404, notFound.statusCode());
        assertTrue(notFound.headers().firstValue("Content-Security-Policy").isPresent(), "pages d'erreur aussi");
    }

    @Test
    void otherMethodsOnPagesAnswer405InFrench() throws Exception {
        // (Payara itself answers 400 to PATCH before the application sees it)
        for (String method : List.of("PUT", "DELETE")) {
            for (String path : List.of("/", "/index.xhtml", "/deconnexion")) {
                HttpResponse<String> r = send(method, host(ALPHA), path, Map.of(), method.equals("DELETE") ? null : "x");
                assertEquals(405, r.statusCode(), method + " " + path);
                assertTrue(r.headers().firstValue("Allow").orElse("").contains("GET"), method + " " + path);
                assertTrue(r.body().contains("Action non permise"), method + " " + path + " : " + r.body());
                assertTrue(r.body().contains(r.headers().firstValue("X-Correlation-Id").orElseThrow()));
            }
        }
    }

    @Test
    void everyCommuneParameterValueIsCheckedAndThe400PageIsFrench() throws Exception {
        for (String query : List.of("?commune=alpha&commune=beta", "?tenant=alpha&tenant=beta", "?slug=alpha&slug=",
                "?commune=beta")) {
            HttpResponse<String> r = get(host(ALPHA), "/" + query, Map.of());
            assertEquals(400, r.statusCode(), query);
            assertTrue(r.body().contains("Demande incorrecte"), query + " : " + r.body());
            assertTrue(r.body().contains("Commune Alpha"), "aux couleurs de la commune");
            assertTrue(r.body().contains(r.headers().firstValue("X-Correlation-Id").orElseThrow()), "code de corrélation");
            assertFalse(r.body().contains("&amp;#39;") || r.body().contains("Bad Request"), r.body());
        }
        assertEquals(200, get(host(ALPHA), "/?commune=alpha&commune=alpha", Map.of()).statusCode());
    }

    /** Records every Content-Security-Policy violation of the pages this browser opens. */
    static void recordCspViolations(Browser b) {
        b.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__csp = []; document.addEventListener('securitypolicyviolation', function (e) {"
                        + " window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber); });"));
    }

    /**
     * The violations recorded on the page, once it is quiet: loaded, no AJAX request pending, and the
     * events already queued delivered (two animation frames, then a task), instead of a fixed pause.
     */
    static String cspViolations(Browser b) {
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(
                b.driver.executeScript("return document.readyState === 'complete'"
                        + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"
                        + " && (!window.jQuery || jQuery.active === 0);")));
        b.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(done, 50); }); });");
        Object v = b.driver.executeScript("return (window.__csp || []).join('\\n');");
        return String.valueOf(v);
    }

    @Test
    void mainPagesSatisfyTheContentSecurityPolicy() throws Exception {
        try (Browser b = new Browser()) {
            recordCspViolations(b);
            b.get(url(ALPHA) + "/");
            b.await(By.id("login"));
            assertEquals("", cspViolations(b), "accueil public");
            b.get(url(ALPHA) + "/nexiste-pas.xhtml");
            b.await(By.id("error-title"));
            assertEquals("", cspViolations(b), "page d'erreur");
            b.get(url(ALPHA) + "/espace/accueil.xhtml");
            b.signIn(StackLauncher.parent(ALPHA), StackLauncher.PASSWORD_PARENT);
            b.awaitUrlStartingWith(url(ALPHA) + "/espace/accueil.xhtml");
            b.await(By.id("greeting"));
            for (String page : List.of("/espace/accueil.xhtml", "/espace/foyer.xhtml", "/espace/enfants.xhtml",
                    "/espace/planning.xhtml", "/espace/inscriptions.xhtml", "/espace/demandes.xhtml")) {
                b.get(url(ALPHA) + page);
                b.await(By.tagName("h1"));
                assertEquals("", cspViolations(b), page);
            }
            b.submit(By.id("logout"));
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().equals(url(ALPHA) + "/"));
        }
        try (Browser b = new Browser()) {
            recordCspViolations(b);
            b.get(url(ALPHA) + "/agent/index.xhtml");
            b.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            b.awaitUrlStartingWith(url(ALPHA) + "/agent/index.xhtml");
            for (String page : List.of("/agent/index.xhtml", "/agent/dossiers.xhtml", "/agent/inscriptions.xhtml",
                    "/agent/demandes.xhtml", "/agent/scolaires.xhtml", "/agent/reservations.xhtml", "/agent/certificats.xhtml",
                    "/agent/pointage.xhtml", "/agent/configuration.xhtml", "/agent/occupation.xhtml")) {
                b.get(url(ALPHA) + page);
                b.await(By.tagName("h1"));
                assertEquals("", cspViolations(b), page);
                // the breadcrumbs: the staff home, then the page; on the home, the home alone (not "Espace agents ›
                // Espace agents")
                List<String> crumbs = b.driver.findElements(By.cssSelector(".pf-crumbs li")).stream()
                        .map(org.openqa.selenium.WebElement::getText).map(String::strip).toList();
                assertEquals(page.equals("/agent/index.xhtml") ? 1 : 2, crumbs.size(), page + " : " + crumbs);
                assertEquals("Espace agents", crumbs.get(0), page + " : " + crumbs);
            }
            // a configuration section: the staff home, the configuration, the section by its name (its title says more)
            b.get(url(ALPHA) + "/agent/configuration/tarifs.xhtml");
            b.await(By.tagName("h1"));
            assertEquals(List.of("Espace agents", "Configuration de la commune", "Tarifs"),
                    b.driver.findElements(By.cssSelector(".pf-crumbs li")).stream()
                            .map(org.openqa.selenium.WebElement::getText).map(String::strip).toList());
            assertEquals("Tarifs – Configuration de la commune – Commune Alpha", b.driver.getTitle());
        }
    }
}
