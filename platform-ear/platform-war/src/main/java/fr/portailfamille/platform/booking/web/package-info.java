/** Faces beans of the booking pages: a child's month planning and absences (families), the day sheet for pointage (agents). */
package fr.portailfamille.platform.booking.web;
