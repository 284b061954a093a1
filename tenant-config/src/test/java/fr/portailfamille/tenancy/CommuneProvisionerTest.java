package fr.portailfamille.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.configuration.ConfigurationReader;
import fr.portailfamille.configuration.ConfigurationStore;
import fr.portailfamille.configuration.DefaultConfiguration;
import fr.portailfamille.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provisioning logic against a real PostgreSQL. The realm side is a recording stand-in that can be
 * told to fail, to prove the undo and resume paths; the real Keycloak side is tested in platform-it.
 */
class CommuneProvisionerTest {

    static DataSource ds;
    TenantStore store;
    TenantMigrator migrator;
    RecordingRealms realms;
    CommuneProvisioner provisioner;

    static class RecordingRealms implements RealmProvisioner {
        final List<String> created = new ArrayList<>();
        final List<String> deleted = new ArrayList<>();
        boolean fail;
        /** The application's addresses the realm was last given. */
        List<String> urls;

        @Override
        public String ensureRealm(Commune commune, List<String> appBaseUrls) {
            if (fail) {
                created.add(commune.realmName());
                throw new IllegalStateException("Keycloak indisponible");
            }
            created.add(commune.realmName());
            urls = appBaseUrls;
            return "secret-" + commune.slug();
        }

        final java.util.Map<String, Boolean> enabled = new java.util.HashMap<>();

        boolean failDelete;

        @Override
        public void deleteRealm(String realmName) {
            if (failDelete) {
                throw new IllegalStateException("Keycloak indisponible");
            }
            deleted.add(realmName);
        }

        @Override
        public void setRealmEnabled(String realmName, boolean on) {
            enabled.put(realmName, on);
        }
    }

    @BeforeAll
    static void startDatabase() {
        ds = TestDatabase.dataSource();
    }

