package fr.portailfamille.platform.billing;

import fr.portailfamille.billing.Settlement;
import fr.portailfamille.billing.Statement;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of a family's account with the régies: its invoices and credit notes with what is
 * left to pay, its balance and credit, its relevé de compte. What an invoice has been settled by is read
 * one way everywhere: the allocations of payments not cancelled, plus the account credit used on it
 * (negative {@code account_credit} movements naming the invoice: a credit note imputed on it, an
 * overpayment reused), less the credit taken back from it (positive movements naming an invoice: the
 * payment whose overpayment it was is cancelled). A credit note's own movement names the credit note. A parent reads only the family file of its own account; an agent of the commune
 * reads any family of it.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class FamilyAccount {

    static final String NOT_YOURS = "Ce document n'appartient pas à votre dossier.";

    /** How much of invoice {@code i} is settled, in SQL (payments not cancelled + account credit used). */
    static final String SETTLED = "coalesce((select sum(a.amount_cents) from payment_allocation a join payment p"
            + " on p.id = a.payment_id where a.invoice_id = i.id and p.cancelled_at is null), 0)"
            + " + coalesce((select -sum(c.amount_cents) from account_credit c where c.invoice_id = i.id"
            + " and c.amount_cents < 0), 0)"
            // credit taken back from an invoice (tenant V59's index; a credit note's own positive movement is no such)
            + " - (case when i.kind = 'INVOICE' then coalesce((select sum(c.amount_cents) from account_credit c"
            + " where c.invoice_id = i.id and c.amount_cents > 0), 0) else 0 end)";

    /**
     * What credit notes by lines took back from invoice line {@code l}, in SQL: its {@code column} summed over the
     * credit notes' lines that credit it ({@code quantity}: days; {@code amount_cents}: cents), 0 when none.
     */
    public static String creditedSql(String column) {
        return "coalesce((select sum(c." + column + ") from invoice_line c where c.credits_line_id = l.id), 0)";
    }

    /** SQL over an invoice aliased {@code i}: issued, and something left to pay on it. */
    public static final String STILL_DUE = "(i.state = 'ISSUED' and i.total_cents > (" + SETTLED + "))";

    /** {@link #SETTLED}: the one definition of what settled invoice {@code i}, for the other billing services' SQL. */
    public static String settledSql() {
        return SETTLED;
    }

    private static final String SELECT = "select i.id, i.number, i.kind, r.code, r.label, i.family_id, i.period_start,"
            + " i.period_end, cast(i.issued_at at time zone " + PlatformTime.SQL_ZONE + " as date), i.due_date, i.total_cents, "
            + SETTLED + ", i.state, i.titre_number, o.number from invoice i join regie r on r.id = i.regie_id"
            + " left join invoice o on o.id = i.credit_note_of ";

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

    /**
     * The family whose account {@code user} may read: a parent's own (whatever {@code familyId} says: another
     * id is refused), any family of the commune for an agent ({@code familyId} required).
     *
     * @return the family's id, or {@code null} when a parent has no stored file yet
     * @throws SecurityException for another family's id, another commune's account, a staff account without the agent role
     */
    public Long familyFor(SignedInUser user, Long familyId) {
        if (StaffRoles.isStaff(user)) {
            StaffRoles.requireAgent(user);
            if (familyId == null) {
                throw new IllegalArgumentException("family required");
            }
            return familyId;
        }
        Family own = files.fileOf(user);
        if (familyId != null && !familyId.equals(own.getId())) {
            throw new SecurityException(NOT_YOURS);
        }
        return own.getId();
    }

    /**
     * A parent's own family when its file is validated, else {@code null}: a mandate or a porte-monnaie is for such a
     * file only (nothing is billed to a draft, and money records would keep it from being deleted).
     */
    public Long validatedFamilyOf(SignedInUser parent) {
        Family own = files.fileOf(parent);
        return own.getId() != null && own.getStatus() == fr.portailfamille.platform.family.FamilyStatus.VALIDATED
                ? own.getId() : null;
    }

    /** The family's invoices and credit notes, latest first. */
    public List<AccountInvoice> invoices(SignedInUser user, Long familyId) {
        Long family = familyFor(user, familyId);
        return family == null ? List.of() : invoicesOf(family);
    }

    private List<AccountInvoice> invoicesOf(long family) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + "where i.family_id = ?1 order by i.issued_at desc, i.id desc")
                .setParameter(1, family).getResultList();
        return rows.stream().map(FamilyAccount::invoice).toList();
    }

    /**
     * One invoice or credit note the user may read (its family's parent, an agent of the commune).
     *
     * @throws SecurityException when it is another family's (the same message as for an unknown id: an id
     *         tells nothing)
     */
    public AccountInvoice invoice(SignedInUser user, long invoiceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + "where i.id = ?1").setParameter(1, invoiceId).getResultList();
        if (StaffRoles.isStaff(user)) {
            StaffRoles.requireAgent(user);
        } else {
            Long own = familyFor(user, null);
            if (rows.isEmpty() || own == null || ((Number) rows.get(0)[5]).longValue() != own) {
                throw new SecurityException(NOT_YOURS);
            }
        }
        if (rows.isEmpty()) {
            throw new SecurityException(NOT_YOURS);
        }
        return invoice(rows.get(0));
    }

    /** What the family owes, over how many invoices, and its credit. */
    public AccountBalance balance(SignedInUser user, Long familyId) {
        return overview(user, familyId).balance();
    }

    /** The family's invoices (latest first) and its balance, read once (a page showing both). */
    public AccountOverview overview(SignedInUser user, Long familyId) {
        Long family = familyFor(user, familyId);
        if (family == null) {
            return AccountOverview.EMPTY;
        }
        List<AccountInvoice> invoices = invoicesOf(family);
        long credit = ((Number) em.createNativeQuery("select coalesce(sum(amount_cents), 0) from account_credit where family_id = ?1")
                .setParameter(1, family).getSingleResult()).longValue();
        return new AccountOverview(invoices, AccountBalance.of(invoices, credit));
    }

    /** The family's relevé de compte for the school year starting {@code schoolYearStart} (1 September). */
    public Statement statement(SignedInUser user, Long familyId, LocalDate schoolYearStart) {
        Long family = familyFor(user, familyId);
        LocalDate start = Statement.schoolYearStart(schoolYearStart);
        return Statement.of(family == null ? List.of() : movements(family), start, Statement.schoolYearEnd(start));
    }

    /** Every movement of the family's account: invoices, credit notes, payments, cancelled payments. */
    List<Statement.Movement> movements(long family) {
        List<Statement.Movement> all = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> documents = em.createNativeQuery("select cast(i.issued_at at time zone " + PlatformTime.SQL_ZONE + " as date), i.kind,"
                + " i.number, i.period_start, i.period_end, i.total_cents, r.label, o.number from invoice i"
                + " join regie r on r.id = i.regie_id left join invoice o on o.id = i.credit_note_of"
                + " where i.family_id = ?1 and i.state <> 'CANCELLED'").setParameter(1, family).getResultList();
        for (Object[] d : documents) {
            long total = ((Number) d[5]).longValue();
            boolean note = "CREDIT_NOTE".equals(d[1]);
            Message label = note ? Problems.of("statement.creditNote", d[7], d[6])
                    : Problems.of("statement.invoice", Problems.dateTime("format.date", DraftInvoices.date(d[3])),
                            Problems.dateTime("format.date", DraftInvoices.date(d[4])), d[6]);
            all.add(new Statement.Movement(DraftInvoices.date(d[0]), note ? Statement.Kind.CREDIT_NOTE : Statement.Kind.INVOICE,
                    (String) d[2], label, note ? 0 : total, note ? total : 0));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> payments = em.createNativeQuery("select p.received_on, p.receipt_number, p.mode, p.cheque_number,"
                + " p.amount_cents, cast(p.cancelled_at at time zone " + PlatformTime.SQL_ZONE + " as date), r.label from payment p"
                + " join regie r on r.id = p.regie_id where p.family_id = ?1").setParameter(1, family).getResultList();
        for (Object[] p : payments) {
            long amount = ((Number) p[4]).longValue();
            Message mode = PaymentModes.text((String) p[2]);
            Message label = p[3] == null ? Problems.of("statement.payment", mode, p[6])
                    : Problems.of("statement.paymentCheque", mode, p[3], p[6]);
            all.add(new Statement.Movement(DraftInvoices.date(p[0]), Statement.Kind.PAYMENT, (String) p[1], label, 0, amount));
            if (p[5] != null) {
                // a direct debit is dated on its collection day, and may be cancelled before it (its file withdrawn): the
                // cancellation never comes before the payment it cancels (nor closes a school year on both)
                LocalDate cancelled = DraftInvoices.date(p[5]);
                LocalDate received = DraftInvoices.date(p[0]);
                all.add(new Statement.Movement(cancelled.isBefore(received) ? received : cancelled,
                        Statement.Kind.PAYMENT_CANCELLED, (String) p[1],
                        p[3] == null ? Problems.of("statement.paymentCancelled", mode)
                                : Problems.of("statement.paymentCancelledCheque", mode, p[3]), amount, 0));
            }
        }
        // an invoice's rest transmitted to the Trésorerie leaves the account: settled with the Trésorerie from then on
        @SuppressWarnings("unchecked")
        List<Object[]> titres = em.createNativeQuery("select cast(i.titre_at at time zone " + PlatformTime.SQL_ZONE
                + " as date), i.number, i.titre_number, i.total_cents - (" + SETTLED + "), r.label from invoice i"
                + " join regie r on r.id = i.regie_id where i.family_id = ?1 and i.state = 'TITRE_EMIS'")
                .setParameter(1, family).getResultList();
        for (Object[] t : titres) {
            long transmitted = ((Number) t[3]).longValue();
            if (transmitted > 0) {
                all.add(new Statement.Movement(DraftInvoices.date(t[0]), Statement.Kind.TITRE, (String) t[1],
                        Problems.of("statement.titre", t[2], t[4]), 0, transmitted));
            }
        }
        return all;
    }

    private static AccountInvoice invoice(Object[] r) {
        long total = ((Number) r[10]).longValue();
        long settled = ((Number) r[11]).longValue();
        String kind = (String) r[2];
        return new AccountInvoice(((Number) r[0]).longValue(), (String) r[1], kind, (String) r[3], (String) r[4],
                ((Number) r[5]).longValue(), DraftInvoices.date(r[6]), DraftInvoices.date(r[7]), DraftInvoices.date(r[8]),
                DraftInvoices.date(r[9]), total, settled, Settlement.of(kind, (String) r[12], total, settled),
                (String) r[13], (String) r[14]);
    }
}
