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
    private final String message;
    private final transient Message text;

    ChangeOutcome(LocalDate day, String unitLabel, boolean cancellation, boolean done, Message text) {
        this(day, unitLabel, cancellation, done, text, text.french());
    }

    private ChangeOutcome(LocalDate day, String unitLabel, boolean cancellation, boolean done, Message text,
                          String message) {
        this.day = day;
        this.unitLabel = unitLabel;
        this.cancellation = cancellation;
        this.done = done;
        this.text = text;
        this.message = message;
    }

    /**
     * This outcome with its message read by {@code reader} (a page's {@code Texts::of}: in the page's language), what
     * a page keeps in its state.
     */
    public ChangeOutcome readBy(Function<Message, String> reader) {
        return new ChangeOutcome(day, unitLabel, cancellation, done, getText(), reader.apply(getText()));
    }

    public LocalDate getDay() { return day; }
    public String getUnitLabel() { return unitLabel; }
    public boolean isCancellation() { return cancellation; }
    /** Whether the change was recorded (booked, waiting list, pending, cancelled). */
    public boolean isDone() { return done; }
    /** The answer, in French ({@link #readBy read} by a page: in its language). */
    public String getMessage() { return message; }
    /** The answer, to be read in any language. */
    public Message getText() { return text == null ? Message.literal(message) : text; }
}
