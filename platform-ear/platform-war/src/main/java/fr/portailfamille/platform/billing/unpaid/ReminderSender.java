package fr.portailfamille.platform.billing.unpaid;

import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.payment.PaymentDesk;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/**
 * One reminder (relance) of one invoice, in its own transaction: recorded once per level (the unique
 * index decides between two senders), audited, and mailed to the family with what is left to pay and a
 * link to Mes factures (the mail leaves once the transaction has committed).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
@CommuneRequired
public class ReminderSender {

    /** The family's invoices page, where a reminder leads. */
    public static final String FACTURES = "/espace/factures.xhtml";

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyMails mails;

    @Inject
    PaymentDesk payments;

    /**
     * @return whether this call sent it (false: another sender did, the invoice is no longer unpaid, an online payment
     *         of it in anomaly waits for the régie's check, or its direct debit is planned)
     */
    public boolean send(long invoiceId, int level, String actor, LocalDate today) {
        // the family's credit with the régie (an overpayment, a credit note's rest) pays it first: a family is never
        // reminded of what its own credit covers
        List<?> owner = em.createNativeQuery("select family_id, regie_id from invoice where id = ?1 and state = 'ISSUED'"
                + " and titre_number is null").setParameter(1, invoiceId).getResultList();
        if (!owner.isEmpty()) {
            Object[] o = (Object[]) owner.get(0);
            payments.applyCredit(((Number) o[0]).longValue(), ((Number) o[1]).longValue(), actor);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select i.number, i.due_date, i.total_cents - (" + FamilyAccount.settledSql()
                + "), f.email, r.label, i.regie_id, i.family_id, i.state, i.period_start, i.period_end, r.payfip_numcli"
                + " from invoice i"
                + " join family f on f.id = i.family_id join regie r on r.id = i.regie_id where i.id = ?1 for update of i")
                .setParameter(1, invoiceId).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] i = rows.get(0);
        long left = ((Number) i[2]).longValue();
        if (left <= 0 || !"ISSUED".equals(i[7])) {
            return false;
        }
        // an online payment PayFiP reported in anomaly, not checked yet by the régie: the card may have paid it
        if (!em.createNativeQuery("select 1 from online_payment where invoice_id = ?1 and state = 'ANOMALY'"
                + " and checked_at is null").setParameter(1, invoiceId).getResultList().isEmpty()) {
            return false;
        }
        // its direct debit planned (a file withdrawn after the bank refused it, made again later): the family is told
        // « Prélevé le … » on Mes factures, the bank takes it — not reminded to pay it meanwhile
        if (!em.createNativeQuery("select 1 from sepa_debit where invoice_id = ?1 and state = 'PLANNED'")
                .setParameter(1, invoiceId).getResultList().isEmpty()) {
            return false;
        }
        int inserted = em.createNativeQuery("insert into invoice_reminder (invoice_id, level, sent_by) values (?1, ?2, ?3)"
                + " on conflict (invoice_id, level) do nothing").setParameter(1, invoiceId).setParameter(2, level)
                .setParameter(3, actor.length() > 120 ? actor.substring(0, 120) : actor).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        String number = (String) i[0];
        em.createNativeQuery("insert into billing_audit (actor, action, regie_id, family_id, invoice_id, amount_cents, detail)"
                + " values (?1, 'REMINDER_SENT', ?2, ?3, ?4, ?5, ?6)").setParameter(1, actor.length() > 120 ? actor.substring(0, 120) : actor)
                .setParameter(2, ((Number) i[5]).longValue()).setParameter(3, ((Number) i[6]).longValue()).setParameter(4, invoiceId)
                .setParameter(5, left).setParameter(6, "Relance " + level + " de la facture " + number + " : reste " + Money.format(left)
                        + (i[3] == null ? " (famille sans adresse e-mail : non envoyée par mail)" : ""))
                .executeUpdate();
        mails.send((String) i[3], (level == 1 ? "Rappel" : "Relance n° " + level) + " : facture " + number + " à régler",
                "Sauf erreur de notre part, la facture " + number + " (" + i[4] + ", période du "
                        + BillingDates.text(UnpaidDesk.date(i[8])) + " au " + BillingDates.text(UnpaidDesk.date(i[9]))
                        + "), échue le " + BillingDates.text(UnpaidDesk.date(i[1])) + ", n'est pas entièrement réglée.\n"
                        + "Reste à payer : " + Money.format(left) + ".\n\n"
                        // paid online only where the régie takes cards; else at the régie, as Mes factures says
                        + (i[10] == null ? "Vous pouvez la consulter depuis « Mes factures » et la régler auprès de la régie."
                                : "Vous pouvez la consulter et la régler depuis « Mes factures ».") + " Si vous avez réglé entre-temps,"
                        + " merci de ne pas tenir compte de ce message.", FACTURES);
        return true;
    }
}
