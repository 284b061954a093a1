package fr.portailfamille.platform.billing;

import fr.portailfamille.platform.tenancy.CommuneDirectory;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every quarter of an hour, in every commune: the invoicing runs whose replica stopped are marked failed and their
 * issued invoices' families mailed ({@link RunFollowUp#followUp}); a run's own page or a new start does so too, this
 * when no one looks.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunFollowUpJob {

    private static final Logger LOG = Logger.getLogger(RunFollowUpJob.class.getName());

    @Inject
    CommuneDirectory directory;

    @Inject
    RunFollowUp follow;

    @Schedule(hour = "*", minute = "7/15", persistent = false, info = "suite des facturations interrompues")
    public void quarterly() {
        directory.forEachActive(LOG, "Suite des facturations interrompues impossible", commune -> {
            int mailed = follow.followUp();
            if (mailed > 0) {
                LOG.info(() -> "Commune " + commune.slug() + " : " + mailed + " facture(s) d'une facturation interrompue"
                        + " envoyée(s) aux familles");
            }
        });
    }
}
