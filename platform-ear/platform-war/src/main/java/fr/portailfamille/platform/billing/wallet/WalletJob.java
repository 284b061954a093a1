package fr.portailfamille.platform.billing.wallet;

import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.logging.Level;
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
        for (Commune commune : directory.allActive()) {
            try {
                int sent = TenantContext.call(commune, () -> warnings.warn(LocalDate.now(Wallets.PARIS)));
                LOG.info(() -> "Commune " + commune.slug() + " : " + sent + " alerte(s) de porte-monnaie envoyée(s)");
            } catch (Exception e) {
                LOG.log(Level.SEVERE, "Alertes de porte-monnaie impossibles pour la commune " + commune.slug(), e);
            }
        }
    }
}
