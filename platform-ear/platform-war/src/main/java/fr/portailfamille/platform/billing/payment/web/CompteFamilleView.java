package fr.portailfamille.platform.billing.payment.web;

import fr.portailfamille.platform.billing.AccountBalance;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.AccountOverview;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.web.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The "Compte" section of the family page for agents ({@code agent/famille.xhtml?id=}): the family's
 * balance with the régies and its invoices, each linked to its page (read through {@link FamilyAccount}).
 */
@Named
@RequestScoped
public class CompteFamilleView {

    @Inject
    FamilyAccount account;

    @Inject
    UserView user;

    private Long family;
    private AccountOverview overview;

    private Long family() {
        if (family == null) {
            String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
            try {
                family = id == null ? null : Long.valueOf(id);
            } catch (NumberFormatException e) {
                family = null;
            }
        }
        return family;
    }

    private AccountOverview overview() {
        if (overview == null) {
            overview = family() == null ? AccountOverview.EMPTY : account.overview(user.require(), family());
        }
        return overview;
    }

    public AccountBalance getBalance() {
        return family() == null ? null : overview().balance();
    }

    public List<AccountInvoice> getInvoices() {
        return overview().invoices();
    }
}
