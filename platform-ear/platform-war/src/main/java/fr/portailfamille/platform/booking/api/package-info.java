/**
 * The booking context's part of the families' REST API: a child's month with each unit-day's state
 * ({@code GET /api/famille/v1/enfants/{id}/planning}) and booking or cancelling a selection
 * ({@code POST /api/famille/v1/reservations}), through the same services and rules as Mon planning, and the requests
 * to an opening window ({@code /api/famille/v1/fenetres}) through the same service as the page Ma demande.
 */
package fr.portailfamille.platform.booking.api;
