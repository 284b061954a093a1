package fr.portailfamille.platform.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.FamilyFacts;
import fr.portailfamille.billing.QfSource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionEstimateTest {

    static final FamilyFacts T2 = new FamilyFacts(451, LocalDate.of(2026, 6, 1), QfSource.CAF, null, true);

    static SelectionEstimate.Item item(String key, int day, boolean late) {
        return new SelectionEstimate.Item(key, "CANTINE", "MIDI", LocalDate.of(2026, 12, day), late);
    }

    @Test
    void eachBookingIsPricedByTheInvoicesRulesTheLateSurchargeApart() {
        SelectionEstimate e = SelectionEstimate.of(TariffSheetTest.SETTINGS, List.of(TariffSheetTest.CANTINE), T2, m -> 1,
                List.of(item("a", 7, false), item("b", 8, true)));
        assertEquals(new SelectionEstimate.Line("a", 220L, 0, "Tranche T2", "T2", false), e.line("a"));
        // 2,20 € + 20 % = 2,64 €
        assertEquals(264L, e.line("b").priceCents());
        assertEquals(44L, e.line("b").surchargeCents());
        assertTrue(e.line("b").label().contains("Majoration hors délai +20"), e.line("b").label());
        assertEquals(484L, e.getTotalCents());
        assertEquals(44L, e.getSurchargeCents());
        assertFalse(e.isIncomplete());
        assertNull(e.line("not selected"));
    }

    @Test
    void theSecondChildOfTheMonthGetsTheSiblingReduction() {
        // December: 2nd child (−10 %): 2,20 € → 1,98 €; January: the only child of the month
        SelectionEstimate e = SelectionEstimate.of(TariffSheetTest.SETTINGS, List.of(TariffSheetTest.CANTINE), T2,
                SelectionEstimate.ranks(Map.of(YearMonth.of(2026, 12), 2)),
                List.of(item("dec", 7, false), new SelectionEstimate.Item("jan", "CANTINE", "MIDI", LocalDate.of(2027, 1, 5), false)));
        assertEquals(198L, e.line("dec").priceCents());
        assertEquals(220L, e.line("jan").priceCents());
        assertEquals(418L, e.getTotalCents());
    }

    @Test
    void aDayForTheWaitingListIsPricedButLeftOutOfTheTotal() {
        // the 8th would go on the waiting list (late too): billed only if a seat frees, so told apart from the total
        SelectionEstimate e = SelectionEstimate.of(TariffSheetTest.SETTINGS, List.of(TariffSheetTest.CANTINE), T2, m -> 1,
                List.of(item("a", 7, false), new SelectionEstimate.Item("b", "CANTINE", "MIDI", LocalDate.of(2026, 12, 8), true, true)));
        assertTrue(e.line("b").waiting());
        assertEquals(264L, e.line("b").priceCents());
        assertEquals(220L, e.getTotalCents());
        assertEquals(0L, e.getSurchargeCents());
        assertEquals(264L, e.getWaitingCents());
        assertFalse(e.isIncomplete());
    }

    @Test
    void paidByAPorteMonnaieTheWaitingDayIsTakenNowAndWhatTheBalanceLacksIsSaid() {
        SelectionEstimate invoiced = SelectionEstimate.of(TariffSheetTest.SETTINGS, List.of(TariffSheetTest.CANTINE), T2,
                m -> 1, List.of(item("a", 7, false), new SelectionEstimate.Item("b", "CANTINE", "MIDI",
                        LocalDate.of(2026, 12, 8), true, true)));
        assertFalse(invoiced.isPrepaid());
        assertTrue(invoiced.isWalletActive());
        assertEquals(0L, invoiced.getShortfallCents());
        // 3,00 € above the floor: the 2,20 € day and the 2,64 € waiting day (held at « Confirmer ») need 4,84 €
        SelectionEstimate wallet = invoiced.paidFrom(new SelectionEstimate.Prepaid("Régie cantine", true, 300));
        assertTrue(wallet.isPrepaid());
        assertEquals(484L, wallet.getTotalCents());
        assertEquals(44L, wallet.getSurchargeCents());
        assertEquals(264L, wallet.getWaitingCents());
        assertEquals(184L, wallet.getShortfallCents());
        assertEquals(0L, invoiced.paidFrom(new SelectionEstimate.Prepaid("Régie cantine", true, 484)).getShortfallCents());
        // below its floor already: the whole total lacks; not activated: said apart (every day refused)
        assertEquals(484L, invoiced.paidFrom(new SelectionEstimate.Prepaid("Régie cantine", true, -50)).getShortfallCents());
        SelectionEstimate off = invoiced.paidFrom(new SelectionEstimate.Prepaid("Régie cantine", false, 0));
        assertFalse(off.isWalletActive());
        assertEquals("Régie cantine", off.getWalletLabel());
    }

    @Test
    void aDayWithoutTariffIsSaidAndLeftOutOfTheTotal() {
        SelectionEstimate e = SelectionEstimate.of(TariffSheetTest.SETTINGS, List.of(TariffSheetTest.CANTINE), T2, m -> 1,
                List.of(item("a", 7, false), new SelectionEstimate.Item("old", "CANTINE", "MIDI", LocalDate.of(2026, 8, 31), false)));
        assertNull(e.line("old").priceCents());
        assertEquals("Tarif non communiqué", e.line("old").label());
        assertTrue(e.isIncomplete());
        assertEquals(220L, e.getTotalCents());
    }

    @Test
    void withoutQfTheMaximumTariffIsTheEstimate() {
        SelectionEstimate e = SelectionEstimate.of(TariffSheetTest.SETTINGS, List.of(TariffSheetTest.CANTINE),
                new FamilyFacts(null, null, null, null, true), m -> 1, List.of(item("a", 7, true)));
        // 4,50 € + 20 % = 5,40 €
        assertEquals(540L, e.line("a").priceCents());
        assertEquals(90L, e.line("a").surchargeCents());
    }
}
