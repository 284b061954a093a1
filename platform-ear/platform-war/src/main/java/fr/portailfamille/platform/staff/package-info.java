/**
 * The commune's agents' accounts, managed by its administrators ({@code admin-commune}) from the staff area: the
 * agents of the commune's Keycloak realm with their roles and state, invitations, role changes, disabling and
 * re-enabling ({@code StaffAccounts}, under {@code StaffAccountRules}), each action audited in the commune's schema.
 */
package fr.portailfamille.platform.staff;
