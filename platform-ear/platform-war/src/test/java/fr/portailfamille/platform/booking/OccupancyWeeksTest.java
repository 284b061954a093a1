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
    void aWeeksColourComesFromItsDaysNotItsSums() {
        // Monday 12 of 10 (over: seats kept when the capacity was lowered), Tuesday 8 of 10: two seats free on Tuesday
        List<WeekOccupancy> weeks = OccupancyWeeks.of(List.of(new DayOccupancy(LocalDate.of(2026, 12, 7), 10, 12, 0),
                new DayOccupancy(LocalDate.of(2026, 12, 8), 10, 8, 0)));
        assertEquals(1, weeks.get(0).fullDays());
        assertEquals(99, weeks.get(0).percent());
        assertEquals("busy", weeks.get(0).level());
        // every day full: full
        WeekOccupancy full = OccupancyWeeks.of(List.of(new DayOccupancy(LocalDate.of(2026, 12, 7), 10, 10, 1),
                new DayOccupancy(LocalDate.of(2026, 12, 8), 0, 3, 0))).get(0);
        assertEquals(2, full.fullDays());
        assertEquals("full", full.level());
        assertEquals(130, full.percent());
        // one full day in an otherwise quiet week: busy, not ok
        assertEquals("busy", OccupancyWeeks.of(List.of(new DayOccupancy(LocalDate.of(2026, 12, 7), 10, 10, 0),
                new DayOccupancy(LocalDate.of(2026, 12, 8), 10, 0, 0), new DayOccupancy(LocalDate.of(2026, 12, 9), 10, 0, 0)))
                .get(0).level());
    }

    @Test
    void aWeekOfNoDayIsNoWeek() {
        assertEquals(List.of(), OccupancyWeeks.of(List.of()));
    }

    @Test
    void howFullADayIsInPercentAndColour() {
        // a unit lowered to no seat, children still booked: full (every request goes on the waiting list), no division by 0
        assertEquals(100, new DayOccupancy(LocalDate.of(2026, 12, 7), 0, 12, 0).percent());
        assertEquals("full", new DayOccupancy(LocalDate.of(2026, 12, 7), 0, 12, 0).level());
        assertEquals(100, new DayOccupancy(LocalDate.of(2026, 12, 7), 0, 0, 0).percent());
        // one seat free of 200: not "100 %"
        assertEquals(99, new DayOccupancy(LocalDate.of(2026, 12, 7), 200, 199, 0).percent());
        assertEquals("busy", new DayOccupancy(LocalDate.of(2026, 12, 7), 200, 199, 0).level());
        assertEquals("ok", new DayOccupancy(LocalDate.of(2026, 12, 7), 12, 9, 0).level());
        assertEquals(75, new DayOccupancy(LocalDate.of(2026, 12, 7), 12, 9, 0).percent());
        assertEquals("busy", new DayOccupancy(LocalDate.of(2026, 12, 7), 10, 8, 0).level());
        assertEquals("full", new DayOccupancy(LocalDate.of(2026, 12, 7), 10, 10, 2).level());
        assertEquals(0, new DayOccupancy(LocalDate.of(2026, 12, 7), 10, 10, 2).free());
        assertEquals(67, new DayOccupancy(LocalDate.of(2026, 12, 7), 3, 2, 0).percent(), "rounded");
    }
}
