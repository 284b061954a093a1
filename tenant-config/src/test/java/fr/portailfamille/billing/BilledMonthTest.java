package fr.portailfamille.billing;

import static fr.portailfamille.testing.TestDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guard against billing a day twice (tenant V29): {@code bill_days} records a child's billed days of a unit as one
 * bitmask per month, refuses (23505) a day already billed or given twice, and a concurrent run that bills the same
 * day waits for the first one, then is refused; its rows name an existing child and unit, and go with them; a deleted
 * invoice line gives its days back (as billed_day's cascade did), a credit note does not.
 */
class BilledMonthTest {

    static final String SCHEMA = "commune_billed_month";
    static DataSource ds;
    static long family;
    static long activity;
    static final ExecutorService OTHER_RUN = Executors.newSingleThreadExecutor();

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

    @AfterAll
    static void stop() {
        OTHER_RUN.shutdownNow();
    }

    static Connection connection() throws SQLException {
        Connection c = ds.getConnection();
        try (Statement st = c.createStatement()) {
            // not the commune's schema first: the function and the trigger find their tables by themselves
            st.execute("set search_path to public, " + SCHEMA);
        }
        return c;
    }

    /** A new child, unit and one-line invoice billing {@code days} of the unit: {child, unit, line, invoice}. */
    static long[] billable(Statement st, String name, String days) throws SQLException {
        long child = id(st, "insert into child (family_id, first_name, last_name) values (" + family + ", '" + name
                + "', 'Test') returning id");
        long unit = id(st, "insert into activity_unit (activity_id, code, label, capacity) values (" + activity + ", '"
                + name.toUpperCase() + "', '" + name + "', 10) returning id");
        long invoice = id(st, "insert into invoice (regie_id, family_id, sequence, number, period_start, period_end,"
                + " total_cents, issued_by) values ((select id from regie), " + family + ", nextval('invoice_id_seq'),"
                + " 'RS-' || currval('invoice_id_seq'), '2026-10-01', '2026-10-31', 200, 'test') returning id");
        long line = id(st, "insert into invoice_line (invoice_id, position, child_id, child_name, activity_code, unit_code,"
                + " quantity, unit_price_cents, amount_cents, label, days) values (" + invoice + ", 1, " + child + ", '" + name
                + "', 'CANTINE', '" + name.toUpperCase() + "', 1, 200, 200, 'Tranche T2', '" + days + "') returning id");
        return new long[] {child, unit, line, invoice};
    }

    /** bill_days of one child's unit-month. */
    static String bill(long child, long unit, String month, int bits) {
        return "select bill_days(array[" + child + "]::bigint[], array[" + unit + "]::bigint[], array[date '" + month
                + "'], array[" + bits + "])";
    }

    static long billed(Statement st, long[] b, String month) throws SQLException {
        return id(st, "select coalesce((select days from " + SCHEMA + ".billed_month where child_id = " + b[0]
                + " and unit_id = " + b[1] + " and month = '" + month + "'), -1)");
    }

    static String state(SQLException e) {
        return e.getSQLState();
    }

    @Test
    void aDayIsBilledOnceAndNamesAnExistingChildAndUnit() throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            long[] b = billable(st, "Lea", "{2026-10-01,2026-10-02}");
            st.execute(bill(b[0], b[1], "2026-10-01", 0b11));
            assertEquals(0b11, billed(st, b, "2026-10-01"));
            SQLException twice = assertThrows(SQLException.class, () -> st.execute(bill(b[0], b[1], "2026-10-01", 0b110)));
            assertEquals("23505", state(twice), "the 2nd is billed already: " + twice.getMessage());
            assertEquals(0b11, billed(st, b, "2026-10-01"), "nothing of the refused call is written, not even the 3rd");
            st.execute(bill(b[0], b[1], "2026-10-01", 0b100));
            assertEquals(0b111, billed(st, b, "2026-10-01"), "a day not billed yet is added to the month");
            st.execute(bill(b[0], b[1], "2026-11-01", 0b1));
            assertEquals(0b1, billed(st, b, "2026-11-01"), "another month, another row");
            // two lines of one call: the same day twice is refused, distinct days are joined
            SQLException given = assertThrows(SQLException.class, () -> st.execute("select bill_days(array[" + b[0] + ", " + b[0]
                    + "]::bigint[], array[" + b[1] + ", " + b[1] + "]::bigint[], array[date '2026-12-01', date '2026-12-01'],"
                    + " array[3, 2])"));
            assertEquals("23505", state(given), given.getMessage());
            assertEquals(-1, billed(st, b, "2026-12-01"));
            st.execute("select bill_days(array[" + b[0] + ", " + b[0] + "]::bigint[], array[" + b[1] + ", " + b[1] + "]::bigint[],"
                    + " array[date '2026-12-01', date '2026-12-01'], array[1, 2])");
            assertEquals(0b11, billed(st, b, "2026-12-01"));
            for (long[] wrong : new long[][] {{-1, b[1]}, {b[0], -1}}) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(bill(wrong[0], wrong[1], "2026-10-01", 0b1000)));
                assertEquals("23503", state(e), e.getMessage());
            }
        }
    }

    @Test
    void aConcurrentRunWaitsThenCannotBillTheSameDay() throws Exception {
        try (Connection first = connection(); Statement f = first.createStatement();
             Connection second = connection(); Statement s = second.createStatement()) {
            long[] b = billable(f, "Noe", "{2026-10-05}");
            // an existing month and a month no run has billed yet
            f.execute(bill(b[0], b[1], "2026-10-01", 1));
            for (String month : new String[] {"2026-10-01", "2026-11-01"}) {
                first.setAutoCommit(false);
                second.setAutoCommit(false);
                f.execute(bill(b[0], b[1], month, 1 << 4));
                Future<?> other = OTHER_RUN.submit(() -> {
                    s.execute(bill(b[0], b[1], month, (1 << 4) | (1 << 5)));
                    return null;
                });
                Thread.sleep(300);
                assertFalse(other.isDone(), "the second run waits for the first one's transaction");
                first.commit();
                ExecutionException refused = assertThrows(ExecutionException.class, () -> other.get(10, TimeUnit.SECONDS));
                assertEquals("23505", state((SQLException) refused.getCause()), refused.getCause().getMessage());
                second.rollback();
                first.setAutoCommit(true);
                second.setAutoCommit(true);
                assertEquals(month.equals("2026-10-01") ? 0b10001 : 0b10000, billed(f, b, month), "the first run's days only");
            }
            // the day after, not billed by the first run, is billed by the second
            s.execute(bill(b[0], b[1], "2026-11-01", 1 << 5));
            assertEquals(0b110000, billed(s, b, "2026-11-01"));
        }
    }

    @Test
    void aDeletedLineGivesItsDaysBackACreditNoteDoesNot() throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            long[] a = billable(st, "Tom", "{2026-10-01,2026-10-02,2026-11-03}");
            st.execute(bill(a[0], a[1], "2026-10-01", 0b11 | 0b10000));
            st.execute(bill(a[0], a[1], "2026-11-01", 0b100));
            // a credit note of one day of the line: a new document naming the line; the day stays billed
            long note = id(st, "insert into invoice (regie_id, family_id, kind, sequence, number, period_start, period_end,"
                    + " total_cents, credit_note_of, issued_by) values ((select id from regie), " + family + ", 'CREDIT_NOTE', "
                    + " nextval('invoice_id_seq'), 'AV-' || currval('invoice_id_seq'), '2026-10-01', '2026-10-31', 200, " + a[3]
                    + ", 'test') returning id");
            st.execute("insert into invoice_line (invoice_id, position, child_id, child_name, activity_code, unit_code, quantity,"
                    + " unit_price_cents, amount_cents, label, credits_line_id) values (" + note + ", 1, " + a[0] + ", 'Tom',"
                    + " 'CANTINE', 'TOM', 1, 200, 200, 'Avoir : 1 jour(s)', " + a[2] + ")");
            assertEquals(0b10011, billed(st, a, "2026-10-01"));
            // the invoice deleted: its line's days are billable again, the 5th (another line's) stays billed
            st.execute("delete from " + SCHEMA + ".invoice where id = " + note);
            st.execute("delete from " + SCHEMA + ".invoice where id = " + a[3]);
            assertEquals(0b10000, billed(st, a, "2026-10-01"));
            assertEquals(0, billed(st, a, "2026-11-01"));
            st.execute(bill(a[0], a[1], "2026-10-01", 0b1));
            assertEquals(0b10001, billed(st, a, "2026-10-01"));
        }
    }

    @Test
    void aDeletedChildOrUnitTakesItsBilledMonthsWithIt() throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            long[] a = billable(st, "Zoe", "{2026-10-01}");
            long[] b = billable(st, "Max", "{2026-10-01}");
            st.execute(bill(a[0], a[1], "2026-10-01", 1));
            st.execute(bill(b[0], b[1], "2026-10-01", 1));
            st.execute("delete from " + SCHEMA + ".child where id = " + a[0]);
            assertEquals(0, id(st, "select count(*) from " + SCHEMA + ".billed_month where child_id = " + a[0]));
            st.execute("delete from " + SCHEMA + ".activity_unit where id = " + b[1]);
            assertEquals(0, id(st, "select count(*) from " + SCHEMA + ".billed_month where unit_id = " + b[1]));
        }
    }
}
