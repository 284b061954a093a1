package fr.portailfamille.platform.family;

import fr.portailfamille.platform.tenancy.CommuneDirectory;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Every night, deletes the family-file drafts ("Finir plus tard") not saved for 30 days, commune by
 * commune (each in its own transaction, bound to its schema), and says so in the log.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DraftPurgeJob {

    private static final Logger LOG = Logger.getLogger(DraftPurgeJob.class.getName());

    @Inject
    CommuneDirectory directory;

    @Inject
    FamilyFileService files;

    @Schedule(hour = "3", minute = "15", persistent = false, info = "purge des brouillons de dossiers famille")
    public void nightly() {
        purgeAll();
    }

    /** Purges every commune; returns the total number of drafts deleted. */
    public int purgeAll() {
        AtomicInteger total = new AtomicInteger();
        directory.forEachWithData(LOG, "Purge des brouillons impossible", commune -> {
            int purged = files.purgeExpiredDrafts();
            total.addAndGet(purged);
            LOG.info(() -> "Commune " + commune.slug() + " : " + purged
                    + " brouillon(s) de dossier famille supprimé(s) (non enregistrés depuis 30 jours)");
        });
        return total.get();
    }
}
