package fr.portailfamille.identity;

/**
 * Where a commune's realm sends its e-mails (account confirmation, password reset): the relay, the sender, whether the
 * connection is upgraded to TLS (STARTTLS, required when asked: an invitation or a reset link never goes in clear), and
 * the relay's account ({@code user} {@code null}: none).
 */
public record SmtpSettings(String host, int port, String fromAddress, boolean starttls, String user, String password) {

    /** A local relay: no TLS, no account (the run command's and the tests' mail server). */
    public SmtpSettings(String host, int port, String fromAddress) {
        this(host, port, fromAddress, false, null, null);
    }

    /** Whether the relay wants an account. */
    public boolean authenticated() {
        return user != null && !user.isBlank();
    }
}
