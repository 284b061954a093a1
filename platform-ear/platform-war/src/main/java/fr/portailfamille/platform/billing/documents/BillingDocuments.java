package fr.portailfamille.platform.billing.documents;

import fr.portailfamille.billing.ChildcareTaxCertificate;
import fr.portailfamille.billing.CreditUses;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.billing.Statement;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.BilledService;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.wallet.Wallets;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.kernel.HtmlPdf;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The family's billing documents as PDF: an invoice or credit note, the relevé de compte of a school
 * year, the attestation fiscale of a calendar year. Who may read what is decided by
 * {@link FamilyAccount} alone (a parent its own family, an agent any family of the commune): a refusal
 * is a {@link SecurityException} before anything is read or rendered. Each call is one read-only
 * transaction.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class BillingDocuments {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyAccount account;

    @Inject
    Wallets wallets;

    @Inject
    CommuneSettings settings;

    /** A rendered document and the name a browser saves it as. */
    public record Pdf(String fileName, byte[] content) {
    }

    /** What a SEPA mandate's PDF prints ({@code iban} as the reader may see it). */
    public record MandateText(String rum, String creditorName, String creditorIcs, String debtorName, String iban, String bic,
            LocalDate signedOn, LocalDate revokedOn) {
    }

    /** The PDF of a SEPA mandate of family {@code familyId}: for the direct-debit context, which checked who reads it. */
    public Pdf mandatePdf(long familyId, MandateText mandate) {
        return new Pdf("mandat-sepa-" + mandate.rum() + ".pdf",
                HtmlPdf.render(MandatePdf.xhtml(issuer(), addressee(familyId), mandate)));
    }

    /**
     * How invoice {@code invoiceId} is paid by direct debit, as its page, Mes factures and its PDF say it ("Prélevé le
     * 10 novembre 2026 …", or the bank's reject and its reason), or {@code null} when it is not debited.
     */
    public String directDebitNote(long invoiceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.state, coalesce(d.collection_date, d.due_date), d.reject_label,"
                + " m.rum, " + FamilyAccount.STILL_DUE + " from sepa_debit d"
                + " join sepa_mandate m on m.id = d.mandate_id join invoice i on i.id = d.invoice_id where d.invoice_id = ?1")
                .setParameter(1, invoiceId).getResultList();
        // a debit not sent yet is no news once the invoice was settled otherwise (the file skips it)
        if (rows.isEmpty() || "SKIPPED".equals(rows.get(0)[0])
                || "PLANNED".equals(rows.get(0)[0]) && !Boolean.TRUE.equals(rows.get(0)[4])) {
            return null;
        }
        Object[] r = rows.get(0);
        if ("REJECTED".equals(r[0])) {
            // what to do next only while it is still to pay (paid since by card or at the counter: « payée »)
            return "Prélèvement du " + BillingDates.text(date(r[1])) + " rejeté par la banque : " + r[2] + "."
                    + (Boolean.TRUE.equals(r[4]) ? " La facture reste à payer par un autre moyen." : "");
        }
        return "Prélevé le " + BillingDates.text(date(r[1])) + " (mandat " + r[3] + ")";
    }

    /** The PDF of invoice or credit note {@code invoiceId}, if {@code user} may read it. */
    public Pdf invoice(SignedInUser user, long invoiceId) {
        AccountInvoice invoice = account.invoice(user, invoiceId);
        List<InvoicePdf.Line> lines = linesOf(invoiceId);
        InvoicePdf.Regie regie = regies().getOrDefault(invoice.regieCode(),
                new InvoicePdf.Regie(invoice.regieLabel(), null, null, null, null));
        return new Pdf(InvoicePdf.fileName(invoice),
                HtmlPdf.render(InvoicePdf.xhtml(issuer(), regie, issuedTo(invoiceId, invoice.familyId()), invoice, lines,
                        directDebitNote(invoiceId))));
    }

    /**
     * An invoice or credit note the user may read ({@link FamilyAccount#invoice}) with its lines as its PDF shows them
     * (the families' API).
     *
     * @throws SecurityException when it is another family's, or unknown
     */
    public InvoiceWithLines invoiceWithLines(SignedInUser user, long invoiceId) {
        return new InvoiceWithLines(account.invoice(user, invoiceId), linesOf(invoiceId));
    }

    /** An invoice and its lines. */
    public record InvoiceWithLines(AccountInvoice invoice, List<InvoicePdf.Line> lines) {
    }

    private List<InvoicePdf.Line> linesOf(long invoiceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select l.child_name, l.label, l.quantity, l.unit_price_cents, l.amount_cents, "
                + BilledService.AS_ISSUED + " from invoice_line l" + BilledService.JOINS + " where l.invoice_id = ?1 order by l.position")
                .setParameter(1, invoiceId).getResultList();
        return rows.stream().map(r -> new InvoicePdf.Line((String) r[0], (String) r[1],
                ((Number) r[2]).intValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), (String) r[5])).toList();
    }

    /** The relevé of the school year starting in September {@code schoolYear} (2026: 2026-2027). */
    public Statement statement(SignedInUser user, Long familyId, int schoolYear) {
        return account.statement(user, familyId, LocalDate.of(schoolYear, 9, 1));
    }

    /** The relevé of the school year starting in September {@code schoolYear}, as PDF. */
    public Pdf statementPdf(SignedInUser user, Long familyId, int schoolYear) {
        Statement s = statement(user, familyId, schoolYear);
        Long family = account.familyFor(user, familyId);
        return new Pdf("releve-" + StatementPdf.schoolYear(s) + ".pdf", HtmlPdf.render(StatementPdf.xhtml(issuer(),
                family == null ? new DocumentLayout.Addressee("", List.of()) : addressee(family), s,
                wallets.year(user, familyId, schoolYear))));
    }

    /**
     * The school years (by their first calendar year) in which the family's account or one of its porte-monnaie moved,
     * latest first, always with the current one.
     */
    public List<Integer> statementYears(SignedInUser user, Long familyId, LocalDate today) {
        Long family = account.familyFor(user, familyId);
        TreeSet<Integer> years = new TreeSet<>();
        years.add(Statement.schoolYearStart(today).getYear());
        if (family != null) {
            @SuppressWarnings("unchecked")
            List<Object> days = em.createNativeQuery("select cast(issued_at at time zone " + PlatformTime.SQL_ZONE + " as date) from invoice"
                    + " where family_id = ?1 and state <> 'CANCELLED' union select received_on from payment where family_id = ?1"
                    + " union select cast(cancelled_at at time zone " + PlatformTime.SQL_ZONE + " as date) from payment where family_id = ?1"
                    + " and cancelled_at is not null union select cast(titre_at at time zone " + PlatformTime.SQL_ZONE + " as date)"
                    // a titre is dated in the relevé by its day (FamilyAccount.movements): its year is one to choose
                    + " from invoice where family_id = ?1 and titre_at is not null"
                    // a porte-monnaie's movements are in the relevé of their school year
                    + " union select cast(m.created_at at time zone " + PlatformTime.SQL_ZONE + " as date) from wallet_movement m"
                    + " join wallet w on w.id = m.wallet_id where w.family_id = ?1").setParameter(1, family).getResultList();
            days.forEach(d -> years.add(Statement.schoolYearStart(date(d)).getYear()));
        }
        return List.copyOf(years.descendingSet());
    }

    /**
     * The calendar years in which the family paid something its attestation fiscale certifies (care of a child under 6,
     * paid to an invoice or by a porte-monnaie), latest first.
     */
    public List<Integer> fiscalYears(SignedInUser user, Long familyId) {
        Long family = account.familyFor(user, familyId);
        if (family == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> years = em.createNativeQuery("select distinct cast(extract(year from p.received_on) as integer) from payment p"
                + " where p.family_id = ?1 and p.cancelled_at is null and p.mode <> 'CESU' and exists (select 1 from payment_allocation a"
                + " where a.payment_id = p.id)"
                // days paid by a porte-monnaie: paid when debited
                + " union select cast(extract(year from m.created_at at time zone " + PlatformTime.SQL_ZONE + ") as integer)"
                + " from wallet_movement m join wallet w on w.id = m.wallet_id where w.family_id = ?1 and m.kind = 'DEBIT'"
                // account credit paid to an invoice: an overpayment counts the year it is used
                + " union select cast(extract(year from c.at at time zone " + PlatformTime.SQL_ZONE + ") as integer)"
                + " from account_credit c where c.family_id = ?1 and c.amount_cents < 0 and c.invoice_id is not null"
                + " order by 1 desc").setParameter(1, family).getResultList();
        // a year is offered only when its attestation certifies something (meals only, or children over 6: nothing)
        return years.stream().map(y -> ((Number) y).intValue())
                .filter(y -> !fiscalAmounts(user, familyId, y).isEmpty()).toList();
    }

    /** What the family paid in {@code year} for the care of its children under 6 ({@link ChildcareTaxCertificate}). */
    public List<ChildcareTaxCertificate.Amount> fiscalAmounts(SignedInUser user, Long familyId, int year) {
        Long family = account.familyFor(user, familyId);
        if (family == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        // a child whose birth date the file does not hold (added by an agent without it) cannot be certified under 6:
        // left out, not the error page of Mes factures for the whole family
        List<Object[]> children = em.createNativeQuery("select id, trim(first_name || ' ' || coalesce(last_name, '')), birth_date"
                + " from child where family_id = ?1 and birth_date is not null order by birth_date, id").setParameter(1, family)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> allocations = em.createNativeQuery("select p.received_on, r.code, a.amount_cents, a.invoice_id,"
                // CESU préfinancés are the employer's aid, already exempt: the tax rules deduct them from what was paid
                // (they pay their share of the lines all the same)
                + " p.mode <> 'CESU' from payment_allocation a join payment p on p.id = a.payment_id join regie r on r.id = p.regie_id"
                + " where p.family_id = ?1 and p.cancelled_at is null"
                // the years before too: what they paid of an invoice is not paid again (ChildcareTaxCertificate.of)
                + " and p.received_on <= ?2 order by p.received_on, a.id")
                .setParameter(1, family).setParameter(2, LocalDate.of(year, 12, 31)).getResultList();
        // the account credit that money the family gave paid to invoices up to the year (an overpayment counts when used)
        List<Object[]> fromCredit = creditUses(family, year);
        Map<Long, List<ChildcareTaxCertificate.InvoiceLine>> lines = new LinkedHashMap<>();
        if (!allocations.isEmpty() || !fromCredit.isEmpty()) {
            List<Long> invoices = java.util.stream.Stream.concat(allocations.stream().map(a -> ((Number) a[3]).longValue()),
                    fromCredit.stream().map(u -> ((CreditUses.Use) u[1]).invoiceId())).distinct().toList();
            // the activity's type decides what is care (ChildcareTaxCertificate.CARE_TYPES); a payment goes to what the
            // lines still bill: less the days a credit note took back from them
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select l.invoice_id, l.child_id, act.type, l.amount_cents"
                    + " - " + FamilyAccount.creditedSql("amount_cents")
                    + " from invoice_line l"
                    + " join invoice i on i.id = l.invoice_id left join activity act on act.code = l.activity_code"
                    + " where i.family_id = ?1 and l.invoice_id = any(cast(?2 as bigint[])) order by l.invoice_id, l.position")
                    .setParameter(1, family).setParameter(2, invoices.stream().map(String::valueOf)
                            .collect(Collectors.joining(",", "{", "}"))).getResultList();
            for (Object[] r : rows) {
                lines.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(new ChildcareTaxCertificate.InvoiceLine(
                        r[1] == null ? null : ((Number) r[1]).longValue(), (String) r[2], ((Number) r[3]).longValue()));
            }
            // and less what credit notes by amount (naming no day) took back of them, pro rata of the lines: what the
            // family paid beyond what the invoice now bills is not care, and counts where its credit pays another
            @SuppressWarnings("unchecked")
            List<Object[]> byAmount = em.createNativeQuery("select n.credit_note_of, sum(n.total_cents) from invoice n"
                    + " where n.kind = 'CREDIT_NOTE' and n.family_id = ?1 and n.credit_note_of = any(cast(?2 as bigint[]))"
                    + " and not exists (select 1 from invoice_line c where c.invoice_id = n.id and c.credits_line_id is not null)"
                    + " group by n.credit_note_of").setParameter(1, family).setParameter(2, invoices.stream()
                            .map(String::valueOf).collect(Collectors.joining(",", "{", "}"))).getResultList();
            for (Object[] c : byAmount) {
                lines.computeIfPresent(((Number) c[0]).longValue(),
                        (k, l) -> ChildcareTaxCertificate.lessCredited(l, ((Number) c[1]).longValue()));
            }
        }
        List<ChildcareTaxCertificate.Allocation> paid = new ArrayList<>(allocations.stream().map(a ->
                new ChildcareTaxCertificate.Allocation(date(a[0]), (String) a[1], ((Number) a[2]).longValue(),
                        ((Number) a[3]).longValue(), lines.getOrDefault(((Number) a[3]).longValue(), List.of()), (Boolean) a[4])).toList());
        for (Object[] u : fromCredit) {
            CreditUses.Use use = (CreditUses.Use) u[1];
            paid.add(new ChildcareTaxCertificate.Allocation(use.at(), (String) u[0], use.cents(), use.invoiceId(),
                    lines.getOrDefault(use.invoiceId(), List.of())));
        }
        // the days a porte-monnaie paid: what its debits took in the year less what it gave back, per régie, child and
        // activity type (the top-ups are money put aside, not yet care)
        @SuppressWarnings("unchecked")
        List<Object[]> wallet = em.createNativeQuery("select r.code, b.child_id, act.type, -sum(m.amount_cents)"
                + " from wallet_movement m join wallet w on w.id = m.wallet_id join regie r on r.id = w.regie_id"
                + " join booking b on b.id = m.booking_id join activity_unit u on u.id = b.unit_id"
                + " join activity act on act.id = u.activity_id where w.family_id = ?1 and m.kind in ('DEBIT', 'REFUND')"
                + " and cast(m.created_at at time zone " + PlatformTime.SQL_ZONE + " as date) between ?2 and ?3"
                + " group by r.code, b.child_id, act.type having -sum(m.amount_cents) > 0")
                .setParameter(1, family).setParameter(2, LocalDate.of(year, 1, 1)).setParameter(3, LocalDate.of(year, 12, 31))
                .getResultList();
        Map<String, List<ChildcareTaxCertificate.InvoiceLine>> walletDays = new LinkedHashMap<>();
        for (Object[] w : wallet) {
            walletDays.computeIfAbsent((String) w[0], k -> new ArrayList<>()).add(new ChildcareTaxCertificate.InvoiceLine(
                    ((Number) w[1]).longValue(), (String) w[2], ((Number) w[3]).longValue()));
        }
        if (!walletDays.isEmpty()) {
            // what was put on each porte-monnaie in CESU in the year: the employer's aid, left out as for invoices
            Map<String, Long> cesu = new LinkedHashMap<>();
            for (Object o : em.createNativeQuery("select r.code, sum(m.amount_cents) from wallet_movement m"
                    + " join wallet w on w.id = m.wallet_id join regie r on r.id = w.regie_id where w.family_id = ?1"
                    + " and m.kind = 'TOP_UP_COUNTER' and m.mode = 'CESU'"
                    + " and cast(m.created_at at time zone " + PlatformTime.SQL_ZONE + " as date) between ?2 and ?3"
                    + " group by r.code").setParameter(1, family).setParameter(2, LocalDate.of(year, 1, 1))
                    .setParameter(3, LocalDate.of(year, 12, 31)).getResultList()) {
                Object[] c = (Object[]) o;
                cesu.put((String) c[0], ((Number) c[1]).longValue());
            }
            walletDays.forEach((regie, days) -> paid.add(ChildcareTaxCertificate.wallet(year, regie, days,
                    cesu.getOrDefault(regie, 0L))));
        }
        return ChildcareTaxCertificate.of(year,
                children.stream().map(c -> new ChildcareTaxCertificate.Child(((Number) c[0]).longValue(), (String) c[1], date(c[2]))).toList(),
                paid);
    }

    /**
     * The uses up to {@code year} of the family's account credit that money it gave paid ({@link CreditUses}): each its
     * régie's code and the use.
     */
    private List<Object[]> creditUses(long family, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.id, r.code, cast(c.at at time zone " + PlatformTime.SQL_ZONE
                + " as date), c.amount_cents, c.payment_id, c.invoice_id, n.credit_note_of,"
                // a payment cancelled since (a bounced cheque) was never received: what its credit paid certifies nothing;
                // what a credit note gave back of an invoice paid in CESU is CESU money, already exempt
                + " case when p.id is not null then p.mode <> 'CESU' and p.cancelled_at is null"
                + " when n.credit_note_of is not null then not exists (select 1 from payment_allocation pa join payment pp"
                + " on pp.id = pa.payment_id where pa.invoice_id = n.credit_note_of and pp.mode = 'CESU'"
                + " and pp.cancelled_at is null) else false end"
                + " from account_credit c join regie r on r.id = c.regie_id left join payment p on p.id = c.payment_id"
                + " left join invoice n on n.id = c.invoice_id and c.amount_cents > 0 where c.family_id = ?1 order by c.id")
                .setParameter(1, family).getResultList();
        Map<String, List<CreditUses.Movement>> byRegie = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byRegie.computeIfAbsent((String) r[1], k -> new ArrayList<>()).add(new CreditUses.Movement(((Number) r[0]).longValue(),
                    date(r[2]), ((Number) r[3]).longValue(), r[4] == null ? null : ((Number) r[4]).longValue(),
                    r[5] == null ? null : ((Number) r[5]).longValue(), r[6] == null ? null : ((Number) r[6]).longValue(),
                    (Boolean) r[7]));
        }
        List<Object[]> uses = new ArrayList<>();
        byRegie.forEach((regie, movements) -> CreditUses.certified(movements).stream()
                .filter(u -> u.at().getYear() <= year).forEach(u -> uses.add(new Object[] {regie, u})));
        return uses;
    }

    /** The attestation fiscale of {@code year} as PDF. */
    public Pdf fiscalPdf(SignedInUser user, Long familyId, int year, LocalDate today) {
        List<ChildcareTaxCertificate.Amount> amounts = fiscalAmounts(user, familyId, year);
        Long family = account.familyFor(user, familyId);
        return new Pdf("attestation-fiscale-" + year + ".pdf", HtmlPdf.render(FiscalCertificatePdf.xhtml(issuer(),
                family == null ? new DocumentLayout.Addressee("", List.of()) : addressee(family), year, regies(), amounts, today)));
    }

    private Map<String, InvoicePdf.Regie> regies() {
        Map<String, InvoicePdf.Regie> byCode = new LinkedHashMap<>();
        for (Regie r : settings.billing().regies()) {
            byCode.put(r.code(), new InvoicePdf.Regie(r.label(), r.managerName(), r.managerEmail(), r.managerPhone(),
                    r.paymentInstructions()));
        }
        return byCode;
    }

    private static DocumentLayout.Issuer issuer() {
        Commune c = TenantContext.require();
        return new DocumentLayout.Issuer(c.name(), c.branding() == null ? null : c.branding().primaryColor(),
                c.branding() == null ? null : c.branding().accentColor(), c.branding() == null ? null : c.branding().logoSvg());
    }

    /**
     * Whom invoice {@code invoiceId} was issued to, as it was then (tenant V48: a family that moved since does not
     * change an invoice sent); an invoice issued before: the family as it is.
     */
    private DocumentLayout.Addressee issuedTo(long invoiceId, long family) {
        List<?> rows = em.createNativeQuery("select addressee_label, addressee_line, addressee_city from invoice"
                + " where id = ?1 and addressee_label is not null").setParameter(1, invoiceId).getResultList();
        if (rows.isEmpty()) {
            return addressee(family);
        }
        Object[] a = (Object[]) rows.get(0);
        return new DocumentLayout.Addressee((String) a[0], List.of(a[1] == null ? "" : (String) a[1],
                a[2] == null ? "" : (String) a[2]));
    }

    /** The family a document is made for; an unknown id (an agent's address typed by hand) is an unknown document. */
    private DocumentLayout.Addressee addressee(long family) {
        List<?> rows = em.createNativeQuery("select label, address_line, trim(coalesce(postcode, '') || ' '"
                + " || coalesce(city, '')) from family where id = ?1").setParameter(1, family).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Dossier inconnu : " + family);
        }
        Object[] f = (Object[]) rows.get(0);
        return new DocumentLayout.Addressee((String) f[0], List.of(f[1] == null ? "" : (String) f[1], (String) f[2]));
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        return ((Date) value).toLocalDate();
    }
}
