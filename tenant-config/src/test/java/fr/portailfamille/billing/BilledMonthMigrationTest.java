package fr.portailfamille.billing;

import static fr.portailfamille.testing.TestDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Tenant V29 on a commune that has billed days: its billed_day rows become each line's days and one bitmask per
 * child, unit and month, billed_day is gone, and the converted days stay refused to a second bill.
 */
class BilledMonthMigrationTest {

    static final String SCHEMA = "commune_billed_month_migration";

    @Test
    void billedDaysAreConvertedIntoTheLinesDaysAndTheirUnitMonths() throws SQLException {
        DataSource ds = TestDatabase.dataSource();
        TenantMigrator migrator = new TenantMigrator(ds);
        migrator.dropCommuneSchema(SCHEMA);
        // the schema as V28 left it, with billed days
        Flyway.configure(TenantMigrator.class.getClassLoader()).dataSource(ds).schemas(SCHEMA).defaultSchema(SCHEMA)
                .createSchemas(true).locations("classpath:db/tenant").target("28").load().migrate();
        long child;
        long midi;
        long soir;
        long[] lines = new long[2];
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to " + SCHEMA);
            st.execute("insert into regie (code, label, invoice_prefix) values ('REST', 'Régie', 'RS')");
            long activity = id(st, "insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                    + " values ('CANTINE', 'Restauration', 'RESTAURATION', 'J-2@23:59', 'J-2@23:59', 'SURCHARGED') returning id");
            midi = id(st, "insert into activity_unit (activity_id, code, label, capacity) values (" + activity
                    + ", 'MIDI', 'Midi', 10) returning id");
            soir = id(st, "insert into activity_unit (activity_id, code, label, capacity) values (" + activity
                    + ", 'SOIR', 'Soir', 10) returning id");
            long family = id(st, "insert into family (label) values ('Famille') returning id");
            child = id(st, "insert into child (family_id, first_name, last_name, birth_date) values (" + family
                    + ", 'Léa', 'Famille', '2019-01-01') returning id");
            long invoice = id(st, "insert into invoice (regie_id, family_id, sequence, number, period_start, period_end,"
                    + " total_cents, issued_by) values ((select id from regie), " + family + ", 1, 'RS-1', '2026-10-01',"
                    + " '2026-11-30', 1000, 'test') returning id");
            for (int i = 0; i < 2; i++) {
                lines[i] = id(st, "insert into invoice_line (invoice_id, position, child_id, child_name, activity_code,"
                        + " unit_code, quantity, unit_price_cents, amount_cents, label) values (" + invoice + ", " + (i + 1)
                        + ", " + child + ", 'Léa', 'CANTINE', '" + (i == 0 ? "MIDI" : "SOIR") + "', 1, 200, 200, 'T2') returning id");
            }
            st.execute("insert into billed_day (child_id, unit_id, day, invoice_line_id) values"
                    + " (" + child + ", " + midi + ", '2026-10-31', " + lines[0] + "), (" + child + ", " + midi + ", '2026-10-01', "
                    + lines[0] + "), (" + child + ", " + midi + ", '2026-11-02', " + lines[0] + "), (" + child + ", " + soir
                    + ", '2026-10-01', " + lines[1] + ")");
        }
        migrator.migrateCommune(SCHEMA);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to " + SCHEMA);
            assertEquals(1, id(st, "select count(*) from invoice_line where id = " + lines[0]
                    + " and days = '{2026-10-01,2026-10-31,2026-11-02}'"), "the line's days, in order");
            assertEquals(1, id(st, "select count(*) from invoice_line where id = " + lines[1] + " and days = '{2026-10-01}'"));
            assertEquals(1 | (1 << 30), id(st, "select days from billed_month where child_id = " + child + " and unit_id = " + midi
                    + " and month = '2026-10-01'"), "the 1st and the 31st");
            assertEquals(0b10, id(st, "select days from billed_month where child_id = " + child + " and unit_id = " + midi
                    + " and month = '2026-11-01'"));
            assertEquals(1, id(st, "select days from billed_month where child_id = " + child + " and unit_id = " + soir
                    + " and month = '2026-10-01'"));
            assertEquals(0, id(st, "select count(*) from pg_tables where schemaname = '" + SCHEMA + "' and tablename = 'billed_day'"));
            SQLException twice = assertThrows(SQLException.class, () -> st.execute("select bill_days(array[" + child
                    + "]::bigint[], array[" + midi + "]::bigint[], array[date '2026-10-01'], array[1 << 30])"));
            assertEquals("23505", twice.getSQLState());
            // the deleted invoice gives its days back
            st.execute("delete from invoice");
            assertEquals(0, id(st, "select coalesce(sum(days), 0) from billed_month"));
        }
    }
}
