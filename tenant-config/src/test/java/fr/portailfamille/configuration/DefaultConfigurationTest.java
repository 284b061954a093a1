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
        CommuneConfiguration conf = DefaultConfiguration.get();
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
