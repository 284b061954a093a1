package fr.portailfamille.platform.booking.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.problems.Bilingual;
import fr.portailfamille.problems.Problems;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Ma demande's words for a published day the child holds since: given by the waiting list, or booked by the family. */
class SincePublishedTest {

    static AllocationLine line(boolean placed, int waitingRank, String words) {
        return new AllocationLine(1, "Martin", "Léa", LocalDate.of(2027, 7, 5), "Journée", placed, waitingRank,
                Bilingual.of(Problems.of(words)), false);
    }

    @Test
    void aChildLeftWaitingIsSaidPromotedByTheWaitingList() {
        String words = WindowRequests.sincePublished(line(false, 2, "booking.outcome.notPlaced"), "BOOKED").french();
        assertTrue(words.startsWith("place obtenue depuis la publication"), words);
        assertTrue(words.contains("liste d'attente"), words);
        assertTrue(WindowRequests.sincePublished(line(false, 1, "booking.outcome.notPlaced"), "PENDING_VALIDATION")
                .french().contains("validation"));
    }

    @Test
    void aChildNotWaitingWhoseFamilyBookedAFreedSeatIsNotSaidFromTheWaitingList() {
        String words = WindowRequests.sincePublished(line(false, 0, "booking.outcome.notPlaced"), "BOOKED").french();
        assertTrue(words.startsWith("place réservée depuis la publication"), words);
        assertTrue(!words.contains("liste d'attente"), words);
        String toValidate = WindowRequests.sincePublished(line(false, 0, "booking.outcome.notPlaced"),
                "PENDING_VALIDATION").english();
        assertTrue(toValidate.contains("My planning") && toValidate.contains("validation"), toValidate);
    }

    @Test
    void eachResultHasAStableCodeForTheFamiliesApplications() {
        AllocationLine placed = line(true, 0, "booking.outcome.notPlaced");
        assertEquals("PLACE", WindowRequests.code(placed, placed.getWords()));
        AllocationLine waiting = line(false, 3, "booking.outcome.notPlaced");
        assertEquals("LISTE_ATTENTE", WindowRequests.code(waiting, waiting.getWords()));
        assertEquals("PLACE_DEPUIS", WindowRequests.code(waiting, WindowRequests.sincePublished(waiting, "BOOKED")));
        AllocationLine refused = line(false, 0, "booking.outcome.notPlaced");
        assertEquals("NON_RETENU", WindowRequests.code(refused, refused.getWords()));
        assertEquals("NON_RETENU", WindowRequests.code(null, null));
    }

    @Test
    void aDayGivenAtThePublicationOrNoLongerBookedKeepsTheAllocationsWords() {
        AllocationLine placed = line(true, 0, "booking.outcome.notPlaced");
        assertEquals(placed.getWords(), WindowRequests.sincePublished(placed, "BOOKED"));
        AllocationLine waiting = line(false, 3, "booking.outcome.notPlaced");
        assertEquals(waiting.getWords(), WindowRequests.sincePublished(waiting, "CANCELLED"));
        assertEquals(waiting.getWords(), WindowRequests.sincePublished(waiting, null));
    }
}
