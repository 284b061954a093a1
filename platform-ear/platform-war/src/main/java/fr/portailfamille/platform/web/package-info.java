/**
 * Faces code shared by every context: the signed-in user and the locale shown in the layout, field errors
 * put next to their inputs, view parameters read on a page's first request only, and the head renderer.
 */
package fr.portailfamille.platform.web;
