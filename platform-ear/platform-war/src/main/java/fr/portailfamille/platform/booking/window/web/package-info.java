/**
 * Pages of the opening windows: agents open, allocate, adjust and publish a window ({@code FenetreView},
 * agent/fenetre.xhtml); families send their request and read its result ({@code MaDemandeView}, espace/ma-demande.xhtml).
 */
package fr.portailfamille.platform.booking.window.web;
