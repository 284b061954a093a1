/**
 * Faces code shared by every context: the signed-in user and the locale shown in the layout, field errors
 * put next to their inputs, view parameters read on a page's first request only, the head renderer and the CSP nonce
 * field of every form ({@code NonceField}), and what every agents' queue page does ({@code QueuePage}, {@code QueueModel}).
 */
package fr.portailfamille.platform.web;
