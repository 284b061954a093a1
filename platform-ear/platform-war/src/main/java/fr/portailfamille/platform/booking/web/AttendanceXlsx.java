package fr.portailfamille.platform.booking.web;

import fr.portailfamille.platform.booking.AttendanceRow;
import fr.portailfamille.platform.kernel.SpreadsheetCells;
import java.io.IOException;
import java.io.OutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The attendance as an XLSX workbook written as a stream (fastexcel): rows leave every 500 lines. Every
 * cell is typed text or date, never a formula, so nothing a family typed is computed by Excel; texts that would read as
 * a formula once the sheet is saved as CSV start with an apostrophe ({@link SpreadsheetCells}).
 */
final class AttendanceXlsx implements AutoCloseable {

    private final Workbook workbook;
    private final int rowsPerSheet;
    private Worksheet sheet;
    private int sheets;
    private int row;

    AttendanceXlsx(OutputStream out) {
        this(out, Worksheet.MAX_ROWS);
    }

    /**
     * A workbook whose sheets hold {@code rowsPerSheet} rows each, header included: a period longer than a sheet (a
     * school year's canteen of a large commune passes Excel's 1,048,576 rows) goes on in « Présences (2) »…
     */
    AttendanceXlsx(OutputStream out, int rowsPerSheet) {
        workbook = new Workbook(out, "Portail Famille", "1.0");
        this.rowsPerSheet = rowsPerSheet;
        newSheet();
    }

    private void newSheet() {
        sheets++;
        sheet = workbook.newWorksheet(sheets == 1 ? "Présences" : "Présences (" + sheets + ")");
        for (int c = 0; c < AttendanceCsv.HEADER.length; c++) {
            sheet.value(0, c, AttendanceCsv.HEADER[c]);
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        sheet.width(0, 12);
        row = 1;
    }

    void write(AttendanceRow r) throws IOException {
        if (row == rowsPerSheet) {
            sheet.finish();
            newSheet();
        }
        sheet.value(row, 0, r.day());
        sheet.style(row, 0).format("dd/mm/yyyy").set();
        // neutralised as the CSV's and the billing workbooks' cells: a copy of the sheet to CSV stays safe
        sheet.value(row, 1, SpreadsheetCells.text(r.activity()));
        sheet.value(row, 2, SpreadsheetCells.text(r.unit()));
        sheet.value(row, 3, SpreadsheetCells.text(r.lastName()));
        sheet.value(row, 4, SpreadsheetCells.text(r.firstName()));
        sheet.value(row, 5, SpreadsheetCells.text(r.school()));
        sheet.value(row, 6, AttendanceLabels.of(r.status()));
        row++;
        if (row % 500 == 0) {
            sheet.flush();
        }
    }

    @Override
    public void close() throws IOException {
        workbook.finish();
    }
}
