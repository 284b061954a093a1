package fr.portailfamille.it;

import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.QueueWalk;
import fr.portailfamille.it.support.StackLauncher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.FamilyInvoice;
import fr.portailfamille.platform.billing.InvoicingRun;
import fr.portailfamille.platform.billing.IssuedInvoice;
import fr.portailfamille.platform.billing.RunState;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneRules;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * An invoicing run against the real PostgreSQL inside Payara Micro ({@link InvoicingRun}): a committed
 * fixture month of October 2026 in commune alpha — QF bracket edges (450 in T1, 451 in T2), a missing QF,
 * a proof that expires in the middle of the month, two siblings, a late booking surcharged, excused and
 * unexcused absences, a presence without booking, a booked day without pointage — previewed by an agent,
 * issued in the background by a régisseur to hand-computed cents; a re-run bills only what was not
 * billed; two concurrent starts run once; numbers are gap-free; a credit note; commune beta sees none of
 * it. The tariff rules themselves are unit-tested in tenant-config ({@code PricingTest}).
 */
@ExtendWith(ArquillianExtension.class)
class BillingIT {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    static final SignedInUser AGENT = new SignedInUser("alpha", UUID.randomUUID().toString(), "Agent Alpha",
            "agent@alpha.test", true, List.of("agent"), null);
    static final SignedInUser REGISSEUR = new SignedInUser("alpha", UUID.randomUUID().toString(), "Claude Moreau",
            "regie@alpha.test", true, List.of("agent", "regisseur"), null);
    static final SignedInUser REGISSEUR_BETA = new SignedInUser("beta", UUID.randomUUID().toString(), "Régie Beta",
            "regie@beta.test", true, List.of("agent", "regisseur"), null);

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    InvoicingRun invoicing;

    @Inject
    fr.portailfamille.platform.billing.InvoiceWriter writer;

    @Inject
    CommuneDirectory directory;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Resource
    ManagedExecutorService pool;

    Commune alpha() {
        return directory.bySlug("alpha").orElseThrow();
    }

    Commune beta() {
        return directory.bySlug("beta").orElseThrow();
    }

    /** The fixture of one test: its own activity, unit, régie (prefix) and tariff, and the families' ids. */
    record Fixture(String regie, String prefix, String activity, long unit, Map<String, Long> families, Map<String, Long> children) {
    }

