package fr.portailfamille.platform.billing.documents;

import static fr.portailfamille.platform.kernel.HtmlPdf.escape;

import fr.portailfamille.platform.kernel.HtmlPdf;
import fr.portailfamille.platform.kernel.InlineSvg;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What every billing document shares: the page (A4, DejaVu Sans), the commune's band in its primary
 * colour with its logo and name, the issuer (régie and its contact) and the family's address block. The
 * commune's SVG logo is drawn (through {@link InlineSvg}); a commune without one, or whose logo cannot be
 * read, gets its monogram in its colours, as on {@code /logo}.
 */
final class DocumentLayout {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private DocumentLayout() {
    }

    /** The commune as its documents print it. */
    record Issuer(String communeName, String primaryColor, String accentColor, String logoSvg) {

        /** A commune without a logo of its own. */
        Issuer(String communeName, String primaryColor, String accentColor) {
            this(communeName, primaryColor, accentColor, null);
        }

        String primary() {
            return colour(primaryColor, "#1d4f91");
        }

        String accent() {
            return colour(accentColor, "#f2a900");
        }

        String initial() {
            return communeName == null || communeName.isBlank() ? "" : communeName.substring(0, 1).toUpperCase(Locale.FRENCH);
        }
    }

    /** A family's label and postal address lines. */
    record Addressee(String label, List<String> addressLines) {

        Addressee {
            addressLines = addressLines == null ? List.of() : addressLines.stream().filter(l -> l != null && !l.isBlank()).toList();
        }
    }

    static String colour(String value, String fallback) {
        return value != null && COLOUR.matcher(value).matches() ? value : fallback;
    }

    /** The start of a document up to its body's first element: CSS and the commune's band. */
    static String open(String title, Issuer issuer) {
        String p = issuer.primary();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fr\"><head>"
                + "<meta charset=\"UTF-8\"/><title>" + escape(title) + "</title><style>\n"
                + "@page { size: A4; margin: 16mm 14mm 18mm 14mm;"
                + " @bottom-center { content: '" + cssString(issuer.communeName()) + " – page ' counter(page) ' / ' counter(pages);"
                + " font-family: '" + HtmlPdf.FONT + "'; font-size: 8pt; color: #52606d; } }\n"
                + "body { font-family: '" + HtmlPdf.FONT + "'; font-size: 9.5pt; color: #1f2933; }\n"
                + ".band { background-color: " + p + "; color: #ffffff; padding: 8pt 10pt; border-bottom: 4pt solid " + issuer.accent() + "; }\n"
                + ".band td { color: #ffffff; vertical-align: middle; }\n"
                + ".logo { width: 34pt; height: 34pt; background-color: #ffffff; color: " + p + "; font-size: 22pt;"
                + " font-weight: bold; text-align: center; line-height: 34pt; border-radius: 6pt; }\n"
                + ".logo-image { padding: 2pt; width: 30pt; height: 30pt; line-height: normal; }\n"
                + ".commune { font-size: 15pt; font-weight: bold; padding-left: 8pt; }\n"
                + "h1 { font-size: 14pt; color: " + p + "; margin: 12pt 0 4pt 0; }\n"
                + "h2 { font-size: 11pt; color: " + p + "; margin: 10pt 0 4pt 0; }\n"
                + "table { border-collapse: collapse; width: 100%; }\n"
                + ".parties td { vertical-align: top; width: 50%; padding: 6pt 0; }\n"
                + ".address { border: 0.75pt solid #9aa5b1; padding: 6pt 8pt; }\n"
                + ".lines th { background-color: " + p + "; color: #ffffff; text-align: left; padding: 3pt 4pt; font-size: 8.5pt; }\n"
                + ".lines td { border-bottom: 0.5pt solid #cbd2d9; padding: 3pt 4pt; vertical-align: top; }\n"
                + ".num { text-align: right; white-space: nowrap; }\n"
                + ".totals { table-layout: fixed; margin-top: 6pt; }\n"
                + ".totals td { padding: 2pt 4pt; }\n"
                + ".totals td.space { width: 40%; }\n"
                + ".totals td.label { width: 38%; }\n"
                + ".totals .strong td.label, .totals .strong td.num { font-weight: bold; font-size: 11pt; border-top: 1pt solid " + p + "; }\n"
                + ".facts td { padding: 1pt 6pt 1pt 0; }\n"
                + ".note { border-left: 3pt solid " + issuer.accent() + "; padding: 4pt 8pt; margin: 8pt 0; background-color: #f5f7fa; }\n"
                + ".small { font-size: 8pt; color: #52606d; }\n"
                + "</style></head><body>"
                + "<div class=\"band\"><table><tr><td style=\"width: 40pt\">" + logo(issuer) + "</td><td class=\"commune\">" + escape(issuer.communeName()) + "</td></tr></table></div>";
    }

    /** The commune's SVG logo on a white tile, or its monogram. */
    static String logo(Issuer issuer) {
        return InlineSvg.of(issuer.logoSvg(), "30pt", "30pt")
                .map(svg -> "<div class=\"logo logo-image\">" + svg + "</div>")
                .orElseGet(() -> "<div class=\"logo\">" + escape(issuer.initial()) + "</div>");
    }

    /** The start of a table of totals, on the right half of the page. */
    static String totalsOpen() {
        return "<table class=\"totals\">";
    }

    /** One total: its label and its amount, in bold when {@code strong}. */
    static String total(String label, String amount, boolean strong) {
        return "<tr" + (strong ? " class=\"strong\"" : "") + "><td class=\"space\"></td><td class=\"label\">" + escape(label)
                + "</td><td class=\"num\">" + escape(amount) + "</td></tr>";
    }

    static String close() {
        return "</body></html>";
    }

    /** The issuer's block (régie, contact lines) beside the family's address. */
    static String parties(String issuerTitle, List<String> issuerLines, Addressee family) {
        StringBuilder b = new StringBuilder("<table class=\"parties\"><tr><td><strong>").append(escape(issuerTitle)).append("</strong>");
        for (String l : issuerLines) {
            if (l != null && !l.isBlank()) {
                b.append("<br/>").append(escape(l));
            }
        }
        b.append("</td><td><div class=\"address\"><strong>").append(escape(family.label())).append("</strong>");
        for (String l : family.addressLines()) {
            b.append("<br/>").append(escape(l));
        }
        return b.append("</div></td></tr></table>").toString();
    }

    /** Text inside a CSS single-quoted string. */
    private static String cssString(String s) {
        return escape(s == null ? "" : s.replace("\\", "").replace("'", "\u2019"));
    }
}
