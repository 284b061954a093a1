package fr.portailfamille.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.configuration.DefaultConfiguration;
import fr.portailfamille.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upgrade step against a real PostgreSQL: one commune whose migration fails is recorded FAILED with its error
 * and version, the others are upgraded and recorded CURRENT, and replicas serve a commune only when its schema
 * holds every migration of their code.
 */
class TenantUpgradeTest {

    private static final DataSource ds = TestDatabase.dataSource();

    private TenantStore store;
    private TenantMigrator migrator;
    private CommuneProvisioner provisioner;

    @BeforeEach
    void setUp() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("drop schema if exists platform cascade");
            ResultSet rs = c.createStatement().executeQuery("select nspname from pg_namespace where nspname like 'commune_%'");
            List<String> schemas = new ArrayList<>();
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
            for (String s : schemas) {
                c.createStatement().execute("drop schema " + s + " cascade");
            }
        }
        store = new TenantStore(ds);
        migrator = new TenantMigrator(ds);
        migrator.migratePlatform();
        provisioner = new CommuneProvisioner(store, migrator, new CommuneProvisionerTest.RecordingRealms(), "localhost",
                slug -> "http://" + slug + ".localhost:8080", "https", DefaultConfiguration.seeder(ds));
    }

    @Test
    void codeVersionIsTheNewestTenantMigrationFile() throws Exception {
        assertEquals(String.valueOf(versions().get(versions().size() - 1)), migrator.codeVersion());
        try (Connection c = ds.getConnection()) {
            assertFalse(c.createStatement().executeQuery(
                    "select 1 from pg_namespace where nspname = 'pf_code_version_probe'").next(), "the probe creates nothing");
        }
    }

    @Test
    void provisioningRecordsTheSchemaVersion() {
        Commune c = provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of()));
        assertEquals(migrator.codeVersion(), c.schemaVersion());
        assertEquals("CURRENT", state("montfaucou"));
        assertTrue(TenantMigrator.serves(migrator.codeVersion(), c.schemaVersion()));
    }

    @Test
    void oneFailingCommuneIsRecordedAndTheOthersAreUpgraded() throws Exception {
        provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of()));
        provisioner.provision(CommuneRulesTest.spec("hermitage", List.of()));
        String code = migrator.codeVersion();
        String previous = String.valueOf(versions().get(versions().size() - 2));
        // valbrune: an older platform upgraded it up to the previous migration only
        store.insertProvisioning(CommuneRulesTest.spec("valbrune", List.of()), "portail");
        store.setStatus("valbrune", CommuneStatus.ACTIVE);
        Flyway.configure(TenantMigrator.class.getClassLoader()).dataSource(ds).schemas("commune_valbrune")
                .defaultSchema("commune_valbrune").createSchemas(true).locations("classpath:db/tenant")
                .target(previous).load().migrate();
        try (Connection c = ds.getConnection()) {
            // hermitage: its newest migration is recorded as failed, as a migration that met a schema it did not
            // expect leaves it; Flyway refuses to go on until it is repaired
            c.createStatement().execute("update commune_hermitage.flyway_schema_history set success = false"
                    + " where version = '" + code + "'");
        }

        List<TenantMigrator.Outcome> outcomes = migrator.upgradeAll();

        Map<String, TenantMigrator.Outcome> bySlug = outcomes.stream()
                .collect(Collectors.toMap(TenantMigrator.Outcome::slug, o -> o));
        assertEquals(3, outcomes.size());
        assertFalse(bySlug.get("montfaucou").failed());
        assertFalse(bySlug.get("valbrune").failed(), String.valueOf(bySlug.get("valbrune").error()));
        assertEquals(code, bySlug.get("valbrune").version());
        TenantMigrator.Outcome failed = bySlug.get("hermitage");
        assertTrue(failed.failed());
        assertTrue(failed.error().contains(code), failed.error());
        assertEquals(previous, failed.version(), "the newest migration that succeeded");
        assertEquals("FAILED", state("hermitage"));
        assertEquals("CURRENT", state("valbrune"));
        assertEquals("CURRENT", state("montfaucou"));
        assertFalse(TenantMigrator.serves(code, store.findBySlug("hermitage").orElseThrow().schemaVersion()));
        assertTrue(TenantMigrator.serves(code, store.findBySlug("valbrune").orElseThrow().schemaVersion()));
        assertTrue(TenantMigrator.serves(code, store.findBySlug("montfaucou").orElseThrow().schemaVersion()));

        // the operator repairs the schema and re-runs the upgrade of that commune alone
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("update commune_hermitage.flyway_schema_history set success = true"
                    + " where version = '" + code + "'");
        }
        TenantMigrator.Outcome rerun = migrator.upgrade(store.findBySlug("hermitage").orElseThrow());
        assertFalse(rerun.failed(), String.valueOf(rerun.error()));
        assertEquals(code, rerun.version());
        assertEquals("CURRENT", state("hermitage"));
        try (Connection c = ds.getConnection()) {
            ResultSet rs = c.createStatement().executeQuery("select schema_error from platform.commune where slug = 'hermitage'");
            rs.next();
            assertNull(rs.getString(1));
        }
    }

    /**
     * Tenant V47 (a Java migration): a document type named for health that a commune saved unticked, and the documents
     * sent under it, become health data; a type of another name and its documents stay as they were.
     */
    @Test
    void v47MakesTheTypesNamedForHealthAndTheirDocumentsHealthData() throws Exception {
        Flyway.configure(TenantMigrator.class.getClassLoader()).dataSource(ds).schemas("commune_vingtsix")
                .defaultSchema("commune_vingtsix").createSchemas(true).locations("classpath:db/tenant").target("46")
                .load().migrate();
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("set search_path to commune_vingtsix");
            c.createStatement().execute("insert into family (label) values ('Famille Durand')");
            c.createStatement().execute("insert into document_type (code, label, validity) values"
                    + " ('VACCINS', 'Carnet de vaccination', 'PERMANENT'), ('LICENCE', 'Licence sportive', 'PERMANENT')");
            c.createStatement().execute("insert into family_document (family_id, type_code, health, issued_on, status,"
                    + " file_name, content_type, content) select f.id, t.code, false, date '2026-09-01', 'VALIDATED',"
                    + " 'doc.pdf', 'application/pdf', '\\x25504446'::bytea from family f, document_type t"
                    + " where t.code in ('VACCINS', 'LICENCE')");
        }
        migrator.migrateCommune("commune_vingtsix");
        try (Connection c = ds.getConnection()) {
            ResultSet rs = c.createStatement().executeQuery("select t.code || ' ' || t.health || ' ' || d.health"
                    + " from commune_vingtsix.document_type t join commune_vingtsix.family_document d on d.type_code = t.code"
                    + " order by t.code");
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            assertEquals(List.of("LICENCE false false", "VACCINS true true"), rows);
        }
    }

    @Test
    void servesComparesVersionsAsNumbers() {
        assertTrue(TenantMigrator.serves("19", "19"));
        assertTrue(TenantMigrator.serves("9", "19"), "a newer schema is served by the previous code (rolling upgrade)");
        assertFalse(TenantMigrator.serves("19", "9"));
        assertFalse(TenantMigrator.serves("19", null), "never upgraded since the versions are recorded");
    }

    /** The tenant migrations' versions, SQL files and Java classes ({@code db.tenant}) alike, in order. */
    private static List<Integer> versions() throws java.io.IOException {
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/main/resources/db/tenant")),
                Files.list(Path.of("src/main/java/db/tenant")))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.(sql|java)"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().toList();
        }
    }

    private String state(String slug) {
        try (Connection c = ds.getConnection()) {
            ResultSet rs = c.createStatement().executeQuery("select schema_state from platform.commune where slug = '" + slug + "'");
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
