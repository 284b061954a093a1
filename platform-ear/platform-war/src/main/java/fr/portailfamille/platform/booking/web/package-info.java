/**
 * Faces beans of the booking pages: a child's month planning and absences (families), the day sheet for
 * pointage and the queues of bookings to validate and certificates to review (agents).
 */
package fr.portailfamille.platform.booking.web;
