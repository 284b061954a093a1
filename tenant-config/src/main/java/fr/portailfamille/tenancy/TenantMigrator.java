package fr.portailfamille.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies the Flyway migrations: first the platform schema (the tenant store), then every commune
 * schema, one {@code migrate()} per schema so that each keeps its own history table (flyway#2995).
 * A PostgreSQL advisory lock makes sure only one process migrates at a time, even with several
 * replicas starting together (flyway#2102).
 */
public class TenantMigrator {

    public static final String PLATFORM_SCHEMA = "platform";
    private static final Logger LOG = Logger.getLogger(TenantMigrator.class.getName());
    /** Arbitrary constant identifying the migration lock among PostgreSQL advisory locks. */
    private static final long LOCK_KEY = 0x5046_4d49_4752L; // "PFMIGR"

    private final DataSource dataSource;

    public TenantMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Migrates the platform schema. */
    public void migratePlatform() {
        withLock(() -> flyway(PLATFORM_SCHEMA, "classpath:db/platform").migrate());
    }

    /** Migrates one commune schema, creating it if needed. */
    public void migrateCommune(String schema) {
        withLock(() -> flyway(schema, "classpath:db/tenant").migrate());
    }

    /** Platform schema, then every commune of the store (provisioning ones included). */
    public int migrateAll() {
        int[] count = {0};
        withLock(() -> {
            flyway(PLATFORM_SCHEMA, "classpath:db/platform").migrate();
            List<Commune> communes = new TenantStore(dataSource).findAll();
            for (Commune commune : communes) {
                var result = flyway(commune.schemaName(), "classpath:db/tenant").migrate();
                if (result.migrationsExecuted > 0) {
                    LOG.info(() -> "Commune " + commune.slug() + " : " + result.migrationsExecuted
                            + " migration(s) appliquée(s), schéma " + commune.schemaName());
                }
                count[0]++;
            }
        });
        return count[0];
    }

    /** Drops a commune schema (undo of a failed provisioning). */
    public void dropCommuneSchema(String schema) {
        if (!schema.startsWith("commune_")) {
            throw new IllegalArgumentException("Not a commune schema: " + schema);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("drop schema if exists \"" + schema.replace("\"", "") + "\" cascade")) {
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Suppression du schéma " + schema + " impossible", e);
        }
    }

    private Flyway flyway(String schema, String location) {
        return Flyway.configure(TenantMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations(location)
                .load();
    }

    private void withLock(Runnable work) {
        try (Connection lock = dataSource.getConnection()) {
            try (PreparedStatement ps = lock.prepareStatement("select pg_advisory_lock(?)")) {
                ps.setLong(1, LOCK_KEY);
                ps.execute();
            }
            try {
                work.run();
            } finally {
                try (PreparedStatement ps = lock.prepareStatement("select pg_advisory_unlock(?)")) {
                    ps.setLong(1, LOCK_KEY);
                    ps.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Verrou de migration indisponible", e);
        }
    }
}
