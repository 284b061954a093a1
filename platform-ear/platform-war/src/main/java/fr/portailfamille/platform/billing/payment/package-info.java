/**
 * Money at the régie's counter: payments (chèque, espèces, CESU, virement, carte) allocated to a family's
 * invoices oldest first, receipts, account credit and its use, cancelled payments, credit notes by line
 * and titres de recettes — each a régisseur's single audited transaction.
 */
package fr.portailfamille.platform.billing.payment;
