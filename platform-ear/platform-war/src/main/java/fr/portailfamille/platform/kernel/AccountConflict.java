package fr.portailfamille.platform.kernel;

/**
 * A family account that cannot reach its file: the file of its address is linked to another account (the family's
 * account deleted and made again, a second account of the same address), or the address is not yet verified. Not a
 * failure of the platform: the request answers a page (or a JSON error) that says what to do, and the commune's
 * administrator may unlink the file so that the next sign-in links it.
 */
public class AccountConflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the account does not reach the file. */
    public enum Reason {
        /** The file of this address is linked to another account. */
        LINKED_ELSEWHERE,
        /** A file has this address, but the account's address is not verified: it cannot be linked yet. */
        EMAIL_NOT_VERIFIED
    }

    private final Reason reason;

    public AccountConflict(Reason reason, long familyId) {
        super("Compte non relié au dossier " + familyId + " : " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** What the family should do, in any language. */
    public static fr.portailfamille.problems.Message text(Reason reason) {
        return Refused.text("account." + reason.name());
    }

    /** The page's title, in any language. */
    public static fr.portailfamille.problems.Message title() {
        return Refused.text("account.conflict.title");
    }

    /** The conflict in {@code failure} or its causes (a view or an interceptor wraps it), or null. */
    public static AccountConflict in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AccountConflict c) {
                return c;
            }
        }
        return null;
    }
}
