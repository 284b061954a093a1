/**
 * Online payment of invoices: the {@link fr.portailfamille.platform.payment.PaymentPort} the platform pays through
 * (create a payment, read its result by its operation id) and its typed results; the provider behind it is an
 * adapter ({@code payfip}: PayFiP, the DGFiP's service). {@link fr.portailfamille.platform.payment.OnlinePayments}
 * starts a family's payment of an invoice and settles it once from the provider's result ({@link
 * fr.portailfamille.platform.payment.OnlineLedger}: the short transaction deciding it, the receipt mailed);
 * {@link fr.portailfamille.platform.payment.OnlinePaymentDesk} lists them for the régisseurs.
 */
package fr.portailfamille.platform.payment;
