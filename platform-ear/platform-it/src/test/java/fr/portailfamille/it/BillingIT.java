package fr.portailfamille.it;

import static fr.portailfamille.it.support.BillingKit.AGENT;
import static fr.portailfamille.it.support.BillingKit.REGISSEUR;
import static fr.portailfamille.it.support.BillingKit.REGISSEUR_BETA;
import static fr.portailfamille.it.support.BillingKit.random;
import static fr.portailfamille.it.support.BillingMonth.OCTOBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.FamilyInvoice;
import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.BillingMonth;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.QueueWalk;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.platform.billing.DraftInvoices;
import fr.portailfamille.platform.billing.InvoicingRun;
import fr.portailfamille.platform.billing.IssuedInvoice;
import fr.portailfamille.platform.billing.RunState;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneRules;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    InvoicingRun invoicing;

    @Inject
    fr.portailfamille.platform.billing.RunFollowUp follow;

    @Inject
    fr.portailfamille.platform.booking.AttendanceService attendance;

    @Inject
    BillingKit kit;

    @Inject
    fr.portailfamille.platform.booking.CertificateQueue certificates;

    @Inject
    fr.portailfamille.platform.configuration.ConfigurationService configuration;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Resource
    ManagedExecutorService pool;

    /** The committed fixture month ({@link BillingMonth}) in {@code commune}, its numbering with {@code prefix}. */
    BillingMonth october(Commune commune, String prefix) throws Exception {
        return BillingMonth.october(kit, commune, prefix);
    }

    Map<Long, Long> invoiceTotals(Commune c, BillingMonth f) throws Exception {
        return kit.in(c, () -> invoicing.invoices(REGISSEUR.communeSlug().equals(c.slug()) ? REGISSEUR : REGISSEUR_BETA, f.regie(), OCTOBER)
                .stream().filter(i -> i.kind().equals("INVOICE"))
                .collect(Collectors.toMap(IssuedInvoice::familyId, IssuedInvoice::totalCents, Long::sum)));
    }

    RunState issue(Commune c, SignedInUser user, BillingMonth f) throws Exception {
        InvoicingRun.Started started = kit.in(c, () -> invoicing.start(user, f.regie(), OCTOBER));
        started.work().get(120, TimeUnit.SECONDS);
        return kit.in(c, () -> invoicing.progress(user, f.regie(), OCTOBER)).orElseThrow();
    }

    @Test
    void octoberIsInvoicedInTheBackgroundToHandComputedCentsAndARerunBillsOnlyWhatWasNot() throws Exception {
        String prefix = BillingKit.prefix("A");
        BillingMonth f = october(kit.alpha(), prefix);
        long edge450 = f.family("Edge450");
        long edge451 = f.family("Edge451");
        long noQf = f.family("NoQf");
        long expiring = f.family("Expiring");

        // any agent previews; nothing is written
        InvoicingRun.Preview preview = kit.in(kit.alpha(), () -> invoicing.preview(AGENT, f.regie(), OCTOBER));
        Map<Long, FamilyInvoice> byFamily = preview.families().stream()
                .collect(Collectors.toMap(FamilyInvoice::familyId, x -> x));
        // the hand-computed cents of the fixture month (their arithmetic: BillingMonth's constants)
        assertEquals(BillingMonth.EDGE450_CENTS, byFamily.get(edge450).getTotalCents());
        assertEquals(BillingMonth.EDGE451_CENTS, byFamily.get(edge451).getTotalCents());
        assertEquals(BillingMonth.TOM_CENTS, byFamily.get(edge451).draft().totalFor(f.child("Tom")));
        assertEquals(BillingMonth.ZOE_CENTS, byFamily.get(edge451).draft().totalFor(f.child("Zoé")));
        assertEquals(BillingMonth.NOQF_CENTS, byFamily.get(noQf).getTotalCents());
        assertEquals(BillingMonth.EXPIRING_CENTS, byFamily.get(expiring).getTotalCents());
        assertEquals(4355L, BillingMonth.TOTAL_CENTS);
        assertEquals(BillingMonth.TOTAL_CENTS, preview.totalCents());
        assertEquals(Map.of(f.activity(), BillingMonth.TOTAL_CENTS), preview.totalsByActivity());
        assertEquals(0, byFamily.get(edge450).getAnomalyCount());
        assertEquals(0, byFamily.get(edge451).getAnomalyCount());
        // QF missing + presence without booking; QF expired + booked day without pointage
        assertEquals(2, byFamily.get(noQf).getAnomalyCount(), byFamily.get(noQf).getAnomalyText());
        assertTrue(byFamily.get(noQf).getAnomalyText().contains("Présence sans réservation"));
        assertEquals(2, byFamily.get(expiring).getAnomalyCount(), byFamily.get(expiring).getAnomalyText());
        assertTrue(byFamily.get(expiring).getAnomalyText().contains("Réservation sans pointage"));
        // Tom's absence whose certificate awaits review is not billed, and said so
        assertEquals(1L, preview.absencesAwaitingReview());
        assertEquals(0L, kit.in(kit.alpha(), () -> kit.id("select count(*) from invoice i join regie r on r.id = i.regie_id where r.code = ?1", f.regie())));

        // an agent without the régisseur role reads but may not issue
        SecurityException refused = assertThrows(SecurityException.class, () -> kit.in(kit.alpha(), () -> invoicing.start(AGENT, f.regie(), OCTOBER)));
        assertEquals(StaffRoles.REGISSEUR_ONLY, refused.getMessage());
        // a month not over yet is not issued: its days to come would be billed as booked
        for (java.time.YearMonth early : List.of(java.time.YearMonth.now(fr.portailfamille.platform.kernel.PlatformTime.ZONE),
                java.time.YearMonth.now(fr.portailfamille.platform.kernel.PlatformTime.ZONE).plusMonths(2))) {
            fr.portailfamille.platform.kernel.Refused notOver = assertThrows(fr.portailfamille.platform.kernel.Refused.class,
                    () -> kit.in(kit.alpha(), () -> invoicing.start(REGISSEUR, f.regie(), early)));
            assertEquals("mois", notOver.field());
            assertTrue(notOver.getMessage().startsWith("Le mois " + early.format(java.time.format.DateTimeFormatter
                    .ofPattern("MM/yyyy")) + " n'est pas terminé"), notOver.getMessage());
        }

        // the régisseur issues in the background
        RunState run = issue(kit.alpha(), REGISSEUR, f);
        assertEquals("DONE", run.state(), run.error());
        assertEquals(4, run.total());
        assertEquals(4, run.done());
        assertEquals(4, run.issued());
        assertEquals(BillingMonth.TOTAL_CENTS, run.totalCents());
        assertEquals(100, run.getPercent());
        assertEquals(Map.of(edge450, BillingMonth.EDGE450_CENTS, edge451, BillingMonth.EDGE451_CENTS, noQf, BillingMonth.NOQF_CENTS,
                expiring, BillingMonth.EXPIRING_CENTS), invoiceTotals(kit.alpha(), f));
        // numbers 1 to 4, in family-name order, without a gap
        List<String> numbers = kit.in(kit.alpha(), () -> invoicing.invoices(AGENT, f.regie(), OCTOBER)).stream().map(IssuedInvoice::number).toList();
        assertEquals(List.of(prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4"), numbers);
        // every billed day recorded once, by its line and in its child's unit-month (Edge450 5 of its 6 days: the excused
        // one is not billed)
        assertEquals((long) BillingMonth.BILLED_DAYS, kit.in(kit.alpha(), () -> kit.id("select coalesce(sum(bit_count(m.days::bit(32))), 0)"
                + " from billed_month m where m.unit_id = ?1", f.unit())));
        assertEquals((long) BillingMonth.BILLED_DAYS, kit.in(kit.alpha(), () -> kit.id("select coalesce(sum(cardinality(line_days(l.days, l.days_month, l.days_bits))), 0)"
                + " from invoice_line l join invoice i on i.id = l.invoice_id join regie r on r.id = i.regie_id where r.code = ?1",
                f.regie())));
        // audited: who and what
        assertEquals(4L, kit.in(kit.alpha(), () -> kit.id("select count(*) from billing_audit a join regie r on r.id = a.regie_id"
                + " where r.code = ?1 and a.action = 'INVOICE_ISSUED' and a.actor = 'regie@alpha.test'", f.regie())));
        assertEquals(1L, kit.in(kit.alpha(), () -> kit.id("select count(*) from billing_audit a join regie r on r.id = a.regie_id"
                + " where r.code = ?1 and a.action = 'RUN_DONE'", f.regie())));
        // the invoice's lines add up to its total
        assertEquals(BillingMonth.TOTAL_CENTS, kit.in(kit.alpha(), () -> kit.id("select sum(l.amount_cents) from invoice_line l join invoice i on i.id = l.invoice_id"
                + " join regie r on r.id = i.regie_id where r.code = ?1", f.regie())));

        // a re-run bills nothing twice: only the excused day is left, not billed
        RunState again = issue(kit.alpha(), REGISSEUR, f);
        assertEquals("DONE", again.state());
        assertEquals(0, again.issued());
        assertEquals(0L, again.totalCents());
        assertEquals(4, invoiceTotals(kit.alpha(), f).size());

        // the day sheet of a billed day: a new mark is refused (the invoice would not follow), the day stays as billed
        Object[] billed = (Object[]) kit.in(kit.alpha(), () -> kit.list("select b.id, b.status from booking b join billed_month m"
                + " on m.child_id = b.child_id and m.unit_id = b.unit_id and m.month = cast(date_trunc('month', b.day) as date)"
                + " and (m.days & (1 << (extract(day from b.day)::int - 1))) <> 0 where b.unit_id = ?1 and b.status = 'PRESENT'"
                + " order by b.id limit 1", f.unit()).get(0));
        long billedBooking = ((Number) billed[0]).longValue();
        fr.portailfamille.platform.kernel.Refused invoicedDay = assertThrows(fr.portailfamille.platform.kernel.Refused.class,
                () -> kit.in(kit.alpha(), () -> {
                    attendance.markAttendance(AGENT, billedBooking, fr.portailfamille.booking.BookingStatus.ABSENT_EXCUSED);
                    return null;
                }));
        assertTrue(invoicedDay.getMessage().startsWith("Cette journée est déjà facturée"), invoicedDay.getMessage());
        assertEquals("PRESENT", kit.in(kit.alpha(), () -> kit.one("select status from booking where id = ?1", billedBooking)));
        // a booked day not pointed before the run, pointed present now: billed the same, the mark is taken
        long notPointed = ((Number) kit.in(kit.alpha(), () -> kit.list("select b.id from booking b join billed_month m"
                + " on m.child_id = b.child_id and m.unit_id = b.unit_id and m.month = cast(date_trunc('month', b.day) as date)"
                + " and (m.days & (1 << (extract(day from b.day)::int - 1))) <> 0 where b.unit_id = ?1 and b.status = 'BOOKED'"
                + " order by b.id limit 1", f.unit()).get(0))).longValue();
        kit.in(kit.alpha(), () -> {
            attendance.markAttendance(AGENT, notPointed, fr.portailfamille.booking.BookingStatus.PRESENT);
            return null;
        });
        assertEquals("PRESENT", kit.in(kit.alpha(), () -> kit.one("select status from booking where id = ?1", notPointed)));

        // Tom's certificate is refused: the pending absence becomes billed; the next run bills that day only
        assertEquals(List.of(), kit.in(kit.alpha(), () -> invoicing.monthsToRunAgain(AGENT, f.regie())));
        kit.in(kit.alpha(), () -> kit.update("insert into absence (booking_id, reason, certificate_name, reviewed_at, reviewed_by)"
                + " select id, 'MALADIE', 'certificat.pdf', now(), 'sante@alpha.test' from booking where child_id = ?1"
                + " and status = 'ABSENT_PENDING'", f.child("Tom")));
        kit.in(kit.alpha(), () -> kit.update("update booking set status = 'ABSENT_BILLED' where child_id = ?1 and status = 'ABSENT_PENDING'",
                f.child("Tom")));
        assertEquals(0L, kit.in(kit.alpha(), () -> invoicing.preview(AGENT, f.regie(), OCTOBER)).absencesAwaitingReview());
        // a day of this month the service pointed absent, not declared yet: its certificate may still come (refused once
        // invoiced); the preview says how many, and until when
        LocalDate today = fr.portailfamille.it.support.TestDays.today();
        long pointed = kit.in(kit.alpha(), () -> kit.id("insert into booking (child_id, unit_id, day, status) values (?1, ?2, ?3,"
                + " 'ABSENT_BILLED') returning id", f.child("Tom"), f.unit(), today));
        long delay = kit.in(kit.alpha(), () -> kit.id("select coalesce((select certificate_days from billing_settings), ?1)",
                fr.portailfamille.booking.AbsenceRules.LATE_CERTIFICATE_DAYS));
        DraftInvoices.CertificatesDue due = kit.in(kit.alpha(), () -> invoicing.preview(AGENT, f.regie(),
                java.time.YearMonth.from(today))).certificatesStillDue();
        assertEquals(List.of(1L, today.plusDays(delay)), List.of(due.days(), due.openUntil()));
        // declared an illness, with its certificate: no longer awaited (it waits for its review)
        kit.in(kit.alpha(), () -> kit.update("insert into absence (booking_id, reason, certificate, certificate_name)"
                + " values (?1, 'MALADIE', decode('25504446', 'hex'), 'certificat.pdf')", pointed));
        assertEquals(0L, kit.in(kit.alpha(), () -> invoicing.preview(AGENT, f.regie(), java.time.YearMonth.from(today)))
                .certificatesStillDue().days());
        kit.in(kit.alpha(), () -> kit.update("delete from booking where id = ?1", pointed));
        // refused after October's run: the facturation page lists October, its day to bill by running it again
        assertEquals(List.of(new fr.portailfamille.platform.billing.DraftInvoices.MonthToBill(OCTOBER, 1)),
                kit.in(kit.alpha(), () -> invoicing.monthsToRunAgain(AGENT, f.regie())));
        RunState third = issue(kit.alpha(), REGISSEUR, f);
        assertEquals(List.of(), kit.in(kit.alpha(), () -> invoicing.monthsToRunAgain(AGENT, f.regie())), "run again: done");
        assertEquals(1, third.issued());
        // 1 unexcused absence of the eldest in T2: 2,20 €
        assertEquals(220L, third.totalCents());
        assertEquals(BillingMonth.EDGE451_CENTS + 220L, invoiceTotals(kit.alpha(), f).get(edge451));

        // the paper sheet caught up on after the run: Tom was there, without booking, on a day the unit ran — October is
        // listed again, and its run bills that day only
        java.time.LocalDate unbookedDay = java.time.LocalDate.parse(String.valueOf(kit.in(kit.alpha(), () -> kit.one(
                "select min(b.day) from booking b where b.unit_id = ?1 and b.day not in (select t.day from booking t where t.child_id = ?2 and t.unit_id = ?1)",
                f.unit(), f.child("Tom")))));
        kit.in(kit.alpha(), () -> kit.update("insert into registration (child_id, activity_id, status, cgu_accepted_at) select"
                + " ?1, u.activity_id, 'VALIDATED', now() from activity_unit u where u.id = ?2 and not exists (select 1 from"
                + " registration g where g.child_id = ?1 and g.activity_id = u.activity_id and g.status = 'VALIDATED')",
                f.child("Tom"), f.unit()));
        kit.in(kit.alpha(), () -> attendance.markPresentWithoutBooking(AGENT, f.unit(), unbookedDay, f.child("Tom")));
        assertEquals(List.of(new fr.portailfamille.platform.billing.DraftInvoices.MonthToBill(OCTOBER, 1)),
                kit.in(kit.alpha(), () -> invoicing.monthsToRunAgain(AGENT, f.regie())));
        RunState fourth = issue(kit.alpha(), REGISSEUR, f);
        assertEquals(1, fourth.issued());
        assertTrue(fourth.totalCents() > 0, "the day present without booking, billed");
        assertEquals(List.of(), kit.in(kit.alpha(), () -> invoicing.monthsToRunAgain(AGENT, f.regie())));
        // the excused day of the run, pointed present after it (the sheet said « excusé » by mistake): listed again, billed
        long excused = ((Number) kit.in(kit.alpha(), () -> kit.one("select min(id) from booking where unit_id = ?1"
                + " and status = 'ABSENT_EXCUSED'", f.unit()))).longValue();
        kit.in(kit.alpha(), () -> {
            attendance.markAttendance(AGENT, excused, fr.portailfamille.booking.BookingStatus.PRESENT);
            return null;
        });
        assertEquals(List.of(new fr.portailfamille.platform.billing.DraftInvoices.MonthToBill(OCTOBER, 1)),
                kit.in(kit.alpha(), () -> invoicing.monthsToRunAgain(AGENT, f.regie())));
        assertEquals(1, issue(kit.alpha(), REGISSEUR, f).issued());
        assertEquals(List.of(), kit.in(kit.alpha(), () -> invoicing.monthsToRunAgain(AGENT, f.regie())));
        // gap-free: sequences 1..7 of the régie
        List<?> sequences = kit.in(kit.alpha(), () -> kit.list("select i.sequence from invoice i"
                + " join regie r on r.id = i.regie_id where r.code = ?1 and i.kind = 'INVOICE' order by 1", f.regie()));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), sequences.stream().map(n -> ((Number) n).longValue()).toList());
    }

    /**
     * A run whose replica stopped mid-run (left RUNNING, no heartbeat for a quarter of an hour) does not block its month:
     * progress shows it failed with the reason, and a new start runs, billing what was not billed.
     */
    @Test
    void aRunWhoseReplicaStoppedIsShownFailedAndItsMonthRunsAgain() throws Exception {
        BillingMonth f = october(kit.alpha(), BillingKit.prefix("I"));
        long regie = kit.in(kit.alpha(), () -> kit.id("select id from regie where code = ?1", f.regie()));
        kit.in(kit.alpha(), () -> kit.update("insert into billing_run (regie_id, period_start, period_end, state, families_total,"
                + " started_by, started_at, heartbeat_at) values (?1, ?2, ?3, 'RUNNING', 4, 'regie@alpha.test',"
                + " now() - interval '1 hour', now() - interval '20 minutes')", regie, OCTOBER.atDay(1), OCTOBER.atEndOfMonth()));
        RunState shown = kit.in(kit.alpha(), () -> invoicing.progress(REGISSEUR, f.regie(), OCTOBER)).orElseThrow();
        assertEquals("FAILED", shown.state());
        assertTrue(shown.error().startsWith("Facturation interrompue"), shown.error());
        // its month is offered to run again on Facturation (the page opens on the latest month: it was lost)
        List<DraftInvoices.MonthToBill> toRunAgain = kit.in(kit.alpha(), () -> invoicing.monthsToRunAgain(AGENT, f.regie()));
        assertEquals(List.of(OCTOBER), toRunAgain.stream().map(DraftInvoices.MonthToBill::month).toList());
        assertTrue(toRunAgain.get(0).days() > 0, toRunAgain::toString);
        RunState rerun = issue(kit.alpha(), REGISSEUR, f);
        assertEquals("DONE", rerun.state());
        assertEquals(4, invoiceTotals(kit.alpha(), f).size());
        assertEquals(List.of(), kit.in(kit.alpha(), () -> invoicing.monthsToRunAgain(AGENT, f.regie())), "billed since");

        // a run still beating is left alone: a second start is refused
        kit.in(kit.alpha(), () -> kit.update("insert into billing_run (regie_id, period_start, period_end, state, families_total,"
                + " started_by, heartbeat_at) values (?1, ?2, ?3, 'RUNNING', 4, 'regie@alpha.test', now() - interval '1 minute')",
                regie, OCTOBER.atDay(1), OCTOBER.atEndOfMonth()));
        assertEquals("RUNNING", kit.in(kit.alpha(), () -> invoicing.progress(REGISSEUR, f.regie(), OCTOBER)).orElseThrow().state());
        assertThrows(Refused.class, () -> kit.in(kit.alpha(), () -> invoicing.start(REGISSEUR, f.regie(), OCTOBER)));
        kit.in(kit.alpha(), () -> kit.update("update billing_run set state = 'CANCELLED' where regie_id = ?1 and state = 'RUNNING'", regie));
    }

    /**
     * A day closed after its month was invoiced: its bookings stay on their invoice (never undone once billed), and the
     * agent is told how many before saving (a credit note is the régie's to decide), not a silent « enregistré ».
     */
    @Test
    void closingAnInvoicedDayTellsTheAgentItsBookingsStayBilled() throws Exception {
        BillingMonth f = october(kit.alpha(), BillingKit.prefix("K"));
        assertEquals("DONE", issue(kit.alpha(), REGISSEUR, f).state());
        long booked = ((Number) kit.in(kit.alpha(), () -> kit.one("select min(id) from booking where unit_id = ?1"
                + " and status = 'BOOKED'", f.unit()))).longValue();
        LocalDate day = kit.in(kit.alpha(), () -> ((java.sql.Date) kit.one("select day from booking where id = ?1", booked))
                .toLocalDate());
        java.util.function.UnaryOperator<fr.portailfamille.configuration.CommuneConfiguration> closing = c -> {
            List<fr.portailfamille.configuration.CommuneConfiguration.Closure> closed = new ArrayList<>(c.closures());
            closed.add(new fr.portailfamille.configuration.CommuneConfiguration.Closure(day, "Grève"));
            return c.withCalendar(c.periods(), closed);
        };
        var impact = kit.in(kit.alpha(), () -> configuration.bookingsUndoneBy(REGISSEUR, closing));
        assertTrue(impact.billedLeft() >= 1, impact.toString());
        assertTrue(impact.any(), "told before saving");
        var before = kit.in(kit.alpha(), configuration::current);
        try {
            kit.in(kit.alpha(), () -> {
                configuration.update(REGISSEUR, closing);
                return null;
            });
            assertEquals("BOOKED", kit.in(kit.alpha(), () -> kit.one("select status from booking where id = ?1", booked)),
                    "billed: left on its invoice");
        } finally {
            kit.in(kit.alpha(), () -> {
                configuration.save("test", before);
                return null;
            });
        }
    }

    /**
     * A day closed while its month is being invoiced: refused (the run bills the days it read when it started; the day
     * would be told to the family « non facturé » and billed all the same), the booking left as it was.
     */
    @Test
    void aDayIsNotClosedWhileItsMonthIsBeingInvoiced() throws Exception {
        BillingMonth f = october(kit.alpha(), BillingKit.prefix("C"));
        long regie = kit.in(kit.alpha(), () -> kit.id("select id from regie where code = ?1", f.regie()));
        long booked = ((Number) kit.in(kit.alpha(), () -> kit.one("select min(id) from booking where unit_id = ?1"
                + " and status = 'BOOKED'", f.unit()))).longValue();
        LocalDate day = kit.in(kit.alpha(), () -> ((java.sql.Date) kit.one("select day from booking where id = ?1", booked))
                .toLocalDate());
        kit.in(kit.alpha(), () -> kit.update("insert into billing_run (regie_id, period_start, period_end, state, families_total,"
                + " started_by, heartbeat_at) values (?1, ?2, ?3, 'RUNNING', 4, 'regie@alpha.test', now() - interval '1 minute')",
                regie, OCTOBER.atDay(1), OCTOBER.atEndOfMonth()));
        try {
            java.util.function.UnaryOperator<fr.portailfamille.configuration.CommuneConfiguration> closing = c -> {
                List<fr.portailfamille.configuration.CommuneConfiguration.Closure> closed = new ArrayList<>(c.closures());
                closed.add(new fr.portailfamille.configuration.CommuneConfiguration.Closure(day, "Grève"));
                return c.withCalendar(c.periods(), closed);
            };
            fr.portailfamille.configuration.ConfigurationException refused = assertThrows(
                    fr.portailfamille.configuration.ConfigurationException.class, () -> kit.in(kit.alpha(), () -> {
                        configuration.update(REGISSEUR, closing);
                        return null;
                    }));
            assertTrue(refused.errors().get(0).message().contains("la facturation de ce mois est en cours"),
                    refused.errors().toString());
            assertThrows(fr.portailfamille.configuration.ConfigurationException.class, () -> kit.in(kit.alpha(),
                    () -> configuration.bookingsUndoneBy(REGISSEUR, closing)), "the trial save says so first");
            assertEquals("BOOKED", kit.in(kit.alpha(), () -> kit.one("select status from booking where id = ?1", booked)));
            assertTrue(kit.in(kit.alpha(), configuration::current).closures().stream().noneMatch(c -> c.day().equals(day)));
            // nor is its activity moved out of the régie meanwhile (a mark on its days would then be judged by no run)
            fr.portailfamille.configuration.ConfigurationException moved = assertThrows(
                    fr.portailfamille.configuration.ConfigurationException.class, () -> kit.in(kit.alpha(), () -> {
                        configuration.update(REGISSEUR, c -> c.withBilling(new fr.portailfamille.billing.BillingConfiguration(
                                c.billing().settings(), c.billing().regies().stream().map(r -> r.code().equals(f.regie())
                                        ? r.billing(r.activities().stream().filter(a -> !a.equals(f.activity())).toList())
                                        : r).toList(), c.billing().tariffs())));
                        return null;
                    }));
            assertTrue(moved.errors().stream().anyMatch(e -> e.message().contains("ne peut pas changer de régie pendant une"
                    + " facturation en cours")), moved.errors().toString());
        } finally {
            kit.in(kit.alpha(), () -> kit.update("update billing_run set state = 'CANCELLED' where regie_id = ?1"
                    + " and state = 'RUNNING'", regie));
        }
    }

    /**
     * A replica that stopped after a chunk committed and before its families were mailed: the invoices stay marked as
     * awaiting their mail, and the follow-up (the quarter-hourly job, a run's page) marks the run failed and mails them,
     * once, however often it runs.
     */
    @Test
    void aRunWhoseReplicaStoppedBeforeMailingHasItsFamiliesMailedOnce() throws Exception {
        BillingMonth f = october(kit.alpha(), BillingKit.prefix("W"));
        RunState done = issue(kit.alpha(), REGISSEUR, f);
        assertEquals("DONE", done.state());
        String email = f.parent("Edge450").email();
        String mailed = "est disponible sur le portail famille";
        Mails.await(email, m -> m.contains(mailed));
        assertEquals(0L, kit.in(kit.alpha(), () -> kit.id("select count(*) from invoice where billing_run_id = ?1"
                + " and awaiting_mail", done.id())), "a run that ends mails every family it billed");
        // as if its replica had stopped between a chunk's commit and its mails
        kit.in(kit.alpha(), () -> kit.update("update invoice set awaiting_mail = true where billing_run_id = ?1", done.id()));
        kit.in(kit.alpha(), () -> kit.update("update billing_run set state = 'RUNNING', finished_at = null,"
                + " heartbeat_at = now() - interval '20 minutes' where id = ?1", done.id()));
        assertTrue(kit.in(kit.alpha(), () -> follow.followUp()) >= 4);
        assertEquals("FAILED", kit.in(kit.alpha(), () -> kit.one("select state from billing_run where id = ?1", done.id())));
        assertEquals(0L, kit.in(kit.alpha(), () -> kit.id("select count(*) from invoice where billing_run_id = ?1"
                + " and awaiting_mail", done.id())));
        Mails.await(email, m -> m.split(mailed, -1).length - 1 == 2);
        // found again (another replica's job, a second look): nothing more to mail
        assertEquals(0, kit.in(kit.alpha(), () -> follow.followUp()));
        Thread.sleep(2000);
        assertEquals(2, Mails.of(email).split(mailed, -1).length - 1, "mailed once by the follow-up");
    }

    /**
     * While a month is being invoiced, a day of it can no longer change how it is billed: the run read every family's
     * days when it started and writes them chunk by chunk, so an agent's mark in between was accepted and never reached
     * the invoice. The test holds the régie's row (as a number taker does): the run, RUNNING, waits on its first number.
     */
    @Test
    void aDayOfAMonthBeingInvoicedKeepsTheStatusTheRunRead() throws Exception {
        BillingMonth f = october(kit.alpha(), BillingKit.prefix("M"));
        long booked = ((Number) kit.in(kit.alpha(), () -> kit.one("select min(id) from booking where unit_id = ?1"
                + " and status = 'BOOKED'", f.unit()))).longValue();
        // Tom's day waiting for its certificate: the certificate sent, to be reviewed
        long absence = ((Number) kit.in(kit.alpha(), () -> {
            tx.begin();
            em.joinTransaction();
            Object id = em.createNativeQuery("insert into absence (booking_id, reason, certificate, certificate_type,"
                    + " certificate_name) select id, 'MALADIE', decode('255044462d312e340a', 'hex'), 'application/pdf',"
                    + " 'certificat.pdf' from booking where unit_id = ?1 and status = 'ABSENT_PENDING' returning id")
                    .setParameter(1, f.unit()).getSingleResult();
            tx.commit();
            return id;
        })).longValue();
        List<InvoicingRun.Started> started = new ArrayList<>();
        List<String> mark = new ArrayList<>();
        kit.in(kit.alpha(), () -> {
            tx.begin();
            try {
                em.createNativeQuery("select id from regie where code = ?1 for no key update").setParameter(1, f.regie())
                        .getResultList();
                started.add(pool.submit(() -> TenantContext.call(kit.alpha(), () -> invoicing.start(REGISSEUR, f.regie(),
                        OCTOBER))).get(60, TimeUnit.SECONDS));
                mark.add(pool.submit(() -> {
                    try {
                        TenantContext.call(kit.alpha(), () -> {
                            attendance.markAttendance(AGENT, booked, fr.portailfamille.booking.BookingStatus.ABSENT_EXCUSED);
                            return null;
                        });
                        return "MARKED";
                    } catch (Refused e) {
                        return e.getMessage();
                    }
                }).get(60, TimeUnit.SECONDS));
                // nor is its certificate reviewed: refused, the day would be billed by no run
                mark.add(pool.submit(() -> {
                    try {
                        TenantContext.call(kit.alpha(), () -> {
                            certificates.review(RegistrationIT.SANTE, absence, false, "Illisible");
                            return null;
                        });
                        return "REVIEWED";
                    } catch (Refused e) {
                        return e.getMessage();
                    }
                }).get(60, TimeUnit.SECONDS));
            } finally {
                tx.commit();
            }
            return null;
        });
        assertTrue(mark.get(0).startsWith("La facturation de ce mois est en cours pour cette activité"), mark.get(0));
        assertTrue(mark.get(1).startsWith("La facturation de ce mois est en cours pour cette activité"), mark.get(1));
        started.get(0).work().get(120, TimeUnit.SECONDS);
        assertEquals("DONE", kit.in(kit.alpha(), () -> invoicing.progress(REGISSEUR, f.regie(), OCTOBER)).orElseThrow().state());
        assertEquals("BOOKED", kit.in(kit.alpha(), () -> kit.one("select status from booking where id = ?1", booked)),
                "as the run read and billed it");
        assertNull(kit.in(kit.alpha(), () -> kit.one("select reviewed_at from absence where id = ?1", absence)), "not reviewed");
        assertEquals(BillingMonth.TOTAL_CENTS, invoiceTotals(kit.alpha(), f).values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void twoConcurrentStartsForTheSameRegieAndMonthRunOnce() throws Exception {
        BillingMonth f = october(kit.alpha(), BillingKit.prefix("C"));
        List<Object> outcomes = new ArrayList<>();
        // the test holds the régie's row (as a number taker does): the run that starts blocks on its first
        // number, RUNNING meanwhile
        kit.in(kit.alpha(), () -> {
            tx.begin();
            em.createNativeQuery("select id from regie where code = ?1 for no key update").setParameter(1, f.regie()).getResultList();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starts.add(pool.submit(() -> {
                    go.await();
                    try {
                        return TenantContext.call(kit.alpha(), () -> invoicing.start(REGISSEUR, f.regie(), OCTOBER));
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
        assertEquals("DONE", kit.in(kit.alpha(), () -> invoicing.progress(REGISSEUR, f.regie(), OCTOBER)).orElseThrow().state());
        assertEquals(1L, kit.in(kit.alpha(), () -> kit.id("select count(*) from billing_run b join regie r on r.id = b.regie_id where r.code = ?1", f.regie())));
        assertEquals(4, invoiceTotals(kit.alpha(), f).size());
        // a start while nothing runs is a re-run: allowed, bills nothing
        assertEquals(0, issue(kit.alpha(), REGISSEUR, f).issued());
    }

    @Test
    void aCreditNoteIsANewDocumentLinkedToTheInvoiceInItsOwnSequence() throws Exception {
        String prefix = BillingKit.prefix("N");
        BillingMonth f = october(kit.alpha(), prefix);
        issue(kit.alpha(), REGISSEUR, f);
        IssuedInvoice noQf = kit.in(kit.alpha(), () -> invoicing.invoices(AGENT, f.regie(), OCTOBER)).stream()
                .filter(i -> i.familyId() == f.family("NoQf")).findFirst().orElseThrow();
        assertEquals(BillingMonth.NOQF_CENTS, noQf.totalCents());
        // an agent without the régisseur role may not
        assertThrows(SecurityException.class, () -> kit.in(kit.alpha(), () -> invoicing.creditNote(AGENT, noQf.id(), 549, "Présence contestée")));
        Refused noReason = assertThrows(Refused.class, () -> kit.in(kit.alpha(), () -> invoicing.creditNote(REGISSEUR, noQf.id(), 549, " ")));
        assertEquals("reason", noReason.field());
        long note = kit.in(kit.alpha(), () -> invoicing.creditNote(REGISSEUR, noQf.id(), 549, "Présence sans réservation contestée"));
        IssuedInvoice credit = kit.in(kit.alpha(), () -> invoicing.invoices(AGENT, f.regie(), OCTOBER)).stream()
                .filter(i -> i.id() == note).findFirst().orElseThrow();
        assertEquals("CREDIT_NOTE", credit.kind());
        assertEquals(prefix + "-AV-1", credit.number());
        assertEquals(noQf.number(), credit.creditNoteOf());
        assertEquals(549L, credit.totalCents());
        // the invoice itself is unchanged
        assertEquals(BillingMonth.NOQF_CENTS, kit.in(kit.alpha(), () -> kit.id("select total_cents from invoice where id = ?1", noQf.id())));
        // the family's account is credited; audited
        assertEquals(549L, kit.in(kit.alpha(), () -> kit.id("select sum(amount_cents) from account_credit where invoice_id = ?1", note)));
        assertEquals(1L, kit.in(kit.alpha(), () -> kit.id("select count(*) from billing_audit where action = 'CREDIT_NOTE' and invoice_id = ?1"
                + " and actor = 'regie@alpha.test'", note)));
        // no more than what is left of the invoice: 18,99 € − 5,49 € = 13,50 €
        Refused tooMuch = assertThrows(Refused.class, () -> kit.in(kit.alpha(), () -> invoicing.creditNote(REGISSEUR, noQf.id(), 1351, "Trop")));
        assertTrue(tooMuch.getMessage().contains("13,50"), tooMuch.getMessage());
        // not on a credit note
        assertThrows(Refused.class, () -> kit.in(kit.alpha(), () -> invoicing.creditNote(REGISSEUR, note, 1, "Avoir d'avoir")));
        long second = kit.in(kit.alpha(), () -> invoicing.creditNote(REGISSEUR, noQf.id(), 1350, "Remise totale"));
        assertEquals(prefix + "-AV-2", kit.in(kit.alpha(), () -> kit.one("select number from invoice where id = ?1", second)));
    }

    @Test
    void communeBetaSeesNoneOfAlphasInvoicesAndNumbersItsOwn() throws Exception {
        String prefix = BillingKit.prefix("B");
        BillingMonth a = october(kit.alpha(), prefix);
        issue(kit.alpha(), REGISSEUR, a);
        // beta has no such régie: refused, nothing read
        Refused unknown = assertThrows(Refused.class, () -> kit.in(kit.beta(), () -> invoicing.invoices(REGISSEUR_BETA, a.regie(), OCTOBER)));
        assertEquals("regie", unknown.field());
        assertEquals(0L, kit.in(kit.beta(), () -> kit.id("select count(*) from invoice where number like ?1", prefix + "-%")));
        // alpha's régisseur is refused in beta
        assertThrows(SecurityException.class, () -> kit.in(kit.beta(), () -> invoicing.preview(REGISSEUR, a.regie(), OCTOBER)));
        // beta's own régie with the same prefix starts at 1: alpha's numbering is not shared
        BillingMonth b = october(kit.beta(), prefix);
        RunState run = issue(kit.beta(), REGISSEUR_BETA, b);
        assertEquals("DONE", run.state(), run.error());
        assertEquals(4, run.issued());
        assertEquals(List.of(prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4"),
                kit.in(kit.beta(), () -> invoicing.invoices(REGISSEUR_BETA, b.regie(), OCTOBER)).stream().map(IssuedInvoice::number).toList());
        assertEquals(4L, kit.in(kit.alpha(), () -> kit.id("select count(*) from invoice where number like ?1", prefix + "-%")));
        assertNotNull(kit.in(kit.alpha(), () -> invoicing.progress(AGENT, a.regie(), OCTOBER)).orElse(null));
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
            // an absence whose certificate awaits review: not billed, told
            st.execute("insert into booking (child_id, unit_id, day, status) select c.id, u.id, date '2026-10-06', 'ABSENT_PENDING'"
                    + " from child c join family f on f.id = c.family_id, activity_unit u join activity a on a.id = u.activity_id"
                    + " where f.label = '" + family + "' and a.code = 'WALK-" + s + "'");
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
            assertTrue(b.driver.findElement(By.id("run:families")).getText().contains("3,00"), b::snapshot);
            assertTrue(b.driver.findElement(By.id("grand-total")).getText().contains("3,00"), b::snapshot);
            assertTrue(b.await(By.id("absences-awaiting")).getText().contains("certificat médical : 1."), b::snapshot);
            assertEquals("", b.accessibilityViolations(), "axe-core, prévisualisation");
            Browser.screenshot(b, "facturation-apercu");
            b.await(By.id("run:issue")).click();
            BillingWalk.waitForText(b, By.id("run:invoices"), prefix + "-1");
            BillingWalk.waitForText(b, By.id("run:progress"), "100 %");
            // read through the wait: the bar's last poll may render the text again between a find and its read
            BillingWalk.waitForText(b, By.id("progress-text"), "terminée");
            Browser.screenshot(b, "facturation-emise");
            assertEquals("", b.accessibilityViolations(), "axe-core, émission terminée");
            // the progress is stored: a reload shows it
            b.get(page + "?regie=" + regie + "&mois=2026-10");
            BillingWalk.waitForText(b, By.id("run:progress"), "100 %");
            BillingWalk.waitForText(b, By.id("run:invoices"), prefix + "-1");

            // a run still going (stored RUNNING, 1 family of 4 done): the bar polls the stored progress by itself and,
            // when the run ends, the page shows its end without a reload
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("set search_path to commune_alpha");
                st.execute("insert into billing_run (regie_id, period_start, period_end, state, families_total, families_done,"
                        + " started_by) select id, date '2026-11-01', date '2026-11-30', 'RUNNING', 4, 1, 'walk' from regie"
                        + " where code = '" + regie + "'");
            }
            b.get(page + "?regie=" + regie + "&mois=2026-11");
            BillingWalk.waitForText(b, By.id("progress-text"), "en cours");
            BillingWalk.waitForText(b, By.id("run:progress"), "25 %");
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("set search_path to commune_alpha");
                st.execute("update billing_run set families_done = 3 where state = 'RUNNING' and regie_id = (select id from regie"
                        + " where code = '" + regie + "')");
            }
            BillingWalk.waitForText(b, By.id("run:progress"), "75 %");
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("set search_path to commune_alpha");
                st.execute("update billing_run set families_done = 4, state = 'DONE', finished_at = now() where state = 'RUNNING'"
                        + " and regie_id = (select id from regie where code = '" + regie + "')");
            }
            BillingWalk.waitForText(b, By.id("run:progress"), "100 %");
            BillingWalk.waitForText(b, By.id("progress-text"), "terminée");
            assertEquals("", PlatformWebIT.cspViolations(b), "CSP, facturation");
        }
    }
}
