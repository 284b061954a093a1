package fr.portailfamille.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.problems.FieldError;
import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.testing.TestDatabase;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Import and export against real commune schemas (migrated by TenantMigrator). */
class ConfigurationStoreTest {

    static final String A = "commune_config_a";
    static final String B = "commune_config_b";
    static DataSource ds;

    @BeforeAll
    static void migrate() {
        ds = TestDatabase.dataSource();
    }

    @BeforeEach
    void freshSchema() {
        fresh(A);
    }

    @Test
    void importThenExportGivesTheSameConfiguration() throws SQLException {
        importInto(A, Samples.full());
        assertEquals(Samples.full(), export(A));
        assertEquals(1, count(A, "legend_entry"), "only the entry that differs from the default legend is stored");
        assertEquals("PS,MS", text(A, "select school_levels from activity where code = 'PERI'"));
        assertEquals("1,2,4,5", text(A, "select weekdays from activity_unit where code = 'MATIN'"));
        assertEquals(null, text(A, "select school_levels from activity where code = 'ALSH'"));
    }

    @Test
    void reimportUpdatesInPlaceAndRemovesWhatTheFileNoLongerHas() throws SQLException {
        importInto(A, Samples.full());
        String periId = text(A, "select id from activity where code = 'PERI'");
        String soirId = text(A, "select id from activity_unit where code = 'SOIR'");
        CommuneConfiguration changed = Samples.patched(Samples.full(), p -> p
                .replace("/zone", JsonValue.NULL)
                .remove("/establishments/2")
                .remove("/activities/2") // SPORT-U10, in FERRY
                .remove("/establishments/0") // FERRY
                .remove("/activities/1/units/0") // PERI MATIN
                .replace("/activities/1/units/0/capacity", 12)
                .replace("/activities/1/documents", JsonValue.EMPTY_JSON_ARRAY)
                .remove("/periods/2")
                .remove("/closures/0")
                .replace("/legend/COMPLET/label", "Complet !"));
        importInto(A, changed);
        assertEquals(changed, export(A));
        assertEquals(periId, text(A, "select id from activity where code = 'PERI'"));
        assertEquals(soirId, text(A, "select id from activity_unit where code = 'SOIR'"));
        assertEquals(null, text(A, "select value from commune_setting where key = 'zone'"));
    }

    @Test
    void removingAnActivityWithBookingsIsRefusedAndChangesNothing() throws SQLException {
        importInto(A, Samples.full());
        book(A, "PERI", "SOIR");
        book(A, "ALSH", "JOURNEE");
        CommuneConfiguration withoutPeri = Samples.patched(Samples.full(), p -> p
                .replace("/zone", "C").remove("/activities/1").remove("/activities/0/units/0"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> importInto(A, withoutPeri));
        assertEquals(List.of(
                new FieldError("activities[0].units", "L'unité « Journée » (JOURNEE) de l'activité « Centre de loisirs des"
                        + " vacances » a des réservations ou des jours demandés dans une fenêtre : elle ne peut pas être retirée."),
                new FieldError("activities", "L'activité « Accueil périscolaire » (PERI) a des réservations : elle ne peut pas"
                        + " être retirée.")), e.errors());
        assertEquals(Samples.full(), export(A));
        // units and activities without bookings may go
        CommuneConfiguration withoutSport = Samples.patched(Samples.full(), p -> p.remove("/activities/2").remove("/activities/1/units/0"));
        importInto(A, withoutSport);
        assertEquals(withoutSport, export(A));
    }

    @Test
    void aUnitWithDaysAskedInAnOpeningWindowIsNotRemoved() throws SQLException {
        importInto(A, Samples.full());
        String child = book(A, "ALSH", "JOURNEE");
        execute(A, "delete from booking");
        // a family asked that unit's days in a window not yet published: its wishes would go with the unit (cascade)
        execute(A, "insert into opening_window (activity_id, period_from, period_to, opens_at, closes_at, created_by)"
                + " select id, date '2027-07-06', date '2027-07-31', timestamp '2027-05-01 08:00', timestamp '2027-05-31 18:00',"
                + " 'agent' from activity where code = 'ALSH'");
        execute(A, "insert into window_request (window_id, family_id) select max(w.id), (select family_id from child where id = "
                + child + ") from opening_window w");
        execute(A, "insert into window_wish (request_id, child_id, unit_id, day) select (select max(id) from window_request), "
                + child + ", u.id, date '2027-07-07' from activity_unit u where u.code = 'JOURNEE'");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> importInto(A,
                Samples.patched(Samples.full(), p -> p.remove("/activities/0/units/0"))));
        assertEquals(List.of("activities[0].units"), e.errors().stream().map(FieldError::field).toList());
        assertEquals(1, count(A, "window_wish"), "the family's wishes are all there");
    }

