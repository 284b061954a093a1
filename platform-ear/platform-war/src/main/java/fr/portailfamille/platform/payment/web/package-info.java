/**
 * The web side of online payment: PayFiP's notification and the payer's return (both settle the payment through
 * {@link fr.portailfamille.platform.payment.OnlinePayments}), and the family's result page.
 */
package fr.portailfamille.platform.payment.web;
