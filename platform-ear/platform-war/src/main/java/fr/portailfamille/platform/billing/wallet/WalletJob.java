package fr.portailfamille.platform.billing.wallet;

import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Each morning, mails every commune's families whose porte-monnaie no longer covers the next two weeks, and logs how many. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WalletJob {

    private static final Logger LOG = Logger.getLogger(WalletJob.class.getName());

    @Inject
    CommuneDirectory directory;

    @Inject
    WalletWarnings warnings;

    @Schedule(hour = "7", minute = "40", persistent = false, info = "porte-monnaie presque vides")
    public void daily() {
        directory.forEachActive(LOG, "Alertes de porte-monnaie impossibles", commune -> {
            int sent = warnings.warn(PlatformTime.today());
            LOG.info(() -> "Commune " + commune.slug() + " : " + sent + " alerte(s) de porte-monnaie envoyée(s)");
        });
    }
}
