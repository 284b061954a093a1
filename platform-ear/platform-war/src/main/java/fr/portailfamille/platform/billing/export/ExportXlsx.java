package fr.portailfamille.platform.billing.export;

import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.kernel.SpreadsheetCells;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An {@link ExportTable} as an XLSX workbook (fastexcel, streamed): amounts and counts are numeric cells
 * (euros with two decimals), dates are date cells, text is text never a formula (and neutralised as in
 * the CSV, so that a copy to CSV stays safe).
 */
public final class ExportXlsx {

    private ExportXlsx() {
    }

    public static void write(ExportTable table, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Portail Famille", "1.0");
        Worksheet sheet = workbook.newWorksheet(table.name());
        for (int c = 0; c < table.columns().size(); c++) {
            sheet.value(0, c, table.columns().get(c).header());
            sheet.style(0, c).bold().set();
            sheet.width(c, 16);
        }
        sheet.freezePane(0, 1);
        int r = 1;
        for (Object[] row : table.rows()) {
            for (int c = 0; c < row.length; c++) {
                cell(sheet, r, c, table.columns().get(c).kind(), row[c]);
            }
            r++;
            if (r % 500 == 0) {
                sheet.flush();
            }
        }
        workbook.finish();
    }

    private static void cell(Worksheet sheet, int r, int c, ExportTable.Kind kind, Object value) {
        if (value == null) {
            return;
        }
        switch (kind) {
            case MONEY -> {
                sheet.value(r, c, Money.euros(((Number) value).longValue()));
                sheet.style(r, c).format("#,##0.00").set();
            }
            case COUNT -> sheet.value(r, c, ((Number) value).longValue());
            case DATE -> {
                sheet.value(r, c, (LocalDate) value);
                sheet.style(r, c).format("dd/mm/yyyy").set();
            }
            case DATETIME -> {
                sheet.value(r, c, (LocalDateTime) value);
                sheet.style(r, c).format("dd/mm/yyyy hh:mm:ss").set();
            }
            case TEXT -> sheet.value(r, c, SpreadsheetCells.text(value));
        }
    }
}
