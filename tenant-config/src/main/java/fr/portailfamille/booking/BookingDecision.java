package fr.portailfamille.booking;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.util.Objects;

/**
 * What a booking request becomes, with a message for the parent ({@link #message()} in French, {@link #text()} in
 * any language).
 *
 * @param outcome the decision
 * @param surcharged whether the booking was made after the deadline under
 *     {@link LatePolicy#SURCHARGED}: always true for {@link Outcome#ACCEPTED_SURCHARGED}, and also set
 *     on {@link Outcome#PENDING_VALIDATION} and {@link Outcome#WAITING_LIST} so that the surcharge is
 *     applied if the booking is later validated or given a place
 * @param text the text for the parent; for {@link Outcome#REFUSED}, the reason
 */
public record BookingDecision(Outcome outcome, boolean surcharged, Message text) {

    /** The possible decisions. */
    public enum Outcome {
        /** Booked. */
        ACCEPTED,
        /** Booked after the deadline, with a surcharge. */
        ACCEPTED_SURCHARGED,
        /** Recorded, waiting for an agent's validation. */
        PENDING_VALIDATION,
        /** The unit is full: the child goes on the waiting list. */
        WAITING_LIST,
        /** Not recorded; {@link BookingDecision#message()} says why. */
        REFUSED
    }

    public BookingDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(text, "text");
        if (outcome == Outcome.ACCEPTED_SURCHARGED && !surcharged) {
            throw new IllegalArgumentException("ACCEPTED_SURCHARGED implies surcharged");
        }
        if ((outcome == Outcome.ACCEPTED || outcome == Outcome.REFUSED) && surcharged) {
            throw new IllegalArgumentException(outcome + " cannot be surcharged");
        }
    }

    /** A decision whose text is already written ({@code message}: the same in every language). */
    public BookingDecision(Outcome outcome, boolean surcharged, String message) {
        this(outcome, surcharged, Message.literal(Objects.requireNonNull(message, "message")));
    }

    /** The text for the parent, in French (the API's message). */
    public String message() {
        return text.french();
    }

    static BookingDecision accepted() {
        return new BookingDecision(Outcome.ACCEPTED, false, Problems.of("booking.decision.accepted"));
    }

    static BookingDecision acceptedSurcharged() {
        return new BookingDecision(Outcome.ACCEPTED_SURCHARGED, true, Problems.of("booking.decision.acceptedSurcharged"));
    }

    static BookingDecision pendingValidation(boolean surcharged) {
        return new BookingDecision(Outcome.PENDING_VALIDATION, surcharged,
                Problems.of(surcharged ? "booking.decision.pendingSurcharged" : "booking.decision.pending"));
    }

    static BookingDecision waitingList(boolean surcharged) {
        return new BookingDecision(Outcome.WAITING_LIST, surcharged,
                Problems.of(surcharged ? "booking.decision.waitingListSurcharged" : "booking.decision.waitingList"));
    }

    static BookingDecision refused(Message reason) {
        return new BookingDecision(Outcome.REFUSED, false, reason);
    }

    /** Whether the request was recorded (accepted, pending validation or on the waiting list). */
    public boolean isRecorded() {
        return outcome != Outcome.REFUSED;
    }

    /** The status the booking is recorded with; {@code null} when refused (nothing is recorded). */
    public BookingStatus recordedAs() {
        return switch (outcome) {
            case ACCEPTED -> BookingStatus.BOOKED;
            case ACCEPTED_SURCHARGED -> BookingStatus.BOOKED_LATE;
            case PENDING_VALIDATION -> BookingStatus.PENDING_VALIDATION;
            case WAITING_LIST -> BookingStatus.WAITING;
            case REFUSED -> null;
        };
    }
}
