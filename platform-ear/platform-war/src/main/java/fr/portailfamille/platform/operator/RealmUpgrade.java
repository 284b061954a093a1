package fr.portailfamille.platform.operator;

import com.fasterxml.jackson.databind.JsonNode;
import fr.portailfamille.identity.RealmMaintenance;
import fr.portailfamille.platform.tenancy.SchemasUpgraded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The upgrade step's share for the communes' realms ({@link RealmMaintenance}): a release's new realm roles, required
 * actions and protections reach the realms made by older releases (the run command's demo does the same at its
 * start). Without the platform's Keycloak account configured the step is skipped, and says so; an account that
 * administers the master realm (the master administrator's, given instead of the platform's own) is warned about.
 */
@ApplicationScoped
public class RealmUpgrade {

    private static final Logger LOG = Logger.getLogger(RealmUpgrade.class.getName());

    @Inject
    ProvisioningWiring wiring;

    @Inject
    @ConfigProperty(name = "pf.keycloak.admin-password")
    Optional<String> adminPassword;

    /** Whether the configured account reads the master realm, which the platform's own account cannot. */
    private boolean administersMaster() {
        try {
            return wiring.admin().find("/master", JsonNode.class).isPresent();
        } catch (RuntimeException refused) {
            return false;
        }
    }

    void afterSchemas(@Observes SchemasUpgraded upgraded) {
        if (adminPassword.filter(p -> !p.isBlank()).isEmpty()) {
            LOG.warning("Royaumes des communes non mis à niveau : aucun compte Keycloak de la plateforme configuré"
                    + " (pf.keycloak.admin-password)");
            return;
        }
        List<RealmMaintenance.Outcome> outcomes = RealmMaintenance.maintain(wiring.store().findAll(), wiring.realms());
        long failed = outcomes.stream().filter(RealmMaintenance.Outcome::failed).count();
        LOG.info(() -> "Royaumes des communes : " + (outcomes.size() - failed) + " à jour, " + failed + " en échec");
        if (administersMaster()) {
            LOG.warning("Le compte Keycloak de la plateforme administre le royaume master : donnez-lui un compte à lui,"
                    + " avec le seul rôle create-realm (identity.PlatformAccount, helm/README.md)");
        }
    }
}
