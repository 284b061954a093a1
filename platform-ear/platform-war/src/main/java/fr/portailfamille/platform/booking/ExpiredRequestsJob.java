package fr.portailfamille.platform.booking;

import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Every night, closes each commune's requests whose day went by without a seat ({@link ExpiredRequests}), and logs how many. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExpiredRequestsJob {

    private static final Logger LOG = Logger.getLogger(ExpiredRequestsJob.class.getName());

    @Inject
    CommuneDirectory directory;

    @Inject
    ExpiredRequests requests;

    @Schedule(hour = "2", minute = "30", persistent = false, info = "demandes restées sans place")
    public void nightly() {
        directory.forEachActive(LOG, "Clôture des demandes passées impossible", commune -> {
            int closed = requests.close(PlatformTime.today());
            LOG.info(() -> "Commune " + commune.slug() + " : " + closed
                    + " demande(s) restée(s) en attente d'une place ou d'une validation, close(s)");
        });
    }
}
