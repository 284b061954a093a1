package fr.portailfamille.platform.booking.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.platform.booking.AttendanceRow;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The attendance workbook: what a family typed never reads as a formula, even once the sheet is saved as CSV. */
class AttendanceXlsxTest {

    @Test
    void namesAndSchoolsThatWouldComputeStartWithAnApostrophe() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AttendanceXlsx xlsx = new AttendanceXlsx(out)) {
            xlsx.write(new AttendanceRow(LocalDate.of(2026, 12, 7), "Cantine", "Midi", "=HYPERLINK(\"http://x\")", "+Léa",
                    "@École", BookingStatus.PRESENT));
        }
        StringBuilder xml = new StringBuilder();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("presences", ".xlsx");
        try {
            java.nio.file.Files.write(file, out.toByteArray());
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    xml.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        String all = xml.toString().replace("&apos;", "'").replace("&quot;", "\"").replace("&#xe9;", "é")
                .replace("&#xc9;", "É");
        assertTrue(all.contains("'=HYPERLINK(\"http://x\")"), all);
        assertTrue(all.contains("'+Léa") && all.contains("'@École"), all);
        assertFalse(all.contains(">=HYPERLINK"), all);
    }

    /** A period longer than a sheet goes on in a second sheet, with its header, rather than failing half-written. */
    @Test
    void rowsBeyondASheetGoOnInTheNext() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AttendanceXlsx xlsx = new AttendanceXlsx(out, 3)) {
            for (int d = 1; d <= 5; d++) {
                xlsx.write(new AttendanceRow(LocalDate.of(2026, 12, d), "Cantine", "Midi", "Martin", "Léa" + d, "École",
                        BookingStatus.PRESENT));
            }
        }
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(3, book.getNumberOfSheets());
            assertEquals("Présences (2)", book.getSheetName(1));
            assertEquals(AttendanceCsv.HEADER[0], book.getSheetAt(1).getRow(0).getCell(0).getStringCellValue());
            assertEquals("Léa3", book.getSheetAt(1).getRow(1).getCell(4).getStringCellValue());
            assertEquals("Léa5", book.getSheetAt(2).getRow(1).getCell(4).getStringCellValue());
        }
    }
}
