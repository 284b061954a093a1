/**
 * The Boîte de réception: threads between a family and the commune's services with their messages and attachments
 * (real rows both sides read), each side's unread state, the agents' shared inbox per service, and broadcasts
 * written to many families as one thread per family, notified by mail with a link and never the content.
 */
package fr.portailfamille.platform.messaging;
