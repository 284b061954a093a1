package fr.portailfamille.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypicalWeekTest {

    private final LocalDate monday = LocalDate.parse("2026-12-07");
    private final Map<DayOfWeek, Set<Long>> week = Map.of(DayOfWeek.MONDAY, Set.of(9L, 7L), DayOfWeek.THURSDAY, Set.of(7L),
            DayOfWeek.SATURDAY, Set.of(7L));

    @Test
    void thePeriodRunsForwardForAtMostAYearWithADayTicked() {
        assertEquals(Optional.empty(), TypicalWeek.refusal(week, monday, monday, monday));
        assertEquals(Optional.empty(), TypicalWeek.refusal(week, monday, monday.plusYears(1), monday));
        assertTrue(TypicalWeek.refusal(week, monday, monday.minusDays(1), monday).orElseThrow().french()
                .contains("période valide"));
        assertTrue(TypicalWeek.refusal(week, null, monday, monday).orElseThrow().french().contains("période valide"));
        assertEquals("La période d'une semaine type ne peut pas dépasser un an.",
                TypicalWeek.refusal(week, monday, monday.plusYears(1).plusDays(1), monday).orElseThrow().french());
        assertEquals("Cochez au moins un jour de la semaine type.",
                TypicalWeek.refusal(Map.of(DayOfWeek.MONDAY, Set.of()), monday, monday.plusDays(6), monday).orElseThrow()
                        .french());
    }

    @Test
    void eachProblemIsOnTheFieldItIsAbout() {
        assertEquals("from", TypicalWeek.problem(week, null, monday, monday).orElseThrow().field());
        assertEquals("to", TypicalWeek.problem(week, monday, null, monday).orElseThrow().field());
        assertEquals("to", TypicalWeek.problem(week, monday, monday.minusDays(1), monday).orElseThrow().field());
        assertEquals("to", TypicalWeek.problem(week, monday, monday.plusYears(2), monday).orElseThrow().field());
        assertEquals("days", TypicalWeek.problem(Map.of(), monday, monday, monday).orElseThrow().field());
    }

    @Test
    void aPeriodOverIsRefusedOneBegunIsAppliedFromTodayAndAYearOfManyUnitsIsSplit() {
        assertEquals("Cette période est passée : choisissez une date de fin à venir.",
                TypicalWeek.refusal(week, monday.minusWeeks(3), monday.minusDays(1), monday).orElseThrow().french());
        assertEquals("to", TypicalWeek.problem(week, monday.minusWeeks(3), monday.minusDays(1), monday).orElseThrow().field());
        assertEquals(Optional.empty(), TypicalWeek.problem(week, monday.minusWeeks(3), monday, monday), "ends today");
        assertEquals(monday, TypicalWeek.firstDay(monday.minusWeeks(3), monday));
        assertEquals(monday.plusDays(2), TypicalWeek.firstDay(monday.plusDays(2), monday));
        assertEquals(Optional.empty(), TypicalWeek.tooMany(TypicalWeek.MAX_UNIT_DAYS));
        assertEquals("Cette semaine type demande plus de 800 journées : appliquez-la en plusieurs périodes plus courtes.",
                TypicalWeek.tooMany(TypicalWeek.MAX_UNIT_DAYS + 1).orElseThrow().text().french());
        assertEquals("to", TypicalWeek.tooMany(1000).orElseThrow().field());
    }

    @Test
    void everyTickedUnitOfEachWeekdayInDayThenUnitOrderWhereItRuns() {
        // unit 7 runs on school days; the Saturday is ticked but nothing runs then; 14 Dec is closed
        LocalDate closed = monday.plusWeeks(1);
        List<MonthPlan.UnitDay> days = TypicalWeek.expand(week, monday, monday.plusDays(13),
                (unit, day) -> day.getDayOfWeek().getValue() <= 5 && !(unit == 7L && day.equals(closed)));
        assertEquals(List.of(new MonthPlan.UnitDay(7, monday), new MonthPlan.UnitDay(9, monday),
                new MonthPlan.UnitDay(7, monday.plusDays(3)),
                new MonthPlan.UnitDay(9, closed),
                new MonthPlan.UnitDay(7, closed.plusDays(3))), days);
    }

    @Test
    void aSchoolTimeUnitIsAskedForOnlyOnTheDaysItRuns() {
        // Thursday/Friday midi of a school-time activity, in a school year ending on 31 Dec 2026: the closure
        // (Fri 11 Dec), the Christmas holidays and Christmas Day are not asked for (the family's result would count
        // them as refused days); January is outside the school year, so not asked for either
        MonthPlan.Unit unit = new MonthPlan.Unit(7, "Midi", 10, MonthPlan.Unit.weekdays("1,2,4,5"),
                BookingRulesTest.rules(LatePolicy.REFUSED, false), false, false);
        CommuneCalendar cal = CommuneCalendarTest.calendar();
        List<DateRange> years = List.of(new DateRange(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-12-31"), "2026"));
        List<String> days = TypicalWeek.expand(Map.of(DayOfWeek.THURSDAY, Set.of(7L), DayOfWeek.FRIDAY, Set.of(7L)),
                        LocalDate.parse("2026-12-10"), LocalDate.parse("2027-01-08"), (id, day) -> MonthPlan.runsOn(unit, day, cal, years))
                .stream().map(d -> d.day().toString()).toList();
        assertEquals(List.of("2026-12-10", "2026-12-17", "2026-12-18"), days);
    }

    @Test
    void theRefusalsReadInEnglishOnAnEnglishPage() {
        assertEquals("Indiquez une période valide : la date de fin suit la date de début.",
                TypicalWeek.refusal(week, null, monday, monday).orElseThrow().french());
        assertEquals("Tick at least one day of the typical week.", TypicalWeek.refusal(Map.of(DayOfWeek.MONDAY, Set.of()),
                monday, monday.plusDays(6), monday).orElseThrow().in(java.util.Locale.ENGLISH));
    }
}
