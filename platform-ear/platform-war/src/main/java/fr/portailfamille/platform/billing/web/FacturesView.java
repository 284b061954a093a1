package fr.portailfamille.platform.billing.web;

import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.billing.AccountBalance;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.documents.BillingDocuments;
import fr.portailfamille.platform.security.StaffRoles;
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

    private List<AccountInvoice> invoices;
    private AccountBalance balance;
    private List<Integer> fiscalYears;

    public List<AccountInvoice> getInvoices() {
        if (invoices == null) {
            invoices = staff() ? List.of() : account.invoices(user.require(), null);
        }
        return invoices;
    }

    public AccountBalance getBalance() {
        if (balance == null) {
            balance = staff() ? new AccountBalance(0, 0, 0) : account.balance(user.require(), null);
        }
        return balance;
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

    public String euros(long cents) {
        return Money.format(cents);
    }

    public String date(LocalDate day) {
        return BillingDates.text(day);
    }
}
