package fr.portailfamille.platform.billing.wallet;

import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The balances, in the caller's transaction: a family's balance of a régie is one row, locked
 * ({@code select … for update}) by whatever moves its money, so that two bookings from two phones at once are
 * decided one after the other on the true balance; every move writes a movement with the balance it left.
 * Native SQL: row locks and one-statement updates.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@CommuneRequired
public class WalletLedger {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    /** A family's balance of a régie, locked until the transaction ends. */
    public record Locked(long id, long familyId, long regieId, long balanceCents, boolean lowWarned) {
    }

    /** The régie's id from its code, empty when unknown. */
    public Optional<Long> regieId(String code) {
        List<?> ids = em.createNativeQuery("select id from regie where code = ?1").setParameter(1, code).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(((Number) ids.get(0)).longValue());
    }

    /** Locks the family's balance of the régie; empty when the family has not activated that porte-monnaie. */
    public Optional<Locked> lock(long familyId, long regieId) {
        return one(em.createNativeQuery("select id, family_id, regie_id, balance_cents, low_warned from wallet"
                + " where family_id = ?1 and regie_id = ?2 for update").setParameter(1, familyId).setParameter(2, regieId)
                .getResultList());
    }

    /** Locks balance {@code walletId}; empty when unknown. */
    public Optional<Locked> lock(long walletId) {
        return one(em.createNativeQuery("select id, family_id, regie_id, balance_cents, low_warned from wallet"
                + " where id = ?1 for update").setParameter(1, walletId).getResultList());
    }

    private static Optional<Locked> one(List<?> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Locked(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), (Boolean) r[4]));
    }

    /** Activates the family's porte-monnaie of the régie (nothing when it is already); returns it, locked. */
    public Locked activate(long familyId, long regieId, String actor) {
        em.createNativeQuery("insert into wallet (family_id, regie_id, activated_by) values (?1, ?2, ?3)"
                + " on conflict (family_id, regie_id) do nothing").setParameter(1, familyId).setParameter(2, regieId)
                .setParameter(3, cut(actor, 120)).executeUpdate();
        return lock(familyId, regieId).orElseThrow();
    }

    /**
     * Moves {@code signedCents} on locked balance {@code w} (positive: credit, negative: debit) and records the
     * movement; returns the balance left. Checks nothing: the caller decided (floor, amount) under the lock.
     *
     * @param kind TOP_UP_COUNTER, TOP_UP_CARD, DEBIT, REFUND or WITHDRAWAL (a régisseur taking money back)
     */
    public long move(Locked w, String kind, long signedCents, Long bookingId, String mode, String idOp, String label,
            String actor) {
        return move(w, kind, signedCents, bookingId, mode, idOp, label, actor, null);
    }

    /** {@link #move(Locked, String, long, Long, String, String, String, String)} recorded by a form of token {@code formToken}. */
    public long move(Locked w, String kind, long signedCents, Long bookingId, String mode, String idOp, String label,
            String actor, String formToken) {
        long after = ((Number) em.createNativeQuery("update wallet set balance_cents = balance_cents + ?2 where id = ?1"
                + " returning balance_cents").setParameter(1, w.id()).setParameter(2, signedCents).getSingleResult()).longValue();
        em.createNativeQuery("insert into wallet_movement (wallet_id, kind, amount_cents, balance_after_cents, booking_id,"
                + " mode, id_op, label, created_by, form_token) values (?1, ?2, ?3, ?4, cast(?5 as bigint), cast(?6 as varchar),"
                + " cast(?7 as varchar), ?8, ?9, cast(?10 as varchar))").setParameter(1, w.id()).setParameter(2, kind)
                .setParameter(3, signedCents).setParameter(4, after).setParameter(5, bookingId).setParameter(6, mode)
                .setParameter(7, idOp).setParameter(8, cut(label, 300)).setParameter(9, cut(actor, 120))
                .setParameter(10, formToken).executeUpdate();
        return after;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
