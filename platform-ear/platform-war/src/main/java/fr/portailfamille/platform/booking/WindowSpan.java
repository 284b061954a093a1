package fr.portailfamille.platform.booking;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An activity's opening window not yet published, as Mon planning needs it: its period (the days asked for by
 * request, not booked first come, first served), when requests are taken, and where it stands. A class with getters:
 * EL pages cannot read record components.
 */
public final class WindowSpan implements Serializable {

    /** Where the window stands at a moment. */
    public enum Phase {
        /** Requests are not taken yet. */
        BEFORE,
        /** Requests are taken. */
        OPEN,
        /** Requests are closed; the allocation is not published yet. */
        CLOSED
    }

    private final long id;
    private final LocalDate from;
    private final LocalDate to;
    private final LocalDateTime opensAt;
    private final LocalDateTime closesAt;
    private final Phase phase;

    WindowSpan(long id, LocalDate from, LocalDate to, LocalDateTime opensAt, LocalDateTime closesAt, boolean allocated,
               LocalDateTime now) {
        this.id = id;
        this.from = from;
        this.to = to;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.phase = allocated || !now.isBefore(closesAt) ? Phase.CLOSED : now.isBefore(opensAt) ? Phase.BEFORE : Phase.OPEN;
    }

    /** Whether {@code day} is one of the window's days. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /**
     * Why such a day is refused first come, first served (its French: "Les places du 06/07/2027 au 31/07/2027 sont
     * attribuées sur demande — fenêtre ouverte jusqu'au …"), with what to do; the dates are written dd/MM/yyyy
     * in both languages, the time as each writes it.
     */
    public Message refusal() {
        Message first = Problems.dateTime("format.date", from);
        Message last = Problems.dateTime("format.date", to);
        return switch (phase) {
            case BEFORE -> Refused.text("booking.window.byRequest.before", first, last, Problems.dateTime("format.dateAndTime", opensAt));
            case OPEN -> Refused.text("booking.window.byRequest.open", first, last, Problems.dateTime("format.dateAndTime", closesAt));
            case CLOSED -> Refused.text("booking.window.byRequest.closed", first, last);
        };
    }

    public long getId() { return id; }
    public LocalDate getFrom() { return from; }
    public LocalDate getTo() { return to; }
    public LocalDateTime getOpensAt() { return opensAt; }
    public LocalDateTime getClosesAt() { return closesAt; }
    public Phase getPhase() { return phase; }
}
