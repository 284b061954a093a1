/**
 * The family context's part of the families' REST API ({@code /api/famille/v1/enfants}): the signed-in family's
 * children, without their health data.
 */
package fr.portailfamille.platform.family.api;
