package fr.portailfamille.platform.billing;

/**
 * A family's position with the commune's régies: what its invoices still ask ({@code dueCents}, over
 * {@code unpaidInvoices} invoices), the credit on its account (overpayments, credit notes not used), and
 * the balance — positive when the family owes, negative when the commune owes it.
 */
public record AccountBalance(long dueCents, int unpaidInvoices, long creditCents) {

    public long balanceCents() {
        return dueCents - creditCents;
    }

    public long getDueCents() { return dueCents; }
    public int getUnpaidInvoices() { return unpaidInvoices; }
    public long getCreditCents() { return creditCents; }
    public long getBalanceCents() { return balanceCents(); }
}