    @Test
    void removingAnActivityWithRegistrationsOrAnEstablishmentWithEnrolmentsIsRefused() throws SQLException {
        importInto(A, Samples.full());
        String child = book(A, "ALSH", "JOURNEE");
        execute(A, "delete from booking");
        execute(A, "insert into registration (child_id, activity_id, status, cgu_accepted_at)"
                + " select " + child + ", id, 'SUBMITTED', now() from activity where code = 'SPORT-U10'");
        execute(A, "insert into school_enrolment (child_id, establishment_id, school_year, level, status)"
                + " select " + child + ", id, '2026-2027', 'CP', 'SUBMITTED' from establishment where code = 'SALLE-1'");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> importInto(A,
                Samples.patched(Samples.full(), p -> p.remove("/activities/2").remove("/establishments/2"))));
        assertEquals(List.of("L'établissement « Salle polyvalente » (SALLE-1) a des inscriptions scolaires : il ne peut pas"
                + " être retiré.", "L'activité « École des sports » (SPORT-U10) a des inscriptions : elle ne peut pas être retirée."),
                e.errors().stream().map(FieldError::message).toList());
        assertEquals(Samples.full(), export(A));
    }

    @Test
    void anInvalidConfigurationIsRefusedBeforeAnything() throws SQLException {
        importInto(A, Samples.full());
        CommuneConfiguration bad = Samples.patched(Samples.full(), p -> p.replace("/zone", "Z").replace("/activities/0/code", "x"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> importInto(A, bad));
        assertEquals(List.of("zone", "activities[0].code"), e.errors().stream().map(FieldError::field).toList());
        assertEquals(Samples.full(), export(A));
    }

    @Test
    void exportedFromOneCommuneImportedIntoAnotherGivesTheSameExport() throws SQLException {
        importInto(A, Samples.full());
        CommuneConfiguration fromA = export(A);
        fresh(B);
        importInto(B, DefaultConfiguration.get());
        importInto(B, ConfigurationJson.read(ConfigurationJson.write(fromA)));
        assertEquals(fromA, export(B));
        assertEquals(ConfigurationJson.write(fromA), ConfigurationJson.write(export(B)));
    }

    @Test
    void defaultConfigurationImportsAndExportsUnchanged() throws SQLException {
        importInto(A, DefaultConfiguration.get());
        assertEquals(DefaultConfiguration.get(), export(A));
        assertEquals(0, count(A, "legend_entry"));
    }

    @Test
    void emptySchemaExportsAnEmptyConfiguration() throws SQLException {
        // nothing but the document types (V19) and services (V20) every schema starts with
        assertEquals(new CommuneConfiguration(null, null, null, null, null, null, null, null,
                fr.portailfamille.documents.DocumentTypeRules.defaults(), fr.portailfamille.messaging.MessagingRules.defaults()),
                export(A));
    }

    @Test
    void schemaNamesAreCheckedIdentifiers() throws SQLException {
        try (Connection c = ds.getConnection()) {
            assertThrows(IllegalArgumentException.class, () -> ConfigurationReader.of(c, "a\"; drop schema platform; --").configuration());
            assertThrows(IllegalArgumentException.class, () -> ConfigurationStore.importInto(c, "Commune", Samples.full()));
        }
    }

    private static void fresh(String schema) {
        TenantMigrator migrator = new TenantMigrator(ds);
        migrator.dropCommuneSchema(schema);
        migrator.migrateCommune(schema);
    }

    @Test
    void servicesAreReplacedButAServiceWithThreadsIsKept() throws SQLException {
        importInto(A, Samples.full());
        List<fr.portailfamille.messaging.InboxService> two = List.of(
                new fr.portailfamille.messaging.InboxService("enfance", "Petite enfance", "enfance@mairie.test"),
                new fr.portailfamille.messaging.InboxService("sport", "Service des sports", null));
        importInto(A, Samples.full().withServices(two));
        assertEquals(two, export(A).services());
        importInto(A, Samples.full().withServices(null));
        assertEquals(two, export(A).services(), "un fichier sans la clé les laisse");
        inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("insert into " + A + ".family (label, email) values ('Famille Msg', 'msg@test.fr')");
                st.execute("insert into " + A + ".message_thread (family_id, service_code, subject, started_by, state)"
                        + " select id, 'sport', 'Stage', 'FAMILY', 'OPEN' from " + A + ".family where email = 'msg@test.fr'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> importInto(A, Samples.full().withServices(two.subList(0, 1))));
        assertEquals(List.of(new FieldError("services", "Le service « Service des sports » (sport) a des conversations avec"
                + " des familles : il ne peut pas être retiré.")), refused.errors());
        assertEquals(two, export(A).services());
        // a service whose only trace is an agent's message to families (their threads deleted with a purged draft file):
        // refused on its field too, not a foreign key violation at the delete
        List<fr.portailfamille.messaging.InboxService> three = new java.util.ArrayList<>(two);
        three.add(new fr.portailfamille.messaging.InboxService("culture", "Service culturel", null));
        importInto(A, Samples.full().withServices(three));
        inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("insert into " + A + ".message_broadcast (service_code, sent_by, target_kind, target_ref, target_label,"
                        + " subject, family_count) values ('culture', 'agent@test.fr', 'FAMILY', '42', 'Famille 42', 'Sortie', 1)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        ConfigurationException broadcast = assertThrows(ConfigurationException.class,
                () -> importInto(A, Samples.full().withServices(two)));
        assertEquals(List.of(new FieldError("services", "Le service « Service culturel » (culture) a des conversations avec"
                + " des familles : il ne peut pas être retiré.")), broadcast.errors());
        assertEquals(three, export(A).services());
    }

    /** Imports as a caller does: one transaction, committed on success, rolled back on failure. */
    @Test
    void documentTypesAreReplacedButATypeWithDocumentsIsKept() throws SQLException {
        importInto(A, Samples.full());
        List<fr.portailfamille.documents.DocumentType> one = List.of(new fr.portailfamille.documents.DocumentType(
                "ASSURANCE", "Assurance extrascolaire", true, false, fr.portailfamille.documents.DocumentType.Validity.MONTHS,
                6, null));
        importInto(A, Samples.full().withDocumentTypes(one));
        assertEquals(one, export(A).documentTypes());
        // a file without the key leaves them as they are
        importInto(A, Samples.full().withDocumentTypes(null));
        assertEquals(one, export(A).documentTypes());
        inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("insert into " + A + ".family (label, email) values ('Famille Test', 'doc@test.fr')");
                st.execute("insert into " + A + ".family_document (family_id, type_code, health, issued_on, status, file_name,"
                        + " content_type, content) select id, 'ASSURANCE', false, current_date, 'PENDING', 'a.pdf',"
                        + " 'application/pdf', '\\x25'::bytea from " + A + ".family");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> importInto(A, Samples.full().withDocumentTypes(List.of())));
        assertEquals(List.of(new FieldError("documentTypes", "Le type de document « Assurance extrascolaire » (ASSURANCE)"
                + " a des documents de familles : il ne peut pas être retiré.")), refused.errors());
        assertEquals(one, export(A).documentTypes());
        // the type made health data: the document already sent becomes health data with it, and stays so
        List<fr.portailfamille.documents.DocumentType> health = List.of(new fr.portailfamille.documents.DocumentType(
                "ASSURANCE", "Assurance extrascolaire", true, true, fr.portailfamille.documents.DocumentType.Validity.MONTHS,
                6, null));
        importInto(A, Samples.full().withDocumentTypes(health));
        assertEquals(List.of(true), healthOfDocuments(A));
        importInto(A, Samples.full().withDocumentTypes(one));
        assertEquals(List.of(true), healthOfDocuments(A), "unticked: what was sent as health data stays protected");
        // a type named for health, its box left unticked: health data all the same, its documents with it (fail closed,
        // as a registration's document of that name)
        List<fr.portailfamille.documents.DocumentType> named = List.of(new fr.portailfamille.documents.DocumentType(
                "ASSURANCE", "Carnet de vaccination", true, false, fr.portailfamille.documents.DocumentType.Validity.MONTHS,
                6, null));
        inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("update " + A + ".family_document set health = false");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        importInto(A, Samples.full().withDocumentTypes(named));
        assertTrue(export(A).documentTypes().get(0).health(), "stored as health data");
        assertEquals(List.of(true), healthOfDocuments(A));
    }

    private static List<Boolean> healthOfDocuments(String schema) throws SQLException {
        List<Boolean> out = new java.util.ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select health from " + schema + ".family_document order by id")) {
            while (rs.next()) {
                out.add(rs.getBoolean(1));
            }
        }
        return out;
    }

    private static void importInto(String schema, CommuneConfiguration conf) throws SQLException {
        inTransaction(c -> ConfigurationStore.importInto(c, schema, conf));
    }

    private static CommuneConfiguration export(String schema) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return ConfigurationReader.of(c, schema).configuration();
        }
    }

    private static void inTransaction(Consumer<Connection> work) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.accept(c);
                c.commit();
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Books a new child on the unit's first day of 2026-09; returns the child's id. */
    private static String book(String schema, String activity, String unit) throws SQLException {
        execute(schema, "insert into family (label) values ('Foyer Martin')");
        execute(schema, "insert into child (family_id, first_name) select max(id), 'Léa' from family");
        execute(schema, "insert into booking (child_id, unit_id, day, status) select (select max(id) from child), u.id,"
                + " date '2026-09-01', 'BOOKED' from activity_unit u join activity a on a.id = u.activity_id"
                + " where a.code = '" + activity + "' and u.code = '" + unit + "'");
        return text(schema, "select max(id) from child");
    }

    private static void execute(String schema, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to " + schema);
            st.execute(sql);
        }
    }

    private static String text(String schema, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to " + schema);
            try (var rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static int count(String schema, String table) throws SQLException {
        return Integer.parseInt(text(schema, "select count(*) from " + table));
    }
}
