package fr.portailfamille.platform.configuration.web.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.configuration.CommuneConfiguration.Activity;
import fr.portailfamille.configuration.CommuneConfiguration.ActivityType;
import fr.portailfamille.configuration.CommuneConfiguration.Closure;
import fr.portailfamille.configuration.CommuneConfiguration.Establishment;
import fr.portailfamille.configuration.CommuneConfiguration.EstablishmentKind;
import fr.portailfamille.configuration.CommuneConfiguration.Period;
import fr.portailfamille.configuration.CommuneConfiguration.PeriodKind;
import fr.portailfamille.configuration.CommuneConfiguration.Unit;
import fr.portailfamille.problems.FieldError;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The form rows give back what they were built from, and what an agent typed. */
class FormRowsTest {

    static final Activity ALSH = new Activity("ALSH", "Centre de loisirs", "Sorties", ActivityType.ALSH_VACANCES, "CENTRE",
            6, 12, List.of("CP"), true, "JO-5@12:00", "J-7@23:59", LatePolicy.SURCHARGED, true,
            List.of("Fiche sanitaire", "Assurance"),
            List.of(new Unit("JOURNEE", "Journée", LocalTime.of(8, 0), LocalTime.of(18, 0), 24, List.of(1, 2, 3, 4, 5))));

    @Test
    void rowsOfSavedValuesGiveThemBack() {
        Period p = new Period(PeriodKind.ANNEE_SCOLAIRE, "2026-2027", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 7, 3));
        assertEquals(p, PeriodRow.of(p).toPeriod());
        Closure c = new Closure(LocalDate.of(2026, 11, 10), "Pont");
        assertEquals(c, ClosureRow.of(c).toClosure());
        Establishment e = new Establishment("FERRY", "École Jules Ferry", EstablishmentKind.ECOLE_MATERNELLE, null);
        assertEquals(e, EstablishmentRow.of(e).toEstablishment());
        assertEquals(ALSH, new ActivityRow(ALSH).edited(ALSH), "an activity saved untouched is unchanged");
        Legend.LegendEntry entry = Legend.defaults().entry(DayState.COMPLET);
        assertEquals(entry, new LegendRow(DayState.COMPLET, entry).toEntry());
    }

    @Test
    void aNewPeriodIsHolidaysAndANewUnitOpensOnSchoolDays() {
        assertEquals(PeriodKind.VACANCES, new PeriodRow().toPeriod().kind());
        assertEquals(List.of(1, 2, 4, 5), new UnitRow().toUnit().weekdays());
        assertEquals(-1, new UnitRow().toUnit().capacity(), "no capacity: refused by the rules with their message");
        assertTrue(new UnitRow().isFresh());
        assertFalse(UnitRow.of(ALSH.units().get(0)).isFresh(), "a saved unit keeps its code");
    }

    @Test
    void whatAnAgentTypesIsCleanedAndTheActivityTypeIsKept() {
        ActivityRow row = new ActivityRow(ALSH);
        row.setLevels(List.of("CM2", "PS"));
        row.setDocuments("Assurance\n\n  Photo ");
        row.setEstablishment(" ");
        row.setDescription("  Sorties au lac  ");
        row.getUnits().add(new UnitRow());
        row.getUnits().get(1).setCode(" apres-midi ");
        row.getUnits().get(1).setStart("13:30");
        Activity a = row.edited(ALSH);
        assertEquals(List.of("PS", "CM2"), a.levels(), "levels in school order");
        assertEquals(List.of("Assurance", "Photo"), a.documents());
        assertEquals(null, a.establishment());
        assertEquals("Sorties au lac", a.description());
        assertEquals(ActivityType.ALSH_VACANCES, a.type());
        assertTrue(a.runsInHolidays());
        assertEquals("APRES-MIDI", a.units().get(1).code());
        assertEquals(LocalTime.of(13, 30), a.units().get(1).start());
    }

    @Test
    void badTimesAreFoundWithTheirPaths() {
        ActivityRow row = new ActivityRow(ALSH);
        row.getUnits().get(0).setStart("25:00");
        row.getUnits().get(0).setEnd("18h");
        assertEquals(List.of(new FieldError("activities[3].units[0].start", "Heure attendue au format hh:mm."),
                new FieldError("activities[3].units[0].end", "Heure attendue au format hh:mm.")), row.timeErrors("activities[3]"));
        // a capacity left empty is asked for, not called « négative » by the rules
        row.getUnits().get(0).setStart("08:00");
        row.getUnits().get(0).setEnd("18:00");
        row.getUnits().get(0).setCapacity(null);
        assertEquals(List.of(new FieldError("activities[3].units[0].capacity", "Indiquez la capacité : le nombre de places de ce"
                + " moment (0 pour n'en offrir aucune).")), row.timeErrors("activities[3]"));
    }

    @Test
    void aNewActivityRunsInHolidaysWhenItsTypeIsHolidayOnly() {
        NewActivityRow n = new NewActivityRow();
        n.setCode(" stage-1 ");
        n.setName("Stage");
        n.setType("SEJOUR");
        n.setUnitCode("jour");
        n.setUnitLabel("Journée");
        n.setCapacity(12);
        Activity a = n.toActivity();
        assertEquals("STAGE-1", a.code());
        assertTrue(a.runsInHolidays());
        assertEquals("J-2@23:59", a.bookingDeadline());
        assertEquals(LatePolicy.REFUSED, a.latePolicy());
        assertEquals(List.of(new Unit("JOUR", "Journée", null, null, 12, List.of(1, 2, 4, 5))), a.units());
        n.setType("SPORT");
        assertFalse(n.toActivity().runsInHolidays());
        assertEquals(Optional.empty(), n.timeError());
        n.setUnitEnd("17h");
        assertEquals(Optional.of(new FieldError("unitEnd", "Heure attendue au format hh:mm.")), n.timeError());
        n.setUnitStart("x");
        assertEquals("unitStart", n.timeError().orElseThrow().field(), "the first bad time");
        n.setUnitStart("08:00");
        n.setUnitEnd("17:00");
        n.setCapacity(null);
        assertEquals("capacity", n.timeError().orElseThrow().field());
    }

    @Test
    void aLegendSampleIsColouredOnlyWithColours() {
        LegendRow row = new LegendRow(DayState.COMPLET, new Legend.LegendEntry("Complet", "#7f1d1d", "#ffffff"));
        assertEquals("background: #7f1d1d; color: #ffffff", row.getStyle());
        row.setBackground("red; background-image: url(x)");
        assertEquals("", row.getStyle());
    }
}
