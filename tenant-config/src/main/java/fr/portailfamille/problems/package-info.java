/**
 * How a refused input is told: a {@link fr.portailfamille.problems.FieldError} names the field and says why, as a
 * {@link fr.portailfamille.problems.Message} read in French or in the page's language. Shared by every context
 * (configuration, tenancy, the WAR's services) and depending on none.
 */
package fr.portailfamille.problems;
