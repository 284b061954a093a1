package fr.portailfamille.platform.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.portailfamille.booking.BookingDecision;
import fr.portailfamille.booking.BookingDecision.Outcome;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.problems.Message;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What a semaine type did, said to the family: the days refused with why, each kind of reason once. */
class TypicalWeekResultTest {

    @Test
    void theDaysRefusedAreSaidWithTheirReasonsOnceEach() {
        Message wallet = Refused.text("billing.wallet.none");
        Message unit = Refused.text("booking.unit.unknown");
        TypicalWeekResult r = new TypicalWeekResult();
        r.count(new BookingDecision(Outcome.ACCEPTED, false, "Réservée."));
        r.count(new BookingDecision(Outcome.ACCEPTED, false, "Réservée."));
        for (int i = 0; i < 3; i++) {
            r.count(new BookingDecision(Outcome.REFUSED, false, wallet));
        }
        r.count(new BookingDecision(Outcome.REFUSED, false, unit));
        r.count((Outcome) null);
        assertEquals("2 réservations enregistrées, 4 journées refusées (" + wallet.in(Locale.FRENCH) + " ; "
                + unit.in(Locale.FRENCH) + "), 1 déjà réservée.", r.summary().in(Locale.FRENCH));
        assertEquals(4, r.getRefused());
    }

    /** Days asked after the deadline that wait (validation, a seat): told they are surcharged if granted. */
    @Test
    void lateRequestsAreToldSurchargedIfGranted() {
        TypicalWeekResult r = new TypicalWeekResult();
        r.count(new BookingDecision(Outcome.PENDING_VALIDATION, true, "En attente."));
        r.count(new BookingDecision(Outcome.PENDING_VALIDATION, false, "En attente."));
        r.count(new BookingDecision(Outcome.WAITING_LIST, true, "Liste d'attente."));
        assertEquals("2 en attente de validation, 1 en liste d'attente, 2 demandées hors délai : majorées si elles sont"
                + " accordées.", r.summary().in(Locale.FRENCH));
        assertEquals(2, r.getLateRequests());
    }

    @Test
    void withoutAReasonTheCountAlone() {
        TypicalWeekResult r = new TypicalWeekResult();
        r.count(Outcome.REFUSED);
        assertEquals("1 journée refusée (fermée ou hors délai).", r.summary().in(Locale.FRENCH));
    }
}
