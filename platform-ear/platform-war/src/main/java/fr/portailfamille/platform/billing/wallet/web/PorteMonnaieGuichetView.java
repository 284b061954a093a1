package fr.portailfamille.platform.billing.wallet.web;

import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.wallet.Wallets;
import fr.portailfamille.platform.kernel.FormTokens;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * Porte-monnaie at the counter ({@code agent/porte-monnaie-guichet.xhtml?famille=}): a family's porte-monnaie of
 * each régie paid in advance (every agent reads), and a régisseur records money given at the counter
 * ({@link Wallets#topUpAtCounter}) or taken back, with its reason ({@link Wallets#withdrawAtCounter}; the role is checked
 * there).
 */
@Named
@ViewScoped
public class PorteMonnaieGuichetView implements Serializable {

    @Inject
    Wallets wallets;

    @Inject
    UserView user;

    private Long famille;
    private String regie;
    private String mode;
    private String amount;
    private transient List<Wallets.Summary> summaries;
    private transient String refusal;
    private String formToken = FormTokens.next();
    private String withdrawRegie;
    private String withdrawMode;
    private String withdrawAmount;
    private String withdrawReason;
    private String withdrawToken = FormTokens.next();

    /**
     * Whether the commune has a porte-monnaie régie at all: when it has one and the page lists none, the family has no
     * child registered to its activities yet (the page says so, not that the commune offers none).
     */
    public boolean isOffered() {
        return !wallets.regies().isEmpty();
    }

    public List<Wallets.Summary> getWallets() {
        if (summaries == null) {
            summaries = List.of();
            if (famille == null) {
                refusal = Texts.of(Refused.text("billing.payment.familyUnknown"));
                return summaries;
            }
            try {
                summaries = wallets.of(user.require(), famille);
            } catch (Refused e) {
                refusal = Texts.of(e);
            }
        }
        return summaries;
    }

    /** Why no porte-monnaie is shown: a family that is not the commune's, or none asked (a number that is not one). */
    public String getRefusal() {
        getWallets();
        return refusal;
    }

    public boolean isRegisseur() {
        return user.require().hasRole(StaffRoles.REGISSEUR);
    }

    /** "Enregistrer le versement". */
    public void topUp() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        Long cents = amount == null || amount.isBlank() ? null : Money.parseEuros(amount, Texts.locale()).orElse(-1L);
        if (cents != null && cents < 0) {
            message(ctx, "counter:amount", FacesMessage.SEVERITY_ERROR, Texts.of("agent.wallet.amount.invalid"));
            return;
        }
        try {
            long after = wallets.topUpAtCounter(user.require(), famille, regie, mode, cents, formToken);
            formToken = FormTokens.next();
            message(ctx, null, FacesMessage.SEVERITY_INFO, Texts.of("agent.wallet.recorded", Texts.amount(cents),
                    Texts.amount(after)));
            amount = null;
            summaries = null;
        } catch (Refused e) {
            if (FormTokens.alreadySent(e)) {
                // credited by the first sending: the amount is emptied as after it
                formToken = FormTokens.next();
                amount = null;
                summaries = null;
            }
            String field = e.field() == null || "family".equals(e.field()) || FormTokens.alreadySent(e) ? null
                    : "counter:" + e.field();
            message(ctx, field, FacesMessage.SEVERITY_ERROR, Texts.of(e));
        }
    }

    /** "Enregistrer le retrait": money taken back from the porte-monnaie, with its reason ({@link Wallets#withdrawAtCounter}). */
    public void withdraw() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        Long cents = withdrawAmount == null || withdrawAmount.isBlank() ? null : Money.parseEuros(withdrawAmount, Texts.locale()).orElse(-1L);
        if (cents != null && cents < 0) {
            message(ctx, "withdrawal:withdrawAmount", FacesMessage.SEVERITY_ERROR, Texts.of("agent.wallet.amount.invalid"));
            return;
        }
        try {
            long after = wallets.withdrawAtCounter(user.require(), famille, withdrawRegie, withdrawMode, cents,
                    withdrawReason, withdrawToken);
            withdrawToken = FormTokens.next();
            message(ctx, null, FacesMessage.SEVERITY_INFO, Texts.of("agent.wallet.withdrawn", Texts.amount(cents),
                    Texts.amount(after)));
            withdrawAmount = null;
            withdrawReason = null;
            withdrawMode = null;
            summaries = null;
        } catch (Refused e) {
            if (FormTokens.alreadySent(e)) {
                withdrawToken = FormTokens.next();
                withdrawAmount = null;
                withdrawReason = null;
                summaries = null;
            }
            String field = e.field() == null || "family".equals(e.field()) || FormTokens.alreadySent(e) ? null
                    : "withdrawal:" + e.field();
            message(ctx, field, FacesMessage.SEVERITY_ERROR, Texts.of(e));
        }
    }

    private static void message(FacesContext ctx, String field, FacesMessage.Severity severity, String text) {
        ctx.addMessage(field, new FacesMessage(severity, text, text));
    }

    public String date(LocalDate day) {
        return BillingDates.text(day);
    }

    public Long getFamille() { return famille; }
    public void setFamille(Long famille) { this.famille = famille; }
    public String getRegie() { return regie; }
    public void setRegie(String regie) { this.regie = regie; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public String getAmount() { return amount; }
    /** The form's one-time token ({@link FormTokens}): a top-up sent twice (double click, page reloaded) is credited once. */
    public String getFormToken() { return formToken; }
    public void setFormToken(String v) { formToken = v; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getWithdrawRegie() { return withdrawRegie; }
    public void setWithdrawRegie(String v) { withdrawRegie = v; }
    public String getWithdrawMode() { return withdrawMode; }
    public void setWithdrawMode(String v) { withdrawMode = v; }
    public String getWithdrawAmount() { return withdrawAmount; }
    public void setWithdrawAmount(String v) { withdrawAmount = v; }
    public String getWithdrawReason() { return withdrawReason; }
    public void setWithdrawReason(String v) { withdrawReason = v; }
    /** The withdrawal form's one-time token: sent twice, taken once. */
    public String getWithdrawToken() { return withdrawToken; }
    public void setWithdrawToken(String v) { withdrawToken = v; }
}
