/** Faces bean of the family's home page (Accueil) and its news. */
package fr.portailfamille.platform.news.web;
