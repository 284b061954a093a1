/**
 * The web side of online payment: "Payer" on a family's unpaid invoices ({@code PayerView}), PayFiP's notification and
 * the payer's return (both settle the payment through {@link fr.portailfamille.platform.payment.OnlinePayments}), the
 * family's result page, and the régisseurs' page of online payments.
 */
package fr.portailfamille.platform.payment.web;
