package fr.portailfamille.it;

import static fr.portailfamille.it.support.Browser.screenshot;
import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.it.support.QueueWalk;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * "Mon planning" as a family sees it, in headless Chromium: it opens on the activity the child is
 * registered to (not the first of the commune), a Wednesday-only activity shows Wednesdays only (no
 * column of "Fermé"), the summary before "Confirmer" says which days will be surcharged and no longer
 * cancellable, and a booking the service refuses (with a reason, required) shows "Refusée" and the
 * reason in the planning and in Mes demandes. On a phone (390 × 844) the month grid books and cancels
 * several unit-days by Faces AJAX without reloading the page, the selection bar staying in view; with
 * the keyboard (Tab, Space) and a screen reader (aria-pressed, names in words); and without JavaScript,
 * as plain form posts.
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
        YearMonth month = TestDays.thisMonth().plusMonths(1);
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
            // the child's own activity first in the select (the commune's others come before it by name)
            assertEquals(activity, new Select(parent.driver.findElement(By.id("activite"))).getOptions().get(0).getText());
            // the unit's hours, as the seeds' portals show them
            assertEquals("Horaires : Journée 08:30–17:30", parent.driver.findElement(By.id("unit-times")).getText());
            // the family's sections on every page of its space, this one marked as the current one
            assertEquals("Mon planning", parent.driver.findElement(By.cssSelector("#family-nav a[aria-current='page']")).getText());
            assertEquals(8, parent.driver.findElements(By.cssSelector("#family-nav a")).size());

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
            parent.ajax(By.xpath("//input[@data-action='book' and @data-day='" + wednesday + "']"));
            parent.ajax(By.id("planning:review"));
            String notice = parent.await(By.cssSelector("#recap td.recap-notice[data-day='" + wednesday + "']")).getText();
            assertTrue(notice.contains("Hors délai : la réservation sera majorée."), notice);
            assertTrue(notice.contains("Ne pourra plus être annulée sans frais"), notice);
            assertTrue(notice.contains("validation"), notice);
            assertEquals("", parent.accessibilityViolations(), "axe-core, récapitulatif");
            screenshot(parent, "planning-recapitulatif");
            parent.ajax(By.id("planning:confirm"));
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
        assertTrue(Mails.contains(email, "Sortie r"), "le motif est dans le courriel : " + Mails.of(email));

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
            String line = "//table[@id='requests']//tr[@data-kind='RESERVATION'][contains(., '" + activity + "')]";
            assertEquals("Refusée", parent.await(By.xpath(line + "//span[contains(@class,'pf-badge')]")).getText());
            assertEquals("Sortie réservée aux CM2", parent.driver.findElement(By.xpath(line + "//td[contains(@class,'request-reason')]")).getText());
            assertEquals("", parent.accessibilityViolations(), "axe-core, Mes demandes");
        }
    }

    /** A validated family whose child is registered to a Monday/Tuesday/Thursday/Friday activity of three units. */
    record Phone(String email, String activity, String matin, String midi, String soir, String month, LocalDate monday) {
    }

    static Phone phoneFamily(String password) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String code = "PERI-" + suffix.toUpperCase();
        String email = "telephone-" + suffix + "@alpha.test";
        String activity = "Périscolaire " + suffix;
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into family (label, email, status, validated_at) values ('Foyer Téléphone', '" + email
                    + "', 'VALIDATED', now())");
            st.execute("insert into responsable (family_id, rank, first_name, last_name, email) select id, 1, 'Sam',"
                    + " 'Téléphone', email from family where email = '" + email + "'");
            st.execute("insert into child (family_id, first_name, last_name, birth_date, sex, school) select id, 'Nina',"
                    + " 'Téléphone', current_date - interval '7 years', 'F', 'École du Centre' from family where email = '"
                    + email + "'");
            st.execute("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                    + " values ('" + code + "', '" + activity + "', 'PERISCOLAIRE', 'J-2@23:59', 'J-2@23:59', 'REFUSED')");
            // no SOIR on Fridays
            for (String[] u : new String[][] {{"MATIN", "Matin", "07:15", "08:20", "1,2,4,5"},
                    {"MIDI", "Midi", "11:30", "13:30", "1,2,4,5"}, {"SOIR", "Soir", "16:30", "18:30", "1,2,4"}}) {
                st.execute("insert into activity_unit (activity_id, code, label, start_time, end_time, capacity, weekdays)"
                        + " select id, '" + u[0] + "', '" + u[1] + "', '" + u[2] + "', '" + u[3] + "', 20, '" + u[4] + "'"
                        + " from activity where code = '" + code + "'");
            }
            st.execute("insert into registration (child_id, activity_id, status, cgu_accepted_at) select ch.id, a.id,"
                    + " 'VALIDATED', now() from child ch join family f on f.id = ch.family_id, activity a where f.email = '"
                    + email + "' and a.code = '" + code + "'");
        }
        StackLauncher.stack().realmProvisioner().createUser("pf-alpha", email, "Sam", "Téléphone", password, "parent");
        String month = TestDays.thisMonth().plusMonths(2).toString();
        // the month's first Monday whose Tuesday and Monday two weeks on (ClusterFailoverIT's late day) are no holidays either
        LocalDate monday = TestDays.mondayAfter(YearMonth.parse(month).atDay(1).minusDays(1), 1, 14);
        return new Phone(email, activity, unitOf(code, "MATIN"), unitOf(code, "MIDI"), unitOf(code, "SOIR"), month, monday);
    }

    /**
     * A thumb's tap on a unit-day: the cell is brought to the middle of the screen first (WebDriver's own
     * scrolling may leave it under the sticky selection bar, where a finger would not tap), then clicked.
     */
    static void tap(Browser b, By cell, boolean javascript) {
        b.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", b.driver.findElement(cell));
        if (javascript) {
            b.ajax(cell);
        } else {
            b.submit(cell);
        }
    }

    static By toggle(LocalDate day, String unit) {
        return By.xpath("//input[@data-day='" + day + "' and @data-unit='" + unit + "']");
    }

    static String state(Browser b, LocalDate day, String unit) {
        return b.driver.findElement(By.id("state-" + day + "-" + unit)).getText();
    }

    /** Clicks {@code control}, which asks first (a confirm dialog), declines, and returns the question. */
    static String declined(Browser b, By control) {
        b.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", b.driver.findElement(control));
        b.driver.findElement(control).click();
        org.openqa.selenium.Alert ask = new org.openqa.selenium.support.ui.WebDriverWait(b.driver,
                java.time.Duration.ofSeconds(5)).until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        String question = ask.getText();
        ask.dismiss();
        return question;
    }

    /** Whether the sticky selection bar lies wholly inside the viewport. */
    static boolean barInView(Browser b) {
        return Boolean.TRUE.equals(b.driver.executeScript("var r = document.getElementById('selection')"
                + ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight + 1 && r.height > 0;"));
    }

    @Test
    void onAPhoneTheMonthGridBooksAndCancelsSeveralDaysWithoutReloadingThePage() throws Exception {
        Phone p = phoneFamily("Telephone2026");
        LocalDate monday = p.monday();
        LocalDate tuesday = monday.plusDays(1);
        try (Browser parent = new Browser()) {
            parent.driver.manage().window().setSize(new Dimension(390, 844));
            parent.get(BASE + "/espace/planning.xhtml?enfant=1&mois=" + p.month());
            parent.signIn(p.email(), "Telephone2026");
            parent.awaitUrlStartingWith(BASE + "/espace/planning.xhtml");
            parent.await(By.id("calendar"));
            assertEquals(p.activity(), new Select(parent.driver.findElement(By.id("activite"))).getFirstSelectedOption().getText(),
                    "le planning s'ouvre sur l'activité où l'enfant est inscrit");
            assertEquals(List.of("Lundi", "Mardi", "Jeudi", "Vendredi"), parent.driver.findElements(
                    By.cssSelector("#calendar thead th")).stream().map(WebElement::getText).toList());
            assertEquals(3, parent.driver.findElements(By.xpath("//input[@data-day='" + monday + "']")).size(),
                    "MATIN, MIDI et SOIR dans la case du lundi");
            Object overflow = parent.driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, ((Number) overflow).longValue(), "pas de défilement horizontal à 390 px");
            assertEquals("mardi " + tuesday.getDayOfMonth() + " " + PlanningWalkIT.monthName(tuesday) + ", Midi : réservable",
                    parent.driver.findElement(toggle(tuesday, p.midi())).getAttribute("aria-label"));
            assertEquals("false", parent.driver.findElement(toggle(tuesday, p.midi())).getAttribute("aria-pressed"));
            assertTrue(barInView(parent), "la barre de sélection est visible");
            assertEquals("", parent.accessibilityViolations(), "axe-core, Mon planning sur téléphone");
            screenshot(parent, "planning-telephone");
            // the semaine type offers a tick only where the unit runs: no « Vendredi Soir »
            assertEquals(1, parent.driver.findElements(By.cssSelector("input[aria-label='Vendredi Midi']")).size());
            assertTrue(parent.driver.findElements(By.cssSelector("input[aria-label='Vendredi Soir']")).isEmpty(),
                    "no tick for a unit on a day it does not run");

            parent.driver.executeScript("window.__noReload = true;");
            tap(parent, toggle(monday, p.matin()), true);
            tap(parent, toggle(monday, p.midi()), true);
            tap(parent, toggle(tuesday, p.soir()), true);
            tap(parent, toggle(tuesday, p.midi()), true);
            assertEquals("4 journée(s) sélectionnée(s)", parent.driver.findElement(By.id("planning:count")).getText());
            tap(parent, toggle(tuesday, p.soir()), true);
            assertEquals("3 journée(s) sélectionnée(s)", parent.driver.findElement(By.id("planning:count")).getText());
            // another month would not keep the selection: the link asks first; kept on this month when declined
            String url = parent.driver.getCurrentUrl();
            String ask = declined(parent, By.id("next"));
            assertTrue(ask.startsWith("Les journées sélectionnées n'ont pas encore été validées"), ask);
            assertEquals(url, parent.driver.getCurrentUrl());
            assertEquals("3 journée(s) sélectionnée(s)", parent.driver.findElement(By.id("planning:count")).getText());
            // nor would another child or activity: "Afficher" asks as well
            String change = declined(parent, By.id("show"));
            assertTrue(change.contains("si vous changez d'enfant ou d'activité"), change);
            assertEquals(url, parent.driver.getCurrentUrl());
            // the "Recopier … jusqu'au" date being typed is kept through taps (each re-draws its field)
            parent.driver.executeScript("arguments[0].value = '" + java.time.YearMonth.parse(p.month()).atEndOfMonth() + "';",
                    parent.driver.findElement(By.id("planning:until")));
            tap(parent, toggle(tuesday, p.soir()), true);
            tap(parent, toggle(tuesday, p.soir()), true);
            assertEquals(java.time.YearMonth.parse(p.month()).atEndOfMonth().toString(),
                    parent.driver.findElement(By.id("planning:until")).getAttribute("value"));
            assertEquals("3 journée(s) sélectionnée(s)", parent.driver.findElement(By.id("planning:count")).getText());
            assertEquals("false", parent.driver.findElement(toggle(tuesday, p.soir())).getAttribute("aria-pressed"),
                    "un second toucher retire le moment");
            assertEquals("Réservable", state(parent, tuesday, p.soir()));
            assertEquals("true", parent.driver.findElement(toggle(tuesday, p.midi())).getAttribute("aria-pressed"));
            assertEquals("Sélectionné", state(parent, tuesday, p.midi()));
            assertTrue(parent.driver.findElement(toggle(tuesday, p.midi())).getAttribute("aria-label").endsWith("Midi : sélectionné"));
            // the last week of the month: the bar stays at the bottom of the screen
            LocalDate late = monday.plusWeeks(3);
            parent.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});",
                    parent.driver.findElement(toggle(late, p.soir())));
            assertTrue(barInView(parent), "la barre de sélection reste visible en bas de l'écran");
            tap(parent, toggle(late, p.soir()), true);
            assertTrue(barInView(parent), "la barre reste visible après le toucher");
            assertEquals("4 journée(s) sélectionnée(s)", parent.driver.findElement(By.id("planning:count")).getText());
            assertEquals("", parent.accessibilityViolations(), "axe-core, sélection en cours");
            screenshot(parent, "planning-telephone-selection");

            parent.ajax(By.id("planning:review"));
            assertEquals(4, parent.await(By.id("recap")).findElements(By.cssSelector("tbody tr")).size());
            parent.ajax(By.id("planning:confirm"));
            assertTrue(parent.await(By.cssSelector("#summary .pf-info")).getText().startsWith("Sélection validée : 4 sur 4"));
            assertEquals("Réservé (annulable)", state(parent, monday, p.matin()));
            assertEquals("Réservé (annulable)", state(parent, monday, p.midi()));
            assertEquals("Réservé (annulable)", state(parent, tuesday, p.midi()));
            assertEquals("Réservé (annulable)", state(parent, late, p.soir()));
            assertEquals("Réservable", state(parent, tuesday, p.soir()));
            assertEquals("0 journée(s) sélectionnée(s)", parent.driver.findElement(By.id("planning:count")).getText());

            // cancel two of them, the same way
            tap(parent, toggle(monday, p.matin()), true);
            tap(parent, toggle(late, p.soir()), true);
            assertEquals("À annuler", state(parent, monday, p.matin()));
            assertTrue(parent.driver.findElement(toggle(monday, p.matin())).getAttribute("aria-label").endsWith("Matin : à annuler"));
            parent.ajax(By.id("planning:review"));
            assertEquals(2, parent.await(By.id("recap")).findElements(By.cssSelector("tbody tr")).size());
            assertTrue(parent.driver.findElements(By.cssSelector("#recap tbody tr.pf-ko")).isEmpty(),
                    "une annulation sans frais n'est pas signalée");
            parent.ajax(By.id("planning:confirm"));
            assertTrue(parent.await(By.id("outcomes")).getText().contains("Annulation sans frais"));
            assertEquals("Annulé sans frais", state(parent, monday, p.matin()));
            assertEquals("Annulé sans frais", state(parent, late, p.soir()));
            assertEquals("Réservé (annulable)", state(parent, monday, p.midi()));
            assertEquals(Boolean.TRUE, parent.driver.executeScript("return window.__noReload === true;"),
                    "aucun rechargement de page : toucher, valider, confirmer en AJAX");
            assertEquals("", parent.accessibilityViolations(), "axe-core, après confirmation");
            screenshot(parent, "planning-telephone-confirme");
            // a day selected, the planning's other links ask before leaving too (a booked day's « Signaler une absence »)
            tap(parent, toggle(tuesday, p.soir()), true);
            String leave = declined(parent, By.cssSelector("a.pf-cell-note[data-day='" + monday + "']"));
            assertTrue(leave.startsWith("Les journées sélectionnées n'ont pas encore été confirmées"), leave);
            assertEquals(url, parent.driver.getCurrentUrl());
            assertEquals("1 journée(s) sélectionnée(s)", parent.driver.findElement(By.id("planning:count")).getText());
        }
        assertEquals(2, bookedCount(p.email()), "quatre réservées, deux annulées : lundi midi et mardi midi restent");
    }

    @Test
    void withTheKeyboardTabReachesACellAndSpaceTogglesItAnnouncedByAriaPressed() throws Exception {
        Phone p = phoneFamily("Clavier2026");
        try (Browser parent = new Browser()) {
            parent.get(BASE + "/espace/planning.xhtml?enfant=1&mois=" + p.month());
            parent.signIn(p.email(), "Clavier2026");
            parent.awaitUrlStartingWith(BASE + "/espace/planning.xhtml");
            parent.await(By.id("calendar"));
            parent.driver.executeScript("document.getElementById('show').focus();");
            WebElement focused = null;
            for (int i = 0; i < 40; i++) {
                new Actions(parent.driver).sendKeys(Keys.TAB).perform();
                focused = parent.driver.switchTo().activeElement();
                if (focused.getAttribute("data-unit") != null) {
                    break;
                }
            }
            assertTrue(focused != null && focused.getAttribute("data-unit") != null, "Tab atteint une case du planning");
            String id = focused.getAttribute("id");
            String name = focused.getAttribute("aria-label");
            assertTrue(name.endsWith(" : réservable"), name);
            String before = (String) parent.driver.executeScript("return document.documentElement.getAttribute('data-pf-ajax') || '0';");
            parent.driver.executeScript("window.__noReload = true;");
            new Actions(parent.driver).sendKeys(Keys.SPACE).perform();
            new org.openqa.selenium.support.ui.WebDriverWait(parent.driver, java.time.Duration.ofSeconds(20)).until(d -> !before.equals(
                    parent.driver.executeScript("return document.documentElement.getAttribute('data-pf-ajax') || '0';")));
            assertEquals(null, parent.driver.executeScript("return document.documentElement.getAttribute('data-pf-ajax-error');"),
                    "la requête AJAX aboutit sans erreur");
            WebElement after = parent.driver.switchTo().activeElement();
            assertEquals(id, after.getAttribute("id"), "le focus reste sur la case");
            assertEquals("true", after.getAttribute("aria-pressed"));
            assertTrue(after.getAttribute("aria-label").endsWith(" : sélectionné"), after.getAttribute("aria-label"));
            assertEquals("1 journée(s) sélectionnée(s)", parent.driver.findElement(By.id("planning:count")).getText());
            new Actions(parent.driver).sendKeys(Keys.SPACE).perform();
            new org.openqa.selenium.support.ui.WebDriverWait(parent.driver, java.time.Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> // the cell is re-rendered
                    "false".equals(parent.driver.switchTo().activeElement().getAttribute("aria-pressed")));
            assertEquals("0 journée(s) sélectionnée(s)", parent.driver.findElement(By.id("planning:count")).getText());
            assertEquals(Boolean.TRUE, parent.driver.executeScript("return window.__noReload === true;"));
            // "Vider la sélection" goes with the selection it emptied: the focus stays in the bar, not the page's top
            new Actions(parent.driver).sendKeys(Keys.SPACE).perform();
            new org.openqa.selenium.support.ui.WebDriverWait(parent.driver, java.time.Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class) // the bar is re-rendered
                    .until(d -> "1 journée(s) sélectionnée(s)".equals(d.findElement(By.id("planning:count")).getText()));
            parent.ajax(By.id("planning:clear"));
            assertEquals("planning:review", parent.driver.switchTo().activeElement().getAttribute("id"));

            // an address the page cannot read (an old or hand-made link): said, with the way back; a child the family
            // does not have: said
            parent.get(BASE + "/espace/planning.xhtml?enfant=abc");
            assertTrue(parent.await(By.id("address-errors")).getText().contains("Numéro d'enfant invalide"), parent::snapshot);
            assertTrue(parent.driver.findElements(By.id("not-validated")).isEmpty(), parent::snapshot);
            parent.driver.findElement(By.cssSelector("#address-invalid a")).click();
            parent.await(By.id("calendar"));
            parent.get(BASE + "/espace/planning.xhtml?enfant=9");
            assertTrue(parent.await(By.id("no-child")).getText().startsWith("Aucun enfant de votre dossier famille"));
            assertEquals("", parent.accessibilityViolations(), "axe-core, enfant inconnu");
        }
    }

    @Test
    void withoutJavaScriptEachTapIsAPlainFormPost() throws Exception {
        Phone p = phoneFamily("SansScript2026");
        LocalDate monday = p.monday();
        try (Browser parent = new Browser(false)) {
            parent.driver.manage().window().setSize(new Dimension(390, 844));
            parent.get(BASE + "/espace/planning.xhtml?enfant=1&mois=" + p.month());
            parent.signIn(p.email(), "SansScript2026");
            parent.awaitUrlStartingWith(BASE + "/espace/planning.xhtml");
            parent.await(By.id("calendar"));
            tap(parent, toggle(monday, p.midi()), false);
            assertEquals("Sélectionné", state(parent, monday, p.midi()));
            assertEquals("1 journée(s) sélectionnée(s)", parent.driver.findElement(By.id("planning:count")).getText());
            tap(parent, toggle(monday, p.soir()), false);
            tap(parent, toggle(monday, p.soir()), false);
            assertEquals("Réservable", state(parent, monday, p.soir()));
            parent.submit(By.id("planning:review"));
            assertEquals(1, parent.await(By.id("recap")).findElements(By.cssSelector("tbody tr")).size());
            parent.submit(By.id("planning:confirm"));
            assertEquals("Réservé (annulable)", state(parent, monday, p.midi()));
            screenshot(parent, "planning-sans-javascript");
        }
        assertEquals(1, bookedCount(p.email()));
    }

    static String monthName(LocalDate day) {
        return day.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.FRENCH);
    }

    static String unitOf(String activityCode, String unitCode) throws Exception {
        try (var c = StackLauncher.stack().platformDb().getConnection();
             var ps = c.prepareStatement("select u.id from commune_alpha.activity_unit u join commune_alpha.activity a"
                     + " on a.id = u.activity_id where a.code = ? and u.code = ?")) {
            ps.setString(1, activityCode);
            ps.setString(2, unitCode);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static int bookedCount(String email) throws Exception {
        try (var c = StackLauncher.stack().platformDb().getConnection();
             var ps = c.prepareStatement("select count(*) from commune_alpha.booking b join commune_alpha.child ch on"
                     + " ch.id = b.child_id join commune_alpha.family f on f.id = ch.family_id where f.email = ?"
                     + " and b.status = 'BOOKED'")) {
            ps.setString(1, email);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
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

}
