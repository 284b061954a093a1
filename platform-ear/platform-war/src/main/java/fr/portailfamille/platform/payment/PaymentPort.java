package fr.portailfamille.platform.payment;

import java.util.Optional;

/**
 * What the platform asks of an online payment provider. A payment is created for one invoice; the family's browser
 * is sent to {@link PaymentCreated#pageUrl()}; afterwards (notification, return of the browser, or a scheduled
 * check) the platform asks the provider for the result: nothing the browser or the notification carries is trusted.
 */
public interface PaymentPort {

    /**
     * Creates the payment at the provider.
     *
     * @throws PaymentProviderException when the provider refuses the request or cannot be reached (French message, its
     *     text in any language)
     */
    PaymentCreated create(PaymentRequest request);

    /**
     * The result of a payment, as the provider knows it; empty while the payer has not finished (no result yet).
     *
     * @throws PaymentProviderException when the provider does not know this operation, or cannot be reached
     */
    Optional<PaymentResult> result(String operationId);
}
