package fr.portailfamille.platform.billing.documents;

import static fr.portailfamille.platform.kernel.HtmlPdf.escape;

import fr.portailfamille.billing.ChildcareTaxCertificate;
import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.billing.BillingDates;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The XHTML of the attestation fiscale (frais de garde des enfants de moins de 6 ans) of a calendar year:
 * one section per régie, signed by its régisseur, with each child under 6 on 1 January and what was
 * paid in the year for its care ({@link ChildcareTaxCertificate}). Pure.
 */
public final class FiscalCertificatePdf {

    private FiscalCertificatePdf() {
    }

    static String xhtml(DocumentLayout.Issuer issuer, DocumentLayout.Addressee family, int year,
            Map<String, InvoicePdf.Regie> regies, List<ChildcareTaxCertificate.Amount> amounts, LocalDate today) {
        String title = "Attestation fiscale " + year + " – frais de garde des enfants de moins de 6 ans";
        StringBuilder b = new StringBuilder(DocumentLayout.open(title, issuer));
        b.append(DocumentLayout.parties(issuer.communeName(), List.of("Attestation pour la déclaration des revenus " + year), family));
        b.append("<h1>").append(escape(title)).append("</h1>");
        if (amounts.isEmpty()) {
            b.append("<p>Aucun paiement de frais de garde d'un enfant de moins de 6 ans au 1er janvier ").append(year)
                    .append(" n'a été reçu en ").append(year).append(".</p>");
        }
        Map<String, List<ChildcareTaxCertificate.Amount>> byRegie = new LinkedHashMap<>();
        amounts.forEach(a -> byRegie.computeIfAbsent(a.regie(), r -> new java.util.ArrayList<>()).add(a));
        byRegie.forEach((code, list) -> {
            InvoicePdf.Regie regie = regies.getOrDefault(code, new InvoicePdf.Regie(code, null, null, null, null));
            b.append("<h2>").append(escape(regie.label())).append("</h2><p>")
                    .append(regie.managerName() == null ? "Le régisseur" : "Je soussigné(e) " + escape(regie.managerName())
                            + ", régisseur")
                    .append(" de la ").append(escape(regie.label())).append(" de ").append(escape(issuer.communeName()))
                    .append(", certifie que ").append(escape(family.label()))
                    .append(" a payé en ").append(year).append(" pour la garde de ses enfants de moins de 6 ans au 1er janvier ")
                    .append(year).append(" les sommes suivantes :</p>");
            b.append("<table class=\"lines\"><thead><tr><th>Enfant</th><th>Date de naissance</th><th class=\"num\">Montant payé en ")
                    .append(year).append("</th></tr></thead><tbody>");
            for (ChildcareTaxCertificate.Amount a : list) {
                b.append("<tr><td>").append(escape(a.child().name())).append("</td><td>").append(BillingDates.text(a.child().birthDate()))
                        .append("</td><td class=\"num\">").append(escape(Money.format(a.cents()))).append("</td></tr>");
            }
            b.append("</tbody></table>").append(DocumentLayout.totalsOpen()).append(DocumentLayout.total("Total " + regie.label(),
                    Money.format(ChildcareTaxCertificate.total(list)), true)).append("</table>");
            b.append("<p>Fait le ").append(BillingDates.text(today)).append(", ")
                    .append(regie.managerName() == null ? "le régisseur" : escape(regie.managerName()) + ", régisseur").append(".</p>");
        });
        if (byRegie.size() > 1) {
            b.append(DocumentLayout.totalsOpen()).append(DocumentLayout.total("Total de l'année",
                    Money.format(ChildcareTaxCertificate.total(amounts)), true)).append("</table>");
        }
        b.append("<p class=\"small\">Sommes effectivement payées dans l'année (hors repas, séjours et activités sportives),"
                + " réparties entre les lignes de chaque facture au prorata de leurs montants. Les avoirs ne sont pas des"
                + " paiements. À reporter dans la case « frais de garde des enfants de moins de 6 ans » de votre déclaration.</p>");
        return b.append(DocumentLayout.close()).toString();
    }
}
