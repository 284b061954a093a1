package fr.portailfamille.platform.booking.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The ids of Mon planning's grid: those the three repeats gave, read back only when the grid wrote them. */
class PlanningGridComponentTest {

    @Test
    void aBoxIdIsTheRepeatsOne() {
        assertEquals("planning:w:2:d:3:u:0:cell", PlanningGridComponent.boxId("planning:w", ':', 2, 3, 0));
        assertEquals("planning:w:2:d:3:u:0:toggle", PlanningCellComponent.toggleOf("planning:w:2:d:3:u:0:cell"));
    }

    @Test
    void theIndexesOfABoxAreReadBack() {
        assertArrayEquals(new int[] {2, 3, 0}, PlanningGridComponent.indexes("planning:w", ':', "planning:w:2:d:3:u:0:cell"));
        assertArrayEquals(new int[] {10, 6, 12}, PlanningGridComponent.indexes("planning:w", ':', "planning:w:10:d:6:u:12:cell"));
    }

    @Test
    void anyOtherIdIsNoCellOfTheGrid() {
        for (String id : new String[] {"planning:w", "planning:w:", "planning:details", "planning:w:2:d:3:u:0:toggle",
                "planning:w:2:d:3:u:0", "planning:w:2:d:3:u:0:cell:x", "planning:w:-1:d:3:u:0:cell", "planning:w:02:d:3:u:0:cell",
                "planning:w:2:x:3:u:0:cell", "planning:w:a:d:3:u:0:cell", "other:w:2:d:3:u:0:cell", "planning:w:+2:d:3:u:0:cell",
                "planning:w:99999999999:d:3:u:0:cell"}) {
            assertNull(PlanningGridComponent.indexes("planning:w", ':', id), id);
        }
    }
}
