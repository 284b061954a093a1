package fr.portailfamille.platform.payment;

/**
 * The payment provider refused a request or could not be reached. The message is French and may be shown to an
 * agent; {@link #code()} is the provider's error code (e.g. PayFiP's "P1", "M1") or a code of the platform's own for
 * failures without one ("INDISPONIBLE", "TECHNIQUE", "REPONSE").
 */
public class PaymentProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** No answer from the provider, or the provider says it is unavailable. */
    public static final String UNAVAILABLE = "INDISPONIBLE";
    /** The provider reports a technical failure of its own or of the exchange. */
    public static final String TECHNICAL = "TECHNIQUE";
    /** The provider answered something the platform cannot read. */
    public static final String BAD_ANSWER = "REPONSE";

    private final String code;

    public PaymentProviderException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether trying again later may succeed (the provider was unreachable or unavailable). */
    public boolean temporary() {
        return UNAVAILABLE.equals(code);
    }
}
