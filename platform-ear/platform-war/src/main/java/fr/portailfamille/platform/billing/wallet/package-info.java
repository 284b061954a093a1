/**
 * The porte-monnaie of a régie paid in advance: activation, top-ups (card online, counter), the debit of each
 * booking when it is confirmed and its refund as its status says, over one locked balance row per family and
 * régie ({@link fr.portailfamille.platform.billing.wallet.WalletLedger}); the daily low-balance mail.
 */
package fr.portailfamille.platform.billing.wallet;
