package fr.portailfamille.platform.billing.wallet.web;

import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.wallet.Wallets;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.payment.OnlinePayments;
import fr.portailfamille.platform.payment.PaymentProviderException;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;

/**
 * Porte-monnaie ({@code espace/porte-monnaie.xhtml}): the family's porte-monnaie of each régie paid in advance —
 * activation ("la tirelire"), balance, run-out forecast, movements — and its top-up by card online (a link
 * then leads to PayFiP's page). The parent's own family only ({@link Wallets}).
 */
@Named
@RequestScoped
public class PorteMonnaieView {

    @Inject
    Wallets wallets;

    @Inject
    OnlinePayments online;

    @Inject
    UserView user;

    private List<Wallets.Summary> summaries;
    private String regie;
    private String amount;
    private String payUrl;
    private long payCents;

    /**
     * Whether the commune has a porte-monnaie régie at all: when it has one and the page lists none, the family has no
     * child registered to its activities yet (the page says so, not that the commune offers none).
     */
    public boolean isOffered() {
        return !wallets.regies().isEmpty();
    }

    public List<Wallets.Summary> getWallets() {
        if (summaries == null) {
            summaries = staff() ? List.of() : wallets.of(user.require(), null);
        }
        return summaries;
    }

    public boolean staff() {
        return StaffRoles.isStaff(user.require());
    }

    /** "Activer mon porte-monnaie" of régie {@code code}. */
    public String activate(String code) {
        try {
            wallets.activate(user.require(), code);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().put("info", Texts.of("wallet.activated"));
            return "/espace/porte-monnaie?faces-redirect=true";
        } catch (Refused e) {
            error(null, Texts.of(e));
            return null;
        }
    }

    /** "Alimenter par carte": starts the online payment and offers the link to PayFiP's page. */
    public String topUp() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        Long cents = amount == null || amount.isBlank() ? null : Money.parseEuros(amount, Texts.locale()).orElse(-1L);
        if (cents != null && cents < 0) {
            error("topup:amount", Texts.of("wallet.topup.amount.invalid"));
            return null;
        }
        try {
            OnlinePayments.Started started = online.startTopUp(user.require(), regie, cents);
            // a link, not a redirect: the pages' Content-Security-Policy keeps form posts on the portal (form-action)
            payUrl = started.pageUrl();
            payCents = started.amountCents();
        } catch (Refused e) {
            error("amount".equals(e.field()) ? "topup:amount" : null, Texts.of(e));
        } catch (PaymentProviderException e) {
            error(null, Texts.of("wallet.topup.unavailable"));
        }
        return null;
    }

    private static void error(String field, String text) {
        FacesContext.getCurrentInstance().addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    public String date(LocalDate day) {
        return BillingDates.text(day);
    }

    /** PayFiP's payment page of the top-up just started ({@code null} before). */
    public String getPayUrl() { return payUrl; }
    public long getPayCents() { return payCents; }
    public String getRegie() { return regie; }
    public void setRegie(String regie) { this.regie = regie; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
}
