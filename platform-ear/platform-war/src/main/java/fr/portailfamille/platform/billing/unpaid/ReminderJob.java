package fr.portailfamille.platform.billing.unpaid;

import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Sends every commune's reminders due today, each morning (as a régisseur's button would), and logs how many. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReminderJob {

    static final String ACTOR = "relances automatiques";

    private static final Logger LOG = Logger.getLogger(ReminderJob.class.getName());

    @Inject
    CommuneDirectory directory;

    @Inject
    UnpaidDesk unpaid;

    @Schedule(hour = "7", minute = "30", persistent = false, info = "relances des factures impayées")
    public void daily() {
        directory.forEachActive(LOG, "Relances impossibles", commune -> {
            int sent = unpaid.sendDue(ACTOR, PlatformTime.today());
            LOG.info(() -> "Commune " + commune.slug() + " : " + sent + " relance(s) de facture envoyée(s)");
        });
    }
}
