package fr.portailfamille.platform.billing.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExportXlsxTest {

    static Map<String, String> entries(byte[] xlsx) throws Exception {
        // a file, not a stream: fastexcel writes its entries' sizes after them (data descriptors)
        Path file = Files.createTempFile("export", ".xlsx");
        Files.write(file, xlsx);
        Map<String, String> files = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                files.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            Files.delete(file);
        }
        return files;
    }

    @Test
    void amountsAreNumericCellsInEurosAndTextIsNeverAFormula() throws Exception {
        ExportTable t = new ExportTable("Synthèse CAF", List.of(ExportTable.text("Famille"), ExportTable.money("Montant (€)"),
                ExportTable.count("Enfants"), ExportTable.date("Date")));
        t.row("=1+2", 12060L, 3L, LocalDate.of(2026, 10, 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportXlsx.write(t, out);
        Map<String, String> files = entries(out.toByteArray());
        String sheet = files.get("xl/worksheets/sheet1.xml");
        assertNotNull(sheet, files.keySet().toString());
        assertTrue(sheet.contains("<v>120.60</v>") || sheet.contains("<v>120.6</v>"), sheet);
        assertTrue(sheet.contains("<v>3</v>"), sheet);
        assertFalse(sheet.contains("<f>"), "no formula: " + sheet);
        String strings = files.getOrDefault("xl/sharedStrings.xml", "") + sheet;
        assertTrue(strings.contains("&apos;=1+2") || strings.contains("'=1+2"), "neutralised text: " + strings);
        String workbook = files.get("xl/workbook.xml");
        assertTrue(workbook.contains("Synthèse CAF") || workbook.contains("Synth&#xe8;se CAF"), workbook);
    }
}
