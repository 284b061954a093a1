/**
 * What every context leans on and that depends on no context: a refusal carrying French field errors
 * ({@code Refused}), text length limits, the upload checker, the sort of staff lists ({@code Sort}) and
 * native rows' values ({@code Rows}).
 */
package fr.portailfamille.platform.kernel;
