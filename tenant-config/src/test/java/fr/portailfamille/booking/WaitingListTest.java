package fr.portailfamille.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaitingListTest {

    record Waiting(long id, String child) {
    }

    @Test
    void theOldestRequestIsServedFirst() {
        List<Waiting> list = List.of(new Waiting(42, "Zoé"), new Waiting(17, "Léa"), new Waiting(30, "Hugo"));
        assertEquals("Léa", WaitingList.next(list, Waiting::id).orElseThrow().child());
        assertEquals(Optional.empty(), WaitingList.next(List.<Waiting>of(), Waiting::id));
    }

    @Test
    void aFreedSeatWithNobodyWaitingIsFreeAgain() {
        WaitingList.Release r = WaitingList.release(3, 3, false, false, false);
        assertEquals(2, r.booked());
        assertFalse(r.promotes());
        assertNull(r.promotedTo());
        assertFalse(r.familyTold());
    }

    @Test
    void aFreedSeatGoesToTheFirstWaitingChildBookedAndTold() {
        WaitingList.Release r = WaitingList.release(3, 3, true, false, false);
        assertEquals(3, r.booked(), "the seat changes hands, the count stays");
        assertEquals(BookingStatus.BOOKED, r.promotedTo());
        assertTrue(r.familyTold());
    }

    @Test
    void underValidationThePromotedChildAwaitsTheAgentWithItsSeatHeld() {
        WaitingList.Release r = WaitingList.release(1, 3, true, true, false);
        assertEquals(1, r.booked());
        assertEquals(BookingStatus.PENDING_VALIDATION, r.promotedTo());
        assertFalse(r.familyTold(), "the family hears of it when an agent decides");
    }

    @Test
    void noSeatNoRelease() {
        assertThrows(IllegalArgumentException.class, () -> WaitingList.release(0, 3, true, false, false));
    }

    @Test
    void aSeatGivenUpOnceTheUnitHasStartedIsOnlyFreed() {
        // a parent cancelling at 17:00 today's morning unit: nobody is booked (and billed) for what is over
        WaitingList.Release r = WaitingList.release(3, 3, true, false, true);
        assertEquals(2, r.booked());
        assertFalse(r.promotes());
        assertFalse(r.familyTold());
    }

    @Test
    void aUnitWhoseCapacityWasLoweredBelowItsSeatsOnlyFreesThemUntilItIsBackWithin() {
        // 10 taken of a capacity lowered to 8 (two staff away): the 9th and 10th seats given up are only freed
        WaitingList.Release r = WaitingList.release(10, 8, true, false, false);
        assertEquals(9, r.booked());
        assertFalse(r.promotes());
        assertEquals(8, WaitingList.release(9, 8, true, false, false).booked());
        // back within it: the next seat given up goes to the list again
        WaitingList.Release within = WaitingList.release(8, 8, true, false, false);
        assertEquals(8, within.booked());
        assertEquals(BookingStatus.BOOKED, within.promotedTo());
    }

    @Test
    void seatsFilledAtOnceGoInOrderOrToWholeFamiliesWhenSiblingsGoTogether() {
        // waiting in this order: a twin of family 1, a child of family 2, the other twin of family 1, a child of family 3
        record W(String name, long family) {
        }
        List<W> waiting = List.of(new W("Léa", 1), new W("Hugo", 2), new W("Lou", 1), new W("Max", 3));
        assertEquals(List.of(waiting.get(0)), WaitingList.served(waiting, 1, false, W::family), "in order");
        assertEquals(List.of(waiting.get(1)), WaitingList.served(waiting, 1, true, W::family),
                "one seat: the twins together or neither, the next family served");
        assertEquals(List.of(waiting.get(0), waiting.get(2)), WaitingList.served(waiting, 2, true, W::family));
        assertEquals(List.of(waiting.get(0), waiting.get(2), waiting.get(1)), WaitingList.served(waiting, 3, true, W::family));
        assertEquals(waiting, WaitingList.served(waiting, 9, false, W::family));
        assertEquals(List.of(), WaitingList.served(waiting, 0, true, W::family));
    }
}
