package fr.portailfamille.it;

import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static fr.portailfamille.it.support.StackLauncher.BETA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.devstack.DevStack;
import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keycloak, then PostgreSQL, really stopped under the running platform: visitors get the French
 * "service momentanément indisponible" page with status 503, the log grows by a bounded amount (no
 * stack trace per request), and once the services are back the next requests work without a restart.
 * The stack is shared by the whole test run: both services are restarted in {@code finally}, and the
 * test waits until the platform answers normally again.
 */
@ExtendWith(ArquillianExtension.class)
@Order(Order.DEFAULT + 2) // it stops and restarts the shared stack: the last class of the run (after ClusterFailoverIT)
class OutageIT {

    static final int PORT = Integer.getInteger("it.port.platform");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    /** Failing requests sent while the database is down. */
    static final int FAILING_REQUESTS = 300;
    /**
     * What those requests may add to the log: one short line each (about 300 bytes), a few warnings and
     * at most one stack trace per kind of failure; a stack trace per request (12 KB) is far above.
     */
    static final long LOG_BUDGET = FAILING_REQUESTS * 1_000L + 40_000L;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platformWar();
    }

    static HttpResponse<String> get(String slug, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                .header("Host", slug + ".localhost:" + PORT).header("Accept-Language", "fr-FR,fr;q=0.9")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Payara Micro's log files (payara-micro.log, .log.0, rotated ones), without the lock file. */
    static List<Path> logFiles() throws IOException {
        Path dir = Path.of(System.getProperty("pf.devstack.dir"));
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("payara-micro.log")
                    && !p.getFileName().toString().endsWith(".lck")).sorted().toList();
        }
    }

    static long logSize() throws IOException {
        long size = 0;
        for (Path p : logFiles()) {
            size += Files.size(p);
        }
        return size;
    }

    static String logText() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path p : logFiles()) {
            all.append(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    /** A probe as the kubelet sends it: straight to the pod (Host = its address). */
    static HttpResponse<String> probe(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the readiness response lists that check with that status. */
    static boolean check(HttpResponse<String> r, String name, String status) {
        return r.body().matches("(?s).*\\{\\s*\"name\"\\s*:\\s*\"" + name + "\"\\s*,\\s*\"status\"\\s*:\\s*\""
                + status + "\".*");
    }

    static void assertUnavailablePage(HttpResponse<String> r, String what) {
        assertEquals(503, r.statusCode(), what + " : " + r.body());
        assertTrue(r.body().contains("Service momentanément indisponible"), what + " : " + r.body());
        assertTrue(r.body().contains("réessayez dans quelques minutes"), what);
        String id = r.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertTrue(r.body().contains(id), what + " : code de corrélation");
        assertFalse(r.body().contains("Exception"), what);
        assertTrue(r.headers().firstValue("Retry-After").isPresent(), what);
    }

    @Test
    void outagesOfKeycloakAndPostgresGiveA503PageABoundedLogAndRecover() throws Exception {
        DevStack stack = StackLauncher.stack();
        assertEquals(200, get(ALPHA, "/").statusCode(), "la plateforme répond avant la panne");
        boolean keycloakStopped = false;
        boolean postgresStopped = false;
        try {
            // 1. Keycloak down: "Se connecter" gives the 503 page, not a browser error
            stack.stopKeycloak();
            keycloakStopped = true;
            // the platform remembers for 5 s per realm that Keycloak answered (OidcClient.identityAvailable): a login
            // started by the class run just before may still be remembered
            long known = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            HttpResponse<String> login = get(ALPHA, "/espace/accueil.xhtml");
            while (login.statusCode() == 302 && System.nanoTime() < known) {
                Thread.sleep(1000);
                login = get(ALPHA, "/espace/accueil.xhtml");
            }
            assertUnavailablePage(login, "Se connecter, Keycloak arrêté");
            // the pod is taken out of the Service (not ready) but never restarted (alive)
            HttpResponse<String> withoutKeycloak = probe("/health/ready");
            assertEquals(503, withoutKeycloak.statusCode(), withoutKeycloak.body());
            assertTrue(check(withoutKeycloak, "keycloak", "DOWN") && check(withoutKeycloak, "database", "UP"),
                    withoutKeycloak.body());
            assertEquals(200, probe("/health/live").statusCode());
            assertEquals(200, probe("/health/started").statusCode());
            try (Browser b = new Browser()) {
                b.get("http://alpha.localhost:" + PORT + "/");
                b.await(org.openqa.selenium.By.id("login")).click();
                assertEquals("Service momentanément indisponible",
                        b.await(org.openqa.selenium.By.id("error-title")).getText(), b::snapshot);
            }
            assertEquals(200, get(ALPHA, "/").statusCode(), "les pages publiques restent servies");

            // 2. PostgreSQL down too: every page is the 503 page; the log stays small
            long before = logSize();
            stack.stopPostgres();
            postgresStopped = true;
            for (int i = 0; i < FAILING_REQUESTS; i++) {
                String slug = i % 2 == 0 ? ALPHA : BETA;
                String path = List.of("/", "/index.xhtml", "/api/commune", "/espace/accueil.xhtml").get(i % 4);
                HttpResponse<String> r = get(slug, path);
                if (path.startsWith("/api/")) {
                    // the commune's public card needs no database while the commune is still known (10 s)
                    assertTrue(r.statusCode() == 200 || r.statusCode() == 503 && r.body().contains("service_indisponible"),
                            path + " " + r.statusCode() + " " + r.body());
                } else {
                    assertUnavailablePage(r, slug + path + " (requête " + i + ")");
                }
            }
            // a tap sent by AJAX (Mon planning, the day sheet) gets what faces.js follows: a redirect to the 503 page with
            // its correlation id — an HTML page in answer to it would be dropped unread, the tap silently lost
            HttpResponse<String> tap = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                            + "/espace/planning.xhtml")).header("Host", ALPHA + ".localhost:" + PORT)
                    .header("Faces-Request", "partial/ajax").header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString("jakarta.faces.partial.ajax=true"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, tap.statusCode(), tap.body());
            assertTrue(tap.body().matches("(?s).*<partial-response><redirect url=\"/erreur/statut\\.xhtml\\?statut=503&amp;code=[0-9a-f]{12}\">.*"),
                    tap.body());
            long probeStart = System.nanoTime();
            HttpResponse<String> notReady = probe("/health/ready");
            assertEquals(503, notReady.statusCode(), notReady.body());
            assertTrue(check(notReady, "database", "DOWN"), notReady.body());
            assertTrue(System.nanoTime() - probeStart < Duration.ofSeconds(8).toNanos(), "réponse dans le délai de la sonde");
            assertEquals(200, probe("/health/live").statusCode(), "la base arrêtée ne fait pas redémarrer le pod");
            long growth = logSize() - before;
            assertTrue(growth < LOG_BUDGET, "le journal a grossi de " + growth + " octets pour " + FAILING_REQUESTS
                    + " requêtes (limite " + LOG_BUDGET + ")");
            String log = logText();
            assertTrue(log.contains("Panne : la base de données ne répond pas"), "la panne est signalée une fois");
        } finally {
            if (postgresStopped) {
                stack.startPostgres();
            }
            if (keycloakStopped) {
                stack.startKeycloak();
            }
        }
        // 3. back: the next requests work, without restarting the platform
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = get(ALPHA, "/").statusCode();
            if (status == 200) {
                break;
            }
            Thread.sleep(1000);
        }
        assertEquals(200, status, "la plateforme répond de nouveau");
        HttpResponse<String> ready = probe("/health/ready");
        while (ready.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            ready = probe("/health/ready");
        }
        assertEquals(200, ready.statusCode(), "de nouveau prête : " + ready.body());
        assertEquals(200, get(BETA, "/").statusCode());
        HttpResponse<String> login = get(ALPHA, "/espace/accueil.xhtml");
        assertEquals(302, login.statusCode(), login.body());
        assertTrue(login.headers().firstValue("Location").orElse("").contains("/realms/pf-alpha/"));
        String log = logText();
        assertTrue(log.contains("Fin de panne : la base de données répond de nouveau"), "fin de panne et compte");
        assertTrue(log.contains("requête(s) refusée(s) pendant la panne"));
    }
}
