package fr.portailfamille.it;

import static fr.portailfamille.it.StackLauncher.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * "Mon planning" as a family sees it, in headless Chromium: it opens on the activity the child is
 * registered to (not the first of the commune), a Wednesday-only activity shows Wednesdays only (no
 * column of "Fermé"), the summary before "Confirmer" says which days will be surcharged and no longer
 * cancellable, and a booking the service refuses (with a reason, required) shows "Refusée" and the
 * reason in the planning and in Mes demandes.
 */
@ExtendWith(ArquillianExtension.class)
class PlanningWalkIT {

    static final String BASE = PlatformWebIT.url(ALPHA);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platformWar();
    }

    @Test
    void planningOpensOnTheRegisteredActivityShowsItsDaysAndTheServicesRefusal() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String code = "MER-" + suffix.toUpperCase();
        String email = "mercredi-" + suffix + "@alpha.test";
        // "AAA…" sorts first: the commune's first activity, to which the child is NOT registered
        String other = "AAA Accueil " + suffix;
        String activity = "Mercredis " + suffix;
        // a validated family, its child registered (validated) to a Wednesday-only activity whose bookings
        // close 90 days ahead (late ones surcharged) and need the service's validation
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into family (label, email, status, validated_at) values ('Foyer Mercredi', '" + email
                    + "', 'VALIDATED', now())");
            st.execute("insert into responsable (family_id, rank, first_name, last_name, email) select id, 1, 'Lou',"
                    + " 'Mercredi', email from family where email = '" + email + "'");
            st.execute("insert into child (family_id, first_name, last_name, birth_date, sex, school) select id, 'Léa',"
                    + " 'Mercredi', current_date - interval '7 years', 'F', 'École du Centre' from family where email = '"
                    + email + "'");
            st.execute("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                    + " values ('AAA-" + suffix.toUpperCase() + "', '" + other + "', 'PERISCOLAIRE', 'J-2@23:59',"
                    + " 'J-2@23:59', 'REFUSED')");
            st.execute("insert into activity_unit (activity_id, code, label, start_time, end_time, capacity) select id,"
                    + " 'SOIR', 'Soir', '16:30', '18:30', 10 from activity where code = 'AAA-" + suffix.toUpperCase() + "'");
            st.execute("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy,"
                    + " needs_validation) values ('" + code + "', '" + activity + "', 'MERCREDI', 'J-90@23:59',"
                    + " 'J-90@23:59', 'SURCHARGED', true)");
            st.execute("insert into activity_unit (activity_id, code, label, start_time, end_time, capacity, weekdays)"
                    + " select id, 'JOURNEE', 'Journée', '08:30', '17:30', 12, '3' from activity where code = '" + code + "'");
            st.execute("insert into registration (child_id, activity_id, status, cgu_accepted_at) select ch.id, a.id,"
                    + " 'VALIDATED', now() from child ch join family f on f.id = ch.family_id, activity a where f.email = '"
                    + email + "' and a.code = '" + code + "'");
        }
        StackLauncher.stack().realmProvisioner().createUser("pf-alpha", email, "Lou", "Mercredi", "Mercredi2026", "parent");
        YearMonth month = YearMonth.now().plusMonths(1);
        LocalDate wednesday = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.WEDNESDAY));
        while (fr.portailfamille.booking.FrenchPublicHolidays.datesOf(wednesday.getYear()).contains(wednesday)) {
            wednesday = wednesday.plusWeeks(1);
        }
        String cell = "//span[@id='state-" + wednesday + "-" + unitId(code) + "']";

        try (Browser parent = new Browser()) {
            // no activity asked for: the planning opens on the one Léa is registered to
            parent.get(BASE + "/espace/planning.xhtml?enfant=1&mois=" + month);
            parent.signIn(email, "Mercredi2026");
            parent.awaitUrlStartingWith(BASE + "/espace/planning.xhtml");
            parent.await(By.id("calendar"));
            assertEquals(activity, new Select(parent.driver.findElement(By.id("activite"))).getFirstSelectedOption().getText());
            assertTrue(parent.driver.findElements(By.id("not-registered")).isEmpty(), "pas « pas encore inscrit(e) »");

            // Wednesdays only: one column, no day of another weekday, so no week of "Fermé"
            List<String> columns = parent.driver.findElements(By.cssSelector("#calendar thead th")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(List.of("Mercredi"), columns);
            List<WebElement> states = parent.driver.findElements(By.cssSelector("#calendar span[data-state]"));
            assertFalse(states.isEmpty());
            for (WebElement s : states) {
                LocalDate day = LocalDate.parse(s.getAttribute("id").substring("state-".length(), "state-".length() + 10));
                assertEquals(DayOfWeek.WEDNESDAY, day.getDayOfWeek(), "jour affiché : " + day);
            }
            assertEquals(countWednesdays(month), states.size(), "un mercredi par semaine du mois");
            assertEquals("", parent.accessibilityViolations(), "axe-core, Mon planning (mercredis)");
            screenshot(parent, "planning-mercredis");

            // the summary says the day will be surcharged and no longer cancellable without charge
            parent.submit(By.xpath("//input[@value='Réserver' and @data-day='" + wednesday + "']"));
            parent.submit(By.id("planning:review"));
            String notice = parent.await(By.cssSelector("#recap td.recap-notice[data-day='" + wednesday + "']")).getText();
            assertTrue(notice.contains("Hors délai : la réservation sera majorée."), notice);
            assertTrue(notice.contains("Ne pourra plus être annulée sans frais"), notice);
            assertTrue(notice.contains("validation"), notice);
            assertEquals("", parent.accessibilityViolations(), "axe-core, récapitulatif");
            screenshot(parent, "planning-recapitulatif");
            parent.submit(By.id("planning:confirm"));
            assertEquals("En attente de validation", parent.await(By.xpath(cell)).getText());
        }

        try (Browser agent = new Browser()) {
            agent.get(BASE + "/agent/reservations.xhtml");
            agent.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(BASE + "/agent/reservations.xhtml");
            QueueWalk.sortLatestFirst(agent, "Jour");
            // refused without a reason: the message is next to the field and nothing is refused
            QueueWalk.refuse(agent, activity, "Indiquez le motif du refus : il est envoyé à la famille.",
                    "Sortie réservée aux CM2", "refusée");
            assertEquals("", agent.accessibilityViolations(), "axe-core, réservations à valider");
        }
        assertTrue(mailContains(email, "Sortie r"), "le motif est dans le courriel : " + FamilyFileIT.mailsOf(email));

        try (Browser parent = new Browser()) {
            parent.get(BASE + "/espace/planning.xhtml?enfant=1&mois=" + month);
            parent.signIn(email, "Mercredi2026");
            parent.awaitUrlStartingWith(BASE + "/espace/planning.xhtml");
            assertEquals("Refusée", parent.await(By.xpath(cell)).getText(), "pas « Annulé sans frais »");
            assertEquals("Motif du refus : Sortie réservée aux CM2", parent.driver.findElement(By.id(
                    "reason-" + wednesday + "-" + unitId(code))).getText());
            assertEquals("", parent.accessibilityViolations(), "axe-core, Mon planning (refus)");
            screenshot(parent, "planning-refusee");

            parent.get(BASE + "/espace/demandes.xhtml");
            String line = "//table[@id='booking-requests']//tr[td[contains(text(), '" + activity + "')]]";
            assertEquals("Refusée", parent.await(By.xpath(line + "//span[contains(@class,'pf-badge')]")).getText());
            assertEquals("Sortie réservée aux CM2", parent.driver.findElement(By.xpath(line + "//td[@class='booking-reason']")).getText());
            assertEquals("", parent.accessibilityViolations(), "axe-core, Mes demandes");
        }
    }

    /** Mails leave after the transaction commits: waits up to 20 s for one containing {@code text}. */
    static boolean mailContains(String email, String text) throws Exception {
        for (int i = 0; i < 40; i++) {
            if (FamilyFileIT.mailsOf(email).contains(text)) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    static int countWednesdays(YearMonth month) {
        int n = 0;
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
                n++;
            }
        }
        return n;
    }

    static String unitId(String activityCode) throws Exception {
        try (var c = StackLauncher.stack().platformDb().getConnection();
             var ps = c.prepareStatement("select u.id from commune_alpha.activity_unit u join commune_alpha.activity a"
                     + " on a.id = u.activity_id where a.code = ?")) {
            ps.setString(1, activityCode);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static void screenshot(Browser b, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), b.driver.getScreenshotAs(OutputType.BYTES));
    }
}
