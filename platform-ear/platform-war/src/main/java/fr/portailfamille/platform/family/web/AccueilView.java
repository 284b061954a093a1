package fr.portailfamille.platform.family.web;

import fr.portailfamille.platform.billing.AccountBalance;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.wallet.Wallets;
import fr.portailfamille.platform.booking.NextBookings;
import fr.portailfamille.platform.family.requests.RequestKind;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.web.LocaleView;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Accueil's family blocks (seed 004), most important first: the family file until it is validated, unpaid invoices
 * and balance, porte-monnaie, pending requests by kind, documents to renew, each child's next booked days. Each block
 * is read once per request; staff and visitors without a family file get empty blocks.
 */
@Named
@RequestScoped
public class AccueilView {

    /** How many booked days per child Accueil shows. */
    static final int NEXT_DAYS = 3;

    @Inject
    AccueilReader reader;

    @Inject
    Wallets wallets;

    @Inject
    UserView user;

    @Inject
    LocaleView locale;

    private AccueilReader.Blocks blocks;
    private List<Pending> pending;

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

    /** The blocks, read once in one transaction (none for visitors and staff). */
    private AccueilReader.Blocks blocks() {
        if (blocks == null) {
            SignedInUser u = user.isSignedIn() ? user.require() : null;
            blocks = u == null || StaffRoles.isStaff(u) ? AccueilReader.Blocks.NONE : reader.read(u, NEXT_DAYS);
        }
        return blocks;
    }

    /** Where the family file stands (validated for staff and visitors: nothing to show). */
    public AccueilReader.FileState getFile() {
        return blocks().file();
    }

    /** The parent's balance (nothing owed and no credit for staff and families without a file). */
    public AccountBalance getBalance() {
        return blocks().overview().balance();
    }

    /** The parent's invoices with something left to pay, latest first (seed 004's "Factures impayées"). */
    public List<AccountInvoice> getUnpaid() {
        return blocks().overview().unpaid();
    }

    /** The parent's activated porte-monnaie. */
    public List<Wallets.Summary> getWallets() {
        return blocks().wallets();
    }

    /** Whether the commune has a régie paid in advance (the Porte-monnaie tile). */
    public boolean isWalletOffered() {
        return !wallets.regies().isEmpty();
    }

    /** The family's expired or expiring documents ("Votre attestation d'assurance expire le …"). */
    public List<String> getDocumentNotices() {
        return blocks().documentNotices().stream().map(Texts::of).toList();
    }

    /** The kinds of the family's requests awaiting a decision, with their count (none: empty). */
    public List<Pending> getPending() {
        if (pending == null) {
            pending = blocks().pending().entrySet().stream().map(e -> new Pending(e.getKey(), e.getValue())).toList();
        }
        return pending;
    }

    /** How many requests await a decision in all. */
    public long getPendingTotal() {
        return getPending().stream().mapToLong(Pending::getCount).sum();
    }

    /** Each child with its next booked days. */
    public List<NextBookings.ChildDays> getNextDays() {
        return blocks().nextDays();
    }

    /** "mardi 8 décembre" (in the page's language). */
    public String day(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofPattern("EEEE d MMMM", locale.getLocale()).format(day);
    }

    public String date(LocalDate day) {
        return BillingDates.text(day);
    }
}
