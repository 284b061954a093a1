package fr.portailfamille.platform.kernel;

/**
 * A user's request the platform refuses, with a French message for them and, when the refusal is
 * about one input, that input's name (to show the message next to the field). Nothing was changed.
 */
public class Refused extends RuntimeException {

    private final String field;

    public Refused(String message) {
        this(null, message);
    }

    public Refused(String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * The reason of an agent's decision, stripped ({@code null} when none): required to refuse, since it
     * is sent to the family, and 500 characters at most.
     *
     * @throws Refused on the field {@code reason}
     */
    public static String decisionReason(boolean accept, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (!accept && why == null) {
            throw new Refused("reason", "Indiquez le motif du refus : il est envoyé à la famille.");
        }
        if (TextLimits.exceeds(why, TextLimits.REASON)) {
            throw new Refused("reason", TextLimits.tooLong("Le motif", TextLimits.REASON));
        }
        return why;
    }

    /** The input the message is about, or {@code null}. */
    public String field() {
        return field;
    }
}
