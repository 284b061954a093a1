package fr.portailfamille.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** A refused mail is tried again later and later, an hour apart at most, and given up after two days. */
class MailRetriesTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-05T07:30:00+01:00");

    @Test
    void fiveMinutesThenTwiceAsLongUpToAnHour() {
        assertEquals(NOW.plusMinutes(5), MailRetries.next(1, NOW));
        assertEquals(NOW.plusMinutes(10), MailRetries.next(2, NOW));
        assertEquals(NOW.plusMinutes(20), MailRetries.next(3, NOW));
        assertEquals(NOW.plusMinutes(40), MailRetries.next(4, NOW));
        assertEquals(NOW.plusHours(1), MailRetries.next(5, NOW));
        assertEquals(NOW.plusHours(1), MailRetries.next(500, NOW));
    }

    @Test
    void givenUpTwoDaysAfterItWasAskedFor() {
        assertFalse(MailRetries.givenUp(NOW, NOW.plusDays(2).minusSeconds(1)));
        assertTrue(MailRetries.givenUp(NOW, NOW.plusDays(2)));
    }
}
