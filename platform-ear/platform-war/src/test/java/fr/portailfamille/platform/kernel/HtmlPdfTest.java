package fr.portailfamille.platform.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class HtmlPdfTest {

    @Test
    void frenchTextAndEurosComeOutOfThePdfAsWritten() throws IOException {
        String value = "Chloé « Lefèvre » & Cie <script>";
        byte[] pdf = HtmlPdf.render("<html><head><style>body { font-family: '" + HtmlPdf.FONT + "'; }</style></head>"
                + "<body><h1>Facture AL-36</h1><p>" + HtmlPdf.escape(value) + "</p><p><b>Total : 120,60 €</b></p></body></html>");
        assertTrue(new String(pdf, 0, 5).startsWith("%PDF-"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Facture AL-36"), text);
            assertTrue(text.contains(value), text);
            assertTrue(text.contains("Total : 120,60 €"), text);
        }
    }

    @Test
    void escapeLeavesNoMarkupAndDropsControlCharacters() {
        assertEquals("a&lt;b&gt;&amp;&quot;&#39;c", HtmlPdf.escape("a<b>&\"'\u0001c"));
        assertEquals("", HtmlPdf.escape(null));
    }
}
