package fr.portailfamille.platform.billing.wallet;

import fr.portailfamille.billing.Money;
import fr.portailfamille.billing.wallet.WalletRules;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.PaymentModes;
import fr.portailfamille.platform.billing.payment.PaymentDesk;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.FormTokens;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The family's porte-monnaie (one per régie paid in advance): what the family and agents read (balance,
 * movements, run-out forecast), its activation by the family, a top-up at the counter by a régisseur, a top-up by
 * card credited once per PayFiP operation. A parent reaches its own family only; agents any family of their
 * commune. Each call one transaction.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class Wallets {

    static final Set<String> COUNTER_MODES = Set.of("CHEQUE", "ESPECES", "CESU", "VIREMENT", "CARTE_GUICHET");

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    CommuneSettings settings;

    @Inject
    WalletLedger ledger;

    @Inject
    FamilyAccount account;

    @Inject
    PaymentDesk desk;

    Clock clock = PlatformTime.clock();

    /**
     * A movement as the family reads it: {@code label} as recorded (French, the families' API), {@code words} in both
     * languages for the pages (the French one the label itself).
     */
    public record Movement(OffsetDateTime at, String kind, String label, long amountCents, long balanceAfterCents,
            fr.portailfamille.problems.Bilingual words) implements java.io.Serializable {
        public OffsetDateTime getAt() { return at; }
        public LocalDate getDay() { return PlatformTime.day(at); }
        public String getKind() { return kind; }
        public String getLabel() { return label; }
        public fr.portailfamille.problems.Bilingual getWords() { return words; }
        public long getAmountCents() { return amountCents; }
        public long getBalanceAfterCents() { return balanceAfterCents; }
        public boolean isCredit() { return amountCents > 0; }
    }

    /**
     * A porte-monnaie régie as a family sees it: not activated yet (balance 0, no movement), or its balance, its
     * last movements and the run-out forecast.
     */
    public record Summary(WalletRegie regie, boolean active, long balanceCents, List<Movement> movements,
            Optional<LocalDate> coveredUntil, long twoWeeksNeedCents) {
        public String getRegieCode() { return regie.code(); }
        public String getRegieLabel() { return regie.label(); }
        public long getFloorCents() { return regie.floorCents(); }
        public boolean isActive() { return active; }
        public long getBalanceCents() { return balanceCents; }
        public List<Movement> getMovements() { return movements; }
        /** Whether older movements are left out ({@link #LAST_MOVEMENTS} shown): the relevé gives them all. */
        public boolean isCapped() { return movements.size() >= LAST_MOVEMENTS; }
        /**
         * When the balance runs out at the family's rhythm, to be read in the page's language ({@code texts.of}); none
         * once it is below its floor (no booking is taken then: {@link #isOverdrawn}).
         */
        public Message getForecast() { return isOverdrawn() ? null : WalletRules.forecast(coveredUntil).orElse(null); }
        /**
         * Whether the balance is low as the daily mail says it ({@link WalletRules#warning}): below its floor, or
         * holding less than the next two weeks need at the family's rhythm.
         */
        public boolean isLow() {
            return active && (isOverdrawn() || twoWeeksNeedCents > 0 && balanceCents - regie.floorCents() < twoWeeksNeedCents);
        }
        /** Whether the balance is below its floor: no new booking is accepted until it is topped up. */
        public boolean isOverdrawn() { return active && balanceCents < regie.floorCents(); }
    }

    /** The commune's porte-monnaie régies (empty: every régie invoices after the fact). */
    public List<WalletRegie> regies() {
        return WalletRegie.all(settings.billing());
    }

    /**
     * The family's porte-monnaie of each régie paid in advance that bills an activity its children are registered to
     * (or that it has activated), with its {@link #LAST_MOVEMENTS} last movements.
     *
     * @param familyId the family (agents); {@code null} for the parent's own
     * @throws SecurityException a parent asking for another family
     */
    public List<Summary> of(SignedInUser user, Long familyId) {
        Long family = account.familyFor(user, familyId);
        if (family == null) {
            return List.of();
        }
        if (em.createNativeQuery("select 1 from family where id = ?1").setParameter(1, family).getResultList().isEmpty()) {
            // an agent's page opened on a family that is not the commune's (another commune's number, a file deleted)
            throw new Refused(Refused.text("billing.payment.familyUnknown"));
        }
        @SuppressWarnings("unchecked")
        List<String> registered = em.createNativeQuery("select distinct a.code from registration g join child c on c.id = g.child_id"
                + " join activity a on a.id = g.activity_id where c.family_id = ?1 and g.status not in ('REFUSED', 'WITHDRAWN')")
                .setParameter(1, family).getResultList();
        List<Summary> list = new ArrayList<>();
        for (WalletRegie r : regies()) {
            Summary summary = summary(family, r);
            // the régies of the activities the family's children are registered to, and those it has activated
            if (summary.active() || r.activities().stream().anyMatch(registered::contains)) {
                list.add(summary);
            }
        }
        return list;
    }

    /**
     * The porte-monnaie that pays a booking of activity {@code activityCode} for the parent's family at « Confirmer »
     * (what Mon planning's summary tells before it): empty when the activity is invoiced after the fact.
     */
    public Optional<fr.portailfamille.platform.billing.SelectionEstimate.Prepaid> prepaidFor(SignedInUser user,
            String activityCode) {
        Optional<WalletRegie> regie = regies().stream().filter(r -> r.activities().contains(activityCode)).findFirst();
        if (regie.isEmpty()) {
            return Optional.empty();
        }
        // its balance only (not the movements nor the forecast a page shows)
        Long family = account.familyFor(user, null);
        Long regieId = ledger.regieId(regie.get().code()).orElse(null);
        List<?> balance = family == null || regieId == null ? List.of() : em.createNativeQuery("select balance_cents from wallet"
                + " where family_id = ?1 and regie_id = ?2").setParameter(1, family).setParameter(2, regieId).getResultList();
        return Optional.of(new fr.portailfamille.platform.billing.SelectionEstimate.Prepaid(regie.get().label(),
                !balance.isEmpty(), balance.isEmpty() ? 0 : ((Number) balance.get(0)).longValue() - regie.get().floorCents()));
    }

    Summary summary(Long family, WalletRegie r) {
        Long regieId = ledger.regieId(r.code()).orElse(null);
        List<?> rows = family == null || regieId == null ? List.of() : em.createNativeQuery(
                "select id, balance_cents from wallet where family_id = ?1 and regie_id = ?2")
                .setParameter(1, family).setParameter(2, regieId).getResultList();
        if (rows.isEmpty()) {
            return new Summary(r, false, 0, List.of(), Optional.empty(), 0);
        }
        Object[] w = (Object[]) rows.get(0);
        long walletId = ((Number) w[0]).longValue();
        long balance = ((Number) w[1]).longValue();
        List<Movement> movements = movements(em.createNativeQuery(MOVEMENTS + " where m.wallet_id = ?1 order by m.id desc")
                .setParameter(1, walletId).setMaxResults(LAST_MOVEMENTS));
        List<WalletRules.Booked> booked = paidBookings(walletId, PlatformTime.today(clock));
        return new Summary(r, true, balance, movements,
                WalletRules.coveredUntil(balance, r.floorCents(), booked, PlatformTime.today(clock)), WalletRules.twoWeeksNeed(booked, PlatformTime.today(clock)));
    }

    /** How many of its last movements a porte-monnaie's page shows (the relevé gives them all, a school year at a time). */
    public static final int LAST_MOVEMENTS = 50;

    private static final String MOVEMENTS = "select m.created_at, m.kind, m.label, m.amount_cents, m.balance_after_cents,"
            + " m.mode, m.id_op, c.first_name, a.name, u.label, b.day, exists (select 1 from wallet_movement r"
            + " where r.booking_id = m.booking_id and r.kind = 'REFUND' and r.id < m.id)"
            + " from wallet_movement m left join booking b on b.id = m.booking_id left join child c on c.id = b.child_id"
            + " left join activity_unit u on u.id = b.unit_id left join activity a on a.id = u.activity_id";

    /** The movements {@code query} (a {@link #MOVEMENTS} select) reads, each in both languages. */
    private static List<Movement> movements(jakarta.persistence.Query query) {
        List<Movement> movements = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] m = (Object[]) row;
            String label = (String) m[2];
            movements.add(new Movement(at(m[0]), (String) m[1], label, ((Number) m[3]).longValue(),
                    ((Number) m[4]).longValue(), new fr.portailfamille.problems.Bilingual(label, english((String) m[1],
                    (String) m[5], (String) m[6], (String) m[7], (String) m[8], (String) m[9], m[10] == null ? null
                    : day(m[10]), Boolean.TRUE.equals(m[11]), label))));
        }
        return movements;
    }

    /**
     * A porte-monnaie's school year as the relevé de compte prints it: its balance on 1 September, every movement of
     * the year (oldest first, none left out) and its balance on 31 August.
     */
    public record Year(String regieCode, String regieLabel, long openingCents, List<Movement> movements, long closingCents)
            implements java.io.Serializable {
        public String getRegieCode() { return regieCode; }
        public String getRegieLabel() { return regieLabel; }
        public long getOpeningCents() { return openingCents; }
        public List<Movement> getMovements() { return movements; }
        public long getClosingCents() { return closingCents; }
    }

    /**
     * The family's porte-monnaie over the school year starting in September {@code schoolYear} (2026: 2026-2027), one
     * per régie whose porte-monnaie held money or moved that year.
     *
     * @param familyId the family (agents); {@code null} for the parent's own
     * @throws SecurityException a parent asking for another family
     */
    public List<Year> year(SignedInUser user, Long familyId, int schoolYear) {
        Long family = account.familyFor(user, familyId);
        List<Year> years = new ArrayList<>();
        if (family == null) {
            return years;
        }
        OffsetDateTime from = LocalDate.of(schoolYear, 9, 1).atStartOfDay(PlatformTime.ZONE).toOffsetDateTime();
        OffsetDateTime to = LocalDate.of(schoolYear + 1, 9, 1).atStartOfDay(PlatformTime.ZONE).toOffsetDateTime();
        for (WalletRegie r : regies()) {
            Long regieId = ledger.regieId(r.code()).orElse(null);
            List<?> wallet = regieId == null ? List.of() : em.createNativeQuery("select id from wallet where family_id = ?1"
                    + " and regie_id = ?2").setParameter(1, family).setParameter(2, regieId).getResultList();
            if (wallet.isEmpty()) {
                continue;
            }
            long walletId = ((Number) wallet.get(0)).longValue();
            List<?> before = em.createNativeQuery("select balance_after_cents from wallet_movement where wallet_id = ?1"
                    + " and created_at < ?2 order by id desc").setParameter(1, walletId).setParameter(2, from)
                    .setMaxResults(1).getResultList();
            long opening = before.isEmpty() ? 0 : ((Number) before.get(0)).longValue();
            List<Movement> movements = movements(em.createNativeQuery(MOVEMENTS + " where m.wallet_id = ?1"
                    + " and m.created_at >= ?2 and m.created_at < ?3 order by m.id").setParameter(1, walletId)
                    .setParameter(2, from).setParameter(3, to));
            if (movements.isEmpty() && opening == 0) {
                continue;
            }
            years.add(new Year(r.code(), r.label(), opening, List.copyOf(movements),
                    movements.isEmpty() ? opening : movements.get(movements.size() - 1).balanceAfterCents()));
        }
        return years;
    }

    /**
     * A movement in English, from what it records (its kind, mode, operation, the booking's child, activity, unit and
     * day; a debit after a refund of the same booking is a debit again); the French label as recorded when the booking
     * is gone.
     */
    static String english(String kind, String mode, String idOp, String child, String activity, String unit, LocalDate day,
            boolean again, String recorded) {
        java.util.Locale en = java.util.Locale.ENGLISH;
        switch (kind) {
            case "TOP_UP_COUNTER":
                return mode == null ? recorded : Refused.text("wallet.movement.topUpCounter", PaymentModes.text(mode)).in(en);
            case "TOP_UP_CARD":
                return Refused.text("wallet.movement.topUpCard", idOp == null ? "" : idOp).in(en);
            case "WITHDRAWAL":
                return recorded.startsWith(WITHDRAWAL) ? Refused.text("wallet.movement.withdrawal",
                        recorded.substring(WITHDRAWAL.length())).in(en) : recorded;
            default:
                if (child == null || day == null) {
                    return recorded;
                }
                String what = Refused.text("wallet.movement.booking", child, activity, unit,
                        fr.portailfamille.problems.Message.literal(day.format(java.time.format.DateTimeFormatter
                                .ofPattern("dd/MM/yyyy")))).in(en);
                return "REFUND".equals(kind) ? Refused.text("wallet.movement.refund", what).in(en)
                        : again ? Refused.text("wallet.movement.debitAgain", what).in(en) : what;
        }
    }

    /** The bookings a porte-monnaie paid (and keeps) from five weeks before {@code today}: the forecast's basis. */
    List<WalletRules.Booked> paidBookings(long walletId, LocalDate today) {
        List<WalletRules.Booked> booked = new ArrayList<>();
        for (Object row : em.createNativeQuery("select b.day, w.amount_cents from wallet_booking w join booking b"
                + " on b.id = w.booking_id where w.wallet_id = ?1 and w.debited and b.day >= ?2")
                .setParameter(1, walletId).setParameter(2, today.minusWeeks(5)).getResultList()) {
            Object[] r = (Object[]) row;
            booked.add(new WalletRules.Booked(day(r[0]), ((Number) r[1]).longValue()));
        }
        return booked;
    }

    /**
     * The parent activates the family's porte-monnaie of régie {@code regieCode} (a validated or draft file of its
     * own; nothing when it is already active).
     *
     * @throws Refused a régie that is not paid in advance, a staff account
     */
    public Summary activate(SignedInUser user, String regieCode) {
        if (StaffRoles.isStaff(user)) {
            throw new Refused(Refused.text("billing.wallet.staff"));
        }
        Long family = account.validatedFamilyOf(user);
        if (family == null) {
            throw new Refused(Refused.text("billing.wallet.noFamilyFile"));
        }
        WalletRegie r = walletRegie(regieCode);
        ledger.activate(family, ledger.regieId(r.code()).orElseThrow(), user.email() == null ? user.subject() : user.email());
        return summary(family, r);
    }

    /**
     * A régisseur records money given at the counter for a family's porte-monnaie (activated then if it was not):
     * the balance grows, the movement and the audit say who, how and how much.
     *
     * @return the balance afterwards
     * @throws Refused on field {@code amount}, {@code mode}, {@code family} or {@code regie}
     * @throws SecurityException not an agent of this commune, or not a régisseur
     */
    public long topUpAtCounter(SignedInUser staff, Long familyId, String regieCode, String mode, Long amountCents) {
        return topUpAtCounter(staff, familyId, regieCode, mode, amountCents, null);
    }

    /**
     * {@link #topUpAtCounter(SignedInUser, Long, String, String, Long)} from a form whose one-time token is
     * {@code formToken} ({@link FormTokens}): the same form sent twice is refused, credited once.
     */
    public long topUpAtCounter(SignedInUser staff, Long familyId, String regieCode, String mode, Long amountCents,
            String formToken) {
        StaffRoles.requireRegisseur(staff);
        String token = FormTokens.of(formToken);
        FormTokens.claim(em, "wallet_movement", token);
        WalletRules.topUpRefusal(amountCents).ifPresent(why -> {
            throw new Refused("amount", why);
        });
        if (mode == null || !COUNTER_MODES.contains(mode)) {
            throw new Refused("mode", Refused.text("billing.wallet.modeRequired"));
        }
        WalletRegie regie = counterRegie(familyId, regieCode, "regie");
        long regieId = ledger.regieId(regie.code()).orElseThrow();
        WalletLedger.Locked w = ledger.activate(familyId, regieId, staff.email());
        long after = ledger.move(w, "TOP_UP_COUNTER", amountCents, null, mode, null,
                "Versement au guichet (" + PaymentModes.label(mode) + ")", staff.email(), token);
        desk.audit(staff.email(), "WALLET_TOP_UP", regieId, familyId, null, null, amountCents, "Porte-monnaie « "
                + regie.label() + " » alimenté de " + Money.format(amountCents) + " au guichet (" + PaymentModes.label(mode)
                + ") : solde " + Money.format(after));
        return after;
    }

    /**
     * The porte-monnaie régie {@code regieCode} of a movement at the counter for family {@code familyId} of the commune.
     *
     * @throws Refused an unknown family, or a régie that is not paid in advance (on {@code regieField})
     */
    private WalletRegie counterRegie(Long familyId, String regieCode, String regieField) {
        if (familyId == null || em.createNativeQuery("select 1 from family where id = ?1").setParameter(1, familyId)
                .getResultList().isEmpty()) {
            throw new Refused("family", Refused.text("billing.wallet.familyUnknown"));
        }
        return regies().stream().filter(x -> x.code().equals(regieCode)).findFirst()
                .orElseThrow(() -> new Refused(regieField, Refused.text("billing.wallet.regieRequired")));
    }

    /** How a withdrawal was given back to the family; none for a rejected cheque or a correction. */
    static final Set<String> WITHDRAWAL_MODES = Set.of("ESPECES", "CHEQUE", "VIREMENT");

    /** What a withdrawal's label starts with; its reason follows. */
    static final String WITHDRAWAL = "Retrait au guichet : ";

    /**
     * A régisseur takes money back from a family's active porte-monnaie of régie {@code regieCode}, with its reason: a
     * top-up whose cheque the bank rejected, an amount typed wrong, a balance paid back to a family that leaves
     * ({@code mode}: how it was given back, none for a rejected cheque or a correction). 1 000,00 € at most; what is given
     * back never exceeds the balance, but a rejected cheque or a correction may take it below zero and below the régie's
     * floor (the family owes what it spent); a top-up stays as recorded, the withdrawal beside it
     * ({@link fr.portailfamille.billing.wallet.WalletRules#withdrawalRefusal}).
     * Audited; from a form whose one-time token is {@code formToken} ({@link FormTokens}): sent twice, taken once.
     *
     * @return the balance after it
     * @throws Refused an amount, a reason, a mode, a family or a porte-monnaie that is not right, in words
     */
    public long withdrawAtCounter(SignedInUser staff, Long familyId, String regieCode, String mode, Long amountCents,
            String reason, String formToken) {
        StaffRoles.requireRegisseur(staff);
        String token = FormTokens.of(formToken);
        FormTokens.claim(em, "wallet_movement", token);
        if (amountCents == null || amountCents <= 0) {
            throw new Refused("withdrawAmount", Refused.text("billing.wallet.withdraw.amount"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new Refused("withdrawReason", Refused.text("billing.wallet.withdraw.reasonRequired"));
        }
        if (fr.portailfamille.platform.kernel.TextLimits.exceeds(why, 200)) {
            throw new Refused("withdrawReason", fr.portailfamille.platform.kernel.TextLimits.tooLong(
                    Refused.text("common.what.reason"), 200));
        }
        String given = mode == null || mode.isBlank() ? null : mode;
        if (given != null && !WITHDRAWAL_MODES.contains(given)) {
            throw new Refused("withdrawMode", Refused.text("billing.wallet.modeRequired"));
        }
        WalletRegie regie = counterRegie(familyId, regieCode, "withdrawRegie");
        long regieId = ledger.regieId(regie.code()).orElseThrow();
        WalletLedger.Locked w = ledger.lock(familyId, regieId)
                .orElseThrow(() -> new Refused("withdrawRegie", Refused.text("billing.wallet.withdraw.notActive")));
        // read under the lock: what is given back never exceeds the balance, whatever was withdrawn meanwhile
        fr.portailfamille.billing.wallet.WalletRules.withdrawalRefusal(amountCents, given != null, w.balanceCents())
                .ifPresent(refusal -> {
                    throw new Refused("withdrawAmount", refusal);
                });
        long after = ledger.move(w, "WITHDRAWAL", -amountCents, null, given, null, WITHDRAWAL + why, staff.email(), token);
        desk.audit(staff.email(), "WALLET_WITHDRAWAL", regieId, familyId, null, null, amountCents, WalletLedger.cut(
                "Porte-monnaie « " + regie.label() + " » : retrait de " + Money.format(amountCents) + " au guichet"
                + (given == null ? "" : " (" + PaymentModes.label(given) + ")") + ", motif : " + why + " ; solde "
                + Money.format(after), 1000));
        return after;
    }

    /**
     * The family's porte-monnaie of régie {@code regieCode}, activated, as a card top-up pays it: its id and the
     * régie's id. Called by the online payment when it starts.
     *
     * @throws Refused a régie not paid in advance, a porte-monnaie not activated
     */
    public long[] topUpTarget(long familyId, String regieCode) {
        WalletRegie r = walletRegie(regieCode);
        long regieId = ledger.regieId(r.code()).orElseThrow();
        WalletLedger.Locked w = ledger.lock(familyId, regieId)
                .orElseThrow(() -> new Refused(Refused.text("billing.wallet.notActivated", r.label())));
        return new long[] {w.id(), regieId};
    }

    /**
     * Credits a card top-up paid online, once per PayFiP operation {@code idOp} (a second call changes nothing), in
     * the caller's transaction.
     *
     * @return the balance afterwards
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long creditCard(long walletId, long cents, String idOp, String actor) {
        WalletLedger.Locked w = ledger.lock(walletId).orElseThrow();
        if (!em.createNativeQuery("select 1 from wallet_movement where id_op = ?1").setParameter(1, idOp).getResultList()
                .isEmpty()) {
            return w.balanceCents();
        }
        long after = ledger.move(w, "TOP_UP_CARD", cents, null, "CARTE_EN_LIGNE", idOp,
                "Versement par carte bancaire en ligne (PayFiP, opération " + idOp + ")", actor);
        desk.audit(actor, "WALLET_TOP_UP", w.regieId(), w.familyId(), null, null, cents, "Porte-monnaie alimenté de "
                + Money.format(cents) + " par carte en ligne (opération " + idOp + ") : solde " + Money.format(after));
        return after;
    }

    private WalletRegie walletRegie(String regieCode) {
        return regies().stream().filter(x -> x.code().equals(regieCode)).findFirst()
                .orElseThrow(() -> new Refused(Refused.text("billing.wallet.none")));
    }

    static OffsetDateTime at(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atZone(PlatformTime.ZONE).toOffsetDateTime();
        }
        return ((java.time.Instant) value).atZone(PlatformTime.ZONE).toOffsetDateTime();
    }

    static LocalDate day(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
