/**
 * The booking context's part of the families' REST API: a child's month with each unit-day's state
 * ({@code GET /api/famille/v1/enfants/{id}/planning}) and booking or cancelling a selection
 * ({@code POST /api/famille/v1/reservations}), through the same services and rules as Mon planning.
 */
package fr.portailfamille.platform.booking.api;
