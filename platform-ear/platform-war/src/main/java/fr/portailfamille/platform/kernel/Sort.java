package fr.portailfamille.platform.kernel;

import java.io.Serializable;
import java.util.Map;

/**
 * How a staff list is sorted: a field the page names (a column of the table) and a direction. A list
 * turns it into its ORDER BY with {@link #orderBy}, through its own map of allowed fields, so that a
 * field from the browser never reaches the SQL.
 *
 * @param field the page's name of the sorted column, or {@code null} for the list's default order
 */
public record Sort(String field, boolean ascending) implements Serializable {

    /** The list's default order. */
    public static final Sort DEFAULT = new Sort(null, true);

    /**
     * The ORDER BY clause (without the words "order by"): the column of {@code field} among
     * {@code columns} in this direction, then {@code tieBreaker} so that pages never overlap; the
     * default column (ascending) when the field is unknown or absent.
     */
    public String orderBy(Map<String, String> columns, String defaultColumn, String tieBreaker) {
        String column = field == null ? null : columns.get(field);
        String order = column == null ? directed(defaultColumn, " asc") : directed(column, ascending ? " asc" : " desc");
        return order + ", " + tieBreaker + (column != null && !ascending ? " desc" : " asc");
    }

    /**
     * {@code columns} (one, or several separated by commas: "c.last_name, c.first_name") each in {@code direction}:
     * a name sorted downwards is sorted by last name downwards, then first name downwards. Commas inside parentheses
     * (a function's arguments) do not separate columns.
     */
    static String directed(String columns, String direction) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < columns.length(); i++) {
            char ch = columns.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.append(columns, start, i).append(direction).append(',');
                start = i + 1;
            }
        }
        return out.append(columns.substring(start)).append(direction).toString();
    }

    /** An offset and a page size kept within sane bounds (1 to 100 rows). */
    public static int limit(int size) {
        return Math.max(1, Math.min(100, size));
    }

    public static int offset(int offset) {
        return Math.max(0, offset);
    }
}
