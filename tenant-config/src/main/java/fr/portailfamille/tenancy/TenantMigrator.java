package fr.portailfamille.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Applies the Flyway migrations: first the platform schema (the tenant store), then every commune
 * schema, one {@code migrate()} per schema so that each keeps its own history table (flyway#2995).
 * A PostgreSQL advisory lock makes sure only one process migrates at a time, even with several
 * replicas starting together (flyway#2102). An upgrade goes on when one commune's migration fails, and
 * records for each commune the version its schema reached and the error if any ({@code platform.commune}),
 * so that replicas serve only the communes whose schema their code can use ({@link #serves}).
 */
public class TenantMigrator {

    public static final String PLATFORM_SCHEMA = "platform";
    private static final Logger LOG = Logger.getLogger(TenantMigrator.class.getName());
    /** Arbitrary constant identifying the migration lock among PostgreSQL advisory locks. */
    private static final long LOCK_KEY = 0x5046_4d49_4752L; // "PFMIGR"

    /** A schema that never exists: Flyway's view of the code's migrations, all pending ({@link #codeVersion}). */
    private static final String PROBE_SCHEMA = "pf_code_version_probe";

    private final DataSource dataSource;
    private static volatile String codeVersion;

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

    /** What the upgrade of one commune gave: the version its schema holds, and the error when a migration failed. */
    public record Outcome(String slug, String version, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** Platform schema, then every commune of the store (provisioning ones included), each recorded; see {@link #upgradeAll}. */
    public int migrateAll() {
        List<Outcome> outcomes = upgradeAll();
        return outcomes.size();
    }

    /**
     * The upgrade step: the platform schema (its failure stops everything: nothing can be recorded without it),
     * then every commune one after the other; a commune whose migration fails is recorded FAILED with the error
     * (its failed migration rolled back by PostgreSQL's transactional DDL) and the next one goes on.
     */
    public List<Outcome> upgradeAll() {
        List<Outcome> outcomes = new ArrayList<>();
        withLock(() -> {
            flyway(PLATFORM_SCHEMA, "classpath:db/platform").migrate();
            TenantStore store = new TenantStore(dataSource);
            for (Commune commune : store.findAll()) {
                outcomes.add(upgradeLocked(store, commune));
            }
        });
        long failed = outcomes.stream().filter(Outcome::failed).count();
        if (failed > 0) {
            LOG.severe(() -> "Mise à niveau : " + failed + " commune(s) sur " + outcomes.size() + " en échec ("
                    + outcomes.stream().filter(Outcome::failed).map(Outcome::slug).toList() + "), les autres sont à jour.");
        }
        return outcomes;
    }

    /** Upgrades one commune of the store and records the outcome (an operator's re-run after a failed upgrade). */
    public Outcome upgrade(Commune commune) {
        Outcome[] outcome = {null};
        withLock(() -> outcome[0] = upgradeLocked(new TenantStore(dataSource), commune));
        return outcome[0];
    }

    private Outcome upgradeLocked(TenantStore store, Commune commune) {
        Flyway flyway = flyway(commune.schemaName(), "classpath:db/tenant");
        String error = null;
        try {
            var result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info(() -> "Commune " + commune.slug() + " : " + result.migrationsExecuted
                        + " migration(s) appliquée(s), schéma " + commune.schemaName());
            }
        } catch (RuntimeException e) {
            error = rootMessage(e);
            LOG.log(Level.SEVERE, "Mise à niveau de la commune " + commune.slug() + " en échec", e);
        }
        // the newest migration that succeeded (a failed one left in the history does not count)
        String version = Arrays.stream(flyway.info().applied())
                .filter(i -> i.getVersion() != null && !i.getState().isFailed())
                .map(MigrationInfo::getVersion).max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion).orElse(null);
        store.recordSchema(commune.slug(), version, error);
        return new Outcome(commune.slug(), version, error);
    }

    /**
     * The newest tenant migration this code carries (e.g. {@code "19"}), read once from Flyway's view of the
     * migrations on the class path against a schema that does not exist (so all are pending; nothing is created).
     */
    public String codeVersion() {
        String known = codeVersion;
        if (known == null) {
            MigrationInfo[] all = Flyway.configure(TenantMigrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .schemas(PROBE_SCHEMA)
                    .defaultSchema(PROBE_SCHEMA)
                    .createSchemas(false)
                    .locations("classpath:db/tenant")
                    .load().info().all();
            known = Arrays.stream(all).map(MigrationInfo::getVersion).filter(v -> v != null)
                    .max(MigrationVersion::compareTo).map(MigrationVersion::getVersion)
                    .orElseThrow(() -> new IllegalStateException("Aucune migration de commune sur le class path"));
            codeVersion = known;
        }
        return known;
    }

    /**
     * Whether code carrying migrations up to {@code codeVersion} may serve a commune whose schema is at
     * {@code schemaVersion}: the schema holds every migration the code needs (a newer schema is served too: during a
     * rolling upgrade, replicas of the previous version keep serving once the upgrade step has migrated).
     */
    public static boolean serves(String codeVersion, String schemaVersion) {
        return schemaVersion != null
                && MigrationVersion.fromVersion(schemaVersion).compareTo(MigrationVersion.fromVersion(codeVersion)) >= 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.strip();
    }

    /** Creates a commune schema if it does not exist yet (the first step of an onboarding; its migrations follow). */
    public void createCommuneSchema(String schema) {
        if (!schema.startsWith("commune_")) {
            throw new IllegalArgumentException("Not a commune schema: " + schema);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("create schema if not exists \"" + schema.replace("\"", "") + "\"")) {
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Création du schéma " + schema + " impossible", e);
        }
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
