package fr.portailfamille.billing;

import fr.portailfamille.problems.Message;
import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /**
     * French display: {@code 120060} → {@code "1 200,60 €"}, {@code -35} → {@code "-0,35 €"} (no-break spaces). What
     * the documents, the mails, the exports, the audit and the invoicing run's labels write; a page writes
     * {@link #format(long, Locale)} in its language.
     */
    public static String format(long cents) {
        // by hand, not DecimalFormat: an invoicing run formats each priced day several times
        return write(cents, '\u00a0', ',', "", "\u00a0€");
    }

    /**
     * {@code cents} as the reader's language writes an amount of euros: English (a locale whose language is
     * {@code en}) {@code "€1,200.60"}, {@code "-€0.35"}, as {@code NumberFormat.getCurrencyInstance(Locale.UK)} writes
     * euros; French ({@link #format(long)}) for any other language or {@code null}.
     */
    public static String format(long cents, Locale locale) {
        return english(locale) ? write(cents, ',', '.', "€", "") : format(cents);
    }

    /**
     * {@code cents} as an argument of a {@link Message}, written when the message is read, in its reader's language
     * ({@link #format(long, Locale)}): a refusal's amount reads "1 200,60 €" in French, "€1,200.60" in English.
     */
    public static Message amount(long cents) {
        return Message.written(locale -> format(cents, locale));
    }

    /** Whether {@code locale} writes amounts in English. */
    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** The sign, {@code before}, the euros grouped by three with {@code group}, {@code point}, the cents, {@code after}. */
    private static String write(long cents, char group, char point, String before, String after) {
        String digits = Long.toString(Math.abs(cents / 100));
        long rest = Math.abs(cents % 100);
        StringBuilder b = new StringBuilder(digits.length() + 8);
        if (cents < 0) {
            b.append('-');
        }
        b.append(before);
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        b.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            b.append(group).append(digits, i, i + 3);
        }
        return b.append(point).append((char) ('0' + rest / 10)).append((char) ('0' + rest % 10)).append(after).toString();
    }

    /**
     * Euros as a person types them back in a field, without grouping nor symbol, with the decimal separator of the
     * reader's language: {@code 185050} → {@code "1850,50"} in French, {@code "1850.50"} in English (both read again by
     * {@link #parseEuros}).
     */
    public static String typed(long cents, Locale locale) {
        String plain = euros(cents).toPlainString();
        return english(locale) ? plain : plain.replace('.', ',');
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
        return percent(percent, Locale.FRENCH);
    }

    /**
     * A percentage without useless zeros as the reader's language writes it: {@code 2.50} → {@code "2,5"} in French,
     * {@code "2.5"} in English ({@code 10.00} → {@code "10"} in both).
     */
    public static String percent(BigDecimal percent, Locale locale) {
        String plain = percent.stripTrailingZeros().toPlainString();
        return english(locale) ? plain : plain.replace('.', ',');
    }

    /**
     * A percentage as an argument of a {@link Message}, written when the message is read in its reader's language
     * ({@link #percent(BigDecimal, Locale)}, the number only: the pattern writes the sign): {@code 2.50} reads "2,5" in
     * French, "2.5" in English.
     */
    public static Message percentage(BigDecimal percent) {
        java.util.Objects.requireNonNull(percent, "percent");
        return Message.written(locale -> percent(percent, locale));
    }

    /**
     * Euros as a person types them ("1 850,50", "1850.5", "1 850 €", the English "1,850.50") in cents; empty when it
     * is not an amount of euros with at most two decimals, or negative. With both a comma and a point the last one
     * separates the decimals and the other must group thousands ("1,85.5" is refused).
     */
    public static java.util.Optional<Long> parseEuros(String typed) {
        return parseEuros(typed, Locale.FRENCH);
    }

    /**
     * Euros as a reader of {@code locale} types them: as {@link #parseEuros(String)}, and in English a comma alone that
     * groups thousands ("2,500", "12,345,678") is read as such — 2,500 euros, not refused as two euros and three
     * decimals. In French "2,500" stays refused (three decimals), as does "2,50" nowhere (two euros fifty).
     */
    public static java.util.Optional<Long> parseEuros(String typed, Locale locale) {
        if (typed == null) {
            return java.util.Optional.empty();
        }
        String t = typed.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("€", "");
        if (english(locale) && t.indexOf('.') < 0 && t.matches("\\d{1,3}(,\\d{3})+")) {
            t = t.replace(",", "");
        }
        int comma = t.lastIndexOf(','), point = t.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            // both: the last one is the decimals' ("1,850.50" in English, "1.850,50" as some type it), the other groups
            // thousands and is dropped where it groups them
            char group = comma < point ? ',' : '.';
            String whole = t.substring(0, Math.max(comma, point));
            if (!whole.matches("\\d{1,3}(\\" + group + "\\d{3})+")) {
                return java.util.Optional.empty();
            }
            t = whole.replace(String.valueOf(group), "") + "." + t.substring(Math.max(comma, point) + 1);
        }
        t = t.replace(',', '.');
        if (!t.matches("\\d{1,9}(\\.\\d{1,2})?")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(cents(new BigDecimal(t)));
    }
}
