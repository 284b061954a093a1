package fr.portailfamille.platform.security;

/** A login or token that cannot be accepted. */
public class OidcException extends Exception {
    public OidcException(String message) {
        super(message);
    }

    public OidcException(String message, Throwable cause) {
        super(message, cause);
    }
}
