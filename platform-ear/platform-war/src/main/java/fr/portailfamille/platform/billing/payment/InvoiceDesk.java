package fr.portailfamille.platform.billing.payment;

import fr.portailfamille.billing.Money;
import fr.portailfamille.problems.Problems;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.BilledService;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.InvoiceWriter;
import fr.portailfamille.platform.billing.PaymentModes;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An invoice as agents follow it (any agent reads): its lines with what credit notes already credited,
 * the payments allocated to it, its credit notes, the credit used on it, its reminders and titre; and a
 * régisseur's corrections: a credit note by lines (days of a line at its unit price) or by amount, a
 * titre de recettes handed to the Trésorerie (ORMC number), after which the counter takes no payment.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class InvoiceDesk {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyAccount account;

    @Inject
    InvoiceWriter writer;

    @Inject
    PaymentDesk payments;

    /** A line of the invoice and how many of its days credit notes credited. */
    public record Line(long id, String childName, String activity, String unit, int quantity, long unitPriceCents,
            long amountCents, String label, int creditedQuantity, String service) {
        /** What the line bills ("Restauration scolaire – Midi", {@link BilledService}); null for a line of no activity. */
        public String getService() { return service; }
        public long getId() { return id; }
        public String getChildName() { return childName; }
        public String getActivity() { return activity; }
        public String getUnit() { return unit; }
        public int getQuantity() { return quantity; }
        public long getUnitPriceCents() { return unitPriceCents; }
        public long getAmountCents() { return amountCents; }
        public String getLabel() { return label; }
        public int getCreditedQuantity() { return creditedQuantity; }
        public int getCreditable() { return quantity - creditedQuantity; }
    }

    /** A movement that settled (or no longer settles) the invoice: a payment's allocation, a credit note or credit used. */
    public record Settling(LocalDate on, Message what, String reference, long amountCents, boolean cancelled, Long paymentId) {
        public LocalDate getOn() { return on; }
        /** What settled it, in the reader's language (a credit's label as recorded). */
        public Message getWhat() { return what; }
        public String getReference() { return reference; }
        public long getAmountCents() { return amountCents; }
        public boolean isCancelled() { return cancelled; }
        public Long getPaymentId() { return paymentId; }
    }

    /** A reminder sent. */
    public record Reminder(int level, LocalDate sentOn, String sentBy) {
        public int getLevel() { return level; }
        public LocalDate getSentOn() { return sentOn; }
        public String getSentBy() { return sentBy; }
    }

    /** Everything the invoice page shows. */
    public record Detail(AccountInvoice invoice, String familyLabel, List<Line> lines, List<Settling> settlings,
            List<AccountInvoice> creditNotes, List<Reminder> reminders, LocalDate titreOn, long familyCreditCents) {
        public AccountInvoice getInvoice() { return invoice; }
        public String getFamilyLabel() { return familyLabel; }
        public List<Line> getLines() { return lines; }
        public List<Settling> getSettlings() { return settlings; }
        public List<AccountInvoice> getCreditNotes() { return creditNotes; }
        public List<Reminder> getReminders() { return reminders; }
        public LocalDate getTitreOn() { return titreOn; }
        public long getFamilyCreditCents() { return familyCreditCents; }
    }

    /** "Paiement (Chèque) n° 1234567 — annulé : chèque sans provision", in any language. */
    static Message payment(String mode, String chequeNumber, String cancelReason) {
        return Message.written(l -> Problems.of("billing.settling.payment", PaymentModes.text(mode).in(l)).in(l)
                + (chequeNumber == null ? "" : " " + Problems.of("billing.settling.number", chequeNumber).in(l))
                + (cancelReason == null ? "" : " — " + Problems.of("billing.settling.cancelled", cancelReason).in(l)));
    }

    /** The invoice page of {@code invoiceId} (any agent of the commune). */
    public Detail detail(SignedInUser user, long invoiceId) {
        StaffRoles.requireAgent(user);
        AccountInvoice invoice = account.invoice(user, invoiceId);
        Object[] head = (Object[]) em.createNativeQuery("select f.label, cast(i.titre_at at time zone " + PlatformTime.SQL_ZONE + " as date),"
                + " i.regie_id from invoice i join family f on f.id = i.family_id where i.id = ?1").setParameter(1, invoiceId)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> lines = em.createNativeQuery("select l.id, l.child_name, l.activity_code, l.unit_code, l.quantity,"
                + " l.unit_price_cents, l.amount_cents, l.label, " + FamilyAccount.creditedSql("quantity") + ", "
                + BilledService.AS_ISSUED + " from invoice_line l" + BilledService.JOINS
                + " where l.invoice_id = ?1 order by l.position")
                .setParameter(1, invoiceId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> payments = em.createNativeQuery("select p.received_on, p.mode, p.cheque_number, p.receipt_number,"
                + " a.amount_cents, p.cancelled_at is not null, p.id, p.cancel_reason from payment_allocation a"
                + " join payment p on p.id = a.payment_id where a.invoice_id = ?1 order by p.received_on, p.id")
                .setParameter(1, invoiceId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> credits = em.createNativeQuery("select cast(at at time zone " + PlatformTime.SQL_ZONE + " as date), label, -amount_cents"
                // with the credit taken back from an invoice (its overpayment's payment cancelled): negative here
                + " from account_credit c where invoice_id = ?1 and (amount_cents < 0 or exists (select 1 from invoice i"
                + " where i.id = c.invoice_id and i.kind = 'INVOICE')) order by at, id").setParameter(1, invoiceId)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> reminders = em.createNativeQuery("select level, cast(sent_at at time zone " + PlatformTime.SQL_ZONE + " as date), sent_by"
                + " from invoice_reminder where invoice_id = ?1 order by level").setParameter(1, invoiceId).getResultList();
        List<Settling> settlings = new java.util.ArrayList<>();
        payments.forEach(p -> settlings.add(new Settling(PaymentDesk.date(p[0]), payment((String) p[1], (String) p[2],
                (String) p[7]), (String) p[3], ((Number) p[4]).longValue(), (Boolean) p[5], ((Number) p[6]).longValue())));
        credits.forEach(c -> settlings.add(new Settling(PaymentDesk.date(c[0]), Message.literal((String) c[1]), null,
                ((Number) c[2]).longValue(), false, null)));
        List<AccountInvoice> notes = account.invoices(user, invoice.familyId()).stream()
                .filter(n -> invoice.number().equals(n.creditNoteOf()) && n.regieCode().equals(invoice.regieCode())).toList();
        long credit = Books.credit(em, invoice.familyId(), ((Number) head[2]).longValue());
        return new Detail(invoice, (String) head[0], lines.stream().map(l -> new Line(((Number) l[0]).longValue(), (String) l[1],
                (String) l[2], (String) l[3], ((Number) l[4]).intValue(), ((Number) l[5]).longValue(), ((Number) l[6]).longValue(),
                (String) l[7], ((Number) l[8]).intValue(), (String) l[9])).toList(), settlings, notes,
                reminders.stream().map(r -> new Reminder(((Number) r[0]).intValue(), PaymentDesk.date(r[1]), (String) r[2])).toList(),
                PaymentDesk.date(head[1]), credit);
    }

    /**
     * A credit note on the invoice (régisseur): of {@code days} of its lines (line id → days, each at its
     * unit price) when any is given, otherwise of {@code amountCents}; with its reason. What the invoice no longer
     * owes then pays the family's other open invoices of the régie ({@link PaymentDesk#applyCredit}).
     *
     * @return the credit note's id
     */
    public long creditNote(SignedInUser user, long invoiceId, Map<Long, Integer> days, Long amountCents, String reason) {
        StaffRoles.requireRegisseur(user);
        String why = Refused.requiredReason("reason", reason, "billing.creditNote.reasonRequired");
        boolean byLines = days != null && days.values().stream().anyMatch(d -> d != null && d != 0);
        if (!byLines && (amountCents == null || amountCents <= 0)) {
            throw new Refused("amount", Refused.text("billing.creditNote.daysOrAmount"));
        }
        long note = byLines ? writer.creditNote(invoiceId, days, why, user.email())
                : writer.creditNote(invoiceId, amountCents, why, user.email());
        // what the invoice no longer owes is the family's credit with the régie: it pays the family's other open invoices
        // at once, as it does before a reminder or a titre (else Accueil and « Payer » asked for money the relevé says
        // the family does not owe)
        Object[] of = (Object[]) em.createNativeQuery("select family_id, regie_id from invoice where id = ?1")
                .setParameter(1, note).getSingleResult();
        payments.applyCredit(((Number) of[0]).longValue(), ((Number) of[1]).longValue(), user.email());
        return note;
    }

    /**
     * Marks the invoice as handed to the Trésorerie as a titre de recettes n° {@code ormc} of {@code on}
     * (régisseur): from then on the counter takes no payment or credit on it.
     *
     * @return the titre made; {@code null} when the family's credit with the régie paid what was left (applied, kept):
     *         no titre is sent for it
     */
    public Settled markTitre(SignedInUser user, long invoiceId, String ormc, LocalDate on) {
        StaffRoles.requireRegisseur(user);
        String number = ormc == null || ormc.isBlank() ? null : ormc.strip();
        if (number == null) {
            throw new Refused("ormc", Refused.text("billing.titre.numberRequired"));
        }
        if (number.length() > 40) {
            throw new Refused("ormc", Books.tooLong(Refused.text("billing.what.titreNumber"), 40));
        }
        if (on == null) {
            throw new Refused("titreOn", Refused.text("billing.titre.dateRequired"));
        }
        if (on.isAfter(PlatformTime.today())) {
            throw new Refused("titreOn", Refused.text("billing.titre.dateFuture"));
        }
        // locked in the books' order (the family's open invoices of the régie by id, then its credit: Books), as a counter
        // payment or the reminders lock them, before this one is read again locked: never the one waiting for the other
        @SuppressWarnings("unchecked")
        List<Object[]> owner = em.createNativeQuery("select family_id, regie_id from invoice where id = ?1")
                .setParameter(1, invoiceId).getResultList();
        if (!owner.isEmpty()) {
            payments.open(((Number) owner.get(0)[0]).longValue(), ((Number) owner.get(0)[1]).longValue(), true);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select regie_id, family_id, number, kind, state, titre_number,"
                + " cast(issued_at at time zone " + PlatformTime.SQL_ZONE + " as date) from invoice"
                + " where id = ?1 for update").setParameter(1, invoiceId).getResultList();
        if (rows.isEmpty()) {
            throw new Refused("ormc", Refused.text("billing.invoice.notFound"));
        }
        Object[] i = rows.get(0);
        Message refusal = Books.notPayable((String) i[2], (String) i[3], (String) i[4], (String) i[5]);
        if (refusal != null) {
            throw new Refused("ormc", refusal);
        }
        LocalDate issued = i[6] == null ? null : ((java.sql.Date) i[6]).toLocalDate();
        if (issued != null && on.isBefore(issued)) {
            // a typing slip: the titre would be dated before its invoice, in another school year's relevé
            throw new Refused("titreOn", Refused.text("billing.titre.beforeInvoice", i[2], BillingDates.text(issued)));
        }
        // the family's credit with the régie pays what it can first: never sent to the Trésorerie for what it covers
        payments.applyCredit(((Number) i[1]).longValue(), ((Number) i[0]).longValue(), user.email());
        long outstanding = ((Number) em.createNativeQuery("select i.total_cents - (" + FamilyAccount.settledSql()
                + ") from invoice i where i.id = ?1").setParameter(1, invoiceId).getSingleResult()).longValue();
        if (outstanding <= 0) {
            // paid by the credit just applied: kept (refused, the rollback undid the credit's payment, and the invoice stayed
            // unpaid on Impayés and Accueil while the family held the credit)
            return null;
        }
        // a card payment started on it (before this invoice's lock) would be paid to the régie while the Trésorerie
        // collects the titre: the family would pay twice; it ends within minutes (paid, refused or expired)
        if (((Number) em.createNativeQuery("select count(*) from online_payment where invoice_id = ?1 and state = 'PENDING'")
                .setParameter(1, invoiceId).getSingleResult()).longValue() > 0) {
            throw new Refused("ormc", Refused.text("billing.titre.onlinePending", i[2]));
        }
        // an online payment PayFiP reported in anomaly (another amount: the card may have been charged), not checked yet
        // by the régie: the Trésorerie would collect what the card may have paid
        if (((Number) em.createNativeQuery("select count(*) from online_payment where invoice_id = ?1 and state = 'ANOMALY'"
                + " and checked_at is null").setParameter(1, invoiceId).getSingleResult()).longValue() > 0) {
            throw new Refused("ormc", Refused.text("billing.titre.onlineAnomaly", i[2]));
        }
        em.createNativeQuery("update invoice set state = 'TITRE_EMIS', titre_number = ?2,"
                + " titre_at = cast(?3 as timestamp) at time zone " + PlatformTime.SQL_ZONE + " where id = ?1")
                .setParameter(1, invoiceId).setParameter(2, number).setParameter(3, on.atStartOfDay()).executeUpdate();
        Books.audit(em, user.email(), "TITRE_EMIS", ((Number) i[0]).longValue(), ((Number) i[1]).longValue(), invoiceId, null,
                outstanding, "Facture " + i[2] + " transmise à la Trésorerie : titre n° " + number + " du " + on + ", reste "
                        + Money.format(outstanding));
        return new Settled(number, outstanding);
    }

    /** A titre de recettes made: its number and what it asks the Trésorerie to collect. */
    public record Settled(String number, long outstandingCents) {
    }
}
