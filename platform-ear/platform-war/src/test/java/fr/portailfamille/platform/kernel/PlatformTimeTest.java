package fr.portailfamille.platform.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The platform's day is Paris's, whatever the clock's or the process's zone. */
class PlatformTimeTest {

    /** 23:30 UTC on 14 January 2026: 00:30 on the 15th in Paris (winter, UTC+1). */
    static final Instant LATE = Instant.parse("2026-01-14T23:30:00Z");

    @Test
    void theZoneIsParis() {
        assertEquals(ZoneId.of("Europe/Paris"), PlatformTime.ZONE);
        assertEquals("'Europe/Paris'", PlatformTime.SQL_ZONE);
        assertEquals(PlatformTime.ZONE, PlatformTime.clock().getZone());
    }

    @Test
    void aClockInUtcGivesTheParisDay() {
        Clock utc = Clock.fixed(LATE, ZoneOffset.UTC);
        assertEquals(LocalDate.of(2026, 1, 14), LocalDate.now(utc));
        assertEquals(LocalDate.of(2026, 1, 15), PlatformTime.today(utc));
        assertEquals(LocalDateTime.of(2026, 1, 15, 0, 30), PlatformTime.now(utc));
    }

    @Test
    void anInstantReadInUtcIsPlacedInParis() {
        OffsetDateTime late = LATE.atOffset(ZoneOffset.UTC);
        assertEquals(LocalDateTime.of(2026, 1, 15, 0, 30), PlatformTime.local(late));
        assertEquals(LocalDate.of(2026, 1, 15), PlatformTime.day(late));
        assertEquals(LocalDate.of(2027, 1, 1), PlatformTime.day(OffsetDateTime.parse("2026-12-31T23:30:00Z")));
        assertEquals(null, PlatformTime.local(null));
        assertEquals(null, PlatformTime.day(null));
    }

    @Test
    void summerTimeIsTwoHoursAhead() {
        Clock utc = Clock.fixed(Instant.parse("2026-07-14T22:30:00Z"), ZoneOffset.UTC);
        assertEquals(LocalDateTime.of(2026, 7, 15, 0, 30), PlatformTime.now(utc));
    }

    @Test
    void anInstantKeepsItsValueWithTheParisOffset() {
        OffsetDateTime at = PlatformTime.at(LATE);
        assertEquals(LATE, at.toInstant());
        assertEquals(ZoneOffset.ofHours(1), at.getOffset());
        assertEquals(LocalDate.of(2026, 1, 15), at.toLocalDate());
        assertEquals(at, Rows.time(Timestamp.from(LATE)));
        assertEquals(at, Rows.time(LATE));
    }
}
