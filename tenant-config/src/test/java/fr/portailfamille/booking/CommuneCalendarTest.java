package fr.portailfamille.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommuneCalendarTest {

    static final DateRange NOEL = new DateRange(LocalDate.parse("2026-12-19"), LocalDate.parse("2027-01-03"),
            "Vacances de Noël");
    static final DateRange HIVER = new DateRange(LocalDate.parse("2027-02-13"), LocalDate.parse("2027-03-01"),
            "Vacances d'hiver");

    /** Public holidays 2025–2027, closure on Friday 11 December 2026, Christmas and winter holidays. */
    static CommuneCalendar calendar() {
        return CommuneCalendar.french(2025, 2027, Set.of(LocalDate.parse("2026-12-11")), List.of(NOEL, HIVER));
    }

    @Test
    void workingDays() {
        CommuneCalendar cal = calendar();
        assertTrue(cal.isWorkingDay(LocalDate.parse("2026-12-10"))); // Thursday
        assertTrue(cal.isWorkingDay(LocalDate.parse("2026-12-11")), "a closure is still a working day");
        assertTrue(cal.isWorkingDay(LocalDate.parse("2026-12-21")), "school holidays are working days");
        assertFalse(cal.isWorkingDay(LocalDate.parse("2026-12-12"))); // Saturday
        assertFalse(cal.isWorkingDay(LocalDate.parse("2026-12-13"))); // Sunday
        assertFalse(cal.isWorkingDay(LocalDate.parse("2026-04-06"))); // Easter Monday
        assertTrue(cal.isPublicHoliday(LocalDate.parse("2026-05-14")));
        assertFalse(cal.isPublicHoliday(LocalDate.parse("2026-12-11")));
        assertTrue(cal.isClosed(LocalDate.parse("2026-12-11")));
        assertFalse(cal.isClosed(LocalDate.parse("2026-12-10")));
    }

    @Test
    void schoolHolidays() {
        CommuneCalendar cal = calendar();
        assertEquals(Optional.of(NOEL), cal.holidayOf(LocalDate.parse("2026-12-19")));
        assertEquals(Optional.of(NOEL), cal.holidayOf(LocalDate.parse("2027-01-03")));
        assertEquals(Optional.empty(), cal.holidayOf(LocalDate.parse("2027-01-04")));
        assertEquals(Optional.empty(), cal.holidayOf(LocalDate.parse("2026-12-18")));
        assertEquals("Vacances d'hiver", cal.holidayOf(LocalDate.parse("2027-02-20")).orElseThrow().label());
        assertTrue(cal.isSchoolHoliday(LocalDate.parse("2026-12-25")));
    }

    @Test
    void calendarIsImmutable() {
        Set<LocalDate> closures = new HashSet<>(Set.of(LocalDate.parse("2026-12-11")));
        List<DateRange> holidays = new ArrayList<>(List.of(NOEL));
        CommuneCalendar cal = new CommuneCalendar(Set.of(), closures, holidays);
        closures.clear();
        holidays.clear();
        assertTrue(cal.isClosed(LocalDate.parse("2026-12-11")));
        assertTrue(cal.isSchoolHoliday(LocalDate.parse("2026-12-25")));
        assertThrows(UnsupportedOperationException.class, () -> cal.closures().add(LocalDate.now()));
    }

    @Test
    void rangeMustNotEndBeforeItStarts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DateRange(LocalDate.parse("2027-01-03"), LocalDate.parse("2026-12-19"), "Noël"));
        assertTrue(e.getMessage().contains("se termine"), e.getMessage());
    }
}
