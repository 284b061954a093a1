package fr.portailfamille.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Money as integer cents ({@code long}), exact: intermediate results are {@link BigDecimal} cents,
 * rounded to the cent half up ({@code 350.5} cents → {@code 351}) only where a family reads an amount.
 */
public final class Money {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    /** {@code cents} rounded to a whole cent, half up. */
    public static long round(BigDecimal cents) {
        return cents.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Euros (e.g. {@code 3.505}) to cents rounded half up ({@code 351}). */
    public static long cents(BigDecimal euros) {
        return round(euros.multiply(HUNDRED));
    }

    /** Cents to euros, exact ({@code 351} → {@code 3.51}). */
    public static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** {@code percent} % of {@code cents}, exact (not rounded). */
    public static BigDecimal percentOf(BigDecimal cents, BigDecimal percent) {
        return cents.multiply(percent).divide(HUNDRED);
    }

    /** French display: {@code 120060} → {@code "1 200,60 €"}, {@code -35} → {@code "-0,35 €"}. */
    public static String format(long cents) {
        // by hand, not DecimalFormat: an invoicing run formats each priced day several times
        String digits = Long.toString(Math.abs(cents / 100));
        long rest = Math.abs(cents % 100);
        StringBuilder b = new StringBuilder(digits.length() + 8);
        if (cents < 0) {
            b.append('-');
        }
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        b.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            b.append('\u00a0').append(digits, i, i + 3);
        }
        return b.append(',').append((char) ('0' + rest / 10)).append((char) ('0' + rest % 10)).append("\u00a0€").toString();
    }

    /**
     * A percentage as one value whatever its source: {@code 10}, {@code 10.00} (a numeric column) and
     * {@code 1E+1} all give {@code 10}; {@code null} stays null.
     */
    public static BigDecimal normalized(BigDecimal percent) {
        if (percent == null) {
            return null;
        }
        BigDecimal p = percent.stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0) : p;
    }

    /** French display of a percentage without useless zeros: {@code 10.00} → {@code "10"}, {@code 2.5} → {@code "2,5"}. */
    public static String percent(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /**
     * Euros as a person types them ("1 850,50", "1850.5", "1 850 €") in cents; empty when it is not an
     * amount of euros with at most two decimals, or negative.
     */
    public static java.util.Optional<Long> parseEuros(String typed) {
        if (typed == null) {
            return java.util.Optional.empty();
        }
        String t = typed.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("€", "").replace(',', '.');
        if (!t.matches("\\d{1,9}(\\.\\d{1,2})?")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(cents(new BigDecimal(t)));
    }
}
