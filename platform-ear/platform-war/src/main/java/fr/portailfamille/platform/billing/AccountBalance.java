package fr.portailfamille.platform.billing;

/**
 * A family's position with the commune's régies: what its invoices still ask ({@code dueCents}, over
 * {@code unpaidInvoices} invoices), the credit on its account (overpayments, credit notes not used), and
 * the balance — positive when the family owes, negative when the commune owes it.
 */
public record AccountBalance(long dueCents, int unpaidInvoices, long creditCents) {

    /** Nothing owed, no credit. */
    public static final AccountBalance NONE = new AccountBalance(0, 0, 0);

    /** The balance of {@code invoices} (what each still asks) and {@code creditCents} of account credit. */
    public static AccountBalance of(java.util.List<AccountInvoice> invoices, long creditCents) {
        long due = 0;
        int unpaid = 0;
        for (AccountInvoice i : invoices) {
            if (i.outstandingCents() > 0) {
                due = Math.addExact(due, i.outstandingCents());
                unpaid++;
            }
        }
        return new AccountBalance(due, unpaid, creditCents);
    }

    public long balanceCents() {
        return dueCents - creditCents;
    }

    public long getDueCents() { return dueCents; }
    public int getUnpaidInvoices() { return unpaidInvoices; }
    public long getCreditCents() { return creditCents; }
    public long getBalanceCents() { return balanceCents(); }
}
