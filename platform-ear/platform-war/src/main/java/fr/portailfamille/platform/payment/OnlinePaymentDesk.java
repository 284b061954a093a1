package fr.portailfamille.platform.payment;

import fr.portailfamille.platform.billing.payment.PaymentDesk;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The régisseurs' view of the commune's online payments: each with its date, family, invoice, amount, state (pending,
 * paid, refused, abandoned, expired, in anomaly) and PayFiP's operation id, latest first, filtered by state. For the
 * {@code regisseur} role only (checked here).
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class OnlinePaymentDesk {

    /** How many online payments the page lists at most (the latest). */
    static final int LIMIT = 2000;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    PaymentDesk desk;

    /** An online payment as the régisseur's table shows it ({@code invoiceId} 0, no number: a porte-monnaie top-up). */
    public record Row(long id, LocalDateTime createdAt, long familyId, String familyLabel, long invoiceId, String invoiceNumber,
            String regieLabel, long amountCents, OnlineState state, String operationId, String anomaly, String checkedNote) {
        public long getId() { return id; }
        public LocalDateTime getCreatedAt() { return createdAt; }
        public long getFamilyId() { return familyId; }
        public String getFamilyLabel() { return familyLabel; }
        public long getInvoiceId() { return invoiceId; }
        public String getInvoiceNumber() { return invoiceNumber; }
        public String getRegieLabel() { return regieLabel; }
        public long getAmountCents() { return amountCents; }
        public OnlineState getState() { return state; }
        public String getStateName() { return state.name(); }
        public String getOperationId() { return operationId; }
        public String getAnomaly() { return anomaly; }
        public boolean isTopUp() { return invoiceId == 0; }
        /** What the régie found, once it checked the anomaly ("Trésorerie : aucun débit de la carte"), else null. */
        public String getCheckedNote() { return checkedNote; }
        /** An anomaly the régie has not checked yet: its invoice may not be paid again meanwhile. */
        public boolean isToCheck() { return state == OnlineState.ANOMALY && checkedNote == null; }
    }

    /** The longest note a régisseur writes when checking an anomaly ({@code online_payment.checked_note}). */
    public static final int NOTE_MAX = 300;

    /**
     * Marks online payment {@code id}'s anomaly checked, with what the régie found (with the Trésorerie: the card was
     * debited, and the payment recorded at the counter; or nothing was taken): its invoice may be paid again, online and
     * by the SEPA file. Audited in the régie's journal. One transaction.
     *
     * @throws SecurityException for anyone but a régisseur of the commune
     * @throws Refused without a note, with one too long, for a payment not in anomaly or checked already
     */
    public void checkAnomaly(SignedInUser user, long id, String note) {
        StaffRoles.requireRegisseur(user);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new Refused("note", Refused.text("payment.anomaly.noteRequired"));
        }
        if (text.length() > NOTE_MAX) {
            throw new Refused("note", Refused.text("payment.anomaly.noteTooLong", NOTE_MAX));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select o.state, o.checked_at, o.regie_id, o.family_id, o.invoice_id,"
                + " o.amount_cents, o.id_op from online_payment o where o.id = ?1 for update").setParameter(1, id).getResultList();
        if (rows.isEmpty() || !OnlineState.ANOMALY.name().equals(rows.get(0)[0]) || rows.get(0)[1] != null) {
            throw new Refused(Refused.text("payment.anomaly.notToCheck"));
        }
        Object[] r = rows.get(0);
        em.createNativeQuery("update online_payment set checked_at = now(), checked_by = ?2, checked_note = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, user.email()).setParameter(3, text).executeUpdate();
        desk.audit(user.email(), "ONLINE_PAYMENT_CHECKED", ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                r[4] == null ? null : ((Number) r[4]).longValue(), null, ((Number) r[5]).longValue(),
                "Anomalie du paiement en ligne " + r[6] + " vérifiée : " + text);
    }

    /**
     * The condition, in SQL over an invoice aliased {@code i}, that an online payment of it is in anomaly and not yet
     * checked by the régie: paying it again could take the money twice.
     */
    public static final String ANOMALY_TO_CHECK = fr.portailfamille.platform.billing.payment.PaymentDesk.ANOMALY_TO_CHECK;

    /**
     * The commune's online payments, latest first ({@value #LIMIT} at most), in {@code state} only when given.
     *
     * @throws SecurityException for anyone but a régisseur of the commune
     */
    public List<Row> payments(SignedInUser user, OnlineState state) {
        StaffRoles.requireRegisseur(user);
        @SuppressWarnings("unchecked")
        // a porte-monnaie top-up has no invoice (invoice_id null): listed all the same, its anomalies above all
        List<Object[]> rows = em.createNativeQuery("select o.id, o.created_at, o.family_id, f.label, coalesce(o.invoice_id, 0),"
                + " i.number, r.label, o.amount_cents, o.state, o.id_op, o.anomaly, o.checked_note from online_payment o"
                + " join family f on f.id = o.family_id left join invoice i on i.id = o.invoice_id join regie r on r.id = o.regie_id"
                + " where (cast(?1 as text) is null or o.state = cast(?1 as text)) order by o.created_at desc, o.id desc limit "
                + LIMIT).setParameter(1, state == null ? null : state.name()).getResultList();
        return rows.stream().map(r -> new Row(((Number) r[0]).longValue(), local(r[1]), ((Number) r[2]).longValue(),
                (String) r[3], ((Number) r[4]).longValue(), (String) r[5], (String) r[6], ((Number) r[7]).longValue(),
                OnlineState.valueOf((String) r[8]), (String) r[9], (String) r[10], (String) r[11])).toList();
    }

    private static LocalDateTime local(Object value) {
        if (value instanceof OffsetDateTime o) {
            return PlatformTime.local(o);
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atZone(PlatformTime.ZONE).toLocalDateTime();
        }
        if (value instanceof java.time.Instant i) {
            return i.atZone(PlatformTime.ZONE).toLocalDateTime();
        }
        return (LocalDateTime) value;
    }
}
