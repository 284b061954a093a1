package fr.portailfamille.platform.booking.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.platform.booking.AttendanceRow;
import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AttendanceCsvTest {

    @Test
    void cellsThatExcelWouldComputeGetALeadingApostrophe() {
        assertEquals("'=HYPERLINK(\"http://x\")", AttendanceCsv.neutralise("=HYPERLINK(\"http://x\")"));
        assertEquals("'+33 6 12", AttendanceCsv.neutralise("+33 6 12"));
        assertEquals("'-2", AttendanceCsv.neutralise("-2"));
        assertEquals("'@SUM(A1)", AttendanceCsv.neutralise("@SUM(A1)"));
        assertEquals("'\tx", AttendanceCsv.neutralise("\tx"));
        assertEquals("Jean-Marie", AttendanceCsv.neutralise("Jean-Marie"), "a dash inside is harmless");
        assertEquals("", AttendanceCsv.neutralise(null));
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"a;b\"", AttendanceCsv.cell("a;b"));
        assertEquals("\"dit \"\"Lolo\"\"\"", AttendanceCsv.cell("dit \"Lolo\""));
        assertEquals("\"l1\nl2\"", AttendanceCsv.cell("l1\nl2"));
        assertEquals("\"'=1;2\"", AttendanceCsv.cell("=1;2"), "neutralised, then quoted");
        assertEquals("Léa", AttendanceCsv.cell("Léa"));
    }

    @Test
    void aFileForFrenchExcelBomSemicolonsAndWordsForStates() throws Exception {
        StringWriter out = new StringWriter();
        AttendanceCsv csv = new AttendanceCsv(out);
        csv.write(new AttendanceRow(LocalDate.of(2026, 12, 7), "Cantine", "Midi", "=Dupont", "Léa", "École du Centre",
                BookingStatus.PRESENT));
        csv.write(new AttendanceRow(LocalDate.of(2026, 12, 8), "Cantine", "Midi", "Martin", "Noé", null,
                BookingStatus.ABSENT_PENDING));
        assertEquals("\uFEFFDate;Activité;Unité;Nom;Prénom;École;Présence\r\n"
                + "07/12/2026;Cantine;Midi;'=Dupont;Léa;École du Centre;Présent\r\n"
                + "08/12/2026;Cantine;Midi;Martin;Noé;;Absent (décision du service en attente)\r\n", out.toString());
    }
}
