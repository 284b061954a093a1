package fr.portailfamille.platform.mail;

import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The current commune's mails to a family: "[Commune] subject", "Bonjour," and the commune's
 * signature around the text; sent by {@link Mailer} once the transaction has committed.
 */
@ApplicationScoped
public class FamilyMails {

    @Inject
    Event<MailRequested> mails;

    /** Mails {@code body} to {@code to}; nothing when the family has no address. */
    public void send(String to, String subject, String body) {
        if (to == null) {
            return;
        }
        Commune c = TenantContext.require();
        mails.fire(new MailRequested(c.name(), to, "[" + c.name() + "] " + subject,
                "Bonjour,\n\n" + body + "\n\n" + c.name() + " – Portail Famille\n"));
    }
}
