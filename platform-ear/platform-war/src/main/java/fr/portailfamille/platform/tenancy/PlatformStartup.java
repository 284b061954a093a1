package fr.portailfamille.platform.tenancy;

import fr.portailfamille.platform.ops.StartupState;
import fr.portailfamille.tenancy.TenantMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's database, and the upgrade step: platform schema first, then every commune schema, one at a
 * time under an advisory lock, each commune's outcome recorded (a failing commune does not stop the others).
 * With {@code pf.migrate-only=true} the process upgrades — the schemas, then the communes' realms
 * ({@link SchemasUpgraded}) — and exits: that is the upgrade step of a release (the Helm pre-upgrade Job), run before
 * the new version serves traffic; the chart's replicas run with
 * {@code pf.migrate-at-start=false} and only read where each commune stands. The run command and the tests keep
 * the default (upgrade at start).
 */
@DataSourceDefinition(
        name = "java:app/jdbc/portail",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=pf.db.url}",
        user = "${MPCONFIG=pf.db.user}",
        password = "${MPCONFIG=pf.db.password}",
        minPoolSize = 2,
        maxPoolSize = 40,
        // after a database restart, no stale connection is handed out: each is checked when taken (a
        // PostgreSQL round trip), and one broken connection closes them all, so the pool heals at once
        properties = {"fish.payara.log-jdbc-calls=false",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                "fish.payara.fail-all-connections=true"})
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformStartup {

    private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

    @Resource(lookup = "java:app/jdbc/portail")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "pf.migrate-only", defaultValue = "false")
    boolean migrateOnly;

    @Inject
    @ConfigProperty(name = "pf.migrate-at-start", defaultValue = "true")
    boolean migrateAtStart;

    @Inject
    private StartupState startupState;

    @Inject
    private Event<SchemasUpgraded> upgraded;

    /**
     * How the process ends in migrate-only mode, with its status (tests replace it): in a thread of its own, so that the
     * deployment this runs in is not held.
     */
    java.util.function.IntConsumer exit = status -> new Thread(() -> System.exit(status), "migrate-only-exit").start();

    @PostConstruct
    void migrate() {
        if (!migrateOnly) {
            upgrade();
            return;
        }
        try {
            upgrade();
        } catch (RuntimeException | Error e) {
            // the platform schema, the advisory lock, the database itself: the upgrade step ends at once, failed — the
            // deployment's exception alone leaves Payara Micro running, the Job waiting for its deadline, Helm silent
            LOG.log(java.util.logging.Level.SEVERE, "pf.migrate-only=true : la mise à niveau a échoué, arrêt du processus"
                    + " en échec.", e);
            exit.accept(1);
            return;
        }
        LOG.info("pf.migrate-only=true : migrations terminées, arrêt du processus.");
        exit.accept(0);
    }

    private void upgrade() {
        TenantMigrator migrator = new TenantMigrator(dataSource);
        if (migrateOnly || migrateAtStart) {
            long start = System.nanoTime();
            List<TenantMigrator.Outcome> communes = migrator.upgradeAll();
            long failed = communes.stream().filter(TenantMigrator.Outcome::failed).count();
            String summary = "plateforme et " + (communes.size() - failed) + " commune(s) à jour, " + failed
                    + " en échec, en " + (System.nanoTime() - start) / 1_000_000 + " ms";
            LOG.info(() -> "Mise à niveau : " + summary);
            if (migrateOnly) {
                upgraded.fire(new SchemasUpgraded()); // the communes' realms, before the process exits
            }
            startupState.finished(summary);
        } else {
            LOG.info(() -> "pf.migrate-at-start=false : les schémas sont mis à niveau par l'étape de mise à niveau"
                    + " (pf.migrate-only) ; ce code sert les communes au schéma " + migrator.codeVersion());
            startupState.finished("laissées à l'étape de mise à niveau (pf.migrate-at-start=false)");
        }
    }
}
