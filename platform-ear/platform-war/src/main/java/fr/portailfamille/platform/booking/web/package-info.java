/**
 * Faces beans and servlets of the booking pages: a child's month planning and absences (families); the day sheet
 * for pointage, the queues of bookings to validate and certificates to review, the occupancy of a unit over a
 * period and the attendance export (agents).
 */
package fr.portailfamille.platform.booking.web;
