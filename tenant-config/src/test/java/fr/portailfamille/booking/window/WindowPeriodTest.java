package fr.portailfamille.booking.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class WindowPeriodTest {

    final WindowPeriod window = new WindowPeriod(LocalDateTime.of(2027, 5, 3, 8, 30), LocalDateTime.of(2027, 5, 10, 18, 0));

    @Test
    void requestsAreTakenFromTheOpeningIncludedToTheClosingExcluded() {
        assertFalse(window.takes(LocalDateTime.of(2027, 5, 3, 8, 29, 59)));
        assertTrue(window.takes(LocalDateTime.of(2027, 5, 3, 8, 30)));
        assertTrue(window.takes(LocalDateTime.of(2027, 5, 10, 17, 59, 59)));
        assertFalse(window.takes(LocalDateTime.of(2027, 5, 10, 18, 0)));
        assertTrue(window.over(LocalDateTime.of(2027, 5, 10, 18, 0)));
    }

    @Test
    void refusalsSayWhenInFrench() {
        assertEquals("Les demandes ne sont pas encore ouvertes : elles ouvrent le lundi 3 mai 2027 à 08h30.",
                window.requestRefusal(LocalDateTime.of(2027, 5, 1, 0, 0)).orElseThrow().french());
        assertEquals("Les demandes sont closes depuis le lundi 10 mai 2027 à 18h00.",
                window.requestRefusal(LocalDateTime.of(2027, 5, 11, 0, 0)).orElseThrow().french());
        assertTrue(window.requestRefusal(LocalDateTime.of(2027, 5, 4, 0, 0)).isEmpty());
        assertEquals("La fermeture des demandes doit suivre leur ouverture.",
                WindowPeriod.refusal(window.closesAt(), window.opensAt()).orElseThrow().french());
        assertTrue(WindowPeriod.refusal(null, window.closesAt()).isPresent());
    }

    @Test
    void refusalsReadInEnglishWithTheDateAsEnglishWritesIt() {
        assertEquals("Requests have been closed since Monday 10 May 2027 at 18:00.",
                window.requestRefusal(LocalDateTime.of(2027, 5, 11, 0, 0)).orElseThrow().in(java.util.Locale.ENGLISH));
        assertEquals("Indiquez l'ouverture et la fermeture des demandes.",
                WindowPeriod.refusal(null, window.closesAt()).orElseThrow().french());
        assertEquals("Give the opening and the closing of requests.",
                WindowPeriod.refusal(null, null).orElseThrow().in(java.util.Locale.ENGLISH));
    }
}
