package fr.portailfamille.platform.billing;

import java.util.List;

/** A family's invoices and credit notes (latest first) with the balance they make, read together. */
public record AccountOverview(List<AccountInvoice> invoices, AccountBalance balance) {

    /** A parent without a stored family file: no invoice, nothing owed. */
    public static final AccountOverview EMPTY = new AccountOverview(List.of(), AccountBalance.NONE);

    public AccountOverview {
        invoices = List.copyOf(invoices);
    }

    /**
     * The invoices with something left to pay to the régie (seed 004's "Factures impayées"); those transmitted to the
     * Trésorerie are paid there.
     */
    public List<AccountInvoice> unpaid() {
        return invoices.stream().filter(i -> i.outstandingCents() > 0
                && i.settlement() != fr.portailfamille.billing.Settlement.TITRE_EMIS).toList();
    }
}
