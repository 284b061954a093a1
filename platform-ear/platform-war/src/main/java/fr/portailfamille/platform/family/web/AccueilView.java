package fr.portailfamille.platform.family.web;

import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.billing.AccountBalance;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.AccountOverview;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.wallet.Wallets;
import fr.portailfamille.platform.booking.NextBookings;
import fr.portailfamille.platform.family.MyRequests;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.family.requests.RequestKind;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.web.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accueil's family blocks (seed 004), most important first: unpaid invoices and balance, porte-monnaie, pending
 * requests by kind, documents to renew, each child's next booked days. Each block is read once per request; staff
 * and visitors without a family file get empty blocks.
 */
@Named
@RequestScoped
public class AccueilView {

    /** How many booked days per child Accueil shows. */
    static final int NEXT_DAYS = 3;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRENCH);

    @Inject
    FamilyAccount account;

    @Inject
    Wallets wallets;

    @Inject
    FamilyDocuments documents;

    @Inject
    MyRequests requests;

    @Inject
    NextBookings bookings;

    @Inject
    UserView user;

    private AccountOverview overview;
    private List<Wallets.Summary> walletSummaries;
    private List<String> documentNotices;
    private List<Pending> pending;
    private List<NextBookings.ChildDays> nextDays;

    /** A kind of request with how many wait for a decision. */
    public static final class Pending {
        private final RequestKind kind;
        private final long count;

        Pending(RequestKind kind, long count) {
            this.kind = kind;
            this.count = count;
        }

        public RequestKind getKind() { return kind; }
        public long getCount() { return count; }
    }

    /** The signed-in parent, or null for visitors and staff. */
    private SignedInUser parent() {
        SignedInUser u = user.isSignedIn() ? user.require() : null;
        return u == null || StaffRoles.isStaff(u) ? null : u;
    }

    private AccountOverview overview() {
        if (overview == null) {
            SignedInUser u = parent();
            overview = u == null ? AccountOverview.EMPTY : account.overview(u, null);
        }
        return overview;
    }

    /** The parent's balance (nothing owed and no credit for staff and families without a file). */
    public AccountBalance getBalance() {
        return overview().balance();
    }

    /** The parent's invoices with something left to pay, latest first (seed 004's "Factures impayées"). */
    public List<AccountInvoice> getUnpaid() {
        return overview().unpaid();
    }

    /** The parent's activated porte-monnaie. */
    public List<Wallets.Summary> getWallets() {
        if (walletSummaries == null) {
            SignedInUser u = parent();
            walletSummaries = u == null ? List.of() : wallets.of(u, null).stream().filter(Wallets.Summary::isActive).toList();
        }
        return walletSummaries;
    }

    /** Whether the commune has a régie paid in advance (the Porte-monnaie tile). */
    public boolean isWalletOffered() {
        return !wallets.regies().isEmpty();
    }

    /** The family's expired or expiring documents ("Votre attestation d'assurance expire le …"). */
    public List<String> getDocumentNotices() {
        if (documentNotices == null) {
            SignedInUser u = parent();
            documentNotices = u == null ? List.of() : documents.notices(u);
        }
        return documentNotices;
    }

    /** The kinds of the family's requests awaiting a decision, with their count (none: empty). */
    public List<Pending> getPending() {
        if (pending == null) {
            SignedInUser u = parent();
            Map<RequestKind, Long> counts = u == null ? Map.of() : requests.pendingCounts(u);
            pending = counts.entrySet().stream().map(e -> new Pending(e.getKey(), e.getValue())).toList();
        }
        return pending;
    }

    /** How many requests await a decision in all. */
    public long getPendingTotal() {
        return getPending().stream().mapToLong(Pending::getCount).sum();
    }

    /** Each child with its next booked days. */
    public List<NextBookings.ChildDays> getNextDays() {
        if (nextDays == null) {
            SignedInUser u = parent();
            nextDays = u == null ? List.of() : bookings.of(u, NEXT_DAYS);
        }
        return nextDays;
    }

    /** "mardi 8 décembre". */
    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    public String date(LocalDate day) {
        return BillingDates.text(day);
    }

    public String euros(long cents) {
        return Money.format(cents);
    }
}
