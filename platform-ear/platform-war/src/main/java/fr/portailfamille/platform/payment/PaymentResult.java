package fr.portailfamille.platform.payment;

import java.time.LocalDateTime;

/**
 * The result of a payment, read from the provider.
 *
 * @param operationId the provider's id of the payment
 * @param outcome how it ended
 * @param amountCents the amount the provider reports, in cents (to compare with the amount asked)
 * @param invoiceReference the invoice reference sent at creation
 * @param clientNumber the régie's client number sent at creation
 * @param exercise the budget year sent at creation
 * @param email the payer's address
 * @param at when the provider recorded the transaction (French time), null if it does not say
 * @param authorisation the bank's authorisation number, null when nothing was paid
 * @param production false for a payment made in the provider's test mode
 */
public record PaymentResult(String operationId, PaymentOutcome outcome, long amountCents, String invoiceReference,
        String clientNumber, String exercise, String email, LocalDateTime at, String authorisation,
        boolean production) {
}
