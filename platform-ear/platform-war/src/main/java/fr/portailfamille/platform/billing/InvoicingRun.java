package fr.portailfamille.platform.billing;

import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.DraftPipeline;
import fr.portailfamille.billing.DraftReader;
import fr.portailfamille.billing.FamilyInvoice;
import fr.portailfamille.billing.InvoiceStore;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.TextLimits;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A régie's monthly invoicing: the preview (every family's draft invoice, totals per activity,
 * anomalies) for any agent; the issue, for a régisseur only: the families' rows read in the request
 * ({@link DraftReader#read}), then run in the background by the managed executor, some
 * {@value InvoiceStore#CHUNKS} chunks of families each in one transaction, each chunk priced on a thread of
 * the managed thread factory while the one before is written ({@link DraftPipeline})
 * ({@link InvoiceStore#chunkSize}: {@value InvoiceStore#CHUNK_MIN} to {@value InvoiceStore#CHUNK_MAX} families;
 * {@link InvoiceWriter}; a failing chunk is redone
 * family by family), each family mailed once its invoice has
 * committed ({@link InvoiceMails}, by batches), its progress stored in
 * {@code billing_run} so that it survives a page reload, and refused while a run of the same régie and
 * month is running; credit notes, never an edit of an issued invoice. Every read runs in a transaction:
 * an entity manager used outside one is tied to the caller's invocation, which the managed executor's
 * task shares and closes when it ends.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class InvoicingRun {

    private static final Logger LOG = Logger.getLogger(InvoicingRun.class.getName());

    /** The platform's clock (tests set another). */
    java.time.Clock clock = fr.portailfamille.platform.kernel.PlatformTime.clock();


    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    fr.portailfamille.platform.booking.MonthsBeingInvoiced months;

    @Inject
    DraftInvoices drafts;

    @Inject
    InvoiceWriter writer;

    @Inject
    CommuneSettings settings;

    @Inject
    InvoiceMails mails;

    @Inject
    RunFollowUp follow;

    @Resource
    ManagedExecutorService executor;

    /** The thread that prices a run's next chunk while this one is written ({@link DraftPipeline}). */
    @Resource
    ManagedThreadFactory threads;

    /**
     * A preview: each family's draft, the totals per activity, the period's absences whose certificate awaits review
     * (not billed by this run), and those billed whose certificate may still come (refused once invoiced).
     */
    public record Preview(List<FamilyInvoice> families, Map<String, Long> totalsByActivity, long totalCents,
            long absencesAwaitingReview, DraftInvoices.CertificatesDue certificatesStillDue) {

        public List<FamilyInvoice> getFamilies() { return families; }
        public List<ActivityTotal> getActivityTotals() {
            return totalsByActivity.entrySet().stream().map(e -> new ActivityTotal(e.getKey(), e.getValue())).toList();
        }
        public long getTotalCents() { return totalCents; }
        public int getAnomalyCount() { return families.stream().mapToInt(FamilyInvoice::getAnomalyCount).sum(); }
        public long getAbsencesAwaitingReview() { return absencesAwaitingReview; }
        public DraftInvoices.CertificatesDue getCertificatesStillDue() { return certificatesStillDue; }
    }

    /** One activity's total in a preview. */
    public record ActivityTotal(String activity, long cents) {

        public String getActivity() { return activity; }
        public long getCents() { return cents; }
    }

    /** The commune's régies (any agent). */
    public List<Regie> regies(SignedInUser user) {
        StaffRoles.requireAgent(user);
        BillingConfiguration billing = settings.billing();
        return billing.regies();
    }

    /**
     * Régie {@code regieCode}'s months already invoiced whose absences became billable after their run (a medical
     * certificate refused since): to run again (any agent).
     */
    public List<DraftInvoices.MonthToBill> monthsToRunAgain(SignedInUser user, String regieCode) {
        StaffRoles.requireAgent(user);
        return drafts.refusedAfterRun(regieCode);
    }

    /** What issuing régie {@code regieCode}'s {@code month} would bill now (any agent; nothing written). */
    public Preview preview(SignedInUser user, String regieCode, YearMonth month) {
        StaffRoles.requireAgent(user);
        regie(regieCode);
        List<FamilyInvoice> families = drafts.drafts(regieCode, month.atDay(1), month.atEndOfMonth());
        Map<String, Long> totals = new TreeMap<>();
        families.forEach(f -> f.draft().totalsByActivity().forEach((a, c) -> totals.merge(a, c, Math::addExact)));
        return new Preview(families, totals, families.stream().mapToLong(FamilyInvoice::getTotalCents).reduce(0, Math::addExact),
                drafts.absencesAwaitingReview(regieCode, month.atDay(1), month.atEndOfMonth()),
                drafts.certificatesStillDue(regieCode, month.atDay(1), month.atEndOfMonth(),
                        fr.portailfamille.platform.kernel.PlatformTime.today(clock)));
    }

    /**
     * Starts issuing régie {@code regieCode}'s {@code month} in the background (régisseur only): the run
     * is stored RUNNING before this returns, then each family is invoiced in its own transaction.
     *
     * @return the run's id and the background work (tests wait on it)
     * @throws Refused when a run of the same régie and month is running, or the month is not over
     */
    public Started start(SignedInUser user, String regieCode, YearMonth month) {
        StaffRoles.requireRegisseur(user);
        LocalDate today = fr.portailfamille.platform.kernel.PlatformTime.today(clock);
        if (!month.isBefore(YearMonth.from(today))) {
            // its days still to come would be billed as booked, and a cancellation made in time afterwards would stay
            // on the invoice (a run never bills a day twice, nor takes one back)
            throw new Refused("mois", Refused.text("billing.run.monthNotOver",
                    month.format(java.time.format.DateTimeFormatter.ofPattern("MM/yyyy")),
                    month.plusMonths(1).atDay(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        }
        long regieId = regie(regieCode);
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        String actor = user.email();
        // the marks and late certificates of the month wait for this read and are refused while the run goes
        // (booking.MonthsBeingInvoiced): a day's status changed between the read and its chunk would be billed as it was
        months.lockToInvoice(regieCode, month);
        reapInterrupted(regieId, from, to);
        // the families' rows read now, in the request's transaction; each chunk priced in the background while the
        // one before is written (DraftPipeline)
        DraftReader.Drafts families = drafts.read(regieCode, from, to);
        long runId = writer.open(regieId, from, to, families.size(), actor);
        Commune commune = TenantContext.require();
        String portal = mails.portal();
        Future<?> work = executor.submit(() -> TenantContext.call(commune, () -> {
            execute(runId, regieId, regieCode, from, to, families, actor, portal);
            return null;
        }));
        return new Started(runId, work);
    }

    /** A run started: its id and the background work. */
    public record Started(long runId, Future<?> work) {
    }

    private void execute(long runId, long regieId, String regieCode, LocalDate from, LocalDate to,
            DraftReader.Drafts families, String actor, String portal) {
        List<String> failures = new ArrayList<>();
        // issued invoices whose families are mailed once their chunk committed (a mail never leaves before its invoice)
        List<Long> toMail = new ArrayList<>();
        try {
            // each chunk priced on a thread of the factory (pure Java: no container service) while the one before is
            // written here, in this task's commune and transactions; a chunk holds the régie's numbering row until it
            // commits (its numbers are taken at once, InvoiceStore.issueAll): a few hundred milliseconds for the
            // largest; no JTA timeout is set (Payara's transaction service has none by default)
            DraftPipeline.run(families, InvoiceStore.chunkSize(families.size()), threads, chunk -> {
                try {
                    toMail.addAll(writer.issueAll(runId, regieId, regieCode, from, to, chunk, actor));
                } catch (RuntimeException chunkFailed) {
                    // the chunk rolled back whole: issued family by family, only the failing ones are left out
                    LOG.log(Level.INFO, "invoicing run " + runId + ": a chunk failed, its families issued one by one",
                            chunkFailed);
                    for (FamilyInvoice family : chunk.families()) {
                        try {
                            Long issued = writer.issue(runId, regieId, regieCode, from, to, family, actor);
                            if (issued != null) {
                                toMail.add(issued);
                            }
                        } catch (RuntimeException e) {
                            String ref = reference();
                            LOG.log(Level.WARNING, "invoicing run " + runId + ": family " + family.familyId() + " failed [réf. "
                                    + ref + "]", e);
                            failures.add(family.familyLabel() + " : facture non émise (" + failureText(e, ref) + ")");
                            writer.skipped(runId);
                        }
                    }
                }
                if (!toMail.isEmpty()) {
                    // each chunk's families mailed as soon as it commits (25 at least, InvoiceStore.chunkSize): a
                    // replica stopping now leaves at most this chunk's mails unasked (their invoices are on the portal)
                    mail(toMail, portal, actor);
                }
                // still at it: a run whose replica stops beating is taken as interrupted (InvoiceWriter.reapInterrupted)
                writer.beat(runId);
            });
            writer.finish(runId, regieId, actor, failures.isEmpty() ? null : String.join(" ; ", failures));
            announce(runId, regieId);
        } catch (RuntimeException | Error e) {
            String ref = reference();
            LOG.log(Level.SEVERE, "invoicing run " + runId + " failed [réf. " + ref + "]", e);
            writer.finish(runId, regieId, actor, "Facturation arrêtée : " + failureText(e, ref) + ". Relancez ce mois.");
            // the invoices it issued before failing are issued all the same: their direct debits are planned, as their
            // mails said
            announce(runId, regieId);
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            mail(toMail, portal, actor);
        }
    }

    /**
     * Marks failed the régie's runs of the period whose replica stopped ({@link InvoiceWriter#reapInterrupted}), and
     * tells the other billing parts of the invoices they had issued (their direct debits planned, as their mails said).
     */
    private void reapInterrupted(long regieId, LocalDate from, LocalDate to) {
        List<Long> reaped = writer.reapInterrupted(regieId, from, to);
        for (long run : reaped) {
            announce(run, regieId);
        }
        if (!reaped.isEmpty()) {
            // the families of the invoices it issued and did not mail
            follow.mailAwaiting(mails.portal());
        }
    }

    private void announce(long runId, long regieId) {
        follow.announce(runId, regieId);
    }

    /** Mails the families of committed invoices ({@link RunFollowUp#mail}), then forgets them. */
    private void mail(List<Long> invoices, String portal, String actor) {
        follow.mail(invoices, portal, actor);
        invoices.clear();
    }

    /** The latest run of régie {@code regieCode}'s {@code month}, as stored (any agent). */
    public Optional<RunState> progress(SignedInUser user, String regieCode, YearMonth month) {
        StaffRoles.requireAgent(user);
        long regieId = regie(regieCode);
        List<Object[]> rows = latestRun(regieId, month);
        if (!rows.isEmpty() && "RUNNING".equals(rows.get(0)[1]) && Boolean.TRUE.equals(rows.get(0)[10])) {
            // its replica stopped: shown failed, to be started again, not stuck under 100 % (the page polls this; only
            // a silent run costs a write)
            reapInterrupted(regieId, month.atDay(1), month.atEndOfMonth());
            rows = latestRun(regieId, month);
        }
        return rows.stream().findFirst().map(r -> new RunState(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), ((Number) r[4]).intValue(),
                ((Number) r[5]).longValue(), (String) r[6], time(r[7]), time(r[8]), (String) r[9]));
    }

    /** The latest run of the régie's month, and whether it has been silent for {@link InvoiceWriter#SILENCE}. */
    @SuppressWarnings("unchecked")
    private List<Object[]> latestRun(long regieId, YearMonth month) {
        return em.createNativeQuery("select id, state, families_done, families_total, invoices_issued,"
                + " total_cents, started_by, started_at, finished_at, error,"
                + " coalesce(heartbeat_at, started_at) < now() - cast(?4 as interval) from billing_run where regie_id = ?1"
                + " and period_start = ?2 and period_end = ?3 order by id desc limit 1")
                .setParameter(1, regieId).setParameter(2, month.atDay(1)).setParameter(3, month.atEndOfMonth())
                .setParameter(4, InvoiceWriter.SILENCE).getResultList();
    }

    /** The invoices and credit notes of régie {@code regieCode}'s {@code month}, by number (any agent). */
    public List<IssuedInvoice> invoices(SignedInUser user, String regieCode, YearMonth month) {
        StaffRoles.requireAgent(user);
        long regieId = regie(regieCode);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select i.id, i.number, i.kind, i.family_id, f.label, i.total_cents,"
                + " i.period_start, i.period_end, o.number, i.state from invoice i join family f on f.id = i.family_id"
                + " left join invoice o on o.id = i.credit_note_of where i.regie_id = ?1 and i.period_start = ?2"
                + " and i.period_end = ?3 order by i.kind desc, i.sequence")
                .setParameter(1, regieId).setParameter(2, month.atDay(1)).setParameter(3, month.atEndOfMonth()).getResultList();
        return rows.stream().map(r -> new IssuedInvoice(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), (String) r[4], ((Number) r[5]).longValue(), DraftInvoices.date(r[6]),
                DraftInvoices.date(r[7]), (String) r[8], (String) r[9])).toList();
    }

    /**
     * A credit note (avoir) of {@code amountCents} on an issued invoice, by a régisseur: a new document
     * linked to the original, numbered in the régie's credit-note sequence; the invoice itself is never
     * edited. Refused above what is left of the invoice, or without a reason.
     *
     * @return the credit note's id
     */
    public long creditNote(SignedInUser user, long invoiceId, long amountCents, String reason) {
        StaffRoles.requireRegisseur(user);
        if (amountCents <= 0) {
            throw new Refused("amount", Refused.text("billing.creditNote.amountRequired"));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null) {
            throw new Refused("reason", Refused.text("billing.creditNote.reasonRequired"));
        }
        if (TextLimits.exceeds(why, TextLimits.REASON)) {
            throw new Refused("reason", TextLimits.tooLong(Refused.text("common.what.reason"), TextLimits.REASON));
        }
        return writer.creditNote(invoiceId, amountCents, why, user.email());
    }

    private long regie(String regieCode) {
        return drafts.regieId(regieCode == null ? "" : regieCode)
                .orElseThrow(() -> new Refused("regie", Refused.text("billing.regie.choose")));
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    /**
     * Why a family's invoice (or the run) failed, in French for the régisseur who reads it on Facturation: the known cases
     * in words, anything else as a technical error whose detail is in the server's log under {@code ref} — never the
     * database's message (table names, PL/pgSQL, an exception's class).
     */
    static String failureText(Throwable e, String ref) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "23505":
                        return "une journée de ce mois est déjà facturée par un autre passage (réf. " + ref + ")";
                    case "23503":
                        return "la famille ou l'un de ses enfants a été supprimé pendant la facturation (réf. " + ref + ")";
                    default:
                        break;
                }
            }
        }
        return "erreur technique, détail dans le journal du serveur (réf. " + ref + ")";
    }

    /** A short reference that ties what the régisseur reads to the server's log line. */
    private static String reference() {
        return Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36)
                .toUpperCase(java.util.Locale.ROOT);
    }
}
