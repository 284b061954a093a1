package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.it.support.WalkCommune;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An agent configures the commune, one page per section under {@code agent/configuration/}: every page
 * passes axe-core, the Content-Security-Policy and a 360 px screen; each section saves on its own,
 * problems show next to their fields in French and what was typed stays.
 */
@ExtendWith(ArquillianExtension.class)
class ConfigurationWalkIT {

    /** A commune of the walk's own (its default configuration): alpha holds every other test's activities and régies. */
    static final String SLUG = "reglages";
    static final String BASE = PlatformWebIT.url(SLUG);
    static final List<String> PAGES = List.of("/agent/configuration.xhtml", "/agent/configuration/calendrier.xhtml",
            "/agent/configuration/activites.xhtml", "/agent/configuration/nouvelle-activite.xhtml",
            "/agent/configuration/etablissements.xhtml", "/agent/configuration/legende.xhtml",
            "/agent/configuration/textes.xhtml", "/agent/configuration/fichier.xhtml", "/agent/configuration/journal.xhtml");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platformWar();
    }

    @Test
    void everySectionPageIsAccessibleHoldsTheCspAndFitsAPhone() throws Exception {
        WalkCommune.of(SLUG);
        List<String> wide = new ArrayList<>();
        try (Browser agent = new Browser()) {
            PlatformWebIT.recordCspViolations(agent);
            InputsWebIT.phone(agent);
            agent.get(BASE + "/agent/configuration.xhtml");
            agent.signIn(StackLauncher.agent(SLUG), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(BASE + "/agent/configuration.xhtml");
            for (String section : List.of("calendrier", "activites", "etablissements", "legende", "textes", "fichier")) {
                assertTrue(agent.await(By.id("index-" + section)).getAttribute("href").endsWith("/agent/configuration/" + section + ".xhtml"));
            }
            for (String page : PAGES) {
                agent.get(BASE + page);
                agent.await(By.id("page-title"));
                assertEquals("", PlatformWebIT.cspViolations(agent), page);
                assertEquals("", agent.accessibilityViolations(), "axe-core, " + page);
                InputsWebIT.check(agent, "config-" + page.replaceAll("\\W+", "-"), wide);
            }
            agent.get(BASE + "/agent/configuration/legende.xhtml");
            assertEquals("page", agent.await(By.id("section-legende")).getAttribute("aria-current"), "the section shown is marked");
            assertEquals(null, agent.driver.findElement(By.id("section-textes")).getAttribute("aria-current"));
        }
        assertEquals(List.of(), wide, "pages plus larges que 360 px");
    }

    @Test
    void agentsConfigureActivitiesWithErrorsNextToTheFields() throws Exception {
        WalkCommune.of(SLUG);
        String page = BASE + "/agent/configuration/activites.xhtml";
        try (Browser agent = new Browser()) {
            agent.get(page);
            agent.signIn(StackLauncher.agent(SLUG), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(page);

            // a deadline the platform cannot read: refused, the message next to the field, what was typed kept, nothing saved
            WebElement deadline = agent.await(By.id("activites:activities:0:bookingDeadline"));
            String kept = deadline.getAttribute("value");
            deadline.clear();
            deadline.sendKeys("J-X");
            agent.submit(By.id("activites:save"));
            assertFalse(agent.await(By.id("activites:activities:0:bookingDeadline_msg")).getText().isBlank(), () -> agent.snapshot());
            assertEquals("J-X", agent.driver.findElement(By.id("activites:activities:0:bookingDeadline")).getAttribute("value"));
            assertEquals("", agent.accessibilityViolations(), "axe-core, activités avec erreurs");
            agent.get(page);
            assertEquals(kept, agent.await(By.id("activites:activities:0:bookingDeadline")).getAttribute("value"));
            agent.submit(By.id("activites:save"));
            assertEquals("Activités enregistrées.", agent.await(By.cssSelector("#summary .pf-info")).getText(),
                    "le formulaire relu tel quel s'enregistre sans rien changer");

            // a new moment for the first activity: a bad time is refused next to its field, then saved, then removed
            int units = agent.driver.findElements(By.cssSelector("input[id^='activites:activities:0:units:'][id$=':label']")).size();
            String unit = "activites:activities:0:units:" + units + ":";
            agent.submit(By.id("activites:activities:0:addUnit"));
            Browser.type(agent, unit + "code", "gouter");
            Browser.type(agent, unit + "label", "Goûter");
            Browser.type(agent, unit + "start", "25:00");
            Browser.type(agent, unit + "capacity", "10");
            agent.submit(By.id("activites:save"));
            assertEquals("Heure attendue au format hh:mm.", agent.await(By.id(unit + "start_msg")).getText());
            Browser.type(agent, unit + "start", "16:30");
            Browser.type(agent, unit + "end", "17:00");
            agent.submit(By.id("activites:save"));
            assertEquals("Activités enregistrées.", agent.await(By.cssSelector("#summary .pf-info")).getText());
            assertTrue(agent.driver.getPageSource().contains("Moment GOUTER"));
            int before = agent.driver.findElements(By.cssSelector("input[id^='activites:activities:0:units:'][id$=':label']")).size();
            agent.submit(By.cssSelector("input[aria-label^='Retirer ce moment GOUTER de ']"));
            assertEquals(before - 1, agent.driver.findElements(
                    By.cssSelector("input[id^='activites:activities:0:units:'][id$=':label']")).size());
            agent.submit(By.id("activites:save"));
            assertEquals("Activités enregistrées.", agent.await(By.cssSelector("#summary .pf-info")).getText());
            assertFalse(agent.driver.getPageSource().contains("Moment GOUTER"));

            // another agent raised a capacity of an activity this screen shows since it was read: its save would put the
            // older one back (and book beyond the seats): refused in words, nothing saved
            String schema = WalkCommune.of(SLUG).schemaName();
            String legend = agent.await(By.cssSelector("#activites fieldset legend")).getText();
            String firstCode = legend.substring(legend.lastIndexOf('(') + 1, legend.length() - 1);
            String unitOfFirst = "(select min(u.id) from " + schema + ".activity_unit u join " + schema + ".activity a on"
                    + " a.id = u.activity_id where a.code = '" + firstCode + "')";
            try (java.sql.Connection c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("update " + schema + ".activity_unit set capacity = capacity + 7 where id = " + unitOfFirst);
            }
            try {
                agent.submit(By.id("activites:save"));
                assertTrue(agent.await(By.cssSelector("#summary .pf-error-item")).getText()
                        .startsWith("Un autre agent a enregistré cet écran"), () -> agent.snapshot());
            } finally {
                try (java.sql.Connection c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                    st.execute("update " + schema + ".activity_unit set capacity = capacity - 7 where id = " + unitOfFirst);
                }
            }

            // an activity with a registration removed by mistake: refused, and its row back on the screen (it vanished,
            // and every later save was refused the same way until the page was read again)
            agent.get(page);
            try (java.sql.Connection c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                String mail = "retrait-" + UUID.randomUUID().toString().substring(0, 8) + "@reglages.test";
                st.execute("insert into " + schema + ".family (label, email) values ('Famille Retrait', '" + mail + "')");
                st.execute("insert into " + schema + ".child (family_id, first_name, last_name, birth_date) select id, 'Noé',"
                        + " 'Retrait', date '2019-03-01' from " + schema + ".family where email = '" + mail + "'");
                st.execute("insert into " + schema + ".registration (child_id, activity_id, status, cgu_accepted_at) select c.id, a.id,"
                        + " 'VALIDATED', now() from " + schema + ".child c join " + schema + ".family f on f.id = c.family_id, "
                        + schema + ".activity a where f.email = '" + mail + "' and a.code = '" + firstCode + "'");
            }
            agent.submit(By.cssSelector("#activites fieldset input[aria-label^='Retirer l']"));
            assertFalse(agent.driver.getPageSource().contains("(" + firstCode + ")</legend>"), "removed from the screen");
            agent.submit(By.id("activites:save"));
            assertTrue(agent.await(By.cssSelector("#summary .pf-error-item")).getText().contains(firstCode), () -> agent.snapshot());
            assertEquals(legend, agent.driver.findElement(By.cssSelector("#activites fieldset legend")).getText(),
                    "the activity back where it was");
            agent.submit(By.id("activites:save"));
            assertEquals("Activités enregistrées.", agent.await(By.cssSelector("#summary .pf-info")).getText(),
                    "the next save goes through");

            // a new activity, on its own page: the missing name next to its field, then created and shown in Activités
            agent.submit(By.id("new-activity"));
            agent.awaitUrlStartingWith(BASE + "/agent/configuration/nouvelle-activite.xhtml");
            String code = "STAGE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            Browser.type(agent, "nouvelle:code", code);
            new Select(agent.driver.findElement(By.id("nouvelle:type"))).selectByValue("SPORT");
            Browser.type(agent, "nouvelle:unitCode", "APREM");
            Browser.type(agent, "nouvelle:unitLabel", "Après-midi");
            Browser.type(agent, "nouvelle:unitStart", "14h");
            Browser.type(agent, "nouvelle:capacity", "12");
            agent.submit(By.id("nouvelle:create"));
            assertEquals("Heure attendue au format hh:mm.", agent.await(By.id("nouvelle:unitStart_msg")).getText());
            Browser.type(agent, "nouvelle:unitStart", "14:00");
            agent.submit(By.id("nouvelle:create"));
            assertEquals("Le nom est obligatoire.", agent.await(By.id("nouvelle:name_msg")).getText());
            assertEquals(code, agent.driver.findElement(By.id("nouvelle:code")).getAttribute("value"), "ce qui a été saisi reste");
            assertEquals("", agent.accessibilityViolations(), "axe-core, nouvelle activité avec erreurs");
            Browser.type(agent, "nouvelle:name", "Stage multisport");
            agent.submit(By.id("nouvelle:create"));
            agent.awaitUrlStartingWith(page);
            assertEquals("Activité « Stage multisport » créée : précisez ses délais, âges et documents ci-dessous.",
                    agent.await(By.cssSelector("#summary .pf-info")).getText());
            assertTrue(agent.driver.getPageSource().contains("Stage multisport (" + code + ")"));
            assertEquals("", agent.accessibilityViolations(), "axe-core, activités après création");

            // the configuration's journal: the creation first, by this agent, the moment added and removed before it
            agent.get(BASE + "/agent/configuration/journal.xhtml");
            String latest = agent.await(By.xpath("//div[@id='journal:table']//tbody/tr[1]")).getText();
            assertTrue(latest.contains(StackLauncher.agent(SLUG)), latest);
            assertTrue(latest.contains("Activités : ajouté : " + code), latest);
            String earlier = agent.driver.findElement(By.xpath("//div[@id='journal:table']//tbody/tr[2]")).getText();
            assertTrue(earlier.contains("Activités : modifié : "), earlier);
            assertTrue(earlier.contains(" › moments › GOUTER : retiré"), "each value changed, in words: " + earlier);
            String added = agent.driver.findElement(By.xpath("//div[@id='journal:table']//tbody/tr[3]")).getText();
            assertTrue(added.contains(" › moments › GOUTER : ajouté"), added);
            assertEquals("", agent.accessibilityViolations(), "axe-core, journal de la configuration");
            Browser.screenshot(agent, "configuration-journal");
        }
    }

    @Test
    void agentsConfigureTheCalendarEstablishmentsLegendTextsAndFile() throws Exception {
        String schema = WalkCommune.of(SLUG).schemaName();
        java.time.LocalDate day = TestDays.today().plusMonths(9).withDayOfMonth(15);
        // a family booked that day: closing it cancels the booking, which the agent confirms first
        long booking;
        long imported;
        try (java.sql.Connection c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            String code = "FERM" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            st.execute("insert into " + schema + ".family (label, email) values ('Famille Fermeture', 'fermeture-" + code
                    + "@reglages.test')");
            st.execute("insert into " + schema + ".child (family_id, first_name, last_name, birth_date) select id, 'Lou',"
                    + " 'Fermeture', date '2019-03-01' from " + schema + ".family where email = 'fermeture-" + code + "@reglages.test'");
            st.execute("insert into " + schema + ".activity (code, name, type, booking_deadline, cancellation_deadline,"
                    + " late_policy) values ('" + code + "', 'Cantine fermeture', 'RESTAURATION', 'J-2@23:59', 'J-2@23:59',"
                    + " 'REFUSED')");
            st.execute("insert into " + schema + ".activity_unit (activity_id, code, label, capacity) select id, 'MIDI', 'Midi',"
                    + " 10 from " + schema + ".activity where code = '" + code + "'");
            try (var rs = st.executeQuery("insert into " + schema + ".booking (child_id, unit_id, day, status) select c.id, u.id,"
                    + " date '" + day + "', 'BOOKED' from " + schema + ".child c, " + schema + ".activity_unit u join " + schema
                    + ".activity a on a.id = u.activity_id where c.last_name = 'Fermeture' and a.code = '" + code
                    + "' order by c.id desc limit 1 returning id")) {
                rs.next();
                booking = rs.getLong(1);
            }
            // and the day after, which a configuration file's closure cancels
            try (var rs = st.executeQuery("insert into " + schema + ".booking (child_id, unit_id, day, status) select"
                    + " b.child_id, b.unit_id, b.day + 1, 'BOOKED' from " + schema + ".booking b where b.id = " + booking
                    + " returning id")) {
                rs.next();
                imported = rs.getLong(1);
            }
        }
        try (Browser agent = new Browser()) {
            agent.get(BASE + "/agent/configuration/calendrier.xhtml");
            agent.signIn(StackLauncher.agent(SLUG), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(BASE + "/agent/configuration/calendrier.xhtml");

            // a closure day, saved with the calendar, then taken back out
            int closures = agent.driver.findElements(By.cssSelector("input[id^='calendrier:closures:'][id$=':day']")).size();
            agent.submit(By.id("calendrier:addClosure"));
            assertEquals("calendrier:closures:" + closures + ":day", agent.driver.switchTo().activeElement().getAttribute("id"),
                    "the page opens on the new closure's day, not at its top");
            agent.submit(By.id("calendrier:save"));
            assertEquals("Le libellé est obligatoire.", agent.await(By.id("calendrier:closures:" + closures + ":label_msg")).getText());
            assertEquals("", agent.accessibilityViolations(), "axe-core, calendrier avec erreurs");
            FamilyWebIT.date(agent, "calendrier:closures:" + closures + ":day", day.toString());
            Browser.type(agent, "calendrier:closures:" + closures + ":label", "Travaux de l'école");
            agent.submit(By.id("calendrier:save"));
            // the day had a booking: said, nothing saved yet, the typed closure kept; saved again, it is confirmed
            assertTrue(agent.await(By.cssSelector("#summary .pf-error-item")).getText()
                    .startsWith("Cet enregistrement annule 1 réservation(s) déjà faite(s)"), agent::snapshot);
            assertEquals(day.toString(), agent.driver.findElement(By.id("calendrier:closures:" + closures + ":day"))
                    .getAttribute("value"));
            assertEquals("BOOKED", bookingStatus(schema, booking));
            assertEquals("", agent.accessibilityViolations(), "axe-core, calendrier à confirmer");
            agent.submit(By.id("calendrier:save"));
            assertTrue(agent.await(By.cssSelector("#summary .pf-info")).getText().startsWith("Calendrier enregistré"));
            assertEquals("CANCELLED_FREE", bookingStatus(schema, booking));
            assertEquals(day.toString(), agent.await(By.id("calendrier:closures:" + closures + ":day")).getAttribute("value"));
            agent.submit(By.id("calendrier:closures:" + closures + ":remove"));
            assertEquals("calendrier:addClosure", agent.driver.switchTo().activeElement().getAttribute("id"));
            agent.submit(By.id("calendrier:save"));
            assertTrue(agent.await(By.cssSelector("#summary .pf-info")).getText().startsWith("Calendrier enregistré"));
            assertTrue(agent.driver.findElements(By.id("calendrier:closures:" + closures + ":day")).isEmpty());

            // an establishment without code: refused next to its field, the typed name kept; then removed unsaved
            agent.get(BASE + "/agent/configuration/etablissements.xhtml");
            int rows = agent.driver.findElements(By.cssSelector("input[id^='etablissements:establishments:'][id$=':name']")).size();
            agent.submit(By.id("etablissements:add"));
            String row = "etablissements:establishments:" + rows + ":";
            assertEquals(row + "code", agent.driver.switchTo().activeElement().getAttribute("id"));
            Browser.type(agent, row + "name", "Gymnase");
            new Select(agent.driver.findElement(By.id(row + "kind"))).selectByValue("AUTRE");
            agent.submit(By.id("etablissements:save"));
            assertEquals("Le code est obligatoire.", agent.await(By.id(row + "code_msg")).getText());
            assertEquals("Gymnase", agent.driver.findElement(By.id(row + "name")).getAttribute("value"));
            assertEquals("", agent.accessibilityViolations(), "axe-core, établissements avec erreurs");
            agent.get(BASE + "/agent/configuration/etablissements.xhtml");
            assertEquals(rows, agent.driver.findElements(By.cssSelector("input[id^='etablissements:establishments:'][id$=':name']")).size(),
                    "rien d'enregistré");
            // another agent saves the list while this screen is open: this save would put the older list back, it is
            // refused in words, the typed row kept; reloaded, both are there to work on
            String other = "AUTRE" + (System.nanoTime() % 100000);
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("insert into " + schema + ".establishment (code, name, kind) values ('" + other
                        + "', 'Salle des fêtes', 'AUTRE')");
            }
            try {
                agent.submit(By.id("etablissements:add"));
                Browser.type(agent, row + "code", "GYM");
                Browser.type(agent, row + "name", "Gymnase");
                new Select(agent.driver.findElement(By.id(row + "kind"))).selectByValue("AUTRE");
                agent.submit(By.id("etablissements:save"));
                assertTrue(agent.await(By.cssSelector("#summary .pf-error-item")).getText()
                        .startsWith("Un autre agent a enregistré cet écran depuis que vous l'avez ouvert"), agent::snapshot);
                assertEquals("Gymnase", agent.driver.findElement(By.id(row + "name")).getAttribute("value"));
                agent.get(BASE + "/agent/configuration/etablissements.xhtml");
                assertTrue(agent.await(By.id("etablissements:save")).isDisplayed());
                assertTrue(agent.driver.getPageSource().contains("Salle des fêtes"), "the other agent's row, kept");
            } finally {
                try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                    st.execute("delete from " + schema + ".establishment where code = '" + other + "'");
                }
            }

            // a legend state whose text cannot be read on its colour: refused, the colour typed kept
            agent.get(BASE + "/agent/configuration/legende.xhtml");
            WebElement text = agent.await(By.id("legende:legend:0:text"));
            // each state titled by what it means, never by its code
            assertEquals("Réservé, encore annulable sans frais",
                    agent.driver.findElement(By.cssSelector("fieldset[data-state='RESERVE_ANNULABLE'] legend")).getText());
            assertTrue(agent.driver.findElements(By.xpath("//label[contains(., 'RESERVABLE')]")).isEmpty(), "no code in a label");
            Browser.screenshot(agent, "configuration-legende");
            String background = agent.driver.findElement(By.id("legende:legend:0:background")).getAttribute("value");
            agent.driver.executeScript("arguments[0].value = arguments[1];", text, background);
            agent.submit(By.id("legende:save"));
            assertTrue(agent.await(By.cssSelector("#summary .pf-error-item")).getText().contains("contraste"), () -> agent.snapshot());
            assertEquals(background, agent.driver.findElement(By.id("legende:legend:0:text")).getAttribute("value"));
            agent.get(BASE + "/agent/configuration/legende.xhtml");
            agent.submit(By.id("legende:save"));
            assertEquals("Légende enregistrée.", agent.await(By.cssSelector("#summary .pf-info")).getText());

            // texts: saved as they are
            agent.get(BASE + "/agent/configuration/textes.xhtml");
            String cgu = agent.await(By.id("textes:cgu")).getAttribute("value");
            agent.submit(By.id("textes:save"));
            assertEquals("Textes enregistrés.", agent.await(By.cssSelector("#summary .pf-info")).getText());
            assertEquals(cgu, agent.driver.findElement(By.id("textes:cgu")).getAttribute("value"));

            // the file: no file, then a file that is not a configuration: every problem listed, nothing written
            agent.get(BASE + "/agent/configuration/fichier.xhtml");
            assertTrue(agent.await(By.id("export")).getAttribute("href").endsWith("/agent/configuration.json"));
            agent.submit(By.id("import:importer"));
            assertEquals("Choisissez un fichier de configuration (.json).", agent.await(By.id("import:file_msg")).getText());
            Path bad = Files.createTempFile("configuration", ".json");
            Files.writeString(bad, "{\"format\": \"portail-famille/configuration\", \"version\": 1, \"zone\": \"Z\"}");
            agent.driver.findElement(By.id("import:file")).sendKeys(bad.toAbsolutePath().toString());
            agent.submit(By.id("import:importer"));
            assertFalse(agent.driver.findElements(By.cssSelector("#summary .pf-error-item")).isEmpty(), () -> agent.snapshot());
            assertEquals("", agent.accessibilityViolations(), "axe-core, fichier avec erreurs");
            // the export edited and saved in Windows-1252: refused, not imported with « � » for every accent
            Files.write(bad, "{\"format\": \"portail-famille/configuration\", \"version\": 1, \"zone\": \"Périscolaire\"}"
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            agent.get(BASE + "/agent/configuration/fichier.xhtml");
            agent.await(By.id("import:file")).sendKeys(bad.toAbsolutePath().toString());
            agent.submit(By.id("import:importer"));
            assertTrue(agent.await(By.id("import:file_msg")).getText().startsWith("Ce fichier n'est pas enregistré en UTF-8"),
                    () -> agent.snapshot());
            Files.delete(bad);
            agent.get(BASE + "/agent/configuration/textes.xhtml");
            assertEquals(cgu, agent.await(By.id("textes:cgu")).getAttribute("value"), "rien d'importé");

            // a file closing a booked day: held until the agent confirms, as the calendar does; not imported when
            // the agent declines, imported with the booking cancelled when the agent confirms
            Path closing = Files.createTempFile("configuration", ".json");
            try (java.sql.Connection c = StackLauncher.stack().platformDb().getConnection()) {
                var conf = fr.portailfamille.configuration.ConfigurationReader.of(c, schema).configuration();
                List<fr.portailfamille.configuration.CommuneConfiguration.Closure> closed = new ArrayList<>(conf.closures());
                closed.add(new fr.portailfamille.configuration.CommuneConfiguration.Closure(day.plusDays(1), "Élections"));
                Files.writeString(closing, fr.portailfamille.configuration.ConfigurationJson.write(
                        conf.withCalendar(conf.periods(), closed)));
            }
            for (String decision : List.of("confirmation:annuler", "confirmation:confirmer")) {
                agent.get(BASE + "/agent/configuration/fichier.xhtml");
                agent.await(By.id("import:file")).sendKeys(closing.toAbsolutePath().toString());
                agent.submit(By.id("import:importer"));
                assertTrue(agent.await(By.cssSelector("#summary .pf-error-item")).getText()
                        .startsWith("Ce fichier annule 1 réservation(s) déjà faite(s)"), agent::snapshot);
                assertEquals("BOOKED", bookingStatus(schema, imported), "rien d'importé avant la confirmation");
                assertEquals("confirmation:confirmer", agent.driver.switchTo().activeElement().getAttribute("id"));
                assertEquals("", agent.accessibilityViolations(), "axe-core, import à confirmer");
                agent.submit(By.id(decision));
                if (decision.endsWith("annuler")) {
                    assertEquals("Le fichier n'a pas été importé.", agent.await(By.cssSelector("#summary .pf-info")).getText());
                    assertEquals("BOOKED", bookingStatus(schema, imported));
                }
            }
            assertEquals("Configuration importée.", agent.await(By.cssSelector("#summary .pf-info")).getText());
            assertEquals("CANCELLED_FREE", bookingStatus(schema, imported));
            Files.delete(closing);
        }
    }

    /** A commune of its own, as an operator hands it over: the model configuration and nothing else. */
    static final String NEW_SLUG = "demarrage";

    @Test
    void aNewCommunesAgentsAreToldWhatToSetUpUntilItIsDone() throws Exception {
        fr.portailfamille.tenancy.Commune commune = WalkCommune.of(NEW_SLUG);
        String base = PlatformWebIT.url(NEW_SLUG);
        try (Browser agent = new Browser()) {
            agent.get(base + "/agent/index.xhtml");
            agent.signIn(StackLauncher.agent(NEW_SLUG), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(base + "/agent/index.xhtml");
            assertTrue(agent.await(By.id("setup-progress")).getText().startsWith("0 réglages sur 7 faits"), () -> agent.snapshot());
            for (String step : List.of("zone", "holidays", "establishments", "cgu", "postcodes", "regisseur", "tariffs")) {
                assertEquals("À faire", agent.driver.findElement(By.cssSelector("#setup-" + step + " .pf-setup-state")).getText(), step);
            }
            assertTrue(agent.driver.findElement(By.id("setup-postcodes-link")).getAttribute("href")
                    .endsWith("/agent/configuration/tarification.xhtml"));
            assertEquals("", agent.accessibilityViolations(), "axe-core, accueil des agents avec la mise en route");

            // the zone and the commune's own CGU, typed on their page: two steps done
            agent.driver.findElement(By.id("setup-zone-link")).click();
            agent.awaitUrlStartingWith(base + "/agent/configuration/textes.xhtml");
            new Select(agent.await(By.id("textes:zone"))).selectByValue("B");
            WebElement cgu = agent.driver.findElement(By.id("textes:cgu"));
            cgu.clear();
            cgu.sendKeys("Règlement des services périscolaires de la commune Demarrage.\nArticle 1.");
            agent.submit(By.id("textes:save"));
            assertEquals("Textes enregistrés.", agent.await(By.cssSelector("#summary .pf-info")).getText());
            agent.get(base + "/agent/index.xhtml");
            assertTrue(agent.await(By.id("setup-progress")).getText().startsWith("2 réglages sur 7 faits"), () -> agent.snapshot());
            assertEquals("Fait", agent.driver.findElement(By.cssSelector("#setup-zone .pf-setup-state")).getText());
            assertEquals("Fait", agent.driver.findElement(By.cssSelector("#setup-cgu .pf-setup-state")).getText());

            // the rest set up (as the other sections' pages would): the block is gone
            completeSetup(commune);
            agent.get(base + "/agent/index.xhtml");
            agent.await(By.id("queues-title"));
            assertTrue(agent.driver.findElements(By.id("setup")).isEmpty(), "la mise en route disparaît une fois faite");

            // next June's chore: the next school year drafted from this one, its holidays with it, for the agent to check
            agent.get(base + "/agent/configuration/calendrier.xhtml");
            int periods = agent.await(By.id("calendrier")).findElements(By.cssSelector("input[id$=':label'][id^='calendrier:periods:']")).size();
            agent.submit(By.id("calendrier:nextYear"));
            assertEquals("« Année scolaire des tests » et 1 période(s) de vacances ajoutées d'après l'année précédente, sans être"
                    + " enregistrées : vérifiez chaque date d'après le calendrier officiel, puis enregistrez le calendrier.",
                    agent.await(By.cssSelector("#summary .pf-info")).getText());
            assertEquals("calendrier:periods:" + periods + ":start", agent.driver.switchTo().activeElement().getAttribute("id"));
            java.time.LocalDate start = java.time.LocalDate.parse(
                    agent.driver.findElement(By.id("calendrier:periods:0:start")).getAttribute("value"));
            assertEquals(start.plusWeeks(52).toString(),
                    agent.driver.findElement(By.id("calendrier:periods:" + periods + ":start")).getAttribute("value"));
            assertEquals("Vacances de printemps",
                    agent.driver.findElement(By.id("calendrier:periods:" + (periods + 1) + ":label")).getAttribute("value"));
            assertEquals("", agent.accessibilityViolations(), "axe-core, calendrier avec l'année suivante préparée");

            // the day sheet of a day without any care says so instead of an empty table
            java.time.LocalDate sunday = TestDays.today().with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY));
            agent.get(base + "/agent/pointage.xhtml?jour=" + sunday);
            assertTrue(agent.await(By.id("occupation-empty")).getText().startsWith("Aucune activité n'accueille d'enfants le dimanche"),
                    () -> agent.snapshot());
            assertTrue(agent.driver.findElements(By.id("occupation")).isEmpty());
            assertEquals("", agent.accessibilityViolations(), "axe-core, pointage d'un jour sans accueil");
        }
    }

    /** Holidays, a school, resident postcodes, a régisseur and the commune's own prices, written as one configuration. */
    static void completeSetup(fr.portailfamille.tenancy.Commune commune) throws Exception {
        try (java.sql.Connection c = StackLauncher.stack().platformDb().getConnection()) {
            c.setAutoCommit(false);
            var conf = fr.portailfamille.configuration.ConfigurationReader.of(c, commune.schemaName()).configuration();
            var year = conf.periods().get(0);
            var periods = new ArrayList<>(conf.periods());
            periods.add(new fr.portailfamille.configuration.CommuneConfiguration.Period(
                    fr.portailfamille.configuration.CommuneConfiguration.PeriodKind.VACANCES, "Vacances de printemps",
                    year.end().minusDays(60), year.end().minusDays(45)));
            var b = conf.billing();
            var s = b.settings();
            var regies = b.regies().stream().map(r -> new fr.portailfamille.billing.Regie(r.code(), r.label(), r.invoicePrefix(),
                    "Régisseur Demarrage", "regie@demarrage.example.test", null, r.activities(), r.paymentInstructions())).toList();
            var tariffs = b.tariffs().stream().map(t -> new fr.portailfamille.billing.Tariff(t.activity(), t.unit(), t.validFrom(),
                    t.mode(), t.prices(), t.maximumCents() == null ? null : t.maximumCents() + 5, t.effortRatePercent(), t.floorCents(),
                    t.ceilingCents(), t.nonResident(), t.siblingSecondPercent(), t.siblingThirdPercent(), t.lateSurcharge(),
                    t.unexcusedAbsenceBilled(), t.unbookedPresenceCents())).toList();
            conf = conf.withCalendar(periods, conf.closures())
                    .withEstablishments(List.of(new fr.portailfamille.configuration.CommuneConfiguration.Establishment("ECOLE",
                            "École du bourg", fr.portailfamille.configuration.CommuneConfiguration.EstablishmentKind.ECOLE_PRIMAIRE, null)))
                    .withBilling(new fr.portailfamille.billing.BillingConfiguration(new fr.portailfamille.billing.BillingSettings(
                            s.qfValidityMonths(), List.of("49000"), s.brackets(), s.reminderDays()), regies, tariffs));
            fr.portailfamille.configuration.ConfigurationStore.importInto(c, commune.schemaName(), conf);
            c.commit();
        }
    }

    static String bookingStatus(String schema, long booking) throws Exception {
        try (java.sql.Connection c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("select status from " + schema + ".booking where id = " + booking)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
