package fr.portailfamille.platform.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.booking.BookingDecision;
import fr.portailfamille.platform.kernel.Refused;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The booking services' texts: French as they always read, English on an English page. */
class BookingTextsTest {

    @Test
    void theTypicalWeeksSummaryCountsInEitherLanguage() {
        TypicalWeekResult result = new TypicalWeekResult();
        for (int i = 0; i < 8; i++) {
            result.count(BookingDecision.Outcome.ACCEPTED);
        }
        result.count(BookingDecision.Outcome.WAITING_LIST);
        result.count(BookingDecision.Outcome.WAITING_LIST);
        result.count(BookingDecision.Outcome.REFUSED);
        result.count((BookingDecision.Outcome) null);
        assertEquals("8 réservations enregistrées, 2 en liste d'attente, 1 journée refusée (fermée ou hors délai),"
                + " 1 déjà réservée.", result.summary().french());
        assertEquals("8 bookings recorded, 2 on the waiting list, 1 day refused (closed or too late), 1 already booked.",
                result.summary().in(Locale.ENGLISH));
        assertEquals("Aucune journée dans cette période.", new TypicalWeekResult().summary().french());
        TypicalWeekResult many = new TypicalWeekResult();
        for (int i = 0; i < 1200; i++) {
            many.count(BookingDecision.Outcome.PENDING_VALIDATION);
        }
        assertEquals("1200 en attente de validation.", many.summary().french(), "no thousands separator");
    }

    @Test
    void aDayAskedForByRequestSaysWhereToAskInEitherLanguage() {
        LocalDate from = LocalDate.of(2027, 7, 6);
        LocalDate to = LocalDate.of(2027, 7, 31);
        LocalDateTime opens = LocalDateTime.of(2027, 5, 3, 8, 30);
        LocalDateTime closes = LocalDateTime.of(2027, 5, 10, 18, 0);
        WindowSpan open = new WindowSpan(1, from, to, opens, closes, false, opens.plusDays(1));
        assertEquals("Les places du 06/07/2027 au 31/07/2027 sont attribuées sur demande, pas au premier arrivé — fenêtre"
                + " ouverte jusqu'au 10/05/2027 à 18h00 : faites votre demande dans « Ma demande ».", open.refusal().french());
        assertEquals("Seats from 06/07/2027 to 31/07/2027 are allocated on request, not first come, first served — window"
                + " open until 10/05/2027 at 18:00: make your request in \"My request\".", open.refusal().in(Locale.ENGLISH));
        assertEquals("Les places du 06/07/2027 au 31/07/2027 sont attribuées sur demande, pas au premier arrivé : les"
                + " demandes ouvrent le 03/05/2027 à 08h30 (« Ma demande »).",
                new WindowSpan(1, from, to, opens, closes, false, opens.minusDays(1)).refusal().french());
        assertEquals("Les places du 06/07/2027 au 31/07/2027 sont attribuées sur demande, pas au premier arrivé : les"
                + " demandes sont closes, le résultat sera publié dans « Ma demande ».",
                new WindowSpan(1, from, to, opens, closes, true, opens.plusDays(1)).refusal().french());
    }

    @Test
    void anOutcomeKeepsItsFrenchForTheApiAndIsReadInThePagesLanguage() {
        ChangeOutcome outcome = new ChangeOutcome(LocalDate.of(2027, 1, 4), "Midi", false, false,
                Refused.text("booking.outcome.alreadyBooked"));
        assertEquals("Déjà réservé.", outcome.getMessage());
        ChangeOutcome shown = outcome.readBy(text -> text.in(Locale.ENGLISH));
        assertEquals("Already booked.", shown.getMessage());
        assertEquals("Déjà réservé.", shown.getText().french());
        assertEquals("Midi", shown.getUnitLabel());
    }

