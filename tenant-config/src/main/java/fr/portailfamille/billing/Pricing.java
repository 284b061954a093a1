package fr.portailfamille.billing;

import fr.portailfamille.billing.PricedLine.Applied;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tariff rules: the price of one child's unit-day for one family.
 *
 * <ol>
 *   <li>An excused absence is never billed; an unexcused one is billed at the normal price when the tariff
 *       says so; a presence without booking is billed at the tariff's penalty price, without any
 *       reduction or surcharge (at the normal price when the tariff has none).</li>
 *   <li>Base price. By brackets: the price of the family's QF bracket; the maximum tariff when the QF is
 *       missing, or when the commune limits the validity of proofs and the proof is undated or older
 *       than the validity on the day billed. By effort rate: monthly resources × rate, kept between the
 *       floor and the ceiling; the ceiling when resources are not declared or the proof is undated or
 *       expired.</li>
 *   <li>Non-resident: the tariff's non-resident price, or its surcharge.</li>
 *   <li>Sibling reduction by rank (2nd child, 3rd and following), eldest first.</li>
 *   <li>Late-booking surcharge (hors délai), in percent or fixed.</li>
 * </ol>
 *
 * <p>Each step works on exact cents; the day's price is rounded half up once, at the end, and each
 * applied step shows the difference of the rounded running prices, so that the steps add up to the
 * price a family reads.
 */
public final class Pricing {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Pricing() {
    }

    /**
     * The price of {@code event} for a family.
     *
     * @param rank the child's rank among the family's children billed in the same period, 1 = eldest
     *     ({@link Siblings#ranks})
     */
    public static PricedLine price(BillingSettings settings, Tariff tariff, FamilyFacts family, int rank, DayEvent event) {
        Set<Anomaly> anomalies = EnumSet.noneOf(Anomaly.class);
        if (!event.booked() && event.attendance() != Attendance.PRESENT) {
            return notBilled(event, "Ni réservation ni présence", anomalies);
        }
        if (event.attendance() == Attendance.ABSENT_EXCUSED) {
            return notBilled(event, "Absence justifiée : non facturée", anomalies);
        }
        if (event.attendance() == Attendance.ABSENT_UNEXCUSED && !tariff.unexcusedAbsenceBilled()) {
            return notBilled(event, "Absence non justifiée : non facturée selon le tarif", anomalies);
        }
        List<String> labels = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        boolean unbooked = !event.booked();
        if (unbooked) {
            anomalies.add(Anomaly.UNBOOKED_PRESENCE);
            if (tariff.unbookedPresenceCents() != null) {
                long penalty = tariff.unbookedPresenceCents();
                String basis = "Présence sans réservation";
                String reason = basis + " : tarif de pénalité de " + Money.format(penalty) + ".";
                return new PricedLine(event, true, null, basis, penalty, List.of(), penalty, penalty, basis, reason, anomalies);
            }
            labels.add("Présence sans réservation");
            reasons.add("Présence sans réservation, facturée au tarif normal");
        }
        if (event.attendance() == Attendance.ABSENT_UNEXCUSED) {
            labels.add("Absence non justifiée");
            reasons.add("Absence non justifiée : facturée");
        }
        if (event.attendance() == Attendance.NOT_RECORDED) {
            anomalies.add(Anomaly.NOT_RECORDED);
            reasons.add("Réservation sans pointage : facturée comme réservée");
        }

        Base base = base(settings, tariff, family, event.day(), anomalies);
        labels.add(base.label);
        reasons.add(base.basis + " : " + Money.format(Money.round(base.cents)));

        List<Applied> applied = new ArrayList<>();
        BigDecimal price = base.cents;
        if (!family.resident() && tariff.nonResident() != null) {
            Adjustment a = tariff.nonResident();
            price = step(applied, price, a.apply(price), a.kind() == Adjustment.Kind.PRICE
                    ? "Tarif hors commune " + a.describe() : "Majoration hors commune " + a.describe());
        }
        BigDecimal sibling = tariff.siblingPercent(rank);
        if (sibling.signum() > 0) {
            price = step(applied, price, price.subtract(Money.percentOf(price, sibling)),
                    "Réduction fratrie " + rank + "e enfant \u2212" + Money.percent(sibling) + "\u00a0%");
        }
        if (event.late() && tariff.lateSurcharge() != null) {
            Adjustment a = tariff.lateSurcharge();
            price = step(applied, price, a.apply(price), "Majoration hors délai " + a.describe());
        }
        long unitPrice = Money.round(price);
        applied.forEach(a -> {
            labels.add(a.label());
            reasons.add(a.label() + " (" + (a.deltaCents() >= 0 ? "+" : "") + Money.format(a.deltaCents()) + ")");
        });
        String reason = dated(String.join(" ; ", reasons), event.day(), unitPrice);
        return new PricedLine(event, true, base.bracket, base.basis, Money.round(base.cents), applied, unitPrice, unitPrice,
                String.join(" · ", labels), reason, anomalies);
    }

