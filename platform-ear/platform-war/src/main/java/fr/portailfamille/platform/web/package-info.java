/**
 * Faces code shared by every context: the signed-in user and the locale shown in the layout, field errors
 * put next to their inputs, view parameters read on a page's first request only, the head renderer, the CSP
 * nonce field of every form ({@code NonceField}), the staff menu with its queue counts ({@code AgentMenuView})
 * what every agents' queue page does ({@code QueuePage}, {@code QueueModel}) and every file field ({@code UploadInput}).
 */
package fr.portailfamille.platform.web;
