package fr.portailfamille.platform.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasStayText() {
        assertEquals("'=HYPERLINK(\"http://x\")", SpreadsheetCells.text("=HYPERLINK(\"http://x\")"));
        assertEquals("'+33 6 12", SpreadsheetCells.text("+33 6 12"));
        assertEquals("'-2+3", SpreadsheetCells.text("-2+3"));
        assertEquals("'@SUM(A1)", SpreadsheetCells.text("@SUM(A1)"));
        assertEquals("'\t=1", SpreadsheetCells.text("\t=1"));
    }

    @Test
    void otherCellsAreUnchanged() {
        assertEquals("Durand", SpreadsheetCells.text("Durand"));
        assertEquals("Léa = Hugo", SpreadsheetCells.text("Léa = Hugo"));
        assertEquals("", SpreadsheetCells.text(null));
        assertEquals("", SpreadsheetCells.text(""));
        assertEquals("512", SpreadsheetCells.text(512));
    }
}
