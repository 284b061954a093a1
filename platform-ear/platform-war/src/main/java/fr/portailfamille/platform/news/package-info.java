/** Actualités: the news tiles a commune publishes on its home page. */
package fr.portailfamille.platform.news;
