package fr.portailfamille.platform.family;

import fr.portailfamille.platform.kernel.Explained;
import fr.portailfamille.problems.Message;

/**
 * Keycloak could not be reached for an account operation: the transaction is rolled back. Its message in French
 * ({@link #getMessage()}), {@link #text()} in the language of the page that shows it.
 */
public class AccountUnavailable extends RuntimeException implements Explained {

    private final transient Message text;

    public AccountUnavailable(String message, Throwable cause) {
        this(Message.literal(message), cause);
    }

    public AccountUnavailable(Message text, Throwable cause) {
        super(text.french(), cause);
        this.text = text;
    }

    /** Why, to be read in any language. */
    @Override
    public Message text() {
        return text == null ? Message.literal(getMessage()) : text;
    }
}
