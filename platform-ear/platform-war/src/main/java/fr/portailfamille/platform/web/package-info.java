/**
 * Faces code shared by every context: the signed-in user and the locale shown in the layout, field errors
 * put next to their inputs, view parameters read on a page's first request only, the head renderer, the CSP
 * nonce field of every form ({@code NonceField}), the staff menu with its queue counts ({@code AgentMenuView}),
 * the texts beans write, read from the pages' bundle ({@code Texts}), what every agents' queue page does ({@code QueuePage}, {@code QueueModel}), every file field
 * ({@code UploadInput}), and the session kept small: a view's state packed ({@code PackedState}), the
 * view-scope bookkeeping of evicted views dropped ({@code ViewContextsPruner}).
 */
package fr.portailfamille.platform.web;
