package fr.portailfamille.platform.family.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A child's age in words, as Mes enfants gives it (French outside a Faces request). */
class ChildAgeTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-05");

    @Test
    void yearsAndMonthsInWords() {
        assertEquals("9 ans et 8 mois", EnfantsView.age(LocalDate.parse("2017-03-20"), TODAY));
        assertEquals("1 an et 1 mois", EnfantsView.age(LocalDate.parse("2025-11-05"), TODAY));
        assertEquals("4 ans", EnfantsView.age(LocalDate.parse("2022-12-05"), TODAY));
        assertEquals("8 mois", EnfantsView.age(LocalDate.parse("2026-04-01"), TODAY));
        assertEquals("0 mois", EnfantsView.age(TODAY.minusDays(3), TODAY));
        assertEquals("", EnfantsView.age(TODAY.plusDays(1), TODAY));
    }
}
