package fr.portailfamille.booking;

import java.util.Objects;

/**
 * What a booking request becomes, with a French message for the parent.
 *
 * @param outcome the decision
 * @param surcharged whether the booking was made after the deadline under
 *     {@link LatePolicy#SURCHARGED}: always true for {@link Outcome#ACCEPTED_SURCHARGED}, and also set
 *     on {@link Outcome#PENDING_VALIDATION} and {@link Outcome#WAITING_LIST} so that the surcharge is
 *     applied if the booking is later validated or given a place
 * @param message French text for the parent; for {@link Outcome#REFUSED}, the reason
 */
public record BookingDecision(Outcome outcome, boolean surcharged, String message) {

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

    static final String SURCHARGE_NOTICE = "Hors délai, l'inscription sera majorée.";

    public BookingDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        if (outcome == Outcome.ACCEPTED_SURCHARGED && !surcharged) {
            throw new IllegalArgumentException("ACCEPTED_SURCHARGED implies surcharged");
        }
        if ((outcome == Outcome.ACCEPTED || outcome == Outcome.REFUSED) && surcharged) {
            throw new IllegalArgumentException(outcome + " cannot be surcharged");
        }
    }

    static BookingDecision accepted() {
        return new BookingDecision(Outcome.ACCEPTED, false, "Réservation enregistrée.");
    }

    static BookingDecision acceptedSurcharged() {
        return new BookingDecision(Outcome.ACCEPTED_SURCHARGED, true,
                "Réservation enregistrée. " + SURCHARGE_NOTICE);
    }

    static BookingDecision pendingValidation(boolean surcharged) {
        return new BookingDecision(Outcome.PENDING_VALIDATION, surcharged,
                "Demande enregistrée : elle sera confirmée après validation par le service."
                        + (surcharged ? " " + SURCHARGE_NOTICE : ""));
    }

    static BookingDecision waitingList(boolean surcharged) {
        return new BookingDecision(Outcome.WAITING_LIST, surcharged,
                "Complet : votre enfant est inscrit sur liste d'attente."
                        + (surcharged ? " Hors délai, l'inscription sera majorée si une place se libère." : ""));
    }

    static BookingDecision refused(String reason) {
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
