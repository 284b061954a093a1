package fr.portailfamille.platform.kernel;

/**
 * Text put in an exported spreadsheet (CSV, XLSX) as text, never as a formula: a cell starting with
 * {@code = + - @} (or a tab or carriage return, which some spreadsheets skip first) is prefixed with an
 * apostrophe, so that a family's "=HYPERLINK(…)" stays words in the agent's Excel (CSV/formula injection).
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }
}
