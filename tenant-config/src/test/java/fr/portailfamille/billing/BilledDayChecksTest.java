package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * billed_day's references (V13: one check per statement instead of three foreign keys checked row by
 * row): a billed day names an existing child, unit and invoice line, which stay locked against deletion
 * until its transaction ends, and a deleted child, unit or invoice takes its billed days with it.
 */
class BilledDayChecksTest {

    static final String SCHEMA = "commune_billed_day";
    static DataSource ds;
    static long family;
    static long activity;

    @BeforeAll
    static void migrate() throws SQLException {
        ds = TestDatabase.dataSource();
        TenantMigrator migrator = new TenantMigrator(ds);
        migrator.dropCommuneSchema(SCHEMA);
        migrator.migrateCommune(SCHEMA);
        try (Connection c = connection(); Statement st = c.createStatement()) {
            st.execute("insert into regie (code, label, invoice_prefix) values ('REST', 'Régie restauration', 'RS')");
            activity = id(st, "insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                    + " values ('CANTINE', 'Restauration scolaire', 'RESTAURATION', 'J-2@23:59', 'J-2@23:59', 'SURCHARGED') returning id");
            family = id(st, "insert into family (label) values ('Famille Test') returning id");
        }
    }

    static Connection connection() throws SQLException {
        Connection c = ds.getConnection();
        try (Statement st = c.createStatement()) {
            // not the commune's schema first: the checks and cascades find their tables by themselves
            st.execute("set search_path to public, " + SCHEMA);
        }
        return c;
    }

    static long id(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A new child, unit and one-line invoice: {child, unit, line, invoice}. */
    static long[] billable(Statement st, String name) throws SQLException {
        long child = id(st, "insert into child (family_id, first_name, last_name) values (" + family + ", '" + name
                + "', 'Test') returning id");
        long unit = id(st, "insert into activity_unit (activity_id, code, label, capacity) values (" + activity + ", '"
                + name.toUpperCase() + "', '" + name + "', 10) returning id");
        long invoice = id(st, "insert into invoice (regie_id, family_id, sequence, number, period_start, period_end,"
                + " total_cents, issued_by) values ((select id from regie), " + family + ", nextval('invoice_id_seq'),"
                + " 'RS-' || currval('invoice_id_seq'), '2026-10-01', '2026-10-31', 200, 'test') returning id");
        long line = id(st, "insert into invoice_line (invoice_id, position, child_id, child_name, activity_code, quantity,"
                + " unit_price_cents, amount_cents, label) values (" + invoice + ", 1, " + child + ", '" + name
                + "', 'CANTINE', 1, 200, 200, 'Tranche T2') returning id");
        return new long[] {child, unit, line, invoice};
    }

    static String day(long[] b, String day) {
        return "insert into billed_day (child_id, unit_id, day, invoice_line_id) values (" + b[0] + ", " + b[1] + ", '" + day
                + "', " + b[2] + ")";
    }

    static long days(Statement st, String where) throws SQLException {
        return id(st, "select count(*) from " + SCHEMA + ".billed_day where " + where);
    }

    @Test
    void aBilledDayNamesAnExistingChildUnitAndInvoiceLine() throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            long[] b = billable(st, "Lea");
            st.execute(day(b, "2026-10-01"));
            for (long[] wrong : new long[][] {{-1, b[1], b[2]}, {b[0], -1, b[2]}, {b[0], b[1], -1}}) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(day(wrong, "2026-10-02")));
                assertEquals("23503", e.getSQLState(), e.getMessage());
            }
            // a statement of many days is refused whole when one of them names nothing
            assertThrows(SQLException.class, () -> st.execute("insert into billed_day (child_id, unit_id, day, invoice_line_id)"
                    + " select " + b[0] + ", " + b[1] + ", d, case when d = '2026-10-09' then -1 else " + b[2] + " end"
                    + " from generate_series(date '2026-10-05', date '2026-10-09', interval '1 day') d"));
            assertThrows(SQLException.class, () -> st.execute("update billed_day set child_id = -1 where child_id = " + b[0]));
            assertEquals(1, days(st, "child_id = " + b[0]));
            SQLException twice = assertThrows(SQLException.class, () -> st.execute(day(b, "2026-10-01")));
            assertEquals("23505", twice.getSQLState(), "a day is billed once");
        }
    }

    @Test
    void aDeletedChildUnitOrInvoiceTakesItsBilledDaysWithIt() throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            long[] a = billable(st, "Tom");
            long[] b = billable(st, "Zoe");
            long[] d = billable(st, "Max");
            for (long[] x : new long[][] {a, b, d}) {
                st.execute(day(x, "2026-10-01"));
                st.execute(day(x, "2026-10-02"));
            }
            st.execute("delete from " + SCHEMA + ".child where id = " + a[0]);
            assertEquals(0, days(st, "child_id = " + a[0]));
            st.execute("delete from " + SCHEMA + ".activity_unit where id = " + b[1]);
            assertEquals(0, days(st, "unit_id = " + b[1]));
            st.execute("delete from " + SCHEMA + ".invoice where id = " + d[3]);
            assertEquals(0, days(st, "invoice_line_id = " + d[2]), "the invoice's lines cascade, their days with them");
            assertEquals(0, days(st, "child_id in (" + a[0] + ", " + b[0] + ", " + d[0] + ")"));
        }
    }

    @Test
    void theNamedChildCannotBeDeletedBeforeTheBilledDayCommits() throws SQLException {
        try (Connection writer = connection(); Statement w = writer.createStatement();
             Connection other = connection(); Statement o = other.createStatement()) {
            long[] b = billable(w, "Noe");
            writer.setAutoCommit(false);
            w.execute(day(b, "2026-10-01"));
            o.execute("set lock_timeout = '300ms'");
            SQLException blocked = assertThrows(SQLException.class, () -> o.execute("delete from " + SCHEMA
                    + ".activity_unit where id = " + b[1]));
            assertEquals("55P03", blocked.getSQLState(), "the unit is locked FOR KEY SHARE until the writer ends");
            writer.commit();
            o.execute("delete from " + SCHEMA + ".activity_unit where id = " + b[1]);
            assertEquals(0, days(o, "unit_id = " + b[1]));
        }
    }
}