    @BeforeEach
    void setUp() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("drop schema if exists platform cascade");
            ResultSet rs = c.createStatement().executeQuery(
                    "select nspname from pg_namespace where nspname like 'commune_%'");
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
        realms = new RecordingRealms();
        provisioner = new CommuneProvisioner(store, migrator, realms, "localhost",
                slug -> "http://" + slug + ".localhost:8080", "https", DefaultConfiguration.seeder(store.dataSource()));
    }

    @Test
    void provisionsSchemaRealmAndRow() throws SQLException {
        Commune c = provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of("familles.paysdemontfaucou.fr")));
        assertEquals(CommuneStatus.ACTIVE, c.status());
        assertEquals("secret-montfaucou", c.oidcClientSecret());
        assertEquals(List.of("familles.paysdemontfaucou.fr"), c.domains());
        assertTrue(schemaExists("commune_montfaucou"));
        assertTrue(tableExists("commune_montfaucou", "family"));
        assertEquals(List.of("http://montfaucou.localhost:8080", "https://familles.paysdemontfaucou.fr"),
                provisioner.baseUrls(c));
        assertEquals(c, store.findByDomain("FAMILLES.paysdemontfaucou.fr").orElseThrow());
        try (Connection conn = ds.getConnection()) {
            assertEquals(DefaultConfiguration.get(), ConfigurationReader.of(conn, "commune_montfaucou").configuration());
        }
    }

    @Test
    void failedSeedingIsUndone() throws SQLException {
        CommuneProvisioner failing = new CommuneProvisioner(store, migrator, realms, "localhost",
                slug -> "http://" + slug + ".localhost:8080", "https", schema -> {
                    throw new IllegalStateException("configuration illisible");
                });
        ProvisioningException e = assertThrows(ProvisioningException.class,
                () -> failing.provision(CommuneRulesTest.spec("montfaucou", List.of("familles.paysdemontfaucou.fr"))));
        assertTrue(e.getMessage().contains("configuration illisible"), e.getMessage());
        assertTrue(store.findAll().isEmpty());
        assertFalse(schemaExists("commune_montfaucou"));
        assertTrue(realms.created.isEmpty());
        assertEquals(CommuneStatus.ACTIVE, provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of())).status());
    }

    @Test
    void duplicateSlugIsRefusedAndChangesNothing() {
        provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of()));
        ProvisioningException e = assertThrows(ProvisioningException.class,
                () -> provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of("autre.fr"))));
        assertEquals("slug", e.errors().get(0).field());
        assertTrue(e.getMessage().contains("déjà"), e.getMessage());
        assertTrue(store.findByDomain("autre.fr").isEmpty());
        assertEquals(1, store.findAll().size());
    }

    @Test
    void domainOfAnotherCommuneIsRefusedAndLeavesNothing() throws SQLException {
        provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of("familles.paysdemontfaucou.fr")));
        ProvisioningException e = assertThrows(ProvisioningException.class,
                () -> provisioner.provision(CommuneRulesTest.spec("hermitage", List.of("familles.paysdemontfaucou.fr"))));
        assertEquals("domains", e.errors().get(0).field());
        assertTrue(store.findBySlug("hermitage").isEmpty());
        assertFalse(schemaExists("commune_hermitage"));
        assertEquals(List.of("pf-montfaucou"), realms.created);
    }

    @Test
    void invalidSlugIsRefusedBeforeAnything() throws SQLException {
        assertThrows(ProvisioningException.class, () -> provisioner.provision(CommuneRulesTest.spec("Mont Faucou", List.of())));
        assertTrue(store.findAll().isEmpty());
        assertTrue(realms.created.isEmpty());
    }

    @Test
    void failedRealmStepIsUndone() throws SQLException {
        realms.fail = true;
        ProvisioningException e = assertThrows(ProvisioningException.class,
                () -> provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of("familles.paysdemontfaucou.fr"))));
        assertTrue(e.getMessage().contains("Keycloak indisponible"));
        assertTrue(store.findAll().isEmpty());
        assertFalse(schemaExists("commune_montfaucou"));
        assertEquals(List.of("pf-montfaucou"), realms.deleted);
        realms.fail = false;
        assertEquals(CommuneStatus.ACTIVE, provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of())).status());
    }

    /** What a listener heard: "started X", "done X", "failed X". */
    static final class Steps implements ProvisioningListener {
        final List<String> heard = new ArrayList<>();

        @Override
        public void started(ProvisioningStep step) {
            heard.add("started " + step);
        }

        @Override
        public void done(ProvisioningStep step, String detail) {
            heard.add("done " + step);
        }

        @Override
        public void failed(ProvisioningStep step, String error) {
            heard.add("failed " + step + ": " + error);
        }
    }

    @Test
    void everyStepIsReportedInOrderAndAFailureNamesItsStep() {
        Steps steps = new Steps();
        provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of()), steps);
        assertEquals(List.of("started SCHEMA", "done SCHEMA", "started MIGRATIONS", "done MIGRATIONS",
                "started CONFIGURATION", "done CONFIGURATION", "started REALM", "done REALM", "done CLIENT", "done THEME",
                "started ACTIVATION", "done ACTIVATION"), steps.heard);

        realms.fail = true;
        Steps failing = new Steps();
        assertThrows(ProvisioningException.class,
                () -> provisioner.provision(CommuneRulesTest.spec("hermitage", List.of()), failing));
        assertEquals("failed REALM: Keycloak indisponible", failing.heard.get(failing.heard.size() - 1));
        assertTrue(store.findBySlug("hermitage").isEmpty(), "première tentative annulée : on peut la reprendre");
    }

    @Test
    void interruptedProvisioningResumes() throws SQLException {
        // a crash after the tenant row was written leaves it PROVISIONING: a re-run finishes it
        store.insertProvisioning(CommuneRulesTest.spec("montfaucou", List.of()), CommuneProvisioner.CLIENT_ID);
        Commune c = provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of("familles.paysdemontfaucou.fr")));
        assertEquals(CommuneStatus.ACTIVE, c.status());
        assertEquals(List.of("familles.paysdemontfaucou.fr"), c.domains());
        assertTrue(tableExists("commune_montfaucou", "child"));
        try (Connection conn = ds.getConnection()) {
            // interrupted before its configuration was written: the resumed attempt writes it
            assertFalse(ConfigurationReader.of(conn, "commune_montfaucou").configuration().activities().isEmpty());
        }
        // interrupted after: what the commune's agents may already have changed is kept
        try (Connection conn = ds.getConnection(); Statement st = conn.createStatement()) {
            st.execute("insert into commune_montfaucou.commune_setting (key, value) values ('zone', 'C')"
                    + " on conflict (key) do update set value = 'C'");
        }
        store.setStatus("montfaucou", CommuneStatus.PROVISIONING);
        provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of("familles.paysdemontfaucou.fr")));
        try (Connection conn = ds.getConnection()) {
            assertEquals("C", ConfigurationReader.of(conn, "commune_montfaucou").configuration().zone());
        }
    }

    @Test
    void aServedCommuneGetsANewDomainItsRealmAcceptsAndNoneAnotherUses() throws SQLException {
        provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of()));
        provisioner.provision(CommuneRulesTest.spec("panazol", List.of("familles.panazol.fr")));
        ProvisioningException taken = assertThrows(ProvisioningException.class, () -> provisioner.update(
                CommuneRulesTest.spec("montfaucou", List.of("familles.panazol.fr")), "op"));
        assertEquals("domains", taken.errors().get(0).field());
        assertEquals(List.of(), store.findBySlug("montfaucou").orElseThrow().domains(), "nothing changed");

        Commune updated = provisioner.update(CommuneRulesTest.spec("montfaucou", List.of("familles.montfaucou.fr")), "op");
        assertEquals(List.of("familles.montfaucou.fr"), updated.domains());
        assertEquals(CommuneStatus.ACTIVE, updated.status());
        assertEquals("secret-montfaucou", updated.oidcClientSecret(), "its client kept");
        assertEquals(List.of("http://montfaucou.localhost:8080", "https://familles.montfaucou.fr"), realms.urls);
        assertEquals(updated, store.findByDomain("familles.montfaucou.fr").orElseThrow());

        // Keycloak down: the registry changed, the update to run again (audited so)
        realms.fail = true;
        ProvisioningException down = assertThrows(ProvisioningException.class, () -> provisioner.update(
                CommuneRulesTest.spec("montfaucou", List.of("familles.montfaucou.fr", "enfance.montfaucou.fr")), "op"));
        assertTrue(down.errors().isEmpty() && down.getMessage().contains("Relancez la modification"), down.getMessage());
        try (Connection c = ds.getConnection()) {
            ResultSet rs = c.createStatement().executeQuery(
                    "select string_agg(action, ',' order by id) from platform.operator_audit where slug = 'montfaucou'");
            rs.next();
            assertEquals("UPDATE,UPDATE_FAILED", rs.getString(1));
        }
        ProvisioningException unknown = assertThrows(ProvisioningException.class,
                () -> provisioner.update(CommuneRulesTest.spec("nulle-part", List.of()), "op"));
        assertEquals("slug", unknown.errors().get(0).field());
    }

    @Test
    void suspendAndResumeKeepEverythingAndAreAudited() throws SQLException {
        provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of()));
        Commune suspended = provisioner.suspend("montfaucou", "operateur@exemple.fr");
        assertEquals(CommuneStatus.SUSPENDED, suspended.status());
        assertEquals(Boolean.FALSE, realms.enabled.get("pf-montfaucou"));
        assertTrue(tableExists("commune_montfaucou", "family"), "nothing is deleted");
        assertEquals(CommuneStatus.SUSPENDED, provisioner.suspend("montfaucou", "operateur@exemple.fr").status(),
                "idempotent");
        Commune resumed = provisioner.resume("montfaucou", "operateur@exemple.fr");
        assertEquals(CommuneStatus.ACTIVE, resumed.status());
        assertEquals(Boolean.TRUE, realms.enabled.get("pf-montfaucou"));
        try (Connection c = ds.getConnection()) {
            ResultSet rs = c.createStatement().executeQuery(
                    "select string_agg(action || ':' || actor, ',' order by id) from platform.operator_audit where slug = 'montfaucou'");
            rs.next();
            assertEquals("SUSPEND:operateur@exemple.fr,SUSPEND:operateur@exemple.fr,RESUME:operateur@exemple.fr", rs.getString(1));
        }
        ProvisioningException unknown = assertThrows(ProvisioningException.class, () -> provisioner.suspend("nulle-part", "op"));
        assertEquals("slug", unknown.errors().get(0).field());
    }

    @Test
    void deleteNeedsTheSlugTypedAgainAndASuspendedCommune() throws SQLException {
        provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of("familles.paysdemontfaucou.fr")));
        ProvisioningException typo = assertThrows(ProvisioningException.class,
                () -> provisioner.delete("montfaucou", "montfaucu", "op"));
        assertEquals("typedSlug", typo.errors().get(0).field());
        assertTrue(typo.getMessage().contains("saisissez exactement l'identifiant"), typo.getMessage());
        ProvisioningException active = assertThrows(ProvisioningException.class,
                () -> provisioner.delete("montfaucou", "montfaucou", "op"));
        assertTrue(active.getMessage().contains("doit être suspendue"), active.getMessage());
        assertTrue(schemaExists("commune_montfaucou"));
        assertTrue(realms.deleted.isEmpty());

        provisioner.suspend("montfaucou", "op");
        // Keycloak fails after the schema went: the commune stays listed, suspended, and a re-run finishes
        realms.failDelete = true;
        assertThrows(ProvisioningException.class, () -> provisioner.delete("montfaucou", "montfaucou", "op"));
        assertFalse(schemaExists("commune_montfaucou"));
        assertEquals(CommuneStatus.SUSPENDED, store.findBySlug("montfaucou").orElseThrow().status());
        // half-deleted, it is never served again: « Réactiver » is refused, only the deletion goes on
        ProvisioningException back = assertThrows(ProvisioningException.class, () -> provisioner.resume("montfaucou", "op"));
        assertEquals("slug", back.errors().get(0).field());
        assertTrue(back.getMessage().contains("Relancez la suppression"), back.getMessage());
        assertEquals(CommuneStatus.SUSPENDED, store.findBySlug("montfaucou").orElseThrow().status());
        realms.failDelete = false;
        provisioner.delete("montfaucou", " montfaucou ", "op");
        assertTrue(store.findBySlug("montfaucou").isEmpty());
        assertTrue(store.findByDomain("familles.paysdemontfaucou.fr").isEmpty());
        assertEquals(List.of("pf-montfaucou"), realms.deleted);
        try (Connection c = ds.getConnection()) {
            ResultSet rs = c.createStatement().executeQuery("select string_agg(action, ',' order by id)"
                    + " from platform.operator_audit where slug = 'montfaucou'");
            rs.next();
            assertEquals("SUSPEND,DELETE_FAILED,DELETE", rs.getString(1), "the audit survives the commune");
        }
        // the slug is free again
        assertEquals(CommuneStatus.ACTIVE, provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of())).status());
        // the new commune of that slug is not the half-deleted one: suspended, it is resumed (the audit is by slug)
        provisioner.suspend("montfaucou", "op");
        assertEquals(CommuneStatus.ACTIVE, provisioner.resume("montfaucou", "op").status());
    }

    @Test
    void aCommuneLeftProvisioningIsDeletedWithoutBeingSuspended() throws SQLException {
        // an import interrupted while loading its data: never served, it cannot be suspended, it can be deleted
        provisioner.provision(CommuneRulesTest.spec("hermitage", List.of()), new Steps(), false);
        assertEquals(CommuneStatus.PROVISIONING, store.findBySlug("hermitage").orElseThrow().status());
        assertThrows(ProvisioningException.class, () -> provisioner.suspend("hermitage", "op"));
        provisioner.delete("hermitage", "hermitage", "op");
        assertTrue(store.findBySlug("hermitage").isEmpty());
        assertFalse(schemaExists("commune_hermitage"));
        assertEquals(List.of("pf-hermitage"), realms.deleted);
    }

    @Test
    void migrateAllIsIdempotent() {
        provisioner.provision(CommuneRulesTest.spec("montfaucou", List.of()));
        provisioner.provision(CommuneRulesTest.spec("hermitage", List.of()));
        assertEquals(2, migrator.migrateAll());
        assertEquals(2, migrator.migrateAll());
    }

    private static boolean schemaExists(String schema) throws SQLException {
        try (Connection c = ds.getConnection()) {
            var ps = c.prepareStatement("select 1 from pg_namespace where nspname = ?");
            ps.setString(1, schema);
            return ps.executeQuery().next();
        }
    }

    private static boolean tableExists(String schema, String table) throws SQLException {
        try (Connection c = ds.getConnection()) {
            var ps = c.prepareStatement("select 1 from information_schema.tables where table_schema = ? and table_name = ?");
            ps.setString(1, schema);
            ps.setString(2, table);
            return ps.executeQuery().next();
        }
    }
}
