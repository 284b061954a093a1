/**
 * What every context leans on and that depends on no context: a refusal ({@code Refused}), a denial ({@code Denied})
 * or an account that does not reach its file ({@code AccountConflict}) that says why in a text read in the page's
 * language ({@code Explained}), text length limits, the upload checker, the sort of staff lists ({@code Sort}),
 * native rows' values ({@code Rows}) and spreadsheet cells kept as text in exports ({@code SpreadsheetCells}), and
 * the platform's time zone and clock, where "today" is read ({@code PlatformTime}).
 */
package fr.portailfamille.platform.kernel;
