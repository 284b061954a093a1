package fr.portailfamille.platform.payment;

/**
 * A payment created at the provider.
 *
 * @param operationId the provider's id of the payment (PayFiP's {@code idOp}), the key of everything that follows
 * @param pageUrl the provider's payment page for this payment, where the family's browser goes
 */
public record PaymentCreated(String operationId, String pageUrl) {
}
