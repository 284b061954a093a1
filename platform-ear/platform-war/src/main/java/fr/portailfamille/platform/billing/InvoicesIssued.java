package fr.portailfamille.platform.billing;

import java.util.List;

/**
 * Fired (CDI event, synchronously, in the run's background thread with its commune bound) when invoices of a run are
 * committed, before their families are mailed: the family's account credit with the régie is deducted from them
 * (billing.payment), so that the mail and Mes factures say what is left to pay.
 *
 * @param invoiceIds the invoices just issued
 * @param actor who issued them (the run's régisseur)
 */
public record InvoicesIssued(List<Long> invoiceIds, String actor) {

    public InvoicesIssued {
        invoiceIds = List.copyOf(invoiceIds);
    }
}
