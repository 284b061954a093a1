/**
 * E-mails the platform sends to families (decisions on their file and requests), through the
 * commune-agnostic SMTP relay configured by {@code pf.smtp.*}, signed with the commune's name.
 * Mails are sent after the transaction that decided them commits, never before, by the mailer's own sender
 * thread; one the relay does not take is kept in {@code platform.mail_retry} and sent again later by
 * {@code MailRetryJob}.
 */
package fr.portailfamille.platform.mail;
