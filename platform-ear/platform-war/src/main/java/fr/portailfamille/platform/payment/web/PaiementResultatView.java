package fr.portailfamille.platform.payment.web;

import fr.portailfamille.platform.payment.OnlinePayments;
import fr.portailfamille.platform.web.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The family's page on return from PayFiP ({@code espace/paiement-resultat.xhtml?idOp=}): how the online payment
 * ended (payée, refusée, abandonnée, en cours de vérification), read through {@link OnlinePayments} (the parent's
 * own family only).
 */
@Named
@RequestScoped
public class PaiementResultatView {

    @Inject
    OnlinePayments payments;

    @Inject
    UserView user;

    private OnlinePayments.Outcome outcome;
    private boolean read;

    /** The online payment, {@code null} when unknown (or not the family's). */
    public OnlinePayments.Outcome getOutcome() {
        if (!read) {
            read = true;
            String idOp = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("idOp");
            try {
                outcome = payments.outcome(user.require(), idOp).orElse(null);
            } catch (SecurityException e) {
                outcome = null;
            }
        }
        return outcome;
    }

    /** PAID, REFUSED, ABANDONED, PENDING, EXPIRED, ANOMALY or UNKNOWN: the message key's suffix. */
    public String getState() {
        return getOutcome() == null ? "UNKNOWN" : getOutcome().getStateName();
    }

    /** Whether the payment topped up a porte-monnaie rather than paid an invoice. */
    public boolean isTopUp() {
        return getOutcome() != null && getOutcome().getInvoiceId() == 0;
    }

    /** The key of the page's message: an invoice's payment, or a porte-monnaie's top-up. */
    public String getMessageKey() {
        return (isTopUp() ? "paiement.wallet." : "paiement.") + getState();
    }

    /** The key of the page's headline: an invoice paid, or a porte-monnaie topped up (the other states say the same). */
    public String getHeadlineKey() {
        return (isTopUp() && "PAID".equals(getState()) ? "paiement.wallet.headline." : "paiement.headline.") + getState();
    }

    /** The operation id asked for, when well-formed (as PayFiP's), for the page's "actualiser" link. */
    public String getIdOp() {
        String idOp = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("idOp");
        return idOp != null && fr.portailfamille.platform.payment.OnlinePayments.OPERATION_ID.matcher(idOp).matches() ? idOp : "";
    }
}
