package fr.portailfamille.platform.configuration.web.form;

import fr.portailfamille.billing.Adjustment;
import fr.portailfamille.billing.QfBracket;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.billing.Tariff.BracketPrice;
import fr.portailfamille.billing.Tariff.Mode;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.problems.FieldError;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A tariff being edited, amounts as typed ("3,50" €, "10" %): they become cents and exact percentages
 * only at the save ({@link #toTariff}), so that what was typed stays on a refusal. Its price fields
 * follow the commune's brackets.
 */
public class TariffRow implements Serializable {

    /** The separator of an activity and its unit in {@link #getTarget()}: "CANTINE/MIDI". */
    public static final String UNIT_SEPARATOR = "/";

    private String target;
    private LocalDate validFrom;
    private String mode = Mode.BRACKETS.name();
    private final List<PriceRow> prices = new ArrayList<>();
    private String maximum;
    private String effortRate;
    private String floor;
    private String ceiling;
    private String nonResidentKind;
    private String nonResidentValue;
    private String siblingSecond;
    private String siblingThird;
    private String lateKind;
    private String lateValue;
    private boolean unexcusedAbsenceBilled;
    private String unbookedPresence;

    /** A new tariff by brackets, one empty price per bracket of the commune. */
    public TariffRow(List<QfBracket> brackets) {
        brackets.forEach(b -> prices.add(new PriceRow(b.code(), b.label(), range(b), "")));
    }

    /** A bracket's bounds as the price field says them ("QF de 451 à 700", "QF à partir de 1501"), in the view's language. */
    static String range(QfBracket b) {
        String min = String.valueOf(b.min());
        return b.max() == null ? Texts.of("agent.config.billing.tariff.range.open", min)
                : Texts.of("agent.config.billing.tariff.range", min, String.valueOf(b.max()));
    }

    /** A saved tariff, its prices in the order of the commune's brackets. */
    public static TariffRow of(Tariff t, List<QfBracket> brackets) {
        TariffRow r = new TariffRow(List.of());
        r.target = t.unit() == null ? t.activity() : t.activity() + UNIT_SEPARATOR + t.unit();
        r.validFrom = t.validFrom();
        r.mode = t.mode() == null ? null : t.mode().name();
        brackets.forEach(b -> r.prices.add(new PriceRow(b.code(), b.label(), range(b), FormValues.euros(t.priceOf(b.code()).orElse(null)))));
        r.maximum = FormValues.euros(t.maximumCents());
        r.effortRate = FormValues.percent(t.effortRatePercent());
        r.floor = FormValues.euros(t.floorCents());
        r.ceiling = FormValues.euros(t.ceilingCents());
        r.nonResidentKind = kind(t.nonResident());
        r.nonResidentValue = value(t.nonResident());
        r.siblingSecond = FormValues.percent(t.siblingSecondPercent());
        r.siblingThird = FormValues.percent(t.siblingThirdPercent());
        r.lateKind = kind(t.lateSurcharge());
        r.lateValue = value(t.lateSurcharge());
        r.unexcusedAbsenceBilled = t.unexcusedAbsenceBilled();
        r.unbookedPresence = FormValues.euros(t.unbookedPresenceCents());
        return r;
    }

    /** A new grid of the same activity from another date: everything as typed here but the date, left to choose. */
    public TariffRow copy() {
        TariffRow r = new TariffRow(List.of());
        r.target = target;
        r.mode = mode;
        prices.forEach(p -> r.prices.add(new PriceRow(p.bracket, p.label, p.range, p.amount)));
        r.maximum = maximum;
        r.effortRate = effortRate;
        r.floor = floor;
        r.ceiling = ceiling;
        r.nonResidentKind = nonResidentKind;
        r.nonResidentValue = nonResidentValue;
        r.siblingSecond = siblingSecond;
        r.siblingThird = siblingThird;
        r.lateKind = lateKind;
        r.lateValue = lateValue;
        r.unexcusedAbsenceBilled = unexcusedAbsenceBilled;
        r.unbookedPresence = unbookedPresence;
        return r;
    }

    private static String kind(Adjustment a) {
        return a == null || a.kind() == null ? null : a.kind().name();
    }

    private static String value(Adjustment a) {
        if (a == null || a.kind() == null) {
            return "";
        }
        return a.kind() == Adjustment.Kind.PERCENT ? FormValues.percent(a.percent()) : FormValues.euros(a.cents());
    }

    /**
     * The tariff as typed; amounts or percentages that cannot be read add an error (at {@code at}, this
     * row's path, e.g. "tariffs[1]", then the field's name) and are left out. Only the fields of the
     * chosen mode are kept: the prices and the maximum by brackets, the rate, floor and ceiling by effort rate.
     */
    public Tariff toTariff(String at, List<FieldError> errors) {
        String activity = null;
        String unit = null;
        if (target != null && !target.isBlank()) {
            int slash = target.indexOf(UNIT_SEPARATOR);
            activity = slash < 0 ? target : target.substring(0, slash);
            unit = slash < 0 ? null : target.substring(slash + 1);
        }
        Mode m = mode == null || mode.isBlank() ? null : Mode.valueOf(mode);
        List<BracketPrice> bracketPrices = new ArrayList<>();
        Long max = null;
        BigDecimal rate = null;
        Long floorCents = null;
        Long ceilingCents = null;
        if (m == Mode.BRACKETS) {
            for (int k = 0; k < prices.size(); k++) {
                PriceRow p = prices.get(k);
                bracketPrices.add(new BracketPrice(p.bracket, FormValues.euros(p.amount, at + ".prices[" + k + "].amount", errors)));
            }
            max = FormValues.euros(maximum, at + ".maximum", errors);
        } else if (m == Mode.EFFORT_RATE) {
            rate = FormValues.percent(effortRate, at + ".effortRate", errors);
            floorCents = FormValues.euros(floor, at + ".floor", errors);
            ceilingCents = FormValues.euros(ceiling, at + ".ceiling", errors);
        }
        return new Tariff(activity, unit, validFrom, m, bracketPrices, max, rate, floorCents, ceilingCents,
                adjustment(nonResidentKind, nonResidentValue, at + ".nonResident", errors),
                FormValues.percent(siblingSecond, at + ".siblingSecond", errors),
                FormValues.percent(siblingThird, at + ".siblingThird", errors),
                adjustment(lateKind, lateValue, at + ".late", errors), unexcusedAbsenceBilled,
                FormValues.euros(unbookedPresence, at + ".unbookedPresence", errors));
    }

    /** No kind and no value: none; a value without kind: an error; otherwise percent or euros by kind. */
    private static Adjustment adjustment(String kind, String value, String at, List<FieldError> errors) {
        boolean noKind = kind == null || kind.isBlank();
        if (noKind && (value == null || value.isBlank())) {
            return null;
        }
        if (noKind) {
            errors.add(new FieldError(at + "Kind", Texts.of("agent.config.error.adjustmentKind")));
            return null;
        }
        Adjustment.Kind k = Adjustment.Kind.valueOf(kind);
        return k == Adjustment.Kind.PERCENT
                ? new Adjustment(k, FormValues.percent(value, at + "Value", errors), null)
                : new Adjustment(k, null, FormValues.euros(value, at + "Value", errors));
    }

    /** The price of one bracket, as typed in euros. */
    public static class PriceRow implements Serializable {
        private final String bracket;
        private final String label;
        private final String range;
        private String amount;

        PriceRow(String bracket, String label, String range, String amount) {
            this.bracket = bracket;
            this.label = label;
            this.range = range;
            this.amount = amount;
        }

        public String getBracket() { return bracket; }
        public String getLabel() { return label; }
        /** "QF de 451 à 700". */
        public String getRange() { return range; }
        public String getAmount() { return amount; }
        public void setAmount(String v) { amount = v; }
    }

    public String getTarget() { return target; }
    public void setTarget(String v) { target = v; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate v) { validFrom = v; }
    public String getMode() { return mode; }
    public void setMode(String v) { mode = v; }
    public List<PriceRow> getPrices() { return prices; }
    public String getMaximum() { return maximum; }
    public void setMaximum(String v) { maximum = v; }
    public String getEffortRate() { return effortRate; }
    public void setEffortRate(String v) { effortRate = v; }
    public String getFloor() { return floor; }
    public void setFloor(String v) { floor = v; }
    public String getCeiling() { return ceiling; }
    public void setCeiling(String v) { ceiling = v; }
    public String getNonResidentKind() { return nonResidentKind; }
    public void setNonResidentKind(String v) { nonResidentKind = v; }
    public String getNonResidentValue() { return nonResidentValue; }
    public void setNonResidentValue(String v) { nonResidentValue = v; }
    public String getSiblingSecond() { return siblingSecond; }
    public void setSiblingSecond(String v) { siblingSecond = v; }
    public String getSiblingThird() { return siblingThird; }
    public void setSiblingThird(String v) { siblingThird = v; }
    public String getLateKind() { return lateKind; }
    public void setLateKind(String v) { lateKind = v; }
    public String getLateValue() { return lateValue; }
    public void setLateValue(String v) { lateValue = v; }
    public boolean isUnexcusedAbsenceBilled() { return unexcusedAbsenceBilled; }
    public void setUnexcusedAbsenceBilled(boolean v) { unexcusedAbsenceBilled = v; }
    public String getUnbookedPresence() { return unbookedPresence; }
    public void setUnbookedPresence(String v) { unbookedPresence = v; }
}
