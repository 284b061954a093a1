package fr.portailfamille.platform.billing.sepa;

import fr.portailfamille.billing.Money;
import fr.portailfamille.billing.sepa.Pain008;
import fr.portailfamille.billing.sepa.RejectReason;
import fr.portailfamille.billing.sepa.SepaRules;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.RunIssued;
import fr.portailfamille.platform.billing.payment.PaymentDesk;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.TextLimits;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The direct debits of invoicing runs: the invoices of families with an active mandate on the run's régie are
 * marked at the run (due on the régie's debit day of the following month); a régisseur makes the run's pain.008
 * file once (each debit recorded as a {@code PRELEVEMENT} payment of what was left to pay, FRST for a mandate's
 * first collection then RCUR) and records the bank's rejects (the payment cancelled, the invoice open again with
 * the reason, the family mailed). Money actions check the {@code regisseur} role here; agents read.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class DirectDebits {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    PaymentDesk desk;

    @Inject
    FamilyMails mails;

    @Inject
    FamilyAccount account;

    /** The file of a run: name and bytes. */
    public record File(String fileName, byte[] content, int transactions, long totalCents) {
        /** No file: every invoice of the run was paid meanwhile, its debits now skipped (and kept so). */
        static final File NOTHING_LEFT = new File(null, null, 0, 0);

        /** Whether there was nothing left to debit ({@link #NOTHING_LEFT}). */
        public boolean nothingLeft() {
            return content == null;
        }
    }

    /** A run of a direct-debit régie, as the agents' page lists it. */
    public record Run(long runId, String regieCode, String regieLabel, LocalDate periodStart, int debits, long plannedCents,
            Long fileId, int rejected) {
        public long getRunId() { return runId; }
        public String getRegieLabel() { return regieLabel; }
        public String getPeriod() { return BillingDates.text(periodStart).substring(3); }
        public int getDebits() { return debits; }
        public long getPlannedCents() { return plannedCents; }
        public boolean isFileMade() { return fileId != null; }
        public int getRejected() { return rejected; }
    }

    /** One debit of a run. */
    public record Debit(long id, long invoiceId, String invoiceNumber, String familyLabel, String rum, LocalDate dueDate,
            String state, String sequence, Long amountCents, String rejectCode, String rejectLabel) {
        public long getId() { return id; }
        public long getInvoiceId() { return invoiceId; }
        public String getInvoiceNumber() { return invoiceNumber; }
        public String getFamilyLabel() { return familyLabel; }
        public String getRum() { return rum; }
        public String getDueDate() { return BillingDates.text(dueDate); }
        public String getState() { return state; }
        public String getSequence() { return sequence; }
        public Long getAmountCents() { return amountCents; }
        public boolean isRejectable() { return "SENT".equals(state); }
    }

    /**
     * Marks the run's invoices of families with an active mandate on its régie (when the régie collects by direct
     * debit): a planned debit each, due on the régie's debit day of the month after the invoice; the invoice's due
     * date becomes that day. Idempotent (one debit per invoice).
     */
    public void onRunIssued(@Observes RunIssued run) {
        mark(run.runId());
    }

    /** {@link #onRunIssued}'s work: the number of invoices marked. */
    public int mark(long runId) {
        SepaRegie creditor = SepaRegie.of(em, "r.id = (select regie_id from billing_run where id = ?1)", runId);
        if (creditor == null) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select i.id, m.id, cast(i.issued_at at time zone " + PlatformTime.SQL_ZONE + " as date)"
                + " from invoice i join sepa_mandate m on m.family_id = i.family_id and m.regie_id = i.regie_id and m.revoked_at is null"
                + " where i.billing_run_id = ?1 and i.kind = 'INVOICE' and i.state = 'ISSUED'"
                + " and not exists (select 1 from sepa_debit d where d.invoice_id = i.id) order by i.id")
                .setParameter(1, runId).getResultList();
        for (Object[] r : rows) {
            LocalDate due = SepaRules.dueDate(Mandates.date(r[2]), creditor.sepa().debitDay());
            em.createNativeQuery("insert into sepa_debit (invoice_id, mandate_id, billing_run_id, due_date) values (?1, ?2, ?3, ?4)"
                    + " on conflict (invoice_id) do nothing").setParameter(1, ((Number) r[0]).longValue())
                    .setParameter(2, ((Number) r[1]).longValue()).setParameter(3, runId).setParameter(4, due).executeUpdate();
            em.createNativeQuery("update invoice set due_date = ?2 where id = ?1").setParameter(1, ((Number) r[0]).longValue())
                    .setParameter(2, due).executeUpdate();
        }
        return rows.size();
    }

    /** The runs of régies that collect by direct debit with at least one debit, latest first (any agent). */
    public List<Run> runs(SignedInUser agent) {
        StaffRoles.requireAgent(agent);
        @SuppressWarnings("unchecked")
        // the amount: the file's once made (what the bank is asked), else what is left on the debits still planned
        List<Object[]> rows = em.createNativeQuery("select b.id, r.code, r.label, b.period_start, count(d.id),"
                + " coalesce((select f.total_cents from sepa_file f where f.billing_run_id = b.id and f.withdrawn_at is null),"
                + " sum(i.total_cents - ("
                + FamilyAccount.settledSql() + ")) filter (where d.state = 'PLANNED'), 0),"
                + " (select f.id from sepa_file f where f.billing_run_id = b.id and f.withdrawn_at is null),"
                + " count(d.id) filter (where d.state = 'REJECTED') from billing_run b join regie r on r.id = b.regie_id"
                + " join sepa_debit d on d.billing_run_id = b.id join invoice i on i.id = d.invoice_id"
                + " group by b.id, r.code, r.label, b.period_start order by b.period_start desc, b.id desc limit 100").getResultList();
        return rows.stream().map(r -> new Run(((Number) r[0]).longValue(), (String) r[1], (String) r[2], Mandates.date(r[3]),
                ((Number) r[4]).intValue(), ((Number) r[5]).longValue(), r[6] == null ? null : ((Number) r[6]).longValue(),
                ((Number) r[7]).intValue())).toList();
    }

    /** The debits of a run, by invoice number (any agent). */
    public List<Debit> debits(SignedInUser agent, long runId) {
        StaffRoles.requireAgent(agent);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.id, i.id, i.number, f.label, m.rum, coalesce(d.collection_date, d.due_date),"
                + " d.state, d.sequence_type, d.amount_cents, d.reject_code, d.reject_label from sepa_debit d"
                + " join invoice i on i.id = d.invoice_id"
                + " join family f on f.id = i.family_id join sepa_mandate m on m.id = d.mandate_id where d.billing_run_id = ?1"
                + " order by i.sequence").setParameter(1, runId).getResultList();
        return rows.stream().map(r -> new Debit(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], (String) r[4], Mandates.date(r[5]), (String) r[6], (String) r[7],
                r[8] == null ? null : ((Number) r[8]).longValue(), (String) r[9], (String) r[10])).toList();
    }

    /**
     * The run's pain.008 file (régisseur): made at the first call — each planned debit of what is left to pay on its
     * invoice recorded as a {@code PRELEVEMENT} payment dated on its collection date, FRST for a mandate never
     * collected (a rejected debit does not count), else RCUR —, the same bytes afterwards.
     *
     * @return the file, or {@link File#NOTHING_LEFT} when every invoice of the run was paid meanwhile
     * @throws Refused when the run has nothing to debit
     */
    public File file(SignedInUser regisseur, long runId) {
        StaffRoles.requireRegisseur(regisseur);
        SepaRegie creditor = SepaRegie.of(em, "r.id = (select regie_id from billing_run where id = ?1)", runId);
        if (creditor == null) {
            throw new Refused(Refused.text("billing.sepa.noDebits"));
        }
        // one file per run even when two régisseurs click at once: the run's row is locked first
        em.createNativeQuery("select id from billing_run where id = ?1 for update").setParameter(1, runId).getResultList();
        File made = stored(runId);
        if (made != null) {
            return made;
        }
        Message problem = SepaRules.icsProblem(creditor.ics());
        if (problem == null) {
            problem = SepaRules.ibanProblem(creditor.sepa().iban());
        }
        if (problem != null) {
            throw new Refused(Refused.text("billing.sepa.creditorToFix", problem));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.id, i.id, i.number, i.family_id, d.due_date, m.id, m.rum, m.signed_on,"
                + " m.debtor_name, m.iban, m.bic, i.period_start, exists (select 1 from sepa_debit p where p.mandate_id = m.id"
                + " and p.state = 'SENT' and p.id <> d.id) from sepa_debit d join invoice i on i.id = d.invoice_id"
                + " join sepa_mandate m on m.id = d.mandate_id where d.billing_run_id = ?1 and d.state = 'PLANNED'"
                // a revocation under way waits for the file, or the file for it: never a debit sent on a mandate revoked
                + " and m.revoked_at is null order by i.sequence for update of d, m").setParameter(1, runId).getResultList();
        // the open invoices of every family debited, locked at once in id order — as the counter, a credit note or a
        // reminder's credit lock a family's (Books: invoices by id, then the credit, then the régie's counter) —, before
        // the first payment below takes the régie's counter: one by one, a family's older invoice paid at the counter
        // meanwhile deadlocked with the file
        em.createNativeQuery("select i.id from invoice i where i.regie_id = ?2 and i.kind = 'INVOICE' and i.state = 'ISSUED'"
                + " and i.family_id in (select v.family_id from sepa_debit d join invoice v on v.id = d.invoice_id"
                + " where d.billing_run_id = ?1 and d.state = 'PLANNED') order by i.id for update")
                .setParameter(1, runId).setParameter(2, creditor.regieId()).getResultList();
        LocalDate today = PlatformTime.today();
        List<Pain008.Transaction> transactions = new ArrayList<>();
        Map<Long, Object[]> sent = new LinkedHashMap<>();
        int skipped = 0;
        for (Object[] r : rows) {
            long debit = ((Number) r[0]).longValue();
            long invoice = ((Number) r[1]).longValue();
            // the invoice locked above with its family's others: what is left read once, debited once
            long left = ((Number) em.createNativeQuery("select i.total_cents - (" + FamilyAccount.settledSql() + ") from invoice i"
                    + " where i.id = ?1 and i.state = 'ISSUED'").setParameter(1, invoice).getResultList().stream()
                    .findFirst().orElse(0L)).longValue();
            if (left > 0 && !em.createNativeQuery("select 1 from online_payment where invoice_id = ?1 and state = 'PENDING'")
                    .setParameter(1, invoice).getResultList().isEmpty()) {
                // the parent is paying it by card at this moment: a run has one file, so the file waits for the card
                // payment's end (paid, refused or expired within minutes) rather than leave this debit never collected
                throw new Refused(Refused.text("billing.sepa.cardPending", r[2]));
            }
            if (SepaRules.sepaText((String) r[8], 70).isEmpty()) {
                // a mandate signed before names were checked: the bank would refuse the whole file
                throw new Refused(Refused.text("billing.sepa.debtorUnwritable", r[6], r[2]));
            }
            if (left > 0 && !em.createNativeQuery("select 1 from invoice i where i.id = ?1 and "
                    + fr.portailfamille.platform.payment.OnlinePaymentDesk.ANOMALY_TO_CHECK).setParameter(1, invoice)
                    .getResultList().isEmpty()) {
                // an online payment of it in anomaly, not checked yet: the card may have been debited; not debited twice
                left = 0;
            }
            if (left <= 0) {
                em.createNativeQuery("update sepa_debit set state = 'SKIPPED' where id = ?1").setParameter(1, debit).executeUpdate();
                skipped++;
                continue;
            }
            SepaRules.Sequence sequence = SepaRules.sequence((Boolean) r[12]);
            LocalDate collection = SepaRules.collectionDate(Mandates.date(r[4]), today);
            transactions.add(new Pain008.Transaction((String) r[2], left, (String) r[6], Mandates.date(r[7]), sequence, collection,
                    (String) r[8], (String) r[9], (String) r[10], "Facture " + r[2] + " " + creditor.regieLabel()));
            sent.put(debit, new Object[] {invoice, ((Number) r[3]).longValue(), left, collection, sequence, r[8]});
        }
        if (transactions.isEmpty() && skipped > 0) {
            // every invoice paid meanwhile (at the counter, by card): its debits skipped and kept so — refused, the run
            // rolled back and stayed "to debit" for good, its families reading "Prélevé le …" on paid invoices
            return File.NOTHING_LEFT;
        }
        if (transactions.isEmpty()) {
            throw new Refused(Refused.text("billing.sepa.nothingToDebit"));
        }
        // a run's file made again after one withdrawn: its own message id (a bank refuses one it has seen)
        long before = ((Number) em.createNativeQuery("select count(*) from sepa_file where billing_run_id = ?1")
                .setParameter(1, runId).getSingleResult()).longValue();
        String messageId = "PF-" + creditor.regieCode().replaceAll("[^A-Za-z0-9]", "-") + "-RUN-" + runId
                + (before == 0 ? "" : "-" + (before + 1));
        byte[] content = Pain008.write(messageId, PlatformTime.now(),
                new Pain008.Creditor(creditor.ics(), creditor.name(), creditor.sepa().iban(), creditor.sepa().bic()), transactions);
        long total = transactions.stream().mapToLong(Pain008.Transaction::amountCents).sum();
        long fileId = ((Number) em.createNativeQuery("insert into sepa_file (regie_id, billing_run_id, message_id, transactions,"
                + " total_cents, content, created_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) returning id")
                .setParameter(1, creditor.regieId()).setParameter(2, runId).setParameter(3, messageId)
                .setParameter(4, transactions.size()).setParameter(5, total).setParameter(6, content)
                .setParameter(7, Mandates.cut(regisseur.email())).getSingleResult()).longValue();
        for (Map.Entry<Long, Object[]> e : sent.entrySet()) {
            Object[] s = e.getValue();
            PaymentDesk.Recorded payment = desk.recordDirectDebit(regisseur.email(), (Long) s[1], creditor.regieCode(), (Long) s[0],
                    (Long) s[2], (LocalDate) s[3], (String) s[5]);
            em.createNativeQuery("update sepa_debit set state = 'SENT', sequence_type = ?2, amount_cents = ?3, collection_date = ?4,"
                    + " sepa_file_id = ?5, payment_id = ?6 where id = ?1").setParameter(1, e.getKey())
                    .setParameter(2, ((SepaRules.Sequence) s[4]).name()).setParameter(3, (Long) s[2]).setParameter(4, (LocalDate) s[3])
                    .setParameter(5, fileId).setParameter(6, payment.paymentId()).executeUpdate();
        }
        desk.audit(regisseur.email(), "SEPA_FILE", creditor.regieId(), 0L, null, null, total, "Fichier de prélèvements " + messageId
                + " : " + transactions.size() + " prélèvement(s), " + Money.format(total));
        return stored(runId);
    }

    /**
     * Records the bank's reject of a debit sent (régisseur), with its ISO reason code: the debit's payment is
     * cancelled (the invoice is open again), the reason is kept for the family, who is mailed.
     */
    public void reject(SignedInUser regisseur, long debitId, String reasonCode) {
        StaffRoles.requireRegisseur(regisseur);
        if (!RejectReason.known(reasonCode)) {
            throw new Refused("reason", Refused.text("billing.sepa.reject.reasonRequired"));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.state, d.payment_id, i.number, f.email, coalesce(d.collection_date,"
                + " d.due_date), d.amount_cents, r.label, d.mandate_id, i.family_id, i.regie_id from sepa_debit d"
                + " join invoice i on i.id = d.invoice_id"
                + " join family f on f.id = i.family_id join regie r on r.id = i.regie_id where d.id = ?1 for update of d")
                .setParameter(1, debitId).getResultList();
        if (rows.isEmpty()) {
            throw new Refused("reason", Refused.text("billing.sepa.debit.notFound"));
        }
        Object[] d = rows.get(0);
        if (!"SENT".equals(d[0])) {
            throw new Refused("reason", Refused.text("REJECTED".equals(d[0]) ? "billing.sepa.reject.already"
                    : "billing.sepa.reject.notSent"));
        }
        String label = RejectReason.label(reasonCode);
        // the debit marked first: its payment is then no longer a debit under way, which the counter's cancel refuses
        em.createNativeQuery("update sepa_debit set state = 'REJECTED', reject_code = ?2, reject_label = ?3, rejected_at = now(),"
                + " rejected_by = ?4 where id = ?1").setParameter(1, debitId).setParameter(2, reasonCode).setParameter(3, label)
                .setParameter(4, Mandates.cut(regisseur.email())).executeUpdate();
        desk.cancel(regisseur, ((Number) d[1]).longValue(), "Prélèvement rejeté par la banque : " + label);
        // an account wrong, closed or blocked, a mandate unknown at the bank, a holder deceased: the mandate is ended (its
        // next debits would be rejected again, with fees) and the family asked for a new one
        boolean ended = RejectReason.endsMandate(reasonCode) && em.createNativeQuery("update sepa_mandate set revoked_at = now(),"
                + " revoked_by = ?2 where id = ?1 and revoked_at is null").setParameter(1, ((Number) d[7]).longValue())
                .setParameter(2, Mandates.cut("Rejet bancaire " + reasonCode + " : " + regisseur.email())).executeUpdate() > 0;
        if (ended) {
            @SuppressWarnings("unchecked")
            List<String> skipped = em.createNativeQuery("update sepa_debit d set state = 'SKIPPED' from invoice i"
                    + " where i.id = d.invoice_id and d.mandate_id = ?1 and d.state = 'PLANNED' returning i.number")
                    .setParameter(1, ((Number) d[7]).longValue()).getResultList();
            desk.audit(Mandates.cut(regisseur.email()), "SEPA_MANDATE_REVOKED", ((Number) d[9]).longValue(),
                    ((Number) d[8]).longValue(), null, null, null, "Mandat arrêté après le rejet " + label
                            + (skipped.isEmpty() ? "" : " ; prélèvements prévus annulés : "
                            + String.join(", ", skipped.stream().sorted().toList())));
        }
        String email = (String) d[3];
        if (email != null && !email.isBlank()) {
            mails.send(email, "Prélèvement rejeté : facture " + d[2] + " à régler",
                    "Le prélèvement de " + Money.format(((Number) d[5]).longValue()) + " du " + BillingDates.text(Mandates.date(d[4]))
                            + " pour la facture " + d[2] + " (" + d[6] + ") a été rejeté par votre banque.\n"
                            + "Motif : " + label + ".\n\n"
                            + "La facture est de nouveau à payer : réglez-la depuis « Mes factures » ou auprès de la régie,"
                            + (ended ? " puis signez un nouveau mandat de prélèvement avec vos coordonnées bancaires à jour :"
                            + " celui-ci n'est plus utilisé." : " et vérifiez votre mandat de prélèvement."),
                    "/espace/factures.xhtml");
        }
    }

    /**
     * Withdraws run {@code runId}'s file (régisseur), which the bank did not collect — refused whole, or never sent: its
     * debits are planned again (their payments cancelled, the invoices due again, « prélevée le … » kept), no family is
     * mailed, the file stays in the régie's journal with who withdrew it and why; the next file made for the run gets a
     * fresh collection date and its own message id; a debit whose mandate the family revoked since goes to its new
     * mandate, or is skipped. Refused once the bank rejected a debit of it (it processed the file).
     */
    public void withdraw(SignedInUser regisseur, long runId, String reason) {
        StaffRoles.requireRegisseur(regisseur);
        String why = Refused.requiredReason("withdrawReason", reason, "billing.sepa.withdraw.reasonRequired");
        // the run's row first, as making its file locks it: a file being made waits, or is seen made
        em.createNativeQuery("select id from billing_run where id = ?1 for update").setParameter(1, runId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> files = em.createNativeQuery("select id, message_id, regie_id from sepa_file where billing_run_id = ?1"
                + " and withdrawn_at is null for update").setParameter(1, runId).getResultList();
        if (files.isEmpty()) {
            throw new Refused("withdrawReason", Refused.text("billing.sepa.withdraw.noFile"));
        }
        long fileId = ((Number) files.get(0)[0]).longValue();
        if (!em.createNativeQuery("select 1 from sepa_debit where sepa_file_id = ?1 and state = 'REJECTED'")
                .setParameter(1, fileId).getResultList().isEmpty()) {
            throw new Refused("withdrawReason", Refused.text("billing.sepa.withdraw.rejected", files.get(0)[1]));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> sent = em.createNativeQuery("select id, payment_id from sepa_debit where sepa_file_id = ?1"
                + " and state = 'SENT' order by id for update").setParameter(1, fileId).getResultList();
        // each payment's cancellation names the file before the reason, within a reason's length (the whole reason is
        // the file's: a reason the field took was refused at the top of the page, its message saying it fits)
        String named = "Fichier de prélèvements " + files.get(0)[1] + " retiré : ";
        int room = TextLimits.REASON - named.length();
        String cancelReason = named + (why.length() <= room ? why : why.substring(0, room - 1) + "…");
        int skipped = 0;
        for (Object[] d : sent) {
            // the debit planned again first: its payment is then no longer a debit sent, which a cancellation refuses. On
            // a mandate the family revoked since (debits sent stayed), it goes to the family's mandate signed since, as a
            // signature takes the debits a revocation left; without one it is skipped, as a revocation does: the invoice
            // is paid another way (reminded, no « prélevée le » on a date no file will keep)
            String state = (String) em.createNativeQuery("update sepa_debit d set state = case when m.revoked_at is null"
                    + " or a.id is not null then 'PLANNED' else 'SKIPPED' end, mandate_id = case when m.revoked_at is null"
                    + " then m.id else coalesce(a.id, m.id) end, sequence_type = null, amount_cents = null, collection_date = null,"
                    + " sepa_file_id = null, payment_id = null from sepa_mandate m left join sepa_mandate a on a.family_id"
                    + " = m.family_id and a.regie_id = m.regie_id and a.revoked_at is null where m.id = d.mandate_id and d.id = ?1"
                    + " returning d.state").setParameter(1, ((Number) d[0]).longValue()).getSingleResult();
            skipped += "SKIPPED".equals(state) ? 1 : 0;
            desk.cancel(regisseur, ((Number) d[1]).longValue(), cancelReason);
        }
        em.createNativeQuery("update sepa_file set withdrawn_at = now(), withdrawn_by = ?2, withdrawn_reason = ?3 where id = ?1")
                .setParameter(1, fileId).setParameter(2, Mandates.cut(regisseur.email())).setParameter(3, why).executeUpdate();
        desk.audit(regisseur.email(), "SEPA_FILE_WITHDRAWN", ((Number) files.get(0)[2]).longValue(), 0L, null, null, null,
                "Fichier de prélèvements " + files.get(0)[1] + " retiré : " + why + " ; " + (sent.size() - skipped)
                        + " prélèvement(s) de nouveau prévus" + (skipped == 0 ? ""
                        : ", " + skipped + " annulé(s) (mandat révoqué depuis)"));
    }

    /**
     * What a debited invoice's family reads of its debit: debited on {@code day}, or rejected by the bank
     * ({@code rejectCode}, its reason as recorded, in French: {@code rejectLabel}).
     */
    public record DebitNote(LocalDate day, String rejectCode, String rejectLabel) {

        public boolean rejected() {
            return rejectCode != null;
        }
    }

    /** The notes of the family's debited invoices, by invoice id (the parent or an agent). */
    public Map<Long, DebitNote> notes(SignedInUser user, Long familyId) {
        Long family = account.familyFor(user, familyId);
        Map<Long, DebitNote> notes = new LinkedHashMap<>();
        if (family == null) {
            return notes;
        }
        @SuppressWarnings("unchecked")
        // a debit not sent yet is no news once the invoice was settled otherwise (credit, card, counter): the file will
        // skip it
        List<Object[]> rows = em.createNativeQuery("select d.invoice_id, d.state, coalesce(d.collection_date, d.due_date),"
                + " d.reject_code, d.reject_label from sepa_debit d join invoice i on i.id = d.invoice_id"
                + " where i.family_id = ?1 and d.state <> 'SKIPPED' and (d.state <> 'PLANNED' or " + FamilyAccount.STILL_DUE + ")")
                .setParameter(1, family).getResultList();
        for (Object[] r : rows) {
            boolean rejected = "REJECTED".equals(r[1]);
            notes.put(((Number) r[0]).longValue(), new DebitNote(Mandates.date(r[2]), rejected ? (String) r[3] : null,
                    rejected ? (String) r[4] : null));
        }
        return notes;
    }

    /**
     * The pain.008 file of run {@code runId} if it was made ({@link #file}), else {@code null}: downloading it again
     * changes nothing (régisseurs only).
     */
    public File made(SignedInUser regisseur, long runId) {
        StaffRoles.requireRegisseur(regisseur);
        return stored(runId);
    }

    private File stored(long runId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select message_id, content, transactions, total_cents from sepa_file"
                + " where billing_run_id = ?1 and withdrawn_at is null").setParameter(1, runId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new File(r[0] + ".xml", (byte[]) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).longValue());
    }
}
