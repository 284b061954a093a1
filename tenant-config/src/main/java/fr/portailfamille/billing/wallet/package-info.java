/**
 * The porte-monnaie (prepaid family account of a régie that collects in advance), as pure rules: what a booking
 * debits, when a booking's new status gives the money back, the floor a booking may not cross, the run-out
 * forecast and when the family is warned ({@link fr.portailfamille.billing.wallet.WalletRules}).
 */
package fr.portailfamille.billing.wallet;
