package fr.portailfamille.identity;

/** Where a commune's realm sends its e-mails (account confirmation, password reset). */
public record SmtpSettings(String host, int port, String fromAddress) {
}
