package fr.portailfamille.billing;

import java.math.BigDecimal;

/**
 * A change of a day's price: a surcharge in percent or in cents, or (non-residents only) another price.
 *
 * @param kind what the adjustment does
 * @param percent the percentage for {@link Kind#PERCENT} (e.g. {@code 20} for +20 %), {@code null} otherwise
 * @param cents the amount for {@link Kind#FIXED} (added) or {@link Kind#PRICE} (the price), {@code null} otherwise
 */
public record Adjustment(Kind kind, BigDecimal percent, Long cents) {

    /** How an adjustment changes a price. */
    public enum Kind {
        /** Adds {@code percent} % of the price. */
        PERCENT,
        /** Adds {@code cents}. */
        FIXED,
        /** Replaces the price with {@code cents} (a non-resident price). */
        PRICE
    }

    public Adjustment {
        percent = Money.normalized(percent);
    }

    public static Adjustment percent(BigDecimal percent) {
        return new Adjustment(Kind.PERCENT, percent, null);
    }

    public static Adjustment percent(String percent) {
        return percent(new BigDecimal(percent));
    }

    public static Adjustment fixed(long cents) {
        return new Adjustment(Kind.FIXED, null, cents);
    }

    public static Adjustment price(long cents) {
        return new Adjustment(Kind.PRICE, null, cents);
    }

    /** The price once adjusted, exact, in cents. */
    BigDecimal apply(BigDecimal cents) {
        return switch (kind) {
            case PERCENT -> cents.add(Money.percentOf(cents, percent));
            case FIXED -> cents.add(BigDecimal.valueOf(this.cents));
            case PRICE -> BigDecimal.valueOf(this.cents);
        };
    }

    /** French form after a label: "+20 %", "+1,50 €", "5,00 €". */
    String describe() {
        return switch (kind) {
            case PERCENT -> "+" + Money.percent(percent) + "\u00a0%";
            case FIXED -> "+" + Money.format(cents);
            case PRICE -> Money.format(cents);
        };
    }
}
