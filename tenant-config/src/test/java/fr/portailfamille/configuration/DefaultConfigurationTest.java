package fr.portailfamille.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.configuration.CommuneConfiguration.ActivityType;
import fr.portailfamille.configuration.CommuneConfiguration.Period;
import fr.portailfamille.configuration.CommuneConfiguration.PeriodKind;
import fr.portailfamille.configuration.CommuneConfiguration.Unit;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a new commune starts with (its validity and import are tested with the rules and the store). */
class DefaultConfigurationTest {

    static final List<String> INSURANCE = List.of("Attestation d'assurance extrascolaire");

    @Test
    void calendarLegendAndCgu() {
        CommuneConfiguration conf = DefaultConfiguration.get(LocalDate.of(2026, 12, 4));
        assertNull(conf.zone());
        assertEquals(Legend.defaults(), conf.legend());
        assertEquals(List.of(new Period(PeriodKind.ANNEE_SCOLAIRE, "Année scolaire 2026-2027", LocalDate.of(2026, 9, 1),
                LocalDate.of(2027, 7, 3))), conf.periods());
        assertEquals(List.of(), conf.establishments());
        assertEquals(List.of(), conf.closures());
        for (String topic : List.of("délai de réservation", "délai d'annulation", "majoration", "certificat médical", "RGPD")) {
            assertTrue(conf.cgu().contains(topic), topic);
        }
    }

    /** A commune created in any year starts with the school year of that day: running, else the next one. */
    @Test
    void theSchoolYearIsTheOneOfTheDay() {
        assertEquals(List.of(new Period(PeriodKind.ANNEE_SCOLAIRE, "Année scolaire 2026-2027", LocalDate.of(2026, 9, 1),
                LocalDate.of(2027, 7, 3))), DefaultConfiguration.get(LocalDate.of(2027, 7, 3)).periods(), "its last day");
        assertEquals(List.of(new Period(PeriodKind.ANNEE_SCOLAIRE, "Année scolaire 2027-2028", LocalDate.of(2027, 9, 1),
                LocalDate.of(2028, 7, 3))), DefaultConfiguration.get(LocalDate.of(2027, 7, 4)).periods(), "the summer after it");
        assertEquals(List.of(new Period(PeriodKind.ANNEE_SCOLAIRE, "Année scolaire 2029-2030", LocalDate.of(2029, 9, 1),
                LocalDate.of(2030, 7, 3))), DefaultConfiguration.get(LocalDate.of(2030, 3, 1)).periods());
        assertEquals(List.of(new Period(PeriodKind.ANNEE_SCOLAIRE, "Année scolaire 2025-2026", LocalDate.of(2025, 9, 1),
                LocalDate.of(2026, 7, 3))), DefaultConfiguration.get(LocalDate.of(2026, 3, 2)).periods(), "a year before");
        // closures and holidays move with it; a calendar without school year stays as it is
        CommuneConfiguration demo = DefaultConfiguration.get(LocalDate.of(2026, 12, 4)).withCalendar(List.of(
                new Period(PeriodKind.ANNEE_SCOLAIRE, "Année scolaire 2026-2027", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 7, 3)),
                new Period(PeriodKind.VACANCES, "Vacances de Noël", LocalDate.of(2026, 12, 19), LocalDate.of(2027, 1, 3))),
                List.of(new CommuneConfiguration.Closure(LocalDate.of(2027, 5, 7), "Pont")));
        CommuneConfiguration moved = demo.inSchoolYearOf(LocalDate.of(2028, 10, 1));
        assertEquals(new Period(PeriodKind.VACANCES, "Vacances de Noël", LocalDate.of(2028, 12, 19), LocalDate.of(2029, 1, 3)),
                moved.periods().get(1));
        assertEquals(List.of(new CommuneConfiguration.Closure(LocalDate.of(2029, 5, 7), "Pont")), moved.closures());
        CommuneConfiguration none = demo.withCalendar(List.of(), demo.closures());
        assertEquals(none, none.inSchoolYearOf(LocalDate.of(2030, 1, 1)));
    }

    @Test
    void threeActivities() {
        assertEquals(List.of(
                new Activity("CANTINE", "Restauration scolaire", null, ActivityType.RESTAURATION, null, 3, 11, List.of(), false,
                        "SEMAINE-THURSDAY@23:59", "J-1@09:00", LatePolicy.REFUSED, false, List.of(),
                        List.of(unit("MIDI", "Midi", 11, 30, 13, 30, 120, 1, 2, 4, 5))),
                new Activity("MERCREDI", "Accueil du mercredi", null, ActivityType.MERCREDI, null, 3, 11, List.of(), false,
                        "JO-5@12:00", "JO-5@12:00", LatePolicy.REFUSED, true, INSURANCE,
                        List.of(unit("JOURNEE", "Journée", 8, 0, 18, 0, 30, 3))),
                new Activity("PERI", "Accueil périscolaire", null, ActivityType.PERISCOLAIRE, null, 3, 11, List.of(), false,
                        "J-2@23:59", "J-2@23:59", LatePolicy.SURCHARGED, false, INSURANCE,
                        List.of(unit("MATIN", "Matin", 7, 30, 8, 30, 40, 1, 2, 4, 5),
                                unit("SOIR", "Soir", 16, 30, 18, 30, 40, 1, 2, 4, 5)))),
                DefaultConfiguration.get().activities());
    }

    private static Unit unit(String code, String label, int h1, int m1, int h2, int m2, int capacity, Integer... days) {
        return new Unit(code, label, LocalTime.of(h1, m1), LocalTime.of(h2, m2), capacity, List.of(days));
    }
}
