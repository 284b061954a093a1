/**
 * What every context leans on and that depends on no context: a refusal carrying French field errors
 * ({@code Refused}), text length limits, the upload checker and spreadsheet cells kept as text in exports.
 */
package fr.portailfamille.platform.kernel;
