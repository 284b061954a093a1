package fr.portailfamille.platform.billing;

import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.tenancy.TenantConnection;
import fr.portailfamille.billing.FamilyInvoice;
import fr.portailfamille.billing.InvoiceStore;
import fr.portailfamille.billing.InvoiceNumbering;
import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes of an invoicing run and of a credit note, each in its own transaction
 * ({@code REQUIRES_NEW}): the run's row, one family's invoice (number, lines, billed days, progress,
 * audit), the run's end. A number is taken from {@link InvoiceNumbering} in the transaction that writes
 * the invoice, so a family that fails gives its number back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
@CommuneRequired
public class InvoiceWriter {

    /** The refusal of a second run of the same régie and period: its key in the refusals' bundle. */
    static final String ALREADY_RUNNING = "billing.run.alreadyRunning";

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    /** Opens a RUNNING run for {@code families} families; refused when one already runs for the régie and period. */
    public long open(long regieId, LocalDate from, LocalDate to, int families, String actor) {
        Number running = (Number) em.createNativeQuery("select count(*) from billing_run where regie_id = ?1"
                + " and period_start = ?2 and period_end = ?3 and state = 'RUNNING'")
                .setParameter(1, regieId).setParameter(2, from).setParameter(3, to).getSingleResult();
        if (running.longValue() > 0) {
            throw new Refused(Refused.text(ALREADY_RUNNING));
        }
        long id;
        try {
            id = ((Number) em.createNativeQuery("insert into billing_run (regie_id, period_start, period_end, state,"
                    + " families_total, started_by, heartbeat_at) values (?1, ?2, ?3, 'RUNNING', ?4, ?5, now()) returning id")
                    .setParameter(1, regieId).setParameter(2, from).setParameter(3, to).setParameter(4, families)
                    .setParameter(5, actor).getSingleResult()).longValue();
        } catch (PersistenceException e) {
            if (uniqueViolation(e)) {
                // the other start committed first: the unique index on RUNNING runs
                throw new Refused(Refused.text(ALREADY_RUNNING));
            }
            throw e;
        }
        audit(actor, "RUN_STARTED", regieId, null, null, null, "Facturation du " + from + " au " + to + " : "
                + families + " famille(s), run " + id);
        return id;
    }

