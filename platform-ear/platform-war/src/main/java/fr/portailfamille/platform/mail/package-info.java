/**
 * E-mails the platform sends to families (decisions on their file and requests), through the
 * commune-agnostic SMTP relay configured by {@code pf.smtp.*}, signed with the commune's name.
 * Mails are written to {@code platform.mail_retry} (an outbox) in the transaction that decided them and sent after it
 * commits, never before, by the mailer's own sender thread; one the relay does not take, or that a stopped server
 * did not send, is sent again later by {@code MailRetryJob}.
 */
package fr.portailfamille.platform.mail;
