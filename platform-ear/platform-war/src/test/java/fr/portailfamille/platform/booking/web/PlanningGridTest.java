package fr.portailfamille.platform.booking.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PlanningGridTest {

    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    static List<LocalDate> month(YearMonth m) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    @Test
    void september2026HasFiveWeeksOfWeekdaysWithTheFirstDaysInTheirColumns() {
        // 1 September 2026 is a Tuesday, 30 September a Wednesday
        List<List<LocalDate>> weeks = PlanningGrid.weeks(month(YearMonth.of(2026, 9)), Function.identity(), WEEKDAYS);
        assertEquals(5, weeks.size());
        weeks.forEach(w -> assertEquals(5, w.size()));
        assertNull(weeks.get(0).get(0), "no Monday 31 August");
        assertEquals(LocalDate.of(2026, 9, 1), weeks.get(0).get(1));
        assertEquals(LocalDate.of(2026, 9, 4), weeks.get(0).get(4));
        assertEquals(LocalDate.of(2026, 9, 7), weeks.get(1).get(0));
        assertEquals(LocalDate.of(2026, 9, 30), weeks.get(4).get(2));
        assertNull(weeks.get(4).get(3), "no Thursday 1 October");
        assertNull(weeks.get(4).get(4));
    }

    @Test
    void aWednesdayOnlyActivityShowsOneColumnOfWednesdays() {
        List<List<LocalDate>> weeks = PlanningGrid.weeks(month(YearMonth.of(2026, 9)), Function.identity(),
                List.of(DayOfWeek.WEDNESDAY));
        assertEquals(List.of(List.of(LocalDate.of(2026, 9, 2)), List.of(LocalDate.of(2026, 9, 9)),
                List.of(LocalDate.of(2026, 9, 16)), List.of(LocalDate.of(2026, 9, 23)),
                List.of(LocalDate.of(2026, 9, 30))), weeks);
        assertEquals(5, PlanningGrid.shown(month(YearMonth.of(2026, 9)), Function.identity(),
                List.of(DayOfWeek.WEDNESDAY)).size());
    }

    @Test
    void aMonthStartingOnASundayDoesNotOpenAnEmptyWeek() {
        // 1 November 2026 is a Sunday: the first row starts on Monday 2
        List<List<LocalDate>> weeks = PlanningGrid.weeks(month(YearMonth.of(2026, 11)), Function.identity(), WEEKDAYS);
        assertEquals(LocalDate.of(2026, 11, 2), weeks.get(0).get(0));
        assertEquals(5, weeks.size());
    }

    @Test
    void noColumnsNoWeeks() {
        assertEquals(List.of(), PlanningGrid.weeks(month(YearMonth.of(2026, 9)), Function.identity(), List.of()));
    }
}
