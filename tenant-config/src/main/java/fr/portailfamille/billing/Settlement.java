package fr.portailfamille.billing;

/**
 * Where an issued document stands for the family: an invoice is paid, partly paid or unpaid (from what
 * payments and credit notes settled of it), or was handed to the Trésorerie as a titre de recettes (its
 * payment is then followed there), or cancelled; a credit note is a credit note.
 */
public enum Settlement {
    PAID, PARTLY_PAID, UNPAID, TITRE_EMIS, CANCELLED, CREDIT_NOTE;

    /**
     * @param kind        INVOICE or CREDIT_NOTE
     * @param state       ISSUED, CANCELLED or TITRE_EMIS
     * @param totalCents  the document's total
     * @param settledCents what payments and credit notes settled of it
     */
    public static Settlement of(String kind, String state, long totalCents, long settledCents) {
        if ("CREDIT_NOTE".equals(kind)) {
            return CREDIT_NOTE;
        }
        if ("CANCELLED".equals(state)) {
            return CANCELLED;
        }
        if (settledCents >= totalCents) {
            return PAID;
        }
        if ("TITRE_EMIS".equals(state)) {
            return TITRE_EMIS;
        }
        return settledCents > 0 ? PARTLY_PAID : UNPAID;
    }

    /** Whether the family still has this to pay at the portal or the counter. */
    public boolean payableHere() {
        return this == UNPAID || this == PARTLY_PAID;
    }
}
