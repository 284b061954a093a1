package fr.portailfamille.it;

import static fr.portailfamille.it.support.GeneratedFamilies.COMMUNE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.GeneratedFamilies;
import fr.portailfamille.it.support.StackLauncher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff back office as agents use it, in Chromium, over the 5,000 generated families of the commune
 * gamma: the staff layout (menu with counts, breadcrumbs), the families list (filter, sort, page, CSV and
 * XLSX exports of the filtered list, formulas neutralised), a family's file with its tabs — axe-checked,
 * under the Content-Security-Policy with PrimeFaces' nonce (no violation, AJAX included); family pages
 * load no PrimeFaces theme or script; and the time a families page takes over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class StaffWebIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platformWar();
    }

    static String url() {
        return PlatformWebIT.url(COMMUNE);
    }

    static final Pattern PRIMEFACES_RESOURCE = Pattern.compile("ln=primefaces|primefaces-saga|primeicons|theme\\.css");

    @Test
    void familyPagesDownloadNoPrimeFacesThemeOrScript() throws Exception {
        HttpResponse<String> home = PlatformWebIT.get(PlatformWebIT.host(COMMUNE), "/", Map.of());
        assertEquals(200, home.statusCode());
        assertFalse(PRIMEFACES_RESOURCE.matcher(home.body()).find(), home.body());
        HttpResponse<String> notFound = PlatformWebIT.get(PlatformWebIT.host(COMMUNE), "/nexiste-pas.xhtml", Map.of());
        assertFalse(PRIMEFACES_RESOURCE.matcher(notFound.body()).find(), notFound.body());
        try (Browser b = new Browser()) {
            b.get(url() + "/espace/accueil.xhtml");
            b.signIn(StackLauncher.parent(COMMUNE), StackLauncher.PASSWORD_PARENT);
            b.awaitUrlStartingWith(url() + "/espace/accueil.xhtml");
            for (String page : List.of("/espace/accueil.xhtml", "/espace/foyer.xhtml", "/espace/demandes.xhtml")) {
                b.get(url() + page);
                b.await(By.tagName("h1"));
                String html = b.driver.getPageSource();
                assertFalse(PRIMEFACES_RESOURCE.matcher(html).find(), page + " : " + html);
                Object resources = b.driver.executeScript("return performance.getEntriesByType('resource').map(e => e.name).join('\\n');");
                assertFalse(PRIMEFACES_RESOURCE.matcher(String.valueOf(resources)).find(), page + " : " + resources);
            }
            // a plain form still posts under PrimeFaces' CSP mode (the nonce field comes from the server)
            b.get(url() + "/espace/foyer.xhtml");
            WebElement nonce = b.driver.findElement(By.cssSelector("form input[name='primefaces.nonce']"));
            assertFalse(nonce.getAttribute("value").isBlank());
            // a parent is not staff: the staff pages and the families list answer 403
            b.get(url() + "/agent/familles.xhtml");
            assertEquals("Accès refusé", b.await(By.id("error-title")).getText());
        }
    }

    /** Signs the gamma agent in and returns the session cookie header. */
    static String signInAgent(Browser b) {
        b.get(url() + "/agent/index.xhtml");
        b.signIn(StackLauncher.agent(COMMUNE), StackLauncher.PASSWORD_AGENT);
        b.awaitUrlStartingWith(url() + "/agent/index.xhtml");
        return "JSESSIONID=" + b.driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    @Test
    void staffPagesSendOnePolicyWithPrimeFacesNonce() throws Exception {
        try (Browser b = new Browser()) {
            String cookie = signInAgent(b);
            for (String page : List.of("/agent/index.xhtml", "/agent/familles.xhtml")) {
                HttpResponse<String> r = PlatformWebIT.get(PlatformWebIT.host(COMMUNE), page, Map.of("Cookie", cookie));
                assertEquals(200, r.statusCode(), page);
                List<String> policies = r.headers().allValues("Content-Security-Policy");
                assertEquals(1, policies.size(), page + " : " + policies);
                String csp = policies.get(0);
                Matcher m = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'").matcher(csp);
                assertTrue(m.find(), csp);
                String nonce = m.group(1);
                assertFalse(csp.matches(".*script-src[^;]*unsafe-inline.*") || csp.contains("unsafe-eval"), csp);
                assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'self'")
                        && csp.contains("object-src 'none'") && csp.contains("form-action 'self'"), csp);
                // every script of the page carries that nonce
                Matcher scripts = Pattern.compile("<script\\b[^>]*>").matcher(r.body());
                int count = 0;
                while (scripts.find()) {
                    count++;
                    assertTrue(scripts.group().contains("nonce=\"" + nonce + "\""), page + " : " + scripts.group());
                }
                assertTrue(count > 0, "les pages des agents chargent PrimeFaces");
                assertTrue(r.body().contains("primefaces-saga-blue") && r.body().contains("primeicons"), "thème sur les pages des agents");
                // a new nonce for each response
                HttpResponse<String> again = PlatformWebIT.get(PlatformWebIT.host(COMMUNE), page, Map.of("Cookie", cookie));
                assertFalse(again.headers().firstValue("Content-Security-Policy").orElseThrow().contains(nonce));
            }
        }
    }

    /** Waits through AJAX updates: a row read while PrimeFaces replaces the table's body is read again. */
    static org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> waitFor(Browser b) {
        return new WebDriverWait(b.driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    static String report(Browser b) {
        return b.driver.findElement(By.cssSelector("#list\\:familles .ui-paginator-current")).getText();
    }

    static void awaitReport(Browser b, String part) {
        try {
            waitFor(b).until(d -> report(b).contains(part));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("« " + part + " » attendu, obtenu « " + report(b) + " » " + b.snapshot(), e);
        }
    }

    static List<String> column(Browser b, String cssClass) {
        return b.driver.findElements(By.cssSelector("#list\\:familles tbody ." + cssClass)).stream().map(WebElement::getText).toList();
    }

    void screenshot(Browser b, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), b.driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void agentFiltersSortsPagesAndExportsTheFamilies() throws Exception {
        Path downloads = Files.createTempDirectory("pf-exports");
        try (Browser b = new Browser()) {
            PlatformWebIT.recordCspViolations(b);
            b.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", downloads.toAbsolutePath().toString()));
            signInAgent(b);

            // the staff home: each queue with its count, in the menu too
            b.get(url() + "/agent/index.xhtml");
            long submitted = GeneratedFamilies.all().stream().filter(f -> f.status().equals("SUBMITTED")).count();
            assertTrue(b.await(By.id("queue-menu-dossiers")).getText().contains(Long.toString(submitted)),
                    b.driver.findElement(By.id("queue-menu-dossiers")).getText());
            assertTrue(b.driver.findElement(By.id("menu-dossiers")).getText().contains(Long.toString(submitted)));
            assertEquals("", b.accessibilityViolations(), "axe-core, accueil des agents");
            screenshot(b, "staff-index");
            assertEquals("", PlatformWebIT.cspViolations(b), "accueil des agents");

            // the families list: 5,000 families, 25 a page
            b.get(url() + "/agent/familles.xhtml");
            b.await(By.id("page-title"));
            awaitReport(b, "sur 5000 familles");
            assertEquals(25, column(b, "family-link").size());
            assertEquals("page", b.driver.findElement(By.id("menu-familles")).getAttribute("aria-current"));
            assertEquals("", b.accessibilityViolations(), "axe-core, familles");
            screenshot(b, "staff-familles");

            // filter by household (AJAX)
            WebElement household = b.driver.findElement(By.cssSelector("#list\\:familles\\:household input.ui-column-filter"));
            household.sendKeys("Durand");
            awaitReport(b, "sur 500 familles");
            assertTrue(column(b, "family-link").stream().allMatch(l -> l.startsWith("Durand")), column(b, "family-link").toString());

            // sort by quotient familial, with the keyboard on the column header
            WebElement qfHeader = b.driver.findElement(By.id("list:familles:qf"));
            qfHeader.sendKeys(org.openqa.selenium.Keys.ENTER);
            List<Integer> expected = GeneratedFamilies.all().stream().filter(f -> f.label().startsWith("Durand"))
                    .sorted(java.util.Comparator.comparing(GeneratedFamilies.Family::qf,
                            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                            .thenComparing(GeneratedFamilies.Family::n))
                    .map(GeneratedFamilies.Family::qf).map(q -> q).toList().subList(0, 25);
            waitFor(b).until(d -> column(b, "family-qf").equals(expected.stream().map(q -> q == null ? "—" : q.toString()).toList()));

            // next page
            b.driver.findElement(By.cssSelector("#list\\:familles .ui-paginator-next")).click();
            awaitReport(b, "26–50 sur 500 familles");

            // filter by status (a select in the column's filter) and by child
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("list:familles:status-filter")))
                    .selectByValue("SUBMITTED");
            long durandSubmitted = GeneratedFamilies.all().stream()
                    .filter(f -> f.label().startsWith("Durand") && f.status().equals("SUBMITTED")).count();
            awaitReport(b, "sur " + durandSubmitted + " familles");
            assertTrue(b.driver.findElements(By.cssSelector("#list\\:familles tbody .family-status")).stream()
                    .allMatch(e -> e.getText().startsWith("Envoyé")));
            // by quotient familial: « Non communiqué », then the commune's own brackets (those its tariffs price by)
            List<String> codes = new java.util.ArrayList<>(List.of("", "UNKNOWN"));
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement();
                    var rs = st.executeQuery("select code from commune_" + GeneratedFamilies.COMMUNE + ".qf_bracket order by qf_min, code")) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            var qf = new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("list:familles:qf-filter")));
            assertEquals(codes, qf.getOptions().stream().map(o -> o.getAttribute("value")).toList());
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("list:familles:status-filter"))).selectByValue("");
            awaitReport(b, "sur 500 familles");
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("list:familles:qf-filter"))).selectByValue("UNKNOWN");
            long durandWithoutQf = GeneratedFamilies.all().stream().filter(f -> f.label().startsWith("Durand") && f.qf() == null).count();
            awaitReport(b, "sur " + durandWithoutQf + " familles");
            assertTrue(column(b, "family-qf").stream().allMatch("—"::equals), column(b, "family-qf").toString());
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("list:familles:qf-filter"))).selectByValue("");
            awaitReport(b, "sur 500 familles");
            assertEquals("", PlatformWebIT.cspViolations(b), "familles : filtres, tri et pages en AJAX");

            // the family whose child is named like a formula: the CSV export neutralises it
            household.clear();
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("list:familles:status-filter"))).selectByValue("");
            b.driver.findElement(By.cssSelector("#list\\:familles\\:children input.ui-column-filter")).sendKeys("SOMME");
            awaitReport(b, "sur 1 familles");
            b.driver.findElement(By.id("list:export-csv")).click();
            Path csv = awaitDownload(downloads, ".csv");
            byte[] bytes = Files.readAllBytes(csv);
            assertEquals((byte) 0xEF, bytes[0], "UTF-8 avec BOM pour Excel");
            String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
            List<String> lines = text.lines().toList();
            assertEquals(2, lines.size(), text);
            assertTrue(lines.get(0).contains("Foyer\";\"Enfants\";\"État du dossier"), lines.get(0));
            String[] cells = lines.get(1).split(";");
            assertEquals("\"" + GeneratedFamilies.label(GeneratedFamilies.FORMULA_FAMILY) + "\"", cells[0], lines.get(1));
            assertEquals("\"'" + GeneratedFamilies.FORMULA_CHILD + "\"", cells[1], "formule neutralisée : " + lines.get(1));

            // the same filtered list in Excel
            b.driver.findElement(By.id("list:export-xlsx")).click();
            Path xlsx = awaitDownload(downloads, ".xlsx");
            byte[] zip = Files.readAllBytes(xlsx);
            assertTrue(zip.length > 100 && zip[0] == 'P' && zip[1] == 'K', "un classeur XLSX");
            assertEquals("", PlatformWebIT.cspViolations(b), "exports");

            // open the family's file from the list
            b.driver.findElement(By.cssSelector("#list\\:familles tbody a.family-link")).click();
            b.awaitUrlStartingWith(url() + "/agent/famille.xhtml?id=");
            assertEquals(GeneratedFamilies.label(GeneratedFamilies.FORMULA_FAMILY), b.await(By.id("page-title")).getText());
            assertTrue(b.driver.findElement(By.id("crumb-familles")).isDisplayed());
            b.driver.findElement(By.cssSelector("#history a[href*='registrations-tab'], #history li:nth-child(2) a")).click();
            waitFor(b).until(d -> b.driver.findElement(By.id("history:registrations-tab")).isDisplayed());
            assertEquals("", b.accessibilityViolations(), "axe-core, dossier famille");
            screenshot(b, "staff-famille");
            assertEquals("", PlatformWebIT.cspViolations(b), "dossier famille");
            // a number that is not one: said on the page (was an empty page)
            b.get(url() + "/agent/famille.xhtml?id=12x");
            assertEquals("Identifiant de dossier invalide.", b.await(By.cssSelector("#id-error li")).getText());
            assertEquals("", b.accessibilityViolations(), "axe-core, dossier famille : identifiant invalide");

            // the whole list (5,000 families): read page by page of the lazy model (bufferSize), never as one page of
            // them all, which the service refuses beyond 1,000
            Files.delete(csv);
            b.get(url() + "/agent/familles.xhtml");
            awaitReport(b, "sur 5000 familles");
            b.driver.findElement(By.id("list:export-csv")).click();
            List<String> all = new String(Files.readAllBytes(awaitDownload(downloads, ".csv")), StandardCharsets.UTF_8).lines()
                    .toList();
            assertEquals(5001, all.size(), "every family, and the header");
        } finally {
            StackLauncher.deleteTree(downloads);
        }
    }

    static Path awaitDownload(Path dir, String extension) throws Exception {
        long end = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < end) {
            try (var files = Files.list(dir)) {
                var found = files.filter(p -> p.toString().endsWith(extension)).findFirst();
                if (found.isPresent() && Files.size(found.get()) > 0) {
                    return found.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("aucun fichier " + extension + " téléchargé dans " + dir);
    }

    /**
     * The timing figure of bench/results: a families page (count + first page of 25 over 5,000 families, with
     * the staff menu's counts) and the commune's 404 page, by the same signed-in agent, 5 warm-up requests
     * then 30 of each, alternately; printed as "[bench] ..." lines with the verdict against the 300 ms target.
     * The test itself holds the ratio to the 404 page (below 8), which the machine's other load moves less.
     */
    @Test
    void aFamiliesPageOverHttpIsTimedAgainstTheBarePage() throws Exception {
        try (Browser b = new Browser()) {
            String cookie = signInAgent(b);
            Map<String, String> headers = Map.of("Cookie", cookie);
            String host = PlatformWebIT.host(COMMUNE);
            for (int i = 0; i < 5; i++) {
                assertEquals(200, PlatformWebIT.get(host, "/agent/familles.xhtml", headers).statusCode());
                assertEquals(404, PlatformWebIT.get(host, "/nexiste-pas.xhtml", headers).statusCode());
            }
            List<Double> page = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = PlatformWebIT.get(host, "/agent/familles.xhtml", headers);
                page.add((System.nanoTime() - t0) / 1e6);
                assertTrue(r.body().contains("sur 5000 familles"));
                long t1 = System.nanoTime();
                PlatformWebIT.get(host, "/nexiste-pas.xhtml", headers);
                bare.add((System.nanoTime() - t1) / 1e6);
            }
            double p50 = percentile(page, 50);
            double p95 = percentile(page, 95);
            double bare50 = percentile(bare, 50);
            System.out.printf(Locale.ROOT, "[bench] agent/familles.xhtml over 5000 families: p50 %.1f ms, p95 %.1f ms, max %.1f ms (30 requests)%n",
                    p50, p95, percentile(page, 100));
            System.out.printf(Locale.ROOT, "[bench] commune 404 page, same agent: p50 %.1f ms, p95 %.1f ms; ratio families/404 at p50: %.1f%n",
                    bare50, percentile(bare, 95), p50 / bare50);
            System.out.printf(Locale.ROOT, "[bench] target p50 < 300 ms: %s%n", p50 < 300 ? "PASS" : "FAIL");
            // the absolute figure depends on what else the machine runs (the tests share it); the ratio to the
            // bare page of the same run does much less: it is what the test holds
            assertTrue(p50 / bare50 < 8, "page des familles : p50 " + p50 + " ms, page 404 : " + bare50 + " ms");
        }
    }

    static double percentile(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
