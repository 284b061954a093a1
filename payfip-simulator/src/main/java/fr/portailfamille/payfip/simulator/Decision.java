package fr.portailfamille.payfip.simulator;

/** What a tester chooses on the payment page, and the PayFiP result letter ({@code resultrans}) it gives. */
public enum Decision {
    /** paid by card: P (by direct debit: V) */
    PAYER,
    /** refused by the bank: R (direct debit refused: Z) */
    REFUSER,
    /** the payer left the payment page: A */
    ABANDONNER;

    /** The {@code resultrans} letter of this decision, by card or by direct debit. */
    public String resultrans(boolean debit) {
        return switch (this) {
            case PAYER -> debit ? "V" : "P";
            case REFUSER -> debit ? "Z" : "R";
            case ABANDONNER -> "A";
        };
    }
}
