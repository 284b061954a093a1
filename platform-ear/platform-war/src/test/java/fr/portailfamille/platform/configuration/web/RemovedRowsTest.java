package fr.portailfamille.platform.configuration.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.problems.Problems;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemovedRowsTest {

    @Test
    void refusedRemovalsComeBackWhereTheyWereInTheirOwnLists() {
        List<String> regies = new ArrayList<>(List.of("AL", "RS", "PERI", "SPORT"));
        List<String> units = new ArrayList<>(List.of("MATIN", "MIDI", "SOIR"));
        RemovedRows<String> removed = new RemovedRows<>();
        // « RS » then « SPORT » (the last row, at 2 once RS is gone), then « MATIN » of another list
        assertEquals("RS", removed.remove(regies, 1));
        assertEquals("SPORT", removed.remove(regies, 2));
        assertEquals("MATIN", removed.remove(units, 0));
        assertEquals(List.of("AL", "PERI"), regies);
        assertEquals(List.of("RS", "SPORT", "MATIN"), removed.rows());

        removed.putBack();
        assertEquals(List.of("AL", "RS", "PERI", "SPORT"), regies);
        assertEquals(List.of("MATIN", "MIDI", "SOIR"), units);
        assertEquals(List.of(), removed.rows(), "put back once");
        removed.putBack();
        assertEquals(4, regies.size());
    }

    @Test
    void aRowAddedAfterARemovalDoesNotMoveItPastTheEnd() {
        List<String> rows = new ArrayList<>(List.of("A", "B", "C"));
        RemovedRows<String> removed = new RemovedRows<>();
        removed.remove(rows, 2);
        rows.remove(0); // a removal of another kind, not put back
        removed.putBack();
        assertEquals(List.of("B", "C"), rows);
    }

    @Test
    void aUnitInUseIsRecognisedByItsActivitysPath() {
        assertTrue(ActivitesView.unitRemovalRefused(List.of(Problems.error("activities[3].units", "configuration.inUse.unit",
                "MIDI", "Cantine", 4))));
        assertFalse(ActivitesView.unitRemovalRefused(List.of(Problems.error("activities", "configuration.inUse.activityBookings",
                "CANTINE", 4))), "an activity's own removal");
        assertFalse(ActivitesView.unitRemovalRefused(List.of(Problems.error("activities[3].units[0].capacity",
                "configuration.inUse.unit", "MIDI", "Cantine", 4))), "a field of a unit");
    }
}
