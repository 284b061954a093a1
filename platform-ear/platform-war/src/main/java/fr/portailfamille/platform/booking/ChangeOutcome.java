package fr.portailfamille.platform.booking;

import fr.portailfamille.problems.Message;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * What became of one confirmed change of the planning: the commune's answer ({@link #getMessage()} in French, the
 * API's; {@link #getText()} in any language; a page keeps its copy {@linkplain #readBy read} in its language).
 */
public final class ChangeOutcome implements Serializable {

    private final LocalDate day;
    private final String unitLabel;
    private final boolean cancellation;
    private final boolean done;
    private final boolean waitingList;
    private final String message;
    private final transient Message text;

    ChangeOutcome(LocalDate day, String unitLabel, boolean cancellation, boolean done, Message text) {
        this(day, unitLabel, cancellation, done, false, text, text.french());
    }

    /** A booking recorded ({@code done}) or not; {@code waitingList}: recorded on the waiting list. */
    static ChangeOutcome booking(LocalDate day, String unitLabel, boolean done, boolean waitingList, Message text) {
        return new ChangeOutcome(day, unitLabel, false, done, waitingList, text, text.french());
    }

    private ChangeOutcome(LocalDate day, String unitLabel, boolean cancellation, boolean done, boolean waitingList,
                          Message text, String message) {
        this.day = day;
        this.unitLabel = unitLabel;
        this.cancellation = cancellation;
        this.done = done;
        this.waitingList = waitingList;
        this.text = text;
        this.message = message;
    }

    /**
     * This outcome with its message read by {@code reader} (a page's {@code Texts::of}: in the page's language), what
     * a page keeps in its state.
     */
    public ChangeOutcome readBy(Function<Message, String> reader) {
        return new ChangeOutcome(day, unitLabel, cancellation, done, waitingList, getText(), reader.apply(getText()));
    }

    public LocalDate getDay() { return day; }
    public String getUnitLabel() { return unitLabel; }
    public boolean isCancellation() { return cancellation; }
    /** Whether the change was recorded (booked, waiting list, pending, cancelled). */
    public boolean isDone() { return done; }
    /** Whether the booking was put on the waiting list (billed only if a seat frees and it is booked then). */
    public boolean isWaitingList() { return waitingList; }
    /** The answer, in French ({@link #readBy read} by a page: in its language). */
    public String getMessage() { return message; }
    /** The answer, to be read in any language. */
    public Message getText() { return text == null ? Message.literal(message) : text; }
}
