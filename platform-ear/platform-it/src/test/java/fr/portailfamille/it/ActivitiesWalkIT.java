package fr.portailfamille.it;

import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agents' activity pages in headless Chromium, with PrimeFaces' CSP mode on: the occupancy page
 * draws its chart (no Content-Security-Policy violation), the attendance downloads as CSV for French
 * Excel and as XLSX (refused to a parent), and the day sheet on a tablet (800×1280) marks a child
 * present without reloading the page, and still works without JavaScript.
 */
@ExtendWith(ArquillianExtension.class)
class ActivitiesWalkIT {

    static final String BASE = PlatformWebIT.url(ALPHA);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platformWar();
    }

    record Seeded(String activity, String activityId, String unitId) {
    }

    /** A new activity whose MIDI unit (2 seats) has today Léo and « =Formule » booked, and Zoé waiting. */
    static Seeded seed() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String code = "WALK-" + suffix.toUpperCase();
        String activity = "Accueil " + suffix;
        String email = "walk-" + suffix + "@alpha.test";
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into activity (code, name, type, runs_in_holidays, booking_deadline, cancellation_deadline,"
                    + " late_policy) values ('" + code + "', '" + activity + "', 'PERISCOLAIRE', true, 'J-2@23:59',"
                    + " 'J-2@23:59', 'REFUSED')");
            st.execute("insert into activity_unit (activity_id, code, label, start_time, capacity, weekdays) select id,"
                    + " 'MIDI', 'Midi', '11:30', 2, '1,2,3,4,5,6,7' from activity where code = '" + code + "'");
            st.execute("insert into family (label, email, status, validated_at) values ('Foyer Walk', '" + email
                    + "', 'VALIDATED', now())");
            for (String[] child : new String[][] {{"Léo", "Martin", "BOOKED"}, {"Jean", "=Formule", "BOOKED"},
                    {"Zoé", "Perrin", "WAITING"}}) {
                st.execute("insert into child (family_id, first_name, last_name, birth_date, sex, school, allergies,"
                        + " medical_notes) select id, '" + child[0] + "', '" + child[1] + "', current_date - interval"
                        + " '8 years', 'M', 'École du Centre', 'arachide', 'asthme' from family where email = '" + email + "'");
                st.execute("insert into booking (child_id, unit_id, day, status) select ch.id, u.id, date '" + TestDays.today() + "', '"
                        + child[2] + "' from child ch join family f on f.id = ch.family_id, activity_unit u join"
                        + " activity a on a.id = u.activity_id where f.email = '" + email + "' and ch.first_name = '"
                        + child[0] + "' and a.code = '" + code + "'");
            }
            String activityId;
            String unitId;
            try (var rs = st.executeQuery("select a.id, u.id from activity a join activity_unit u on u.activity_id = a.id"
                    + " where a.code = '" + code + "'")) {
                rs.next();
                activityId = rs.getString(1);
                unitId = rs.getString(2);
            }
            return new Seeded(activity, activityId, unitId);
        }
    }

    @Test
    void occupancyChartExportsAndPointageOnATablet() throws Exception {
        Seeded s = seed();
        LocalDate today = TestDays.today();
        String period = "&du=" + today.minusDays(3) + "&au=" + today.plusDays(10);
        try (Browser agent = new Browser()) {
            PlatformWebIT.recordCspViolations(agent);
            signIn(agent, "/agent/occupation.xhtml?unite=" + s.unitId() + period, StackLauncher.agent(ALPHA),
                    StackLauncher.PASSWORD_AGENT);

            // occupancy by day: today 2 of 2 (full), 1 waiting; the chart is drawn on its canvas
            WebElement row = agent.await(By.cssSelector("#occupation-days tr[data-day='" + today + "']"));
            assertEquals("2", row.findElement(By.cssSelector("td.taken")).getText());
            assertEquals("2", row.findElement(By.cssSelector("td.capacity")).getText());
            assertEquals("1", row.findElement(By.cssSelector("td.waiting")).getText());
            assertEquals("100 %", row.findElement(By.cssSelector(".occupation-value")).getText());
            assertTrue(row.getAttribute("class").contains("occupation-full"));
            // in the staff layout, as every staff page: the menu with the page as its current item, the breadcrumbs
            assertEquals("page", agent.driver.findElement(By.id("menu-occupation")).getAttribute("aria-current"));
            assertTrue(agent.driver.findElement(By.cssSelector(".pf-crumbs #crumb-home")).isDisplayed());
            WebElement canvas = agent.await(By.cssSelector("#chart canvas"));
            new WebDriverWait(agent.driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(d instanceof
                    org.openqa.selenium.JavascriptExecutor js ? js.executeScript(
                    "var c = document.querySelector('#chart canvas'); return !!(window.Chart && Chart.getChart(c));") : false));
            assertTrue(canvas.getSize().getWidth() > 100 && canvas.getSize().getHeight() > 100, "chart drawn: " + canvas.getSize());
            assertEquals("", PlatformWebIT.cspViolations(agent), "occupation");
            assertEquals("", agent.accessibilityViolations(), "axe-core, occupation par jour");
            Browser.screenshot(agent, "occupation-jour");

            // by week: the week of today counts the two seats and the waiting child
            agent.get(BASE + "/agent/occupation.xhtml?unite=" + s.unitId() + period + "&vue=semaine");
            LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            WebElement week = agent.await(By.cssSelector("#occupation-weeks tr[data-week='" + monday + "']"));
            assertEquals("2", week.findElement(By.cssSelector("td.taken")).getText());
            assertEquals("1", week.findElement(By.cssSelector("td.waiting")).getText());
            assertEquals("1", week.findElement(By.cssSelector("td.full")).getText());
            agent.await(By.cssSelector("#chart canvas"));
            assertEquals("", PlatformWebIT.cspViolations(agent), "occupation par semaine");
            assertEquals("", agent.accessibilityViolations(), "axe-core, occupation par semaine");
            Browser.screenshot(agent, "occupation-semaine");

            // a period the page cannot use is said beside its fields, with what was typed: an end before the start,
            // a date that cannot be read
            agent.get(BASE + "/agent/occupation.xhtml?unite=" + s.unitId() + "&du=" + today + "&au=" + today.minusDays(3));
            assertTrue(agent.await(By.id("au-error")).getText().contains("fin"), agent::snapshot);
            assertEquals("au-error", agent.driver.findElement(By.id("au")).getAttribute("aria-describedby"));
            assertTrue(agent.driver.findElements(By.id("export-csv")).isEmpty(), "no export of a period refused");
            agent.get(BASE + "/agent/occupation.xhtml?unite=" + s.unitId() + "&du=30%2F11%2F2026");
            assertEquals("Indiquez une date au format AAAA-MM-JJ, par exemple 2026-11-30.",
                    agent.await(By.id("du-error")).getText());
            assertTrue(agent.driver.findElements(By.id("export-xlsx")).isEmpty(), "no export of a period refused");
            assertEquals("", agent.accessibilityViolations(), "axe-core, occupation avec erreurs");

            // the attendance of the period, as the page's buttons ask for it
            String cookies = agent.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            String query = "/agent/presences?activite=" + s.activityId() + period;
            HttpResponse<byte[]> csv = download(query + "&format=csv", cookies);
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            String text = new String(csv.body(), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("\uFEFFDate;Activité;Unité;Nom;Prénom;École;Présence\r\n"), text);
            List<String> lines = text.substring(1).lines().toList();
            String day = today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            assertEquals(List.of(day + ";" + s.activity() + ";Midi;'=Formule;Jean;École du Centre;Inscrit",
                    day + ";" + s.activity() + ";Midi;Martin;Léo;École du Centre;Inscrit"), lines.subList(1, lines.size()),
                    "formula neutralised, waiting list left out");
            assertFalse(text.contains("arachide") || text.contains("asthme"), "no health data");

            HttpResponse<byte[]> xlsx = download(query + "&format=xlsx", cookies);
            assertEquals(200, xlsx.statusCode());
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                List<Row> rows = wb.getFirstSheet().read();
                assertEquals(3, rows.size());
                assertEquals("Présence", rows.get(0).getCellText(6));
                // typed text, never a formula, and neutralised as the CSV's and the billing workbooks': a copy of the
                // sheet saved as CSV stays safe
                assertEquals("'=Formule", rows.get(1).getCellText(3), "typed text, never a formula");
                assertEquals(null, rows.get(1).getCell(3).getFormula());
                assertEquals("Léo", rows.get(2).getCellText(4));
                assertEquals("Inscrit", rows.get(2).getCellText(6));
                assertEquals(today, rows.get(2).getCellAsDate(0).orElseThrow().toLocalDate());
            }
            assertEquals(400, download("/agent/presences?activite=" + s.activityId() + "&du=" + today + "&au="
                    + today.minusDays(1) + "&format=csv", cookies).statusCode(), "period backwards");

            // the day sheet on a tablet: Léo marked present by AJAX, the page stays (no reload)
            agent.driver.manage().window().setSize(new Dimension(800, 1280));
            agent.get(BASE + "/agent/pointage.xhtml?unite=" + s.unitId() + "&jour=" + today);
            WebElement present = agent.await(By.cssSelector("button[aria-label='Léo présent']"));
            assertTrue(present.getSize().getHeight() >= 48 && present.getSize().getWidth() >= 48, "touch target " + present.getSize());
            // on a tablet the staff menu is folded behind "Menu": the day sheet comes first on the screen, the menu one tap away
            assertEquals(null, agent.driver.findElement(By.cssSelector("details.pf-staff-menu-box")).getAttribute("open"));
            assertFalse(agent.driver.findElement(By.id("menu-pointage")).isDisplayed(), "menu folded on a tablet");
            // the folded menu says how much waits in the queues, the sum of their counts
            long waiting = agent.driver.findElements(By.cssSelector("#staff-menu li .pf-badge")).stream()
                    .mapToLong(e -> Long.parseLong(e.getAttribute("textContent").replaceAll("\\D", ""))).sum();
            List<WebElement> total = agent.driver.findElements(By.cssSelector("#staff-menu-toggle .pf-badge"));
            assertEquals(waiting == 0 ? "" : String.valueOf(waiting),
                    total.isEmpty() ? "" : total.get(0).getAttribute("textContent").replaceAll("\\D", ""));
            agent.driver.findElement(By.id("staff-menu-toggle")).click();
            assertTrue(agent.driver.findElement(By.id("menu-pointage")).isDisplayed(), "one tap opens the menu");
            assertEquals("", agent.accessibilityViolations(), "axe-core, pointage (tablette)");
            agent.driver.executeScript("window.__samePage = true;");
            // meanwhile another tablet records a child whose name comes before Léo's on the sheet: the tap on Léo's
            // row marks Léo and redraws Léo's row, the rows do not move under the agent's fingers
            String other = anotherChildOnTheSheet(s);
            present.click();
            String leoStatus = "//tr[td/span[@class='pointage-child' and text()='Léo Martin']]//span[contains(@class,'sheet-status')]";
            new WebDriverWait(agent.driver, Duration.ofSeconds(20)) // the AJAX update replaces the row while it is read
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> "Présent".equals(d.findElement(By.xpath(leoStatus)).getText()));
            assertEquals(Boolean.TRUE, agent.driver.executeScript("return window.__samePage === true;"), "no page reload");
            assertTrue(agent.await(By.cssSelector("#summary .pf-info")).getText().contains("Léo Martin : présent"));
            assertEquals("3 place(s) occupée(s) sur 2, 1 en liste d'attente.", agent.driver.findElement(By.id("occupancy")).getText());
            assertEquals("PRESENT", bookingStatus(other), "the other tablet's child, left as it was");
            assertEquals("", PlatformWebIT.cspViolations(agent), "pointage");
            assertEquals("", agent.accessibilityViolations(), "axe-core, pointage après marquage");
            Browser.screenshot(agent, "pointage-tablette");
            // the tablet turned to landscape (wider than 60rem, where "Menu" is not shown): the folded menu opens
            agent.get(BASE + "/agent/pointage.xhtml?unite=" + s.unitId() + "&jour=" + today);
            assertFalse(agent.await(By.id("staff-menu")).findElement(By.id("menu-pointage")).isDisplayed(), "folded again");
            agent.driver.manage().window().setSize(new Dimension(1280, 900));
            new WebDriverWait(agent.driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("menu-pointage")).isDisplayed());
            agent.driver.manage().window().setSize(new Dimension(800, 1280));
            // the other tablet's child was the wrong one: « Retirer » (no absence marks on her row) takes her presence
            // « sans réservation » back, and offers her again below
            String annaRow = "//tr[td/span[@class='pointage-child' and text()='Anna Aabel']]";
            assertTrue(agent.driver.findElements(By.xpath(annaRow + "//button[contains(@id,'billed')]")).isEmpty());
            agent.submit(By.xpath(annaRow + "//input[contains(@id,'remove')]"));
            assertTrue(agent.await(By.cssSelector("#summary .pf-info")).getText()
                    .contains("Anna Aabel : présence sans réservation retirée."), agent::snapshot);
            assertTrue(agent.driver.findElements(By.xpath(annaRow)).isEmpty(), "off the sheet");
            assertEquals("CANCELLED_FREE", bookingStatus(other));
            assertEquals("", agent.accessibilityViolations(), "axe-core, pointage après « Retirer »");

            // the sheet of a day the unit does not run (the last public holiday): said so, not « tous les enfants
            // figurent déjà »
            java.time.LocalDate holiday = today.minusDays(1);
            while (!TestDays.holiday(holiday)) {
                holiday = holiday.minusDays(1);
            }
            agent.get(BASE + "/agent/pointage.xhtml?unite=" + s.unitId() + "&jour=" + holiday);
            assertTrue(agent.await(By.id("unbooked-not-running")).getText().contains("ne fonctionne pas ce jour-là"),
                    agent::snapshot);
            assertTrue(agent.absent("unbooked-none") && agent.absent("unbooked"), "nothing to record on a day without care");

            // without JavaScript the same buttons post the form (with the page's CSP nonce)
            agent.driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", java.util.Map.of("value", true));
            agent.get(BASE + "/agent/pointage.xhtml?unite=" + s.unitId() + "&jour=" + today);
            assertTrue(agent.driver.findElement(By.id("menu-pointage")).isDisplayed(), "without JavaScript the menu stays open");
            agent.submit(By.cssSelector("button[aria-label='Jean absent excusé']"));
            String jeanStatus = "//tr[td/span[@class='pointage-child' and text()='Jean =Formule']]//span[contains(@class,'sheet-status')]";
            assertEquals("Absent excusé", agent.await(By.xpath(jeanStatus)).getText());
            assertEquals("Présent", agent.driver.findElement(By.xpath(leoStatus)).getText());
        }

        // a parent is refused the export (and the page)
        try (Browser parent = new Browser()) {
            signIn(parent, "/espace/accueil.xhtml", StackLauncher.parent(ALPHA), StackLauncher.PASSWORD_PARENT);
            String cookies = parent.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            assertEquals(403, download("/agent/presences?activite=" + s.activityId() + period + "&format=csv", cookies)
                    .statusCode());
            assertEquals(403, download("/agent/occupation.xhtml?unite=" + s.unitId(), cookies).statusCode());
        }
    }

    /** A child of another family booked present on the seeded unit today, its name first on the sheet: its booking id. */
    static String anotherChildOnTheSheet(Seeded s) throws Exception {
        String email = "walk-other-" + UUID.randomUUID().toString().substring(0, 8) + "@alpha.test";
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into family (label, email, status, validated_at) values ('Foyer Aabel', '" + email
                    + "', 'VALIDATED', now())");
            st.execute("insert into child (family_id, first_name, last_name, birth_date, sex, school) select id, 'Anna',"
                    + " 'Aabel', current_date - interval '8 years', 'F', 'École du Centre' from family where email = '" + email + "'");
            // the seat the child there takes, as AttendanceService.markPresentWithoutBooking counts it
            st.execute("insert into unit_day (unit_id, day) values (" + s.unitId() + ", date '" + TestDays.today()
                    + "') on conflict do nothing");
            st.execute("update unit_day set booked = booked + 1 where unit_id = " + s.unitId() + " and day = date '"
                    + TestDays.today() + "'");
            try (var rs = st.executeQuery("insert into booking (child_id, unit_id, day, status, unbooked) select ch.id, "
                    + s.unitId() + ", date '" + TestDays.today() + "', 'PRESENT', true from child ch join family f on"
                    + " f.id = ch.family_id where f.email = '" + email + "' returning id")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The status of booking {@code id} in alpha's schema. */
    static String bookingStatus(String id) throws Exception {
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("select status from commune_alpha.booking where id = " + Long.parseLong(id))) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Signs in and lands on {@code page}; once more if the code exchange with Keycloak timed out (the
     * shared 2-core machine is slow at times: "Connexion non reconnue"), the Keycloak session then being open.
     */
    static void signIn(Browser b, String page, String email, String password) {
        b.get(BASE + page);
        b.signIn(email, password);
        String path = page.contains("?") ? page.substring(0, page.indexOf('?')) : page;
        try {
            b.awaitUrlStartingWith(BASE + path);
        } catch (AssertionError e) {
            b.get(BASE + page);
            if (!b.driver.findElements(By.id("username")).isEmpty()) {
                b.signIn(email, password);
            }
            b.awaitUrlStartingWith(BASE + path);
        }
    }

    static HttpResponse<byte[]> download(String path, String cookies) throws Exception {
        return PlatformWebIT.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PlatformWebIT.PORT + path))
                .header("Host", PlatformWebIT.host(ALPHA)).header("Cookie", cookies).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
