package fr.portailfamille.platform.booking.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.platform.booking.PlannedChange;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanningSelectionTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 9, 8);

    @Test
    void aTapSelectsASecondTapUnselects() {
        PlanningSelection s = new PlanningSelection();
        s.toggle(12, TUESDAY, null, "Midi");
        assertTrue(s.contains(12, TUESDAY));
        assertFalse(s.contains(13, TUESDAY), "another unit of the same day stays free");
        assertEquals(1, s.size());
        s.toggle(12, TUESDAY, null, "Midi");
        assertFalse(s.contains(12, TUESDAY));
        assertTrue(s.isEmpty());
    }

    @Test
    void aBookedUnitDayIsSelectedAsACancellationAndSortedByDayThenUnit() {
        PlanningSelection s = new PlanningSelection();
        s.toggle(13, TUESDAY.plusDays(1), null, "Soir");
        s.toggle(12, TUESDAY, 99L, "Midi");
        s.toggle(11, TUESDAY.plusDays(1), null, "Matin");
        List<PlannedChange> sorted = s.sorted();
        assertEquals(List.of("12|" + TUESDAY, "11|" + TUESDAY.plusDays(1), "13|" + TUESDAY.plusDays(1)),
                sorted.stream().map(PlannedChange::getKey).toList());
        assertTrue(sorted.get(0).isCancellation());
        assertEquals(TUESDAY.plusDays(1), s.firstBooking(), "a cancellation is not copied");
    }

    @Test
    void copyRepeatsBookingsOnTheSameWeekdayUpToTheDateButNotCancellations() {
        PlanningSelection s = new PlanningSelection();
        s.toggle(12, TUESDAY, null, "Midi");
        s.toggle(12, TUESDAY.plusWeeks(1), null, "Midi");
        s.toggle(14, TUESDAY.plusDays(1), 7L, "Soir");
        assertNull(s.copyRefusal(TUESDAY.plusWeeks(3)));
        assertEquals(2, s.copyUntil(TUESDAY.plusWeeks(3).plusDays(1)), "weeks 3 and 4; week 2 already selected");
        assertTrue(s.contains(12, TUESDAY.plusWeeks(3)));
        assertFalse(s.contains(14, TUESDAY.plusDays(8)), "cancellations are not copied");
        assertEquals(5, s.size());
    }

    @Test
    void theCopiesAreProposedFirstThenAddedAsKept() {
        PlanningSelection s = new PlanningSelection();
        s.toggle(12, TUESDAY, null, "Midi");
        s.toggle(11, TUESDAY, null, "Matin");
        List<PlannedChange> copies = s.copies(TUESDAY.plusWeeks(2));
        assertEquals(List.of("11|" + TUESDAY.plusWeeks(1), "12|" + TUESDAY.plusWeeks(1), "11|" + TUESDAY.plusWeeks(2),
                "12|" + TUESDAY.plusWeeks(2)), copies.stream().map(PlannedChange::getKey).toList());
        assertEquals(2, s.size(), "nothing added yet");
        assertEquals(3, s.add(copies.subList(1, 4)), "what the planning keeps (here: not the first)");
        assertEquals(0, s.add(copies.subList(1, 2)), "once");
        assertFalse(s.contains(11, TUESDAY.plusWeeks(1)));
        assertEquals(400, PlanningSelection.MAX);
    }

    @Test
    void aSemaineTypeThatBookedSelectedDaysTakesThemOutOfTheSelection() {
        PlanningSelection s = new PlanningSelection();
        s.toggle(12, TUESDAY, null, "Midi");
        s.toggle(11, TUESDAY, null, "Matin");
        s.toggle(14, TUESDAY.plusDays(1), 7L, "Soir");
        assertEquals(List.of("11|" + TUESDAY, "12|" + TUESDAY), s.bookings().stream().map(PlannedChange::getKey).toList());
        // the planning keeps Matin only (Midi is now booked): Midi goes, the cancellation stays
        assertEquals(1, s.keepBookings(List.of(new PlannedChange(11, TUESDAY, null, "Matin"))));
        assertTrue(s.contains(11, TUESDAY) && !s.contains(12, TUESDAY) && s.contains(14, TUESDAY.plusDays(1)));
    }

    @Test
    void copyIsRefusedWithoutABookingOrWithADateOutOfRange() {
        PlanningSelection s = new PlanningSelection();
        assertEquals(PlanningSelection.CopyRefusal.NOTHING_TO_COPY, s.copyRefusal(TUESDAY.plusWeeks(2)));
        s.toggle(14, TUESDAY, 7L, "Soir");
        assertEquals(PlanningSelection.CopyRefusal.NOTHING_TO_COPY, s.copyRefusal(TUESDAY.plusWeeks(2)));
        s.toggle(12, TUESDAY, null, "Midi");
        assertEquals(PlanningSelection.CopyRefusal.BAD_DATE, s.copyRefusal(null));
        assertEquals(PlanningSelection.CopyRefusal.BAD_DATE, s.copyRefusal(TUESDAY));
        assertEquals(PlanningSelection.CopyRefusal.BAD_DATE, s.copyRefusal(TUESDAY.plusYears(1).plusDays(1)));
        assertNull(s.copyRefusal(TUESDAY.plusYears(1)));
    }
}
