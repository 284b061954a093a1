package fr.portailfamille.platform.kernel;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;

/**
 * Well-formed XHTML to PDF (OpenHTMLtoPDF on PDFBox), with the DejaVu Sans faces bundled in the
 * application (regular and bold; accents, € and « » print the same on every replica, whatever fonts the
 * host has): invoices, relevés, receipts, certificates. Documents name the family "DejaVu Sans" in their
 * CSS. Input is built by the callers with {@link #escape} on every value.
 */
public final class HtmlPdf {

    /** The font family the documents' CSS names. */
    public static final String FONT = "DejaVu Sans";

    private static final String FONTS = "/fr/portailfamille/platform/kernel/fonts/";

    static {
        // OpenHTMLtoPDF logs each document's timings at INFO: warnings only
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
    }

    private HtmlPdf() {
    }

    /** The PDF of this XHTML document. */
    public static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (xhtml.contains("<svg")) {
                // SVG (the commune's logo) without scripts nor external resources; Batik only when there is one
                builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
            }
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Text made safe to place in XHTML content or a quoted attribute. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static InputStream font(String file) {
        InputStream in = HtmlPdf.class.getResourceAsStream(FONTS + file);
        if (in == null) {
            throw new IllegalStateException("font missing from the application: " + file);
        }
        return in;
    }
}
