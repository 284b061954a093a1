package fr.portailfamille.platform.family;

/** Keycloak could not be reached for an account operation: the transaction is rolled back. */
public class AccountUnavailable extends RuntimeException {
    public AccountUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
