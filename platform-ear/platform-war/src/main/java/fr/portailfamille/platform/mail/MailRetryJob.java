package fr.portailfamille.platform.mail;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Every five minutes, on every replica: the mails the SMTP server did not take, sent again ({@link Mailer#retryDue()}). */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailRetryJob {

    private static final Logger LOG = Logger.getLogger(MailRetryJob.class.getName());

    @Inject
    Mailer mailer;

    @Schedule(hour = "*", minute = "*/5", persistent = false, info = "courriels à renvoyer")
    public void retry() {
        int sent = mailer.retryDue();
        if (sent > 0) {
            LOG.info(() -> sent + " courriel(s) gardé(s) envoyé(s)");
        }
    }
}
