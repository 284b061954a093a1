/**
 * Bookings of children on the days of an activity's units. Seats are counted in one row per unit
 * and day ({@code unit_day}), locked ({@code SELECT … FOR UPDATE}) while a seat is taken or freed, so
 * that concurrent bookers never oversell the last seat; a freed seat goes at once to the first child
 * on the waiting list, whose family is mailed. The rules (deadlines, late bookings, validation,
 * legend) are the commune's, from {@link fr.portailfamille.booking}. {@code BookingCounts} counts what waits
 * for agents (bookings to validate, certificates to review).
 */
package fr.portailfamille.platform.booking;
