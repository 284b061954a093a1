package fr.portailfamille.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.faces.convert.ConverterException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The pages' instants in Europe/Paris whatever offset they were read with (JDBC gives UTC's). */
class PlatformDateTimeConverterTest {

    private final PlatformDateTimeConverter dateTime = new PlatformDateTimeConverter();
    private final PlatformDateTimeConverter date = new PlatformDateTimeConverter.DateOnly();

    @Test
    void anInstantReadInUtcIsWrittenInParis() {
        OffsetDateTime winter = OffsetDateTime.of(2026, 12, 4, 20, 59, 8, 0, ZoneOffset.UTC);
        assertEquals("04/12/2026 21:59", dateTime.getAsString(null, null, winter));
        assertEquals("04/12/2026 21:59", dateTime.getAsString(null, null, winter.toInstant()));
        assertEquals("04/12/2026 21:59", dateTime.getAsString(null, null, winter.atZoneSameInstant(ZoneId.of("America/Cayenne"))));
        // summer: two hours ahead; 23:30 UTC is already the next day in Paris
        assertEquals("15/07/2026 16:00", dateTime.getAsString(null, null, OffsetDateTime.of(2026, 7, 15, 14, 0, 0, 0, ZoneOffset.UTC)));
        OffsetDateTime lateEvening = OffsetDateTime.of(2026, 12, 31, 23, 30, 0, 0, ZoneOffset.UTC);
        assertEquals("01/01/2027", date.getAsString(null, null, lateEvening));
        // already Paris's offset: unchanged
        assertEquals("04/12/2026 21:59", dateTime.getAsString(null, null, winter.withOffsetSameInstant(ZoneOffset.ofHours(1))));
    }

    @Test
    void aLocalDateTimeIsTakenAsLocalNothingIsBlankAndInputIsNotRead() {
        assertEquals("04/12/2026 21:59", dateTime.getAsString(null, null, LocalDateTime.of(2026, 12, 4, 21, 59)));
        assertEquals("", dateTime.getAsString(null, null, null));
        assertThrows(ConverterException.class, () -> dateTime.getAsObject(null, null, "04/12/2026 21:59"));
        assertThrows(ConverterException.class, () -> dateTime.getAsString(null, null, "hier"));
        assertEquals("04/12/2026", date.getAsString(null, null, Instant.parse("2026-12-04T20:59:08Z")));
    }
}