    static String random(int n) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, n).toUpperCase();
    }

    /** Runs {@code work} in the caller's transaction, or in a new one (never with a non-transactional entity manager). */
    <T> T inTransaction(Callable<T> work) {
        try {
            if (tx.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
                return work.call();
            }
            tx.begin();
            try {
                T result = work.call();
                tx.commit();
                return result;
            } catch (Exception e) {
                tx.rollback();
                throw e;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Object one(String sql, Object... params) {
        return inTransaction(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getSingleResult();
        });
    }

    long id(String sql, Object... params) {
        return ((Number) one(sql, params)).longValue();
    }

    int update(String sql, Object... params) {
        return inTransaction(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.executeUpdate();
        });
    }

    /**
     * The commune's QF brackets as the default configuration has them (T1 0–450, T2 451–700, T3 701–1000,
     * T4 1001–1400, T5 1401+), proofs valid 12 months.
     */
    void brackets() {
        if (id("select count(*) from qf_bracket") == 0) {
            update("insert into qf_bracket (code, label, qf_min, qf_max) values ('T1', 'Tranche 1', 0, 450),"
                    + " ('T2', 'Tranche 2', 451, 700), ('T3', 'Tranche 3', 701, 1000), ('T4', 'Tranche 4', 1001, 1400),"
                    + " ('T5', 'Tranche 5', 1401, null)");
        }
        assertEquals(450L, id("select qf_max from qf_bracket where code = 'T1'"), "the fixture expects T1 up to 450");
        assertEquals(451L, id("select qf_min from qf_bracket where code = 'T2'"), "the fixture expects T2 from 451");
        update("insert into billing_settings (id, qf_validity_months) values (true, 12)"
                + " on conflict (id) do update set qf_validity_months = 12");
    }

    /**
     * A régie billing a new activity (unit MIDI) with a tariff from 01/09/2026: T1 1,00 €, T2 2,20 €, T3 3,10 €,
     * T4 3,60 €, T5 4,10 €, maximum 4,50 €; 2nd child −10 %, 3rd −20 %; late booking +20 %; unexcused
     * absence billed; presence without booking 5,49 €.
     */
    Fixture tariff(String prefix) {
        brackets();
        String activity = "FAC-" + random(8);
        String regie = "R" + random(8);
        long act = id("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                + " values (?1, 'Restauration facturée', 'RESTAURATION', 'J-2@23:59', 'J-2@23:59', 'SURCHARGED') returning id", activity);
        long unit = id("insert into activity_unit (activity_id, code, label, capacity) values (?1, 'MIDI', 'Midi', 100) returning id", act);
        long r = id("insert into regie (code, label, invoice_prefix) values (?1, 'Régie de test', ?2) returning id", regie, prefix);
        update("insert into regie_activity (activity_id, regie_id) values (?1, ?2)", act, r);
        long t = id("insert into tariff (activity_id, valid_from, mode, maximum_cents, sibling_second_percent,"
                + " sibling_third_percent, late_kind, late_percent, unexcused_absence_billed, unbooked_presence_cents)"
                + " values (?1, date '2026-09-01', 'BRACKETS', 450, 10, 20, 'PERCENT', 20, true, 549) returning id", act);
        update("insert into tariff_price (tariff_id, bracket_id, price_cents) select ?1, b.id, case b.code when 'T1' then 100"
                + " when 'T2' then 220 when 'T3' then 310 when 'T4' then 360 else 410 end from qf_bracket b"
                + " where b.code in ('T1', 'T2', 'T3', 'T4', 'T5')", t);
        return new Fixture(regie, prefix, activity, unit, new java.util.LinkedHashMap<>(), new java.util.LinkedHashMap<>());
    }

    long family(Fixture f, String name, Integer qf, String proof) {
        long id = id("insert into family (label, status, postcode, quotient_familial, qf_proof_date, qf_source)"
                + " values (?1, 'VALIDATED', '35000', cast(?2 as integer), cast(?3 as date), cast(?4 as varchar)) returning id",
                name + " " + random(4), qf, proof, qf == null ? null : "CAF");
        f.families().put(name, id);
        return id;
    }

    long child(Fixture f, long family, String name, String birth) {
        long id = id("insert into child (family_id, first_name, last_name, birth_date) values (?1, ?2, 'Test', cast(?3 as date)) returning id",
                family, name, birth);
        f.children().put(name, id);
        return id;
    }

    void day(Fixture f, long child, int day, String status, boolean surcharged, boolean unbooked) {
        update("insert into booking (child_id, unit_id, day, status, surcharged, unbooked) values (?1, ?2, ?3, ?4, ?5, ?6)",
                child, f.unit(), OCTOBER.atDay(day), status, surcharged, unbooked);
    }

    void present(Fixture f, long child, int... days) {
        for (int d : days) {
            day(f, child, d, "PRESENT", false, false);
        }
    }

    /** The committed fixture month, in its own transaction. */
    Fixture october(Commune commune, String prefix) throws Exception {
        return TenantContext.call(commune, () -> {
            tx.begin();
            Fixture f = tariff(prefix);
            // Edge450: QF 450 is the top of T1 (1,00 €)
            long edge450 = family(f, "Edge450", 450, "2026-06-01");
            long lea = child(f, edge450, "Léa", "2017-03-01");
            present(f, lea, 1, 2, 5);
            day(f, lea, 6, "PRESENT", true, false);          // booked late, surcharged, then present
            day(f, lea, 7, "ABSENT_BILLED", false, false);   // unexcused absence
            day(f, lea, 8, "ABSENT_EXCUSED", false, false);  // excused absence
            // Edge451: QF 451 is the bottom of T2 (2,20 €); two siblings
            long edge451 = family(f, "Edge451", 451, "2026-06-01");
            long tom = child(f, edge451, "Tom", "2016-01-01");
            long zoe = child(f, edge451, "Zoé", "2018-05-05");
            present(f, tom, 1, 2);
            present(f, zoe, 1, 2);
            day(f, tom, 9, "ABSENT_PENDING", false, false);   // certificate not yet reviewed: not billed for now
            // NoQf: no QF at all, maximum tariff; one presence without booking
            long noQf = family(f, "NoQf", null, null);
            long max = child(f, noQf, "Max", "2019-02-02");
            present(f, max, 1, 2, 5);
            day(f, max, 6, "PRESENT", false, true);
            // Expiring: QF 300 (T1) on a proof of 02/10/2025, valid through 02/10/2026, the maximum after
            long expiring = family(f, "Expiring", 300, "2025-10-02");
            long ines = child(f, expiring, "Inès", "2018-09-09");
            present(f, ines, 1, 2, 5);
            day(f, ines, 6, "BOOKED", false, false);          // booked, never pointed
            tx.commit();
            return f;
        });
    }

    <T> T in(Commune c, Callable<T> work) throws Exception {
        return TenantContext.call(c, work);
    }

    Map<Long, Long> invoiceTotals(Commune c, Fixture f) throws Exception {
        return in(c, () -> invoicing.invoices(REGISSEUR.communeSlug().equals(c.slug()) ? REGISSEUR : REGISSEUR_BETA, f.regie(), OCTOBER)
                .stream().filter(i -> i.kind().equals("INVOICE"))
                .collect(Collectors.toMap(IssuedInvoice::familyId, IssuedInvoice::totalCents, Long::sum)));
    }

    RunState issue(Commune c, SignedInUser user, Fixture f) throws Exception {
        InvoicingRun.Started started = in(c, () -> invoicing.start(user, f.regie(), OCTOBER));
        started.work().get(120, TimeUnit.SECONDS);
        return in(c, () -> invoicing.progress(user, f.regie(), OCTOBER)).orElseThrow();
    }

    @Test
    void octoberIsInvoicedInTheBackgroundToHandComputedCentsAndARerunBillsOnlyWhatWasNot() throws Exception {
        String prefix = "A" + random(5).replaceAll("[^A-Z0-9]", "X");
        Fixture f = october(alpha(), prefix);
        long edge450 = f.families().get("Edge450");
        long edge451 = f.families().get("Edge451");
        long noQf = f.families().get("NoQf");
        long expiring = f.families().get("Expiring");

        // any agent previews; nothing is written
        InvoicingRun.Preview preview = in(alpha(), () -> invoicing.preview(AGENT, f.regie(), OCTOBER));
        Map<Long, FamilyInvoice> byFamily = preview.families().stream()
                .collect(Collectors.toMap(FamilyInvoice::familyId, x -> x));
        // Edge450: 3 days × 1,00 € + late day 1,00 € × 1,20 = 1,20 € + unexcused absence 1,00 € + excused 0 = 5,20 €
        assertEquals(520L, byFamily.get(edge450).getTotalCents());
        // Edge451: Tom (eldest) 2 × 2,20 € = 4,40 €; Zoé (2nd child −10 %) 2 × 1,98 € = 3,96 €; total 8,36 €
        // (Tom's pending absence of the 9th is not billed yet)
        assertEquals(836L, byFamily.get(edge451).getTotalCents());
        assertEquals(440L, byFamily.get(edge451).draft().totalFor(f.children().get("Tom")));
        assertEquals(396L, byFamily.get(edge451).draft().totalFor(f.children().get("Zoé")));
        // NoQf: 3 days at the maximum 4,50 € = 13,50 € + presence without booking 5,49 € = 18,99 €
        assertEquals(1899L, byFamily.get(noQf).getTotalCents());
        // Expiring: 1st and 2nd in T1 2 × 1,00 € = 2,00 €; 5th (proof expired) 4,50 €; 6th booked without
        // pointage, billed as booked at the maximum 4,50 €; total 11,00 €
        assertEquals(1100L, byFamily.get(expiring).getTotalCents());
        // 5,20 + 8,36 + 18,99 + 11,00 = 43,55 €
        assertEquals(4355L, preview.totalCents());
        assertEquals(Map.of(f.activity(), 4355L), preview.totalsByActivity());
        assertEquals(0, byFamily.get(edge450).getAnomalyCount());
        assertEquals(0, byFamily.get(edge451).getAnomalyCount());
        // QF missing + presence without booking; QF expired + booked day without pointage
        assertEquals(2, byFamily.get(noQf).getAnomalyCount(), byFamily.get(noQf).getAnomalyText());
        assertTrue(byFamily.get(noQf).getAnomalyText().contains("Présence sans réservation"));
        assertEquals(2, byFamily.get(expiring).getAnomalyCount(), byFamily.get(expiring).getAnomalyText());
        assertTrue(byFamily.get(expiring).getAnomalyText().contains("Réservation sans pointage"));
        assertEquals(0L, in(alpha(), () -> id("select count(*) from invoice i join regie r on r.id = i.regie_id where r.code = ?1", f.regie())));

        // an agent without the régisseur role reads but may not issue
        SecurityException refused = assertThrows(SecurityException.class, () -> in(alpha(), () -> invoicing.start(AGENT, f.regie(), OCTOBER)));
        assertEquals(StaffRoles.REGISSEUR_ONLY, refused.getMessage());

        // the régisseur issues in the background
        RunState run = issue(alpha(), REGISSEUR, f);
        assertEquals("DONE", run.state(), run.error());
        assertEquals(4, run.total());
        assertEquals(4, run.done());
        assertEquals(4, run.issued());
        assertEquals(4355L, run.totalCents());
        assertEquals(100, run.getPercent());
        assertEquals(Map.of(edge450, 520L, edge451, 836L, noQf, 1899L, expiring, 1100L), invoiceTotals(alpha(), f));
        // numbers 1 to 4, in family-name order, without a gap
        List<String> numbers = in(alpha(), () -> invoicing.invoices(AGENT, f.regie(), OCTOBER)).stream().map(IssuedInvoice::number).toList();
        assertEquals(List.of(prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4"), numbers);
        // every billed day recorded once (Edge450 5 of its 6 days: the excused one is not billed)
        assertEquals(5 + 4 + 4 + 4L, in(alpha(), () -> id("select count(*) from billed_day d join activity_unit u on u.id = d.unit_id"
                + " where u.id = ?1", f.unit())));
        // audited: who and what
        assertEquals(4L, in(alpha(), () -> id("select count(*) from billing_audit a join regie r on r.id = a.regie_id"
                + " where r.code = ?1 and a.action = 'INVOICE_ISSUED' and a.actor = 'regie@alpha.test'", f.regie())));
        assertEquals(1L, in(alpha(), () -> id("select count(*) from billing_audit a join regie r on r.id = a.regie_id"
                + " where r.code = ?1 and a.action = 'RUN_DONE'", f.regie())));
        // the invoice's lines add up to its total
        assertEquals(4355L, in(alpha(), () -> id("select sum(l.amount_cents) from invoice_line l join invoice i on i.id = l.invoice_id"
                + " join regie r on r.id = i.regie_id where r.code = ?1", f.regie())));

        // a re-run bills nothing twice: only the excused day is left, not billed
        RunState again = issue(alpha(), REGISSEUR, f);
        assertEquals("DONE", again.state());
        assertEquals(0, again.issued());
        assertEquals(0L, again.totalCents());
        assertEquals(4, invoiceTotals(alpha(), f).size());

        // Tom's certificate is refused: the pending absence becomes billed; the next run bills that day only
        in(alpha(), () -> {
            tx.begin();
            update("update booking set status = 'ABSENT_BILLED' where child_id = ?1 and status = 'ABSENT_PENDING'", f.children().get("Tom"));
            tx.commit();
            return null;
        });
        RunState third = issue(alpha(), REGISSEUR, f);
        assertEquals(1, third.issued());
        // 1 unexcused absence of the eldest in T2: 2,20 €
        assertEquals(220L, third.totalCents());
        assertEquals(836L + 220L, invoiceTotals(alpha(), f).get(edge451));
        // gap-free: sequences 1..5 of the régie
        List<?> sequences = in(alpha(), () -> inTransaction(() -> em.createNativeQuery("select i.sequence from invoice i"
                + " join regie r on r.id = i.regie_id where r.code = ?1 and i.kind = 'INVOICE' order by 1")
                .setParameter(1, f.regie()).getResultList()));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), sequences.stream().map(n -> ((Number) n).longValue()).toList());
        // a big run refreshes the invoice tables' statistics (InvoicingRun.ANALYZE_AFTER): it runs in the container
        in(alpha(), () -> {
            writer.analyze();
            return null;
        });
        Number lines = (Number) in(alpha(), () -> inTransaction(() -> em.createNativeQuery("select reltuples from pg_class"
                + " where oid = 'commune_alpha.invoice_line'::regclass").getSingleResult()));
        assertTrue(lines.doubleValue() > 0, "statistics of invoice_line refreshed: " + lines);
    }

    @Test
    void twoConcurrentStartsForTheSameRegieAndMonthRunOnce() throws Exception {
        Fixture f = october(alpha(), "C" + random(5).replaceAll("[^A-Z0-9]", "X"));
        List<Object> outcomes = new ArrayList<>();
        // the test holds the régie's row (as a number taker does): the run that starts blocks on its first
        // number, RUNNING meanwhile
        in(alpha(), () -> {
            tx.begin();
            em.createNativeQuery("select id from regie where code = ?1 for no key update").setParameter(1, f.regie()).getResultList();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starts.add(pool.submit(() -> {
                    go.await();
                    try {
                        return TenantContext.call(alpha(), () -> invoicing.start(REGISSEUR, f.regie(), OCTOBER));
                    } catch (Refused e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            for (Future<Object> s : starts) {
                outcomes.add(s.get(60, TimeUnit.SECONDS));
            }
            tx.commit();
            return null;
        });
        List<InvoicingRun.Started> started = outcomes.stream().filter(InvoicingRun.Started.class::isInstance)
                .map(InvoicingRun.Started.class::cast).toList();
        List<Refused> refusals = outcomes.stream().filter(Refused.class::isInstance).map(Refused.class::cast).toList();
        assertEquals(1, started.size(), outcomes.toString());
        assertEquals(1, refusals.size(), outcomes.toString());
        assertTrue(refusals.get(0).getMessage().startsWith("Une facturation est déjà en cours pour cette régie et cette période"));
        started.get(0).work().get(120, TimeUnit.SECONDS);
        assertEquals("DONE", in(alpha(), () -> invoicing.progress(REGISSEUR, f.regie(), OCTOBER)).orElseThrow().state());
        assertEquals(1L, in(alpha(), () -> id("select count(*) from billing_run b join regie r on r.id = b.regie_id where r.code = ?1", f.regie())));
        assertEquals(4, invoiceTotals(alpha(), f).size());
        // a start while nothing runs is a re-run: allowed, bills nothing
        assertEquals(0, issue(alpha(), REGISSEUR, f).issued());
    }

    @Test
    void aCreditNoteIsANewDocumentLinkedToTheInvoiceInItsOwnSequence() throws Exception {
        String prefix = "N" + random(5).replaceAll("[^A-Z0-9]", "X");
        Fixture f = october(alpha(), prefix);
        issue(alpha(), REGISSEUR, f);
        IssuedInvoice noQf = in(alpha(), () -> invoicing.invoices(AGENT, f.regie(), OCTOBER)).stream()
                .filter(i -> i.familyId() == f.families().get("NoQf")).findFirst().orElseThrow();
        assertEquals(1899L, noQf.totalCents());
        // an agent without the régisseur role may not
        assertThrows(SecurityException.class, () -> in(alpha(), () -> invoicing.creditNote(AGENT, noQf.id(), 549, "Présence contestée")));
        Refused noReason = assertThrows(Refused.class, () -> in(alpha(), () -> invoicing.creditNote(REGISSEUR, noQf.id(), 549, " ")));
        assertEquals("reason", noReason.field());
        long note = in(alpha(), () -> invoicing.creditNote(REGISSEUR, noQf.id(), 549, "Présence sans réservation contestée"));
        IssuedInvoice credit = in(alpha(), () -> invoicing.invoices(AGENT, f.regie(), OCTOBER)).stream()
                .filter(i -> i.id() == note).findFirst().orElseThrow();
        assertEquals("CREDIT_NOTE", credit.kind());
        assertEquals(prefix + "-AV-1", credit.number());
        assertEquals(noQf.number(), credit.creditNoteOf());
        assertEquals(549L, credit.totalCents());
        // the invoice itself is unchanged
        assertEquals(1899L, in(alpha(), () -> id("select total_cents from invoice where id = ?1", noQf.id())));
        // the family's account is credited; audited
        assertEquals(549L, in(alpha(), () -> id("select sum(amount_cents) from account_credit where invoice_id = ?1", note)));
        assertEquals(1L, in(alpha(), () -> id("select count(*) from billing_audit where action = 'CREDIT_NOTE' and invoice_id = ?1"
                + " and actor = 'regie@alpha.test'", note)));
        // no more than what is left of the invoice: 18,99 € − 5,49 € = 13,50 €
        Refused tooMuch = assertThrows(Refused.class, () -> in(alpha(), () -> invoicing.creditNote(REGISSEUR, noQf.id(), 1351, "Trop")));
        assertTrue(tooMuch.getMessage().contains("13,50"), tooMuch.getMessage());
        // not on a credit note
        assertThrows(Refused.class, () -> in(alpha(), () -> invoicing.creditNote(REGISSEUR, note, 1, "Avoir d'avoir")));
        long second = in(alpha(), () -> invoicing.creditNote(REGISSEUR, noQf.id(), 1350, "Remise totale"));
        assertEquals(prefix + "-AV-2", in(alpha(), () -> one("select number from invoice where id = ?1", second)));
    }

    @Test
    void communeBetaSeesNoneOfAlphasInvoicesAndNumbersItsOwn() throws Exception {
        String prefix = "B" + random(5).replaceAll("[^A-Z0-9]", "X");
        Fixture a = october(alpha(), prefix);
        issue(alpha(), REGISSEUR, a);
        // beta has no such régie: refused, nothing read
        Refused unknown = assertThrows(Refused.class, () -> in(beta(), () -> invoicing.invoices(REGISSEUR_BETA, a.regie(), OCTOBER)));
        assertEquals("regie", unknown.field());
        assertEquals(0L, in(beta(), () -> id("select count(*) from invoice where number like ?1", prefix + "-%")));
        // alpha's régisseur is refused in beta
        assertThrows(SecurityException.class, () -> in(beta(), () -> invoicing.preview(REGISSEUR, a.regie(), OCTOBER)));
        // beta's own régie with the same prefix starts at 1: alpha's numbering is not shared
        Fixture b = october(beta(), prefix);
        RunState run = issue(beta(), REGISSEUR_BETA, b);
        assertEquals("DONE", run.state(), run.error());
        assertEquals(4, run.issued());
        assertEquals(List.of(prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4"),
                in(beta(), () -> invoicing.invoices(REGISSEUR_BETA, b.regie(), OCTOBER)).stream().map(IssuedInvoice::number).toList());
        assertEquals(4L, in(alpha(), () -> id("select count(*) from invoice where number like ?1", prefix + "-%")));
        assertNotNull(in(alpha(), () -> invoicing.progress(AGENT, a.regie(), OCTOBER)).orElse(null));
    }
    /**
     * A régisseur in Chromium: agent/facturation for a régie and October 2026, preview (the family's
     * total), issue, the stored progress reaching 100 %, the invoice listed, the same after a reload;
     * axe-checked at each step.
     */
    @Test
    @RunAsClient
    void aRegisseurPreviewsAndIssuesAMonthInChromium() throws Exception {
        String s = random(6);
        String regie = "W" + s;
        String prefix = "W" + s.replaceAll("[^A-Z0-9]", "X");
        String family = "Walk " + s;
        String email = "regie-" + s.toLowerCase() + "@alpha.test";
        var realms = StackLauncher.stack().realmProvisioner();
        realms.createUser(CommuneRules.realmName("alpha"), email, "Claude", "Régie", StackLauncher.PASSWORD_AGENT, "agent");
        realms.createUser(CommuneRules.realmName("alpha"), email, "Claude", "Régie", StackLauncher.PASSWORD_AGENT, "regisseur");
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into qf_bracket (code, label, qf_min, qf_max) select 'T1', 'Tranche 1', 0, 450"
                    + " where not exists (select 1 from qf_bracket)");
            st.execute("insert into billing_settings (id, qf_validity_months) values (true, 12) on conflict (id) do nothing");
            st.execute("with a as (insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                    + " values ('WALK-" + s + "', 'Cantine walk', 'RESTAURATION', 'J-2@23:59', 'J-2@23:59', 'REFUSED') returning id),"
                    + " u as (insert into activity_unit (activity_id, code, label, capacity) select id, 'MIDI', 'Midi', 50 from a returning id),"
                    + " r as (insert into regie (code, label, invoice_prefix) values ('" + regie + "', 'Régie walk " + s + "', '" + prefix
                    + "') returning id),"
                    + " ra as (insert into regie_activity (activity_id, regie_id) select a.id, r.id from a, r),"
                    + " t as (insert into tariff (activity_id, valid_from, mode, maximum_cents) select id, date '2026-09-01', 'BRACKETS', 450"
                    + " from a returning id),"
                    // a price for every bracket of the commune: the run shares alpha with the classes after it, whose
                    // configuration pages and file import check the whole configuration, billing included
                    + " tp as (insert into tariff_price (tariff_id, bracket_id, price_cents) select t.id, b.id, 100 from t,"
                    + " qf_bracket b),"
                    + " f as (insert into family (label, status, quotient_familial, qf_proof_date) values ('" + family
                    + "', 'VALIDATED', 450, date '2026-06-01') returning id),"
                    + " ch as (insert into child (family_id, first_name, last_name, birth_date) select id, 'Léo', 'Walk', date '2018-01-01'"
                    + " from f returning id)"
                    + " insert into booking (child_id, unit_id, day, status) select ch.id, u.id, d, 'PRESENT' from ch, u,"
                    + " unnest(array[date '2026-10-01', date '2026-10-02', date '2026-10-05']) d");
        }
        String page = QueueWalk.BASE + "/agent/facturation.xhtml";
        try (Browser b = new Browser()) {
            PlatformWebIT.recordCspViolations(b);
            b.get(page + "?regie=" + regie + "&mois=2026-10");
            b.signIn(email, StackLauncher.PASSWORD_AGENT);
            try {
                b.awaitUrlStartingWith(page);
            } catch (AssertionError slowKeycloak) {
                // the code exchange may time out on a loaded machine ("Connexion non reconnue"): sign in again
                b.get(page + "?regie=" + regie + "&mois=2026-10");
                if (!b.driver.findElements(By.id("username")).isEmpty()) {
                    b.signIn(email, StackLauncher.PASSWORD_AGENT);
                }
                b.awaitUrlStartingWith(page);
            }
            b.await(By.id("run:preview"));
            assertEquals("", b.accessibilityViolations(), "axe-core, facturation");
            b.await(By.id("run:preview")).click();
            // 3 days at T1 (QF 450): 3 × 1,00 € = 3,00 €
            BillingWalk.waitForText(b, By.id("run:families"), family);
            assertTrue(b.driver.findElement(By.id("run:families")).getText().contains("3,00"), b.snapshot());
            assertTrue(b.driver.findElement(By.id("grand-total")).getText().contains("3,00"), b.snapshot());
            assertEquals("", b.accessibilityViolations(), "axe-core, prévisualisation");
            Browser.screenshot(b, "facturation-apercu");
            b.await(By.id("run:issue")).click();
            BillingWalk.waitForText(b, By.id("run:invoices"), prefix + "-1");
            BillingWalk.waitForText(b, By.id("run:progress"), "100 %");
            assertTrue(b.driver.findElement(By.id("progress-text")).getText().contains("terminée"), b.snapshot());
            Browser.screenshot(b, "facturation-emise");
            assertEquals("", b.accessibilityViolations(), "axe-core, émission terminée");
            // the progress is stored: a reload shows it
            b.get(page + "?regie=" + regie + "&mois=2026-10");
            BillingWalk.waitForText(b, By.id("run:progress"), "100 %");
            BillingWalk.waitForText(b, By.id("run:invoices"), prefix + "-1");
        }
    }
}
