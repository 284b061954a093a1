package fr.portailfamille.platform.billing.export;

import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.kernel.SpreadsheetCells;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * An {@link ExportTable} as CSV for a French Excel: UTF-8 byte order mark, {@code ;} between cells, CRLF,
 * quotes where needed (RFC 4180); amounts in euros with a decimal comma and no grouping ("1234,50"),
 * dates dd/MM/yyyy; text neutralised by {@link SpreadsheetCells} so that no cell is read as a formula.
 */
public final class ExportCsv {

    static final String BOM = "\uFEFF";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private ExportCsv() {
    }

    public static void write(ExportTable table, Writer out) throws IOException {
        out.write(BOM);
        String[] header = table.columns().stream().map(ExportTable.Column::header).toArray(String[]::new);
        line(out, header);
        for (Object[] row : table.rows()) {
            String[] cells = new String[row.length];
            for (int i = 0; i < row.length; i++) {
                cells[i] = format(table.columns().get(i).kind(), row[i]);
            }
            line(out, cells);
        }
        out.flush();
    }

    /** A cell's text: amounts and counts as numbers ("12,30", "-0,35"), dates in French order, text neutralised. */
    static String format(ExportTable.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case MONEY -> euros(((Number) value).longValue());
            case COUNT -> String.valueOf(((Number) value).longValue());
            case DATE -> DAY.format((LocalDate) value);
            case DATETIME -> TIME.format((LocalDateTime) value);
            case TEXT -> SpreadsheetCells.text(value);
        };
    }

    /** Cents as euros with a decimal comma, no grouping: {@code 1230} → "12,30", {@code -35} → "-0,35". */
    public static String euros(long cents) {
        return Money.euros(cents).toPlainString().replace('.', ',');
    }

    private static void line(Writer out, String... cells) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(';');
            }
            b.append(quoted(cells[i]));
        }
        out.write(b.append("\r\n").toString());
    }

    /** Quoted when it holds a separator, a quote or a line break. */
    static String quoted(String v) {
        if (v.indexOf(';') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
