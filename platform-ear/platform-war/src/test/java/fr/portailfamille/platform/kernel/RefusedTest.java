package fr.portailfamille.platform.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The refusal-reason rule, the one every agent decision follows (files, change requests, registrations, bookings). */
class RefusedTest {

    @Test
    void aRefusalNeedsAReasonSentToTheFamily() {
        for (String none : new String[] {null, "", "   "}) {
            Refused e = assertThrows(Refused.class, () -> Refused.decisionReason(false, none));
            assertEquals("reason", e.field());
            assertEquals("Indiquez le motif du refus : il est envoyé à la famille.", e.getMessage());
        }
        assertEquals("Pièce manquante", Refused.decisionReason(false, "  Pièce manquante "));
    }

    @Test
    void anAcceptanceNeedsNoneAndAReasonHasAtMost500Characters() {
        assertNull(Refused.decisionReason(true, " "));
        assertEquals("x".repeat(500), Refused.decisionReason(false, "x".repeat(500)));
        Refused e = assertThrows(Refused.class, () -> Refused.decisionReason(false, "x".repeat(501)));
        assertEquals("Le motif ne doit pas dépasser 500 caractères.", e.getMessage());
        assertEquals("reason", e.field());
    }
}
