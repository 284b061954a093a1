/**
 * Online payment of invoices: the {@link fr.portailfamille.platform.payment.PaymentPort} the platform pays through
 * (create a payment, read its result by its operation id) and its typed results; the provider behind it is an
 * adapter ({@code payfip}: PayFiP, the DGFiP's service).
 */
package fr.portailfamille.platform.payment;
