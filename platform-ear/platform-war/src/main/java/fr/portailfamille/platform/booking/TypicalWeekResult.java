package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.BookingDecision;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.problems.Message;
import java.io.Serializable;

/** What a "semaine type" did, day by day, counted for the family's confirmation. */
public final class TypicalWeekResult implements Serializable {

    private int booked;
    private int surcharged;
    private int pending;
    private int waiting;
    /** Of the days pending or waiting, those asked after the booking deadline: surcharged if granted. */
    private int lateRequests;
    private int refused;
    private int alreadyBooked;
    /** Why days were refused, one of each kind (the porte-monnaie's balance, a closed window, a deadline…), in order. */
    private final transient java.util.LinkedHashMap<String, Message> reasons = new java.util.LinkedHashMap<>();

    /** One day's decision; a refusal's reason kept once per kind, said in the summary. */
    void count(BookingDecision decision) {
        count(decision.outcome());
        if (decision.surcharged() && (decision.outcome() == BookingDecision.Outcome.PENDING_VALIDATION
                || decision.outcome() == BookingDecision.Outcome.WAITING_LIST)) {
            lateRequests++;
        }
        if (decision.outcome() == BookingDecision.Outcome.REFUSED && decision.text() != null && reasons.size() < 3) {
            reasons.putIfAbsent(decision.text().key(), decision.text());
        }
    }

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

    /**
     * "8 réservations enregistrées, 2 en liste d'attente, 1 journée refusée (fermée ou hors délai).", to be read in any
     * language.
     */
    public Message summary() {
        return summary(java.util.function.UnaryOperator.identity());
    }

    /** {@link #summary()} with each refusal's reason as {@code reason} words it (an agent's words for the family's). */
    public Message summary(java.util.function.UnaryOperator<Message> reason) {
        Message parts = null;
        parts = append(parts, booked, "booking.week.result.booked");
        parts = append(parts, surcharged, "booking.week.result.surcharged");
        parts = append(parts, pending, "booking.week.result.pending");
        parts = append(parts, waiting, "booking.week.result.waiting");
        // a request asked after the deadline is billed with its surcharge once granted: said now, not on the invoice
        parts = append(parts, lateRequests, "booking.week.result.lateRequests");
        if (refused > 0 && !reasons.isEmpty()) {
            // the days refused with why, so that a family knows to top up its porte-monnaie or to ask the window
            Message why = null;
            for (Message m : reasons.values()) {
                Message r = reason.apply(m);
                why = why == null ? r : Refused.text("booking.week.result.reasons", why, r);
            }
            Message part = Refused.text("booking.week.result.refusedBecause" + (refused == 1 ? ".one" : ".many"), refused, why);
            parts = parts == null ? part : Refused.text("booking.week.result.join", parts, part);
        } else {
            parts = append(parts, refused, "booking.week.result.refused");
        }
        parts = append(parts, alreadyBooked, "booking.week.result.alreadyBooked");
        return parts == null ? Refused.text("booking.week.result.none") : Refused.text("booking.week.result.end", parts);
    }

    /** {@code parts} followed by "n {@code key}" ({@code key}{@code .one} or {@code .many}) when n is not 0. */
    private static Message append(Message parts, int n, String key) {
        if (n <= 0) {
            return parts;
        }
        Message part = Refused.text(key + (n == 1 ? ".one" : ".many"), n);
        return parts == null ? part : Refused.text("booking.week.result.join", parts, part);
    }

    public int getBooked() { return booked; }
    public int getSurcharged() { return surcharged; }
    public int getPending() { return pending; }
    public int getWaiting() { return waiting; }
    /** The days pending or waiting that will be surcharged if granted. */
    public int getLateRequests() { return lateRequests; }
    public int getRefused() { return refused; }
    public int getAlreadyBooked() { return alreadyBooked; }
}
