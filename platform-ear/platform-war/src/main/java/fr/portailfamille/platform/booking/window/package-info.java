/**
 * Opening windows: an agent opens an activity's period by request window, families send one request each
 * between its opening and its closing ({@code WindowRequests}), and at the closing {@code OpeningWindows} allocates
 * the seats by the commune's weighted criteria and a seeded lottery (tenant-config's {@code Allocation}), lets the
 * agent preview and adjust it (audited), then publishes it through the booking context's seat counter.
 */
package fr.portailfamille.platform.booking.window;
