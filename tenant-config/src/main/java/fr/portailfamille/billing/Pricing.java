package fr.portailfamille.billing;

import fr.portailfamille.billing.PricedLine.Applied;
import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
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
 *
 * <p>How the base price is found (the basis) and the non-resident step are texts of the bundle
 * {@value Problems#BUNDLE}: the lines store their French; {@link #inWords} gives them to read in a page's language.
 */
public final class Pricing {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Words MAXIMUM = new Words(Problems.of("billing.basis.maximum", (Object[]) Words.MARKS));
    private static final Words NON_RESIDENT_PRICE = new Words(Problems.of("billing.basis.nonResident.price", (Object[]) Words.MARKS));
    private static final Words NON_RESIDENT_PERCENT =
            new Words(Problems.of("billing.basis.nonResident.percent", (Object[]) Words.MARKS));
    private static final Words NON_RESIDENT_FIXED = new Words(Problems.of("billing.basis.nonResident.fixed", (Object[]) Words.MARKS));
    private static final Words THEN = new Words(Problems.of("billing.basis.then", (Object[]) Words.MARKS));

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
            price = step(applied, price, a.apply(price), nonResident(a));
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
        return new PricedLine(event, true, base.bracket == null ? null : base.bracket.code(), base.basis, Money.round(base.cents),
                applied, unitPrice, unitPrice,
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

    /**
     * How {@link #price} finds the price of a booked, attended, on-time unit-day of {@code family}'s eldest child on
     * {@code day}, in words to read in a page's language.
     *
     * @param basis the day's basis, then its non-resident step when there is one: in French "Tranche T1 (QF de 0 à 450)
     *     ; Tarif hors commune 5,00 €", the line's basis and its step's label
     * @param maximumReason why the maximum tariff applies ("quotient familial absent"), {@code null} when it does not
     */
    public record InWords(Message basis, Message maximumReason) {
    }

    /** {@link InWords} of that day: each time a page asks (never while a run prices its days). */
    public static InWords inWords(BillingSettings settings, Tariff tariff, FamilyFacts family, LocalDate day) {
        Base base = base(settings, tariff, family, day, EnumSet.noneOf(Anomaly.class));
        Message reason = switch (base.why) {
            case PROOF_EXPIRED -> base.why.words.of(String.valueOf(settings.qfValidityMonths()),
                    Problems.dateTime("format.date", family.qfProofDate()));
            case NO_BRACKET -> base.why.words.of(String.valueOf(family.qf()));
            default -> base.why.maximum() ? base.why.words.of() : null;
        };
        Message basis = switch (base.why) {
            case BRACKET -> base.why.words.of(base.bracket.code(), base.bracket.rangeWords());
            case EFFORT -> effort(tariff, family);
            case FLOOR, CEILING -> base.why.words.of(effort(tariff, family));
            default -> MAXIMUM.of(reason);
        };
        Adjustment a = tariff.nonResident();
        if (!family.resident() && a != null) {
            basis = THEN.of(basis, switch (a.kind()) {
                case PRICE -> NON_RESIDENT_PRICE.of(Money.amount(a.cents()));
                case PERCENT -> NON_RESIDENT_PERCENT.of(Money.percentage(a.percent()));
                case FIXED -> NON_RESIDENT_FIXED.of(Money.amount(a.cents()));
            });
        }
        return new InWords(basis, reason);
    }

    private static Message effort(Tariff tariff, FamilyFacts family) {
        return Why.EFFORT.words.of(Money.percentage(tariff.effortRatePercent()), Money.amount(family.monthlyResourcesCents()));
    }

    /** The non-resident step's French label: "Tarif hors commune 5,00 €", "Majoration hors commune +20 %". */
    private static String nonResident(Adjustment a) {
        return switch (a.kind()) {
            case PRICE -> NON_RESIDENT_PRICE.french(Money.format(a.cents()));
            case PERCENT -> NON_RESIDENT_PERCENT.french(Money.percent(a.percent()));
            case FIXED -> NON_RESIDENT_FIXED.french(Money.format(a.cents()));
        };
    }

    /** Why a day costs its base price, with the words saying so (the reason of the maximum tariff for the last five). */
    private enum Why {
        BRACKET(Problems.of("billing.basis.bracket", (Object[]) Words.MARKS)),
        EFFORT(Problems.of("billing.basis.effort", (Object[]) Words.MARKS)),
        FLOOR(Problems.of("billing.basis.effort.floor", (Object[]) Words.MARKS)),
        CEILING(Problems.of("billing.basis.effort.ceiling", (Object[]) Words.MARKS)),
        RESOURCES_MISSING(Problems.of("billing.basis.maximum.resources")),
        QF_MISSING(Problems.of("billing.basis.maximum.qf")),
        PROOF_UNDATED(Problems.of("billing.basis.maximum.undated")),
        PROOF_EXPIRED(Problems.of("billing.basis.maximum.expired", (Object[]) Words.MARKS)),
        NO_BRACKET(Problems.of("billing.basis.maximum.noBracket", (Object[]) Words.MARKS));

        final Words words;

        Why(Message marked) {
            words = new Words(marked);
        }

        boolean maximum() {
            return ordinal() >= RESOURCES_MISSING.ordinal();
        }
    }

    /** A day's base price, its bracket (by brackets), its basis in French, its label, and why. */
    private record Base(BigDecimal cents, QfBracket bracket, String basis, String label, Why why) {
    }

    private static Base base(BillingSettings settings, Tariff tariff, FamilyFacts family, LocalDate day, Set<Anomaly> anomalies) {
        BigDecimal max = BigDecimal.valueOf(tariff.maximum());
        Why expired = expired(settings, family, day);
        if (tariff.mode() == Tariff.Mode.EFFORT_RATE) {
            if (family.monthlyResourcesCents() == null) {
                anomalies.add(Anomaly.QF_MISSING);
                return maximum(max, Why.RESOURCES_MISSING, settings, family);
            }
            if (expired != null) {
                anomalies.add(Anomaly.QF_MISSING);
                return maximum(max, expired, settings, family);
            }
            BigDecimal rate = tariff.effortRatePercent();
            BigDecimal exact = Money.percentOf(BigDecimal.valueOf(family.monthlyResourcesCents()), rate);
            String basis = Why.EFFORT.words.french(Money.percent(rate), Money.format(family.monthlyResourcesCents()));
            if (exact.compareTo(BigDecimal.valueOf(tariff.floorCents())) < 0) {
                return new Base(BigDecimal.valueOf(tariff.floorCents()), null, Why.FLOOR.words.french(basis), "Prix plancher",
                        Why.FLOOR);
            }
            if (exact.compareTo(max) > 0) {
                return new Base(max, null, Why.CEILING.words.french(basis), "Prix plafond", Why.CEILING);
            }
            return new Base(exact, null, basis, "Taux d'effort " + Money.percent(rate) + "\u00a0%", Why.EFFORT);
        }
        if (family.qf() == null) {
            anomalies.add(Anomaly.QF_MISSING);
            return maximum(max, Why.QF_MISSING, settings, family);
        }
        if (expired != null) {
            anomalies.add(Anomaly.QF_MISSING);
            return maximum(max, expired, settings, family);
        }
        Optional<QfBracket> bracket = settings.bracketOf(family.qf());
        Optional<Long> price = bracket.flatMap(b -> tariff.priceOf(b.code()));
        if (price.isEmpty()) {
            return maximum(max, Why.NO_BRACKET, settings, family);
        }
        QfBracket b = bracket.get();
        return new Base(BigDecimal.valueOf(price.get()), b, Why.BRACKET.words.french(b.code(), b.range()), "Tranche " + b.code(),
                Why.BRACKET);
    }

    /** The maximum tariff for the reason {@code why}: "Tarif maximum : quotient familial absent". */
    private static Base maximum(BigDecimal max, Why why, BillingSettings settings, FamilyFacts family) {
        String reason = switch (why) {
            case PROOF_EXPIRED -> why.words.french(String.valueOf(settings.qfValidityMonths()), DAY.format(family.qfProofDate()));
            case NO_BRACKET -> why.words.french(String.valueOf(family.qf()));
            default -> why.words.french();
        };
        return new Base(max, null, MAXIMUM.french(reason), "Tarif maximum", why);
    }

    /** Why the family's proof no longer counts on {@code day}; {@code null} when it does (or proofs never expire). */
    private static Why expired(BillingSettings settings, FamilyFacts family, LocalDate day) {
        if (settings.qfValidityMonths() == null) {
            return null;
        }
        if (family.qfProofDate() == null) {
            return Why.PROOF_UNDATED;
        }
        return day.isAfter(settings.proofValidUntil(family.qfProofDate()).orElseThrow()) ? Why.PROOF_EXPIRED : null;
    }

    private static PricedLine notBilled(DayEvent event, String basis, Set<Anomaly> anomalies) {
        return new PricedLine(event, false, null, basis, 0, List.of(), 0, 0, basis, basis + ".", anomalies);
    }
}
