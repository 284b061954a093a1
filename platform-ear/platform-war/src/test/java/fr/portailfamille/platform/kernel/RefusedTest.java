package fr.portailfamille.platform.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The refusal-reason rule, the one every agent decision follows (files, change requests, registrations, bookings). */
class RefusedTest {

    @Test
    void aRefusalNeedsAReasonSentToTheFamily() {
        for (String none : new String[] {null, "", "   "}) {
            Refused e = assertThrows(Refused.class, () -> Refused.decisionReason(false, none));
            assertEquals("reason", e.field());
            assertEquals("Indiquez le motif du refus : il est envoyé à la famille.", e.getMessage());
            assertEquals("Give the reason for the refusal: it is sent to the family.", e.text().in(Locale.ENGLISH));
        }
        assertEquals("Pièce manquante", Refused.decisionReason(false, "  Pièce manquante "));
    }

    @Test
    void anAcceptanceNeedsNoneAndAReasonHasAtMost500Characters() {
        assertNull(Refused.decisionReason(true, " "));
        assertEquals("x".repeat(500), Refused.decisionReason(false, "x".repeat(500)));
        Refused e = assertThrows(Refused.class, () -> Refused.decisionReason(false, "x".repeat(501)));
        assertEquals("Le motif ne doit pas dépasser 500 caractères.", e.getMessage());
        assertEquals("The reason must not be longer than 500 characters.", e.text().in(Locale.ENGLISH));
        assertEquals("reason", e.field());
    }

    @Test
    void aRefusalWrittenAsAStringReadsTheSameInEveryLanguage() {
        Refused e = new Refused("x", "Déjà décidé.");
        assertEquals("Déjà décidé.", e.getMessage());
        assertEquals("Déjà décidé.", e.text().in(Locale.ENGLISH));
        assertEquals("x", e.field());
    }
}
