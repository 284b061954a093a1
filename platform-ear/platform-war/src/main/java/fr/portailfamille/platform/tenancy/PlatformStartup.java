package fr.portailfamille.platform.tenancy;

import fr.portailfamille.tenancy.TenantMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's database, and its upgrade at start: platform schema first, then every commune
 * schema, one at a time under an advisory lock (several replicas starting together wait for each
 * other). With {@code pf.migrate-only=true} the process migrates and exits: that is the migration
 * step of an upgrade (the Helm hook Job), run before the new version serves traffic.
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
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "pf.migrate-only", defaultValue = "false")
    private boolean migrateOnly;

    @PostConstruct
    void migrate() {
        long start = System.nanoTime();
        int communes = new TenantMigrator(dataSource).migrateAll();
        LOG.info(() -> "Schémas à jour : plateforme et " + communes + " commune(s) en "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        if (migrateOnly) {
            LOG.info("pf.migrate-only=true : migrations terminées, arrêt du processus.");
            new Thread(() -> System.exit(0), "migrate-only-exit").start();
        }
    }
}
