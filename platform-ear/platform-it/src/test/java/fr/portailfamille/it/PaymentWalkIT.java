package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.tenancy.CommuneRules;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walk of online payment, in Chromium against the PayFiP simulator: a parent clicks "Payer" on Mes
 * factures, pays on the simulator's page, comes back to the result page "payée", sees the invoice paid on Accueil and
 * in the relevé and receives the receipt by mail, once; a second invoice refused, a third abandoned, each staying to
 * pay; a second tab paying the same invoice is refused before PayFiP is asked; another family's invoice id posted
 * through the form, and the parent's session on another commune's host, start nothing; the régisseur's page lists
 * the payments by state. axe-core and a 360 px screen on each page.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentWalkIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    static Connection db() throws Exception {
        Connection c = StackLauncher.stack().platformDb().getConnection();
        try (var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
        }
        return c;
    }

    static long id(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getLong(1);
            }
        }
    }

    /** An issued invoice of {@code cents} for the family, numbered {@code number}. */
    static long invoice(Connection c, long regie, long family, String number, long cents) throws Exception {
        long invoice = id(c, "insert into invoice (regie_id, family_id, kind, sequence, number, period_start, period_end, due_date,"
                + " total_cents, issued_by) values (?, ?, 'INVOICE', ?, ?, date '2026-10-01', date '2026-10-31', current_date + 30,"
                + " ?, 'test') returning id", regie, family, Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)),
                number, cents);
        id(c, "insert into invoice_line (invoice_id, position, child_name, activity_code, unit_code, quantity, unit_price_cents,"
                + " amount_cents, label) values (?, 1, 'Léa Walk', 'CANTINE', 'MIDI', 1, ?, ?, 'Cantine midi') returning invoice_id",
                invoice, cents, cents);
        return invoice;
    }

    @Test
    @RunAsClient
    void aParentPaysAnInvoiceOnlineAndSeesItPaidEverywhere() throws Exception {
        String base = StackLauncher.url(StackLauncher.ALPHA);
        String s = BillingKit.random(6).replaceAll("[^A-Z0-9]", "X");
        String parent = "paie-" + s.toLowerCase() + "@alpha.test";
        String regisseur = "regie-pw-" + s.toLowerCase() + "@alpha.test";
        String prefix = BillingKit.prefix("W");
        String counterPrefix = BillingKit.prefix("G");
        var realms = StackLauncher.stack().realmProvisioner();
        realms.createUser(CommuneRules.realmName("alpha"), parent, "Camille", "Paie", StackLauncher.PASSWORD_PARENT, "parent");
        realms.createUser(CommuneRules.realmName("alpha"), regisseur, "Claude", "Régie", StackLauncher.PASSWORD_AGENT, "agent");
        realms.createUser(CommuneRules.realmName("alpha"), regisseur, "Claude", "Régie", StackLauncher.PASSWORD_AGENT, "regisseur");
        String a = prefix + "-1";
        String bNumber = prefix + "-2";
        String cNumber = prefix + "-3";
        String d = counterPrefix + "-1";
        long other;
        try (Connection c = db()) {
            // two régies (the first takes PayFiP once the régisseur has set its client number); the family's three
            // invoices to pay online, one at the counter; another family's invoice
            long online = id(c, "insert into regie (code, label, invoice_prefix) values (?, ?, ?) returning id", "PW" + s,
                    "Régie en ligne " + s, prefix);
            long counter = id(c, "insert into regie (code, label, invoice_prefix) values (?, ?, ?) returning id", "PG" + s,
                    "Régie guichet " + s, counterPrefix);
            long family = id(c, "insert into family (label, email, status) values (?, ?, 'VALIDATED') returning id",
                    "Famille Paie " + s, parent);
            long stranger = id(c, "insert into family (label, email, status) values (?, ?, 'VALIDATED') returning id",
                    "Famille Autre " + s, "autre-" + s.toLowerCase() + "@alpha.test");
            invoice(c, online, family, a, 4250);
            invoice(c, online, family, bNumber, 3000);
            invoice(c, online, family, cNumber, 2500);
            invoice(c, counter, family, d, 1800);
            other = invoice(c, online, stranger, prefix + "-9", 2000);
        }
        List<String> wide = new ArrayList<>();
        String cookies;
        // the régisseur gives the régie its PayFiP client number on the Régies screen
        try (Browser r = new Browser()) {
            ActivitiesWalkIT.signIn(r, "/agent/configuration/regies.xhtml", regisseur, StackLauncher.PASSWORD_AGENT);
            r.await(org.openqa.selenium.By.id("regies:save"));
            String row = TariffsWalk.rowOf(r, "input[id^='regies:regies:'][id$=':label']", "Régie en ligne " + s, ":label");
            Browser.type(r, row + "payfipNumcli", "123456");
            r.submit(org.openqa.selenium.By.id("regies:save"));
            assertEquals("Régies enregistrées.", r.await(org.openqa.selenium.By.cssSelector("#summary .pf-info")).getText(),
                    r::snapshot);
            // saved régies come back ordered by code: the walk's row is found again
            row = TariffsWalk.rowOf(r, "input[id^='regies:regies:'][id$=':label']", "Régie en ligne " + s, ":label");
            assertEquals("123456", r.await(org.openqa.selenium.By.id(row + "payfipNumcli")).getAttribute("value"));
        }
        try (Browser b = new Browser()) {
            PlatformWebIT.recordCspViolations(b);
            ActivitiesWalkIT.signIn(b, "/espace/factures.xhtml", parent, StackLauncher.PASSWORD_PARENT);
            b.await(PaymentWalk.payer(a));
            assertTrue(PaymentWalk.hasPayer(b, bNumber) && PaymentWalk.hasPayer(b, cNumber));
            assertFalse(PaymentWalk.hasPayer(b, d), "a régie without PayFiP: no button");
            assertTrue(b.text("invoice-" + d).contains("À régler auprès de la régie"), b.text("invoice-" + d));
            PaymentWalk.shots(b, "factures", wide);

            // A: "Payer" → the simulator's page → "payer" → the result page "payée"
            PaymentWalk.pay(b, a);
            b.awaitUrlStartingWith(StackLauncher.stack().payfip().paymentPage());
            assertTrue(b.driver.getPageSource().contains("42,50"), b::snapshot);
            PaymentWalk.decide(b, "payer", "BEFORE_REDIRECT");
            String[] paid = PaymentWalk.result(b);
            assertEquals("PAID", paid[0], b::snapshot);
            assertTrue(paid[1].contains("Paiement réussi") && paid[1].contains("42,50 €") && paid[1].contains(a), paid[1]);
            assertEquals("", PlatformWebIT.cspViolations(b), "CSP, résultat");
            PaymentWalk.shots(b, "resultat-payee", wide);

            // paid on Accueil (no longer among the unpaid) and in the relevé (the card payment, nothing left to pay on it)
            b.get(base + "/espace/accueil.xhtml");
            String unpaid = b.text("unpaid-invoices");
            assertTrue(unpaid.contains(bNumber) && !unpaid.contains(a), unpaid);
            PaymentWalk.shots(b, "accueil", wide);
            b.get(base + "/espace/releve.xhtml");
            String statement = b.text("statement");
            assertTrue(statement.contains("Carte bancaire en ligne (PayFiP)") && statement.contains("42,50 €"), statement + b.snapshot());
            String toPay = b.text("to-pay");
            assertTrue(toPay.contains(bNumber) && !toPay.contains(a), toPay);
            assertTrue(PaymentWalk.hasPayer(b, bNumber), "Payer dans le relevé");
            PaymentWalk.shots(b, "releve", wide);
            b.get(base + "/espace/factures.xhtml");
            assertTrue(b.text("invoice-" + a).contains("payée"), b.text("invoice-" + a));
            assertFalse(PaymentWalk.hasPayer(b, a));

            // the receipt by mail, once
            String mails = Mails.await(parent, m -> m.contains("Nous avons bien reçu votre paiement en ligne de 42,50"));
            assertTrue(mails.contains("facture " + a) && mails.contains("Reçu n° "), mails);
            Thread.sleep(1500);
            assertEquals(1, Mails.of(parent).split("Nous avons bien reçu votre paiement en ligne", -1).length - 1,
                    "un seul reçu");

            // B: refused by the bank (notified after the return): nothing paid, still to pay
            PaymentWalk.pay(b, bNumber);
            b.awaitUrlStartingWith(StackLauncher.stack().payfip().paymentPage());
            PaymentWalk.decide(b, "refuser", "AFTER_REDIRECT");
            String[] refused = PaymentWalk.result(b);
            assertEquals("REFUSED", refused[0], b::snapshot);
            assertTrue(refused[1].contains("refusé") && refused[1].contains("cliquez de nouveau sur « Payer »"), refused[1]);
            PaymentWalk.shots(b, "resultat-refusee", wide);
            b.submit(org.openqa.selenium.By.id("factures-link"));
            assertTrue(b.text("invoice-" + bNumber).contains("impayée"));
            assertTrue(PaymentWalk.hasPayer(b, bNumber), "encore à payer");

            // C, from two tabs: the second is refused before PayFiP is asked; the first abandons
            PaymentWalk.pay(b, cNumber);
            b.awaitUrlStartingWith(StackLauncher.stack().payfip().paymentPage());
            String first = PaymentWalk.secondTab(b, base + "/espace/factures.xhtml");
            PaymentWalk.pay(b, cNumber);
            String refusal = PaymentWalk.summary(b);
            assertTrue(refusal.startsWith("Un paiement en ligne de la facture " + cNumber + " est déjà en cours"), refusal);
            assertEquals("", b.accessibilityViolations(), "axe-core, refus");
            PaymentWalk.switchTo(b, first);
            PaymentWalk.decide(b, "abandonner", "NEVER");
            String[] abandoned = PaymentWalk.result(b);
            assertEquals("ABANDONED", abandoned[0], b::snapshot);
            assertTrue(abandoned[1].contains("abandonné"), abandoned[1]);
            PaymentWalk.shots(b, "resultat-abandonnee", wide);
            b.get(base + "/espace/factures.xhtml");
            assertTrue(PaymentWalk.hasPayer(b, cNumber), "encore à payer");

            // another family's invoice id posted through the form: refused, nothing started
            PaymentWalk.tamper(b, cNumber, other);
            PaymentWalk.pay(b, cNumber);
            assertEquals("Cette facture n'appartient pas à votre dossier.", PaymentWalk.summary(b));
            assertEquals("", PlatformWebIT.cspViolations(b), "CSP, parent");
            cookies = DocumentsWalk.cookies(b);
        }
        try (Connection c = db()) {
            assertEquals(0, id(c, "select count(*) from online_payment where invoice_id = ?", other));
            assertEquals(1, id(c, "select count(*) from payment p join invoice i on i.family_id = p.family_id where i.number = ?"
                    + " and p.mode = 'CARTE_EN_LIGNE'", a));
        }

        // the parent's session on another commune's host: the post reaches no payment
        long before;
        try (Connection c = db()) {
            before = id(c, "select count(*) from online_payment");
        }
        HttpResponse<String> beta = PlatformWebIT.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + PlatformWebIT.PORT + "/espace/factures.xhtml")).header("Host", PlatformWebIT.host(StackLauncher.BETA))
                .header("Cookie", cookies).header("Origin", "http://" + PlatformWebIT.host(StackLauncher.BETA))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("facture=" + other)).build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(beta.headers().firstValue("Location").orElse("").contains("idop="), "PayFiP never reached");
        assertTrue(beta.statusCode() == 302 || beta.statusCode() == 303 || beta.statusCode() == 401 || beta.statusCode() == 403,
                "status " + beta.statusCode());
        try (Connection c = db()) {
            assertEquals(before, id(c, "select count(*) from online_payment"));
        }

        // C in anomaly (PayFiP reported another amount): the family is told to wait instead of « Payer »; the régisseur
        // checks it with a note, beside which a missing one is said; then C may be paid again
        String anomalyOp = "anomalie" + s;
        try (Connection c = db()) {
            try (var ps = c.prepareStatement("insert into commune_alpha.online_payment (invoice_id, family_id, regie_id,"
                    + " amount_cents, reference, id_op, started_by, state, decided_at, anomaly) select i.id, i.family_id,"
                    + " i.regie_id, 2500, 'ANO', ?, 'test', 'ANOMALY', now(), 'PayFiP indique un montant payé de 250,00 €'"
                    + " from commune_alpha.invoice i where i.number = ?")) {
                ps.setString(1, anomalyOp);
                ps.setString(2, cNumber);
                assertEquals(1, ps.executeUpdate());
            }
        }
        try (Browser b = new Browser()) {
            ActivitiesWalkIT.signIn(b, "/espace/factures.xhtml", parent, StackLauncher.PASSWORD_PARENT);
            b.await(PaymentWalk.payer(bNumber));
            assertFalse(PaymentWalk.hasPayer(b, cNumber), "en vérification : pas de « Payer »");
            assertTrue(b.text("invoice-" + cNumber).contains("Paiement en ligne en cours de vérification par la régie"),
                    b.text("invoice-" + cNumber));
        }
        try (Browser r = new Browser()) {
            ActivitiesWalkIT.signIn(r, "/agent/paiements-en-ligne.xhtml", regisseur, StackLauncher.PASSWORD_AGENT);
            String check = r.await(org.openqa.selenium.By.cssSelector("fieldset.online-to-check[data-idop='" + anomalyOp
                    + "'] input[type='submit']")).getAttribute("id");
            String note = check.replace(":check", ":note");
            assertEquals("", r.accessibilityViolations(), "axe-core, anomalies à vérifier");
            PaymentWalk.shots(r, "agent-anomalies", wide);
            r.submit(org.openqa.selenium.By.id(check));
            assertTrue(r.await(org.openqa.selenium.By.id(note + "_msg")).getText().startsWith("Indiquez ce que la régie a constaté"),
                    r::snapshot);
            Browser.type(r, note, "Trésorerie : aucun débit de la carte");
            r.submit(org.openqa.selenium.By.id(check));
            assertTrue(r.await(org.openqa.selenium.By.cssSelector("#summary .pf-info")).getText().startsWith("Anomalie vérifiée"),
                    r::snapshot);
            assertTrue(r.driver.findElements(org.openqa.selenium.By.cssSelector("fieldset.online-to-check[data-idop='"
                    + anomalyOp + "']")).isEmpty());
            r.get(base + "/agent/paiements-en-ligne.xhtml?etat=ANOMALY");
            assertTrue(r.text("online:list").contains("vérifiée : Trésorerie : aucun débit de la carte"), r.text("online:list"));
        }

        // the régisseur's page of online payments, by state
        try (Browser r = new Browser()) {
            ActivitiesWalkIT.signIn(r, "/agent/paiements-en-ligne.xhtml?etat=PAID", regisseur, StackLauncher.PASSWORD_AGENT);
            String list = r.text("online:list");
            assertTrue(list.contains(a) && list.contains("Famille Paie " + s) && list.contains("42,50 €") && list.contains("payé"),
                    list + r.snapshot());
            assertFalse(list.contains(bNumber), "refusée : pas parmi les payées");
            PaymentWalk.shots(r, "agent-payes", wide);
            r.get(base + "/agent/paiements-en-ligne.xhtml?etat=REFUSED");
            list = r.text("online:list");
            assertTrue(list.contains(bNumber) && !list.contains(a), list + r.snapshot());
        }
        assertEquals(List.of(), wide, "pages plus larges que 360 px");
    }
}
