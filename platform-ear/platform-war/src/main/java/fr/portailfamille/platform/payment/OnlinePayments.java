package fr.portailfamille.platform.payment;

import fr.portailfamille.billing.Money;
import fr.portailfamille.billing.Payable;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.wallet.Wallets;
import fr.portailfamille.platform.billing.payment.PaymentDesk;
import fr.portailfamille.platform.kernel.Denied;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Online payment of an invoice through the {@link PaymentPort} (PayFiP): a parent starts the payment of one of
 * the family's open invoices for what is left on it; the result is read from the provider — never taken from the
 * notification or the browser — and settles the invoice exactly once, whatever calls {@link #settle} and however
 * often (notification, return of the browser): the online payment's row is locked and decided once, a paid result
 * for the amount asked is recorded as a payment by card online through the counter's books ({@link PaymentDesk}:
 * receipt, allocation, overpayment as credit, audit) and the receipt is mailed to the family. Each call is one
 * transaction, except those that ask the provider, always outside any transaction: {@link #settle} and {@link #check}
 * then decide in one short transaction of {@link OnlineLedger}; a start reserves its pending online payment in one
 * (checked under the invoice's lock), asks PayFiP with no lock or connection held — PayFiP slow on invoice day must
 * not hold the invoices' locks and the pool's connections —, then records PayFiP's operation id in another, or
 * releases the reservation if PayFiP refused.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class OnlinePayments {

    /** Where the provider notifies the platform ({@code urlnotif}), on the commune's host. */
    public static final String NOTIFICATION_PATH = "/paiement/payfip/notification";
    /** Where the payer's browser comes back ({@code urlredirect}), on the commune's host. */
    public static final String RETURN_PATH = "/paiement/payfip/retour";
    /** The family's result page, with {@code ?idOp=}. */
    public static final String RESULT_PAGE = "/espace/paiement-resultat.xhtml";
    /** PayFiP: from 1,00 € to 100 000,00 €. */
    public static final long MIN_CENTS = 100;
    public static final long MAX_CENTS = 10_000_000;
    /** PayFiP's operation ids: UUIDs in their text form (hyphens included); letters, digits and hyphens. */
    public static final Pattern OPERATION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Logger LOG = Logger.getLogger(OnlinePayments.class.getName());
    /** PayFiP's code of an operation it does not know (never created, or purged the night after an abandon). */
    static final String UNKNOWN_AT_PROVIDER = "P1";
    /** PayFiP's code of an operation whose payment page has expired (15 minutes after it was created). */
    static final String EXPIRED_AT_PROVIDER = "P4";

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    PaymentPort port;

    @Inject
    PaymentDesk desk;

    @Inject
    FamilyAccount account;

    @Inject
    FamilyMails mails;

    @Inject
    OnlineLedger ledger;

    @Inject
    Wallets wallets;

    @Inject
    @ConfigProperty(name = "pf.payfip.production", defaultValue = "false")
    boolean production;

    /** This bean through its proxy: the steps of a start each in their own transaction. */
    @Inject
    OnlinePayments self;

    /**
     * A start reserved: its pending online payment ({@code rowId}, under a provisional operation id until PayFiP gives
     * one), what PayFiP is asked, and what the start's audit says (an invoice's; none for a top-up).
     */
    public record Reserved(long rowId, PaymentRequest request, String actor, long regieId, long familyId, Long invoiceId,
                           String invoiceNumber) {
    }

    /** A payment started: the provider's operation id, its payment page (where the browser goes), the amount asked. */
    public record Started(String operationId, String pageUrl, long amountCents) {
    }

    /** An online payment as its family sees it on the result page. */
    public record Outcome(OnlineState state, long invoiceId, String invoiceNumber, long amountCents) {
        public OnlineState getState() { return state; }
        public String getStateName() { return state.name(); }
        public long getInvoiceId() { return invoiceId; }
        public String getInvoiceNumber() { return invoiceNumber; }
        public long getAmountCents() { return amountCents; }
    }

    /** {@link #start(SignedInUser, long, String)} on the commune's portal address (the request's, else its sub-domain). */
    public Started start(SignedInUser user, long invoiceId) {
        return start(user, invoiceId, mails.portalUrl());
    }

    /**
     * Starts the online payment of invoice {@code invoiceId} for what is left on it now: a parent of the invoice's
     * family only; the invoice must be open (not paid, not cancelled, not sent to the Trésorerie), with no other
     * online payment of it pending (checked, the invoice locked, before the provider is called).
     *
     * @param portalUrl the commune's portal as the browser sees it (the provider calls back there)
     * @throws SecurityException another family's invoice, another commune's, an unknown id, a staff account
     * @throws Refused why this invoice cannot be paid online now
     * @throws PaymentProviderException the provider refused or could not be reached (nothing kept)
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Started start(SignedInUser user, long invoiceId, String portalUrl) {
        return call(self.reserveInvoice(user, invoiceId, portalUrl));
    }

    /** PayFiP asked outside any transaction; its operation id recorded, or the reservation released if it refused. */
    private Started call(Reserved r) {
        PaymentCreated created;
        try {
            created = port.create(r.request());
        } catch (RuntimeException e) {
            self.release(r.rowId());
            throw e;
        }
        self.confirm(r, created.operationId());
        return new Started(created.operationId(), created.pageUrl(), r.request().amountCents());
    }

    /** The first step of {@link #start}: every check under the invoice's lock, the pending online payment reserved. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Reserved reserveInvoice(SignedInUser user, long invoiceId, String portalUrl) {
        if (user == null || StaffRoles.isStaff(user)) {
            throw notYours();
        }
        Long family = account.familyFor(user, null);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select i.family_id, i.number, i.kind, i.state, i.titre_number, r.id,"
                + " r.code, r.label, r.payfip_numcli, cast(extract(year from i.issued_at at time zone " + PlatformTime.SQL_ZONE + ") as integer),"
                + " (select f.email from family f where f.id = i.family_id)"
                + " from invoice i join regie r on r.id = i.regie_id where i.id = ?1 for update of i")
                .setParameter(1, invoiceId).getResultList();
        if (family == null || rows.isEmpty() || ((Number) rows.get(0)[0]).longValue() != family) {
            throw notYours();
        }
        Object[] i = rows.get(0);
        String number = (String) i[1];
        Message refusal = notPayable(number, (String) i[2], (String) i[3], (String) i[4]);
        if (refusal != null) {
            throw new Refused(refusal);
        }
        long left = ((Number) em.createNativeQuery("select i.total_cents - (" + FamilyAccount.settledSql()
                + ") from invoice i where i.id = ?1").setParameter(1, invoiceId).getSingleResult()).longValue();
        if (left <= 0) {
            throw new Refused(Refused.text("payment.invoice.paid", number));
        }
        if (((Number) em.createNativeQuery("select count(*) from online_payment where invoice_id = ?1 and state = 'PENDING'")
                .setParameter(1, invoiceId).getSingleResult()).longValue() > 0) {
            throw new Refused(Refused.text("payment.invoice.pending", number));
        }
        if (!em.createNativeQuery("select 1 from invoice i where i.id = ?1 and " + OnlinePaymentDesk.ANOMALY_TO_CHECK)
                .setParameter(1, invoiceId).getResultList().isEmpty()) {
            // PayFiP reported another amount than asked: the card may have been debited; the régie checks it first
            throw new Refused(Refused.text("payment.invoice.anomaly", number));
        }
        long regieId = ((Number) i[5]).longValue();
        String numcli = (String) i[8];
        if (numcli == null) {
            throw new Refused(Refused.text("payment.regie.notOnline", i[7], number));
        }
        if (left < MIN_CENTS) {
            throw new Refused(Refused.text("payment.invoice.belowMin", Money.amount(left), number));
        }
        if (left > MAX_CENTS) {
            throw new Refused(Refused.text("payment.invoice.aboveMax", number));
        }
        String email = user.email() != null && !user.email().isBlank() ? user.email() : (String) i[10];
        if (email == null || email.isBlank()) {
            throw new Refused(Refused.text("payment.emailRequired"));
        }
        String reference = reference(number);
        String base = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
        PaymentRequest request = new PaymentRequest(numcli, ((Number) i[9]).intValue(), reference, left, email,
                "Facture " + number + " " + i[7], base + NOTIFICATION_PATH, base + RETURN_PATH, production);
        long row = ((Number) em.createNativeQuery("insert into online_payment (invoice_id, family_id, regie_id, amount_cents,"
                + " reference, id_op, started_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) returning id").setParameter(1, invoiceId)
                .setParameter(2, family).setParameter(3, regieId).setParameter(4, left).setParameter(5, reference)
                .setParameter(6, provisional()).setParameter(7, cut(email, 120)).getSingleResult()).longValue();
        return new Reserved(row, request, cut(email, 120), regieId, family, invoiceId, number);
    }

    /**
     * A provisional operation id, until PayFiP gives one: unique, of PayFiP's form (a reservation whose start never
     * ended is asked about by the scheduled check, unknown to PayFiP, and expires).
     */
    private static String provisional() {
        return "RESERVE" + java.util.UUID.randomUUID().toString().replace("-", "");
    }

    /** The last step of a start: PayFiP's operation id recorded on the reservation (an invoice's start audited). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void confirm(Reserved r, String operationId) {
        em.createNativeQuery("update online_payment set id_op = ?2 where id = ?1").setParameter(1, r.rowId())
                .setParameter(2, operationId).executeUpdate();
        if (r.invoiceId() != null) {
            long amount = r.request().amountCents();
            desk.audit(r.actor(), "ONLINE_PAYMENT_STARTED", r.regieId(), r.familyId(), r.invoiceId(), null, amount,
                    "Paiement en ligne de " + Money.format(amount) + " commencé sur la facture " + r.invoiceNumber()
                            + " (opération " + operationId + ")");
        }
    }

    /** A start PayFiP refused or could not take: its reservation goes, the invoice or porte-monnaie may be paid again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(long rowId) {
        em.createNativeQuery("delete from online_payment where id = ?1 and state = 'PENDING'").setParameter(1, rowId)
                .executeUpdate();
    }

    /**
     * Starts a card top-up of {@code cents} of the family's porte-monnaie of régie {@code regieCode} (activated; a
     * parent only): the porte-monnaie is the online payment's target instead of an invoice, settled as an invoice's
     * payment is, and credited once ({@link Wallets#creditCard}).
     *
     * @throws SecurityException a staff account
     * @throws Refused the amount, a régie without porte-monnaie or without PayFiP, a porte-monnaie not activated,
     *     a top-up already pending
     */
    public Started startTopUp(SignedInUser user, String regieCode, Long cents) {
        return startTopUp(user, regieCode, cents, mails.portalUrl());
    }

    /** {@link #startTopUp(SignedInUser, String, Long)} with the commune's portal as the browser sees it. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Started startTopUp(SignedInUser user, String regieCode, Long cents, String portalUrl) {
        return call(self.reserveTopUp(user, regieCode, cents, portalUrl));
    }

    /** The first step of {@link #startTopUp}: every check, the pending online payment reserved. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Reserved reserveTopUp(SignedInUser user, String regieCode, Long cents, String portalUrl) {
        if (user == null || StaffRoles.isStaff(user)) {
            throw notYours();
        }
        fr.portailfamille.billing.wallet.WalletRules.topUpRefusal(cents).ifPresent(why -> {
            throw new Refused("amount", why);
        });
        Long family = account.familyFor(user, null);
        long[] target = wallets.topUpTarget(family, regieCode);
        Object[] r = (Object[]) em.createNativeQuery("select label, payfip_numcli, cast(extract(year from now() at time zone "
                + PlatformTime.SQL_ZONE + ") as integer), (select f.email from family f where f.id = ?2) from regie where id = ?1")
                .setParameter(1, target[1]).setParameter(2, family).getSingleResult();
        if (r[1] == null) {
            throw new Refused(Refused.text("payment.topUp.regieNotOnline", r[0]));
        }
        if (((Number) em.createNativeQuery("select count(*) from online_payment where wallet_id = ?1 and state = 'PENDING'")
                .setParameter(1, target[0]).getSingleResult()).longValue() > 0) {
            throw new Refused(Refused.text("payment.topUp.pending"));
        }
        String email = user.email() != null && !user.email().isBlank() ? user.email() : (String) r[3];
        if (email == null || email.isBlank()) {
            throw new Refused(Refused.text("payment.emailRequired"));
        }
        String reference = "PM" + target[0] + "T" + System.currentTimeMillis() % 1_000_000_000L;
        String base = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
        PaymentRequest request = new PaymentRequest((String) r[1], ((Number) r[2]).intValue(), reference, cents, email,
                "Porte-monnaie " + r[0], base + NOTIFICATION_PATH, base + RETURN_PATH, production);
        long row = ((Number) em.createNativeQuery("insert into online_payment (wallet_id, family_id, regie_id, amount_cents,"
                + " reference, id_op, started_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) returning id").setParameter(1, target[0])
                .setParameter(2, family).setParameter(3, target[1]).setParameter(4, cents).setParameter(5, reference)
                .setParameter(6, provisional()).setParameter(7, cut(email, 120)).getSingleResult()).longValue();
        return new Reserved(row, request, cut(email, 120), target[1], family, null, null);
    }

    /**
     * Reads the result of online payment {@code operationId} from the provider and decides it, once. PayFiP is asked
     * outside any database transaction; then one short transaction locks the online payment's row and decides it
     * only if it is still pending (any later or concurrent call changes nothing). Called by the notification, the
     * browser's return and checks; an unknown or malformed id changes nothing.
     *
     * @return the online payment's state afterwards, empty for an unknown id
     * @throws PaymentProviderException the provider could not tell (nothing changed; ask again later)
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<OnlineState> settle(String operationId) {
        if (operationId == null || !OPERATION_ID.matcher(operationId).matches()) {
            return Optional.empty();
        }
        Optional<OnlineState> now = ledger.state(operationId);
        if (now.isEmpty()) {
            LOG.info(() -> "Paiement en ligne inconnu de la commune : opération " + operationId);
            return now;
        }
        if (now.get() != OnlineState.PENDING) {
            return now;
        }
        PaymentResult result = port.result(operationId).orElse(null);
        if (result == null) {
            return now;
        }
        return Optional.of(ledger.decide(operationId, result, production));
    }

    /** The codes of the commune's régies that take payments online (a PayFiP client number). */
    public Set<String> onlineRegies() {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("select code from regie where payfip_numcli is not null").getResultList();
        return Set.copyOf(codes);
    }

    /**
     * The ids of {@code invoiceIds} whose last online payment is in anomaly and not yet checked by the régie: not to be
     * paid again meanwhile (the page says so instead of « Payer »).
     */
    public Set<Long> beingChecked(java.util.Collection<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select i.id from invoice i where i.id = any(cast(?1 as bigint[])) and "
                + OnlinePaymentDesk.ANOMALY_TO_CHECK).setParameter(1, invoiceIds.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",", "{", "}"))).getResultList();
        return ids.stream().map(Number::longValue).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The commune's online payments pending since before {@code createdBefore}, oldest first (for the scheduled check). */
    public List<String> pendingSince(Instant createdBefore) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select id_op from online_payment where state = 'PENDING' and created_at < ?1"
                + " order by created_at").setParameter(1, OffsetDateTime.ofInstant(createdBefore, PlatformTime.ZONE)).getResultList();
        return ids;
    }

    /**
     * The scheduled check of a pending online payment that may never be notified: its result is read and settled
     * as {@link #settle} does; when the provider still has no result (the payer left without deciding) or no longer
     * knows the operation, a payment created before {@code expireCreatedBefore} expires; one whose payment page PayFiP
     * reports expired (P4: 15 minutes without a decision) expires at once. Nothing is paid, and the invoice may be paid
     * online again.
     *
     * @return the online payment's state afterwards, empty for an unknown id
     * @throws PaymentProviderException the provider could not be reached (nothing changed)
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<OnlineState> check(String operationId, Instant expireCreatedBefore) {
        Optional<OnlineState> state;
        try {
            state = settle(operationId);
        } catch (PaymentProviderException e) {
            if (EXPIRED_AT_PROVIDER.equals(e.code())) {
                // PayFiP says its payment page expired without a decision: nothing can be paid on it any more
                return Optional.of(ledger.expire(operationId, OffsetDateTime.now(PlatformTime.ZONE).plusMinutes(1)));
            }
            if (!UNKNOWN_AT_PROVIDER.equals(e.code())) {
                throw e;
            }
            state = Optional.of(OnlineState.PENDING);
        }
        if (state.isEmpty() || state.get() != OnlineState.PENDING) {
            return state;
        }
        return Optional.of(ledger.expire(operationId, OffsetDateTime.ofInstant(expireCreatedBefore, PlatformTime.ZONE)));
    }

    /**
     * Online payment {@code operationId} as its family sees it (a parent of the family only).
     *
     * @return empty for an unknown or malformed id
     * @throws SecurityException another family's payment, a staff account
     */
    public Optional<Outcome> outcome(SignedInUser user, String operationId) {
        if (user == null || StaffRoles.isStaff(user)) {
            throw notYours();
        }
        if (operationId == null || !OPERATION_ID.matcher(operationId).matches()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select o.state, coalesce(o.invoice_id, 0), coalesce(i.number, 'porte-monnaie'),"
                + " o.amount_cents, o.family_id from online_payment o left join invoice i on i.id = o.invoice_id where o.id_op = ?1")
                .setParameter(1, operationId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        Long family = account.familyFor(user, null);
        if (family == null || ((Number) r[4]).longValue() != family) {
            throw notYours();
        }
        return Optional.of(new Outcome(OnlineState.valueOf((String) r[0]), ((Number) r[1]).longValue(), (String) r[2],
                ((Number) r[3]).longValue()));
    }

    /**
     * What anyone but the family's parent is told, in any language ("Cette facture n'appartient pas à votre dossier."):
     * another family's invoice or payment, an unknown one, a staff account.
     */
    private static Denied notYours() {
        return new Denied(Refused.text("payment.invoice.notYours"));
    }

    /** Why an invoice cannot be paid online, in any language ({@code null}: it can, if something is left on it). */
    static Message notPayable(String number, String kind, String state, String titre) {
        return Payable.refusal(number, kind, state, titre, Payable.Where.ONLINE);
    }

    /**
     * PayFiP's {@code refdet}: the invoice number's letters and digits, 6 to 30 of them (PayFiP refuses a shorter one,
     * R3): the sequence of a short number is padded with zeros, AL-12 is AL0012.
     */
    static String reference(String invoiceNumber) {
        String r = invoiceNumber.replaceAll("[^A-Za-z0-9]", "");
        if (r.length() < MIN_REFERENCE) {
            int digits = r.length();
            while (digits > 0 && Character.isDigit(r.charAt(digits - 1))) {
                digits--;
            }
            r = r.substring(0, digits) + "0".repeat(MIN_REFERENCE - r.length()) + r.substring(digits);
        }
        return r.length() > 30 ? r.substring(r.length() - 30) : r;
    }

    /** The fewest characters PayFiP takes in a {@code refdet}. */
    private static final int MIN_REFERENCE = 6;

    /** PayFiP's {@code resultrans} letter of an outcome. */
    static String letter(PaymentOutcome outcome) {
        return switch (outcome) {
            case PAID_BY_CARD -> "P";
            case PAID_BY_DEBIT -> "V";
            case REFUSED -> "R";
            case DEBIT_REFUSED -> "Z";
            case ABANDONED -> "A";
        };
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

}
