package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.Money;
import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.WalkCommune;
import fr.portailfamille.platform.configuration.ConfigurationService;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/**
 * The billing configuration screens (Tarification, Régies, Tarifs): an agent configures a grid in
 * Chromium (brackets, a régie, a tariff; refusals next to their fields with what was typed kept), runs and
 * issues a month; the parent sees the invoice on Accueil, opens its PDF and the relevé. The service saves
 * the configuration for an agent of the commune only.
 */
@ExtendWith(ArquillianExtension.class)
class TariffsWalkIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    ConfigurationService configuration;

    @Inject
    CommuneDirectory directory;

    /** A parent, an agent of beta and an agent of alpha post a save to alpha's configuration: only the last gets through. */
    @Test
    void onlyAnAgentOfTheCommuneSavesItsConfiguration() throws Exception {
        var alpha = directory.bySlug("alpha").orElseThrow();
        SignedInUser parent = new SignedInUser("alpha", UUID.randomUUID().toString(), "Parent Alpha", "parent@alpha.test", true,
                List.of("parent"), null);
        SignedInUser betaAgent = new SignedInUser("beta", UUID.randomUUID().toString(), "Agent Beta", "agent@beta.test", true,
                List.of("agent", "regisseur"), null);
        SignedInUser agent = new SignedInUser("alpha", UUID.randomUUID().toString(), "Agent Alpha", "agent@alpha.test", true,
                List.of("agent"), null);
        AtomicBoolean reached = new AtomicBoolean();
        UnaryOperator<CommuneConfiguration> change = c -> {
            reached.set(true);
            throw new IllegalStateException("atteint");
        };
        TenantContext.call(alpha, () -> {
            assertEquals(StaffRoles.NOT_STAFF, assertThrows(SecurityException.class, () -> configuration.update(parent, change)).getMessage());
            assertEquals(StaffRoles.OTHER_COMMUNE, assertThrows(SecurityException.class, () -> configuration.update(betaAgent, change))
                    .getMessage());
            assertFalse(reached.get(), "the change is never applied for them");
            // nor its file read, tried or imported by them
            for (SignedInUser intruder : List.of(parent, betaAgent)) {
                String expected = intruder == parent ? StaffRoles.NOT_STAFF : StaffRoles.OTHER_COMMUNE;
                assertEquals(expected, assertThrows(SecurityException.class, () -> configuration.exportJson(intruder)).getMessage());
                assertEquals(expected, assertThrows(SecurityException.class,
                        () -> configuration.bookingsUndoneByImport(intruder, "{}")).getMessage());
                assertEquals(expected, assertThrows(SecurityException.class,
                        () -> configuration.importJson(intruder, "{}")).getMessage());
            }
            assertEquals("atteint", assertThrows(IllegalStateException.class, () -> configuration.update(agent, change)).getMessage());
            return null;
        });
        assertTrue(reached.get(), "an agent of the commune gets through (the change then refuses, nothing written)");
    }

    /**
     * The issue's walk: an agent configures the brackets (an overlap refused next to its field, what was
     * typed kept), a régie billing an activity, a tariff (a price "abc" refused next to its field; then a
     * new grid from a date, removed), previews and issues October; the parent sees the invoice on
     * Accueil, its PDF holds the line and the total, the relevé shows it; axe-core on every page, each page
     * shot at 360 px and on a desktop. A parent gets no configuration page.
     */
    @Test
    @RunAsClient
    void anAgentConfiguresAGridIssuesAMonthAndTheParentSeesTheInvoice() throws Exception {
        // a commune of the walk's own: alpha holds the régies, activities and tariffs of every other billing test
        Commune commune = WalkCommune.of("tarifs");
        String BASE = StackLauncher.url(commune.slug());
        String host = PlatformWebIT.host(commune.slug());
        String s = BillingKit.random(6).replaceAll("[^A-Z0-9]", "X");
        String activity = "TW-" + s;
        String regie = "TW" + s;
        String prefix = "T" + s.substring(0, 5);
        String agent = "tarifs-" + s.toLowerCase() + "@tarifs.test";
        String parent = "parent-tw-" + s.toLowerCase() + "@tarifs.test";
        var realms = StackLauncher.stack().realmProvisioner();
        realms.createUser(commune.realmName(), agent, "Dominique", "Tarifs", StackLauncher.PASSWORD_AGENT, "agent");
        realms.createUser(commune.realmName(), agent, "Dominique", "Tarifs", StackLauncher.PASSWORD_AGENT, "regisseur");
        realms.createUser(commune.realmName(), parent, "Camille", "Tarif", StackLauncher.PASSWORD_PARENT, "parent");
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to " + commune.schemaName());
            // an activity without tariff nor régie, and a family of QF 450 (proof of June) with 3 days present and
            // 1 unexcused absence in October 2026
            st.execute("with a as (insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                    + " values ('" + activity + "', 'Cantine tarifée', 'RESTAURATION', 'J-2@23:59', 'J-2@23:59', 'REFUSED') returning id),"
                    + " u as (insert into activity_unit (activity_id, code, label, capacity) select id, 'MIDI', 'Midi', 50 from a returning id),"
                    + " f as (insert into family (label, email, status, postcode, quotient_familial, qf_proof_date, qf_source)"
                    + " values ('Famille Tarif " + s + "', '" + parent + "', 'VALIDATED', '35000', 450, date '2026-06-01', 'CAF') returning id),"
                    + " ch as (insert into child (family_id, first_name, last_name, birth_date) select id, 'Léo', 'Tarif', date '2018-01-01'"
                    + " from f returning id)"
                    + " insert into booking (child_id, unit_id, day, status) select ch.id, u.id, d.day, d.status from ch, u,"
                    + " (values (date '2026-10-01', 'PRESENT'), (date '2026-10-02', 'PRESENT'), (date '2026-10-05', 'PRESENT'),"
                    + " (date '2026-10-06', 'ABSENT_BILLED')) as d(day, status)");
        }
        List<String> wide = new ArrayList<>();
        try (Browser b = new Browser()) {
            PlatformWebIT.recordCspViolations(b);
            TariffsWalk.signIn(b, BASE, "/agent/configuration/tarification.xhtml", agent, StackLauncher.PASSWORD_AGENT);
            b.driver.manage().window().setSize(new Dimension(1280, 1000));

            // Tarification: the brackets (the standard grid when the commune has none yet); an overlap is refused
            b.await(By.id("tarification:save"));
            TariffsWalk.shots(b, "tarification", wide);
            Browser.type(b, "tarification:qfValidityMonths", "12");
            if (b.driver.getPageSource().contains("Ajouter une tranche") && b.driver.findElements(By.id("tarification:brackets:0:code")).isEmpty()) {
                String[][] grid = {{"T1", "0", "450"}, {"T2", "451", "700"}, {"T3", "701", "1000"}, {"T4", "1001", "1400"},
                        {"T5", "1401", ""}};
                for (int i = 0; i < grid.length; i++) {
                    b.submit(By.id("tarification:addBracket"));
                    Browser.type(b, "tarification:brackets:" + i + ":code", grid[i][0]);
                    Browser.type(b, "tarification:brackets:" + i + ":label", "Tranche " + (i + 1));
                    Browser.type(b, "tarification:brackets:" + i + ":min", grid[i][1]);
                    Browser.type(b, "tarification:brackets:" + i + ":max", grid[i][2]);
                }
            }
            String min = b.await(By.id("tarification:brackets:1:min")).getAttribute("value");
            String overlap = b.driver.findElement(By.id("tarification:brackets:0:max")).getAttribute("value");
            Browser.type(b, "tarification:brackets:1:min", overlap);
            b.submit(By.id("tarification:save"));
            String message = b.await(By.id("tarification:brackets:1:min_msg")).getText();
            assertTrue(message.contains("chevauche la tranche"), message + " " + b.snapshot());
            assertEquals(overlap, b.driver.findElement(By.id("tarification:brackets:1:min")).getAttribute("value"), "ce qui a été saisi reste");
            TariffsWalk.shots(b, "tarification-refus", wide);
            Browser.type(b, "tarification:brackets:1:min", min);
            // a bracket's code wiped out: told beside it, and only there (each tariff by brackets added « Tranche inconnue :
            // « null » » to the summary)
            String code = b.driver.findElement(By.id("tarification:brackets:1:code")).getAttribute("value");
            Browser.type(b, "tarification:brackets:1:code", "");
            b.submit(By.id("tarification:save"));
            assertFalse(b.await(By.id("tarification:brackets:1:code_msg")).getText().isBlank(), b::snapshot);
            assertFalse(b.text("summary").contains("Tranche inconnue"), b.text("summary"));
            Browser.type(b, "tarification:brackets:1:code", code);
            // the days a family has to send a late medical certificate: out of range, told next to the field
            Browser.type(b, "tarification:certificateDays", "90");
            b.submit(By.id("tarification:save"));
            assertEquals("Le délai d'envoi du certificat médical doit être compris entre 1 et 60 jours.",
                    b.await(By.id("tarification:certificateDays_msg")).getText(), b::snapshot);
            Browser.type(b, "tarification:certificateDays", "");
            b.submit(By.id("tarification:save"));
            assertEquals("Tarification enregistrée : les prochaines factures en tiennent compte.",
                    b.await(By.cssSelector("#summary .pf-info")).getText(), b::snapshot);
            assertEquals("", b.driver.findElement(By.id("tarification:certificateDays")).getAttribute("value"),
                    "empty: the default seven days, not written as the commune's");
            int brackets = b.driver.findElements(By.cssSelector("input[id^='tarification:brackets:'][id$=':min']")).size();
            assertTrue(brackets >= 2, "les tranches enregistrées sont relues");

            // Régies: a new régie billing the activity
            b.get(BASE + "/agent/configuration/regies.xhtml");
            b.await(By.id("regies:save"));
            int row = b.driver.findElements(By.cssSelector("input[id^='regies:regies:'][id$=':label']")).size();
            b.submit(By.id("regies:add"));
            String r = "regies:regies:" + row + ":";
            Browser.type(b, r + "code", regie);
            Browser.type(b, r + "label", "Régie tarifée " + s);
            Browser.type(b, r + "invoicePrefix", prefix.toLowerCase());
            Browser.type(b, r + "managerName", "Dominique Tarifs");
            Browser.type(b, r + "managerEmail", "regie-tw@tarifs.test");
            Browser.type(b, r + "paymentInstructions", "Chèque à l'ordre du Trésor public.");
            b.driver.findElement(By.cssSelector("input[name='" + r + "activities'][value='" + activity + "']")).click();
            b.submit(By.id("regies:save"));
            assertEquals("Régies enregistrées.", b.await(By.cssSelector("#summary .pf-info")).getText(), b::snapshot);
            assertTrue(b.driver.getPageSource().contains("Régie tarifée " + s + " (" + regie + ")"));
            // saved régies are read back in the order of their codes (other tests' régies may come after it)
            r = TariffsWalk.rowOf(b, "input[id^='regies:regies:'][id$=':label']", "Régie tarifée " + s, ":label");
            assertEquals(prefix, b.driver.findElement(By.id(r + "invoicePrefix")).getAttribute("value"), "préfixe en majuscules");
            assertTrue(b.driver.findElement(By.cssSelector("input[name='" + r + "activities'][value='" + activity + "']")).isSelected());
            TariffsWalk.shots(b, "regies", wide);

            // Tarifs: a tariff by brackets; "abc" is refused next to its field and stays
            b.get(BASE + "/agent/configuration/tarifs.xhtml");
            b.await(By.id("tarifs:save"));
            int t = b.driver.findElements(By.cssSelector("select[id^='tarifs:tariffs:'][id$=':target']")).size();
            b.submit(By.id("tarifs:add"));
            String tr = "tarifs:tariffs:" + t + ":";
            new Select(b.await(By.id(tr + "target"))).selectByValue(activity);
            FamilyWebIT.date(b, tr + "validFrom", "2026-09-01");
            for (int k = 0; k < brackets; k++) {
                Browser.type(b, tr + "prices:" + k + ":amount", k == 0 ? "abc" : "1,25");
            }
            Browser.type(b, tr + "maximum", "4,50");
            Browser.type(b, tr + "siblingSecond", "10");
            b.driver.findElement(By.id(tr + "unexcusedAbsenceBilled")).click();
            b.submit(By.id("tarifs:save"));
            assertEquals("Montant invalide : « abc » (en euros, par ex. 3,50).", b.await(By.id(tr + "prices:0:amount_msg")).getText(),
                    b::snapshot);
            assertEquals("abc", b.driver.findElement(By.id(tr + "prices:0:amount")).getAttribute("value"), "ce qui a été saisi reste");
            assertEquals("4,50", b.driver.findElement(By.id(tr + "maximum")).getAttribute("value"));
            TariffsWalk.shots(b, "tarifs-refus", wide);
            Browser.type(b, tr + "prices:0:amount", "1,25");
            b.submit(By.id("tarifs:save"));
            assertEquals("Tarifs enregistrés : les prochaines factures en tiennent compte.",
                    b.await(By.cssSelector("#summary .pf-info")).getText(), b::snapshot);
            int saved = b.driver.findElements(By.cssSelector("select[id^='tarifs:tariffs:'][id$=':target']")).size();
            assertEquals(t + 1, saved);
            // saved tariffs are read back by activity code and date: find the walk's row again
            tr = TariffsWalk.tariffRowOf(b, activity);
            int at = Integer.parseInt(tr.split(":")[2]);
            assertEquals("1,25", b.driver.findElement(By.id(tr + "prices:0:amount")).getAttribute("value"), "relu en euros");
            assertTrue(b.driver.findElement(By.id(tr + "unexcusedAbsenceBilled")).isSelected());

            // a new grid from 2027: a copy of the tariff with its own date, saved, then removed again
            b.submit(By.id(tr + "copy"));
            String next = "tarifs:tariffs:" + (at + 1) + ":";
            assertEquals("", b.await(By.id(next + "validFrom")).getAttribute("value"), "la date de la nouvelle grille est à choisir");
            assertEquals("1,25", b.driver.findElement(By.id(next + "prices:0:amount")).getAttribute("value"));
            FamilyWebIT.date(b, next + "validFrom", "2027-01-01");
            Browser.type(b, next + "prices:0:amount", "1,40");
            b.submit(By.id("tarifs:save"));
            assertTrue(b.await(By.cssSelector("#summary .pf-info")).getText().startsWith("Tarifs enregistrés"), b::snapshot);
            assertEquals(saved + 1, b.driver.findElements(By.cssSelector("select[id^='tarifs:tariffs:'][id$=':target']")).size());
            TariffsWalk.shots(b, "tarifs", wide);
            next = "tarifs:tariffs:" + (Integer.parseInt(TariffsWalk.tariffRowOf(b, activity).split(":")[2]) + 1) + ":";
            assertEquals("2027-01-01", b.driver.findElement(By.id(next + "validFrom")).getAttribute("value"), "la grille de 2027 suit celle de 2026");
            b.submit(By.id(next + "remove"));
            b.submit(By.id("tarifs:save"));
            assertTrue(b.await(By.cssSelector("#summary .pf-info")).getText().startsWith("Tarifs enregistrés"), b::snapshot);
            assertEquals(saved, b.driver.findElements(By.cssSelector("select[id^='tarifs:tariffs:'][id$=':target']")).size());

            // run and issue October: 3 days present + 1 unexcused absence at 1,25 € = 5,00 €
            // a month typed as a browser without a month picker lets it through: said beside the field, no preview
            b.get(BASE + "/agent/facturation.xhtml?regie=" + regie + "&mois=10%2F2026");
            assertEquals("Indiquez le mois au format AAAA-MM, par exemple 2026-10.", b.await(By.id("mois-error")).getText());
            assertEquals("mois-error", b.driver.findElement(By.id("mois")).getAttribute("aria-describedby"));
            String page = BASE + "/agent/facturation.xhtml?regie=" + regie + "&mois=2026-10";
            b.get(page);
            b.await(By.id("run:preview")).click();
            BillingWalk.waitForText(b, By.id("run:families"), "Famille Tarif " + s);
            assertTrue(b.driver.findElement(By.id("grand-total")).getText().replace('\u00a0', ' ').contains("5,00 €"), b::snapshot);
            b.await(By.id("run:issue")).click();
            BillingWalk.waitForText(b, By.id("run:invoices"), prefix + "-1");
            BillingWalk.waitForText(b, By.id("run:progress"), "100 %");

            // the régie now has an invoice: removing it is refused, and it stays on the page (it vanished, and every
            // later save was refused the same way until the page was read again)
            b.get(BASE + "/agent/configuration/regies.xhtml");
            String kept = TariffsWalk.rowOf(b, "input[id^='regies:regies:'][id$=':label']", "Régie tarifée " + s, ":label");
            b.submit(By.id(kept + "remove"));
            assertFalse(b.driver.getPageSource().contains("Régie tarifée " + s), "removed from the page");
            b.submit(By.id("regies:save"));
            assertTrue(b.await(By.cssSelector("#summary .pf-error-item")).getText().contains(regie), b::snapshot);
            assertEquals("Régie tarifée " + s, b.driver.findElement(By.id(kept + "label")).getAttribute("value"), "back in its place");
            b.submit(By.id("regies:save"));
            assertEquals("Régies enregistrées.", b.await(By.cssSelector("#summary .pf-info")).getText(), b::snapshot);
            assertEquals("", PlatformWebIT.cspViolations(b), "CSP, agent");
            assertEquals(List.of(), wide, "pages plus larges que 360 px");
        }

        try (Browser p = new Browser()) {
            PlatformWebIT.recordCspViolations(p);
            TariffsWalk.signIn(p, BASE, "/espace/accueil.xhtml", parent, StackLauncher.PASSWORD_PARENT);
            p.driver.manage().window().setSize(new Dimension(360, 800));
            p.get(BASE + "/espace/accueil.xhtml");
            String unpaid = p.await(By.id("unpaid-invoices")).getText().replace('\u00a0', ' ');
            assertTrue(unpaid.contains(prefix + "-1") && unpaid.contains("5,00 €"), unpaid);
            assertEquals("", p.accessibilityViolations(), "axe-core, accueil");
            Browser.screenshot(p, "tarifs-parent-accueil-360");

            long invoice;
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("select id from " + commune.schemaName() + ".invoice where number = '" + prefix + "-1'")) {
                assertTrue(rs.next());
                invoice = rs.getLong(1);
            }
            String cookies = DocumentsWalk.cookies(p);
            HttpResponse<byte[]> pdf = FamilyBillingDocumentsIT.fetch(host,
                    "/espace/facture.pdf?id=" + invoice, cookies);
            assertEquals(200, pdf.statusCode());
            String text = BillingKit.pdfText(pdf.body());
            for (String expected : List.of("Facture n° " + prefix + "-1", "Famille Tarif " + s, "Régie tarifée " + s, "Léo Tarif",
                    Money.format(125), "Total de la facture " + Money.format(500), "Chèque à l'ordre du Trésor public.")) {
                assertTrue(text.contains(expected), "« " + expected + " » absent du PDF : " + text);
            }

            p.get(BASE + "/espace/releve.xhtml");
            String statement = p.await(By.id("statement")).getText().replace('\u00a0', ' ');
            assertTrue(statement.contains(prefix + "-1") && statement.contains("5,00 €"), statement);
            assertEquals("", p.accessibilityViolations(), "axe-core, relevé");
            Browser.screenshot(p, "tarifs-parent-releve-360");

            // the configuration is not for parents: every billing page answers 403
            for (String section : List.of("tarification", "regies", "tarifs")) {
                p.get(BASE + "/agent/configuration/" + section + ".xhtml");
                assertFalse(p.driver.getPageSource().contains("id=\"" + section + "\""), "page " + section + " montrée à un parent");
                assertEquals(403, FamilyBillingDocumentsIT.fetch(host, "/agent/configuration/" + section + ".xhtml", cookies).statusCode(), section);
            }
            assertEquals("", PlatformWebIT.cspViolations(p), "CSP, parent");
        }
    }
}
