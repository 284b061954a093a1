package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.BookingDecision;
import java.io.Serializable;

/** What a "semaine type" did, day by day, counted for the family's confirmation. */
public final class TypicalWeekResult implements Serializable {

    private int booked;
    private int surcharged;
    private int pending;
    private int waiting;
    private int refused;
    private int alreadyBooked;

    void count(BookingDecision.Outcome outcome) {
        if (outcome == null) {
            alreadyBooked++;
            return;
        }
        switch (outcome) {
            case ACCEPTED -> booked++;
            case ACCEPTED_SURCHARGED -> surcharged++;
            case PENDING_VALIDATION -> pending++;
            case WAITING_LIST -> waiting++;
            case REFUSED -> refused++;
        }
    }

    /** "8 réservations enregistrées, 2 en liste d'attente, 1 refusée (fermé ou hors délai)." */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        append(sb, booked, "réservation enregistrée", "réservations enregistrées");
        append(sb, surcharged, "réservation hors délai (majorée)", "réservations hors délai (majorées)");
        append(sb, pending, "en attente de validation", "en attente de validation");
        append(sb, waiting, "en liste d'attente", "en liste d'attente");
        append(sb, refused, "journée refusée (fermée ou hors délai)", "journées refusées (fermées ou hors délai)");
        append(sb, alreadyBooked, "déjà réservée", "déjà réservées");
        return sb.isEmpty() ? "Aucune journée dans cette période." : sb.append('.').toString();
    }

    private static void append(StringBuilder sb, int n, String one, String many) {
        if (n > 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append(n).append(' ').append(n == 1 ? one : many);
        }
    }

    public int getBooked() { return booked; }
    public int getSurcharged() { return surcharged; }
    public int getPending() { return pending; }
    public int getWaiting() { return waiting; }
    public int getRefused() { return refused; }
    public int getAlreadyBooked() { return alreadyBooked; }
}
