package fr.portailfamille.platform.billing;

import fr.portailfamille.billing.Settlement;

/**
 * A family's position with the commune's régies: what its invoices still ask ({@code dueCents}, over
 * {@code unpaidInvoices} invoices), the credit on its account (overpayments, credit notes not used), and
 * the balance — positive when the family owes, negative when the commune owes it. An invoice transmitted to the
 * Trésorerie as a titre de recettes has left the régie's account (seed 004: "Titre émis (ORMC n°X)" is a règlement,
 * the rest is followed by the Trésorerie): what it still asks is told apart ({@code titreCents}, over {@code titres}).
 */
public record AccountBalance(long dueCents, int unpaidInvoices, long creditCents, long titreCents, int titres) {

    /** Nothing owed, no credit. */
    public static final AccountBalance NONE = new AccountBalance(0, 0, 0, 0, 0);

    /** The balance of {@code invoices} (what each still asks) and {@code creditCents} of account credit. */
    public static AccountBalance of(java.util.List<AccountInvoice> invoices, long creditCents) {
        long due = 0;
        int unpaid = 0;
        long titre = 0;
        int titres = 0;
        for (AccountInvoice i : invoices) {
            if (i.outstandingCents() <= 0) {
                continue;
            }
            if (i.settlement() == Settlement.TITRE_EMIS) {
                titre = Math.addExact(titre, i.outstandingCents());
                titres++;
            } else {
                due = Math.addExact(due, i.outstandingCents());
                unpaid++;
            }
        }
        return new AccountBalance(due, unpaid, creditCents, titre, titres);
    }

    public long balanceCents() {
        return dueCents - creditCents;
    }

    public long getDueCents() { return dueCents; }
    public int getUnpaidInvoices() { return unpaidInvoices; }
    public long getCreditCents() { return creditCents; }
    public long getBalanceCents() { return balanceCents(); }
    public long getTitreCents() { return titreCents; }
    public int getTitres() { return titres; }
}
