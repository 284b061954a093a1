package fr.portailfamille.platform.billing.documents;

import static fr.portailfamille.platform.kernel.HtmlPdf.escape;

import fr.portailfamille.billing.Money;
import fr.portailfamille.billing.Settlement;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.BillingDates;
import java.util.ArrayList;
import java.util.List;

/**
 * The XHTML of an invoice or a credit note, as the family prints it: the commune's band, the régie
 * (label, contact) beside the family's address, number, period, issue and due dates, one row per
 * child, activity and unit (label, quantity of days, unit price, amount), the total, what is already
 * paid and what is left to pay, "Titre émis (ORMC n° …)" when the invoice went to the Trésorerie, and
 * the régie's payment instructions. A credit note prints as "Avoir n° … sur la facture …". Pure: the
 * caller reads the rows (see {@link BillingDocuments}).
 */
public final class InvoicePdf {

    /**
     * An invoice line as printed: {@code service} is what it bills ("Restauration scolaire – Midi", {@link
     * fr.portailfamille.platform.billing.BilledService}; null for a line of no activity), {@code label} how it was priced.
     */
    public record Line(String childName, String label, int quantity, long unitPriceCents, long amountCents, String service) {

        /** A line of no activity (an avoir by amount): its label alone. */
        public Line(String childName, String label, int quantity, long unitPriceCents, long amountCents) {
            this(childName, label, quantity, unitPriceCents, amountCents, null);
        }
    }

    /** The régie as its invoices print it. */
    public record Regie(String label, String managerName, String managerEmail, String managerPhone, String paymentInstructions) {
    }

    private InvoicePdf() {
    }

    /** The document's title: "Facture n° AL-36" or "Avoir n° AL-AV-3 sur la facture AL-36". */
    public static String title(AccountInvoice invoice) {
        return "CREDIT_NOTE".equals(invoice.kind())
                ? "Avoir n° " + invoice.number() + " sur la facture " + invoice.creditNoteOf()
                : "Facture n° " + invoice.number();
    }

    /** The file name a browser saves it as: {@code facture-AL-36.pdf}, {@code avoir-AL-AV-3.pdf}. */
    public static String fileName(AccountInvoice invoice) {
        return ("CREDIT_NOTE".equals(invoice.kind()) ? "avoir-" : "facture-") + invoice.number().replaceAll("[^A-Za-z0-9_-]", "_") + ".pdf";
    }

    static String xhtml(DocumentLayout.Issuer issuer, Regie regie, DocumentLayout.Addressee family, AccountInvoice invoice,
            List<Line> lines) {
        return xhtml(issuer, regie, family, invoice, lines, null);
    }

    /** {@code directDebit}: how the invoice is paid by direct debit ("Prélevé le …", a reject), {@code null} when not. */
    static String xhtml(DocumentLayout.Issuer issuer, Regie regie, DocumentLayout.Addressee family, AccountInvoice invoice,
            List<Line> lines, String directDebit) {
        boolean note = "CREDIT_NOTE".equals(invoice.kind());
        StringBuilder b = new StringBuilder(DocumentLayout.open(title(invoice), issuer));
        List<String> contact = new ArrayList<>();
        if (regie.managerName() != null) {
            contact.add("Régisseur : " + regie.managerName());
        }
        contact.add(regie.managerEmail());
        contact.add(regie.managerPhone() == null ? null : "Tél. " + regie.managerPhone());
        b.append(DocumentLayout.parties(regie.label(), contact, family));
        b.append("<h1>").append(escape(title(invoice))).append("</h1>");
        b.append("<table class=\"facts\" style=\"width: auto\">");
        fact(b, "Période", "du " + BillingDates.text(invoice.periodStart()) + " au " + BillingDates.text(invoice.periodEnd()));
        fact(b, "Date d'émission", BillingDates.text(invoice.issuedOn()));
        if (!note && invoice.dueDate() != null) {
            fact(b, "À payer avant le", BillingDates.text(invoice.dueDate()));
        }
        if (!note && directDebit != null) {
            fact(b, "Prélèvement automatique", directDebit);
        }
        b.append("</table>");
        b.append("<table class=\"lines\" style=\"margin-top: 8pt\"><thead><tr><th>Enfant</th><th>Prestation</th>"
                + "<th class=\"num\">Quantité</th><th class=\"num\">Prix unitaire</th><th class=\"num\">Montant</th></tr></thead><tbody>");
        for (Line l : lines) {
            b.append("<tr><td>").append(escape(l.childName())).append("</td><td>");
            if (l.service() != null) {
                // what the line bills, then how it was priced
                b.append("<strong>").append(escape(l.service())).append("</strong><br/>");
            }
            b.append(escape(l.label()))
                    .append("</td><td class=\"num\">").append(l.quantity()).append(note ? "" : l.quantity() > 1 ? " jours" : " jour")
                    .append("</td><td class=\"num\">").append(escape(Money.format(l.unitPriceCents())))
                    .append("</td><td class=\"num\">").append(escape(Money.format(l.amountCents()))).append("</td></tr>");
        }
        b.append("</tbody></table>");
        b.append(DocumentLayout.totalsOpen());
        if (note) {
            total(b, "Montant de l'avoir", invoice.totalCents(), true);
        } else {
            total(b, "Total de la facture", invoice.totalCents(), true);
            // paid, or deducted by a credit note: both settle it
            total(b, "Déjà réglé", invoice.settledCents(), false);
            total(b, "Reste à payer", invoice.outstandingCents(), true);
        }
        b.append("</table>");
        if (invoice.settlement() == Settlement.TITRE_EMIS) {
            b.append("<p class=\"note\"><strong>Titre émis (ORMC n° ").append(escape(invoice.titreNumber()))
                    .append(")</strong> : cette facture a été transmise au Trésor public ; son paiement se règle"
                            + " désormais auprès de la Trésorerie (voir l'avis des sommes à payer).</p>");
        } else if (note) {
            b.append("<p class=\"note\">Cet avoir est déduit de la facture ").append(escape(invoice.creditNoteOf()))
                    .append(" ; ce qui dépasse le reste à payer est conservé en crédit sur votre compte.</p>");
        } else if (invoice.settlement() == Settlement.PAID) {
            b.append("<p class=\"note\"><strong>Facture payée.</strong> Merci.</p>");
        }
        // how to pay the régie only while the régie takes its payment (not once paid, nor once the Trésorerie follows it)
        if (!note && invoice.settlement().payableHere() && invoice.outstandingCents() > 0
                && regie.paymentInstructions() != null && !regie.paymentInstructions().isBlank()) {
            b.append("<h2>Comment payer</h2><p>").append(escape(regie.paymentInstructions()).replace("\n", "<br/>")).append("</p>");
        }
        b.append("<p class=\"small\">Rappelez le numéro ").append(escape(invoice.number()))
                .append(" pour tout paiement ou toute question.</p>");
        return b.append(DocumentLayout.close()).toString();
    }

    private static void fact(StringBuilder b, String label, String value) {
        b.append("<tr><td>").append(escape(label)).append(" :</td><td><strong>").append(escape(value)).append("</strong></td></tr>");
    }

    private static void total(StringBuilder b, String label, long cents, boolean strong) {
        b.append(DocumentLayout.total(label, Money.format(cents), strong));
    }
}
