package fr.portailfamille.platform.payment;

import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
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

    /** An online payment as the régisseur's table shows it ({@code invoiceId} 0, no number: a porte-monnaie top-up). */
    public record Row(long id, LocalDateTime createdAt, long familyId, String familyLabel, long invoiceId, String invoiceNumber,
            String regieLabel, long amountCents, OnlineState state, String operationId, String anomaly) {
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
    }

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
                + " i.number, r.label, o.amount_cents, o.state, o.id_op, o.anomaly from online_payment o"
                + " join family f on f.id = o.family_id left join invoice i on i.id = o.invoice_id join regie r on r.id = o.regie_id"
                + " where (cast(?1 as text) is null or o.state = cast(?1 as text)) order by o.created_at desc, o.id desc limit "
                + LIMIT).setParameter(1, state == null ? null : state.name()).getResultList();
        return rows.stream().map(r -> new Row(((Number) r[0]).longValue(), local(r[1]), ((Number) r[2]).longValue(),
                (String) r[3], ((Number) r[4]).longValue(), (String) r[5], (String) r[6], ((Number) r[7]).longValue(),
                OnlineState.valueOf((String) r[8]), (String) r[9], (String) r[10])).toList();
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
