package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.problems.Message;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void roundsHalfUpToTheCent() {
        assertEquals(351, Money.cents(new BigDecimal("3.505")));
        assertEquals(350, Money.cents(new BigDecimal("3.5049")));
        assertEquals(351, Money.round(new BigDecimal("350.5")));
        assertEquals(350, Money.round(new BigDecimal("350.4999")));
        assertEquals(-351, Money.round(new BigDecimal("-350.5")), "half up is away from zero");
    }

    @Test
    void percentagesAreExact() {
        assertEquals(0, new BigDecimal("34.5").compareTo(Money.percentOf(BigDecimal.valueOf(345), BigDecimal.TEN)));
        assertEquals(0, new BigDecimal("350.5").compareTo(Money.percentOf(BigDecimal.valueOf(140_200), new BigDecimal("0.25"))));
    }

    @Test
    void formatsInFrench() {
        assertEquals("1\u00a0200,60\u00a0€", Money.format(120_060));
        assertEquals("3,50\u00a0€", Money.format(350));
        assertEquals("-0,35\u00a0€", Money.format(-35));
        assertEquals("0,00\u00a0€", Money.format(0));
        assertEquals("1\u00a0000\u00a0000,05\u00a0€", Money.format(100_000_005));
        assertEquals("-1\u00a0234,56\u00a0€", Money.format(-123_456));
        assertEquals("999,99\u00a0€", Money.format(99_999));
        assertEquals(new BigDecimal("120.60"), Money.euros(12_060));
        assertEquals("10", Money.percent(new BigDecimal("10.00")));
        assertEquals("2,5", Money.percent(new BigDecimal("2.50")));
    }

    @Test
    void formatsInTheReadersLanguage() {
        for (long cents : new long[] {120_060, 350, -35, 0, 100_000_005, -123_456, 99_999, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(Money.format(cents), Money.format(cents, Locale.FRENCH), "French as before: " + cents);
            assertEquals(Money.format(cents), Money.format(cents, Locale.FRANCE));
            assertEquals(Money.format(cents), Money.format(cents, null), "no language: French");
            assertEquals(Money.format(cents), Money.format(cents, Locale.GERMAN), "a language the portal lacks: French");
            assertEquals(Money.format(cents, Locale.ENGLISH), Money.format(cents, Locale.UK));
            assertEquals(Money.format(cents, Locale.ENGLISH), Money.format(cents, Locale.US));
        }
        assertEquals("€1,200.60", Money.format(120_060, Locale.ENGLISH));
        assertEquals("€3.50", Money.format(350, Locale.ENGLISH));
        assertEquals("-€0.35", Money.format(-35, Locale.ENGLISH));
        assertEquals("€0.00", Money.format(0, Locale.ENGLISH));
        assertEquals("€0.05", Money.format(5, Locale.ENGLISH));
        assertEquals("€1,000,000.05", Money.format(100_000_005, Locale.ENGLISH));
        assertEquals("-€1,234.56", Money.format(-123_456, Locale.ENGLISH));
        assertEquals("€999.99", Money.format(99_999, Locale.ENGLISH));
        assertEquals("€100,000.00", Money.format(10_000_000, Locale.ENGLISH));
        assertEquals("-€92,233,720,368,547,758.08", Money.format(Long.MIN_VALUE, Locale.ENGLISH));
    }

    @Test
    void theEnglishFormIsTheJdksForEuros() {
        NumberFormat uk = NumberFormat.getCurrencyInstance(Locale.UK);
        uk.setCurrency(Currency.getInstance("EUR"));
        for (long cents : new long[] {120_060, 350, -35, 0, 100_000_005, -123_456, 99_999}) {
            assertEquals(uk.format(Money.euros(cents)), Money.format(cents, Locale.ENGLISH), String.valueOf(cents));
        }
    }

    @Test
    void anAmountInAMessageIsWrittenWhenItIsRead() {
        Message amount = Money.amount(-123_456);
        assertEquals("-1\u00a0234,56\u00a0€", amount.french());
        assertEquals("-€1,234.56", amount.in(Locale.ENGLISH));
        assertEquals(amount.french(), amount.in(null));
        assertEquals(Message.literal(Money.format(-123_456)), amount, "equal when their French texts are");
    }

    @Test
    void aPercentageInAMessageIsWrittenWhenItIsRead() {
        Message p = Money.percentage(new BigDecimal("2.50"));
        assertEquals("2,5", p.french());
        assertEquals("2.5", p.in(Locale.ENGLISH));
        assertEquals("10", Money.percentage(new BigDecimal("10.00")).in(Locale.ENGLISH));
        assertEquals(Message.literal("2,5"), p, "equal when their French texts are");
    }

    @Test
    void percentagesAndTypedAmountsInTheReadersLanguage() {
        assertEquals("2,5", Money.percent(new BigDecimal("2.50"), Locale.FRENCH));
        assertEquals("2.5", Money.percent(new BigDecimal("2.50"), Locale.ENGLISH));
        assertEquals("10", Money.percent(new BigDecimal("10.00"), Locale.ENGLISH));
        assertEquals("10", Money.percent(new BigDecimal("1E+1"), Locale.FRENCH));
        assertEquals("0,06", Money.percent(new BigDecimal("0.060"), null));
        assertEquals("1850,50", Money.typed(185_050, Locale.FRENCH));
        assertEquals("1850.50", Money.typed(185_050, Locale.ENGLISH));
        assertEquals("0,00", Money.typed(0, Locale.GERMAN));
        assertEquals("-0.35", Money.typed(-35, Locale.ENGLISH));
        for (Locale l : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
            assertEquals(java.util.Optional.of(185_050L), Money.parseEuros(Money.typed(185_050, l)), "read again: " + l);
        }
    }

    @Test
    void eurosAsTypedBecomeCents() {
        assertEquals(java.util.Optional.of(185050L), Money.parseEuros("1 850,50"));
        assertEquals(java.util.Optional.of(185050L), Money.parseEuros("1850.5"));
        assertEquals(java.util.Optional.of(185000L), Money.parseEuros("1\u00a0850 €"));
        assertEquals(java.util.Optional.of(0L), Money.parseEuros("0"));
        // the English hint's form ("e.g. 1,850.50") and its mirror; a comma and a point that do not group thousands
        assertEquals(java.util.Optional.of(185050L), Money.parseEuros("1,850.50"));
        assertEquals(java.util.Optional.of(123456789L), Money.parseEuros("€1,234,567.89"));
        assertEquals(java.util.Optional.of(185050L), Money.parseEuros("1.850,50"));
        assertEquals(java.util.Optional.empty(), Money.parseEuros("1,85.50"));
        assertEquals(java.util.Optional.empty(), Money.parseEuros("1.850.50"));
        assertEquals(java.util.Optional.empty(), Money.parseEuros("1,850.505"));
        for (String bad : new String[] {"", "abc", "-5", "1,234", "12,5,0", null}) {
            assertEquals(java.util.Optional.empty(), Money.parseEuros(bad), String.valueOf(bad));
        }
    }

    @Test
    void anEnglishReadersCommaGroupsThousands() {
        assertEquals(java.util.Optional.of(250_000L), Money.parseEuros("2,500", Locale.ENGLISH));
        assertEquals(java.util.Optional.of(1_234_567_800L), Money.parseEuros("€12,345,678", Locale.ENGLISH));
        assertEquals(java.util.Optional.of(250L), Money.parseEuros("2,50", Locale.ENGLISH), "two decimals: a decimal comma");
        assertEquals(java.util.Optional.of(250_050L), Money.parseEuros("2,500.50", Locale.ENGLISH));
        assertEquals(java.util.Optional.empty(), Money.parseEuros("2,500", Locale.FRENCH), "three decimals in French");
        assertEquals(java.util.Optional.empty(), Money.parseEuros("2,500"));
        assertEquals(java.util.Optional.empty(), Money.parseEuros("25,00,0", Locale.ENGLISH));
    }
}
