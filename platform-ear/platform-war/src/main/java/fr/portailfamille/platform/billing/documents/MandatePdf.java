package fr.portailfamille.platform.billing.documents;

import static fr.portailfamille.platform.kernel.HtmlPdf.escape;

import fr.portailfamille.platform.billing.BillingDates;
import java.util.List;

/**
 * The XHTML of a SEPA direct debit mandate (mandat de prélèvement SEPA) as the EPC rulebook asks it to be worded:
 * the creditor (name, ICS), the debtor (name, IBAN, BIC), the RUM, the type (recurrent), the signature date and
 * the debtor's rights; "révoqué le …" once revoked. Pure.
 */
public final class MandatePdf {

    private MandatePdf() {
    }

    static String xhtml(DocumentLayout.Issuer issuer, DocumentLayout.Addressee family, BillingDocuments.MandateText m) {
        String title = "Mandat de prélèvement SEPA";
        StringBuilder b = new StringBuilder(DocumentLayout.open(title + " " + m.rum(), issuer));
        b.append(DocumentLayout.parties(m.creditorName(), List.of("Identifiant créancier SEPA (ICS) : " + m.creditorIcs()), family));
        b.append("<h1>").append(title).append("</h1>");
        b.append("<table class=\"lines\"><tbody>");
        row(b, "Référence unique du mandat (RUM)", m.rum());
        row(b, "Type de paiement", "Récurrent");
        row(b, "Créancier", m.creditorName());
        row(b, "Identifiant créancier SEPA (ICS)", m.creditorIcs());
        row(b, "Titulaire du compte à débiter", m.debtorName());
        row(b, "IBAN", m.iban());
        row(b, "BIC", m.bic() == null ? "non indiqué" : m.bic());
        row(b, "Signé en ligne le", BillingDates.text(m.signedOn()));
        if (m.revokedOn() != null) {
            row(b, "Révoqué le", BillingDates.text(m.revokedOn()));
        }
        b.append("</tbody></table>");
        b.append("<p>En signant ce formulaire de mandat, vous autorisez ").append(escape(m.creditorName()))
                .append(" à envoyer des instructions à votre banque pour débiter votre compte, et votre banque à débiter votre"
                        + " compte conformément aux instructions de ").append(escape(m.creditorName())).append(".</p>");
        b.append("<p>Vous bénéficiez du droit d'être remboursé par votre banque selon les conditions décrites dans la convention"
                + " que vous avez passée avec elle. Une demande de remboursement doit être présentée dans les 8 semaines suivant"
                + " la date de débit de votre compte pour un prélèvement autorisé. Vos droits concernant ce mandat sont expliqués"
                + " dans un document que vous pouvez obtenir auprès de votre banque.</p>");
        b.append("<p class=\"small\">Chaque facture prélevée indique la date du prélèvement et son montant. Vous pouvez révoquer ce"
                + " mandat à tout moment depuis votre espace famille (« Prélèvement automatique »).</p>");
        return b.append(DocumentLayout.close()).toString();
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(value)).append("</td></tr>");
    }
}
