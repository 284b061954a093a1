package fr.portailfamille.platform.booking;

import java.io.Serializable;
import java.time.LocalDate;

/** What became of one confirmed change of the planning: the commune's answer, in French. */
public final class ChangeOutcome implements Serializable {

    private final LocalDate day;
    private final String unitLabel;
    private final boolean cancellation;
    private final boolean done;
    private final String message;

    ChangeOutcome(LocalDate day, String unitLabel, boolean cancellation, boolean done, String message) {
        this.day = day;
        this.unitLabel = unitLabel;
        this.cancellation = cancellation;
        this.done = done;
        this.message = message;
    }

    public LocalDate getDay() { return day; }
    public String getUnitLabel() { return unitLabel; }
    public boolean isCancellation() { return cancellation; }
    /** Whether the change was recorded (booked, waiting list, pending, cancelled). */
    public boolean isDone() { return done; }
    public String getMessage() { return message; }
}
