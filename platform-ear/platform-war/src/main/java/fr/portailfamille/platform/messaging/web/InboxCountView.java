package fr.portailfamille.platform.messaging.web;

import fr.portailfamille.platform.messaging.Inbox;
import fr.portailfamille.platform.web.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The family's unread messages, once per request: the block after the greeting on Accueil ("vous avez N nouveau(x)
 * message(s)") and the badge of the header's link to the family's space. Zero for staff and visitors; a failure
 * (an outage while an error page is shown) gives no badge rather than another error.
 */
@Named
@RequestScoped
public class InboxCountView {

    private static final Logger LOG = Logger.getLogger(InboxCountView.class.getName());

    @Inject
    Inbox inbox;

    @Inject
    UserView user;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            unread = 0L;
            if (user.isSignedIn() && !user.isAgent()) {
                try {
                    unread = inbox.familyUnread(user.require());
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Nombre de messages non lus indisponible", e);
                }
            }
        }
        return unread;
    }
}
