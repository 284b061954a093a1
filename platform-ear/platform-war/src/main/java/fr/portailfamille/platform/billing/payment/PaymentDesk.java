package fr.portailfamille.platform.billing.payment;

import fr.portailfamille.billing.Allocations;
import fr.portailfamille.billing.InvoiceNumbering;
import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.InvoicesIssued;
import fr.portailfamille.platform.billing.PaymentModes;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.FormTokens;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Payments at the régie's counter (régisseurs record and cancel; every agent reads): a payment of a
 * family to a régie, allocated to its open invoices (oldest first unless the régisseur edits it), what
 * is left kept as the family's credit, a gap-free receipt number; the family's credit used on an
 * invoice; a payment cancelled (rejected cheque) with its allocations and its overpayment. Each action
 * is one transaction, audited in {@code billing_audit}. The invariant kept: a payment's amount is its
 * allocations plus its positive credit movement.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class PaymentDesk {

    /**
     * The condition, in SQL over an invoice aliased {@code i}, that an online payment of it is in anomaly and not yet
     * checked by the régie: paying it again could take the money twice (card payments, counter, credit, SEPA, titres,
     * reminders all ask it).
     */
    public static final String ANOMALY_TO_CHECK = "exists (select 1 from online_payment a where a.invoice_id = i.id"
            + " and a.state = 'ANOMALY' and a.checked_at is null)";

    static final Set<String> MODES = Set.of("CHEQUE", "ESPECES", "CESU", "VIREMENT", "CARTE_GUICHET");
    /** A payment by card online (PayFiP), recorded by {@link #recordOnline} only. */
    public static final String ONLINE = "CARTE_EN_LIGNE";
    /** A SEPA direct debit of an invoice, recorded by {@link #recordDirectDebit} only (dated on its collection date). */
    public static final String DIRECT_DEBIT = "PRELEVEMENT";

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    /** What a régisseur typed at the counter; {@code allocation} {@code null}: oldest first. */
    public record PaymentInput(Long familyId, String regieCode, String mode, Long amountCents, LocalDate receivedOn,
            String chequeNumber, String bank, String payerName, Map<Long, Long> allocation, String formToken) {

        /** A payment recorded without a form's token (the API, online payments, direct debits). */
        public PaymentInput(Long familyId, String regieCode, String mode, Long amountCents, LocalDate receivedOn,
                String chequeNumber, String bank, String payerName, Map<Long, Long> allocation) {
            this(familyId, regieCode, mode, amountCents, receivedOn, chequeNumber, bank, payerName, allocation, null);
        }
    }

    /** A recorded payment: its receipt, what went to invoices and what stayed as credit. */
    public record Recorded(long paymentId, String receiptNumber, long allocatedCents, long creditCents) {
    }

    /** A payment as the day's list shows it. */
    public record PaymentRow(long id, String receiptNumber, String regieLabel, long familyId, String familyLabel,
            String mode, String chequeNumber, String bank, String payerName, long amountCents, LocalDate receivedOn,
            String recordedBy, boolean cancelled, String cancelReason, String allocatedTo) {
        public long getId() { return id; }
        public String getReceiptNumber() { return receiptNumber; }
        public String getRegieLabel() { return regieLabel; }
        public long getFamilyId() { return familyId; }
        public String getFamilyLabel() { return familyLabel; }
        /** The mode, with the cheque's number and bank, to be read in the reader's language. */
        public Message modeText() {
            Message m = PaymentModes.text(mode);
            if (chequeNumber == null) {
                return m;
            }
            return bank == null || bank.isBlank() ? Problems.of("payment.cheque", m, chequeNumber)
                    : Problems.of("payment.chequeAndBank", m, chequeNumber, bank);
        }
        public String getPayerName() { return payerName; }
        public long getAmountCents() { return amountCents; }
        public LocalDate getReceivedOn() { return receivedOn; }
        public String getRecordedBy() { return recordedBy; }
        public boolean isCancelled() { return cancelled; }
        public String getCancelReason() { return cancelReason; }
        public String getAllocatedTo() { return allocatedTo; }

        /** The invoices it paid and how much of each, in the order of the invoices ("AL-36", 2000). */
        public List<Allocated> getAllocations() {
            if (allocatedTo == null || allocatedTo.isEmpty()) {
                return List.of();
            }
            return java.util.Arrays.stream(allocatedTo.split(";")).map(pair -> {
                int bar = pair.lastIndexOf('|');
                return new Allocated(pair.substring(0, bar), Long.parseLong(pair.substring(bar + 1)));
            }).toList();
        }
    }

    /** What a payment gave an invoice: its number and the cents (the page writes them in its language). */
    public record Allocated(String invoice, long cents) {
        public String getInvoice() { return invoice; }
        public long getCents() { return cents; }
    }

    /** The family's invoices of the régie open to a counter payment, oldest first (any agent). */
    public List<Allocations.Open> open(SignedInUser user, long familyId, String regieCode) {
        StaffRoles.requireAgent(user);
        return open(familyId, regieId(regieCode), false);
    }

    /**
     * The code of the régie the family owes first: that of its oldest open invoice (due first), where the counter's
     * payment form opens from the family file; empty when it owes nothing. Any agent.
     */
    public java.util.Optional<String> regieOwedFirst(SignedInUser user, long familyId) {
        StaffRoles.requireAgent(user);
        List<?> codes = em.createNativeQuery("select r.code from invoice i join regie r on r.id = i.regie_id"
                + " where i.family_id = ?1 and i.kind = 'INVOICE' and i.state = 'ISSUED' and i.total_cents - (" + settled()
                + ") > 0 order by i.due_date, i.id").setParameter(1, familyId).setMaxResults(1).getResultList();
        return codes.stream().map(String.class::cast).findFirst();
    }

    /** The default allocation of {@code amountCents}: oldest first (any agent). */
    public Map<Long, Long> suggest(SignedInUser user, long familyId, String regieCode, long amountCents) {
        return Allocations.oldestFirst(open(user, familyId, regieCode), amountCents);
    }

    /** The family's credit with the régie (any agent). */
    public long credit(SignedInUser user, long familyId, String regieCode) {
        StaffRoles.requireAgent(user);
        return Books.credit(em, familyId, regieId(regieCode));
    }

    /**
     * Records a payment (régisseur): checked, allocated, numbered, audited, in one transaction. The
     * family's open invoices of the régie are locked first (by id), so that two agents paying the same
     * invoices at once never allocate more than is left: the second waits, then reads what the first left.
     *
     * @throws MoneyRefused with every problem on its field
     */
    public Recorded record(SignedInUser user, PaymentInput in) {
        StaffRoles.requireRegisseur(user);
        return write(user.email(), in, null);
    }

    /**
     * Records a payment by card online ({@code CARTE_EN_LIGNE}) that the payment provider confirmed, in the caller's
     * transaction, the same way as a counter payment (locks, receipt number, allocation, audit): all of it to invoice
     * {@code invoiceId} up to what is left on it, the rest (the invoice paid meanwhile, or no longer open) kept as the
     * family's credit, as an overpayment at the counter is. For the payment context only: no role is checked here,
     * the caller has read the provider's result.
     *
     * @param actor who records it in the books and the audit (e.g. {@code payfip:<idOp>})
     */
    public Recorded recordOnline(String actor, long familyId, String regieCode, long invoiceId, long amountCents,
            LocalDate receivedOn, String payerName) {
        return write(actor, new PaymentInput(familyId, regieCode, ONLINE, amountCents, receivedOn, null, null,
                Books.cut(payerName, 120), null), invoiceId);
    }

    /**
     * Records a SEPA direct debit of invoice {@code invoiceId} ({@code PRELEVEMENT}) put in a pain.008 file, in the
     * caller's transaction, the same way as a counter payment (locks, receipt number, allocation, audit), dated on
     * {@code collectionDate} (which may be ahead: the bank collects it then). For the direct-debit context only: the
     * caller checked the régisseur's role; a reject cancels it with {@link #cancel}.
     */
    public Recorded recordDirectDebit(String actor, long familyId, String regieCode, long invoiceId, long amountCents,
            LocalDate collectionDate, String payerName) {
        return write(actor, new PaymentInput(familyId, regieCode, DIRECT_DEBIT, amountCents, collectionDate, null, null,
                Books.cut(payerName, 120), null), invoiceId);
    }

    /** Writes a line of the régie's audit ({@code billing_audit}), in the caller's transaction. */
    public void audit(String actor, String action, long regieId, long familyId, Long invoiceId, Long paymentId,
            Long amountCents, String detail) {
        Books.audit(em, actor, action, regieId, familyId, invoiceId, paymentId, amountCents, detail);
    }

    /** {@code onlineInvoice}: an online payment of this invoice (allocated to it up to what is left), else a counter payment. */
    private Recorded write(String actor, PaymentInput in, Long onlineInvoice) {
        String token = FormTokens.of(in.formToken());
        FormTokens.claim(em, "payment", token);
        List<FieldError> errors = new ArrayList<>();
        if (in.familyId() == null) {
            errors.add(new FieldError("family", Refused.text("billing.payment.familyRequired")));
        } else if (((Number) em.createNativeQuery("select count(*) from family where id = ?1").setParameter(1, in.familyId())
                .getSingleResult()).longValue() == 0) {
            errors.add(new FieldError("family", Refused.text("billing.payment.familyUnknown")));
        }
        Long regieId = in.regieCode() == null ? null : regieIdOrNull(in.regieCode());
        if (regieId == null) {
            errors.add(new FieldError("regie", Refused.text("billing.regie.choose")));
        }
        if (onlineInvoice != null ? !ONLINE.equals(in.mode()) && !DIRECT_DEBIT.equals(in.mode())
                : in.mode() == null || !MODES.contains(in.mode())) {
            errors.add(new FieldError("mode", Refused.text("billing.payment.modeRequired")));
        }
        String cheque = text(errors, "chequeNumber", Refused.text("billing.what.chequeNumber"), in.chequeNumber(), 20);
        String bank = text(errors, "bank", Refused.text("billing.what.bank"), in.bank(), 80);
        String payer = text(errors, "payer", Refused.text("billing.what.payer"), in.payerName(), 120);
        if ("CHEQUE".equals(in.mode())) {
            if (cheque == null) {
                errors.add(new FieldError("chequeNumber", Refused.text("billing.payment.chequeNumberRequired")));
            }
            if (bank == null) {
                errors.add(new FieldError("bank", Refused.text("billing.payment.bankRequired")));
            }
        } else {
            cheque = null;
            bank = null;
        }
        if (in.receivedOn() == null) {
            errors.add(new FieldError("receivedOn", Refused.text("billing.payment.receivedOnRequired")));
        } else if (in.receivedOn().isAfter(PlatformTime.today()) && !DIRECT_DEBIT.equals(in.mode())) {
            errors.add(new FieldError("receivedOn", Refused.text("billing.payment.receivedOnFuture")));
        } else if (in.receivedOn().isBefore(PlatformTime.today().minusYears(1)) && !DIRECT_DEBIT.equals(in.mode())
                && !ONLINE.equals(in.mode())) {
            // a year mistyped (0025 for 2025): the payment would land in another year of the relevé and the attestation
            errors.add(new FieldError("receivedOn", Refused.text("billing.payment.receivedOnTooOld")));
        }
        long amount = in.amountCents() == null ? 0 : in.amountCents();
        if (amount > 100_000_000L) {
            errors.add(new FieldError("amount", Refused.text("billing.payment.amountTooHigh")));
        }
        if (regieId == null || in.familyId() == null) {
            if (amount <= 0) {
                errors.add(new FieldError("amount", Refused.text("billing.amount.required")));
            }
            throw new MoneyRefused(errors);
        }
        // every invoice named, or every open invoice of the family: locked in id order before reading what is left
        List<Allocations.Open> open = open(in.familyId(), regieId, true);
        Map<Long, Long> allocation = onlineInvoice != null ? onlineAllocation(open, onlineInvoice, amount)
                : in.allocation() == null ? Allocations.oldestFirst(open, amount) : clean(in.allocation());
        for (Long invoice : allocation.keySet()) {
            Message refusal = notPayable(invoice, in.familyId(), regieId);
            if (refusal == null && onlineInvoice == null && allocation.get(invoice) > 0 && onlinePending(invoice)) {
                // the parent is paying it by card at this moment: paid here too, the card's money would only become credit
                refusal = Refused.text("billing.payment.onlinePending", numberOf(invoice));
            }
            if (refusal == null && onlineInvoice == null && allocation.get(invoice) > 0 && anomalyToCheck(invoice)) {
                // its card payment came back in anomaly, not checked yet: the card may have been debited already
                refusal = Refused.text("billing.payment.anomalyToCheck", numberOf(invoice));
            }
            if (refusal != null) {
                errors.add(new FieldError("allocation[" + invoice + "]", refusal));
            }
        }
        if (cheque != null && bank != null) {
            // the family's same cheque recorded twice (two tabs, two régisseurs sharing the post's cheques, a reload after
            // a lost answer): its second copy would pay other invoices or become credit the bank never gives. The
            // family's credit locked first (after its invoices, as Books orders them), so that two at once see each other
            Books.lockCredit(em, in.familyId());
            List<?> same = em.createNativeQuery("select receipt_number from payment where regie_id = ?1 and family_id = ?2"
                            + " and mode = 'CHEQUE' and cancelled_at is null"
                            + " and lower(regexp_replace(cheque_number, '\\s', '', 'g')) = lower(regexp_replace(?3, '\\s', '', 'g'))"
                            + " and lower(regexp_replace(bank, '\\s', '', 'g')) = lower(regexp_replace(?4, '\\s', '', 'g')) order by id")
                    .setParameter(1, regieId).setParameter(2, in.familyId()).setParameter(3, cheque).setParameter(4, bank)
                    .setMaxResults(1).getResultList();
            if (!same.isEmpty()) {
                errors.add(new FieldError("chequeNumber", Refused.text("billing.payment.chequeRecorded", cheque, bank,
                        same.get(0))));
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(Allocations.check(amount, open, allocation));
        } else if (amount <= 0) {
            errors.add(new FieldError("amount", Refused.text("billing.amount.required")));
        }
        if (!errors.isEmpty()) {
            throw new MoneyRefused(errors);
        }
        long overpayment = Allocations.overpayment(amount, allocation);
        if (overpayment > 0) {
            Books.lockCredit(em, in.familyId());
        }
        String regieCode = in.regieCode();
        InvoiceNumbering.Number receipt = Books.receiptNumber(em, regieCode);
        long payment = ((Number) em.createNativeQuery("insert into payment (regie_id, family_id, receipt_number, mode, amount_cents,"
                + " received_on, cheque_number, bank, payer_name, recorded_by, form_token) values (?1, ?2, ?3, ?4, ?5, ?6,"
                + " cast(?7 as varchar), cast(?8 as varchar), cast(?9 as varchar), ?10, cast(?11 as varchar)) returning id")
                .setParameter(1, regieId).setParameter(2, in.familyId())
                .setParameter(3, receipt.text()).setParameter(4, in.mode()).setParameter(5, amount).setParameter(6, in.receivedOn())
                .setParameter(7, cheque).setParameter(8, bank).setParameter(9, payer).setParameter(10, Books.cut(actor, 120))
                .setParameter(11, token).getSingleResult()).longValue();
        StringBuilder to = new StringBuilder();
        Map<Long, String> numbers = new LinkedHashMap<>();
        open.forEach(o -> numbers.put(o.invoiceId(), o.number()));
        for (Map.Entry<Long, Long> a : allocation.entrySet()) {
            em.createNativeQuery("insert into payment_allocation (payment_id, invoice_id, amount_cents) values (?1, ?2, ?3)")
                    .setParameter(1, payment).setParameter(2, a.getKey()).setParameter(3, a.getValue()).executeUpdate();
            Books.audit(em, actor, "PAYMENT_ALLOCATED", regieId, in.familyId(), a.getKey(), payment, a.getValue(),
                    "Reçu " + receipt.text() + " : " + Money.format(a.getValue()) + " sur la facture " + numbers.get(a.getKey()));
            to.append(to.length() == 0 ? "" : ", ").append(numbers.get(a.getKey()));
        }
        if (overpayment > 0) {
            em.createNativeQuery("insert into account_credit (regie_id, family_id, amount_cents, payment_id, label, by_whom)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, regieId).setParameter(2, in.familyId())
                    .setParameter(3, overpayment).setParameter(4, payment)
                    .setParameter(5, "Trop-perçu du reçu " + receipt.text()).setParameter(6, Books.cut(actor, 120)).executeUpdate();
        }
        Books.audit(em, actor, "PAYMENT_RECORDED", regieId, in.familyId(), null, payment, amount,
                "Reçu " + receipt.text() + " : " + PaymentModes.label(in.mode()) + (cheque == null ? "" : " n° " + cheque + " (" + bank + ")")
                        + " de " + Money.format(amount) + (to.length() == 0 ? "" : " sur " + to)
                        + (overpayment > 0 ? ", " + Money.format(overpayment) + " en crédit" : ""));
        return new Recorded(payment, receipt.text(), amount - overpayment, overpayment);
    }

    /**
     * Pays {@code amountCents} of invoice {@code invoiceId} from its family's credit with the invoice's
     * régie (régisseur): a negative credit movement naming the invoice.
     */
    public void useCredit(SignedInUser user, long invoiceId, long amountCents) {
        StaffRoles.requireRegisseur(user);
        if (amountCents <= 0) {
            throw new Refused("creditAmount", Refused.text("billing.amount.required"));
        }
        Object[] i = lockInvoice(invoiceId);
        long regieId = ((Number) i[0]).longValue();
        long family = ((Number) i[1]).longValue();
        Message refusal = Books.notPayable((String) i[2], (String) i[3], (String) i[4], (String) i[5]);
        if (refusal == null && onlinePending(invoiceId)) {
            // paid by card at this moment, or its card payment in anomaly to check: the credit would pay it twice
            refusal = Refused.text("billing.payment.onlinePending", i[2]);
        } else if (refusal == null && anomalyToCheck(invoiceId)) {
            refusal = Refused.text("billing.payment.anomalyToCheck", i[2]);
        }
        if (refusal != null) {
            throw new Refused("creditAmount", refusal);
        }
        long outstanding = outstanding(invoiceId);
        if (amountCents > outstanding) {
            throw new Refused("creditAmount", Refused.text("billing.credit.beyondOutstanding", Money.amount(outstanding), i[2]));
        }
        Books.lockCredit(em, family);
        long credit = Books.credit(em, family, regieId);
        if (amountCents > credit) {
            throw new Refused("creditAmount", Refused.text("billing.credit.beyondCredit", Money.amount(credit)));
        }
        em.createNativeQuery("insert into account_credit (regie_id, family_id, amount_cents, invoice_id, label, by_whom)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, regieId).setParameter(2, family).setParameter(3, -amountCents)
                .setParameter(4, invoiceId).setParameter(5, Books.cut("Crédit utilisé sur la facture " + i[2], 200))
                .setParameter(6, Books.cut(user.email(), 120)).executeUpdate();
        Books.audit(em, user.email(), "CREDIT_USED", regieId, family, invoiceId, null, amountCents,
                "Crédit de " + Money.format(amountCents) + " utilisé sur la facture " + i[2]);
    }

    /**
     * New invoices' families have their account credit with the régie deducted, before they are mailed
     * ({@link #applyCredit}).
     */
    void onIssued(@Observes InvoicesIssued issued) {
        if (issued.invoiceIds().isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> owed = em.createNativeQuery("select distinct i.family_id, i.regie_id from invoice i"
                + " where i.id = any(cast(?1 as bigint[])) and exists (select 1 from account_credit c"
                + " where c.family_id = i.family_id and c.regie_id = i.regie_id) order by i.family_id, i.regie_id")
                .setParameter(1, issued.invoiceIds().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        for (Object[] r : owed) {
            applyCredit(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), issued.actor());
        }
    }

    /**
     * Deducts the family's account credit with the régie (overpayments, credit notes' rest) from its open invoices,
     * oldest first, as the family is told ("il sera déduit de vos prochaines factures"): a negative credit movement
     * naming each invoice, audited, as {@link #useCredit} writes. Left out: an invoice the family is paying by card at
     * this moment, or whose direct debit is already at the bank (it would be paid twice). In the caller's transaction;
     * the invoices locked, then the credit, as a payment does.
     *
     * @return the cents deducted
     */
    public long applyCredit(long familyId, long regieId, String actor) {
        List<Allocations.Open> open = open(familyId, regieId, true).stream().filter(o -> !onlinePending(o.invoiceId())
                && em.createNativeQuery("select 1 from sepa_debit d where d.invoice_id = ?1 and d.state = 'SENT'")
                .setParameter(1, o.invoiceId()).getResultList().isEmpty()).toList();
        if (open.isEmpty()) {
            return 0;
        }
        Books.lockCredit(em, familyId);
        long credit = Books.credit(em, familyId, regieId);
        long deducted = 0;
        for (Map.Entry<Long, Long> use : Allocations.oldestFirst(open, credit).entrySet()) {
            String number = open.stream().filter(o -> o.invoiceId() == use.getKey()).findFirst().orElseThrow().number();
            em.createNativeQuery("insert into account_credit (regie_id, family_id, amount_cents, invoice_id, label, by_whom)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, regieId).setParameter(2, familyId)
                    .setParameter(3, -use.getValue()).setParameter(4, use.getKey())
                    .setParameter(5, Books.cut("Crédit déduit de la facture " + number, 200))
                    .setParameter(6, Books.cut(actor, 120)).executeUpdate();
            Books.audit(em, actor, "CREDIT_USED", regieId, familyId, use.getKey(), null, use.getValue(),
                    "Crédit de " + Money.format(use.getValue()) + " déduit de la facture " + number);
            deducted += use.getValue();
        }
        return deducted;
    }

    /**
     * Cancels a payment (régisseur; a rejected cheque, a mistake) with its reason: its allocations no
     * longer settle their invoices, and its overpayment credit is taken back. When that credit was already
     * used (the family's credit with the régie is now lower than the overpayment), the invoices the credit
     * paid last are reopened for what is missing — a positive credit movement naming each, audited —: the
     * money never came, so they are owed again, as the invoices the payment paid directly. Refused only when
     * what is missing was paid to invoices transmitted to the Trésorerie since (the titre asks what was left).
     */
    public void cancel(SignedInUser user, long paymentId, String reason) {
        StaffRoles.requireRegisseur(user);
        String why = Refused.requiredReason("cancelReason", reason, "billing.payment.cancelReasonRequired");
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select regie_id, family_id, receipt_number, amount_cents, cancelled_at"
                + " from payment where id = ?1 for update").setParameter(1, paymentId).getResultList();
        if (found.isEmpty()) {
            throw new Refused("cancelReason", Refused.text("billing.payment.notFound"));
        }
        Object[] p = found.get(0);
        if (!em.createNativeQuery("select 1 from sepa_debit where payment_id = ?1 and state = 'SENT'")
                .setParameter(1, paymentId).getResultList().isEmpty()) {
            // a direct debit sent to the bank: its reject is recorded on Prélèvements (the debit marked, the family told);
            // cancelled here, the debit stayed SENT, "prélevé le …" on an open invoice, and its reject could never be recorded
            throw new Refused("cancelReason", Refused.text("billing.payment.directDebitSent", p[2]));
        }
        if (p[4] != null) {
            throw new Refused("cancelReason", Refused.text("billing.payment.alreadyCancelled", p[2]));
        }
        // a payment that settled part of an invoice since transmitted to the Trésorerie: the titre asks only what was
        // left then; cancelled here, the rest would be owed to nobody (the counter and credit notes refuse titres). Its
        // invoices locked first, in id order (Books), so that a titre being marked on one of them at this moment is seen
        // with them, the family's invoices of the régie its account credit paid: one of them may be reopened below
        em.createNativeQuery("select i.id from invoice i where i.id in (select a.invoice_id from payment_allocation a"
                + " where a.payment_id = ?1 union select c.invoice_id from payment p join account_credit c on c.family_id"
                + " = p.family_id and c.regie_id = p.regie_id where p.id = ?1 and c.amount_cents < 0 and c.invoice_id is not null)"
                + " order by i.id for update of i").setParameter(1, paymentId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> titres = em.createNativeQuery("select i.number, i.titre_number from payment_allocation a"
                + " join invoice i on i.id = a.invoice_id where a.payment_id = ?1 and i.state = 'TITRE_EMIS' order by i.id")
                .setParameter(1, paymentId).getResultList();
        if (!titres.isEmpty()) {
            throw new Refused("cancelReason", Refused.text("billing.payment.onTitre", p[2], titres.get(0)[0], titres.get(0)[1]));
        }
        long regieId = ((Number) p[0]).longValue();
        long family = ((Number) p[1]).longValue();
        Books.lockCredit(em, family);
        long overpayment = ((Number) em.createNativeQuery("select coalesce(sum(amount_cents), 0) from account_credit"
                + " where payment_id = ?1").setParameter(1, paymentId).getSingleResult()).longValue();
        long credit = Books.credit(em, family, regieId);
        Map<Long, Long> reopened = overpayment > credit ? creditUsesTakenBack(family, regieId, overpayment - credit) : Map.of();
        if (reopened == null) {
            throw new Refused("cancelReason", Refused.text("billing.payment.overpaymentUsed", Money.amount(overpayment),
                    Money.amount(credit)));
        }
        em.createNativeQuery("update payment set cancelled_at = now(), cancelled_by = ?2, cancel_reason = ?3 where id = ?1")
                .setParameter(1, paymentId).setParameter(2, Books.cut(user.email(), 120)).setParameter(3, why).executeUpdate();
        for (Map.Entry<Long, Long> back : reopened.entrySet()) {
            String number = (String) em.createNativeQuery("select number from invoice where id = ?1").setParameter(1, back.getKey())
                    .getSingleResult();
            em.createNativeQuery("insert into account_credit (regie_id, family_id, amount_cents, invoice_id, label, by_whom)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, regieId).setParameter(2, family)
                    .setParameter(3, back.getValue()).setParameter(4, back.getKey())
                    .setParameter(5, Books.cut("Crédit repris sur la facture " + number + " : reçu " + p[2] + " annulé", 200))
                    .setParameter(6, Books.cut(user.email(), 120)).executeUpdate();
            Books.audit(em, user.email(), "CREDIT_TAKEN_BACK", regieId, family, back.getKey(), paymentId, back.getValue(),
                    "Crédit de " + Money.format(back.getValue()) + " repris sur la facture " + number + " (reçu " + p[2]
                            + " annulé) : de nouveau à régler");
        }
        if (overpayment > 0) {
            em.createNativeQuery("insert into account_credit (regie_id, family_id, amount_cents, payment_id, label, by_whom)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, regieId).setParameter(2, family).setParameter(3, -overpayment)
                    .setParameter(4, paymentId).setParameter(5, Books.cut("Annulation du reçu " + p[2] + " : trop-perçu repris", 200))
                    .setParameter(6, Books.cut(user.email(), 120)).executeUpdate();
        }
        Books.audit(em, user.email(), "PAYMENT_CANCELLED", regieId, family, null, paymentId, ((Number) p[3]).longValue(),
                "Reçu " + p[2] + " annulé : " + why);
    }

    /**
     * The account credit uses to take back for {@code missing} cents of a cancelled payment's overpayment the family no
     * longer has: invoice → cents, the invoices the credit paid last first (what a credit note imputed on the invoice it
     * corrects is that note's, not spent credit: left). An invoice transmitted to the Trésorerie since is left (its titre
     * asks what was left then).
     *
     * @return {@code null} when the invoices still open cannot take back {@code missing}
     */
    private Map<Long, Long> creditUsesTakenBack(long family, long regieId, long missing) {
        @SuppressWarnings("unchecked")
        List<Object[]> uses = em.createNativeQuery("select i.id, -sum(c.amount_cents) from account_credit c"
                + " join invoice i on i.id = c.invoice_id where c.family_id = ?1 and c.regie_id = ?2 and i.kind = 'INVOICE'"
                + " and i.state = 'ISSUED' and c.payment_id is null and not exists (select 1 from invoice n join account_credit nc"
                + " on nc.invoice_id = n.id and nc.amount_cents > 0 where n.credit_note_of = i.id and nc.at = c.at)"
                + " group by i.id having sum(c.amount_cents) < 0 order by max(c.id) desc")
                .setParameter(1, family).setParameter(2, regieId).getResultList();
        Map<Long, Long> back = new LinkedHashMap<>();
        long left = missing;
        for (Object[] u : uses) {
            if (left == 0) {
                break;
            }
            long part = Math.min(left, ((Number) u[1]).longValue());
            back.put(((Number) u[0]).longValue(), part);
            left -= part;
        }
        return left == 0 ? back : null;
    }

    /** The payments received between {@code from} and {@code to}, of one régie or all (any agent). */
    public List<PaymentRow> payments(SignedInUser user, LocalDate from, LocalDate to, String regieCode, Long familyId) {
        StaffRoles.requireAgent(user);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select p.id, p.receipt_number, r.label, p.family_id, f.label, p.mode,"
                + " p.cheque_number, p.bank, p.payer_name, p.amount_cents, p.received_on, p.recorded_by, p.cancelled_at is not null,"
                + " p.cancel_reason, (select string_agg(i.number || '|' || a.amount_cents, ';'"
                + " order by i.id) from payment_allocation a join invoice i on i.id = a.invoice_id where a.payment_id = p.id)"
                + " from payment p join regie r on r.id = p.regie_id join family f on f.id = p.family_id"
                + " where p.received_on between ?1 and ?2 and (cast(?3 as varchar) is null or r.code = cast(?3 as varchar))"
                + " and (cast(?4 as bigint) is null or p.family_id = cast(?4 as bigint)) order by p.received_on desc, p.id desc")
                .setParameter(1, from).setParameter(2, to).setParameter(3, regieCode == null || regieCode.isBlank() ? null : regieCode)
                .setParameter(4, familyId).getResultList();
        return rows.stream().map(r -> new PaymentRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                ((Number) r[9]).longValue(), date(r[10]), (String) r[11], (Boolean) r[12], (String) r[13], (String) r[14])).toList();
    }

    /**
     * The money the régies' porte-monnaie took in from {@code from} to {@code to} (top-ups at the counter and by card,
     * less what a régisseur took back): what the Paiements export lists beside the payments, so that the page's total
     * and the export's agree. Any agent.
     */
    public long walletMoney(SignedInUser user, LocalDate from, LocalDate to) {
        StaffRoles.requireAgent(user);
        return ((Number) em.createNativeQuery("select coalesce(sum(m.amount_cents), 0) from wallet_movement m"
                + " where m.kind in ('TOP_UP_COUNTER', 'TOP_UP_CARD', 'WITHDRAWAL')"
                + " and cast(m.created_at at time zone " + PlatformTime.SQL_ZONE + " as date) between ?1 and ?2")
                .setParameter(1, from).setParameter(2, to).getSingleResult()).longValue();
    }

    /** One payment (any agent). */
    public PaymentRow payment(SignedInUser user, long paymentId) {
        StaffRoles.requireAgent(user);
        List<?> found = em.createNativeQuery("select received_on, family_id from payment where id = ?1")
                .setParameter(1, paymentId).getResultList();
        if (found.isEmpty()) {
            throw new Refused(Refused.text("billing.payment.notFound"));
        }
        Object[] r = (Object[]) found.get(0);
        return payments(user, date(r[0]), date(r[0]), null, ((Number) r[1]).longValue()).stream()
                .filter(p -> p.id() == paymentId).findFirst().orElseThrow();
    }

    /** The family's label (any agent); {@code null} for an unknown id. */
    public String familyLabel(SignedInUser user, long familyId) {
        StaffRoles.requireAgent(user);
        List<?> labels = em.createNativeQuery("select label from family where id = ?1").setParameter(1, familyId).getResultList();
        return labels.isEmpty() ? null : (String) labels.get(0);
    }

    /** The régies of the commune: code → label, by label (any agent). */
    public Map<String, String> regies(SignedInUser user) {
        StaffRoles.requireAgent(user);
        Map<String, String> regies = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, label from regie order by label").getResultList();
        rows.forEach(r -> regies.put((String) r[0], (String) r[1]));
        return regies;
    }

    // --- reading and locking -------------------------------------------------------------------------

    /** The family's open invoices of the régie, oldest first; with {@code lock}, their rows are locked in id order first. */
    List<Allocations.Open> open(long familyId, long regieId, boolean lock) {
        if (lock) {
            em.createNativeQuery("select id from invoice where family_id = ?1 and regie_id = ?2 and kind = 'INVOICE'"
                    + " and state = 'ISSUED' order by id for update").setParameter(1, familyId).setParameter(2, regieId)
                    .getResultList();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select i.id, i.number, cast(i.issued_at at time zone " + PlatformTime.SQL_ZONE + " as date),"
                + " i.due_date, i.total_cents - (" + settled() + ") from invoice i where i.family_id = ?1 and i.regie_id = ?2"
                + " and i.kind = 'INVOICE' and i.state = 'ISSUED'").setParameter(1, familyId).setParameter(2, regieId).getResultList();
        return rows.stream().map(r -> new Allocations.Open(((Number) r[0]).longValue(), (String) r[1], date(r[2]), date(r[3]),
                ((Number) r[4]).longValue())).filter(o -> o.outstandingCents() > 0).sorted(Allocations.OLDEST_FIRST).toList();
    }

    /** Why invoice {@code invoiceId} may not take this family's payment to this régie ({@code null}: it may). */
    private Message notPayable(long invoiceId, long familyId, long regieId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select number, kind, state, titre_number, family_id, regie_id from invoice"
                + " where id = ?1").setParameter(1, invoiceId).getResultList();
        if (rows.isEmpty() || ((Number) rows.get(0)[4]).longValue() != familyId || ((Number) rows.get(0)[5]).longValue() != regieId) {
            return null; // Allocations.check: not an open invoice of this family and régie
        }
        Object[] r = rows.get(0);
        return Books.notPayable((String) r[0], (String) r[1], (String) r[2], (String) r[3]);
    }

    /** Whether a card payment of the invoice is under way at PayFiP (it ends within minutes: paid, refused or expired). */
    boolean onlinePending(long invoiceId) {
        return !em.createNativeQuery("select 1 from online_payment where invoice_id = ?1 and state = 'PENDING'")
                .setParameter(1, invoiceId).getResultList().isEmpty();
    }

    /** Whether an online payment of the invoice came back in anomaly and the régie has not checked it yet. */
    private boolean anomalyToCheck(long invoiceId) {
        return !em.createNativeQuery("select 1 from invoice i where i.id = ?1 and "
                        + ANOMALY_TO_CHECK)
                .setParameter(1, invoiceId).getResultList().isEmpty();
    }

    private String numberOf(long invoiceId) {
        List<?> found = em.createNativeQuery("select number from invoice where id = ?1").setParameter(1, invoiceId).getResultList();
        return found.isEmpty() ? String.valueOf(invoiceId) : (String) found.get(0);
    }

    /** Locks an invoice's row: régie, family, number, kind, state, titre. */
    Object[] lockInvoice(long invoiceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select regie_id, family_id, number, kind, state, titre_number from invoice"
                + " where id = ?1 for update").setParameter(1, invoiceId).getResultList();
        if (rows.isEmpty()) {
            throw new Refused(Refused.text("billing.invoice.notFound"));
        }
        return rows.get(0);
    }

    long outstanding(long invoiceId) {
        return ((Number) em.createNativeQuery("select i.total_cents - (" + settled() + ") from invoice i where i.id = ?1")
                .setParameter(1, invoiceId).getSingleResult()).longValue();
    }

    static String settled() {
        return FamilyAccount.settledSql();
    }

    private Long regieIdOrNull(String code) {
        List<?> ids = em.createNativeQuery("select id from regie where code = ?1").setParameter(1, code).getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    long regieId(String code) {
        Long id = code == null ? null : regieIdOrNull(code);
        if (id == null) {
            throw new Refused("regie", Refused.text("billing.regie.choose"));
        }
        return id;
    }

    /** All of {@code amount} to {@code invoice} up to what is left on it (nothing when it is no longer open). */
    static Map<Long, Long> onlineAllocation(List<Allocations.Open> open, long invoice, long amount) {
        Map<Long, Long> allocation = new LinkedHashMap<>();
        open.stream().filter(o -> o.invoiceId() == invoice).findFirst()
                .ifPresent(o -> allocation.put(invoice, Math.min(amount, o.outstandingCents())));
        return allocation;
    }

    private static Map<Long, Long> clean(Map<Long, Long> allocation) {
        Map<Long, Long> clean = new LinkedHashMap<>();
        allocation.forEach((k, v) -> {
            if (k != null && v != null && v != 0) {
                clean.put(k, v);
            }
        });
        return clean;
    }

    private static String text(List<FieldError> errors, String field, Message label, String value, int max) {
        try {
            return Books.text(field, label, value, max);
        } catch (Refused e) {
            errors.add(new FieldError(field, e.text()));
            return null;
        }
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
