/**
 * What every context leans on and that depends on no context: a refusal carrying French field errors
 * ({@code Refused}), text length limits, the upload checker, the sort of staff lists ({@code Sort}), native
 * rows' values ({@code Rows}) and spreadsheet cells kept as text in exports ({@code SpreadsheetCells}).
 */
package fr.portailfamille.platform.kernel;