    @Test
    void theExportsRefusalsReadInEnglishAndTheAgentsOnlyOneIsKnown() {
        Refused tooLong = assertThrows(Refused.class,
                () -> OccupancyQueries.requirePeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 6, 1)));
        assertEquals("La période ne peut dépasser 400 jours.", tooLong.getMessage());
        assertEquals("The period cannot be longer than 400 days.", tooLong.text().in(Locale.ENGLISH));
        assertEquals("au", tooLong.field());
        Refused agentsOnly = new Refused(Refused.text(OccupancyQueries.AGENTS_ONLY));
        assertEquals("Réservé aux agents de la commune.", agentsOnly.getMessage());
        assertTrue(OccupancyQueries.isAgentsOnly(agentsOnly));
        assertFalse(OccupancyQueries.isAgentsOnly(tooLong));
    }

    @Test
    void aRefusalNamingTheChildAndTheActivityReadsInEnglish() {
        Refused refused = new BookingRefused(Refused.text("booking.registrationRequired", "Léa", "Centre d'été"));
        assertEquals("Léa doit être inscrit(e) à « Centre d'été » (inscription validée par le service enfance) avant de"
                + " réserver.", refused.getMessage());
        assertEquals("Léa must be registered for \"Centre d'été\" (registration approved by the children's services) before"
                + " booking.", refused.text().in(Locale.ENGLISH));
    }

    @Test
    void theNightlyCloseReasonsAreWordsOfEitherLanguageAndAnAgentsOwnStayAsTyped() {
        java.util.ResourceBundle en = java.util.ResourceBundle.getBundle("fr.portailfamille.platform.web.messages", Locale.ENGLISH);
        java.util.ResourceBundle fr = java.util.ResourceBundle.getBundle("fr.portailfamille.platform.web.messages", Locale.FRENCH);
        assertEquals("No place became free before that day.", en.getString(ExpiredRequests.wordOf(ExpiredRequests.NO_SEAT)));
        assertEquals("The service did not approve the request before that day.",
                en.getString(ExpiredRequests.wordOf(ExpiredRequests.NOT_DECIDED)));
        // the French page reads what the job stored, word for word
        assertEquals(ExpiredRequests.NO_SEAT, fr.getString(ExpiredRequests.wordOf(ExpiredRequests.NO_SEAT)));
        assertEquals(ExpiredRequests.NOT_DECIDED, fr.getString(ExpiredRequests.wordOf(ExpiredRequests.NOT_DECIDED)));
        assertEquals(null, ExpiredRequests.wordOf("Plus de place le mercredi."));
        assertEquals(null, ExpiredRequests.wordOf(null));
    }

    @Test
    void aClosuresReasonIsWordsOfEitherLanguageWithTheCommunesLabelAsTyped() {
        java.util.ResourceBundle en = java.util.ResourceBundle.getBundle("fr.portailfamille.platform.web.messages", Locale.ENGLISH);
        java.util.ResourceBundle fr = java.util.ResourceBundle.getBundle("fr.portailfamille.platform.web.messages", Locale.FRENCH);
        assertEquals("Closed : Grève", ClosedDays.inWords(ClosedDays.reason("Grève"), en::getString));
        assertEquals("Accueil fermé : Grève", ClosedDays.inWords(ClosedDays.reason("Grève"), fr::getString));
        assertEquals("Closed", ClosedDays.inWords(ClosedDays.reason(null), en::getString));
        assertEquals("The service no longer runs that day (calendar changed)",
                ClosedDays.inWords(ClosedDays.reason(ClosedDays.NO_LONGER_RUNS), en::getString));
        assertEquals(ClosedDays.reason(ClosedDays.NO_LONGER_RUNS),
                ClosedDays.inWords(ClosedDays.reason(ClosedDays.NO_LONGER_RUNS), fr::getString), "French as stored");
        assertEquals("No place became free before that day.", ClosedDays.inWords(ExpiredRequests.NO_SEAT, en::getString));
        assertEquals("Plus de place le mercredi.", ClosedDays.inWords("Plus de place le mercredi.", en::getString),
                "an agent's reason as written");
        assertEquals(null, ClosedDays.inWords(null, en::getString));
    }
}
