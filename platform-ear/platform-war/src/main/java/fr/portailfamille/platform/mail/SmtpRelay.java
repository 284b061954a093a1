package fr.portailfamille.platform.mail;

import fr.portailfamille.identity.SmtpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP relay of the platform's mails and of the communes' realms ({@code pf.smtp.*}): where it is, the sender,
 * STARTTLS (required when asked: an invitation or a reset link never goes in clear), its account if it wants one.
 */
@ApplicationScoped
public class SmtpRelay {

    @Inject
    @ConfigProperty(name = "pf.smtp.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "pf.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "pf.smtp.from", defaultValue = "ne-pas-repondre@portail-famille.test")
    String from;

    @Inject
    @ConfigProperty(name = "pf.smtp.starttls", defaultValue = "false")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "pf.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "pf.smtp.password")
    Optional<String> password;

    /** The relay as the realms and the mailer use it. */
    public SmtpSettings settings() {
        return new SmtpSettings(host, port, from, starttls, user.filter(u -> !u.isBlank()).orElse(null),
                password.orElse(null));
    }
}
