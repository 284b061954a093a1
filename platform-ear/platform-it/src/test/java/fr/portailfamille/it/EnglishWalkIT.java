package fr.portailfamille.it;

import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.WalkCommune;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * French first, English second: a browser set to English reads in English not only the pages' own words but those
 * their backing beans write (refusals, confirmations, the choices of a select, an error next to its field, amounts of
 * euros: "€3.50", "1850.50" typed back in a field) and those of the services' and rules' refusals — a parent's Mon
 * planning and Mon foyer, an agent's new-activity and news pages. The same pages in French are the other walks'.
 */
@ExtendWith(ArquillianExtension.class)
class EnglishWalkIT {

    static final String BASE = PlatformWebIT.url(ALPHA);

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Test
    @RunAsClient
    void aParentsPlanningSpeaksEnglishToAnEnglishBrowser() throws Exception {
        PlanningWalkIT.Phone p = PlanningWalkIT.phoneFamily("English2026");
        // a day of the activity costs 3.50 (every bracket and the maximum tariff): the summary's estimate shows it
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into tariff (activity_id, valid_from, mode, maximum_cents) select id, current_date - 400,"
                    + " 'BRACKETS', 350 from activity where name = '" + p.activity() + "'");
            st.execute("insert into tariff_price (tariff_id, bracket_id, price_cents) select t.id, b.id, 350 from tariff t"
                    + " join activity a on a.id = t.activity_id, qf_bracket b where a.name = '" + p.activity() + "'");
        }
        try (Browser parent = new Browser()) {
            parent.english();
            parent.get(BASE + "/espace/planning.xhtml?enfant=1&mois=" + p.month());
            // the commune's Keycloak in the portal's language too (its sign-in page, the mails sent from it)
            parent.await(By.id("username"));
            assertTrue(parent.driver.getCurrentUrl().contains("ui_locales=en"), parent.driver.getCurrentUrl());
            parent.signIn(p.email(), "English2026");
            parent.awaitUrlStartingWith(BASE + "/espace/planning.xhtml");
            assertEquals("My planning", parent.await(By.id("page-title")).getText());
            // the commune kept the platform's legend: its words in English too, in the legend and under each day
            String source = parent.driver.getPageSource();
            assertTrue(source.contains("Bookable") && !source.contains("Réservable"), "the default legend in English");
            parent.ajax(By.id("planning:review"));
            assertEquals("Select at least one day to book or to cancel.", parent.await(By.cssSelector("#summary li")).getText(),
                    parent::snapshot);
            PlanningWalkIT.tap(parent, PlanningWalkIT.toggle(p.monday(), p.midi()), true);
            assertEquals("1 day(s) selected", parent.driver.findElement(By.id("planning:count")).getText());
            parent.ajax(By.id("planning:review"));
            // the selection's estimate: euros as English writes them ("€3.50", not "3,50 €")
            assertEquals("€3.50", parent.await(By.id("recap-total")).getText(), parent::snapshot);
            parent.ajax(By.id("planning:confirm"));
            String done = parent.await(By.cssSelector("#summary .pf-info")).getText();
            assertTrue(done.startsWith("Selection confirmed: 1 of 1 day(s) saved."), done);
            String outcome = parent.await(By.id("outcomes")).getText();
            assertTrue(outcome.contains("Booking: "), "the result's words, English typography: " + outcome);
            assertEquals("", parent.accessibilityViolations(), "axe-core, planning in English");
            Browser.screenshot(parent, "english-planning");

            // the nightly close refused the day (no seat freed before it): its reason in English on the day and in
            // My requests, not the French the job stores for the agents
            long booked;
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("set search_path to commune_alpha");
                try (var rs = st.executeQuery("select b.id from booking b join child k on k.id = b.child_id"
                        + " join family f on f.id = k.family_id where f.email = '" + p.email() + "' and b.day = date '"
                        + p.monday() + "'")) {
                    assertTrue(rs.next());
                    booked = rs.getLong(1);
                }
                st.execute("update booking set status = 'REFUSED', refusal_reason = 'Aucune place ne s''est libérée avant"
                        + " ce jour.' where id = " + booked);
            }
            parent.get(BASE + "/espace/planning.xhtml?enfant=1&mois=" + p.month());
            String grid = parent.await(By.id("planning")).getText();
            assertTrue(grid.contains("No place became free before that day.") && !grid.contains("Aucune place"), grid);
            parent.get(BASE + "/espace/demandes.xhtml?demande=RESERVATION-" + booked);
            String shown = parent.await(By.id("request-shown-title")).findElement(By.xpath("..")).getText();
            assertTrue(shown.contains("No place became free before that day.") && !shown.contains("Aucune place"), shown);
            // and in the list of every request, not the stored word « {requests.reason.noSeat} »
            parent.get(BASE + "/espace/demandes.xhtml");
            assertEquals("No place became free before that day.", parent.await(By.cssSelector("#request-RESERVATION-" + booked
                    + " .request-reason")).getText());

            // Consulter les tarifs: the grid's maximum row, the tariff's rules and the prices in English
            parent.get(BASE + "/espace/tarifs.xhtml");
            String sheet = "//section[contains(@class,'pf-tariff')][h2[text()='" + p.activity() + "']]";
            String page = parent.await(By.xpath(sheet)).getText();
            assertTrue(page.contains("Maximum price") && page.contains("QF unknown or proof expired"), page);
            // the family has no QF: how its price was found and why, in English too (the invoices' lines keep the French)
            assertTrue(page.contains("Maximum price: family quotient not provided") && !page.contains("Tarif maximum"), page);
            String maximum = parent.driver.findElement(By.id("maximum")).getText();
            assertTrue(maximum.contains("family quotient not provided") && !maximum.contains("quotient familial absent"), maximum);
            assertTrue(page.contains("Unexcused absence: billed; excused absence: not billed."), page);
            assertTrue(page.contains("€3.50") && !page.contains("3,50"), page);
            assertEquals("", parent.accessibilityViolations(), "axe-core, tariffs in English");
            Browser.screenshot(parent, "english-tarifs");

            // Mon foyer: the monthly resources typed back as an English page reads them ("1850.50", not "1850,50")
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("update commune_alpha.family set monthly_resources_cents = 185050 where email = '" + p.email() + "'");
            }
            parent.get(BASE + "/espace/foyer.xhtml");
            assertEquals("1850.50", parent.await(By.id("foyer:monthlyResources")).getAttribute("value"), parent::snapshot);
        }
    }

    @Test
    @RunAsClient
    void anAgentsNewActivityPageSpeaksEnglishToAnEnglishBrowser() throws Exception {
        WalkCommune.of(ALPHA);
        try (Browser agent = new Browser()) {
            agent.english();
            agent.get(BASE + "/agent/configuration/nouvelle-activite.xhtml");
            agent.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(BASE + "/agent/configuration/nouvelle-activite.xhtml");
            List<String> types = new Select(agent.await(By.id("nouvelle:type"))).getOptions().stream()
                    .map(WebElement::getText).toList();
            assertTrue(types.containsAll(List.of("Out-of-school care", "School meals", "Residential stay")), types.toString());
            Browser.type(agent, "nouvelle:unitStart", "14h");
            agent.submit(By.id("nouvelle:create"));
            assertEquals("Time expected in the hh:mm format.", agent.await(By.id("nouvelle:unitStart_msg")).getText(),
                    agent::snapshot);
            assertEquals("14h", agent.driver.findElement(By.id("nouvelle:unitStart")).getAttribute("value"), "what was typed stays");
            // the page opens on the first field in error (portail.js), not at its top
            assertEquals(Boolean.TRUE, agent.driver.executeScript("var a = document.activeElement;"
                    + " var d = a && a.getAttribute('aria-describedby'); return !!d && d.split(' ').some(function (id) {"
                    + " var m = document.getElementById(id); return !!m && m.classList.contains('pf-error')"
                    + " && m.textContent.trim().length > 0; });"), "focus on a field in error");
            assertEquals("", agent.accessibilityViolations(), "axe-core, new activity in English");
            Browser.screenshot(agent, "english-new-activity");
            // the opening windows' criteria beside their weights
            agent.get(BASE + "/agent/fenetre.xhtml");
            String weights = agent.await(By.id("page-title")).getText() + agent.driver.findElement(By.tagName("main")).getText();
            assertTrue(weights.contains("working parents") && !weights.contains("parents qui travaillent"), weights);
        }
    }

    @Test
    @RunAsClient
    void aRulesRefusalIsReadInEnglishNextToItsField() throws Exception {
        WalkCommune.of(ALPHA);
        try (Browser agent = new Browser()) {
            agent.english();
            agent.get(BASE + "/agent/actualite.xhtml");
            agent.signIn(StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(BASE + "/agent/actualite.xhtml");
            Browser.type(agent, "news:title", "Fermeture exceptionnelle");
            agent.submit(By.id("news:save"));
            // the news rules' refusal (tenant-config's bundle), shown next to the body by the agents' news page
            assertEquals("Write the text of the news.", agent.await(By.id("news:body_msg")).getText(), agent::snapshot);
            assertEquals("Fermeture exceptionnelle", agent.driver.findElement(By.id("news:title")).getAttribute("value"),
                    "what was typed stays");
            assertEquals("", agent.accessibilityViolations(), "axe-core, a news refused in English");
        }
    }
}
