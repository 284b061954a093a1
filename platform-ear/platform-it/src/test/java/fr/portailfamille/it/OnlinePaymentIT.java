package fr.portailfamille.it;

import static fr.portailfamille.it.support.BillingKit.REGISSEUR;
import static fr.portailfamille.it.support.BillingKit.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.Settlement;
import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.payment.InvoiceDesk;
import fr.portailfamille.platform.billing.payment.MoneyRefused;
import fr.portailfamille.platform.billing.payment.PaymentDesk;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.payment.OnlinePaymentDesk;
import fr.portailfamille.platform.payment.OnlinePayments;
import fr.portailfamille.platform.payment.OnlineState;
import fr.portailfamille.platform.payment.PaymentProviderException;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Online payment of an invoice inside Payara Micro, against the PayFiP simulator the stack started: a parent starts
 * the payment ({@link OnlinePayments}), pays, refuses or abandons on the simulator's page (posted as a browser
 * does), the simulator notifies the platform's {@code urlnotif} (ten times at once, or never) and sends the browser
 * back to {@code urlredirect}; the invoice is credited exactly once, through the counter's books. Refusals: a second
 * start while one is pending, another family's invoice, another commune's, a staff account.
 */
@ExtendWith(ArquillianExtension.class)
class OnlinePaymentIT {

    static final String PLATFORM = "http://alpha.localhost:" + Integer.getInteger("it.port.platform");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    OnlinePayments online;

    @Inject
    FamilyAccount account;

    @Inject
    PaymentDesk desk;

    @Inject
    BillingKit kit;

    @Inject
    OnlinePaymentDesk agents;

    @Inject
    InvoiceDesk invoices;

    @Inject
    fr.portailfamille.platform.billing.unpaid.ReminderSender reminders;

    <T> T alpha(Callable<T> work) throws Exception {
        return TenantContext.call(kit.alpha(), work);
    }

    /** A régie with a PayFiP client number, a family of {@code parent} and its one issued invoice of {@code cents}. */
    record Fixture(SignedInUser parent, long family, String regieCode, long regie, long invoice, String number) {
    }

    Fixture fixture(long cents) throws Exception {
        String s = random(6);
        SignedInUser parent = BillingKit.parent("alpha", UUID.randomUUID().toString(), "Camille Enligne",
                "enligne-" + s.toLowerCase() + "@alpha.test");
        String code = "EL" + s;
        String prefix = BillingKit.prefix("E");
        return alpha(() -> kit.inTransaction(() -> {
            long regie = kit.id("insert into regie (code, label, invoice_prefix, payfip_numcli) values (?1, ?2, ?3, '123456')"
                    + " returning id", code, "Régie en ligne " + s, prefix);
            long family = kit.id("insert into family (label, email, subject, status) values (?1, ?2, ?3, 'VALIDATED')"
                    + " returning id", "Enligne " + s, parent.email(), parent.subject());
            long invoice = kit.id("insert into invoice (regie_id, family_id, kind, sequence, number, period_start, period_end,"
                    + " due_date, total_cents, issued_by) values (?1, ?2, 'INVOICE', 1, ?3, date '2026-10-01', date '2026-10-31',"
                    + " current_date + 30, ?4, 'test') returning id", regie, family, prefix + "-1", cents);
            kit.update("insert into invoice_line (invoice_id, position, child_name, activity_code, unit_code, quantity,"
                    + " unit_price_cents, amount_cents, label) values (?1, 1, 'Léa Enligne', 'CANTINE', 'MIDI', 1, ?2, ?2,"
                    + " 'Cantine midi')", invoice, cents);
            return new Fixture(parent, family, code, regie, invoice, prefix + "-1");
        }));
    }

