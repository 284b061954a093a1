/**
 * Mes demandes' port: each context that takes a family's requests (change requests, registrations, school
 * requests, bookings awaiting validation, absences, documents) contributes them through a {@link
 * fr.portailfamille.platform.family.requests.RequestSource}, reading only its own tables; the family context
 * collects them for the signed-in family in one SQL statement.
 */
package fr.portailfamille.platform.family.requests;
