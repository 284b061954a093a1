package fr.portailfamille.platform.payment;

/** How a payment ended, as the provider reports it (PayFiP's {@code resultrans} letters). */
public enum PaymentOutcome {
    /** P: paid by card */
    PAID_BY_CARD,
    /** V: paid by direct debit */
    PAID_BY_DEBIT,
    /** R: refused (card) */
    REFUSED,
    /** Z: direct debit refused */
    DEBIT_REFUSED,
    /** A: abandoned by the payer */
    ABANDONED;

    /** Whether the invoice is paid by this payment. */
    public boolean paid() {
        return this == PAID_BY_CARD || this == PAID_BY_DEBIT;
    }
}
