package fr.portailfamille.billing;

import java.util.List;
import java.util.Set;

/**
 * The price of one {@link DayEvent}: the base price and what changed it, each change with its French
 * label and its effect in cents, so that {@code baseCents + Σ applied.deltaCents == unitPriceCents}.
 *
 * @param event the unit-day priced
 * @param billed whether it is billed (an excused absence is not)
 * @param bracket code of the family's QF bracket when the price came from it, {@code null} otherwise
 * @param basis how the base price was found, in French, e.g. "Tranche T2 (QF de 451 à 700)",
 *     "Tarif maximum : quotient familial absent"
 * @param baseCents the base price rounded to the cent
 * @param applied reductions and surcharges in the order applied
 * @param unitPriceCents the day's price, rounded half up once
 * @param amountCents what is billed: the unit price, or 0 when not billed
 * @param label short French text an invoice line shows, e.g. "Tranche T2 · Réduction fratrie 2e enfant −10 %"
 * @param reason the whole computation in words
 * @param anomalies what the agent should check
 */
public record PricedLine(DayEvent event, boolean billed, String bracket, String basis, long baseCents,
        List<Applied> applied, long unitPriceCents, long amountCents, String label, String reason,
        Set<Anomaly> anomalies) {

    /** A reduction or surcharge applied to the price. */
    public record Applied(String label, long deltaCents) {
    }

    public PricedLine {
        applied = List.copyOf(applied);
        anomalies = Set.copyOf(anomalies);
    }
}
