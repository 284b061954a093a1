/** Faces beans of registrations: a family's activity and school requests, the agents' queues of registrations and school requests, and the servlet serving uploaded documents to agents. */
package fr.portailfamille.platform.registration.web;
