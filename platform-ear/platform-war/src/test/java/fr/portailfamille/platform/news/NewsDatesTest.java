package fr.portailfamille.platform.news;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A news's day in words in the page's language, at Paris's hour. */
class NewsDatesTest {

    @Test
    void theDayIsWrittenInThePagesLanguageAtParissHour() {
        OffsetDateTime lateInUtc = OffsetDateTime.parse("2026-12-01T23:30:00Z");
        assertEquals("2 décembre 2026", NewsDates.day(lateInUtc, Locale.FRENCH));
        assertEquals("2 December 2026", NewsDates.day(lateInUtc, Locale.ENGLISH));
        assertEquals("", NewsDates.day(null, Locale.ENGLISH));
    }
}
