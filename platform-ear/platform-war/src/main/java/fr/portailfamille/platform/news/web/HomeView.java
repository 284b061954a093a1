package fr.portailfamille.platform.news.web;

import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.billing.AccountBalance;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.AccountOverview;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.billing.Money;
import jakarta.enterprise.context.RequestScoped;
import fr.portailfamille.platform.billing.wallet.Wallets;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;

/** The family's home page (Accueil): its unpaid invoices and credit, porte-monnaie, documents (news: NewsTilesView). */
@Named
@RequestScoped
public class HomeView {

    @Inject
    private FamilyAccount account;

    @Inject
    private UserView user;

    @Inject
    private Wallets wallets;

    private List<Wallets.Summary> walletSummaries;

    @Inject
    private FamilyDocuments documents;

    private List<String> documentNotices;

    private AccountOverview overview;

    /** The signed-in parent's invoices and balance, read once (empty for staff and families without a file). */
    private AccountOverview overview() {
        if (overview == null) {
            SignedInUser u = user.isSignedIn() ? user.require() : null;
            overview = u == null || StaffRoles.isStaff(u) ? AccountOverview.EMPTY : account.overview(u, null);
        }
        return overview;
    }

    /** The signed-in parent's balance (nothing owed and no credit for staff and families without a file). */
    public AccountBalance getBalance() {
        return overview().balance();
    }

    /** The parent's invoices with something left to pay, latest first (seed 004's "Factures impayées"). */
    public List<AccountInvoice> getUnpaid() {
        return overview().unpaid();
    }

    /** The parent's porte-monnaie that are activated (the Accueil tile), none for staff. */
    public List<Wallets.Summary> getWallets() {
        if (walletSummaries == null) {
            SignedInUser u = user.isSignedIn() ? user.require() : null;
            walletSummaries = u == null || StaffRoles.isStaff(u) ? List.of()
                    : wallets.of(u, null).stream().filter(Wallets.Summary::isActive).toList();
        }
        return walletSummaries;
    }

    /** Whether the commune has a régie paid in advance (the Porte-monnaie tile). */
    public boolean isWalletOffered() {
        return !wallets.regies().isEmpty();
    }

    /** The family's expired or expiring documents ("Votre attestation d'assurance expire le …"); none for staff. */
    public List<String> getDocumentNotices() {
        if (documentNotices == null) {
            SignedInUser u = user.isSignedIn() ? user.require() : null;
            documentNotices = u == null || StaffRoles.isStaff(u) ? List.of() : documents.notices(u);
        }
        return documentNotices;
    }

    public String date(LocalDate day) {
        return BillingDates.text(day);
    }

    public String euros(long cents) {
        return Money.format(cents);
    }
}
