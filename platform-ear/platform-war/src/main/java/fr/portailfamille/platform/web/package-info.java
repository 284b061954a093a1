/**
 * Faces side shared by every audience: the signed-in user for pages, the error pages' backing bean
 * (friendly page + correlation id in the log), and the correlation filter. Pages live in the webapp
 * by audience: {@code /} (public), {@code /espace} (families), {@code /agent} (staff), {@code /erreur}.
 */
package fr.portailfamille.platform.web;
