/**
 * Bookings of children on the days of an activity's units. Seats are counted in one row per unit
 * and day ({@code unit_day}), locked ({@code SELECT … FOR UPDATE}) while a seat is taken or freed, so
 * that concurrent bookers never oversell the last seat; a freed seat goes at once to the first child
 * on the waiting list, whose family is mailed. The rules (deadlines, late bookings, validation,
 * legend) are the commune's, from {@link fr.portailfamille.booking}. The agents' queues of bookings to
 * validate and of medical certificates to review ({@code ValidationQueue}, {@code CertificateQueue}) return records;
 * agents' reports (occupancy by day and week, attendance of a period) are SQL aggregates in {@link OccupancyQueries}.
 */
package fr.portailfamille.platform.booking;
