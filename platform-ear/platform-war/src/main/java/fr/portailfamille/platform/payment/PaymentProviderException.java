package fr.portailfamille.platform.payment;

import fr.portailfamille.platform.kernel.Explained;
import fr.portailfamille.problems.Message;

/**
 * The payment provider refused a request or could not be reached. The message is French (the logs);
 * {@link #text()} is what a page shows, in its language; {@link #code()} is the provider's error code (e.g. PayFiP's
 * "P1", "M1") or a code of the platform's own for failures without one ("INDISPONIBLE", "TECHNIQUE", "REPONSE").
 */
public class PaymentProviderException extends RuntimeException implements Explained {

    private static final long serialVersionUID = 1L;

    /** No answer from the provider, or the provider says it is unavailable. */
    public static final String UNAVAILABLE = "INDISPONIBLE";
    /** The provider reports a technical failure of its own or of the exchange. */
    public static final String TECHNICAL = "TECHNIQUE";
    /** The provider answered something the platform cannot read. */
    public static final String BAD_ANSWER = "REPONSE";

    private final String code;
    private final transient Message text;

    public PaymentProviderException(String code, Message text, Throwable cause) {
        super(text.french(), cause);
        this.code = code;
        this.text = text;
    }

    public String code() {
        return code;
    }

    /** Why, to be read in any language (its French is {@link #getMessage()}). */
    @Override
    public Message text() {
        return text == null ? Message.literal(getMessage()) : text;
    }

    /** Whether trying again later may succeed (the provider was unreachable or unavailable). */
    public boolean temporary() {
        return UNAVAILABLE.equals(code);
    }
}
