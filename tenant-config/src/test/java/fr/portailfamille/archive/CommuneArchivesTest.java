package fr.portailfamille.archive;

import static fr.portailfamille.testing.TestDatabase.id;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.configuration.DefaultConfiguration;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneProvisioner;
import fr.portailfamille.tenancy.CommuneSpec;
import fr.portailfamille.tenancy.RealmProvisioner;
import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.tenancy.TenantStore;
import fr.portailfamille.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Export, storage and import of a commune against a real PostgreSQL (the realm side recorded: the real Keycloak is
 * in platform-it's CommuneArchiveIT): identical counts for every table, byte-equal documents, sequences past the
 * imported ids, the seeded configuration replaced, refusals that leave nothing behind.
 */
class CommuneArchivesTest {

    static final char[] PASS = "phrase secrète de la mairie".toCharArray();
    static final String OTHER_LOGO = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";

    DataSource ds;
    TenantStore store;
    Realms realms;
    CommuneProvisioner provisioner;
    CommuneArchives archives;

    static class Realms implements RealmProvisioner, RealmAccounts {
        final Map<String, List<ArchivedUser>> users = new HashMap<>();
        final List<String> deleted = new ArrayList<>();

        @Override
        public String ensureRealm(Commune commune, List<String> appBaseUrls) {
            users.putIfAbsent(commune.realmName(), new ArrayList<>());
            return "secret";
        }

        @Override
        public void deleteRealm(String realmName) {
            deleted.add(realmName);
            users.remove(realmName);
        }

        @Override
        public void setRealmEnabled(String realmName, boolean enabled) {
        }

        @Override
        public List<ArchivedUser> read(String realmName) {
            return users.get(realmName);
        }

        /** As Keycloak: an id is unique in the whole server, so an id another realm holds is replaced. */
        @Override
        public Map<String, String> restore(String realmName, List<ArchivedUser> restored) {
            Map<String, String> newIds = new HashMap<>();
            for (ArchivedUser u : restored) {
                boolean taken = users.values().stream().flatMap(List::stream).anyMatch(x -> x.id().equals(u.id()));
                String id = taken ? "new-" + u.id() : u.id();
                if (taken) {
                    newIds.put(u.id(), id);
                }
                users.get(realmName).add(new ArchivedUser(id, u.username(), u.email(), u.firstName(), u.lastName(),
                        u.enabled(), u.emailVerified(), u.realmRoles(), u.requiredActions(), u.groups()));
            }
            return newIds;
        }
    }

    @BeforeEach
    void setUp() throws SQLException {
        ds = TestDatabase.dataSource();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop schema if exists platform cascade");
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select nspname from pg_namespace where nspname like 'commune_%'")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            for (String s : schemas) {
                st.execute("drop schema " + s + " cascade");
            }
        }
        store = new TenantStore(ds);
        TenantMigrator migrator = new TenantMigrator(ds);
        migrator.migratePlatform();
        realms = new Realms();
        provisioner = new CommuneProvisioner(store, migrator, realms, "localhost",
                slug -> "http://" + slug + ".localhost:8080", "https", DefaultConfiguration.seeder(ds));
        archives = new CommuneArchives(ds, provisioner, realms);
    }

    static CommuneSpec spec(String slug) {
        return new CommuneSpec(slug, "Commune " + slug, "https://www." + slug + ".fr", "#1d4f91", "#f2a900", null,
                List.of());
    }

    /** A commune with families, children, documents (every byte value), bookings, an invoice and its billed day. */
    Commune filledCommune() throws SQLException {
        Commune source = provisioner.provision(new CommuneSpec("source", "Pays de Source", "https://www.source.fr",
                "#1d4f91", "#f2a900", OTHER_LOGO, List.of("familles.source.fr")));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to commune_source");
            for (int f = 1; f <= 5; f++) {
                long family = id(st, "insert into family (label, email, subject) values ('Famille " + f
                        + " « Dupont-Léger »', 'f" + f + "@exemple.fr', 'kc-" + f + "') returning id");
                for (int k = 1; k <= 2; k++) {
                    st.execute("insert into child (family_id, first_name, last_name, birth_date) values (" + family
                            + ", 'Zoé\n" + k + "', 'D''Artagnan, \"dit\" le " + k + "', '2019-03-0" + k + "')");
                }
            }
            st.execute("insert into document_type (code, label, validity) values ('ASSURANCE', 'Assurance', 'PERMANENT')"
                    + " on conflict (code) do nothing");
            try (PreparedStatement ps = c.prepareStatement("insert into family_document (family_id, type_code, health,"
                    + " issued_on, status, file_name, content_type, content) values ((select min(id) from family), 'ASSURANCE',"
                    + " false, '2026-09-01', 'PENDING', ?, 'application/pdf', ?)")) {
                ps.setString(1, "attestation été.pdf");
                ps.setBytes(2, document());
                ps.executeUpdate();
                ps.setString(1, "vide.pdf");
                ps.setBytes(2, new byte[0]);
                ps.executeUpdate();
            }
            st.execute("insert into regie (code, label, invoice_prefix) values ('TEST', 'Régie test', 'TS')");
            long activity = id(st, "select min(id) from activity");
            long unit = id(st, "insert into activity_unit (activity_id, code, label, capacity) values (" + activity
                    + ", 'ARCH', 'Unité archivée', 10) returning id");
            long child = id(st, "select min(id) from child");
            st.execute("insert into booking (child_id, unit_id, day, status) values (" + child + ", " + unit
                    + ", '2026-10-01', 'BOOKED'), (" + child + ", " + unit + ", '2026-10-02', 'CANCELLED_FREE')");
            long invoice = id(st, "insert into invoice (regie_id, family_id, sequence, number, period_start, period_end,"
                    + " total_cents, issued_by) values ((select id from regie where code = 'TEST'), (select min(id) from"
                    + " family), 1, 'TS-1', '2026-10-01', '2026-10-31', 1234, 'test') returning id");
            st.execute("insert into invoice_line (invoice_id, position, child_id, child_name, activity_code,"
                    + " quantity, unit_price_cents, amount_cents, label, days) values (" + invoice + ", 1, " + child
                    + ", 'Zoé', 'ARCH', 1, 1234, 1234, 'Tranche T2', '{2026-10-01}')");
            st.execute("select bill_days(array[" + child + "]::bigint[], array[" + unit + "]::bigint[], array[date '2026-10-01'],"
                    + " array[1])");
            // a family removed: the ids have a gap, the next id must come after the largest
            st.execute("delete from family where id = (select max(id) from family)");
        }
        realms.users.get("pf-source").add(new ArchivedUser("kc-1", "f1@exemple.fr", "f1@exemple.fr", "Anne", "Dupont",
                true, true, List.of("parent"), List.of()));
        realms.users.get("pf-source").add(new ArchivedUser("kc-9", "agent@source.fr", "agent@source.fr", null, null,
                true, true, List.of("agent", "regisseur"), List.of("UPDATE_PASSWORD"), List.of("/service-enfance")));
        return store.findBySlug("source").orElseThrow();
    }

    static byte[] document() {
        byte[] bytes = new byte[70_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    @Test
    void anExportedCommuneImportedIntoAFreshOneHasIdenticalCounts() throws Exception {
        Commune source = filledCommune();
        // the newest family deleted before the export (a draft purged), its journal line kept: its id is never given again
        long purged;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            purged = id(st, "insert into commune_source.family (label) values ('Brouillon purgé') returning id");
            st.execute("insert into commune_source.audit_log (actor, action, family_id, detail) values ('systeme',"
                    + " 'BROUILLON_PURGE', " + purged + ", 'purgé')");
            st.execute("delete from commune_source.family where id = " + purged);
        }
        ArchiveInfo info = archives.export(source, PASS, realms.read("pf-source"), "admin@source.fr");
        assertEquals("source", info.slug());
        assertEquals(source.id(), info.communeId());
        assertEquals(new TenantMigrator(ds).codeVersion(), info.schemaVersion());
        byte[] sealed;
        try (InputStream in = archives.open(info.id())) {
            sealed = in.readAllBytes();
        }
        assertEquals(info.size(), sealed.length);
        assertEquals(info.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sealed)));
        assertEquals(List.of(info), archives.list("source"));
        assertEquals(List.of(info), archives.listOfCommune(source.id()));

        // what the archive holds, decrypted: the manifest first, every table, the accounts without credentials
        ArchiveFormat.Content content;
        List<String> files = new ArrayList<>();
        try (InputStream plain = ArchiveCipher.decrypt(new ByteArrayInputStream(sealed), PASS)) {
            content = ArchiveFormat.read(plain, (t, csv) -> {
                files.add(t.file());
                String header = new String(csv.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                        .findFirst().orElse("");
                assertEquals(String.join(",", t.columns()), header, t.name());
            });
        }
        ArchiveFormat.Manifest manifest = content.manifest();
        assertEquals("Pays de Source", manifest.name());
        assertEquals(OTHER_LOGO, manifest.logoSvg());
        assertEquals(List.of("familles.source.fr"), manifest.domains());
        assertFalse(files.contains("tables/flyway_schema_history.csv"));
        assertTrue(files.indexOf("tables/family.csv") < files.indexOf("tables/child.csv"));
        assertTrue(files.indexOf("tables/child.csv") < files.indexOf("tables/billed_month.csv"));
        assertTrue(files.indexOf("tables/activity_unit.csv") < files.indexOf("tables/billed_month.csv"));
        // references checked by statement-level triggers (tenant V30): what they look up is loaded before them
        for (String parent : List.of("regie", "family", "billing_run")) {
            assertTrue(files.indexOf("tables/" + parent + ".csv") < files.indexOf("tables/invoice.csv"), parent);
        }
        assertTrue(files.indexOf("tables/invoice.csv") < files.indexOf("tables/invoice_line.csv"));
        assertTrue(files.indexOf("tables/regie.csv") < files.indexOf("tables/billing_audit.csv"));
        assertEquals(2, content.users().size());

        Commune copy = archives.importInto(spec("copie"), new ByteArrayInputStream(sealed), PASS, "operateur");
        assertEquals("copie", copy.slug());
        Map<String, Long> before = counts("commune_source");
        assertEquals(before, counts("commune_copie"));
        assertTrue(before.get("family") == 4 && before.get("child") == 8 && before.get("billed_month") == 1, before::toString);
        for (ArchiveFormat.Table t : manifest.tables()) {
            assertEquals(t.rows(), before.get(t.name()), t.name());
        }
        Map<String, byte[]> sourceDocs = documents("commune_source");
        Map<String, byte[]> copyDocs = documents("commune_copie");
        assertEquals(sourceDocs.keySet(), copyDocs.keySet());
        sourceDocs.forEach((name, bytes) -> assertArrayEquals(bytes, copyDocs.get(name), name));
        assertArrayEquals(document(), documents("commune_copie").get("attestation été.pdf"));
        assertEquals(rows("commune_source", "select id, label, email from family order by id"),
                rows("commune_copie", "select id, label, email from family order by id"));
        // the account the first family is linked to got a new id in the new realm: the family follows it
        assertEquals(List.of("new-kc-1|", "kc-2|", "kc-3|", "kc-4|"),
                rows("commune_copie", "select subject from family order by id"));
        assertEquals(rows("commune_source", "select first_name, last_name, birth_date from child order by id"),
                rows("commune_copie", "select first_name, last_name, birth_date from child order by id"));
        assertEquals(rows("commune_source", "select code, name from activity order by id"),
                rows("commune_copie", "select code, name from activity order by id"));
        // every sequence is where the source's was: a new family gets a new id, never the purged one's (its journal
        // line would be read as the new family's)
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            long max = id(st, "select max(id) from commune_copie.family");
            assertTrue(purged > max, "the purged family was the newest");
            long next = id(st, "insert into commune_copie.family (label) values ('Nouvelle') returning id");
            assertEquals(purged + 1, next);
            st.execute("insert into commune_copie.child (family_id, first_name, last_name, birth_date) values ("
                    + next + ", 'A', 'B', '2020-01-01')");
        }
        assertEquals(content.users().stream().map(u -> "new-" + u.id() + " " + u.username() + " " + u.realmRoles()
                        + " " + u.groups()).toList(),
                realms.read("pf-copie").stream().map(u -> u.id() + " " + u.username() + " " + u.realmRoles() + " "
                        + u.groups()).toList());
        // the agent's groups travel: its messaging services
        assertTrue(content.users().stream().anyMatch(u -> u.groups().equals(List.of("/service-enfance"))),
                content.users()::toString);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select string_agg(slug || ':' || action, ',' order by id) from"
                     + " platform.operator_audit where action in ('EXPORT', 'IMPORT')")) {
            rs.next();
            assertEquals("source:EXPORT,copie:IMPORT", rs.getString(1));
        }
    }

    /**
     * An archive made before tenant V29 (schema 28: one billed_day row a day, lines without their days) is imported
     * into a platform at 29 by converting its billed days as V29 converts a commune's.
     */
    @Test
    void anArchiveOfSchema28HasItsBilledDaysConverted() throws Exception {
        Commune old = provisioner.provision(spec("ancienne"));
        long child;
        long midi;
        long soir;
        long[] lines = new long[2];
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to commune_ancienne");
            // the schema as V28 left it
            st.execute("drop trigger invoice_line_days_back on invoice_line");
            st.execute("drop function invoice_line_gives_days_back()");
            st.execute("drop function bill_days(bigint[], bigint[], date[], integer[])");
            st.execute("drop table billed_month");
            st.execute("alter table invoice_line drop column days");
            st.execute("create table billed_day (child_id bigint not null, unit_id bigint not null, day date not null,"
                    + " invoice_line_id bigint not null, primary key (child_id, unit_id, day))");
            st.execute("insert into regie (code, label, invoice_prefix) values ('TEST', 'Régie test', 'TS')");
            long activity = id(st, "select min(id) from activity");
            midi = id(st, "insert into activity_unit (activity_id, code, label, capacity) values (" + activity
                    + ", 'MIDI2', 'Midi', 10) returning id");
            soir = id(st, "insert into activity_unit (activity_id, code, label, capacity) values (" + activity
                    + ", 'SOIR2', 'Soir', 10) returning id");
            long family = id(st, "insert into family (label) values ('Famille Ancienne') returning id");
            child = id(st, "insert into child (family_id, first_name, last_name, birth_date) values (" + family
                    + ", 'Léa', 'Ancienne', '2019-03-01') returning id");
            long invoice = id(st, "insert into invoice (regie_id, family_id, sequence, number, period_start, period_end,"
                    + " total_cents, issued_by) values ((select id from regie where code = 'TEST'), " + family + ", 1, 'TS-1',"
                    + " '2026-10-01', '2026-10-31', 800, 'test') returning id");
            for (int i = 0; i < 2; i++) {
                lines[i] = id(st, "insert into invoice_line (invoice_id, position, child_id, child_name, activity_code,"
                        + " quantity, unit_price_cents, amount_cents, label) values (" + invoice + ", " + (i + 1) + ", " + child
                        + ", 'Léa', 'X', " + (3 - 2 * i) + ", 200, " + (600 - 400 * i) + ", 'Tranche T2') returning id");
            }
            st.execute("insert into billed_day (child_id, unit_id, day, invoice_line_id) values"
                    + " (" + child + ", " + midi + ", '2026-10-01', " + lines[0] + "), (" + child + ", " + midi + ", '2026-10-02', "
                    + lines[0] + "), (" + child + ", " + midi + ", '2026-10-05', " + lines[0] + "),"
                    + " (" + child + ", " + soir + ", '2026-10-02', " + lines[1] + ")");
        }
        java.io.ByteArrayOutputStream sealed = new java.io.ByteArrayOutputStream();
        try (Connection c = ds.getConnection(); java.io.OutputStream out = ArchiveCipher.encrypt(sealed, PASS)) {
            ArchiveFormat.write(c, old, "28", List.of(), out);
        }
        archives.importInto(spec("convertie"), new ByteArrayInputStream(sealed.toByteArray()), PASS, "operateur");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to commune_convertie");
            assertEquals(0b10011, id(st, "select days from billed_month where child_id = " + child + " and unit_id = " + midi
                    + " and month = '2026-10-01'"));
            assertEquals(0b10, id(st, "select days from billed_month where child_id = " + child + " and unit_id = " + soir
                    + " and month = '2026-10-01'"));
            assertEquals(2, id(st, "select count(*) from billed_month"));
            assertEquals(1, id(st, "select count(*) from invoice_line where id = " + lines[0]
                    + " and days = '{2026-10-01,2026-10-02,2026-10-05}'"));
            assertEquals(1, id(st, "select count(*) from invoice_line where id = " + lines[1] + " and days = '{2026-10-02}'"));
            assertEquals(0, id(st, "select count(*) from pg_tables where schemaname = 'commune_convertie'"
                    + " and tablename = 'billed_day'"));
            // the guard holds on the converted days
            SQLException twice = assertThrows(SQLException.class, () -> st.execute("select bill_days(array[" + child
                    + "]::bigint[], array[" + midi + "]::bigint[], array[date '2026-10-01'], array[2])"));
            assertEquals("23505", twice.getSQLState());
        }
    }

    /**
     * An archive made at schema 29 holds the tables and columns of schemas 30 to 46 (tenant V30 changed only how the
     * run's references are checked, V31 added nullable columns, V32 widened some, V33 added a nullable one, V34 only
     * indexes, V35 nullable columns, V36 checks and indexes, V37 a nullable column, V38 two, V39 one, V40 one more and a
     * table, left empty, V41 deferred constraints, V42 a nullable column, V43 wider checks, V44 a nullable column, V45 a table, left empty, V46 a nullable column, V47 data only, V48 nullable columns, V49 one, V50 one, V51 one, V52 one, V53 nullable columns, V54 data only, V55 a nullable column, V56 nullable columns and a partial index, V57 a nullable column): it is
     * imported as it is, its invoice and lines checked by V30's triggers, and V47's rule applied to its document types
     * and documents.
     */
    @Test
    void anArchiveOfSchema29IsImportedByCodeAt56() throws Exception {
        assertEquals("59", new TenantMigrator(ds).codeVersion());
        Commune source = filledCommune();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("delete from commune_source.flyway_schema_history where version in ('30', '31', '32', '33', '34', '35', '36', '37', '38', '39', '40', '41', '42', '43', '44', '45', '46', '47', '48', '49', '50', '51', '52', '53', '54', '55', '56', '57', '58', '59')");
            // as schema 29 was: without the table V40 added (its archive lacks it; the import leaves it empty)
            st.execute("alter table commune_source.message_attachment drop column broadcast_file_id");
            st.execute("drop table commune_source.message_broadcast_file");
            st.execute("drop table commune_source.configuration_change");
            // nor V42's column
            st.execute("alter table commune_source.invoice drop column awaiting_mail");
            st.execute("alter table commune_source.booking drop column seat_given_up");
            st.execute("alter table commune_source.billing_settings drop column certificate_days");
            st.execute("alter table commune_source.message_attachment drop column health");
            st.execute("alter table commune_source.activity drop column last_day");
            st.execute("alter table commune_source.news drop column form_token");
            st.execute("alter table commune_source.school_enrolment drop column applied_at");
            st.execute("alter table commune_source.child drop column class_year");
            st.execute("alter table commune_source.booking drop column waited");
            st.execute("alter table commune_source.sepa_file drop constraint sepa_file_withdrawn");
            st.execute("alter table commune_source.sepa_file drop column withdrawn_at, drop column withdrawn_by,"
                    + " drop column withdrawn_reason");
            st.execute("alter table commune_source.online_payment drop constraint online_payment_checked");
            st.execute("alter table commune_source.online_payment drop column checked_at, drop column checked_by,"
                    + " drop column checked_note");
            // before V47: a type named for health saved unticked, and a document sent under it
            st.execute("insert into commune_source.document_type (code, label, validity) values ('VACCINS',"
                    + " 'Carnet de vaccination', 'PERMANENT')");
            st.execute("insert into commune_source.family_document (family_id, type_code, health, issued_on, status,"
                    + " file_name, content_type, content) select family_id, 'VACCINS', false, issued_on, status, 'carnet.pdf',"
                    + " content_type, content from commune_source.family_document order by id limit 1");
        }
        ArchiveInfo info = archives.export(source, PASS, List.of(), "admin");
        assertEquals("29", info.schemaVersion());
        try (InputStream in = archives.open(info.id())) {
            archives.importInto(spec("copie"), in, PASS, "op");
        }
        Map<String, Long> copied = counts("commune_copie");
        assertEquals(0L, copied.remove("message_broadcast_file"), "a table added since: there, empty");
        assertEquals(0L, copied.remove("configuration_change"), "the configuration's journal (V45) too");
        assertEquals(counts("commune_source"), copied);
        assertEquals(List.of("ASSURANCE|f|f|", "VACCINS|t|t|"), rows("commune_copie",
                "select t.code, t.health, d.health from document_type t join family_document d on d.type_code = t.code"
                        + " group by 1, 2, 3 order by 1"), "V47's rule, applied by the import");
        String lineDays = "select i.number, l.child_id, line_days(l.days, l.days_month, l.days_bits) from invoice i join"
                + " invoice_line l on l.invoice_id = i.id order by l.id";
        assertEquals(rows("commune_source", lineDays), rows("commune_copie", lineDays));
        assertFalse(CommuneArchives.sameData("28", "30"));
        assertTrue(CommuneArchives.sameData("29", "31"));
        assertTrue(CommuneArchives.sameData("30", "31"));
        assertFalse(CommuneArchives.sameData("31", "30"));
        assertTrue(CommuneArchives.convertsBilledDays("28", "30"));
        assertTrue(CommuneArchives.convertsBilledDays("28", "31"));
        assertTrue(CommuneArchives.sameData("31", "32"));
        assertTrue(CommuneArchives.sameData("29", "32"));
        assertFalse(CommuneArchives.sameData("32", "31"));
        assertTrue(CommuneArchives.convertsBilledDays("28", "32"));
        assertTrue(CommuneArchives.sameData("32", "33"));
        assertTrue(CommuneArchives.sameData("29", "33"));
        assertFalse(CommuneArchives.sameData("33", "32"));
        assertTrue(CommuneArchives.sameData("33", "34"));
        assertTrue(CommuneArchives.sameData("29", "34"));
        assertFalse(CommuneArchives.sameData("34", "33"));
        assertTrue(CommuneArchives.convertsBilledDays("28", "34"));
        assertTrue(CommuneArchives.sameData("34", "35"));
        assertTrue(CommuneArchives.sameData("29", "35"));
        assertFalse(CommuneArchives.sameData("35", "34"));
        assertTrue(CommuneArchives.convertsBilledDays("28", "35"));
        assertTrue(CommuneArchives.sameData("35", "36"));
        assertTrue(CommuneArchives.sameData("29", "36"));
        assertFalse(CommuneArchives.sameData("36", "35"));
        assertTrue(CommuneArchives.convertsBilledDays("28", "36"));
        assertTrue(CommuneArchives.sameData("36", "37"));
        assertTrue(CommuneArchives.sameData("29", "37"));
        assertFalse(CommuneArchives.sameData("37", "36"));
        assertTrue(CommuneArchives.sameData("37", "38"));
        assertTrue(CommuneArchives.sameData("29", "38"));
        assertFalse(CommuneArchives.sameData("38", "37"));
        assertTrue(CommuneArchives.sameData("38", "39"));
        assertTrue(CommuneArchives.sameData("29", "39"));
        assertFalse(CommuneArchives.sameData("39", "38"));
        assertTrue(CommuneArchives.sameData("39", "40"));
        assertTrue(CommuneArchives.sameData("29", "40"));
        assertFalse(CommuneArchives.sameData("40", "39"));
        assertTrue(CommuneArchives.sameData("40", "41"));
        assertTrue(CommuneArchives.sameData("29", "41"));
        assertFalse(CommuneArchives.sameData("41", "40"));
        assertTrue(CommuneArchives.sameData("41", "42"));
        assertTrue(CommuneArchives.sameData("29", "42"));
        assertFalse(CommuneArchives.sameData("42", "41"));
        assertTrue(CommuneArchives.sameData("42", "43"));
        assertTrue(CommuneArchives.sameData("29", "43"));
        assertFalse(CommuneArchives.sameData("43", "42"));
        assertTrue(CommuneArchives.sameData("43", "44"));
        assertTrue(CommuneArchives.sameData("29", "44"));
        assertFalse(CommuneArchives.sameData("44", "43"));
        assertTrue(CommuneArchives.sameData("44", "45"));
        assertTrue(CommuneArchives.sameData("29", "45"));
        assertFalse(CommuneArchives.sameData("45", "44"));
        assertTrue(CommuneArchives.sameData("45", "46"));
        assertTrue(CommuneArchives.sameData("29", "46"));
        assertFalse(CommuneArchives.sameData("46", "45"));
        assertTrue(CommuneArchives.sameData("46", "47"));
        assertTrue(CommuneArchives.sameData("29", "47"));
        assertFalse(CommuneArchives.sameData("47", "46"));
        assertTrue(CommuneArchives.sameData("47", "48"));
        assertTrue(CommuneArchives.sameData("29", "48"));
        assertFalse(CommuneArchives.sameData("48", "47"));
        assertTrue(CommuneArchives.sameData("48", "49"));
        assertTrue(CommuneArchives.sameData("29", "49"));
        assertFalse(CommuneArchives.sameData("49", "48"));
        assertTrue(CommuneArchives.sameData("49", "50"));
        assertTrue(CommuneArchives.sameData("29", "50"));
        assertFalse(CommuneArchives.sameData("50", "49"));
        assertTrue(CommuneArchives.sameData("50", "51"));
        assertTrue(CommuneArchives.sameData("29", "51"));
        assertFalse(CommuneArchives.sameData("51", "50"));
        assertTrue(CommuneArchives.sameData("51", "52"));
        assertTrue(CommuneArchives.sameData("29", "52"));
        assertFalse(CommuneArchives.sameData("52", "51"));
        assertTrue(CommuneArchives.sameData("52", "53"));
        assertTrue(CommuneArchives.sameData("29", "53"));
        assertFalse(CommuneArchives.sameData("53", "52"));
        assertTrue(CommuneArchives.sameData("53", "54"));
        assertFalse(CommuneArchives.sameData("54", "53"));
        assertTrue(CommuneArchives.sameData("54", "55"));
        assertTrue(CommuneArchives.sameData("55", "56"));
        assertFalse(CommuneArchives.sameData("56", "55"));
        assertTrue(CommuneArchives.sameData("56", "57"));
        assertFalse(CommuneArchives.sameData("57", "56"));
        assertTrue(CommuneArchives.sameData("57", "58"));
        assertFalse(CommuneArchives.sameData("58", "57"));
        assertTrue(CommuneArchives.sameData("58", "59"));
        assertFalse(CommuneArchives.sameData("59", "58"));
        assertTrue(CommuneArchives.olderThan("39", 40));
        assertFalse(CommuneArchives.olderThan("40", 40));
    }

    @Test
    void aWrongPassphraseOrATamperedArchiveImportsNothing() throws Exception {
        Commune source = filledCommune();
        ArchiveInfo info = archives.export(source, PASS, List.of(), "admin@source.fr");
        byte[] sealed;
        try (InputStream in = archives.open(info.id())) {
            sealed = in.readAllBytes();
        }
        ArchiveException wrong = assertThrows(ArchiveException.class, () -> archives.importInto(spec("copie"),
                new ByteArrayInputStream(sealed), "une autre phrase".toCharArray(), "op"));
        assertEquals(ArchiveCipher.WRONG_PASSPHRASE, wrong.getMessage());
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 40] ^= 0x10;
        ArchiveException changed = assertThrows(ArchiveException.class,
                () -> archives.importInto(spec("copie"), new ByteArrayInputStream(tampered), PASS, "op"));
        assertEquals(ArchiveCipher.TAMPERED, changed.getMessage());
        assertTrue(store.findBySlug("copie").isEmpty(), "no commune was created");
        assertFalse(schemaExists("commune_copie"));
        assertFalse(realms.users.containsKey("pf-copie"));
    }

    /** What an import tells its listener, one line a call: {@code SCHEMA started}, {@code DATA done: …}. */
    static class Told implements ImportListener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void started(fr.portailfamille.tenancy.ProvisioningStep step) {
            lines.add(step + " started");
        }

        @Override
        public void done(fr.portailfamille.tenancy.ProvisioningStep step, String detail) {
            lines.add(step + " done");
        }

        @Override
        public void failed(fr.portailfamille.tenancy.ProvisioningStep step, String error) {
            lines.add(step + " failed: " + error);
        }

        @Override
        public void started(ImportStep step) {
            lines.add(step + " started");
        }

        @Override
        public void done(ImportStep step, String detail) {
            lines.add(step + " done: " + detail);
        }

        @Override
        public void failed(ImportStep step, String error) {
            lines.add(step + " failed: " + error);
        }
    }

    @Test
    void anImportTellsEachOfItsStepsWithTheirCounts() throws Exception {
        Commune source = filledCommune();
        ArchiveInfo info = archives.export(source, PASS, realms.read("pf-source"), "admin@source.fr");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("archive-test", ".pfarchive");
        try {
            try (InputStream in = archives.open(info.id())) {
                java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            // the commune is not served (no family can sign up) until its data is loaded: the load would wipe it
            List<String> statuses = new ArrayList<>();
            Told told = new Told() {
                @Override
                public void started(ImportStep step) {
                    super.started(step);
                    if (step != ImportStep.DECRYPTION) {
                        statuses.add(step + " " + store.findBySlug("copie").orElseThrow().status());
                    }
                }
            };
            archives.importInto(spec("copie"), file, PASS, "operateur", told);
            assertEquals(List.of("ACCOUNTS PROVISIONING", "DATA PROVISIONING"), statuses);
            assertEquals(fr.portailfamille.tenancy.CommuneStatus.ACTIVE, store.findBySlug("copie").orElseThrow().status());
            Map<String, Long> counts = counts("commune_source");
            long rows = counts.values().stream().mapToLong(Long::longValue).sum();
            assertEquals(List.of("DECRYPTION started",
                    "DECRYPTION done: archive de « source » du " + lineOf(told, "DECRYPTION done").split(" du ")[1],
                    "SCHEMA started", "SCHEMA done", "MIGRATIONS started", "MIGRATIONS done", "CONFIGURATION started",
                    "CONFIGURATION done", "REALM started", "REALM done", "CLIENT done", "THEME done", "ACTIVATION started",
                    "ACTIVATION done", "ACCOUNTS started", "ACCOUNTS done: 2 comptes recréés, dont 2 sous un nouvel"
                            + " identifiant (le serveur d'identité tenait déjà les anciens) ; chacun choisira un nouveau"
                            + " mot de passe", "DATA started",
                    "DATA done: " + counts.size() + " tables, " + rows + " lignes (dont 4 familles) ; la configuration"
                            + " par défaut remplacée par celle de l'archive"), told.lines);
            assertTrue(lineOf(told, "DECRYPTION done").endsWith(", schéma " + info.schemaVersion() + " : " + counts.size()
                    + " tables, " + rows + " lignes, 2 comptes"), lineOf(told, "DECRYPTION done"));
            assertEquals(counts, counts("commune_copie"));
            assertTrue(java.nio.file.Files.exists(file), "the caller's file is the caller's to delete");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    static String lineOf(Told told, String start) {
        return told.lines.stream().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
    }

    @Test
    void aWrongPassphraseIsToldAtTheDecryptionAndNothingElseRuns() throws Exception {
        Commune source = filledCommune();
        ArchiveInfo info = archives.export(source, PASS, List.of(), "admin@source.fr");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("archive-test", ".pfarchive");
        try {
            try (InputStream in = archives.open(info.id())) {
                java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Told told = new Told();
            ArchiveException wrong = assertThrows(ArchiveException.class, () -> archives.importInto(spec("copie"), file,
                    "une autre phrase".toCharArray(), "op", told));
            assertEquals(ArchiveCipher.WRONG_PASSPHRASE, wrong.getMessage());
            assertEquals(List.of("DECRYPTION started", "DECRYPTION failed: " + ArchiveCipher.WRONG_PASSPHRASE), told.lines);
            assertTrue(store.findBySlug("copie").isEmpty());
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void aLoadThatFailsIsToldAtItsStepAndLeavesNoHalfCommune() throws Exception {
        Commune source = filledCommune();
        ArchiveInfo info = archives.export(source, PASS, List.of(), "admin@source.fr");
        // this platform's new communes get a table the archive does not have: the load refuses it
        CommuneProvisioner drifting = new CommuneProvisioner(store, new TenantMigrator(ds), realms, "localhost",
                slug -> "http://" + slug + ".localhost:8080", "https", schema -> {
                    DefaultConfiguration.seeder(ds).seed(schema);
                    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                        st.execute("create table " + schema + ".intruse (id bigint primary key)");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
        java.nio.file.Path file = java.nio.file.Files.createTempFile("archive-test", ".pfarchive");
        try {
            try (InputStream in = archives.open(info.id())) {
                java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Told told = new Told();
            ArchiveException refused = assertThrows(ArchiveException.class, () -> new CommuneArchives(ds, drifting,
                    realms).importInto(spec("copie"), file, PASS, "op", told));
            String why = "Les tables de l'archive ne sont pas celles du schéma de la commune. La commune créée pour"
                    + " l'import a été retirée.";
            assertEquals(why, refused.getMessage());
            assertEquals("DATA failed: " + why, told.lines.get(told.lines.size() - 1));
            assertTrue(told.lines.contains("ACCOUNTS done: aucun compte dans l'archive"), told.lines::toString);
            assertTrue(store.findBySlug("copie").isEmpty(), "no registry row");
            assertFalse(schemaExists("commune_copie"), "no schema");
            assertTrue(realms.deleted.contains("pf-copie"), "the realm removed");
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select string_agg(action, ',' order by id) from platform.operator_audit"
                         + " where slug = 'copie'")) {
                rs.next();
                assertEquals("IMPORT_FAILED,SUSPEND,DELETE", rs.getString(1));
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void theStepsDetailsSayWhatWasDoneInFrench() {
        assertEquals("aucun compte dans l'archive", CommuneArchives.accountsDetail(0, 0));
        assertEquals("1 compte recréé ; chacun choisira un nouveau mot de passe", CommuneArchives.accountsDetail(1, 0));
        assertEquals("3 comptes recréés, dont 1 sous un nouvel identifiant (le serveur d'identité tenait déjà l'ancien) ;"
                + " chacun choisira un nouveau mot de passe", CommuneArchives.accountsDetail(3, 1));
        ArchiveFormat.Manifest manifest = new ArchiveFormat.Manifest(1, "source", "Source", "https://s.fr", "#1d4f91",
                "#f2a900", null, List.of(), "27", java.time.Instant.EPOCH, List.of(new ArchiveFormat.Table("family", 1,
                List.of("id")), new ArchiveFormat.Table("child", 2, List.of("id"))), 0);
        assertEquals("2 tables, 3 lignes (dont 1 famille) ; la configuration par défaut remplacée par celle de l'archive",
                CommuneArchives.dataDetail(manifest));
        assertEquals("0 compte, 1 compte, 2 comptes", CommuneArchives.count(0, "compte", "comptes") + ", "
                + CommuneArchives.count(1, "compte", "comptes") + ", " + CommuneArchives.count(2, "compte", "comptes"));
        assertEquals("02/12/2026 à 23:35 UTC", CommuneArchives.EXPORTED_AT.format(
                java.time.Instant.parse("2026-12-02T23:35:55.430079765Z")));
        assertEquals("archive lue et vérifiée à 42 %…", CommuneArchives.progressText(ImportStep.DECRYPTION, 42, 100));
        assertEquals("archive chargée à 100 %…", CommuneArchives.progressText(ImportStep.DATA, 2048, 2048));
        assertEquals("archive chargée à 0 %…", CommuneArchives.progressText(ImportStep.DATA, 0, 0));
    }

    @Test
    void anArchiveOfAnotherSchemaVersionIsRefused() throws Exception {
        Commune source = filledCommune();
        // the commune's history says it stands at another version than this code's
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("update commune_source.flyway_schema_history set version = '999' where version = '"
                    + new TenantMigrator(ds).codeVersion() + "'");
        }
        ArchiveInfo info = archives.export(source, PASS, List.of(), "admin");
        assertEquals("999", info.schemaVersion());
        ArchiveException e;
        try (InputStream in = archives.open(info.id())) {
            e = assertThrows(ArchiveException.class, () -> archives.importInto(spec("copie"), in, PASS, "op"));
        }
        assertTrue(e.getMessage().startsWith("Cette archive a été faite au schéma 999 ; cette plateforme est au schéma "),
                e.getMessage());
        assertTrue(store.findBySlug("copie").isEmpty());
    }

    @Test
    void aShortPassphraseStoresNothingAndAnotherCommunesArchiveIsNotOpened() throws Exception {
        Commune source = filledCommune();
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> archives.export(source, "trop court".toCharArray(), List.of(), "admin"));
        assertEquals(ArchiveCipher.SHORT_PASSPHRASE, e.getMessage());
        assertTrue(archives.list("source").isEmpty());
        ArchiveInfo info = archives.export(source, PASS, List.of(), "admin");
        Commune other = provisioner.provision(spec("autre"));
        assertTrue(archives.openOf(other.id(), info.id(), "admin@autre").isEmpty());
        assertTrue(archives.listOfCommune(other.id()).isEmpty());
        try (InputStream in = archives.openOf(source.id(), info.id(), "admin@source").orElseThrow()) {
            assertEquals(info.size(), in.readAllBytes().length);
        }
        // each download audited, who and which archive (never another commune's)
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select actor, slug, detail from platform.operator_audit"
                     + " where action = 'ARCHIVE_DOWNLOAD' order by id")) {
            assertTrue(rs.next());
            assertEquals("admin@source", rs.getString(1));
            assertEquals("source", rs.getString(2));
            assertTrue(rs.getString(3).startsWith("archive n° " + info.id() + " ("), rs.getString(3));
            assertFalse(rs.next(), "nothing for the other commune's try");
        }
        // the archive outlives its commune, kept for an import elsewhere
        provisioner.suspend("source", "op");
        provisioner.delete("source", "source", "op");
        assertEquals(List.of(info), archives.list("source"));
    }

    Map<String, Long> counts(String schema) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String t : SchemaCatalog.tables(c, schema)) {
                counts.put(t, id(st, "select count(*) from " + schema + "." + t));
            }
        }
        return counts;
    }

    Map<String, byte[]> documents(String schema) throws SQLException {
        Map<String, byte[]> docs = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select file_name, content from " + schema + ".family_document")) {
            while (rs.next()) {
                docs.put(rs.getString(1), rs.getBytes(2));
            }
        }
        return docs;
    }

    List<String> rows(String schema, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to " + schema);
            try (ResultSet rs = st.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(rs.getString(i)).append('|');
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }

    boolean schemaExists(String schema) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            ps.setString(1, schema);
            return ps.executeQuery().next();
        }
    }

}
