/**
 * The family file (foyer, responsables, enfants). This first version holds the household and its
 * children; it lives in the commune's schema like every tenant table.
 */
package fr.portailfamille.platform.family;