    /** The tester's choice on the simulator's payment page, posted as the browser does; where the browser goes next. */
    static String decide(OnlinePayments.Started started, String choice, String notification) throws Exception {
        String page = started.pageUrl().substring(0, started.pageUrl().indexOf('?'));
        HttpResponse<String> shown = HTTP.send(HttpRequest.newBuilder(URI.create(started.pageUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, shown.statusCode(), shown.body());
        HttpResponse<String> back = HTTP.send(HttpRequest.newBuilder(URI.create(page))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString("idop=" + started.operationId() + "&moyen=carte&choix=" + choice
                        + "&notification=" + notification))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, back.statusCode(), back.body());
        return back.headers().firstValue("Location").orElseThrow();
    }

    /**
     * A GET of the browser coming back on the commune's host (sent to 127.0.0.1 with that Host: this JVM does not
     * resolve the communes' sub-domains); the status and the Location header.
     */
    static String[] browserGet(String url) throws IOException {
        URI u = URI.create(url);
        try (Socket socket = new Socket("127.0.0.1", u.getPort())) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()) + " HTTP/1.1\r\n"
                    + "Host: " + u.getHost() + ":" + u.getPort() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            Matcher location = Pattern.compile("(?im)^Location:\\s*(\\S+)").matcher(answer);
            return new String[] {answer.substring(9, 12), location.find() ? location.group(1) : null};
        }
    }

    long count(String sql, Object... params) throws Exception {
        return alpha(() -> kit.id(sql, params));
    }

    String state(String idOp) throws Exception {
        return (String) alpha(() -> kit.one("select state from online_payment where id_op = ?1", idOp));
    }

    @Test
    void paidWithTenNotificationsAtOnceAndTheReturnTheInvoiceIsCreditedOnce() throws Exception {
        Fixture f = fixture(4250);
        OnlinePayments.Started started = alpha(() -> online.start(f.parent(), f.invoice(), PLATFORM));
        assertEquals(4250, started.amountCents());
        assertTrue(started.pageUrl().contains("idop=" + started.operationId()), started.pageUrl());
        assertEquals("PENDING", state(started.operationId()));

        // the simulator answers the payer only once its ten simultaneous notifications have been answered
        String back = decide(started, "payer", "REPEATED");
        assertEquals(PLATFORM + OnlinePayments.RETURN_PATH + "?idOp=" + started.operationId(), back);
        assertEquals("PAID", state(started.operationId()), "settled by the notifications, before the return");
        assertEquals(1, count("select count(*) from payment where family_id = ?1", f.family()));

        // the browser comes back: settled again, nothing more; then the result page
        String[] answer = browserGet(back);
        assertEquals("303", answer[0]);
        assertEquals(OnlinePayments.RESULT_PAGE + "?idOp=" + started.operationId(),
                answer[1].replaceFirst("^https?://[^/]+", ""));
        assertEquals(Optional.of(OnlineState.PAID), alpha(() -> online.settle(started.operationId())));

        assertEquals(1, count("select count(*) from payment where family_id = ?1 and mode = 'CARTE_EN_LIGNE'"
                + " and amount_cents = 4250 and receipt_number is not null and cancelled_at is null", f.family()));
        assertEquals(1, count("select count(*) from payment where family_id = ?1", f.family()));
        assertEquals(4250, count("select coalesce(sum(a.amount_cents), 0) from payment_allocation a join payment p"
                + " on p.id = a.payment_id where a.invoice_id = ?1", f.invoice()));
        assertEquals(0, count("select count(*) from account_credit where family_id = ?1", f.family()));
        assertEquals(1, count("select count(*) from billing_audit where invoice_id = ?1 and action = 'ONLINE_PAYMENT_PAID'",
                f.invoice()));
        assertEquals(1, count("select count(*) from online_payment where invoice_id = ?1 and state = 'PAID'"
                + " and resultrans = 'P' and paid_cents = 4250 and payment_id is not null and authorisation is not null",
                f.invoice()));

        AccountInvoice paid = alpha(() -> account.invoice(f.parent(), f.invoice()));
        assertEquals(0, paid.outstandingCents());
        assertEquals(Settlement.PAID, paid.settlement());
        assertEquals(0, alpha(() -> account.balance(f.parent(), null)).dueCents());
        OnlinePayments.Outcome outcome = alpha(() -> online.outcome(f.parent(), started.operationId())).orElseThrow();
        assertEquals(OnlineState.PAID, outcome.state());
        assertEquals(f.number(), outcome.invoiceNumber());

        // the family's receipt, mailed once after the commit however many notifications came
        String mails = Mails.await(f.parent().email(), m -> m.contains("Nous avons bien reçu votre paiement en ligne de 42,50"));
        assertTrue(mails.contains("facture " + f.number()) && mails.contains("Reçu n° "), mails);
        Thread.sleep(1000);
        assertEquals(1, Mails.of(f.parent().email()).split("Nous avons bien reçu votre paiement en ligne", -1).length - 1,
                "un seul reçu");

        // paid: no second online payment
        Refused again = assertThrows(Refused.class, () -> alpha(() -> online.start(f.parent(), f.invoice(), PLATFORM)));
        assertEquals("La facture " + f.number() + " est déjà payée.", again.getMessage());
    }

    @Test
    void neverNotifiedTheReturnAloneSettlesIt() throws Exception {
        Fixture f = fixture(1999);
        OnlinePayments.Started started = alpha(() -> online.start(f.parent(), f.invoice(), PLATFORM));
        String back = decide(started, "payer", "NEVER");
        assertEquals("PENDING", state(started.operationId()), "nothing told the platform yet");
        assertEquals("303", browserGet(back)[0]);
        assertEquals("PAID", state(started.operationId()));
        assertEquals(0, alpha(() -> account.invoice(f.parent(), f.invoice())).outstandingCents());
        assertEquals(1, count("select count(*) from payment where family_id = ?1", f.family()));
    }

    @Test
    void aPaymentPaidAtTheCounterMeanwhileLeavesTheRestAsCredit() throws Exception {
        Fixture f = fixture(4250);
        OnlinePayments.Started started = alpha(() -> online.start(f.parent(), f.invoice(), PLATFORM));
        // the counter refuses it while the card payment is under way (the family would pay twice)
        MoneyRefused counter = assertThrows(MoneyRefused.class, () -> alpha(() -> desk.record(REGISSEUR,
                new PaymentDesk.PaymentInput(f.family(), f.regieCode(), "ESPECES", 1000L, BillingKit.today(), null, null,
                        "Camille Enligne", null))));
        assertTrue(counter.getMessage().contains("Un paiement en ligne de la facture " + f.number() + " est en cours"),
                counter.getMessage());
        assertTrue(assertThrows(Refused.class, () -> alpha(() -> {
            desk.useCredit(REGISSEUR, f.invoice(), 100);
            return null;
        })).getMessage().contains("est en cours"), "nor from the family's credit");
        // one that got in all the same (recorded just before the card payment started, on another replica)
        alpha(() -> kit.inTransaction(() -> {
            long payment = kit.id("insert into payment (regie_id, family_id, receipt_number, mode, amount_cents, received_on,"
                    + " recorded_by) values (?1, ?2, ?3, 'ESPECES', 1000, ?4, 'regie@alpha.test') returning id", f.regie(),
                    f.family(), f.number() + "-R", BillingKit.today());
            kit.update("insert into payment_allocation (payment_id, invoice_id, amount_cents) values (?1, ?2, 1000)",
                    payment, f.invoice());
            return null;
        }));
        decide(started, "payer", "BEFORE_REDIRECT");
        assertEquals("PAID", state(started.operationId()));
        assertEquals(0, alpha(() -> account.invoice(f.parent(), f.invoice())).outstandingCents());
        assertEquals(3250, count("select a.amount_cents from payment_allocation a join payment p on p.id = a.payment_id"
                + " where p.mode = 'CARTE_EN_LIGNE' and a.invoice_id = ?1", f.invoice()));
        assertEquals(1000, count("select coalesce(sum(amount_cents), 0) from account_credit where family_id = ?1", f.family()));
        assertEquals(1000, alpha(() -> account.balance(f.parent(), null)).creditCents());
    }

    @Test
    void refusedOrAbandonedNothingIsPaidAndThePaymentMayStartAgain() throws Exception {
        Fixture f = fixture(3000);
        OnlinePayments.Started refused = alpha(() -> online.start(f.parent(), f.invoice(), PLATFORM));
        decide(refused, "refuser", "BEFORE_REDIRECT");
        assertEquals("REFUSED", state(refused.operationId()));
        assertEquals(Optional.of(OnlineState.REFUSED), alpha(() -> online.settle(refused.operationId())));

        OnlinePayments.Started abandoned = alpha(() -> online.start(f.parent(), f.invoice(), PLATFORM));
        String back = decide(abandoned, "abandonner", "NEVER");
        assertEquals("303", browserGet(back)[0]);
        assertEquals("ABANDONED", state(abandoned.operationId()));

        assertEquals(0, count("select count(*) from payment where family_id = ?1", f.family()));
        assertEquals(3000, alpha(() -> account.invoice(f.parent(), f.invoice())).outstandingCents());
        assertEquals(1, count("select count(*) from billing_audit where invoice_id = ?1 and action = 'ONLINE_PAYMENT_REFUSED'",
                f.invoice()));
        assertEquals(OnlineState.ABANDONED,
                alpha(() -> online.outcome(f.parent(), abandoned.operationId())).orElseThrow().state());
    }

    /**
     * PayFiP reports another amount than asked: nothing is credited, and the invoice may not be paid again (online: the
     * card may have been charged) until a régisseur marks the anomaly checked with what the régie found — audited; then
     * it may. Only a régisseur of the commune checks it, once, with a note.
     */
    @Test
    void anAnomalyBlocksPayingAgainUntilTheRegieChecksIt() throws Exception {
        Fixture f = fixture(2000);
        OnlinePayments.Started started = alpha(() -> online.start(f.parent(), f.invoice(), PLATFORM));
        alpha(() -> kit.inTransaction(() -> kit.update("update online_payment set state = 'ANOMALY', decided_at = now(),"
                + " anomaly = 'PayFiP indique un montant payé de 200,00 €' where id_op = ?1", started.operationId())));
        long id = count("select id from online_payment where id_op = ?1", started.operationId());

        Refused again = assertThrows(Refused.class, () -> alpha(() -> online.start(f.parent(), f.invoice(), PLATFORM)));
        assertTrue(again.getMessage().startsWith("Le dernier paiement en ligne de la facture " + f.number()
                + " est en cours de vérification par la régie"), again.getMessage());
        assertEquals(java.util.Set.of(f.invoice()), alpha(() -> online.beingChecked(List.of(f.invoice()))));
        var row = alpha(() -> agents.payments(REGISSEUR, OnlineState.ANOMALY)).stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow();
        assertTrue(row.isToCheck());
        // nor handed to the Trésorerie (it would collect what the card may have paid), nor reminded, until checked
        Refused titre = assertThrows(Refused.class, () -> alpha(() -> invoices.markTitre(REGISSEUR, f.invoice(), "ORMC-9",
                fr.portailfamille.it.support.TestDays.today())));
        assertEquals("ormc", titre.field());
        assertTrue(titre.getMessage().contains("en anomalie"), titre.getMessage());
        assertTrue(!alpha(() -> reminders.send(f.invoice(), 1, "test",
                fr.portailfamille.it.support.TestDays.today().plusYears(1))));
        assertEquals(0, count("select count(*) from invoice_reminder where invoice_id = ?1", f.invoice()));
        // nor paid at the counter, by a payment or the family's credit: the card may have paid it already
        MoneyRefused counter = assertThrows(MoneyRefused.class, () -> alpha(() -> desk.record(REGISSEUR,
                new PaymentDesk.PaymentInput(f.family(), f.regieCode(), "ESPECES", 1000L, BillingKit.today(), null, null,
                        "Camille Enligne", null))));
        assertTrue(counter.getMessage().contains("facture " + f.number() + " est une anomalie à vérifier"),
                counter.getMessage());
        Refused credit = assertThrows(Refused.class, () -> alpha(() -> {
            desk.useCredit(REGISSEUR, f.invoice(), 100);
            return null;
        }));
        assertEquals("creditAmount", credit.field());
        assertTrue(credit.getMessage().contains("anomalie à vérifier"), credit.getMessage());
        assertEquals(0, count("select count(*) from payment where family_id = ?1", f.family()));

        assertThrows(SecurityException.class, () -> alpha(() -> {
            agents.checkAnomaly(BillingKit.AGENT, id, "vu");
            return null;
        }));
        assertThrows(SecurityException.class, () -> alpha(() -> {
            agents.checkAnomaly(f.parent(), id, "vu");
            return null;
        }));
        assertThrows(Refused.class, () -> TenantContext.call(kit.beta(), () -> {
            agents.checkAnomaly(BillingKit.REGISSEUR_BETA, id, "vu");
            return null;
        }), "another commune's régisseur does not reach it");
        Refused blank = assertThrows(Refused.class, () -> alpha(() -> {
            agents.checkAnomaly(REGISSEUR, id, "  ");
            return null;
        }));
        assertEquals("note", blank.field());
        assertEquals("note", assertThrows(Refused.class, () -> alpha(() -> {
            agents.checkAnomaly(REGISSEUR, id, "x".repeat(301));
            return null;
        })).field());
        alpha(() -> {
            agents.checkAnomaly(REGISSEUR, id, "Trésorerie : aucun débit de la carte");
            return null;
        });
        assertThrows(Refused.class, () -> alpha(() -> {
            agents.checkAnomaly(REGISSEUR, id, "encore");
            return null;
        }), "checked once");
        assertEquals(1, count("select count(*) from billing_audit where invoice_id = ?1 and action = 'ONLINE_PAYMENT_CHECKED'"
                + " and detail like '%aucun débit%'", f.invoice()));
        assertEquals("Trésorerie : aucun débit de la carte", alpha(() -> agents.payments(REGISSEUR, OnlineState.ANOMALY))
                .stream().filter(r -> r.id() == id).findFirst().orElseThrow().checkedNote());
        assertTrue(alpha(() -> online.beingChecked(List.of(f.invoice()))).isEmpty());
        OnlinePayments.Started paid = alpha(() -> online.start(f.parent(), f.invoice(), PLATFORM));
        decide(paid, "payer", "BEFORE_REDIRECT");
        assertEquals("PAID", state(paid.operationId()));
    }

    @Test
    void aSecondStartWhileOneIsPendingIsRefusedBeforePayfipIsCalled() throws Exception {
        Fixture f = fixture(2500);
        OnlinePayments.Started first = alpha(() -> online.start(f.parent(), f.invoice(), PLATFORM));
        Refused second = assertThrows(Refused.class, () -> alpha(() -> online.start(f.parent(), f.invoice(), PLATFORM)));
        assertTrue(second.getMessage().startsWith("Un paiement en ligne de la facture " + f.number() + " est déjà en cours"),
                second.getMessage());
        assertEquals(1, count("select count(*) from online_payment where invoice_id = ?1", f.invoice()));
        // the database refuses a second pending one whatever the code does
        assertThrows(RuntimeException.class, () -> alpha(() -> kit.update("insert into online_payment (invoice_id, family_id,"
                + " regie_id, amount_cents, reference, id_op, started_by) values (?1, ?2, ?3, 2500, 'X', ?4, 'test')",
                f.invoice(), f.family(), f.regie(), "dup" + random(8))));
        // nor may the régisseur hand it to the Trésorerie meanwhile: the family would pay it twice
        Refused titre = assertThrows(Refused.class, () -> alpha(() -> {
            invoices.markTitre(REGISSEUR, f.invoice(), "2026-000999", fr.portailfamille.platform.kernel.PlatformTime.today());
            return null;
        }));
        assertEquals("ormc", titre.field());
        assertTrue(titre.getMessage().startsWith("Un paiement en ligne de la facture " + f.number() + " est en cours"),
                titre.getMessage());
        decide(first, "payer", "BEFORE_REDIRECT");
        assertEquals("PAID", state(first.operationId()));
    }

    /**
     * A start reserves its pending online payment, then asks PayFiP with no lock or connection held: when PayFiP
     * refuses (here an address it finds incorrect), the reservation is released — nothing pending, the invoice may be
     * paid at once — and a start that went through carries PayFiP's own operation id.
     */
    @Test
    void aStartPayfipRefusesLeavesNothingPendingAndTheNextOneGoesThrough() throws Exception {
        Fixture f = fixture(1800);
        SignedInUser longAddress = BillingKit.parent("alpha", f.parent().subject(), "Camille Enligne",
                "une-adresse-bien-trop-longue-pour-payfip-" + "x".repeat(40) + "@alpha.test");
        PaymentProviderException refused = assertThrows(PaymentProviderException.class,
                () -> alpha(() -> online.start(longAddress, f.invoice(), PLATFORM)));
        assertEquals("A2", refused.code());
        assertEquals(0, count("select count(*) from online_payment where invoice_id = ?1", f.invoice()), "released");
        OnlinePayments.Started started = alpha(() -> online.start(f.parent(), f.invoice(), PLATFORM));
        assertEquals(1, count("select count(*) from online_payment where invoice_id = ?1 and state = 'PENDING'"
                + " and id_op = ?2", f.invoice(), started.operationId()), "PayFiP's operation id recorded");
        decide(started, "payer", "BEFORE_REDIRECT");
        assertEquals("PAID", state(started.operationId()));
    }

    @Test
    void anotherFamilysInvoiceAnotherCommunesAndStaffAreRefused() throws Exception {
        Fixture mine = fixture(2000);
        Fixture theirs = fixture(2000);
        assertThrows(SecurityException.class, () -> alpha(() -> online.start(mine.parent(), theirs.invoice(), PLATFORM)));
        assertThrows(SecurityException.class, () -> alpha(() -> online.start(mine.parent(), Long.MAX_VALUE, PLATFORM)));
        assertThrows(SecurityException.class, () -> alpha(() -> online.start(REGISSEUR, mine.invoice(), PLATFORM)));
        // alpha's parent in commune beta, and a beta account with the same subject on alpha's invoice id
        assertThrows(SecurityException.class,
                () -> TenantContext.call(kit.beta(), () -> online.start(mine.parent(), mine.invoice(), PLATFORM)));
        SignedInUser betaParent = BillingKit.parent("beta", mine.parent().subject(), "Camille Enligne", mine.parent().email());
        assertThrows(SecurityException.class,
                () -> TenantContext.call(kit.beta(), () -> online.start(betaParent, mine.invoice(), PLATFORM)));
        assertEquals(0, count("select count(*) from online_payment where invoice_id in (?1, ?2)", mine.invoice(),
                theirs.invoice()));
        // and its result is not shown to another family
        OnlinePayments.Started started = alpha(() -> online.start(theirs.parent(), theirs.invoice(), PLATFORM));
        assertNotNull(started.operationId());
        assertThrows(SecurityException.class, () -> alpha(() -> online.outcome(mine.parent(), started.operationId())));
        decide(started, "abandonner", "BEFORE_REDIRECT");
    }

    @Test
    void theScheduledCheckSettlesANeverNotifiedPaymentAndExpiresOneWithoutResult() throws Exception {
        Fixture f = fixture(1500);
        OnlinePayments.Started paid = alpha(() -> online.start(f.parent(), f.invoice(), PLATFORM));
        decide(paid, "payer", "NEVER"); // and the browser never comes back
        assertEquals("PENDING", state(paid.operationId()));
        assertTrue(alpha(() -> online.pendingSince(Instant.now().plusSeconds(60))).contains(paid.operationId()));
        assertEquals(Optional.of(OnlineState.PAID), alpha(() -> online.check(paid.operationId(), Instant.now().plusSeconds(60))));
        assertEquals(0, alpha(() -> account.invoice(f.parent(), f.invoice())).outstandingCents());
        assertEquals(1, count("select count(*) from payment where family_id = ?1", f.family()));

        Fixture g = fixture(1500);
        OnlinePayments.Started left = alpha(() -> online.start(g.parent(), g.invoice(), PLATFORM));
        // the payer is still on PayFiP's page: too recent to expire, then old enough
        assertEquals(Optional.of(OnlineState.PENDING), alpha(() -> online.check(left.operationId(), Instant.now().minusSeconds(3600))));
        assertEquals(Optional.of(OnlineState.EXPIRED), alpha(() -> online.check(left.operationId(), Instant.now().plusSeconds(60))));
        assertEquals(1, count("select count(*) from billing_audit where invoice_id = ?1 and action = 'ONLINE_PAYMENT_EXPIRED'",
                g.invoice()));
        // an operation PayFiP does not know (P1) expires too; then the invoice may be paid online again
        String unknown = "f" + random(8).toLowerCase() + "0000000000000000000000";
        alpha(() -> kit.update("insert into online_payment (invoice_id, family_id, regie_id, amount_cents, reference, id_op,"
                + " started_by) values (?1, ?2, ?3, 1500, 'X', ?4, 'test')", g.invoice(), g.family(), g.regie(), unknown));
        assertEquals(Optional.of(OnlineState.EXPIRED), alpha(() -> online.check(unknown, Instant.now().plusSeconds(60))));
        assertEquals(0, count("select count(*) from payment where family_id = ?1", g.family()));
        OnlinePayments.Started again = alpha(() -> online.start(g.parent(), g.invoice(), PLATFORM));
        decide(again, "payer", "BEFORE_REDIRECT");
        assertEquals(0, alpha(() -> account.invoice(g.parent(), g.invoice())).outstandingCents());
    }

    @Test
    void theRegisseursListTheOnlinePaymentsByStateOtherAgentsAndParentsAreRefused() throws Exception {
        Fixture f = fixture(1200);
        OnlinePayments.Started refused = alpha(() -> online.start(f.parent(), f.invoice(), PLATFORM));
        decide(refused, "refuser", "BEFORE_REDIRECT");
        OnlinePayments.Started paid = alpha(() -> online.start(f.parent(), f.invoice(), PLATFORM));
        decide(paid, "payer", "BEFORE_REDIRECT");

        var all = alpha(() -> agents.payments(REGISSEUR, null));
        var mine = all.stream().filter(r -> r.invoiceId() == f.invoice()).toList();
        assertEquals(2, mine.size());
        assertEquals(paid.operationId(), mine.get(0).operationId(), "latest first");
        assertEquals(OnlineState.PAID, mine.get(0).state());
        assertEquals(1200, mine.get(0).amountCents());
        assertEquals(f.number(), mine.get(0).invoiceNumber());
        assertEquals(f.family(), mine.get(0).familyId());
        assertNotNull(mine.get(0).createdAt());
        var onlyRefused = alpha(() -> agents.payments(REGISSEUR, OnlineState.REFUSED));
        assertTrue(onlyRefused.stream().allMatch(r -> r.state() == OnlineState.REFUSED));
        assertTrue(onlyRefused.stream().anyMatch(r -> r.operationId().equals(refused.operationId())));
        assertTrue(onlyRefused.stream().noneMatch(r -> r.operationId().equals(paid.operationId())));

        assertThrows(SecurityException.class, () -> alpha(() -> agents.payments(BillingKit.AGENT, null)));
        assertThrows(SecurityException.class, () -> alpha(() -> agents.payments(f.parent(), null)));
        assertThrows(SecurityException.class, () -> alpha(() -> agents.payments(BillingKit.REGISSEUR_BETA, null)));
        assertTrue(TenantContext.call(kit.beta(), () -> agents.payments(BillingKit.REGISSEUR_BETA, null)).stream()
                .noneMatch(r -> r.operationId().equals(paid.operationId())), "beta's list holds none of alpha's");
    }
}
