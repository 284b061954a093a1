package fr.portailfamille.platform.payment;

/** Where an online payment stands ({@code online_payment.state}). */
public enum OnlineState {
    /** asked of the provider, no result read yet */
    PENDING,
    /** paid for the amount asked: the payment is recorded in the régie's books */
    PAID,
    /** refused by the bank (card or direct debit): nothing paid */
    REFUSED,
    /** the payer left the payment page: nothing paid */
    ABANDONED,
    /** never decided at the provider: nothing paid */
    EXPIRED,
    /** the provider reports another amount or invoice than asked: nothing credited, the régie looks into it */
    ANOMALY
}
