/**
 * Bookings of children on the days of an activity's units: the family's planning ({@code PlanningService}),
 * absences and certificates ({@code AbsenceService}), agents' validation ({@code BookingDesk}) and attendance
 * ({@code AttendanceService}). Seats are counted in one locked row per unit and day by {@code SeatCounter}, so
 * concurrent bookers never oversell the last seat; a freed seat goes at once to the first child waiting.
 * A booking paid in advance is charged, and its money follows its status, through {@code BookingCharges}
 * (implemented by the porte-monnaie, which is locked before any seat).
 * Agents' queues ({@code ValidationQueue}, {@code CertificateQueue}), and reports
 * ({@link OccupancyQueries}: occupancy by day and week, attendance of a period) are SQL returning records.
 */
package fr.portailfamille.platform.booking;
