/**
 * Activity registrations with their documents (checked on their content) and school pre-registrations,
 * sent by a family for its own children and decided by agents with a reason; only a validated
 * registration opens the activity's days for booking. The agents' queues ({@code RegistrationQueue},
 * {@code SchoolQueue}) are SQL returning records.
 */
package fr.portailfamille.platform.registration;
