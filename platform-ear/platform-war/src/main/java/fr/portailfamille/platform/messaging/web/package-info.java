/** The pages of the Boîte de réception: the family's folders and threads, the agents' inboxes, threads and broadcasts, the services' configuration, the attachment downloads and the unread counts. */
package fr.portailfamille.platform.messaging.web;
