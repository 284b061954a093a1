package fr.portailfamille.platform.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The iCal document of a child's booked days: time zone, timed and all-day events, stable UIDs. */
class ChildCalendarIcsTest {

    private static final ChildCalendars.Opened FEED = new ChildCalendars.Opened(12, "Léa", List.of(
            new ChildCalendars.Day(12, 5, LocalDate.of(2026, 12, 9), "Restauration scolaire", "Midi",
                    LocalTime.of(11, 45), LocalTime.of(13, 30)),
            new ChildCalendars.Day(12, 7, LocalDate.of(2026, 12, 10), "Accueil de loisirs", "Journée", null, null)));

    @Test
    void eachBookedDayIsAnEventInParisTimeWithAStableUid() {
        String ics = ChildCalendarIcs.write("alpha", "Alpha-sur-Mer", FEED, Instant.parse("2026-12-02T00:00:00Z"));
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.startsWith("BEGIN:VCALENDAR"), unfolded);
        assertTrue(unfolded.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris"), unfolded);
        assertTrue(unfolded.contains("DTSTART;TZID=Europe/Paris:20261209T114500"), unfolded);
        assertTrue(unfolded.contains("DTEND;TZID=Europe/Paris:20261209T133000"), unfolded);
        assertTrue(unfolded.contains("DTSTART;VALUE=DATE:20261210"), "sans horaires : toute la journée\n" + unfolded);
        assertTrue(unfolded.contains("SUMMARY:Restauration scolaire – Midi (Léa)"), unfolded);
        assertTrue(unfolded.contains("UID:12-5-2026-12-09@alpha.portail-famille"), unfolded);
        assertTrue(unfolded.contains("UID:12-7-2026-12-10@alpha.portail-famille"), unfolded);
        assertEquals(2, unfolded.split("BEGIN:VEVENT", -1).length - 1);
        assertEquals(2, unfolded.split("DTSTAMP", -1).length - 1, "un seul DTSTAMP par événement");
        assertTrue(unfolded.contains("DTSTAMP:20261202T000000Z"), unfolded);
        assertEquals(ics, ChildCalendarIcs.write("alpha", "Alpha-sur-Mer", FEED, Instant.parse("2026-12-02T00:00:00Z")),
                "mêmes réservations, même document : le téléphone met à jour sans doublon");
        assertFalse(unfolded.toLowerCase().contains("allerg"), "aucune donnée de santé");
    }

    @Test
    void theTokenIsKeptOnlyAsItsSha256() {
        String hash = ChildCalendars.hash("abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash);
    }
}
