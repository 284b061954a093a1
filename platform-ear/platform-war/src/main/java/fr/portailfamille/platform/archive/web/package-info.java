/** The export page of the staff area ({@code agent/export.xhtml}) and the download of the commune's archives. */
package fr.portailfamille.platform.archive.web;
