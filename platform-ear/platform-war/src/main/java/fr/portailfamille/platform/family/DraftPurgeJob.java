package fr.portailfamille.platform.family;

import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
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
        int total = 0;
        for (Commune commune : directory.allActive()) {
            try {
                int purged = TenantContext.call(commune, files::purgeExpiredDrafts);
                total += purged;
                LOG.info(() -> "Commune " + commune.slug() + " : " + purged
                        + " brouillon(s) de dossier famille supprimé(s) (non enregistrés depuis 30 jours)");
            } catch (Exception e) {
                LOG.log(Level.SEVERE, "Purge des brouillons impossible pour la commune " + commune.slug(), e);
            }
        }
        return total;
    }
}
