package fr.portailfamille.billing;

import java.util.List;

/**
 * A régie de recettes: bills the activities listed, numbers its invoices {@code <prefix>-<n>} without
 * gaps ({@link InvoiceNumbering}), and is run by a régisseur families may contact.
 *
 * @param code unique code, {@code [A-Z0-9_-]{1,20}}
 * @param label e.g. "Régie garderie ALSH"
 * @param invoicePrefix 1 to 8 capital letters or digits starting with a letter, e.g. {@code AL}
 * @param managerName the régisseur's name, {@code null} when not shown
 * @param managerEmail the régisseur's e-mail, {@code null} when not shown
 * @param managerPhone the régisseur's phone, {@code null} when not shown
 * @param activities codes of the activities it bills (an activity is billed by one régie at most)
 * @param paymentInstructions printed on its invoices (where and how to pay), {@code null} when none
 * @param payfipNumcli its PayFiP client number (6 digits), {@code null} when it takes no card payment online
 * @param collection invoicing after the fact, or a porte-monnaie the family tops up and bookings debit
 * @param walletFloorCents the lowest balance a booking may leave on a porte-monnaie (0: no overdraft)
 * @param sepa its SEPA creditor settings, {@code null} when it does not collect by direct debit
 */
public record Regie(String code, String label, String invoicePrefix, String managerName, String managerEmail,
        String managerPhone, List<String> activities, String paymentInstructions, String payfipNumcli,
        Collection collection, long walletFloorCents, SepaCreditor sepa) {

    /** How a régie collects what its activities cost. */
    public enum Collection {
        /** Invoices issued after the month, for the days booked and attended (the default). */
        INVOICE,
        /** A prepaid family account (porte-monnaie): topped up first, debited when a booking is confirmed. */
        WALLET
    }

    public Regie {
        activities = activities == null ? List.of() : List.copyOf(activities);
        collection = collection == null ? Collection.INVOICE : collection;
    }

    /** A régie invoicing after the fact, without online payment nor direct debit. */
    public Regie(String code, String label, String invoicePrefix, String managerName, String managerEmail,
            String managerPhone, List<String> activities, String paymentInstructions) {
        this(code, label, invoicePrefix, managerName, managerEmail, managerPhone, activities, paymentInstructions,
                null, Collection.INVOICE, 0, null);
    }

    /** This régie billing {@code kept} instead of its activities. */
    public Regie billing(List<String> kept) {
        return new Regie(code, label, invoicePrefix, managerName, managerEmail, managerPhone, kept, paymentInstructions,
                payfipNumcli, collection, walletFloorCents, sepa);
    }

    /** Whether families pay this régie by topping up a porte-monnaie. */
    public boolean isWallet() {
        return collection == Collection.WALLET;
    }

    /** Whether this régie bills activity {@code activity}. */
    public boolean bills(String activity) {
        return activities.contains(activity);
    }
}
