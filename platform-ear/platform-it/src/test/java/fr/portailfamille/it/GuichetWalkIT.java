package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.tenancy.CommuneRules;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The walk of "Réserver pour la famille" in Chromium: an agent opens a validated family's file, follows its link, sends
 * the form empty (the message next to the field), books one day for the child, then cancels it from the coming
 * bookings; past the free cancellation, is warned before a billed one; declares an absence the family phones in;
 * axe-core on each state of the page; the family's planning holds the days. A parent is refused the page.
 */
@ExtendWith(ArquillianExtension.class)
class GuichetWalkIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Test
    @RunAsClient
    void anAgentBooksCancelsAndDeclaresAnAbsenceForAFamilyAtTheCounter() throws Exception {
        String base = StackLauncher.url(StackLauncher.ALPHA);
        String s = fr.portailfamille.it.support.BillingKit.random(6).replaceAll("[^A-Z0-9]", "X").toLowerCase();
        String agent = "agent-guichet-" + s + "@alpha.test";
        String parent = "guichet-" + s + "@alpha.test";
        var realms = StackLauncher.stack().realmProvisioner();
        realms.createUser(CommuneRules.realmName("alpha"), agent, "Claude", "Guichet", StackLauncher.PASSWORD_AGENT, "agent");
        realms.createUser(CommuneRules.realmName("alpha"), parent, "Camille", "Guichet" + s, StackLauncher.PASSWORD_PARENT, "parent");
        long family;
        long child;
        long unit;
        LocalDate day = TestDays.mondayAfter(TestDays.today().plusWeeks(5), 1, 2);
        try (Connection c = PaymentWalkIT.db()) {
            family = PaymentWalkIT.id(c, "insert into family (label, email, status) values (?, ?, 'VALIDATED') returning id",
                    "Foyer Guichet " + s, parent);
            child = PaymentWalkIT.id(c, "insert into child (family_id, first_name, last_name, birth_date) values (?, 'Inès',"
                    + " 'Guichet', date '2018-05-02') returning id", family);
            long activity = PaymentWalkIT.id(c, "insert into activity (code, name, type, booking_deadline, cancellation_deadline,"
                    + " late_policy, needs_validation) values (?, 'Cantine du guichet', 'RESTAURATION', 'J-2@23:59', 'J-2@23:59',"
                    + " 'REFUSED', false) returning id", "GUI-" + s.toUpperCase());
            unit = PaymentWalkIT.id(c, "insert into activity_unit (activity_id, code, label, capacity) values (?, 'MIDI',"
                    + " 'Midi', 20) returning id", activity);
            PaymentWalkIT.id(c, "insert into registration (child_id, activity_id, status, cgu_accepted_at) values (?, ?,"
                    + " 'VALIDATED', now()) returning id", child, activity);
        }
        List<String> wide = new ArrayList<>();
        try (Browser a = new Browser()) {
            ActivitiesWalkIT.signIn(a, "/agent/reserver-guichet.xhtml", agent, StackLauncher.PASSWORD_AGENT);
            assertEquals("Cette famille n'existe pas dans la commune.", a.text("counter-refusal"), a::snapshot);
            a.get(base + "/agent/reserver-guichet.xhtml?famille=abc");
            assertEquals("Cette famille n'existe pas dans la commune.", a.text("counter-refusal"), a::snapshot);
            a.get(base + "/agent/famille.xhtml?id=" + family);
            a.submit(By.id("counter-link"));
            a.await(By.id("guichet:book"));
            assertTrue(a.text("page-title").contains("Foyer Guichet " + s), a::snapshot);
            assertEquals("Aucune réservation à venir à annuler.", a.text("coming-none"));
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/reserver-guichet");
            Browser.screenshot(a, "guichet-vide");

            // sent empty: what is missing, next to its field, nothing booked
            a.submit(By.id("guichet:book"));
            assertTrue(a.text("guichet:choice_msg").contains("Choisissez l'enfant et l'activité"), a::snapshot);
            assertTrue(a.text("guichet:from_msg").contains("Indiquez une période valide"), a::snapshot);
            assertEquals("Aucune réservation à venir à annuler.", a.text("coming-none"));

            new Select(a.await(By.id("guichet:choice"))).selectByVisibleText("Inès – Cantine du guichet (Midi)");
            a.driver.executeScript("arguments[0].value = arguments[1];", a.await(By.id("guichet:from")), day.toString());
            a.submit(By.id("guichet:book"));
            assertTrue(a.text("summary").contains("Réservation pour Inès : 1 réservation enregistrée"), a::snapshot);
            assertTrue(a.await(By.id("coming:bookings")).getText().contains("Cantine du guichet – Midi"), a::snapshot);
            assertTrue(a.text("coming:bookings").contains("Réservé"), a::snapshot);
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/reserver-guichet avec une réservation");
            Browser.screenshot(a, "guichet-reserve");
            a.phone();
            InputsWebIT.check(a, "reserver-guichet", wide);
            a.desktop();
            try (Connection c = PaymentWalkIT.db(); var st = c.createStatement();
                 var rs = st.executeQuery("select status from booking where child_id = " + child + " and unit_id = " + unit
                         + " and day = '" + day + "'")) {
                assertTrue(rs.next());
                assertEquals("BOOKED", rs.getString(1), "the family's planning holds the day");
            }

            a.submit(By.xpath("//table[@id='coming:bookings']//input[@value='Annuler']"));
            assertTrue(a.text("summary").contains("Annulation sans frais."), a::snapshot);
            assertEquals("Aucune réservation à venir à annuler.", a.text("coming-none"), "only what may still be cancelled");
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/reserver-guichet après l'annulation");

            // a day past its free cancellation: the agent is warned, nothing changes until confirmed
            try (Connection c = PaymentWalkIT.db(); var st = c.createStatement()) {
                st.executeUpdate("update activity set cancellation_deadline = 'J-90@23:59' where id = (select activity_id"
                        + " from activity_unit where id = " + unit + ")");
            }
            a.driver.executeScript("arguments[0].value = arguments[1];", a.await(By.id("guichet:from")), day.toString());
            new Select(a.await(By.id("guichet:choice"))).selectByVisibleText("Inès – Cantine du guichet (Midi)");
            a.submit(By.id("guichet:book"));
            a.submit(By.xpath("//table[@id='coming:bookings']//input[@value='Annuler']"));
            assertTrue(a.text("summary").contains("Cette annulation serait facturée"), a::snapshot);
            assertTrue(a.text("billed-hint").contains("reste facturée"), a::snapshot);
            assertTrue(a.text("billed-title").startsWith("Inès, "), "which booking: " + a.text("billed-title"));
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/reserver-guichet, annulation facturée à confirmer");
            Browser.screenshot(a, "guichet-facturee");
            a.submit(By.id("billed:confirm"));
            assertTrue(a.text("summary").contains("facturée"), a::snapshot);

            // the family phones: the child is sick on another booked day
            a.driver.executeScript("arguments[0].value = arguments[1];", a.await(By.id("guichet:from")),
                    day.plusDays(1).toString());
            new Select(a.await(By.id("guichet:choice"))).selectByVisibleText("Inès – Cantine du guichet (Midi)");
            a.submit(By.id("guichet:book"));
            a.submit(By.xpath("//table[@id='coming:bookings']//input[@value='Absence…']"));
            assertTrue(a.text("absence-title").contains("Inès"), a::snapshot);
            a.submit(By.id("absence:declare"));
            assertTrue(a.text("absence:reason_msg").contains("Indiquez le motif"), a::snapshot);
            assertEquals("", a.accessibilityViolations(), "axe-core, agent/reserver-guichet, absence");
            Browser.screenshot(a, "guichet-absence");
            new Select(a.await(By.id("absence:reason"))).selectByValue("MALADIE");
            a.submit(By.id("absence:declare"));
            assertTrue(a.text("summary").contains("certificat"), a::snapshot);

            // under a tariff that bills no absence: the form and its answer say the day is not billed
            try (Connection c = PaymentWalkIT.db(); var st = c.createStatement()) {
                st.executeUpdate("insert into tariff (activity_id, valid_from, mode, maximum_cents, unexcused_absence_billed)"
                        + " select activity_id, current_date - 400, 'BRACKETS', 350, false from activity_unit where id = " + unit);
                st.executeUpdate("insert into tariff_price (tariff_id, bracket_id, price_cents) select t.id, b.id, 350"
                        + " from tariff t join activity_unit u on u.activity_id = t.activity_id, qf_bracket b where u.id = " + unit);
            }
            a.driver.executeScript("arguments[0].value = arguments[1];", a.await(By.id("guichet:from")),
                    day.plusDays(2).toString());
            new Select(a.await(By.id("guichet:choice"))).selectByVisibleText("Inès – Cantine du guichet (Midi)");
            a.submit(By.id("guichet:book"));
            a.submit(By.xpath("//table[@id='coming:bookings']//input[@value='Absence…']"));
            assertTrue(a.text("absence-hint").contains("ne facture pas les absences"), a::snapshot);
            new Select(a.await(By.id("absence:reason"))).selectByValue("FAMILLE");
            a.submit(By.id("absence:declare"));
            assertTrue(a.text("summary").contains("la journée n'est pas facturée"), a::snapshot);
        }
        assertEquals(List.of(), wide, "360 px");
        try (Connection c = PaymentWalkIT.db(); var st = c.createStatement();
             var rs = st.executeQuery("select status from booking where child_id = " + child + " and day = '" + day
                     + "' order by id desc limit 1")) {
            assertTrue(rs.next());
            assertEquals("ABSENT_BILLED", rs.getString(1), "cancelled once confirmed, and billed");
        }
        try (Connection c = PaymentWalkIT.db(); var st = c.createStatement();
             var rs = st.executeQuery("select b.status, x.reason from booking b join absence x on x.booking_id = b.id"
                     + " where b.child_id = " + child + " and b.day = '" + day.plusDays(1) + "'")) {
            assertTrue(rs.next(), "the absence is recorded");
            assertEquals("ABSENT_BILLED MALADIE", rs.getString(1) + " " + rs.getString(2));
        }
        try (Browser b = new Browser()) {
            ActivitiesWalkIT.signIn(b, "/espace/accueil.xhtml", parent, StackLauncher.PASSWORD_PARENT);
            b.get(base + "/agent/reserver-guichet.xhtml?famille=" + family);
            assertTrue(b.driver.findElements(By.id("guichet:book")).isEmpty(), "a parent never gets the counter");
        }
    }
}
