package fr.portailfamille.platform.family.documents;

import fr.portailfamille.platform.tenancy.CommuneDirectory;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Each morning, mails every commune's families whose documents expire within 30 days (once per document). */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DocumentExpiryJob {

    private static final Logger LOG = Logger.getLogger(DocumentExpiryJob.class.getName());

    @Inject
    CommuneDirectory directory;

    @Inject
    FamilyDocuments documents;

    @Schedule(hour = "7", minute = "40", persistent = false, info = "documents bientôt expirés")
    public void daily() {
        directory.forEachActive(LOG, "Avis d'expiration des documents impossibles", commune -> {
            int sent = documents.sendExpiryNotices();
            LOG.info(() -> "Commune " + commune.slug() + " : " + sent + " avis d'expiration de document envoyé(s)");
        });
    }
}
