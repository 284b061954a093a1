package fr.portailfamille.platform.booking.web;

import fr.portailfamille.platform.booking.AttendanceRow;
import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;

/**
 * The attendance as CSV for a French Excel: UTF-8 with a byte order mark, {@code ;} between cells,
 * quotes where needed (RFC 4180), and no cell read as a formula (a cell beginning with {@code = + - @},
 * a tab or a carriage return gets a leading apostrophe).
 */
final class AttendanceCsv {

    static final String BOM = "\uFEFF";
    static final String[] HEADER = {"Date", "Activité", "Unité", "Nom", "Prénom", "École", "Présence"};
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Writer out;

    AttendanceCsv(Writer out) throws IOException {
        this.out = out;
        out.write(BOM);
        line(HEADER);
    }

    void write(AttendanceRow r) throws IOException {
        line(DAY.format(r.day()), r.activity(), r.unit(), r.lastName(), r.firstName(), r.school(),
                AttendanceLabels.of(r.status()));
    }

    private void line(String... cells) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(';');
            }
            b.append(cell(cells[i]));
        }
        out.write(b.append("\r\n").toString());
    }

    /** A cell neutralised then quoted when it holds a separator, a quote or a line break. */
    static String cell(String value) {
        String v = neutralise(value);
        if (v.indexOf(';') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** Excel would compute a cell beginning with = + - @ (or tab, CR): it gets a leading apostrophe. */
    static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
