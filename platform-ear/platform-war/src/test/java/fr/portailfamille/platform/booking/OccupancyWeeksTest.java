package fr.portailfamille.platform.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccupancyWeeksTest {

    @Test
    void daysAreAddedUpByWeekFromMondayInDateOrder() {
        // Monday 7 and Friday 11 December 2026, then Monday 14 and Sunday 20 (a week-end activity day)
        List<DayOccupancy> days = List.of(
                new DayOccupancy(LocalDate.of(2026, 12, 14), 10, 10, 3),
                new DayOccupancy(LocalDate.of(2026, 12, 7), 10, 4, 0),
                new DayOccupancy(LocalDate.of(2026, 12, 11), 10, 9, 1),
                new DayOccupancy(LocalDate.of(2026, 12, 20), 10, 2, 0));
        List<WeekOccupancy> weeks = OccupancyWeeks.of(days);
        assertEquals(List.of(
                new WeekOccupancy(LocalDate.of(2026, 12, 7), 2, 20, 13, 1, 0),
                new WeekOccupancy(LocalDate.of(2026, 12, 14), 2, 20, 12, 3, 1)), weeks);
        assertEquals(65, weeks.get(0).percent());
        assertEquals(60, weeks.get(1).percent());
    }

    @Test
    void aWeekOfNoDayIsNoWeek() {
        assertEquals(List.of(), OccupancyWeeks.of(List.of()));
    }

    @Test
    void howFullADayIsInPercentAndColour() {
        assertEquals(0, new DayOccupancy(LocalDate.of(2026, 12, 7), 0, 0, 0).percent(), "no seat: 0 %, not a division by zero");
        assertEquals("ok", new DayOccupancy(LocalDate.of(2026, 12, 7), 12, 9, 0).level());
        assertEquals(75, new DayOccupancy(LocalDate.of(2026, 12, 7), 12, 9, 0).percent());
        assertEquals("busy", new DayOccupancy(LocalDate.of(2026, 12, 7), 10, 8, 0).level());
        assertEquals("full", new DayOccupancy(LocalDate.of(2026, 12, 7), 10, 10, 2).level());
        assertEquals(0, new DayOccupancy(LocalDate.of(2026, 12, 7), 10, 10, 2).free());
        assertEquals(67, new DayOccupancy(LocalDate.of(2026, 12, 7), 3, 2, 0).percent(), "rounded");
    }
}
