/**
 * The {@link fr.portailfamille.platform.payment.PaymentPort} over PayFiP (DGFiP), through the SOAP client generated
 * from the committed WSDL (module {@code payment-payfip}); the service and payment-page addresses are configuration,
 * the local PayFiP simulator by default.
 */
package fr.portailfamille.platform.payment.payfip;
