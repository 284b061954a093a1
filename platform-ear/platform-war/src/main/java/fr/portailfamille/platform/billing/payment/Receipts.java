package fr.portailfamille.platform.billing.payment;

import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.kernel.HtmlPdf;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The receipt (reçu) of a counter payment as a PDF: commune, régie, family, payer, mode, amount, invoices paid, credit. */
@ApplicationScoped
@Transactional
@CommuneRequired
public class Receipts {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    PaymentDesk payments;

    /** The receipt's PDF (any agent of the commune). */
    public byte[] pdf(SignedInUser user, long paymentId) {
        return HtmlPdf.render(xhtml(user, paymentId));
    }

    /** The receipt as XHTML (its text is the PDF's). */
    String xhtml(SignedInUser user, long paymentId) {
        PaymentDesk.PaymentRow p = payments.payment(user, paymentId);
        Object[] regie = (Object[]) em.createNativeQuery("select r.label, r.manager_name, r.manager_email, r.manager_phone"
                + " from payment p join regie r on r.id = p.regie_id where p.id = ?1").setParameter(1, paymentId).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> allocations = em.createNativeQuery("select i.number, i.period_start, i.period_end, a.amount_cents"
                + " from payment_allocation a join invoice i on i.id = a.invoice_id where a.payment_id = ?1 order by i.id")
                .setParameter(1, paymentId).getResultList();
        long credit = ((Number) em.createNativeQuery("select coalesce(sum(amount_cents), 0) from account_credit where payment_id = ?1"
                + " and amount_cents > 0").setParameter(1, paymentId).getSingleResult()).longValue();
        StringBuilder b = new StringBuilder(4096);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fr\"><head>")
                .append("<title>Reçu ").append(e(p.receiptNumber())).append("</title><style>")
                .append("body{font-family:'").append(HtmlPdf.FONT).append("';font-size:10pt;color:#111}")
                .append("h1{font-size:16pt;margin:0 0 4pt}table{border-collapse:collapse;width:100%;margin-top:8pt}")
                .append("th,td{border:1px solid #999;padding:3pt 5pt;text-align:left}td.n{text-align:right}")
                .append(".cancelled{color:#a00;font-weight:bold}</style></head><body>")
                .append("<p>").append(e(TenantContext.require().name())).append(" — ").append(e((String) regie[0])).append("</p>")
                .append("<h1>Reçu n° ").append(e(p.receiptNumber())).append("</h1>");
        if (p.cancelled()) {
            b.append("<p class=\"cancelled\">Paiement annulé : ").append(e(p.cancelReason())).append("</p>");
        }
        b.append("<p>Famille : ").append(e(p.familyLabel())).append("<br/>Payeur : ")
                .append(e(p.payerName() == null ? p.familyLabel() : p.payerName())).append("<br/>Reçu le ")
                .append(BillingDates.text(p.receivedOn())).append(" — ").append(e(p.modeText().french())).append("</p>")
                .append("<p><strong>Montant reçu : ").append(e(Money.format(p.amountCents()))).append("</strong></p>")
                .append("<table><thead><tr><th>Facture</th><th>Période</th><th>Montant imputé</th></tr></thead><tbody>");
        for (Object[] a : allocations) {
            b.append("<tr><td>").append(e((String) a[0])).append("</td><td>").append(BillingDates.text(PaymentDesk.date(a[1])))
                    .append(" – ").append(BillingDates.text(PaymentDesk.date(a[2]))).append("</td><td class=\"n\">")
                    .append(e(Money.format(((Number) a[3]).longValue()))).append("</td></tr>");
        }
        if (credit > 0) {
            b.append("<tr><td colspan=\"2\">Crédit sur le compte de la famille (trop-perçu)</td><td class=\"n\">")
                    .append(e(Money.format(credit))).append("</td></tr>");
        }
        b.append("</tbody></table><p>Enregistré par ").append(e(p.recordedBy())).append(".</p>");
        if (regie[1] != null) {
            b.append("<p>Régisseur : ").append(e((String) regie[1]))
                    .append(regie[2] == null ? "" : " — " + e((String) regie[2]))
                    .append(regie[3] == null ? "" : " — " + e((String) regie[3])).append("</p>");
        }
        return b.append("</body></html>").toString();
    }

    private static String e(String s) {
        return HtmlPdf.escape(s);
    }
}
