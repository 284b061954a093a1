package fr.portailfamille.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The purge's days: each duration counted back from today, month ends and 29 February included. */
class RetentionTest {

    @Test
    void eachKindGoesFromTheDayItsDurationEnds() {
        Retention.Cutoffs c = Retention.DEFAULT.cutoffs(LocalDate.of(2027, 6, 15));
        assertEquals(LocalDate.of(2027, 3, 15), c.refusedBefore(), "refused documents: 3 months");
        assertEquals(LocalDate.of(2026, 6, 15), c.expiredBefore(), "expired documents: 1 year");
        assertEquals(LocalDate.of(2026, 6, 15), c.certificateDayBefore(), "medical certificates: 1 year after the day");
        assertEquals(LocalDate.of(2024, 6, 15), c.quietBefore(), "quiet conversations: 3 years");
        assertEquals(LocalDate.of(2024, 6, 15), c.journalBefore(), "journals: 3 years");
    }

    @Test
    void aMonthEndAndTheTwentyNinthOfFebruaryCountBackToTheLastDayOfTheShorterMonth() {
        assertEquals(LocalDate.of(2027, 2, 28), Retention.DEFAULT.cutoffs(LocalDate.of(2027, 5, 31)).refusedBefore());
        assertEquals(LocalDate.of(2028, 2, 29), Retention.DEFAULT.cutoffs(LocalDate.of(2028, 5, 29)).refusedBefore());
        Retention.Cutoffs leap = Retention.DEFAULT.cutoffs(LocalDate.of(2028, 2, 29));
        assertEquals(LocalDate.of(2027, 2, 28), leap.expiredBefore());
        assertEquals(LocalDate.of(2025, 2, 28), leap.journalBefore());
    }

    @Test
    void aDurationIsPositive() {
        assertThrows(IllegalArgumentException.class, () -> new Retention(Period.ZERO, Period.ofYears(1), Period.ofYears(1),
                Period.ofYears(3), Period.ofYears(3)));
        assertThrows(IllegalArgumentException.class, () -> new Retention(Period.ofMonths(3), Period.ofYears(-1),
                Period.ofYears(1), Period.ofYears(3), Period.ofYears(3)));
        assertThrows(NullPointerException.class, () -> new Retention(Period.ofMonths(3), Period.ofYears(1), null,
                Period.ofYears(3), Period.ofYears(3)));
    }
}
