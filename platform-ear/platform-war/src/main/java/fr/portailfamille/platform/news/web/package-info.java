/**
 * The pages of Actualités: the tiles of the public home and Accueil, the "lire la suite" page, the news image, and
 * the agents' list and edit page; also the family's home page bean (Accueil).
 */
package fr.portailfamille.platform.news.web;
