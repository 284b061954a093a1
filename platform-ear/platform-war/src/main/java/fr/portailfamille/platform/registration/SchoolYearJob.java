package fr.portailfamille.platform.registration;

import fr.portailfamille.platform.tenancy.CommuneDirectory;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every night, gives the children's files the school and class of their pre-registrations accepted for the school year
 * that has just started ({@link RegistrationService#applySchoolYear}), and logs how many.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchoolYearJob {

    private static final Logger LOG = Logger.getLogger(SchoolYearJob.class.getName());

    @Inject
    CommuneDirectory directory;

    @Inject
    RegistrationService registrations;

    @Schedule(hour = "2", minute = "40", persistent = false, info = "scolarité de l'année qui commence")
    public void nightly() {
        directory.forEachActive(LOG, "Scolarité de l'année impossible à reporter", commune -> {
            int applied = registrations.applySchoolYear();
            LOG.info(() -> "Commune " + commune.slug() + " : " + applied + " dossier(s) d'enfant à l'école et en classe"
                    + " de leur inscription scolaire acceptée");
        });
    }
}
