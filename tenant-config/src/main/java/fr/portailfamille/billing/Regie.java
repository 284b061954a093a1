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
 */
public record Regie(String code, String label, String invoicePrefix, String managerName, String managerEmail,
        String managerPhone, List<String> activities, String paymentInstructions) {

    public Regie {
        activities = activities == null ? List.of() : List.copyOf(activities);
    }

    /** Whether this régie bills activity {@code activity}. */
    public boolean bills(String activity) {
        return activities.contains(activity);
    }
}
