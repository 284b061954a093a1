package fr.portailfamille.it;

import static fr.portailfamille.it.support.BillingKit.AGENT;
import static fr.portailfamille.it.support.BillingKit.REGISSEUR;
import static fr.portailfamille.it.support.BillingKit.REGISSEUR_BETA;
import static fr.portailfamille.it.support.BillingMonth.OCTOBER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.sepa.Pain008;
import fr.portailfamille.billing.sepa.SepaRules;
import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.BillingMonth;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.InvoicingRun;
import fr.portailfamille.platform.billing.documents.BillingDocuments;
import fr.portailfamille.platform.billing.payment.MoneyRefused;
import fr.portailfamille.platform.billing.sepa.DirectDebits;
import fr.portailfamille.platform.billing.sepa.Mandate;
import fr.portailfamille.platform.billing.sepa.Mandates;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.problems.FieldError;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SEPA direct debit against the real PostgreSQL inside Payara Micro: a parent signs a mandate (a bad IBAN refused
 * next to its field, the PDF, one active mandate per régie, revoked), agents list them (IBAN masked except for the
 * régisseur); a real invoicing run of the fixture month marks the invoices of the families with a mandate, the
 * régisseur's pain.008 file validates against the ISO 20022 schema and settles the invoices, a reject re-opens one
 * with its reason and mails the family, and the next file is RCUR for a collected mandate and FRST again for the
 * rejected one; another family's mandate, another commune and parents on agents' actions are refused.
 */
@ExtendWith(ArquillianExtension.class)
class SepaDebitIT {

    static final String ICS = "FR72ZZZ123456";
    static final String IBAN_FR = "FR76 3000 6000 0112 3456 7890 189";
    static final String IBAN_DE = "DE89370400440532013000";

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    Mandates mandates;

    @Inject
    DirectDebits debits;

    @Inject
    fr.portailfamille.platform.billing.unpaid.ReminderSender reminders;

    @Inject
    InvoicingRun invoicing;

    @Inject
    FamilyAccount account;

    @Inject
    BillingDocuments documents;

    @Inject
    BillingKit kit;

    @Inject
    fr.portailfamille.platform.billing.payment.PaymentDesk payments;

    @Inject
    fr.portailfamille.platform.configuration.ConfigurationService configuration;

    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService pool;

    <T> T alpha(java.util.concurrent.Callable<T> work) throws Exception {
        return kit.in(kit.alpha(), work);
    }

    /** The fixture month with its régie collecting by direct debit on day {@code debitDay}. */
    BillingMonth month(int debitDay) throws Exception {
        BillingMonth f = BillingMonth.october(kit, kit.alpha(), BillingKit.prefix("S"));
        alpha(() -> kit.update("update regie set sepa_ics = ?2, sepa_name = 'Regie periscolaire Alpha', sepa_iban = ?3,"
                + " sepa_bic = 'AGRIFRPP882', sepa_debit_day = ?4 where code = ?1", f.regie(), ICS, "FR7630006000011234567890189",
                debitDay));
        return f;
    }

