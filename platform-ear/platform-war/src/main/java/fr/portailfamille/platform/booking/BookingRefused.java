package fr.portailfamille.platform.booking;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.problems.Message;

/** A refused booking request, with a French message for the family or the agent. */
public class BookingRefused extends Refused {
    public BookingRefused(String message) {
        super(message);
    }

    public BookingRefused(Message text) {
        super(text);
    }

    /** A refusal about the form's field {@code field}. */
    public BookingRefused(String field, Message text) {
        super(field, text);
    }
}
