package fr.portailfamille.platform.retention;

import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Every night, each commune's data past its retention deleted ({@link RetentionPurge}), and said in the log. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

    @Inject
    CommuneDirectory directory;

    @Inject
    RetentionPurge purge;

    @Schedule(hour = "3", minute = "45", persistent = false, info = "purge des données dont la durée de conservation est passée")
    public void nightly() {
        directory.forEachWithData(LOG, "Purge de conservation impossible", commune -> {
            RetentionPurge.Purged purged = purge.purge(PlatformTime.today());
            LOG.info(() -> "Commune " + commune.slug() + " : conservation : " + purged.french());
        });
    }
}
