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
        assertEquals(new BigDecimal("120.60"), Money.euros(12_060));
        assertEquals("10", Money.percent(new BigDecimal("10.00")));
        assertEquals("2,5", Money.percent(new BigDecimal("2.50")));
    }
}
