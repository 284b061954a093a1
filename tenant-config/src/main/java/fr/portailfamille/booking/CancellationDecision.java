package fr.portailfamille.booking;

import java.util.Objects;

/**
 * What a cancellation request becomes, with a French message for the parent.
 *
 * @param outcome the decision
 * @param message French text for the parent
 */
public record CancellationDecision(Outcome outcome, String message) {

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
        Objects.requireNonNull(message, "message");
    }

    static CancellationDecision free() {
        return new CancellationDecision(Outcome.FREE, "Annulation sans frais.");
    }

    static CancellationDecision billed() {
        return new CancellationDecision(Outcome.BILLED, "Annulation hors délai : la journée reste facturée.");
    }

    static CancellationDecision refused(String reason) {
        return new CancellationDecision(Outcome.REFUSED, reason);
    }
}
