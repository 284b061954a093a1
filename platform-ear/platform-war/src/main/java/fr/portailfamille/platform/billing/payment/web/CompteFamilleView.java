package fr.portailfamille.platform.billing.payment.web;

import fr.portailfamille.platform.billing.AccountBalance;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.AccountOverview;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.web.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The "Compte" section of the family page for agents ({@code agent/famille.xhtml?id=}): the family's
 * balance with the régies and its invoices, each linked to its page (read through {@link FamilyAccount}, which checks
 * the agent).
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

    /**
     * The family's account, read once per request; the family given by the page's view-scoped bean
     * ({@code agentFamilleView.id}), which keeps it after the page's own posts (Valider, Refuser, the residency),
     * where the request carries no {@code ?id}.
     */
    private AccountOverview overview(Long id) {
        if (overview == null || !java.util.Objects.equals(family, id)) {
            family = id;
            overview = id == null ? AccountOverview.EMPTY : account.overview(user.require(), id);
        }
        return overview;
    }

    /** The family's balance, null without a family. */
    public AccountBalance balanceOf(Long id) {
        return id == null ? null : overview(id).balance();
    }

    public List<AccountInvoice> invoicesOf(Long id) {
        return overview(id).invoices();
    }
}