    /** A billed day's whole reason: its steps, then "Prix du 15/10/2026 : 2,00 €.". */
    private static String dated(String steps, LocalDate day, long unitPrice) {
        // by hand, not DateTimeFormatter: a run's drafts date hundreds of thousands of days
        int d = day.getDayOfMonth();
        int m = day.getMonthValue();
        return new StringBuilder(steps.length() + 40).append(steps).append(". Prix du ").append((char) ('0' + d / 10))
                .append((char) ('0' + d % 10)).append('/').append((char) ('0' + m / 10)).append((char) ('0' + m % 10))
                .append('/').append(day.getYear()).append(" : ").append(Money.format(unitPrice)).append('.').toString();
    }

    /**
     * Prices many days of ONE family with the rules of {@link Pricing#price}, each distinct case once: two days
     * of the same tariff, child rank, booking (booked or not, late) and attendance, on which the family's QF
     * proof is in the same state (valid or expired), have the same price, basis, label and anomalies; only the
     * day changes, and with it the date in the reason. A régie's drafts price 418,500 unit-days of 10,000
     * families so (bench 4) in a few thousand computations instead of 418,500.
     */
    public static final class Memo {

        /** What a day's price depends on besides its tariff (equality written out: looked up for every run of days). */
        private record Case(int rank, boolean booked, boolean late, Attendance attendance, boolean expired) {

            @Override
            public boolean equals(Object o) {
                return o instanceof Case c && rank == c.rank && booked == c.booked && late == c.late
                        && attendance == c.attendance && expired == c.expired;
            }

            @Override
            public int hashCode() {
                return (((rank * 31 + (booked ? 1 : 0)) * 31 + (late ? 1 : 0)) * 31 + attendance.ordinal()) * 2
                        + (expired ? 1 : 0);
            }
        }

        /** A case priced: its line for some day, and its reason's steps when the reason is dated. */
        private record Priced(PricedLine line, String steps) {
        }

        /**
         * The cases priced of a whole run (one {@link BillingSettings}), by family facts: families of equal facts
         * (QF, proof, resources, residence) share their cases, priced once for all of them (bench 4: 10,000
         * families, a few thousand distinct facts).
         */
        public static final class Run {

            private final java.util.Map<FamilyFacts, java.util.Map<Tariff, java.util.Map<Case, Priced>>> byFacts =
                    new java.util.HashMap<>();
        }

        private final BillingSettings settings;
        private final FamilyFacts family;
        private final LocalDate proofValidUntil;
        /** By tariff (the same instance for every day it is in force: no deep comparison), then by case. */
        private final java.util.Map<Tariff, java.util.Map<Case, Priced>> cases;

        public Memo(BillingSettings settings, FamilyFacts family) {
            this(settings, family, new Run());
        }

        /** A family's memo sharing the cases of {@code run} (whose families are all priced with {@code settings}). */
        public Memo(BillingSettings settings, FamilyFacts family, Run run) {
            this.settings = settings;
            this.family = family;
            this.proofValidUntil = settings.qfValidityMonths() == null || family.qfProofDate() == null ? null
                    : settings.proofValidUntil(family.qfProofDate()).orElseThrow();
            this.cases = run.byFacts.computeIfAbsent(family, f -> new java.util.IdentityHashMap<>());
        }

        /**
         * Whether the family's QF proof no longer counts on {@code day} (proofs of limited validity only): two days
         * of the same tariff and case on either side of that date are priced apart.
         */
        public boolean proofExpiredOn(LocalDate day) {
            return proofValidUntil != null && day.isAfter(proofValidUntil);
        }

