/**
 * Faces beans of the family file: the household, children and change requests (families); the families list
 * ({@code FamillesView}), the queues of files and of change requests, a family's file with its bookings and
 * requests, and its direct edit (agents).
 */
package fr.portailfamille.platform.family.web;
