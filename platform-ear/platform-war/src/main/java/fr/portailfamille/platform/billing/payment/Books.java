package fr.portailfamille.platform.billing.payment;

import fr.portailfamille.billing.InvoiceNumbering;
import fr.portailfamille.billing.Payable;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.tenancy.TenantConnection;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.problems.Message;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The régie's books as the counter's services write them, in the caller's transaction: the family's
 * credit lock and balance, the receipt numbers, the audit. Locks are always taken in the same order —
 * invoices by id, then the family's credit, then the régie's counter — so that concurrent money actions
 * wait for each other instead of deadlocking.
 */
final class Books {

    /** Namespace of the advisory lock held on a family's account credit (a constant of this application). */
    private static final int CREDIT_LOCK = 81_012;

    private Books() {
    }

    /** Holds the family's account credit until the transaction ends (its balance may then be checked and moved). */
    static void lockCredit(EntityManager em, long familyId) {
        // a family's credit has no row of its own: an advisory transaction lock on its id stands for it
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, cast(?2 as integer))) l")
                .setParameter(1, CREDIT_LOCK).setParameter(2, (int) familyId).getSingleResult();
    }

    /** The family's credit with the régie: overpayments and credit notes, less what was used or taken back. */
    static long credit(EntityManager em, long familyId, long regieId) {
        return ((Number) em.createNativeQuery("select coalesce(sum(amount_cents), 0) from account_credit"
                + " where family_id = ?1 and regie_id = ?2").setParameter(1, familyId).setParameter(2, regieId)
                .getSingleResult()).longValue();
    }

    static InvoiceNumbering.Number receiptNumber(EntityManager em, String regieCode) {
        try {
            return InvoiceNumbering.next(TenantConnection.of(em), TenantContext.require().schemaName(), regieCode,
                    InvoiceNumbering.Sequence.RECEIPT);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    static void audit(EntityManager em, String actor, String action, long regieId, Long family, Long invoice, Long payment,
            Long amount, String detail) {
        em.createNativeQuery("insert into billing_audit (actor, action, regie_id, family_id, invoice_id, payment_id,"
                + " amount_cents, detail) values (?1, ?2, ?3, cast(?4 as bigint), cast(?5 as bigint), cast(?6 as bigint),"
                + " cast(?7 as bigint), ?8)").setParameter(1, cut(actor, 120)).setParameter(2, action).setParameter(3, regieId)
                .setParameter(4, family).setParameter(5, invoice).setParameter(6, payment).setParameter(7, amount)
                .setParameter(8, cut(detail, 1000)).executeUpdate();
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Text of a form field: stripped, {@code null} when blank; refused on {@code field} beyond {@code max}
     * ({@code label}: "Le numéro de chèque"…, a text of the refusals' bundle).
     */
    static String text(String field, Message label, String value, int max) {
        String v = value == null || value.isBlank() ? null : value.strip();
        if (v != null && v.length() > max) {
            throw new Refused(field, tooLong(label, max));
        }
        return v;
    }

    /** "{@code label} : {@code max} caractères au plus." in any language. */
    static Message tooLong(Message label, int max) {
        return Refused.text("billing.text.tooLong", label, max);
    }

    /** Refusal of a payment or a credit use on an invoice that is not open at the counter (null when it is). */
    static Message notPayable(String number, String kind, String state, String titre) {
        return Payable.refusal(number, kind, state, titre, Payable.Where.COUNTER);
    }
}
