package fr.portailfamille.booking;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.util.Objects;

/**
 * What a cancellation request becomes, with a message for the parent ({@link #message()} in French, {@link #text()}
 * in any language).
 *
 * @param outcome the decision
 * @param text the text for the parent
 */
public record CancellationDecision(Outcome outcome, Message text) {

    /** The possible decisions. */
    public enum Outcome {
        /** Cancelled, nothing billed. */
        FREE,
        /** Cancelled after the cancellation deadline: the day stays billed. */
        BILLED,
        /** Not cancellable (the day is past). */
        REFUSED
    }

    public CancellationDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(text, "text");
    }

    /** A decision whose text is already written ({@code message}: the same in every language). */
    public CancellationDecision(Outcome outcome, String message) {
        this(outcome, Message.literal(Objects.requireNonNull(message, "message")));
    }

    /** The text for the parent, in French (the API's message). */
    public String message() {
        return text.french();
    }

    static CancellationDecision free() {
        return new CancellationDecision(Outcome.FREE, Problems.of("booking.cancellation.free"));
    }

    static CancellationDecision billed() {
        return new CancellationDecision(Outcome.BILLED, Problems.of("booking.cancellation.billed"));
    }

    static CancellationDecision refused(Message reason) {
        return new CancellationDecision(Outcome.REFUSED, reason);
    }
}
