package fr.portailfamille.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineCodecTest {

    @Test
    void everyFormRoundTrips() {
        for (Deadline d : List.of(new Deadline.DaysBefore(2, LocalTime.of(23, 59)),
                new Deadline.WorkingDaysBefore(2, LocalTime.of(10, 0)),
                new Deadline.WeeklyCutoff(DayOfWeek.TUESDAY, LocalTime.of(23, 59)))) {
            assertEquals(d, DeadlineCodec.parse(DeadlineCodec.format(d)));
        }
        assertEquals("SEMAINE-TUESDAY@23:59", DeadlineCodec.format(new Deadline.WeeklyCutoff(DayOfWeek.TUESDAY,
                LocalTime.of(23, 59))));
    }

    @Test
    void badTextIsRefusedInFrench() {
        for (String bad : List.of("", "J2@23:59", "J-2", "SEMAINE-MARDI@23:59", "J-2@25:00")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeadlineCodec.parse(bad));
            assertTrue(e.getMessage().startsWith("Délai invalide"), e.getMessage());
        }
    }
}
