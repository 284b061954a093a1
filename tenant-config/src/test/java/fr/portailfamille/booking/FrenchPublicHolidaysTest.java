package fr.portailfamille.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrenchPublicHolidaysTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void easterSundayByTheComputus() {
        assertEquals(d("2025-04-20"), FrenchPublicHolidays.easterSunday(2025));
        assertEquals(d("2026-04-05"), FrenchPublicHolidays.easterSunday(2026));
        assertEquals(d("2027-03-28"), FrenchPublicHolidays.easterSunday(2027));
        assertEquals(d("2019-04-21"), FrenchPublicHolidays.easterSunday(2019));
        assertEquals(d("2038-04-25"), FrenchPublicHolidays.easterSunday(2038)); // latest possible date
        assertEquals(d("2285-03-22"), FrenchPublicHolidays.easterSunday(2285)); // earliest possible date
        for (int y = 1900; y <= 2100; y++) {
            assertEquals(DayOfWeek.SUNDAY, FrenchPublicHolidays.easterSunday(y).getDayOfWeek(), "year " + y);
        }
    }

    @Test
    void holidays2026() {
        List<FrenchPublicHolidays.PublicHoliday> h = FrenchPublicHolidays.of(2026);
        assertEquals(11, h.size());
        assertEquals(List.of(d("2026-01-01"), d("2026-04-06"), d("2026-05-01"), d("2026-05-08"), d("2026-05-14"),
                d("2026-05-25"), d("2026-07-14"), d("2026-08-15"), d("2026-11-01"), d("2026-11-11"), d("2026-12-25")),
                h.stream().map(FrenchPublicHolidays.PublicHoliday::date).toList());
        assertEquals("Lundi de Pâques", h.get(1).name());
        assertEquals("Ascension", h.get(4).name());
        assertEquals("Lundi de Pentecôte", h.get(5).name());
        assertEquals(DayOfWeek.MONDAY, h.get(1).date().getDayOfWeek());
        assertEquals(DayOfWeek.THURSDAY, h.get(4).date().getDayOfWeek());
        assertEquals(DayOfWeek.MONDAY, h.get(5).date().getDayOfWeek());
    }

    @Test
    void easterBasedHolidays2025And2027() {
        Set<LocalDate> y2025 = FrenchPublicHolidays.datesOf(2025);
        assertTrue(y2025.containsAll(Set.of(d("2025-04-21"), d("2025-05-29"), d("2025-06-09"))));
        assertEquals(11, y2025.size());
        Set<LocalDate> y2027 = FrenchPublicHolidays.datesOf(2027);
        assertTrue(y2027.containsAll(Set.of(d("2027-03-29"), d("2027-05-06"), d("2027-05-17"))));
        assertEquals(11, y2027.size());
        assertFalse(y2027.contains(d("2027-03-26")), "Good Friday is only a holiday in Alsace-Moselle");
    }

    @Test
    void coincidingHolidaysAreAllListed() {
        // 2008: Easter 23 March, Ascension on 1 May
        assertEquals(11, FrenchPublicHolidays.of(2008).size());
        assertEquals(10, FrenchPublicHolidays.datesOf(2008).size());
        assertTrue(FrenchPublicHolidays.datesOf(2008).contains(d("2008-05-01")));
    }

    @Test
    void severalYears() {
        Set<LocalDate> dates = FrenchPublicHolidays.datesOf(2025, 2027);
        assertEquals(33, dates.size());
        assertTrue(dates.contains(d("2025-12-25")) && dates.contains(d("2027-01-01")));
    }
}
