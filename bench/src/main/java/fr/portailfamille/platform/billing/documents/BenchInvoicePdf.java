package fr.portailfamille.platform.billing.documents;

import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.kernel.HtmlPdf;
import java.util.List;

/**
 * Bench 5's door to the platform's invoice PDF: {@link InvoicePdf}'s XHTML (package-private in the WAR,
 * hence this class in the same package on the bench's class path) rendered by {@link HtmlPdf}, exactly as
 * {@code BillingDocuments#invoice} does once it has read the invoice's rows.
 */
public final class BenchInvoicePdf {

    private BenchInvoicePdf() {
    }

    /** The PDF of {@code invoice} of régie {@code regie} for {@code family} at {@code address}, from commune {@code commune}. */
    public static byte[] pdf(String commune, InvoicePdf.Regie regie, String family, List<String> address, AccountInvoice invoice,
            List<InvoicePdf.Line> lines) {
        return HtmlPdf.render(InvoicePdf.xhtml(new DocumentLayout.Issuer(commune, "#1d4f91", "#f2a900"), regie,
                new DocumentLayout.Addressee(family, address), invoice, lines));
    }
}
