/**
 * Bookings of children on the days of an activity's units, one service per use case: families book
 * and cancel ({@code PlanningService}), declare absences whose certificates agents review
 * ({@code AbsenceService}), agents validate bookings ({@code BookingDesk}) and point the day sheet
 * ({@code AttendanceService}); {@code SeatCounter} alone counts and locks the seats of each unit-day
 * (through {@link fr.portailfamille.booking.SeatLedger}, so that concurrent bookers never oversell the last
 * seat) and gives a freed seat to the first child waiting. The rules are the commune's, in
 * {@link fr.portailfamille.booking}.
 */
package fr.portailfamille.platform.booking;
