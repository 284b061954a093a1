package fr.portailfamille.platform.billing.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.QfBracket;
import java.util.List;
import org.junit.jupiter.api.Test;

class CafSummaryTest {

    static final BillingSettings SETTINGS = new BillingSettings(12, List.of(), List.of(new QfBracket("T1", "Tranche 1", 0, 450),
            new QfBracket("T2", "Tranche 2", 451, 700), new QfBracket("T3", "Tranche 3", 701, null)));

    @Test
    void perActivityAndBracketDistinctChildrenUnitDaysAndAmountsWithTotals() {
        List<CafSummary.Line> lines = List.of(
                // Léa (1) in T2 on two lines (normal and surcharged price): one child, 4 days
                new CafSummary.Line("CANTINE", "T2", 1L, "Léa", 3, 660),
                new CafSummary.Line("CANTINE", "T2", 1L, "Léa", 1, 264),
                new CafSummary.Line("CANTINE", "T1", 2L, "Tom", 2, 200),
                // no bracket: maximum tariff, and a child deleted since (counted by name)
                new CafSummary.Line("CANTINE", null, 3L, "Max", 3, 1350),
                new CafSummary.Line("CANTINE", null, null, "Noé", 1, 549),
                // Léa also at the garderie: counted once in the grand total
                new CafSummary.Line("GARDERIE", "T2", 1L, "Léa", 5, 1000));
        List<CafSummary.Row> rows = CafSummary.of(lines, SETTINGS);
        assertEquals(7, rows.size(), rows.toString());
        // brackets in the commune's order, "sans QF" last, then the activity's total
        assertEquals(new CafSummary.Row("CANTINE", "T1", "T1 – Tranche 1 (QF de 0 à 450)", false, 1, 2, 200), rows.get(0));
        assertEquals(new CafSummary.Row("CANTINE", "T2", "T2 – Tranche 2 (QF de 451 à 700)", false, 1, 4, 924), rows.get(1));
        assertEquals(new CafSummary.Row("CANTINE", null, "sans QF / tarif maximum", false, 2, 4, 1899), rows.get(2));
        assertEquals(new CafSummary.Row("CANTINE", null, "Total CANTINE", true, 4, 10, 3023), rows.get(3));
        assertEquals(new CafSummary.Row("GARDERIE", "T2", "T2 – Tranche 2 (QF de 451 à 700)", false, 1, 5, 1000), rows.get(4));
        assertEquals(new CafSummary.Row("GARDERIE", null, "Total GARDERIE", true, 1, 5, 1000), rows.get(5));
        assertEquals(new CafSummary.Row(null, null, "Total général", true, 4, 15, 4023), rows.get(6));
    }

    @Test
    void aBracketTheCommuneNoLongerHasIsShownByItsCodeAfterTheKnownOnes() {
        List<CafSummary.Row> rows = CafSummary.of(List.of(new CafSummary.Line("A", "OLD", 1L, "x", 1, 100),
                new CafSummary.Line("A", "T3", 2L, "y", 1, 300)), SETTINGS);
        assertEquals("T3 – Tranche 3 (QF à partir de 701)", rows.get(0).bracketLabel());
        assertEquals("OLD", rows.get(1).bracketLabel());
    }

    @Test
    void noLineGivesAGrandTotalOfZero() {
        assertEquals(List.of(new CafSummary.Row(null, null, "Total général", true, 0, 0, 0)), CafSummary.of(List.of(), SETTINGS));
    }
}
