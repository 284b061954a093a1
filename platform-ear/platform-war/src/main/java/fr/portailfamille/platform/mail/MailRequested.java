package fr.portailfamille.platform.mail;

/** A mail to send once the current transaction has committed. */
public record MailRequested(String communeName, String to, String subject, String text) {
}
