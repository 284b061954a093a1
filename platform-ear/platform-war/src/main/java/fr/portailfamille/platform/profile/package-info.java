/**
 * Mon profil: what a parent's account chose (e-mail and SMS consent, reminders opt-out), the private iCal feed of
 * each child's booked days, and the booking-deadline reminders mailed to families who usually book.
 */
package fr.portailfamille.platform.profile;
