package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A text cut once around its arguments writes the French its bundle writes, and refuses a text it cannot cut. */
class WordsTest {

    @Test
    void theFrenchCutIsTheBundlesFrench() {
        Words effort = new Words(Problems.of("billing.basis.effort", (Object[]) Words.MARKS));
        Message read = effort.of(Money.percentage(new BigDecimal("1.2")), Money.amount(185_050));
        assertEquals(read.french(), effort.french(Money.percent(new BigDecimal("1.2")), Money.format(185_050)));
        assertEquals("Taux d'effort 1,2\u00a0% de 1\u00a0850,50\u00a0€", read.french(), "the apostrophe written twice in the bundle");
        assertEquals("Effort rate 1.2% of €1,850.50", read.in(Locale.ENGLISH));
        Words qf = new Words(Problems.of("billing.basis.maximum.qf"));
        assertEquals("quotient familial absent", qf.french());
        assertEquals("family quotient not provided", qf.of().in(Locale.ENGLISH));
    }

    @Test
    void argumentsOutOfOrderOrTwiceAreRefused() {
        assertThrows(IllegalStateException.class, () -> new Words(Message.written(l -> "b " + Words.MARKS[1] + " a " + Words.MARKS[0])));
        assertThrows(IllegalStateException.class, () -> new Words(Message.written(l -> Words.MARKS[0] + " et " + Words.MARKS[0])));
        assertThrows(IllegalStateException.class, () -> new Words(Message.written(l -> "sans {0} : " + Words.MARKS[1])));
    }
}
