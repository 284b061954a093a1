/**
 * What every context leans on and that depends on no context: a refusal carrying French field errors
 * ({@code Refused}), text length limits and the upload checker.
 */
package fr.portailfamille.platform.kernel;