        /** What {@link Pricing#price} gives for {@code event}. */
        public PricedLine price(Tariff tariff, int rank, DayEvent event) {
            boolean expired = proofExpiredOn(event.day());
            Case key = new Case(rank, event.booked(), event.late(), event.attendance(), expired);
            java.util.Map<Case, Priced> ofTariff = cases.computeIfAbsent(tariff, t -> new java.util.HashMap<>());
            Priced known = ofTariff.get(key);
            if (known == null) {
                PricedLine line = Pricing.price(settings, tariff, family, rank, event);
                String dated = dated("", event.day(), line.unitPriceCents());
                String steps = line.reason().endsWith(dated)
                        ? line.reason().substring(0, line.reason().length() - dated.length()) : null;
                ofTariff.put(key, new Priced(line, steps));
                return line;
            }
            PricedLine l = known.line();
            return new PricedLine(event, l.billed(), l.bracket(), l.basis(), l.baseCents(), l.applied(), l.unitPriceCents(),
                    l.amountCents(), l.label(), known.steps() == null ? l.reason() : dated(known.steps(), event.day(),
                    l.unitPriceCents()), l.anomalies());
        }
    }

    /** The running price {@code to}, recording the step with the difference of the rounded prices. */
    private static BigDecimal step(List<Applied> applied, BigDecimal from, BigDecimal to, String label) {
        applied.add(new Applied(label, Money.round(to) - Money.round(from)));
        return to;
    }

    private record Base(BigDecimal cents, String bracket, String basis, String label) {
    }

    private static Base base(BillingSettings settings, Tariff tariff, FamilyFacts family, LocalDate day, Set<Anomaly> anomalies) {
        BigDecimal max = BigDecimal.valueOf(tariff.maximum());
        Optional<String> expired = expired(settings, family, day);
        if (tariff.mode() == Tariff.Mode.EFFORT_RATE) {
            if (family.monthlyResourcesCents() == null) {
                anomalies.add(Anomaly.QF_MISSING);
                return new Base(max, null, "Tarif maximum : ressources mensuelles non déclarées", "Tarif maximum");
            }
            if (expired.isPresent()) {
                anomalies.add(Anomaly.QF_MISSING);
                return new Base(max, null, "Tarif maximum : " + expired.get(), "Tarif maximum");
            }
            BigDecimal rate = tariff.effortRatePercent();
            BigDecimal exact = Money.percentOf(BigDecimal.valueOf(family.monthlyResourcesCents()), rate);
            String basis = "Taux d'effort " + Money.percent(rate) + "\u00a0% de " + Money.format(family.monthlyResourcesCents());
            if (exact.compareTo(BigDecimal.valueOf(tariff.floorCents())) < 0) {
                return new Base(BigDecimal.valueOf(tariff.floorCents()), null, basis + ", relevé au prix plancher", "Prix plancher");
            }
            if (exact.compareTo(max) > 0) {
                return new Base(max, null, basis + ", limité au prix plafond", "Prix plafond");
            }
            return new Base(exact, null, basis, "Taux d'effort " + Money.percent(rate) + "\u00a0%");
        }
        if (family.qf() == null) {
            anomalies.add(Anomaly.QF_MISSING);
            return new Base(max, null, "Tarif maximum : quotient familial absent", "Tarif maximum");
        }
        if (expired.isPresent()) {
            anomalies.add(Anomaly.QF_MISSING);
            return new Base(max, null, "Tarif maximum : " + expired.get(), "Tarif maximum");
        }
        Optional<QfBracket> bracket = settings.bracketOf(family.qf());
        Optional<Long> price = bracket.flatMap(b -> tariff.priceOf(b.code()));
        if (price.isEmpty()) {
            return new Base(max, null, "Tarif maximum : aucune tranche tarifaire pour le QF " + family.qf(), "Tarif maximum");
        }
        QfBracket b = bracket.get();
        return new Base(BigDecimal.valueOf(price.get()), b.code(), "Tranche " + b.code() + " (" + b.range() + ")",
                "Tranche " + b.code());
    }

    /** Why the family's proof no longer counts on {@code day}; empty when it does (or proofs never expire). */
    private static Optional<String> expired(BillingSettings settings, FamilyFacts family, LocalDate day) {
        if (settings.qfValidityMonths() == null) {
            return Optional.empty();
        }
        if (family.qfProofDate() == null) {
            return Optional.of("justificatif de QF non daté");
        }
        LocalDate until = settings.proofValidUntil(family.qfProofDate()).orElseThrow();
        return day.isAfter(until)
                ? Optional.of("justificatif de QF de plus de " + settings.qfValidityMonths() + " mois (du "
                        + DAY.format(family.qfProofDate()) + ")")
                : Optional.empty();
    }

    private static PricedLine notBilled(DayEvent event, String basis, Set<Anomaly> anomalies) {
        return new PricedLine(event, false, null, basis, 0, List.of(), 0, 0, basis, basis + ".", anomalies);
    }
}
