/**
 * Faces code shared by every context: the signed-in user and the locale shown in the layout, field errors
 * put next to their inputs, view parameters read on a page's first request only, the head renderer, the
 * staff menu with its queue counts ({@code AgentMenuView}) and the CSP nonce field of forms.
 */
package fr.portailfamille.platform.web;