    static List<String> fields(MoneyRefused e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    static String message(MoneyRefused e, String field) {
        return e.errors().stream().filter(x -> x.field().equals(field)).map(FieldError::message).findFirst().orElse("");
    }

    static void validate(byte[] file) throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Objects.requireNonNull(SepaDebitIT.class.getResource(Pain008.SCHEMA), "hbci4j's schema in the WAR"));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(file)));
    }

    @Test
    void aParentSignsAMandateCheckedFieldByFieldAndAgentsSeeItMasked() throws Exception {
        BillingMonth f = month(5);
        SignedInUser parent = f.parent("Edge450");
        SignedInUser other = f.parent("NoQf");

        // a bad IBAN key and no consent: refused, each next to its field, nothing written
        MoneyRefused bad = assertThrows(MoneyRefused.class, () -> alpha(() -> mandates.sign(parent,
                new Mandates.Signature(f.regie(), "Camille Edge", "FR76 3000 6000 0112 3456 7890 188", "AGRI", false))));
        assertEquals(List.of("iban", "bic", "accepted"), fields(bad));
        assertTrue(message(bad, "iban").contains("clé de contrôle"), message(bad, "iban"));
        MoneyRefused noRegie = assertThrows(MoneyRefused.class, () -> alpha(() -> mandates.sign(parent,
                new Mandates.Signature("NOPE", "Camille Edge", IBAN_FR, null, true))));
        assertEquals(List.of("regie"), fields(noRegie));
        assertEquals(0L, alpha(() -> kit.id("select count(*) from sepa_mandate where family_id = ?1", f.family("Edge450"))));

        // a name with no Latin letter would be an empty name in the bank's file (which would refuse it whole)
        MoneyRefused unwritable = assertThrows(MoneyRefused.class, () -> alpha(() -> mandates.sign(parent,
                new Mandates.Signature(f.regie(), "王伟", IBAN_FR, null, true))));
        assertEquals(List.of("debtorName"), fields(unwritable));
        assertTrue(message(unwritable, "debtorName").contains("lettres latines"), message(unwritable, "debtorName"));
        // a Swiss account (a cross-border worker) without its BIC: the rulebook requires it outside the EEA
        MoneyRefused swiss = assertThrows(MoneyRefused.class, () -> alpha(() -> mandates.sign(parent,
                new Mandates.Signature(f.regie(), "Camille Edge", "CH93 0076 2011 6238 5295 7", " ", true))));
        assertEquals(List.of("bic"), fields(swiss));
        assertTrue(message(swiss, "bic").startsWith("Le BIC est obligatoire pour un compte hors de l'Espace"), message(swiss, "bic"));

        // signed: RUM from the régie and the id, today's date, the régie's ICS, the IBAN as typed (compacted)
        Mandate m = alpha(() -> mandates.sign(parent, new Mandates.Signature(f.regie(), "Camille Edge", IBAN_FR, "agrifrpp882", true)));
        assertTrue(m.rum().matches("PF-" + f.regie() + "-\\d{8}"), m.rum());
        assertTrue(SepaRules.isRum(m.rum()));
        assertEquals(ICS, m.creditorIcs());
        assertEquals(BillingKit.today(), m.signedOn());
        assertEquals("FR7630006000011234567890189", m.iban());
        assertEquals("AGRIFRPP882", m.bic());
        String pdf = BillingKit.pdfText(alpha(() -> mandates.pdf(parent, m.id())).content());
        assertTrue(pdf.contains("Mandat de prélèvement SEPA") && pdf.contains(m.rum()) && pdf.contains(ICS)
                && pdf.contains("FR76 3000 6000 0112 3456 7890 189"), pdf);
        // one active mandate per family and régie
        MoneyRefused twice = assertThrows(MoneyRefused.class, () -> alpha(() -> mandates.sign(parent,
                new Mandates.Signature(f.regie(), "Camille Edge", IBAN_DE, null, true))));
        assertTrue(message(twice, "regie").contains("déjà actif"));

        // agents: the IBAN masked, except for the régisseur; parents never reach the agents' list
        Mandate seen = alpha(() -> mandates.list(AGENT, f.regie(), true)).get(0);
        assertEquals("FR76 **** **** 0189", seen.iban());
        assertEquals("FR7630006000011234567890189", alpha(() -> mandates.list(REGISSEUR, f.regie(), true)).get(0).iban());
        assertThrows(SecurityException.class, () -> alpha(() -> mandates.list(parent, f.regie(), true)));
        assertThrows(SecurityException.class, () -> alpha(() -> mandates.sign(AGENT,
                new Mandates.Signature(f.regie(), "Agent", IBAN_FR, null, true))));

        // another family's mandate, by id: refused like an unknown one; another commune: refused
        assertThrows(SecurityException.class, () -> alpha(() -> mandates.get(other, m.id())));
        assertThrows(SecurityException.class, () -> alpha(() -> mandates.pdf(other, m.id())));
        assertThrows(SecurityException.class, () -> alpha(() -> { mandates.revoke(other, m.id()); return null; }));
        assertThrows(SecurityException.class, () -> alpha(() -> mandates.get(REGISSEUR_BETA, m.id())));
        assertThrows(Refused.class, () -> kit.in(kit.beta(), () -> mandates.get(REGISSEUR_BETA, m.id())));

        // revoked by its family: no longer active, a new one may be signed
        alpha(() -> { mandates.revoke(parent, m.id()); return null; });
        assertFalse(alpha(() -> mandates.get(parent, m.id())).active());
        // its signature and its revocation in the régie's journal, by the family
        assertEquals(List.of("SEPA_MANDATE_SIGNED", "SEPA_MANDATE_REVOKED"), alpha(() -> kit.list("select action from"
                + " billing_audit where detail like ?1 order by id", "Mandat " + m.rum() + " %")));
        assertThrows(Refused.class, () -> alpha(() -> { mandates.revoke(parent, m.id()); return null; }));
        Mandate again = alpha(() -> mandates.sign(parent, new Mandates.Signature(f.regie(), "Camille Edge", IBAN_DE, null, true)));
        assertTrue(again.active());
        assertFalse(again.rum().equals(m.rum()), "a RUM is never reused");
    }

    /**
     * A file the bank refused whole (or never sent): the régisseur withdraws it with a reason — its debit planned again,
     * the invoice due again, the payment cancelled, no family mailed, the file kept in the journal — and makes a new one
     * with its own message id; a file whose debit the bank rejected is no longer withdrawn.
     */
    @Test
    void aFileTheBankRefusedIsWithdrawnAndMadeAgain() throws Exception {
        BillingMonth f = month(10);
        SignedInUser edge450 = f.parent("Edge450");
        alpha(() -> mandates.sign(edge450, new Mandates.Signature(f.regie(), "Camille Edge", IBAN_FR, null, true)));
        long run = octoberRun(f);
        DirectDebits.File first = alpha(() -> debits.file(REGISSEUR, run));
        DirectDebits.Debit sent = alpha(() -> debits.debits(AGENT, run)).get(0);
        assertEquals("SENT", sent.state());
        assertEquals(0, alpha(() -> account.invoice(edge450, sent.invoiceId())).outstandingCents());
        // régisseurs only, with a reason
        assertThrows(SecurityException.class, () -> alpha(() -> { debits.withdraw(AGENT, run, "Refusé"); return null; }));
        assertEquals("withdrawReason", assertThrows(Refused.class, () -> alpha(() -> {
            debits.withdraw(REGISSEUR, run, "  ");
            return null;
        })).field());
        assertThrows(Refused.class, () -> kit.in(kit.beta(), () -> { debits.withdraw(REGISSEUR_BETA, run, "x"); return null; }));
        // a reason near what the field takes (478 of 500 characters): taken, though each payment's cancellation names the file first
        String longReason = "Fichier refusé par la banque : ICS inconnu. " + "Motif détaillé de la banque. ".repeat(15);
        assertEquals(478, longReason.strip().length());
        alpha(() -> { debits.withdraw(REGISSEUR, run, longReason); return null; });
        assertEquals(1L, alpha(() -> kit.id("select count(*) from payment where id = (select max(p.id) from payment p"
                + " join invoice i on i.family_id = p.family_id where i.id = ?1) and length(cancel_reason) = 500"
                + " and cancel_reason like 'Fichier de prélèvements % retiré : Fichier refusé par la banque%…'", sent.invoiceId())));
        DirectDebits.Debit planned = alpha(() -> debits.debits(AGENT, run)).get(0);
        assertEquals("PLANNED", planned.state());
        assertTrue(alpha(() -> account.invoice(edge450, sent.invoiceId())).outstandingCents() > 0, "due again");
        // the relevé: the debit's cancellation (today) never before the debit (its collection day, to come)
        java.time.LocalDate collected = java.time.LocalDate.of(2000, 1, 1).plusDays(alpha(() -> kit.id("select received_on"
                + " - date '2000-01-01' from payment where id = (select max(id) from payment where family_id = (select family_id"
                + " from invoice where id = ?1))", sent.invoiceId())));
        fr.portailfamille.billing.Statement statement = alpha(() -> account.statement(edge450, null, collected));
        List<fr.portailfamille.billing.Statement.Kind> kinds = statement.lines().stream().map(l -> l.movement().kind())
                .filter(k -> k != fr.portailfamille.billing.Statement.Kind.INVOICE).toList();
        assertEquals(List.of(fr.portailfamille.billing.Statement.Kind.PAYMENT,
                fr.portailfamille.billing.Statement.Kind.PAYMENT_CANCELLED), kinds);
        assertTrue(statement.lines().stream().allMatch(l -> l.movement().kind() != fr.portailfamille.billing.Statement.Kind
                .PAYMENT_CANCELLED || l.movement().date().equals(collected)), statement.lines()::toString);
        // its debit planned again: not reminded meanwhile, however late
        assertFalse(alpha(() -> reminders.send(sent.invoiceId(), 1, "test", fr.portailfamille.it.support.TestDays.today().plusYears(1))));
        assertEquals(0L, alpha(() -> kit.id("select count(*) from invoice_reminder where invoice_id = ?1", sent.invoiceId())));
        assertNull(alpha(() -> debits.made(REGISSEUR, run)));
        assertEquals(1L, alpha(() -> kit.id("select count(*) from billing_audit where action = 'SEPA_FILE_WITHDRAWN'"
                + " and detail like '%ICS inconnu%'")));
        assertEquals(1L, alpha(() -> kit.id("select count(*) from sepa_file where billing_run_id = ?1 and withdrawn_at is not null",
                run)), "kept for the journal");
        // made again: its own message id, the debit in it
        DirectDebits.File again = alpha(() -> debits.file(REGISSEUR, run));
        String xml = new String(again.content(), java.nio.charset.StandardCharsets.UTF_8);
        validate(again.content());
        assertFalse(again.fileName().equals(first.fileName()), again.fileName());
        assertTrue(xml.contains("<EndToEndId>" + planned.invoiceNumber() + "</EndToEndId>"), xml);
        assertEquals(0, alpha(() -> account.invoice(edge450, sent.invoiceId())).outstandingCents());
        // the bank rejects its debit: the file was processed, it is no longer withdrawn
        long debit = alpha(() -> debits.debits(AGENT, run)).get(0).id();
        alpha(() -> { debits.reject(REGISSEUR, debit, "AM04"); return null; });
        Refused processed = assertThrows(Refused.class, () -> alpha(() -> {
            debits.withdraw(REGISSEUR, run, "Refusé");
            return null;
        }));
        assertTrue(processed.getMessage().contains("déjà rejeté"), processed.getMessage());
    }

    /**
     * A family changing bank before its run's file (its mandate revoked, a new one signed): the invoice the revocation
     * left undebited is debited on the new mandate, not dropped.
     */
    @Test
    void aNewMandateAfterAChangeOfBankTakesTheDebitTheRevocationLeft() throws Exception {
        BillingMonth f = month(10);
        SignedInUser edge450 = f.parent("Edge450");
        Mandate first = alpha(() -> mandates.sign(edge450, new Mandates.Signature(f.regie(), "Camille Edge", IBAN_FR, null,
                true)));
        long run = octoberRun(f);
        // while its debit is planned, the régie's creditor is neither removed nor given another ICS (no file could carry
        // it any more), whoever saves; nothing changed
        java.util.function.UnaryOperator<fr.portailfamille.configuration.CommuneConfiguration> noCreditor = c -> c.withBilling(
                new fr.portailfamille.billing.BillingConfiguration(c.billing().settings(), c.billing().regies().stream()
                        .map(r -> !r.code().equals(f.regie()) ? r : new fr.portailfamille.billing.Regie(r.code(), r.label(),
                                r.invoicePrefix(), r.managerName(), r.managerEmail(), r.managerPhone(), r.activities(),
                                r.paymentInstructions(), r.payfipNumcli(), r.collection(), r.walletFloorCents(), null)).toList(),
                        c.billing().tariffs()));
        fr.portailfamille.configuration.ConfigurationException inUse = assertThrows(
                fr.portailfamille.configuration.ConfigurationException.class,
                () -> alpha(() -> { configuration.update(REGISSEUR, noCreditor); return null; }));
        assertTrue(inUse.errors().stream().anyMatch(e -> e.field().matches("billing\\.regies\\[\\d+]\\.sepa\\.creditorId")
                && e.message().contains("sont prévus")), inUse.errors()::toString);
        assertEquals(1L, alpha(() -> kit.id("select count(*) from regie where code = ?1 and sepa_ics is not null", f.regie())));
        alpha(() -> { mandates.revoke(edge450, first.id()); return null; });
        assertEquals("SKIPPED", alpha(() -> debits.debits(AGENT, run)).get(0).state());
        Mandate second = alpha(() -> mandates.sign(edge450, new Mandates.Signature(f.regie(), "Camille Edge", IBAN_DE, null,
                true)));
        DirectDebits.Debit moved = alpha(() -> debits.debits(AGENT, run)).get(0);
        assertEquals(List.of("PLANNED", second.rum()), List.of(moved.state(), moved.rum()));
        String xml = new String(alpha(() -> debits.file(REGISSEUR, run)).content(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(xml.contains("<MndtId>" + second.rum() + "</MndtId>") && !xml.contains(first.rum()), xml);
        // the file sent, the family revokes that mandate too (its debit sent stays); the bank refuses the whole file, the
        // régisseur withdraws it: the debit is not planned again on a revoked mandate no file takes — skipped, the
        // invoice due and reminded; a mandate signed then takes it, as after the first revocation
        alpha(() -> { mandates.revoke(edge450, second.id()); return null; });
        assertEquals("SENT", alpha(() -> debits.debits(AGENT, run)).get(0).state());
        alpha(() -> { debits.withdraw(REGISSEUR, run, "Fichier refusé par la banque"); return null; });
        DirectDebits.Debit dropped = alpha(() -> debits.debits(AGENT, run)).get(0);
        assertEquals("SKIPPED", dropped.state());
        assertTrue(alpha(() -> account.invoice(edge450, dropped.invoiceId())).outstandingCents() > 0, "due again");
        assertFalse(alpha(() -> debits.notes(edge450, null)).containsKey(dropped.invoiceId()), "no « prélevé le »");
        assertTrue(alpha(() -> reminders.send(dropped.invoiceId(), 1, "test", fr.portailfamille.it.support.TestDays.today()
                .plusYears(1))), "reminded");
        assertEquals(1L, alpha(() -> kit.id("select count(*) from billing_audit where action = 'SEPA_FILE_WITHDRAWN'"
                + " and detail like '%1 annulé(s) (mandat révoqué depuis)%' and regie_id = (select regie_id from sepa_mandate"
                + " where id = ?1)", second.id())));
        Mandate third = alpha(() -> mandates.sign(edge450, new Mandates.Signature(f.regie(), "Camille Edge", IBAN_FR, null,
                true)));
        DirectDebits.Debit retaken = alpha(() -> debits.debits(AGENT, run)).get(0);
        assertEquals(List.of("PLANNED", third.rum()), List.of(retaken.state(), retaken.rum()));
    }

    /**
     * A run whose every invoice was paid at the counter before its file: no file, its debits skipped and kept so (the
     * families no longer read "Prélevé le" on paid invoices), the régisseur told; the next try is refused in words.
     */
    @Test
    void aRunPaidMeanwhileMakesNoFileAndItsDebitsAreSkippedForGood() throws Exception {
        BillingMonth f = month(10);
        SignedInUser edge450 = f.parent("Edge450");
        alpha(() -> mandates.sign(edge450, new Mandates.Signature(f.regie(), "Camille Edge", IBAN_FR, null, true)));
        long run = octoberRun(f);
        DirectDebits.Debit debit = alpha(() -> debits.debits(AGENT, run)).get(0);
        long family = alpha(() -> kit.id("select family_id from invoice where id = ?1", debit.invoiceId()));
        long due = alpha(() -> account.invoice(edge450, debit.invoiceId())).outstandingCents();
        assertTrue(alpha(() -> debits.notes(edge450, null)).containsKey(debit.invoiceId()), "« Prélevé le » while due");
        alpha(() -> payments.record(REGISSEUR, new fr.portailfamille.platform.billing.payment.PaymentDesk.PaymentInput(family,
                f.regie(), "ESPECES", due, BillingKit.today(), null, null, "Camille Edge", null)));
        // paid at the counter before the file: neither Mes factures nor the PDF says it will be debited
        assertFalse(alpha(() -> debits.notes(edge450, null)).containsKey(debit.invoiceId()));
        String paidPdf = BillingKit.pdfText(alpha(() -> documents.invoice(edge450, debit.invoiceId())).content());
        assertFalse(paidPdf.contains("Prélevé le"), paidPdf);

        DirectDebits.File none = alpha(() -> debits.file(REGISSEUR, run));
        assertTrue(none.nothingLeft());
        assertNull(alpha(() -> debits.made(REGISSEUR, run)), "no file");
        assertEquals(List.of("SKIPPED"), alpha(() -> debits.debits(AGENT, run)).stream().map(DirectDebits.Debit::state).toList(),
                "kept skipped: the run no longer waits for a file");
        Refused again = assertThrows(Refused.class, () -> alpha(() -> debits.file(REGISSEUR, run)));
        assertFalse(again.getMessage().isBlank());
    }

    /**
     * The file made while a family debited pays an older invoice at the counter: each waits for the other, neither is
     * cancelled by a deadlock (the file locked the run's invoices one by one, then each family's older ones as it paid
     * it, while the counter held that older invoice and waited for the run's). The test holds the older invoice of the
     * family the file pays first, so that the file waits there while the counter takes the other family's.
     */
    @Test
    void theFileAndACounterPaymentOfAnOlderInvoiceAtOnceFinishOneAfterTheOther() throws Exception {
        BillingMonth f = month(10);
        SignedInUser edge450 = f.parent("Edge450");
        SignedInUser edge451 = f.parent("Edge451");
        alpha(() -> mandates.sign(edge450, new Mandates.Signature(f.regie(), "Camille Edge", IBAN_FR, null, true)));
        alpha(() -> mandates.sign(edge451, new Mandates.Signature(f.regie(), "Dominique Edge", IBAN_DE, null, true)));
        long regie = alpha(() -> kit.id("select id from regie where code = ?1", f.regie()));
        // each family's older invoice, still open (a debit rejected in September, say), made before the run's
        Map<Long, Long> older = new java.util.HashMap<>();
        Map<Long, SignedInUser> parents = new java.util.HashMap<>();
        int sequence = 900_000;
        for (SignedInUser u : List.of(edge450, edge451)) {
            long family = alpha(() -> kit.id("select id from family where email = ?1", u.email()));
            parents.put(family, u);
            int seq = ++sequence;
            older.put(family, alpha(() -> kit.id("insert into invoice (regie_id, family_id, kind, sequence, number,"
                    + " period_start, period_end, due_date, total_cents, issued_by, issued_at) values (?1, ?2, 'INVOICE', ?3,"
                    + " ?4, date '2026-09-01', date '2026-09-30', current_date - 20, 2000, 'test', now() - interval '40 days')"
                    + " returning id", regie, family, seq, f.prefix() + "-" + seq)));
        }
        InvoicingRun.Started started = alpha(() -> invoicing.start(REGISSEUR, f.regie(), OCTOBER));
        started.work().get(120, TimeUnit.SECONDS);
        long run = started.runId();
        assertEquals(2, alpha(() -> debits.debits(AGENT, run)).size());
        long first = alpha(() -> kit.id("select i.family_id from sepa_debit d join invoice i on i.id = d.invoice_id"
                + " where d.billing_run_id = ?1 order by i.sequence limit 1", run));
        long other = older.keySet().stream().filter(x -> x != first).findFirst().orElseThrow();
        List<java.util.concurrent.Future<Object>> both = alpha(() -> kit.inTransaction(() -> {
            kit.list("select id from invoice where id = ?1 for update", older.get(first));
            List<java.util.concurrent.Future<Object>> submitted = new java.util.ArrayList<>();
            submitted.add(pool.submit(() -> {
                try {
                    return alpha(() -> debits.file(REGISSEUR, run));
                } catch (Exception e) {
                    return e;
                }
            }));
            Thread.sleep(700);
            submitted.add(pool.submit(() -> {
                try {
                    return alpha(() -> payments.record(REGISSEUR, new fr.portailfamille.platform.billing.payment.PaymentDesk
                            .PaymentInput(other, f.regie(), "ESPECES", 2500L, BillingKit.today(), null, null, "Dominique Edge",
                            null)));
                } catch (Exception e) {
                    return e;
                }
            }));
            Thread.sleep(1500);
            return submitted;
        }));
        List<Object> outcomes = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Object> x : both) {
            outcomes.add(x.get(60, TimeUnit.SECONDS));
        }
        assertTrue(outcomes.get(0) instanceof DirectDebits.File, outcomes.toString());
        assertTrue(outcomes.get(1) instanceof fr.portailfamille.platform.billing.payment.PaymentDesk.Recorded, outcomes.toString());
        assertEquals(0L, alpha(() -> account.invoice(parents.get(other), older.get(other))).outstandingCents(),
                "the older one paid");
    }

    @Test
    void aRunsInvoicesAreDebitedByAPain008ThatValidatesAndARejectReopensTheInvoice() throws Exception {
        BillingMonth f = month(10);
        SignedInUser edge450 = f.parent("Edge450");
        SignedInUser edge451 = f.parent("Edge451");
        Mandate m450 = alpha(() -> mandates.sign(edge450, new Mandates.Signature(f.regie(), "Camille Edge", IBAN_FR, null, true)));
        Mandate m451 = alpha(() -> mandates.sign(edge451, new Mandates.Signature(f.regie(), "Dominique Edge", IBAN_DE, null, true)));

        // the real run: issued in the background, then the invoices of families with a mandate are marked
        InvoicingRun.Started started = alpha(() -> invoicing.start(REGISSEUR, f.regie(), OCTOBER));
        started.work().get(120, TimeUnit.SECONDS);
        long run = started.runId();
        List<DirectDebits.Debit> planned = alpha(() -> debits.debits(AGENT, run));
        assertEquals(2, planned.size(), "Edge450 and Edge451 have a mandate, NoQf and Expiring none");
        LocalDate due = SepaRules.dueDate(BillingKit.today(), 10);
        assertTrue(planned.stream().allMatch(d -> "PLANNED".equals(d.state()) && due.equals(d.dueDate())));
        long invoice450 = planned.stream().filter(d -> d.rum().equals(m450.rum())).findFirst().orElseThrow().invoiceId();
        long invoice451 = planned.stream().filter(d -> d.rum().equals(m451.rum())).findFirst().orElseThrow().invoiceId();
        assertEquals(due, alpha(() -> account.invoice(edge450, invoice450)).dueDate());
        // a run whose replica stopped before planning its debits (as if it had): marked failed when next looked at,
        // and the debits of the invoices it had issued, and mailed as to be debited, planned all the same
        alpha(() -> kit.update("delete from sepa_debit where billing_run_id = ?1", run));
        alpha(() -> kit.update("update billing_run set state = 'RUNNING', finished_at = null,"
                + " heartbeat_at = now() - interval '20 minutes' where id = ?1", run));
        assertEquals("FAILED", alpha(() -> invoicing.progress(REGISSEUR, f.regie(), OCTOBER)).orElseThrow().state());
        assertEquals(2, alpha(() -> debits.debits(AGENT, run)).size(), "planned by the reaping");
        alpha(() -> kit.update("update billing_run set state = 'DONE', finished_at = now(), error = null where id = ?1", run));
        // the invoice mail says beforehand when and how much will be debited (the SEPA pre-notification)
        String invoiceMail = Mails.await(edge450.email(), x -> x.contains("Cette facture sera prélevée le " + BillingDates.text(due)));
        assertTrue(invoiceMail.contains("prélèvement SEPA de"), invoiceMail);
        Map<Long, DirectDebits.DebitNote> notes = alpha(() -> debits.notes(edge450, null));
        assertFalse(notes.get(invoice450).rejected(), notes.toString());
        assertEquals(due, notes.get(invoice450).day());
        assertTrue(BillingKit.pdfText(alpha(() -> documents.invoice(edge450, invoice450)).content()).contains("Prélevé le"));

        // the file: régisseurs only
        assertThrows(SecurityException.class, () -> alpha(() -> debits.file(AGENT, run)));
        assertThrows(SecurityException.class, () -> alpha(() -> debits.file(edge450, run)));
        assertThrows(SecurityException.class, () -> alpha(() -> debits.runs(edge450)));
        // what a GET (a link, opened from anywhere) serves: a file already made only — none yet, nothing recorded
        assertNull(alpha(() -> debits.made(REGISSEUR, run)));
        assertThrows(SecurityException.class, () -> alpha(() -> debits.made(AGENT, run)));
        assertEquals(2, alpha(() -> debits.debits(AGENT, run)).stream().filter(d -> "PLANNED".equals(d.state())).count());
        // Edge450 paying by card at this moment: the run's one file waits (it left that debit planned, never collected)
        String idOp = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 29);
        alpha(() -> kit.update("insert into online_payment (invoice_id, family_id, regie_id, amount_cents, reference, id_op,"
                + " started_by) select i.id, i.family_id, i.regie_id, 100, 'X', ?2, 'test' from invoice i where i.id = ?1",
                invoice450, idOp));
        Refused cardPending = assertThrows(Refused.class, () -> alpha(() -> debits.file(REGISSEUR, run)));
        assertTrue(cardPending.getMessage().contains("par carte en ce moment"), cardPending.getMessage());
        assertNull(alpha(() -> debits.made(REGISSEUR, run)));
        alpha(() -> kit.update("update online_payment set state = 'EXPIRED', decided_at = now() where id_op = ?1", idOp));
        DirectDebits.File file = alpha(() -> debits.file(REGISSEUR, run));
        assertArrayEquals(file.content(), alpha(() -> debits.made(REGISSEUR, run)).content());
        validate(file.content());
        String xml = new String(file.content(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, file.transactions());
        assertEquals(BillingMonth.EDGE450_CENTS + BillingMonth.EDGE451_CENTS, file.totalCents());
        // the Prélèvements screen gives the run the file's amount, the figure the régisseur checks with the bank
        assertEquals(file.totalCents(), alpha(() -> debits.runs(AGENT)).stream().filter(x -> x.runId() == run).findFirst()
                .orElseThrow().plannedCents());
        String number450 = alpha(() -> account.invoice(edge450, invoice450)).number();
        assertTrue(xml.contains("<EndToEndId>" + number450 + "</EndToEndId>"), xml);
        assertTrue(xml.contains("<MndtId>" + m450.rum() + "</MndtId>") && xml.contains("<MndtId>" + m451.rum() + "</MndtId>"));
        assertTrue(xml.contains("<DtOfSgntr>" + BillingKit.today() + "</DtOfSgntr>"));
        assertEquals(1, count(xml, "<SeqTp>FRST</SeqTp>"), "both first collections in one FRST block");
        assertFalse(xml.contains("<SeqTp>RCUR</SeqTp>"));
        assertTrue(xml.contains("<Id>" + ICS + "</Id>"));
        assertTrue(xml.contains("<InstdAmt Ccy=\"EUR\">" + euros(BillingMonth.EDGE450_CENTS) + "</InstdAmt>"), xml);
        assertTrue(xml.contains("<Id>NOTPROVIDED</Id>"), "no BIC given: NOTPROVIDED");
        // the debits settle the invoices (a PRELEVEMENT payment on the collection date); the same file again
        assertEquals(0, alpha(() -> account.invoice(edge450, invoice450)).outstandingCents());
        assertEquals(0, alpha(() -> account.balance(edge451, null)).dueCents());
        assertEquals(2L, alpha(() -> kit.id("select count(*) from payment p join sepa_debit d on d.payment_id = p.id"
                + " where d.billing_run_id = ?1 and p.mode = 'PRELEVEMENT' and p.received_on = ?2", run, due)));
        assertArrayEquals(file.content(), alpha(() -> debits.file(REGISSEUR, run)).content());

        // the bank rejects Edge450's debit: régisseurs only; the invoice is open again with the reason; a mail
        long debit450 = alpha(() -> debits.debits(AGENT, run)).stream().filter(d -> d.invoiceId() == invoice450)
                .findFirst().orElseThrow().id();
        assertThrows(SecurityException.class, () -> alpha(() -> { debits.reject(AGENT, debit450, "AM04"); return null; }));
        assertThrows(SecurityException.class, () -> alpha(() -> { debits.reject(edge450, debit450, "AM04"); return null; }));
        assertThrows(Refused.class, () -> alpha(() -> { debits.reject(REGISSEUR, debit450, "ZZ99"); return null; }));
        // not by cancelling its receipt on Paiements, as for a bounced cheque: the debit would stay sent for good
        long payment450 = alpha(() -> kit.id("select payment_id from sepa_debit where id = ?1", debit450));
        Refused notHere = assertThrows(Refused.class, () -> alpha(() -> {
            payments.cancel(REGISSEUR, payment450, "Chèque sans provision");
            return null;
        }));
        assertTrue(notHere.getMessage().contains("enregistrez le rejet dans Prélèvements"), notHere.getMessage());
        alpha(() -> { debits.reject(REGISSEUR, debit450, "AM04"); return null; });
        assertEquals(BillingMonth.EDGE450_CENTS, alpha(() -> account.invoice(edge450, invoice450)).outstandingCents());
        assertEquals(0, alpha(() -> account.invoice(edge451, invoice451)).outstandingCents());
        DirectDebits.DebitNote rejected = alpha(() -> debits.notes(edge450, null)).get(invoice450);
        assertEquals("AM04", rejected.rejectCode());
        assertTrue(rejected.rejectLabel().contains("Provision insuffisante"), rejected.toString());
        String rejectedPdf = BillingKit.pdfText(alpha(() -> documents.invoice(edge450, invoice450)).content())
                .replaceAll("\\s+", " ");
        assertTrue(rejectedPdf.contains("Provision insuffisante") && rejectedPdf.contains("reste à payer par un autre moyen"),
                rejectedPdf);
        String mail = Mails.await(edge450.email(), x -> x.contains("Provision insuffisante"));
        assertTrue(mail.contains(number450), mail);
        assertThrows(Refused.class, () -> alpha(() -> { debits.reject(REGISSEUR, debit450, "AM04"); return null; }));
        // another commune's régisseur, by id: nothing of it
        assertThrows(SecurityException.class, () -> alpha(() -> { debits.reject(REGISSEUR_BETA, debit450, "MD01"); return null; }));
        assertThrows(Refused.class, () -> kit.in(kit.beta(), () -> { debits.reject(REGISSEUR_BETA, debit450, "MD01"); return null; }));
        // paid since at the counter: the PDF still tells the reject, no longer that the invoice is to pay
        alpha(() -> payments.record(REGISSEUR, new fr.portailfamille.platform.billing.payment.PaymentDesk.PaymentInput(
                f.family("Edge450"), f.regie(), "ESPECES", BillingMonth.EDGE450_CENTS, BillingKit.today(), null, null,
                "Camille Edge", java.util.Map.of(invoice450, BillingMonth.EDGE450_CENTS))));
        String settledPdf = BillingKit.pdfText(alpha(() -> documents.invoice(edge450, invoice450)).content())
                .replaceAll("\\s+", " ");
        assertTrue(settledPdf.contains("Provision insuffisante") && !settledPdf.contains("reste à payer"), settledPdf);

        // the next month's invoices (written here as a run of their own): RCUR for the collected mandate, FRST again
        // for the one whose only debit was rejected
        long next = monthRun(f, java.time.YearMonth.of(2026, 11), 900);
        assertEquals(2, alpha(() -> debits.mark(next)));
        String second = new String(alpha(() -> debits.file(REGISSEUR, next)).content(), java.nio.charset.StandardCharsets.UTF_8);
        validate(second.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(block(second, "FRST").contains(m450.rum()) && !block(second, "FRST").contains(m451.rum()), second);
        assertTrue(block(second, "RCUR").contains(m451.rum()), second);

        // the bank returns Edge451's November debit: account closed (AC04) — the mandate is ended, the family asked for a
        // new one, and the next run debits nothing on it (Edge450's, rejected for funds only, goes on)
        long debit451 = alpha(() -> debits.debits(AGENT, next)).stream().filter(d -> d.rum().equals(m451.rum()))
                .findFirst().orElseThrow().id();
        alpha(() -> { debits.reject(REGISSEUR, debit451, "AC04"); return null; });
        assertFalse(alpha(() -> mandates.get(REGISSEUR, m451.id())).active());
        assertTrue(alpha(() -> mandates.get(REGISSEUR, m450.id())).active());
        String closed = Mails.await(edge451.email(), x -> x.contains("Compte clôturé"));
        assertTrue(closed.contains("signez un nouveau mandat"), closed);
        long third = monthRun(f, java.time.YearMonth.of(2026, 12), 902);
        assertEquals(1, alpha(() -> debits.mark(third)), "only Edge450's mandate is debited");
        assertEquals(1L, alpha(() -> kit.id("select count(*) from billing_audit where action = 'SEPA_MANDATE_REVOKED'"
                + " and family_id = ?1 and detail like '%AC04%'", f.family("Edge451"))));
    }

    /**
     * A month's run written as done, with an invoice of 12,34 € for Edge450 (number {@code sequence}) and Edge451 (the
     * next number); its id.
     */
    long monthRun(BillingMonth f, java.time.YearMonth month, int sequence) throws Exception {
        long run = alpha(() -> kit.id("insert into billing_run (regie_id, period_start, period_end, state, started_by)"
                + " select id, ?2, ?3, 'DONE', 'test' from regie where code = ?1 returning id", f.regie(), month.atDay(1),
                month.atEndOfMonth()));
        for (String family : List.of("Edge450", "Edge451")) {
            int n = family.equals("Edge450") ? sequence : sequence + 1;
            alpha(() -> kit.update("insert into invoice (regie_id, family_id, kind, sequence, number, period_start, period_end,"
                    + " total_cents, issued_by, billing_run_id) select r.id, ?2, 'INVOICE', ?3, ?4, ?6, ?7, 1234, 'test', ?5"
                    + " from regie r where r.code = ?1", f.regie(), f.family(family), n, f.prefix() + "-" + n, run,
                    month.atDay(1), month.atEndOfMonth()));
        }
        return run;
    }

    /** October's invoicing run of {@code f}'s régie, issued (its debits planned); its id. */
    long octoberRun(BillingMonth f) throws Exception {
        InvoicingRun.Started started = alpha(() -> invoicing.start(REGISSEUR, f.regie(), OCTOBER));
        started.work().get(120, TimeUnit.SECONDS);
        return started.runId();
    }

    static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** The payment information block of sequence {@code seq}. */
    static String block(String xml, String seq) {
        Matcher m = Pattern.compile("<PmtInf>(?:(?!</PmtInf>).)*<SeqTp>" + seq + "</SeqTp>.*?</PmtInf>", Pattern.DOTALL).matcher(xml);
        return m.find() ? m.group() : "";
    }

    static String euros(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
