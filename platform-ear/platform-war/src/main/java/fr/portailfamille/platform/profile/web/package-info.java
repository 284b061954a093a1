/** Mon profil's page ({@code espace/profil.xhtml}) and the servlet serving a child's iCal feed by its token. */
package fr.portailfamille.platform.profile.web;