    /**
     * Issues one family's invoice of run {@code runId} ({@link InvoiceStore}, on this transaction's
     * connection): takes the next number, writes the invoice, its lines and the billed days, counts the
     * family done. A day billed meanwhile (another run) makes the whole family's transaction roll back,
     * its number with it.
     *
     * @return the invoice's id, or {@code null} when the family had nothing to bill
     */
    public Long issue(long runId, long regieId, String regieCode, LocalDate from, LocalDate to, FamilyInvoice family,
            String actor) {
        try {
            // the transaction's connection (search path on the commune's schema)
            return InvoiceStore.issue(TenantConnection.of(em), TenantContext.require().schemaName(),
                    new InvoiceStore.RunContext(runId, regieId, regieCode, from, to, PlatformTime.today().plusDays(30), actor),
                    family);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /**
     * Issues a chunk of families of run {@code runId} (made ready by {@link InvoiceStore#prepare}) in ONE
     * transaction, with the same two statements as one family ({@link InvoiceStore#issueAll}: the numbers taken at
     * once, then the invoices, lines, billed days, progress and audit in one statement): any family that fails rolls
     * the whole chunk back, numbers included,
     * and the run then issues that chunk family by family ({@link #issue}).
     *
     * @return the ids of the invoices issued (families with nothing to bill have none)
     */
    public List<Long> issueAll(long runId, long regieId, String regieCode, LocalDate from, LocalDate to,
            InvoiceStore.Chunk families, String actor) {
        try {
            Connection connection = TenantConnection.of(em);
            String schema = TenantContext.require().schemaName();
            InvoiceStore.RunContext run = new InvoiceStore.RunContext(runId, regieId, regieCode, from, to,
                    PlatformTime.today().plusDays(30), actor);
            List<Long> issued = new ArrayList<>();
            for (Long id : InvoiceStore.issueAll(connection, schema, run, families)) {
                if (id != null) {
                    issued.add(id);
                }
            }
            return issued;
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** How long a RUNNING run may go without a heartbeat before it is taken as interrupted (its replica stopped). */
    static final String SILENCE = "15 minutes";

    /** The run's replica is still at it (after each chunk and each batch of mails). */
    public void beat(long runId) {
        em.createNativeQuery("update billing_run set heartbeat_at = now() where id = ?1 and state = 'RUNNING'")
                .setParameter(1, runId).executeUpdate();
    }

    /**
     * Marks FAILED the régie's RUNNING runs of the period whose replica stopped beating {@value #SILENCE} ago (stopped
     * or lost mid-run): their month can be run again, which bills only what they had not billed. Returns their ids.
     */
    public List<Long> reapInterrupted(long regieId, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("update billing_run set state = 'FAILED', finished_at = now(), error = ?4"
                        + " where regie_id = ?1 and period_start = ?2 and period_end = ?3 and state = 'RUNNING'"
                        + " and coalesce(heartbeat_at, started_at) < now() - interval '" + SILENCE + "' returning id")
                .setParameter(1, regieId).setParameter(2, from).setParameter(3, to)
                .setParameter(4, Refused.text(INTERRUPTED).french()).getResultList();
        for (Object id : ids) {
            audit("plateforme", "RUN_FAILED", regieId, null, null, null, "Run " + id + " interrompu (aucun signe depuis "
                    + SILENCE + ")");
        }
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** Marks FAILED every RUNNING run of the commune whose replica stopped beating ({@link #reapInterrupted}): their ids and régies. */
    public List<long[]> reapAllInterrupted() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update billing_run set state = 'FAILED', finished_at = now(), error = ?1"
                        + " where state = 'RUNNING' and coalesce(heartbeat_at, started_at) < now() - interval '" + SILENCE + "'"
                        + " returning id, regie_id")
                .setParameter(1, Refused.text(INTERRUPTED).french()).getResultList();
        List<long[]> reaped = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            long regie = ((Number) r[1]).longValue();
            audit("plateforme", "RUN_FAILED", regie, null, null, null, "Run " + id + " interrompu (aucun signe depuis "
                    + SILENCE + ")");
            reaped.add(new long[] {id, regie});
        }
        return reaped;
    }

    /**
     * The invoices still awaiting their mail of the runs that are no longer running and have been silent for
     * {@value #SILENCE} (a run mails each chunk as it commits, and the rest as it ends: what is left is a stopped
     * replica's), by run, with who started it.
     */
    public List<Awaiting> awaitingMail() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.id, r.started_by, i.id from billing_run r"
                        + " join invoice i on i.billing_run_id = r.id and i.awaiting_mail"
                        + " where r.state <> 'RUNNING' and coalesce(r.heartbeat_at, r.started_at) < now() - interval '" + SILENCE + "'"
                        + " order by r.id, i.id")
                .getResultList();
        java.util.Map<Long, Awaiting> byRun = new java.util.LinkedHashMap<>();
        for (Object[] r : rows) {
            byRun.computeIfAbsent(((Number) r[0]).longValue(), id -> new Awaiting(id, (String) r[1], new ArrayList<>()))
                    .invoices().add(((Number) r[2]).longValue());
        }
        return List.copyOf(byRun.values());
    }

    /** A run's invoices whose families are not mailed yet, and who started it. */
    public record Awaiting(long runId, String actor, List<Long> invoices) {
    }

    /** Why a run stopped beating is failed: its key in the refusals' bundle. */
    static final String INTERRUPTED = "billing.run.interrupted";

    /** Counts a family that failed as done (its invoice rolled back), so that the progress ends. */
    public void skipped(long runId) {
        em.createNativeQuery("update billing_run set families_done = least(families_done + 1, families_total) where id = ?1")
                .setParameter(1, runId).executeUpdate();
    }

    /** Ends the run: DONE, or FAILED with the reason. */
    public void finish(long runId, long regieId, String actor, String error) {
        em.createNativeQuery("update billing_run set state = ?2, finished_at = now(), error = cast(?3 as varchar) where id = ?1")
                .setParameter(1, runId).setParameter(2, error == null ? "DONE" : "FAILED")
                .setParameter(3, error == null ? null : cut(error, 1000)).executeUpdate();
        audit(actor, error == null ? "RUN_DONE" : "RUN_FAILED", regieId, null, null, null,
                error == null ? "Run " + runId + " terminé" : cut("Run " + runId + " en échec : " + error, 1000));
    }

    /**
     * A credit note of {@code amountCents} on invoice {@code invoiceId}, numbered in the régie's credit
     * note sequence: credited to the family's account, then imputed on what is left to pay of the
     * invoice (a negative account movement naming it); what the invoice no longer owes stays as credit.
     */
    public long creditNote(long invoiceId, long amountCents, String reason, String actor) {
        return creditNote(invoiceId, amountCents, java.util.Map.of(), reason, actor);
    }

    /**
     * A credit note of some days of invoice {@code invoiceId}'s lines ({@code days}: line id → days to
     * credit), each credited at its line's unit price, in lines that name the line they credit (a line is
     * never credited beyond its quantity); otherwise as {@link #creditNote(long, long, String, String)}.
     */
    public long creditNote(long invoiceId, java.util.Map<Long, Integer> days, String reason, String actor) {
        if (days.values().stream().allMatch(d -> d == null || d == 0)) {
            throw new Refused("lines", Refused.text("billing.creditNote.daysRequired"));
        }
        return creditNote(invoiceId, 0, days, reason, actor);
    }

    private long creditNote(long invoiceId, long amountGiven, java.util.Map<Long, Integer> days, String reason, String actor) {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> found = em.createNativeQuery("select i.regie_id, r.code, i.family_id, i.kind, i.state,"
                + " i.total_cents, i.number, i.period_start, i.period_end, f.label from invoice i join regie r on r.id = i.regie_id"
                + " join family f on f.id = i.family_id where i.id = ?1 for update of i").setParameter(1, invoiceId).getResultList();
        if (found.isEmpty()) {
            throw new Refused(Refused.text("billing.invoice.notFound"));
        }
        Object[] i = found.get(0);
        if (!"INVOICE".equals(i[3])) {
            throw new Refused(Refused.text("billing.creditNote.ofCreditNote"));
        }
        if ("CANCELLED".equals(i[4])) {
            throw new Refused(Refused.text("billing.creditNote.cancelled"));
        }
        if ("TITRE_EMIS".equals(i[4])) {
            throw new Refused(Refused.text("billing.creditNote.titre"));
        }
        java.util.List<Object[]> creditedLines = new java.util.ArrayList<>();
        long amountCents = amountGiven;
        if (!days.isEmpty()) {
            amountCents = 0;
            for (var e : new java.util.TreeMap<>(days).entrySet()) {
                int d = e.getValue() == null ? 0 : e.getValue();
                if (d == 0) {
                    continue;
                }
                String field = "lines[" + e.getKey() + "]";
                @SuppressWarnings("unchecked")
                java.util.List<Object[]> line = em.createNativeQuery("select l.quantity, l.unit_price_cents, l.child_name,"
                        + " l.activity_code, l.unit_code, l.label, l.child_id, " + FamilyAccount.creditedSql("quantity")
                        + " from invoice_line l where l.id = ?1 and l.invoice_id = ?2")
                        .setParameter(1, e.getKey()).setParameter(2, invoiceId).getResultList();
                if (line.isEmpty()) {
                    throw new Refused(field, Refused.text("billing.creditNote.notALine", i[6]));
                }
                Object[] l = line.get(0);
                long left = ((Number) l[0]).longValue() - ((Number) l[7]).longValue();
                if (d < 0 || d > left) {
                    throw new Refused(field, Refused.text("billing.creditNote.days", left, l[5], String.valueOf(l[0]),
                            String.valueOf(l[7])));
                }
                amountCents = Math.addExact(amountCents, Math.multiplyExact(d, ((Number) l[1]).longValue()));
                creditedLines.add(new Object[] {e.getKey(), d, l});
            }
        }
        if (amountCents <= 0) {
            throw new Refused("amount", Refused.text("billing.creditNote.amountRequired"));
        }
        long credited = ((Number) em.createNativeQuery("select coalesce(sum(total_cents), 0) from invoice where credit_note_of = ?1")
                .setParameter(1, invoiceId).getSingleResult()).longValue();
        long left = ((Number) i[5]).longValue() - credited;
        if (amountCents > left) {
            throw new Refused("amount", Refused.text("billing.creditNote.beyondLeft", i[6], Money.amount(left)));
        }
        // each line of the note carries the reason whole (its label, 300 characters): refused beside it, not cut mid-word
        java.util.List<String> labels = creditedLines.isEmpty()
                ? java.util.List.of(withReason("Avoir sur la facture " + i[6] + " : ", reason))
                : creditedLines.stream().map(c -> withReason("Avoir : " + c[1] + " jour(s) de « " + ((Object[]) c[2])[5]
                        + " » — ", reason)).toList();
        long regieId = ((Number) i[0]).longValue();
        long family = ((Number) i[2]).longValue();
        InvoiceNumbering.Number number = number((String) i[1], InvoiceNumbering.Sequence.CREDIT_NOTE);
        // printed as issued (tenant V48): the family's name and address now
        long note = ((Number) em.createNativeQuery("insert into invoice (regie_id, family_id, kind, sequence, number,"
                + " period_start, period_end, total_cents, credit_note_of, issued_by, addressee_label, addressee_line,"
                + " addressee_city) select ?1, ?2, 'CREDIT_NOTE', ?3, ?4, ?5, ?6, ?7, ?8, ?9, f.label, f.address_line,"
                + " trim(coalesce(f.postcode, '') || ' ' || coalesce(f.city, '')) from family f where f.id = ?2 returning id")
                .setParameter(1, regieId).setParameter(2, family).setParameter(3, number.sequence())
                .setParameter(4, number.text()).setParameter(5, i[7]).setParameter(6, i[8]).setParameter(7, amountCents)
                .setParameter(8, invoiceId).setParameter(9, actor).getSingleResult()).longValue();
        if (creditedLines.isEmpty()) {
            em.createNativeQuery("insert into invoice_line (invoice_id, position, child_name, activity_code, quantity,"
                    + " unit_price_cents, amount_cents, label) values (?1, 1, ?2, 'AVOIR', 1, ?3, ?3, ?4)")
                    .setParameter(1, note).setParameter(2, cut((String) i[9], 220)).setParameter(3, amountCents)
                    .setParameter(4, labels.get(0)).executeUpdate();
        }
        int position = 0;
        for (Object[] c : creditedLines) {
            Object[] l = (Object[]) c[2];
            int d = (Integer) c[1];
            long price = ((Number) l[1]).longValue();
            // the service in the words the credited line was issued with
            em.createNativeQuery("insert into invoice_line (invoice_id, position, child_id, child_name, activity_code, unit_code,"
                    + " quantity, unit_price_cents, amount_cents, label, credits_line_id, service) select ?1, ?2, cast(?3 as bigint),"
                    + " ?4, ?5, cast(?6 as varchar), ?7, ?8, ?9, ?10, ?11, coalesce(o.service, " + InvoiceStore.SERVICE_WORDS
                    + ") from invoice_line o left join activity sw_a on sw_a.code = o.activity_code"
                    + " left join activity_unit sw_u on sw_u.activity_id = sw_a.id and sw_u.code = o.unit_code where o.id = ?11")
                    .setParameter(1, note).setParameter(2, ++position).setParameter(3, l[6]).setParameter(4, l[2])
                    .setParameter(5, l[3]).setParameter(6, l[4]).setParameter(7, d).setParameter(8, price)
                    .setParameter(9, d * price).setParameter(10, labels.get(position - 1))
                    .setParameter(11, c[0]).executeUpdate();
        }
        em.createNativeQuery("insert into account_credit (regie_id, family_id, amount_cents, invoice_id, label, by_whom)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, regieId).setParameter(2, family)
                .setParameter(3, amountCents).setParameter(4, note).setParameter(5, cut("Avoir " + number.text(), 200))
                .setParameter(6, actor).executeUpdate();
        // the credit note settles what is left to pay of the invoice; any rest stays as the family's credit
        long outstanding = ((Number) em.createNativeQuery("select i.total_cents - (" + FamilyAccount.SETTLED
                + ") from invoice i where i.id = ?1").setParameter(1, invoiceId).getSingleResult()).longValue();
        long imputed = Math.min(amountCents, Math.max(0, outstanding));
        if (imputed > 0) {
            em.createNativeQuery("insert into account_credit (regie_id, family_id, amount_cents, invoice_id, label, by_whom)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, regieId).setParameter(2, family)
                    .setParameter(3, -imputed).setParameter(4, invoiceId)
                    .setParameter(5, cut("Avoir " + number.text() + " imputé sur la facture " + i[6], 200))
                    .setParameter(6, actor).executeUpdate();
        }
        audit(actor, "CREDIT_NOTE", regieId, family, note, amountCents,
                cut("Avoir " + number.text() + " sur " + i[6] + " : " + reason, 1000));
        return note;
    }

    private InvoiceNumbering.Number number(String regieCode, InvoiceNumbering.Sequence sequence) {
        try {
            // the transaction's connection (search path on the commune's schema)
            return InvoiceNumbering.next(TenantConnection.of(em), TenantContext.require().schemaName(), regieCode, sequence);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private void audit(String actor, String action, long regieId, Long family, Long invoice, Long amount, String detail) {
        em.createNativeQuery("insert into billing_audit (actor, action, regie_id, family_id, invoice_id, amount_cents, detail)"
                + " values (?1, ?2, ?3, cast(?4 as bigint), cast(?5 as bigint), cast(?6 as bigint), ?7)").setParameter(1, cut(actor, 120)).setParameter(2, action)
                .setParameter(3, regieId).setParameter(4, family).setParameter(5, invoice).setParameter(6, amount)
                .setParameter(7, detail).executeUpdate();
    }

    /** A credit note line's label: {@code head} and the reason, refused on the field "reason" when longer than its column. */
    private static String withReason(String head, String reason) {
        if (head.length() + reason.length() > LABEL) {
            throw new Refused("reason", Refused.text("billing.creditNote.reasonTooLong",
                    String.valueOf(Math.max(0, LABEL - head.length()))));
        }
        return head + reason;
    }

    /** The length of an invoice line's label (its column). */
    private static final int LABEL = 300;

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
