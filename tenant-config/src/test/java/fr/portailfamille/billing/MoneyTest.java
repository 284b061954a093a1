package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
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
    void eurosAsTypedBecomeCents() {
        assertEquals(java.util.Optional.of(185050L), Money.parseEuros("1 850,50"));
        assertEquals(java.util.Optional.of(185050L), Money.parseEuros("1850.5"));
        assertEquals(java.util.Optional.of(185000L), Money.parseEuros("1\u00a0850 €"));
        assertEquals(java.util.Optional.of(0L), Money.parseEuros("0"));
        for (String bad : new String[] {"", "abc", "-5", "1,234", "12,5,0", null}) {
            assertEquals(java.util.Optional.empty(), Money.parseEuros(bad), String.valueOf(bad));
        }
    }
}
