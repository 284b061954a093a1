package fr.portailfamille.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The price of a day of an activity (or of one of its units), in force from {@code validFrom} until the
 * next tariff of the same activity and unit ({@link Tariffs#inForce}). Amounts are cents. Values are
 * checked by the configuration rules, not here; lists are unmodifiable copies.
 *
 * @param activity code of the activity
 * @param unit code of the unit; {@code null}: every unit of the activity without a tariff of its own
 * @param validFrom first day it applies
 * @param mode by QF bracket or by effort rate
 * @param prices {@link Mode#BRACKETS}: a price per commune bracket
 * @param maximumCents {@link Mode#BRACKETS}: the maximum tariff (QF unknown, proof expired); for
 *     {@link Mode#EFFORT_RATE} the maximum is the ceiling
 * @param effortRatePercent {@link Mode#EFFORT_RATE}: percent of the family's monthly resources, e.g.
 *     {@code 0.06} (CAF PSU for one child, per hour)
 * @param floorCents {@link Mode#EFFORT_RATE}: lowest price (plancher)
 * @param ceilingCents {@link Mode#EFFORT_RATE}: highest price (plafond)
 * @param nonResident adjustment for families living outside the commune; {@code null}: same price
 * @param siblingSecondPercent reduction for the 2nd child of a family billed in the same period;
 *     {@code null}: none
 * @param siblingThirdPercent reduction for the 3rd child and following; {@code null}: none
 * @param lateSurcharge majoration of a booking made after the booking deadline ({@link Adjustment.Kind#PERCENT}
 *     or {@link Adjustment.Kind#FIXED}); {@code null}: none
 * @param unexcusedAbsenceBilled whether a booked day the child missed without excuse is billed (at the
 *     normal price); an excused absence never is
 * @param unbookedPresenceCents price of a day the child came without booking (pénalité); {@code null}:
 *     billed at the normal price
 */
public record Tariff(String activity, String unit, LocalDate validFrom, Mode mode, List<BracketPrice> prices,
        Long maximumCents, BigDecimal effortRatePercent, Long floorCents, Long ceilingCents, Adjustment nonResident,
        BigDecimal siblingSecondPercent, BigDecimal siblingThirdPercent, Adjustment lateSurcharge,
        boolean unexcusedAbsenceBilled, Long unbookedPresenceCents) {

    /** How the base price is found. */
    public enum Mode {
        /** A price per QF bracket of the commune. */
        BRACKETS,
        /** Monthly resources × rate, between a floor and a ceiling (taux d'effort). */
        EFFORT_RATE
    }

    /** The price of a bracket. */
    public record BracketPrice(String bracket, Long cents) {
    }

    public Tariff {
        prices = prices == null ? List.of() : List.copyOf(prices);
        effortRatePercent = Money.normalized(effortRatePercent);
        siblingSecondPercent = Money.normalized(siblingSecondPercent);
        siblingThirdPercent = Money.normalized(siblingThirdPercent);
    }

    /** The price of bracket {@code code}. */
    public Optional<Long> priceOf(String code) {
        return prices.stream().filter(p -> p.bracket().equals(code)).map(BracketPrice::cents).findFirst();
    }

    /**
     * This tariff priced for exactly the brackets {@code codes}, in their order — the commune's grid reshaped: a bracket
     * it priced keeps its price, a bracket gone loses it, a new one starts at the maximum tariff until the agent sets its
     * price (the price of an unknown quotient, never below what the grid asks). An effort-rate tariff is as it is.
     */
    public Tariff forBrackets(List<String> codes) {
        if (mode != Mode.BRACKETS) {
            return this;
        }
        List<BracketPrice> reshaped = codes.stream().map(c -> new BracketPrice(c, priceOf(c).orElse(maximum()))).toList();
        return new Tariff(activity, unit, validFrom, mode, reshaped, maximumCents, effortRatePercent, floorCents, ceilingCents,
                nonResident, siblingSecondPercent, siblingThirdPercent, lateSurcharge, unexcusedAbsenceBilled,
                unbookedPresenceCents);
    }

    /** The maximum tariff: {@code maximumCents} by brackets, the ceiling by effort rate. */
    public long maximum() {
        Long max = mode == Mode.EFFORT_RATE ? ceilingCents : maximumCents;
        return max == null ? 0 : max;
    }

    /** The sibling reduction in percent for a child of rank {@code rank} (1 = eldest); zero when none. */
    public BigDecimal siblingPercent(int rank) {
        BigDecimal p = rank == 2 ? siblingSecondPercent : rank >= 3 ? siblingThirdPercent : null;
        return p == null ? BigDecimal.ZERO : p;
    }
}
