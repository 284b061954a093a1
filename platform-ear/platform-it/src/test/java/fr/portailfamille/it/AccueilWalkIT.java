package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.tenancy.CommuneRules;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Accueil and Mes demandes in Chromium on a 360 px phone: a family with an unpaid invoice, a registration waiting for
 * the town, an absence whose certificate was refused and a child with booked days sees each block on Accueil, follows
 * the pending-requests link to Mes demandes filtered by kind, reads the refused absence with its decision date and
 * reason and what its change of address asked; another family's request by reference is refused; axe-core on both pages, no sideways scrolling.
 */
@ExtendWith(ArquillianExtension.class)
class AccueilWalkIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Test
    @RunAsClient
    void aFamilySeesItsBlocksOnAccueilAndFollowsItsPendingRequestsToMesDemandes() throws Exception {
        String base = StackLauncher.url(StackLauncher.ALPHA);
        String s = BillingKit.random(6).replaceAll("[^A-Z0-9]", "X");
        String parent = "accueil-" + s.toLowerCase() + "@alpha.test";
        StackLauncher.stack().realmProvisioner().createUser(CommuneRules.realmName("alpha"), parent, "Camille", "Accueil" + s,
                StackLauncher.PASSWORD_PARENT, "parent");
        LocalDate today = TestDays.today();
        LocalDate booked = today.plusDays(3);
        LocalDate absent = today.plusDays(10);
        String invoiceNumber = BillingKit.prefix("A") + "-1";
        long otherAbsence;
        long change;
        try (Connection c = PaymentWalkIT.db()) {
            long family = PaymentWalkIT.id(c, "insert into family (label, email, status) values (?, ?, 'VALIDATED') returning id",
                    "Foyer Accueil " + s, parent);
            long child = PaymentWalkIT.id(c, "insert into child (family_id, first_name, last_name, birth_date) values (?, 'Léa',"
                    + " 'Accueil', date '2018-05-04') returning id", family);
            // an unpaid invoice
            long regie = PaymentWalkIT.id(c, "insert into regie (code, label, invoice_prefix) values (?, ?, ?) returning id",
                    "AC" + s, "Régie Accueil " + s, invoiceNumber.substring(0, invoiceNumber.indexOf('-')));
            PaymentWalkIT.invoice(c, regie, family, invoiceNumber, 4250);
            // and one to be debited: its direct debit planned (its mail said « sera prélevée le … »)
            long debited = PaymentWalkIT.invoice(c, regie, family, invoiceNumber.replace("-1", "-2"), 1800);
            long mandate = PaymentWalkIT.id(c, "insert into sepa_mandate (family_id, regie_id, rum, debtor_name, iban,"
                    + " creditor_ics, signed_on, signed_by) values (?, ?, ?, 'Camille Accueil', 'FR7630006000011234567890189',"
                    + " 'FR72ZZZ123456', current_date, 'test') returning id", family, regie, "PF-AC" + s + "-00000001");
            long run = PaymentWalkIT.id(c, "insert into billing_run (regie_id, period_start, period_end, state, started_by)"
                    + " values (?, date '2026-10-01', date '2026-10-31', 'DONE', 'test') returning id", regie);
            PaymentWalkIT.id(c, "insert into sepa_debit (invoice_id, mandate_id, billing_run_id, due_date) values (?, ?, ?,"
                    + " ?) returning id", debited, mandate, run, today.plusDays(10));
            // a registration waiting for the town
            long club = activity(c, "CLUB" + s, "Club nature " + s, false);
            PaymentWalkIT.id(c, "insert into registration (child_id, activity_id, status, cgu_accepted_at) values (?, ?,"
                    + " 'SUBMITTED', now()) returning id", child, club);
            // the canteen: registered, a booked day, and an absence whose medical certificate was refused
            long canteen = activity(c, "CANT" + s, "Cantine " + s, true);
            long unit = PaymentWalkIT.id(c, "insert into activity_unit (activity_id, code, label, capacity) values (?, 'MIDI',"
                    + " 'Midi', 20) returning id", canteen);
            PaymentWalkIT.id(c, "insert into registration (child_id, activity_id, status, cgu_accepted_at, submitted_at, decided_at)"
                    + " values (?, ?, 'VALIDATED', now() - interval '2 days', now() - interval '2 days', now() - interval '1 day')"
                    + " returning id", child, canteen);
            PaymentWalkIT.id(c, "insert into booking (child_id, unit_id, day, status) values (?, ?, ?, 'BOOKED') returning id",
                    child, unit, booked);
            long absentBooking = PaymentWalkIT.id(c, "insert into booking (child_id, unit_id, day, status) values (?, ?, ?,"
                    + " 'ABSENT_BILLED') returning id", child, unit, absent);
            PaymentWalkIT.id(c, "insert into absence (booking_id, reason, certificate, certificate_type, certificate_name,"
                    + " reviewed_at, reviewed_by, review_reason) values (?, 'MALADIE', '\\x25504446'::bytea, 'application/pdf',"
                    + " 'certificat.pdf', now(), 'sante@alpha.test', 'Certificat illisible') returning id", absentBooking);
            // a change of address, accepted: what it asked (a long word, markup typed as text) is shown in words
            change = PaymentWalkIT.id(c, "insert into change_request (family_id, type, status, old_value, new_value, decided_at,"
                    + " decided_by) values (?, 'ADRESSE', 'ACCEPTED', '{}', ?, now(), 'agent@alpha.test') returning id", family,
                    "{\"/addressLine\":\"3 <b>rue</b> Résidence-des-Hauts-de-Vienne-et-du-Limousin-Bâtiment-C\","
                    + "\"/postcode\":\"87100\"}");
            // another family's absence
            long stranger = PaymentWalkIT.id(c, "insert into family (label, email, status) values (?, ?, 'VALIDATED') returning id",
                    "Foyer Autre " + s, "autre-accueil-" + s.toLowerCase() + "@alpha.test");
            long strangerChild = PaymentWalkIT.id(c, "insert into child (family_id, first_name, last_name, birth_date) values (?,"
                    + " 'Hugo', 'Autre', date '2017-01-02') returning id", stranger);
            long strangerBooking = PaymentWalkIT.id(c, "insert into booking (child_id, unit_id, day, status) values (?, ?, ?,"
                    + " 'ABSENT_BILLED') returning id", strangerChild, unit, absent);
            otherAbsence = PaymentWalkIT.id(c, "insert into absence (booking_id, reason) values (?, 'FAMILLE') returning id",
                    strangerBooking);
        }
        List<String> wide = new ArrayList<>();
        try (Browser b = new Browser()) {
            ActivitiesWalkIT.signIn(b, "/espace/accueil.xhtml", parent, StackLauncher.PASSWORD_PARENT);
            InputsWebIT.phone(b);
            b.get(base + "/espace/accueil.xhtml");

            // most important first: the account, the pending requests, then the next booked days
            String unpaid = text(b.await(By.id("unpaid")));
            assertTrue(unpaid.contains("2 facture(s) impayée(s)") && unpaid.contains("60,50 €"), unpaid);
            assertTrue(text(b.driver.findElement(By.id("unpaid-invoices"))).contains(invoiceNumber));
            // the invoice the bank will take says so, and asks for nothing: no « Payer », no « à régler auprès de la régie »
            WebElement debitRow = b.driver.findElement(By.xpath("//table[@id='unpaid-invoices']//tr[td//a[normalize-space()='"
                    + invoiceNumber.replace("-1", "-2") + "']]"));
            assertTrue(text(debitRow).contains("Prélevée le " + fr.portailfamille.platform.billing.BillingDates.text(
                    today.plusDays(10)) + " sur votre compte"), text(debitRow));
            assertTrue(debitRow.findElements(By.cssSelector(".pay-counter, .pf-pay")).isEmpty(), text(debitRow));
            WebElement payRow = b.driver.findElement(By.xpath("//table[@id='unpaid-invoices']//tr[td//a[normalize-space()='"
                    + invoiceNumber + "']]"));
            assertFalse(payRow.findElements(By.cssSelector(".pay-counter, .pf-pay")).isEmpty(), text(payRow));
            String pending = text(b.driver.findElement(By.id("pending-requests")));
            assertTrue(pending.contains("Inscription à une activité : 1 en attente"), pending);
            assertEquals(1, b.driver.findElements(By.cssSelector("#pending-requests li")).size(), pending);
            String next = text(b.driver.findElement(By.id("next-bookings")));
            assertTrue(next.contains("Léa") && next.contains("Cantine " + s + " (Midi)") && next.contains("réservé"), next);
            assertEquals(1, b.driver.findElements(By.cssSelector("#next-child-1 .next-booking")).size(),
                    "le jour d'absence n'est pas une journée réservée : " + next);
            assertEquals(base + "/espace/planning.xhtml?enfant=1", b.driver.findElement(By.id("next-planning-1")).getAttribute("href"));
            List<String> order = b.driver.findElements(By.cssSelector("main h2")).stream().map(e -> e.getAttribute("id")).toList();
            assertTrue(order.indexOf("account-title") < order.indexOf("pending-requests-title")
                    && order.indexOf("pending-requests-title") < order.indexOf("next-bookings-title"), order.toString());
            assertEquals("", b.accessibilityViolations(), "axe-core, Accueil");
            InputsWebIT.check(b, "accueil", wide);
            fullPage(b, "360-accueil-page");

            // the pending registration's link: Mes demandes filtered by kind and state
            b.driver.findElement(By.id("pending-INSCRIPTION")).click();
            b.awaitUrlStartingWith(base + "/espace/demandes.xhtml?type=INSCRIPTION");
            b.await(By.id("requests"));
            List<WebElement> rows = b.driver.findElements(By.cssSelector("#requests tr.request"));
            assertEquals(1, rows.size(), b::snapshot);
            assertEquals("INSCRIPTION", rows.get(0).getAttribute("data-kind"));
            assertTrue(text(rows.get(0)).contains("Club nature " + s), text(rows.get(0)));
            assertEquals("En attente", text(rows.get(0).findElement(By.cssSelector(".request-state .pf-badge"))));
            assertEquals("INSCRIPTION", b.driver.findElement(By.id("type")).getAttribute("value"));
            assertEquals("PENDING", b.driver.findElement(By.id("etat")).getAttribute("value"));
            assertEquals("", b.accessibilityViolations(), "axe-core, Mes demandes filtrées");

            // the pending registration taken back: "Annuler" on its line, confirmed, then shown cancelled
            rows.get(0).findElement(By.cssSelector("a.request-withdraw")).click();
            String question = text(b.await(By.id("withdraw-question")));
            assertTrue(question.contains("Club nature " + s), question);
            assertEquals("", b.accessibilityViolations(), "axe-core, annuler une demande");
            InputsWebIT.check(b, "demandes-annuler", wide);
            fullPage(b, "360-demandes-annuler");
            b.clickInView(By.id("withdraw-confirm"));
            assertEquals("Votre demande est annulée.", text(b.await(By.id("request-withdrawn"))));
            assertTrue(text(b.driver.findElement(By.id("request-shown"))).contains("Annulée"), b::snapshot);
            assertTrue(b.driver.findElements(By.id("withdraw")).isEmpty(), "nothing more to cancel");
            assertEquals("", b.accessibilityViolations(), "axe-core, demande annulée");

            // every request: the refused absence with its decision date and reason, newest first
            b.get(base + "/espace/demandes.xhtml");
            b.await(By.id("requests"));
            WebElement absence = b.driver.findElement(By.cssSelector("#requests tr.request[data-kind='ABSENCE']"));
            assertTrue(text(absence.findElement(By.cssSelector(".request-state"))).contains("Refusée"), text(absence));
            assertTrue(text(absence.findElement(By.cssSelector(".request-reason"))).contains("Certificat illisible"), text(absence));
            assertTrue(text(absence.findElement(By.cssSelector(".request-decided"))).contains(
                    today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))), text(absence));
            WebElement dossier = b.driver.findElement(By.cssSelector("#requests tr.request[data-kind='DOSSIER']"));
            assertEquals(List.of("Adresse : 3 <b>rue</b> Résidence-des-Hauts-de-Vienne-et-du-Limousin-Bâtiment-C",
                    "Code postal : 87100"), dossier.findElements(By.cssSelector(".request-values li")).stream()
                    .map(AccueilWalkIT::text).toList(), "ce que la famille a demandé, en mots et échappé");
            assertTrue(dossier.findElements(By.tagName("b")).isEmpty(), "du texte, jamais du balisage");
            assertEquals(4, b.driver.findElements(By.cssSelector("#requests tr.request")).size(), b::snapshot);
            assertEquals("", b.accessibilityViolations(), "axe-core, Mes demandes");
            InputsWebIT.check(b, "demandes", wide);
            fullPage(b, "360-demandes-page");

            // the change by its reference: what it asked, in the card
            b.get(base + "/espace/demandes.xhtml?demande=DOSSIER-" + change);
            assertTrue(text(b.await(By.id("request-shown-values"))).contains("Code postal : 87100"), b::snapshot);
            assertEquals("", b.accessibilityViolations(), "axe-core, une demande de modification");
            InputsWebIT.check(b, "demandes-dossier", wide);

            // another family's request by reference: refused, nothing of it shown
            b.get(base + "/espace/demandes.xhtml?demande=ABSENCE-" + otherAbsence);
            assertEquals("Cette demande ne fait pas partie de votre dossier.", text(b.await(By.id("request-refused"))));
            assertTrue(b.driver.findElements(By.id("request-shown")).isEmpty());
            assertTrue(!b.driver.getPageSource().contains("Hugo"), "rien de l'autre famille");
            b.desktop();
        }
        assertEquals(List.of(), wide, "360 px");
    }

    static long activity(Connection c, String code, String name, boolean canteen) throws Exception {
        return PaymentWalkIT.id(c, "insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                + " values (?, ?, ?, 'J-2@23:59', 'J-2@23:59', 'REFUSED') returning id", code, name,
                canteen ? "RESTAURATION" : "PERISCOLAIRE");
    }

    /** The whole page at its current width, below the fold too (target/screenshots/{name}.png). */
    static void fullPage(Browser b, String name) throws Exception {
        long height = ((Number) b.driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        // beyond the viewport the page is laid out without its scroll bar: the whole window's width
        long width = ((Number) b.driver.executeScript("return window.innerWidth")).longValue();
        Map<String, Object> shot = b.driver.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }

    static String text(WebElement e) {
        return e.getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
