/**
 * Mon profil: what a parent chose (e-mail and SMS consent, kept in the family file; reminders opt-out, kept per
 * account), the private iCal feed of each child's booked days, and the booking-deadline reminders mailed to
 * families who usually book.
 */
package fr.portailfamille.platform.profile;
