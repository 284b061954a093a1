package fr.portailfamille.platform.payment;

/**
 * A payment to create for one invoice.
 *
 * @param clientNumber the régie's client number at the provider (PayFiP's {@code numcli}, 6 digits; each commune's
 *     régie has its own)
 * @param exercise the budget year of the invoice ({@code exer})
 * @param invoiceReference the invoice reference ({@code refdet}: letters and digits, at most 30)
 * @param amountCents the amount asked, in cents
 * @param email the payer's e-mail address (the provider mails its receipt there)
 * @param object what is paid, in words ({@code objet})
 * @param notificationUrl where the provider notifies the platform ({@code urlnotif})
 * @param redirectUrl where the payer's browser comes back ({@code urlredirect})
 * @param production true for real payments, false for the provider's test mode ({@code saisie} W / T)
 */
public record PaymentRequest(String clientNumber, int exercise, String invoiceReference, long amountCents,
        String email, String object, String notificationUrl, String redirectUrl, boolean production) {

    public PaymentRequest {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("Le montant d'un paiement doit être positif : " + amountCents);
        }
    }
}
