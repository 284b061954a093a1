package fr.portailfamille.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.configuration.CommuneConfiguration.Period;
import fr.portailfamille.configuration.CommuneConfiguration.PeriodKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextSchoolYearTest {

    static Period year(int from) {
        return new Period(PeriodKind.ANNEE_SCOLAIRE, "Année scolaire " + from + "-" + (from + 1), LocalDate.of(from, 9, 1),
                LocalDate.of(from + 1, 7, 3));
    }

    static Period holidays(String label, LocalDate from, LocalDate to) {
        return new Period(PeriodKind.VACANCES, label, from, to);
    }

    @Test
    void theLastYearAndItsHolidaysComeBackFiftyTwoWeeksLaterOnTheSameWeekdays() {
        Period toussaint = holidays("Vacances de la Toussaint", LocalDate.of(2026, 10, 17), LocalDate.of(2026, 11, 1));
        Period noel = holidays("Vacances de Noël 2026", LocalDate.of(2026, 12, 19), LocalDate.of(2027, 1, 3));
        Period lastYear = holidays("Vacances d'été 2026", LocalDate.of(2026, 7, 4), LocalDate.of(2026, 8, 31));
        List<Period> next = NextSchoolYear.after(List.of(year(2025), noel, year(2026), lastYear, toussaint));
        assertEquals(3, next.size(), "the last school year and its own holidays, not the summer before it: " + next);
        assertEquals(new Period(PeriodKind.ANNEE_SCOLAIRE, "Année scolaire 2027-2028", LocalDate.of(2027, 8, 31),
                LocalDate.of(2028, 7, 1)), next.get(0));
        assertEquals("Vacances de la Toussaint", next.get(1).label());
        assertEquals(LocalDate.of(2027, 10, 16), next.get(1).start());
        assertEquals(DayOfWeek.SATURDAY, next.get(1).start().getDayOfWeek(), "a holiday still starts on a Saturday");
        assertEquals("Vacances de Noël 2027", next.get(2).label());
        assertEquals(LocalDate.of(2028, 1, 2), next.get(2).end());
    }

    @Test
    void nothingToDraftWithoutACompleteSchoolYear() {
        assertTrue(NextSchoolYear.after(List.of()).isEmpty());
        assertTrue(NextSchoolYear.after(List.of(new Period(PeriodKind.ANNEE_SCOLAIRE, "À saisir", null, null),
                holidays("Noël", LocalDate.of(2026, 12, 19), LocalDate.of(2027, 1, 3)))).isEmpty());
        assertEquals("Accueil 2030 – 2031, salle 12", NextSchoolYear.nextYears("Accueil 2029 – 2030, salle 12"));
    }
}
