package fr.portailfamille.platform.billing.web;

import fr.portailfamille.platform.billing.AccountBalance;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.AccountOverview;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.documents.BillingDocuments;
import fr.portailfamille.platform.billing.sepa.web.RejectReasonWords;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;

/**
 * Mes factures ({@code espace/factures.xhtml}): the family's invoices and credit notes, latest first,
 * each with where it stands and its PDF; the balance and credit at the top; the attestations fiscales
 * of the years with payments. Read through {@link FamilyAccount} (the parent's own family only).
 */
@Named
@RequestScoped
public class FacturesView {

    @Inject
    FamilyAccount account;

    @Inject
    BillingDocuments documents;

    @Inject
    UserView user;

    @Inject
    fr.portailfamille.platform.billing.sepa.DirectDebits directDebits;

    private AccountOverview overview;
    private List<Integer> fiscalYears;
    private java.util.Map<Long, String> debitNotes;

    private AccountOverview overview() {
        if (overview == null) {
            overview = staff() ? AccountOverview.EMPTY : account.overview(user.require(), null);
        }
        return overview;
    }

    public List<AccountInvoice> getInvoices() {
        return overview().invoices();
    }

    public AccountBalance getBalance() {
        return overview().balance();
    }

    /** Invoice id → "Prélevé le …" or the bank's reject, for the invoices paid by direct debit, in the page's language. */
    public java.util.Map<Long, String> getDebitNotes() {
        if (debitNotes == null) {
            debitNotes = new java.util.LinkedHashMap<>();
            if (!staff()) {
                directDebits.notes(user.require(), null).forEach((invoice, note) -> debitNotes.put(invoice,
                        RejectReasonWords.note(note)));
            }
        }
        return debitNotes;
    }

    /** Years with payments, for the attestation fiscale. */
    public List<Integer> getFiscalYears() {
        if (fiscalYears == null) {
            fiscalYears = staff() ? List.of() : documents.fiscalYears(user.require(), null);
        }
        return fiscalYears;
    }

    /** Staff accounts have no family account of their own (they read families' from the agents' pages). */
    public boolean staff() {
        return StaffRoles.isStaff(user.require());
    }

    public String date(LocalDate day) {
        return BillingDates.text(day);
    }
}
