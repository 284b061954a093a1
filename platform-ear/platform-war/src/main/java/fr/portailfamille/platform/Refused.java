package fr.portailfamille.platform;

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

    /** The input the message is about, or {@code null}. */
    public String field() {
        return field;
    }
}
