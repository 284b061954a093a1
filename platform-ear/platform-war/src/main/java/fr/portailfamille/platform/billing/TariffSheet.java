package fr.portailfamille.platform.billing;

import fr.portailfamille.billing.Adjustment;
import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.DayEvent;
import fr.portailfamille.billing.FamilyFacts;
import fr.portailfamille.billing.Money;
import fr.portailfamille.billing.PricedLine;
import fr.portailfamille.billing.Pricing;
import fr.portailfamille.billing.QfBracket;
import fr.portailfamille.billing.Tariff;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One tariff as a family reads it on "Consulter les tarifs": the grid of the commune's QF brackets (or the
 * effort rate with its floor and ceiling), the family's own bracket marked, the price the family pays for
 * one unit-day today computed by {@link Pricing} (QF and its proof, residency; eldest child), whether the
 * maximum tariff applies and why, and the other rules in words (siblings, late bookings, absences,
 * presence without booking). Pure.
 *
 * @param activityName the activity's name
 * @param units the units it applies to, e.g. "Midi" or "Matin, Soir"
 * @param validFrom the day the tariff applies from
 * @param effortRate whether the price is an effort rate (no bracket grid)
 * @param rows the brackets with their prices, then the maximum tariff (by brackets)
 * @param effortText the effort rate in words (effort rate only)
 * @param priceCents what the family pays for one unit-day
 * @param basis how that price was found, in words
 * @param maximum whether the maximum tariff applies to the family
 * @param maximumReason why it applies (QF missing, proof expired…), {@code null} otherwise
 * @param notes the other rules of the tariff, in words
 */
public record TariffSheet(String activityName, String units, LocalDate validFrom, boolean effortRate, List<Row> rows,
        String effortText, long priceCents, String basis, boolean maximum, String maximumReason, List<String> notes) {

    /**
     * A row of the grid.
     *
     * @param label "Tranche 2", or "Tarif maximum"
     * @param range "QF de 451 à 700", or why the maximum applies
     * @param priceCents the price, {@code null} when the tariff has none for this bracket
     * @param family whether it is the family's row
     */
    public record Row(String code, String label, String range, Long priceCents, boolean family) {

        public String getCode() { return code; }
        public String getLabel() { return label; }
        public String getRange() { return range; }
        public Long getPriceCents() { return priceCents; }
        public boolean isFamily() { return family; }
    }

    public TariffSheet {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    static final String MAXIMUM = "Tarif maximum";

    /** The sheet of {@code tariff} for a family with {@code facts} on {@code day}. */
    public static TariffSheet of(BillingSettings settings, Tariff tariff, FamilyFacts facts, LocalDate day, String activityName,
            String units) {
        PricedLine p = Pricing.price(settings, tariff, facts, 1,
                DayEvent.present(0, tariff.activity(), tariff.unit() == null ? "" : tariff.unit(), day));
        boolean maximum = p.basis().startsWith(MAXIMUM);
        String reason = maximum ? p.basis().substring(Math.min(p.basis().length(), MAXIMUM.length() + 3)) : null;
        List<Row> rows = new ArrayList<>();
        String effortText = null;
        if (tariff.mode() == Tariff.Mode.EFFORT_RATE) {
            effortText = "Taux d'effort de " + Money.percent(tariff.effortRatePercent()) + "\u00a0% des ressources mensuelles,"
                    + " entre " + Money.format(tariff.floorCents()) + " (plancher) et " + Money.format(tariff.ceilingCents())
                    + " (plafond) par unité.";
        } else {
            for (QfBracket b : settings.brackets()) {
                rows.add(new Row(b.code(), b.label(), b.range(), tariff.priceOf(b.code()).orElse(null),
                        !maximum && b.code().equals(p.bracket())));
            }
            rows.add(new Row(null, MAXIMUM, "QF inconnu ou justificatif expiré", tariff.maximumCents(), maximum));
        }
        return new TariffSheet(activityName, units, tariff.validFrom(), tariff.mode() == Tariff.Mode.EFFORT_RATE, rows,
                effortText, p.unitPriceCents(), basis(p), maximum, reason, notes(tariff, facts));
    }

    /** The basis and what changed it for this family (non-resident), e.g. "Tranche T2 (QF de 451 à 700) ; Tarif hors commune 5,00 €". */
    private static String basis(PricedLine p) {
        StringBuilder b = new StringBuilder(p.basis());
        p.applied().forEach(a -> b.append(" ; ").append(a.label()));
        return b.toString();
    }

    static List<String> notes(Tariff t, FamilyFacts facts) {
        List<String> notes = new ArrayList<>();
        if (t.nonResident() != null) {
            notes.add((facts.resident() ? "Familles hors commune" : "Votre famille habite hors de la commune")
                    + " : " + describe(t.nonResident(), true) + ".");
        }
        if (t.siblingSecondPercent() != null || t.siblingThirdPercent() != null) {
            List<String> s = new ArrayList<>();
            if (t.siblingSecondPercent() != null && t.siblingSecondPercent().signum() > 0) {
                s.add("2e enfant \u2212" + Money.percent(t.siblingSecondPercent()) + "\u00a0%");
            }
            if (t.siblingThirdPercent() != null && t.siblingThirdPercent().signum() > 0) {
                s.add("3e enfant et suivants \u2212" + Money.percent(t.siblingThirdPercent()) + "\u00a0%");
            }
            if (!s.isEmpty()) {
                notes.add("Réduction fratrie (enfants facturés le même mois, de l'aîné au plus jeune) : " + String.join(", ", s) + ".");
            }
        }
        if (t.lateSurcharge() != null) {
            notes.add("Réservation hors délai : " + describe(t.lateSurcharge(), false) + ".");
        }
        notes.add(t.unexcusedAbsenceBilled() ? "Absence non justifiée : facturée ; absence justifiée : non facturée."
                : "Absence : non facturée.");
        if (t.unbookedPresenceCents() != null) {
            notes.add("Présence sans réservation : " + Money.format(t.unbookedPresenceCents()) + " l'unité.");
        }
        return notes;
    }

    /** An adjustment in words: "majoration de 20 %", "majoration de 1,50 €", "prix de 5,00 €". */
    static String describe(Adjustment a, boolean nonResident) {
        return switch (a.kind()) {
            case PERCENT -> "majoration de " + Money.percent(a.percent()) + "\u00a0%";
            case FIXED -> "majoration de " + Money.format(a.cents());
            case PRICE -> (nonResident ? "tarif hors commune de " : "prix de ") + Money.format(a.cents());
        };
    }

    public String getActivityName() { return activityName; }
    public String getUnits() { return units; }
    public LocalDate getValidFrom() { return validFrom; }
    public boolean isEffortRate() { return effortRate; }
    public List<Row> getRows() { return rows; }
    public String getEffortText() { return effortText; }
    public long getPriceCents() { return priceCents; }
    public String getBasis() { return basis; }
    public boolean isMaximum() { return maximum; }
    public String getMaximumReason() { return maximumReason; }
    public List<String> getNotes() { return notes; }
}
