package fr.portailfamille.platform.billing;

import fr.portailfamille.billing.Money;
import fr.portailfamille.billing.sepa.SepaRules;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * "Votre facture AL-36 d'octobre 2026 est disponible": the mail each family receives when its invoice
 * is issued, with the amount, the due date and a link to Mes factures (not the PDF itself: the family
 * signs in to read it). Called by the invoicing run once the families' invoices have committed; the
 * mails leave when this read's transaction commits ({@link FamilyMails}). An invoice a family's active SEPA mandate
 * will pay (its régie collects by direct debit) says instead when it will be debited and how much: the SEPA
 * pre-notification, on the régie's debit day of the month after the invoice, as the run's debits are planned.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class InvoiceMails {

    /** Where the mail leads. */
    public static final String PAGE = "/espace/factures.xhtml";

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyMails mails;

    /** The portal's address to link, taken while the request that starts a run is there. */
    public String portal() {
        return mails.portalUrl();
    }

    /**
     * Mails the families (those with an address) of these issued invoices that still await their mail, and marks them
     * mailed in the transaction that queues the mails: each invoice mailed once, whoever asks (the run, or the follow-up
     * of a run whose replica stopped, {@link RunFollowUp#followUp}), and however often.
     */
    public void issued(List<Long> invoiceIds, String portal) {
        if (invoiceIds.isEmpty()) {
            return;
        }
        // claimed under their rows' locks: a second caller waits, then finds them mailed
        @SuppressWarnings("unchecked")
        List<Object> claimed = em.createNativeQuery("update invoice set awaiting_mail = null"
                        + " where id = any(cast(?1 as bigint[])) and awaiting_mail returning id")
                .setParameter(1, ids(invoiceIds)).getResultList();
        if (claimed.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select i.number, i.period_start, i.period_end, i.total_cents, i.due_date,"
                + " f.email, r.label, cast(i.issued_at at time zone " + PlatformTime.SQL_ZONE + " as date), case when r.sepa_ics is not null"
                + " and exists (select 1 from sepa_mandate m where m.family_id = i.family_id and m.regie_id = i.regie_id"
                + " and m.revoked_at is null) then r.sepa_debit_day end, coalesce((select -sum(c.amount_cents) from account_credit c"
                + " where c.invoice_id = i.id and c.amount_cents < 0), 0)"
                + " from invoice i join family f on f.id = i.family_id join regie r on r.id = i.regie_id"
                + " where i.id = any(cast(?1 as bigint[])) and i.kind = 'INVOICE' order by i.id")
                .setParameter(1, ids(claimed.stream().map(id -> ((Number) id).longValue()).toList()))
                .getResultList();
        for (Object[] r : rows) {
            String number = (String) r[0];
            LocalDate from = DraftInvoices.date(r[1]);
            LocalDate to = DraftInvoices.date(r[2]);
            LocalDate debitOn = r[8] == null ? null : SepaRules.dueDate(DraftInvoices.date(r[7]), ((Number) r[8]).intValue());
            mails.send((String) r[5], subject(number, from, to),
                    body(number, from, to, ((Number) r[3]).longValue(), ((Number) r[9]).longValue(), DraftInvoices.date(r[4]),
                            (String) r[6], debitOn), PAGE, portal);
        }
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    /** "Votre facture AL-36 d'octobre 2026 est disponible" (a whole month), else "… du 01/10/2026 au 15/10/2026 …". */
    static String subject(String number, LocalDate from, LocalDate to) {
        return "Votre facture " + number + " " + period(from, to) + " est disponible";
    }

    static String body(String number, LocalDate from, LocalDate to, long totalCents, LocalDate due, String regie) {
        return body(number, from, to, totalCents, 0, due, regie, null);
    }

    /**
     * With {@code creditCents}: what the family's account credit paid of it (the rest to pay said, nothing to pay when
     * it paid all); with {@code debitOn}: the SEPA pre-notification (date and amount of the debit) instead of the due date.
     */
    static String body(String number, LocalDate from, LocalDate to, long totalCents, long creditCents, LocalDate due,
            String regie, LocalDate debitOn) {
        long left = totalCents - creditCents;
        String when = totalCents <= 0 ? "Rien n'est à payer.\n"
                : left <= 0 ? "Rien n'est à payer : votre crédit auprès de la régie la règle entière.\n"
                : debitOn != null
                ? "Cette facture sera prélevée le " + BillingDates.text(debitOn) + " sur votre compte (prélèvement SEPA de "
                        + Money.format(left) + ", moins ce que vous aurez payé d'ici là).\n"
                : due == null ? "" : "À payer avant le " + BillingDates.text(due) + "\n";
        return "Votre facture " + number + " " + period(from, to) + " (" + regie + ") est disponible sur le portail famille.\n"
                + "Montant : " + Money.format(totalCents) + "\n"
                + (creditCents > 0 ? "Déduit de votre crédit : " + Money.format(creditCents) + "\n"
                        + (left > 0 ? "Reste à payer : " + Money.format(left) + "\n" : "") : "")
                + when
                + "\nConsultez-la et téléchargez-la dans « Mes factures », avec les moyens de paiement de la régie.";
    }

    /** "d'octobre 2026", "de mars 2026", or "du 01/10/2026 au 15/10/2026". */
    static String period(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() == 1 && to.equals(from.withDayOfMonth(from.lengthOfMonth()))) {
            String month = from.getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH);
            return ("aeiouyh".indexOf(month.charAt(0)) >= 0 ? "d'" : "de ") + month + " " + from.getYear();
        }
        return "du " + BillingDates.text(from) + " au " + BillingDates.text(to);
    }
}
