package fr.portailfamille.platform.billing.documents;

import static fr.portailfamille.platform.kernel.HtmlPdf.escape;

import fr.portailfamille.billing.Money;
import fr.portailfamille.billing.Statement;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.wallet.Wallets;
import java.util.List;

/**
 * The XHTML of a relevé de compte for a school year, as seed 004 prints it: old balance, each movement
 * (date, reference, label, débit, crédit, balance after it), the totals and the closing balance; then each
 * porte-monnaie's year (its balance on 1 September, every movement, its balance on 31 August). Pure.
 */
public final class StatementPdf {

    private StatementPdf() {
    }

    /** "2026-2027" for the school year starting on 1 September 2026. */
    public static String schoolYear(Statement s) {
        return s.from().getYear() + "-" + s.to().getYear();
    }

    /** A balance in words: what the family owes, or its credit. */
    public static String balance(long cents) {
        return cents < 0 ? Money.format(-cents) + " en votre faveur" : Money.format(cents);
    }

    static String xhtml(DocumentLayout.Issuer issuer, DocumentLayout.Addressee family, Statement s,
            List<Wallets.Year> wallets) {
        String title = "Relevé de compte – année scolaire " + schoolYear(s);
        StringBuilder b = new StringBuilder(DocumentLayout.open(title, issuer));
        b.append(DocumentLayout.parties("Régies de " + issuer.communeName(),
                List.of("du " + BillingDates.text(s.from()) + " au " + BillingDates.text(s.to())), family));
        b.append("<h1>").append(escape(title)).append("</h1>");
        b.append("<table class=\"lines\"><thead><tr><th>Date</th><th>Référence</th><th>Libellé</th>"
                + "<th class=\"num\">Débit</th><th class=\"num\">Crédit</th><th class=\"num\">Solde</th></tr></thead><tbody>");
        b.append("<tr><td>").append(BillingDates.text(s.from())).append("</td><td></td><td><strong>Ancien solde</strong></td>")
                .append("<td></td><td></td><td class=\"num\"><strong>").append(escape(Money.format(s.openingCents())))
                .append("</strong></td></tr>");
        for (Statement.Line l : s.lines()) {
            Statement.Movement m = l.movement();
            b.append("<tr><td>").append(BillingDates.text(m.date())).append("</td><td>").append(escape(m.reference()))
                    .append("</td><td>").append(escape(m.label())).append("</td><td class=\"num\">")
                    .append(m.debitCents() > 0 ? escape(Money.format(m.debitCents())) : "")
                    .append("</td><td class=\"num\">").append(m.creditCents() > 0 ? escape(Money.format(m.creditCents())) : "")
                    .append("</td><td class=\"num\">").append(escape(Money.format(l.balanceCents()))).append("</td></tr>");
        }
        b.append("<tr><td></td><td></td><td><strong>Totaux de l'année</strong></td><td class=\"num\"><strong>")
                .append(escape(Money.format(s.debitCents()))).append("</strong></td><td class=\"num\"><strong>")
                .append(escape(Money.format(s.creditCents()))).append("</strong></td><td></td></tr>");
        b.append("</tbody></table>");
        b.append(DocumentLayout.totalsOpen()).append(DocumentLayout.total("Solde au " + BillingDates.text(s.to()),
                balance(s.closingCents()), true)).append("</table>");
        b.append("<p class=\"small\">Un solde positif est ce qui reste à payer ; un solde négatif est un crédit en votre faveur."
                + " Les factures en débit, les paiements et les avoirs en crédit ; un paiement annulé revient en débit.</p>");
        for (Wallets.Year w : wallets) {
            b.append("<h2>").append(escape("Porte-monnaie « " + w.regieLabel() + " »")).append("</h2>");
            b.append("<table class=\"lines\"><thead><tr><th>Date</th><th>Libellé</th><th class=\"num\">Débit</th>"
                    + "<th class=\"num\">Crédit</th><th class=\"num\">Solde</th></tr></thead><tbody>");
            b.append("<tr><td>").append(BillingDates.text(s.from())).append("</td><td><strong>Ancien solde</strong></td>")
                    .append("<td></td><td></td><td class=\"num\"><strong>").append(escape(Money.format(w.openingCents())))
                    .append("</strong></td></tr>");
            for (Wallets.Movement m : w.movements()) {
                b.append("<tr><td>").append(BillingDates.text(m.getDay())).append("</td><td>").append(escape(m.label()))
                        .append("</td><td class=\"num\">").append(m.amountCents() < 0 ? escape(Money.format(-m.amountCents())) : "")
                        .append("</td><td class=\"num\">").append(m.amountCents() > 0 ? escape(Money.format(m.amountCents())) : "")
                        .append("</td><td class=\"num\">").append(escape(Money.format(m.balanceAfterCents()))).append("</td></tr>");
            }
            b.append("</tbody></table>");
            b.append(DocumentLayout.totalsOpen()).append(DocumentLayout.total("Solde au " + BillingDates.text(s.to()),
                    Money.format(w.closingCents()), true)).append("</table>");
        }
        if (!wallets.isEmpty()) {
            b.append("<p class=\"small\">Le solde d'un porte-monnaie est l'argent disponible : rechargements et remboursements"
                    + " en crédit, jours réservés en débit.</p>");
        }
        return b.append(DocumentLayout.close()).toString();
    }
}
