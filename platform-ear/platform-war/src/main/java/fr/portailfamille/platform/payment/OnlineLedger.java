package fr.portailfamille.platform.payment;

import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.payment.PaymentDesk;
import fr.portailfamille.platform.billing.wallet.Wallets;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The database side of settling an online payment, each call one short transaction, never waiting on the provider
 * ({@link OnlinePayments#settle} asks PayFiP first, outside any transaction): where a payment stands, its decision
 * from a result read (the row locked, decided only while pending: exactly once) with the payment recorded through
 * the counter's books and the receipt mailed once the transaction has committed, or a porte-monnaie's top-up
 * credited to it ({@link Wallets#creditCard}), its expiry.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class OnlineLedger {

    private static final Logger LOG = Logger.getLogger(OnlineLedger.class.getName());

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    PaymentDesk desk;

    @Inject
    FamilyMails mails;

    @Inject
    Wallets wallets;

    /** The online payment's state, empty for an id the commune does not know. */
    public Optional<OnlineState> state(String operationId) {
        List<?> states = em.createNativeQuery("select state from online_payment where id_op = ?1")
                .setParameter(1, operationId).getResultList();
        return states.isEmpty() ? Optional.empty() : Optional.of(OnlineState.valueOf((String) states.get(0)));
    }

    /**
     * Decides online payment {@code operationId} from the provider's {@code result}: its row locked, and only when it
     * is still pending; a paid result for the amount asked is recorded as a payment by card online, and the family
     * receives its receipt by mail after the commit. {@code production}: whether the platform asks real payments.
     *
     * @return the state afterwards (unchanged when another call decided it first)
     */
    public OnlineState decide(String operationId, PaymentResult result, boolean production) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select o.id, o.invoice_id, o.family_id, o.regie_id, o.amount_cents,"
                + " o.reference, o.state, r.code, coalesce(i.number, 'du porte-monnaie'), r.label, o.started_by, o.wallet_id"
                + " from online_payment o join regie r on r.id = o.regie_id left join invoice i on i.id = o.invoice_id"
                + " where o.id_op = ?1 for update of o")
                .setParameter(1, operationId).getResultList();
        Object[] p = rows.get(0);
        OnlineState now = OnlineState.valueOf((String) p[6]);
        if (now != OnlineState.PENDING) {
            return now; // decided meanwhile by another call
        }
        long asked = ((Number) p[4]).longValue();
        SettlementRule.Decision decision = SettlementRule.decide(asked, (String) p[5], production, result);
        if (decision.state() == OnlineState.PENDING) {
            return OnlineState.PENDING;
        }
        long id = ((Number) p[0]).longValue();
        Long invoice = p[1] == null ? null : ((Number) p[1]).longValue();
        long family = ((Number) p[2]).longValue();
        long regie = ((Number) p[3]).longValue();
        String actor = "payfip:" + operationId;
        Long paymentId = null;
        String detail;
        if (decision.credits() && p[11] != null) { // a porte-monnaie's top-up
            long balance = wallets.creditCard(((Number) p[11]).longValue(), asked, operationId, actor);
            detail = "Versement en ligne de " + Money.format(asked) + " sur le porte-monnaie (autorisation "
                    + result.authorisation() + ") : solde " + Money.format(balance);
        } else if (decision.credits()) {
            LocalDate day = result.at() == null ? PlatformTime.today() : result.at().toLocalDate();
            PaymentDesk.Recorded recorded = desk.recordOnline(actor, family, (String) p[7], invoice, asked, day,
                    result.email());
            paymentId = recorded.paymentId();
            detail = "Paiement en ligne de " + Money.format(asked) + " reçu (reçu " + recorded.receiptNumber()
                    + ", autorisation " + result.authorisation() + ") sur la facture " + p[8];
            mails.send((String) p[10], "Reçu de votre paiement en ligne (facture " + p[8] + ")",
                    receipt(asked, (String) p[8], (String) p[9], day, recorded.receiptNumber(), result.authorisation(),
                            recorded.creditCents()), "/espace/factures.xhtml");
        } else if (decision.state() == OnlineState.ANOMALY) {
            detail = what(p[11], p[8]) + " en anomalie, rien n'est crédité : " + decision.anomaly();
            LOG.log(Level.SEVERE, () -> "Paiement en ligne " + operationId + " en anomalie : " + decision.anomaly());
        } else {
            detail = what(p[11], p[8]) + (decision.state() == OnlineState.REFUSED ? " refusé"
                    : " abandonné") + " (" + OnlinePayments.letter(result.outcome()) + ") : rien n'est payé";
        }
        em.createNativeQuery("update online_payment set state = ?2, decided_at = now(), resultrans = ?3, paid_cents = ?4,"
                + " authorisation = cast(?5 as varchar), transaction_at = cast(?6 as timestamp), payment_id = cast(?7 as bigint),"
                + " anomaly = cast(?8 as varchar) where id = ?1").setParameter(1, id).setParameter(2, decision.state().name())
                .setParameter(3, OnlinePayments.letter(result.outcome())).setParameter(4, result.amountCents())
                .setParameter(5, OnlinePayments.cut(result.authorisation(), 20)).setParameter(6, result.at())
                .setParameter(7, paymentId).setParameter(8, OnlinePayments.cut(decision.anomaly(), 500)).executeUpdate();
        desk.audit(actor, "ONLINE_PAYMENT_" + decision.state().name(), regie, family, invoice, paymentId,
                decision.credits() ? asked : result.amountCents(), detail);
        return decision.state();
    }

    /**
     * Expires online payment {@code operationId} if it is still pending and was created before {@code createdBefore}:
     * nothing is paid, and the invoice may be paid online again.
     *
     * @return the state afterwards
     */
    public OnlineState expire(String operationId, OffsetDateTime createdBefore) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select o.id, o.invoice_id, o.family_id, o.regie_id, o.amount_cents,"
                + " coalesce(i.number, 'du porte-monnaie'), o.state, o.created_at < ?2, o.wallet_id from online_payment o"
                + " left join invoice i on i.id = o.invoice_id where o.id_op = ?1 for update of o").setParameter(1, operationId).setParameter(2, createdBefore).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("unknown online payment " + operationId);
        }
        Object[] p = rows.get(0);
        OnlineState now = OnlineState.valueOf((String) p[6]);
        if (now != OnlineState.PENDING || !Boolean.TRUE.equals(p[7])) {
            return now;
        }
        em.createNativeQuery("update online_payment set state = 'EXPIRED', decided_at = now() where id = ?1")
                .setParameter(1, p[0]).executeUpdate();
        desk.audit("payfip:" + operationId, "ONLINE_PAYMENT_EXPIRED", ((Number) p[3]).longValue(), ((Number) p[2]).longValue(),
                p[1] == null ? null : ((Number) p[1]).longValue(), null, ((Number) p[4]).longValue(), what(p[8], p[5])
                        + " expiré sans résultat de PayFiP : rien n'est payé");
        return OnlineState.EXPIRED;
    }

    /**
     * An online payment as the régie's journal names it: a card top-up of a porte-monnaie ({@code walletId} set: it
     * pays no invoice), else the payment of invoice {@code invoiceNumber}.
     */
    static String what(Object walletId, Object invoiceNumber) {
        return walletId != null ? "Versement en ligne sur le porte-monnaie" : "Paiement en ligne de la facture " + invoiceNumber;
    }

    /** The text of the receipt mailed to the family once its online payment is recorded. */
    static String receipt(long cents, String invoice, String regie, LocalDate day, String receiptNumber,
            String authorisation, long creditCents) {
        return "Nous avons bien reçu votre paiement en ligne de " + Money.format(cents) + " pour la facture " + invoice
                + " (" + regie + "), le " + BillingDates.text(day) + ".\n\nReçu n° " + receiptNumber
                + (authorisation == null ? "" : "\nAutorisation de la banque n° " + authorisation)
                + (creditCents >= cents ? "\nLa facture avait déjà été réglée entre-temps : les " + Money.format(creditCents)
                        + " restent en crédit sur votre compte, déduits de vos prochaines factures."
                        : creditCents > 0 ? "\nDéjà réglé en partie entre-temps : " + Money.format(creditCents)
                        + " restent en crédit sur votre compte, déduits de vos prochaines factures." : "")
                + "\n\nLa facture est réglée. Ce paiement figure dans votre relevé de compte.";
    }
}
