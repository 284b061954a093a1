package fr.portailfamille.it;

import static fr.portailfamille.it.support.StackLauncher.ALPHA;
import static fr.portailfamille.it.support.StackLauncher.BETA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.archive.ArchiveCipher;
import fr.portailfamille.archive.ArchiveException;
import fr.portailfamille.archive.ArchiveInfo;
import fr.portailfamille.archive.CommuneArchives;
import fr.portailfamille.devstack.DevStack;
import fr.portailfamille.identity.KeycloakRealmProvisioner;
import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneProvisioner;
import fr.portailfamille.tenancy.CommuneSpec;
import fr.portailfamille.tenancy.CommuneStatus;
import fr.portailfamille.tenancy.ProvisioningException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;

/**
 * A commune's archive against the real PostgreSQL, Keycloak and platform (issue 13's "Done means": an exported commune
 * imported into a fresh commune has identical counts). A commune filled with families, children, documents, bookings
 * and an invoice is exported with its accounts, imported into a fresh commune — identical row counts for every table,
 * byte-equal documents, its accounts re-created with their ids and roles —; a wrong passphrase or a changed byte
 * imports nothing; deletion is refused with a wrong typed slug and for an active commune, then a suspended commune's
 * schema and realm go while the audit stays. In the staff area: the export page (axe, 360 px), its refusals, the
 * download; alpha's page never lists nor serves beta's archive, a parent gets 403.
 */
@ExtendWith(ArquillianExtension.class)
class CommuneArchiveIT {

    static final char[] PASS = "la mairie garde cette phrase".toCharArray();

    final DevStack stack = StackLauncher.stack();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platformWar();
    }

    @Test
    void anExportedCommuneImportedIntoAFreshCommuneHasIdenticalCounts() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String sourceSlug = "arch-" + suffix;
        String copySlug = "copie-" + suffix;
        CommuneProvisioner provisioner = stack.provisioner();
        KeycloakRealmProvisioner realms = stack.realmProvisioner();
        Commune source = provisioner.provision(ProvisioningIT.spec(sourceSlug, List.of()));
        String parentId = realms.createUser(source.realmName(), "parent@" + sourceSlug + ".test", "Anne", "Archivée",
                "Parent2026", "parent");
        String agentId = realms.createUser(source.realmName(), "agent@" + sourceSlug + ".test", "Dom", "Agent",
                "Agent2026", "agent");
        // the agent answers for one messaging service only: its realm group
        RealmResource sourceRealm = stack.keycloakAdmin().realm(source.realmName());
        org.keycloak.representations.idm.GroupRepresentation service = new org.keycloak.representations.idm.GroupRepresentation();
        service.setName("service-enfance");
        sourceRealm.groups().add(service).close();
        sourceRealm.users().get(agentId).joinGroup(sourceRealm.groups().groups("service-enfance", 0, 1).get(0).getId());
        byte[] document = fill(source, parentId);

        CommuneArchives archives = new CommuneArchives(stack.platformDb(), provisioner, realms);
        ArchiveInfo info = archives.export(source, PASS, realms.read(source.realmName()), "admin-it");
        byte[] sealed;
        try (InputStream in = archives.open(info.id())) {
            sealed = in.readAllBytes();
        }
        assertEquals(info.size(), sealed.length);
        assertArrayEquals("PFARCHIV".getBytes(), Arrays.copyOf(sealed, 8));

        // a wrong passphrase, a changed byte: refused in French, nothing created
        ArchiveException wrong = assertThrows(ArchiveException.class, () -> archives.importInto(
                ProvisioningIT.spec(copySlug, List.of()), new ByteArrayInputStream(sealed),
                "pas la bonne phrase".toCharArray(), "operateur-it"));
        assertEquals(ArchiveCipher.WRONG_PASSPHRASE, wrong.getMessage());
        byte[] tampered = sealed.clone();
        tampered[sealed.length / 2] ^= 0x01;
        assertThrows(ArchiveException.class, () -> archives.importInto(ProvisioningIT.spec(copySlug, List.of()),
                new ByteArrayInputStream(tampered), PASS, "operateur-it"));
        assertTrue(stack.tenantStore().findBySlug(copySlug).isEmpty());
        assertFalse(realmExists("pf-" + copySlug));

        Commune copy = archives.importInto(new CommuneSpec(copySlug, "Copie " + suffix, "https://www.copie.example.test",
                "#1d4f91", "#f2a900", null, List.of()), new ByteArrayInputStream(sealed), PASS, "operateur-it");
        assertEquals(CommuneStatus.ACTIVE, copy.status());
        Map<String, Long> before = counts(source.schemaName());
        assertEquals(before, counts(copy.schemaName()), "identical counts for every table");
        assertTrue(before.get("family") == 3 && before.get("child") == 6 && before.get("booking") == 2
                && before.get("family_document") == 1 && before.get("invoice") == 1 && before.get("billed_month") == 1,
                before::toString);
        assertArrayEquals(document, documentOf(copy.schemaName()), "the document comes back byte for byte");
        assertEquals(rows(source.schemaName(), "select id, label, email from family order by id"),
                rows(copy.schemaName(), "select id, label, email from family order by id"));

        // the accounts, re-created with their roles, without any password; this Keycloak still holds the source's
        // accounts (an id is unique in the whole server), so they got new ids, and the families follow them
        RealmResource copyRealm = stack.keycloakAdmin().realm(copy.realmName());
        UserRepresentation parent = copyRealm.users().search("parent@" + sourceSlug + ".test", true).get(0);
        assertEquals("parent@" + sourceSlug + ".test", parent.getEmail());
        assertTrue(parent.getRequiredActions().contains("UPDATE_PASSWORD"), parent.getRequiredActions()::toString);
        assertTrue(copyRealm.users().get(parent.getId()).credentials().isEmpty(), "no credential travels");
        assertTrue(copyRealm.users().get(parent.getId()).roles().realmLevel().listEffective().stream()
                .anyMatch(r -> r.getName().equals("parent")));
        UserRepresentation agent = copyRealm.users().search("agent@" + sourceSlug + ".test", true).get(0);
        assertEquals(List.of("/service-enfance"), copyRealm.users().get(agent.getId()).groups().stream()
                .map(org.keycloak.representations.idm.GroupRepresentation::getPath).toList(), "the agent's services travel");
        assertEquals(List.of("agent@" + sourceSlug + ".test", "parent@" + sourceSlug + ".test"),
                copyRealm.users().list(0, 100).stream().map(UserRepresentation::getUsername)
                        .filter(u -> !u.startsWith("service-account-")).sorted().toList());
        assertEquals(List.of(parentId + "|null|null", "null|null|null", "null|null|null"),
                rows(source.schemaName(), "select subject, null, null from family order by id"));
        assertEquals(List.of(parent.getId() + "|null|null", "null|null|null", "null|null|null"),
                rows(copy.schemaName(), "select subject, null, null from family order by id"));

        // the copy is served
        awaitStatus(copySlug, 200);

        // delete: the slug typed again, suspended first; the schema and the realm go, the audit stays
        ProvisioningException typo = assertThrows(ProvisioningException.class,
                () -> provisioner.delete(copySlug, sourceSlug, "operateur-it"));
        assertEquals("typedSlug", typo.errors().get(0).field());
        ProvisioningException active = assertThrows(ProvisioningException.class,
                () -> provisioner.delete(copySlug, copySlug, "operateur-it"));
        assertTrue(active.getMessage().contains("doit être suspendue"), active.getMessage());
        assertTrue(schemaExists(copy.schemaName()));
        provisioner.suspend(copySlug, "operateur-it");
        provisioner.delete(copySlug, copySlug, "operateur-it");
        assertFalse(schemaExists(copy.schemaName()));
        assertFalse(realmExists(copy.realmName()));
        assertTrue(stack.tenantStore().findBySlug(copySlug).isEmpty());
        assertEquals(List.of("IMPORT", "SUSPEND", "DELETE"), audit(copySlug).stream()
                .filter(a -> !a.equals("IMPORT_FAILED")).toList());
        awaitStatus(copySlug, 404);
        // the source is untouched, its archive kept
        assertEquals(before, counts(source.schemaName()));
        assertEquals(List.of(info.id()), archives.list(sourceSlug).stream().map(ArchiveInfo::id).toList());

        // the move as an operator does it: the source deleted, its archive imported elsewhere — the accounts keep
        // their ids, so each family is still its parent's
        provisioner.suspend(sourceSlug, "operateur-it");
        provisioner.delete(sourceSlug, sourceSlug, "operateur-it");
        String movedSlug = "moved-" + suffix;
        Commune moved;
        try (InputStream in = archives.open(info.id())) {
            moved = archives.importInto(ProvisioningIT.spec(movedSlug, List.of()), in, PASS, "operateur-it");
        }
        assertEquals(before, counts(moved.schemaName()));
        RealmResource movedRealm = stack.keycloakAdmin().realm(moved.realmName());
        assertEquals("parent@" + sourceSlug + ".test", movedRealm.users().get(parentId).toRepresentation().getEmail());
        assertEquals(List.of(parentId + "|null|null", "null|null|null", "null|null|null"),
                rows(moved.schemaName(), "select subject, null, null from family order by id"));
        provisioner.suspend(movedSlug, "operateur-it");
        provisioner.delete(movedSlug, movedSlug, "operateur-it");
    }

    @Test
    void theStaffExportPageServesOnlyItsOwnCommunesArchives() throws Exception {
        Commune beta = stack.tenantStore().findBySlug(BETA).orElseThrow();
        ArchiveInfo betaArchive = new CommuneArchives(stack.platformDb()).export(beta, PASS, List.of(), "admin-beta");
        // the archive holds the families' health data: an administrator who also holds agent-sante makes it
        String archivist = "archives@" + ALPHA + ".test";
        String realm = stack.tenantStore().findBySlug(ALPHA).orElseThrow().realmName();
        for (String role : List.of("agent", "admin-commune", "agent-sante")) {
            stack.realmProvisioner().createUser(realm, archivist, "Ariane", "Archiviste", StackLauncher.PASSWORD_AGENT, role);
        }
        try (Browser b = new Browser()) {
            b.get(PlatformWebIT.url(ALPHA) + "/agent/export.xhtml");
            b.signIn(archivist, StackLauncher.PASSWORD_AGENT);
            b.awaitUrlStartingWith(PlatformWebIT.url(ALPHA) + "/agent/export.xhtml");
            assertEquals("Exporter les données de la commune", b.await(By.id("page-title")).getText());
            assertEquals("", b.accessibilityViolations(), "axe-core, agent/export");

            Browser.type(b, "export:passphrase", "trop court");
            Browser.type(b, "export:confirmation", "trop court");
            b.submit(By.id("export:exporter"));
            assertEquals(ArchiveCipher.SHORT_PASSPHRASE, b.await(By.id("export:passphrase_msg")).getText());
            Browser.type(b, "export:passphrase", "une phrase bien longue");
            Browser.type(b, "export:confirmation", "une phrase bien longue !");
            b.submit(By.id("export:exporter"));
            assertEquals("Les deux phrases secrètes ne sont pas identiques.",
                    b.await(By.id("export:confirmation_msg")).getText());
            Browser.type(b, "export:passphrase", "une phrase bien longue");
            Browser.type(b, "export:confirmation", "une phrase bien longue");
            b.submit(By.id("export:exporter"));
            assertTrue(b.await(By.id("export:export_errors")).getText().startsWith("Archive créée"), b::snapshot);
            List<org.openqa.selenium.WebElement> links = b.driver.findElements(By.cssSelector("#archives a.archive-download"));
            assertFalse(links.isEmpty(), b::snapshot);
            long alphaId = Long.parseLong(links.get(0).getAttribute("href").replaceAll(".*id=(\\d+).*", "$1"));
            assertTrue(b.driver.findElement(By.id("archives")).getText().contains(archivist));
            assertEquals("", b.accessibilityViolations(), "axe-core, agent/export with an archive");
            List<String> wide = new ArrayList<>();
            InputsWebIT.phone(b);
            b.get(PlatformWebIT.url(ALPHA) + "/agent/export.xhtml");
            b.await(By.id("export:passphrase"));
            InputsWebIT.check(b, "export-agent", wide);
            b.driver.executeScript("document.getElementById('archives').scrollIntoView({block: 'start'});");
            Browser.screenshot(b, "360-export-agent-archives");
            b.desktop();
            assertEquals(List.of(), wide);

            assertFalse(b.driver.getPageSource().contains("id=" + betaArchive.id() + "\""), "beta's archive not listed");
            Map<String, String> cookie = Map.of("Cookie", "JSESSIONID=" + b.driver.manage().getCookieNamed("JSESSIONID").getValue());
            HttpResponse<byte[]> download = getBytes(PlatformWebIT.host(ALPHA), "/agent/export/archive?id=" + alphaId, cookie);
            assertEquals(200, download.statusCode());
            assertArrayEquals("PFARCHIV".getBytes(), Arrays.copyOf(download.body(), 8));
            assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));
            try (InputStream stored = new CommuneArchives(stack.platformDb()).open(alphaId)) {
                assertArrayEquals(stored.readAllBytes(), download.body());
            }
            // beta's archive by its id with alpha's Host and session: not found; with beta's Host: no login there
            assertEquals(404, getBytes(PlatformWebIT.host(ALPHA), "/agent/export/archive?id=" + betaArchive.id(), cookie)
                    .statusCode());
            HttpResponse<byte[]> onBeta = getBytes(PlatformWebIT.host(BETA), "/agent/export/archive?id=" + betaArchive.id(),
                    cookie);
            assertEquals(302, onBeta.statusCode());
            assertTrue(onBeta.headers().firstValue("Location").orElse("").contains("/realms/pf-beta/"));

            // a parent of alpha: 403 on the page and on the file
            PlatformWebIT.createTokenClients();
            String token = PlatformWebIT.accessToken(ALPHA, StackLauncher.parent(ALPHA), StackLauncher.PASSWORD_PARENT);
            Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
            assertEquals(403, getBytes(PlatformWebIT.host(ALPHA), "/agent/export/archive?id=" + alphaId, bearer).statusCode());
            assertEquals(403, getBytes(PlatformWebIT.host(ALPHA), "/agent/export.xhtml", bearer).statusCode());
            // an agent who is not the commune's administrator: 403 too (the export holds every family's data)
            String agentToken = PlatformWebIT.accessToken(ALPHA, StackLauncher.agent(ALPHA), StackLauncher.PASSWORD_AGENT);
            Map<String, String> agentBearer = Map.of("Authorization", "Bearer " + agentToken);
            assertEquals(403, getBytes(PlatformWebIT.host(ALPHA), "/agent/export/archive?id=" + alphaId, agentBearer)
                    .statusCode());
            assertEquals(403, getBytes(PlatformWebIT.host(ALPHA), "/agent/export.xhtml", agentBearer).statusCode());
            // the commune's administrator without agent-sante: the page says why, no form, no download
            String adminToken = PlatformWebIT.accessToken(ALPHA, StackLauncher.admin(ALPHA), StackLauncher.PASSWORD_AGENT);
            Map<String, String> adminBearer = Map.of("Authorization", "Bearer " + adminToken);
            assertEquals(403, getBytes(PlatformWebIT.host(ALPHA), "/agent/export/archive?id=" + alphaId, adminBearer)
                    .statusCode());
        }
        try (Browser admin = new Browser()) {
            admin.get(PlatformWebIT.url(ALPHA) + "/agent/export.xhtml");
            admin.signIn(StackLauncher.admin(ALPHA), StackLauncher.PASSWORD_AGENT);
            assertTrue(admin.await(By.id("health-only")).getText().contains("agent-santé"), admin::snapshot);
            assertTrue(admin.driver.findElements(By.id("export:passphrase")).isEmpty(), "pas de formulaire");
            assertTrue(admin.driver.findElements(By.cssSelector("a.archive-download")).isEmpty(), "pas de téléchargement");
            assertEquals("", admin.accessibilityViolations(), "axe-core, agent/export sans agent-sante");
        }
    }

    /** Families linked to the parent's account, children, a document, bookings, an invoice with a billed day. */
    private byte[] fill(Commune commune, String parentId) throws SQLException {
        byte[] document = new byte[300_000];
        for (int i = 0; i < document.length; i++) {
            document[i] = (byte) (i * 131 + 17);
        }
        try (Connection c = stack.platformDb().getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to " + commune.schemaName());
            for (int f = 1; f <= 3; f++) {
                long family = id(st, "insert into family (label, email, subject) values ('Famille Archivée " + f + "', 'f"
                        + f + "@exemple.test', " + (f == 1 ? "'" + parentId + "'" : "null") + ") returning id");
                for (int k = 1; k <= 2; k++) {
                    st.execute("insert into child (family_id, first_name, last_name, birth_date) values (" + family
                            + ", 'Zoé " + k + "', 'Archivée', '2019-05-0" + k + "')");
                }
            }
            st.execute("insert into document_type (code, label, validity) values ('ARCHIVE', 'Attestation', 'PERMANENT')");
            try (PreparedStatement ps = c.prepareStatement("insert into family_document (family_id, type_code, health,"
                    + " issued_on, status, file_name, content_type, content) values ((select min(id) from family),"
                    + " 'ARCHIVE', false, current_date, 'PENDING', 'attestation.pdf', 'application/pdf', ?)")) {
                ps.setBytes(1, document);
                ps.executeUpdate();
            }
            st.execute("insert into regie (code, label, invoice_prefix) values ('ARCH', 'Régie archivée', 'AR')");
            long unit = id(st, "insert into activity_unit (activity_id, code, label, capacity) values ((select min(id)"
                    + " from activity), 'ARCH', 'Unité archivée', 10) returning id");
            long child = id(st, "select min(id) from child");
            st.execute("insert into booking (child_id, unit_id, day, status) values (" + child + ", " + unit
                    + ", current_date + 7, 'BOOKED'), (" + child + ", " + unit + ", current_date + 8, 'CANCELLED_FREE')");
            long invoice = id(st, "insert into invoice (regie_id, family_id, sequence, number, period_start, period_end,"
                    + " total_cents, issued_by) values ((select id from regie where code = 'ARCH'), (select min(id) from"
                    + " family), 1, 'AR-1', current_date, current_date + 30, 450, 'it') returning id");
            st.execute("insert into invoice_line (invoice_id, position, child_id, child_name, activity_code,"
                    + " quantity, unit_price_cents, amount_cents, label, days) values (" + invoice + ", 1, " + child
                    + ", 'Zoé 1', 'ARCH', 1, 450, 450, 'Tranche T1', array[current_date + 7])");
            st.execute("select bill_days(array[" + child + "]::bigint[], array[" + unit + "]::bigint[],"
                    + " array[current_date + 7 - extract(day from current_date + 7)::int + 1],"
                    + " array[1 << (extract(day from current_date + 7)::int - 1)])");
        }
        return document;
    }

    private Map<String, Long> counts(String schema) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = stack.platformDb().getConnection(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select table_name from information_schema.tables where table_schema = '"
                    + schema + "' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'"
                    + " order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                counts.put(t, id(st, "select count(*) from " + schema + "." + t));
            }
        }
        assertTrue(counts.size() > 40, counts::toString);
        return counts;
    }

    private byte[] documentOf(String schema) throws SQLException {
        try (Connection c = stack.platformDb().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select content from " + schema + ".family_document")) {
            assertTrue(rs.next());
            return rs.getBytes(1);
        }
    }

    private List<String> rows(String schema, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = stack.platformDb().getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to " + schema);
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                }
            }
        }
        return rows;
    }

    private List<String> audit(String slug) throws SQLException {
        List<String> actions = new ArrayList<>();
        try (Connection c = stack.platformDb().getConnection(); PreparedStatement ps = c.prepareStatement(
                "select action from platform.operator_audit where slug = ? order by id")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
        }
        return actions;
    }

    private boolean schemaExists(String schema) throws SQLException {
        try (Connection c = stack.platformDb().getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            ps.setString(1, schema);
            return ps.executeQuery().next();
        }
    }

    private boolean realmExists(String realm) {
        return stack.keycloakAdmin().realms().findAll().stream().map(RealmRepresentation::getRealm)
                .anyMatch(realm::equals);
    }

    private static long id(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static HttpResponse<byte[]> getBytes(String host, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PlatformWebIT.PORT + path))
                .header("Host", host).timeout(Duration.ofSeconds(30));
        new HashMap<>(headers).forEach(b::header);
        return PlatformWebIT.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The commune directory caches a host's answer (2 s in the tests: {@code pf.directory.cache-seconds}): polls until the home page answers {@code status}. */
    private static void awaitStatus(String slug, int status) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        int last;
        do {
            last = PlatformWebIT.get(PlatformWebIT.host(slug), "/", Map.of()).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("status " + last + " for " + slug + ", expected " + status);
    }
}
