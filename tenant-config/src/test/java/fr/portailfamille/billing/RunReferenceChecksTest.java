package fr.portailfamille.billing;

import static fr.portailfamille.testing.TestDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The references of the rows an invoicing run writes in bulk, checked once per statement since tenant V30
 * ({@code invoice}: régie, family, run; {@code invoice_line}: invoice, child; {@code billed_month}: child, unit;
 * {@code billing_audit}: régie): a missing parent is refused (23503) with a message naming it, a new row's parents are
 * locked FOR KEY SHARE until its transaction ends, and the foreign keys' ON DELETE, ON UPDATE and TRUNCATE behaviour
 * is kept.
 */
class RunReferenceChecksTest {

    static final String SCHEMA = "commune_run_references";
    static DataSource ds;
    static long regie;
    static long activity;
    static final ExecutorService OTHER = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void migrate() throws SQLException {
        ds = TestDatabase.dataSource();
        TenantMigrator migrator = new TenantMigrator(ds);
        migrator.dropCommuneSchema(SCHEMA);
        migrator.migrateCommune(SCHEMA);
        try (Connection c = connection(); Statement st = c.createStatement()) {
            regie = id(st, "insert into regie (code, label, invoice_prefix) values ('REST', 'Régie restauration', 'RS') returning id");
            activity = id(st, "insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                    + " values ('CANTINE', 'Restauration scolaire', 'RESTAURATION', 'J-2@23:59', 'J-2@23:59', 'SURCHARGED') returning id");
        }
    }

    @AfterAll
    static void stop() {
        OTHER.shutdownNow();
    }

    static Connection connection() throws SQLException {
        Connection c = ds.getConnection();
        try (Statement st = c.createStatement()) {
            // not the commune's schema first: the triggers find their tables by themselves
            st.execute("set search_path to public, " + SCHEMA);
        }
        return c;
    }

    static long family(Statement st, String label) throws SQLException {
        return id(st, "insert into " + SCHEMA + ".family (label) values ('" + label + "') returning id");
    }

    static long child(Statement st, long family) throws SQLException {
        return id(st, "insert into " + SCHEMA + ".child (family_id, first_name, last_name) values (" + family
                + ", 'Léa', 'Test') returning id");
    }

    static long run(Statement st) throws SQLException {
        return id(st, "insert into " + SCHEMA + ".billing_run (regie_id, period_start, period_end, state, started_by)"
                + " values (" + regie + ", '2026-10-01', '2026-10-31', 'DONE', 'test') returning id");
    }

    static String invoice(long regieId, long familyId, String runId) {
        return "insert into " + SCHEMA + ".invoice (regie_id, family_id, sequence, number, period_start, period_end,"
                + " total_cents, billing_run_id, issued_by) values (" + regieId + ", " + familyId + ", nextval('" + SCHEMA
                + ".invoice_id_seq'), 'RS-' || currval('" + SCHEMA + ".invoice_id_seq'), '2026-10-01', '2026-10-31', 200, "
                + runId + ", 'test') returning id";
    }

    static String line(long invoiceId, String childId) {
        return "insert into " + SCHEMA + ".invoice_line (invoice_id, position, child_id, child_name, activity_code, quantity,"
                + " unit_price_cents, amount_cents, label, days) values (" + invoiceId + ", 1, " + childId + ", 'Léa', 'CANTINE',"
                + " 1, 200, 200, 'Tranche T2', '{2026-10-01}') returning id";
    }

    static SQLException refused(String state, Statement st, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
        assertEquals(state, e.getSQLState(), e.getMessage());
        return e;
    }

    @Test
    void aMissingParentIsRefusedWithANameAndTheKey() throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            long f = family(st, "Famille Références");
            long child = child(st, f);
            long run = run(st);
            SQLException e = refused("23503", st, invoice(regie, -7, String.valueOf(run)));
            assertTrue(e.getMessage().contains("violates its reference to \"family\"") && e.getMessage().contains("(family_id)=(-7)"),
                    e.getMessage());
            e = refused("23503", st, invoice(-8, f, String.valueOf(run)));
            assertTrue(e.getMessage().contains("\"regie\"") && e.getMessage().contains("(regie_id)=(-8)"), e.getMessage());
            e = refused("23503", st, invoice(regie, f, "-9"));
            assertTrue(e.getMessage().contains("\"billing_run\"") && e.getMessage().contains("(billing_run_id)=(-9)"), e.getMessage());
            // a multi-row insert (as a run's chunk): one missing parent refuses the statement, nothing is written
            long before = id(st, "select count(*) from " + SCHEMA + ".invoice");
            refused("23503", st, "insert into " + SCHEMA + ".invoice (regie_id, family_id, sequence, number, period_start,"
                    + " period_end, total_cents, issued_by) select " + regie + ", k, 100 + n, 'RS-X' || n, '2026-10-01',"
                    + " '2026-10-31', 0, 'test' from unnest(array[" + f + ", " + f + ", -10]) with ordinality u (k, n)");
            assertEquals(before, id(st, "select count(*) from " + SCHEMA + ".invoice"));

            long invoice = id(st, invoice(regie, f, String.valueOf(run)));
            e = refused("23503", st, line(-11, String.valueOf(child)));
            assertTrue(e.getMessage().contains("\"invoice\"") && e.getMessage().contains("(invoice_id)=(-11)"), e.getMessage());
            e = refused("23503", st, line(invoice, "-12"));
            assertTrue(e.getMessage().contains("\"child\"") && e.getMessage().contains("(child_id)=(-12)"), e.getMessage());
            long line = id(st, line(invoice, "null"));   // a line may name no child
            long unit = id(st, "insert into " + SCHEMA + ".activity_unit (activity_id, code, label, capacity) values ("
                    + activity + ", 'REF', 'Références', 10) returning id");
            e = refused("23503", st, "select bill_days(array[-13]::bigint[], array[" + unit + "]::bigint[],"
                    + " array[date '2026-10-01'], array[1])");
            assertTrue(e.getMessage().contains("\"child\""), e.getMessage());
            e = refused("23503", st, "select bill_days(array[" + child + "]::bigint[], array[-17]::bigint[],"
                    + " array[date '2026-10-01'], array[1])");
            assertTrue(e.getMessage().contains("\"activity_unit\""), e.getMessage());
            e = refused("23503", st, "insert into " + SCHEMA + ".billing_audit (actor, action, regie_id) values ('test', 'X', -14)");
            assertTrue(e.getMessage().contains("\"regie\""), e.getMessage());
            // an update that changes a reference is checked; one that keeps it is not
            refused("23503", st, "update " + SCHEMA + ".invoice set family_id = -15 where id = " + invoice);
            refused("23503", st, "update " + SCHEMA + ".invoice_line set child_id = -16 where id = " + line);
            st.execute("update " + SCHEMA + ".invoice_line set child_id = " + child + " where id = " + line);
            st.execute("update " + SCHEMA + ".invoice set total_cents = 300 where id = " + invoice);
            assertEquals(child, id(st, "select child_id from " + SCHEMA + ".invoice_line where id = " + line));
        }
    }

    @Test
    void aNewRowsParentIsLockedUntilItsTransactionEnds() throws Exception {
        try (Connection first = connection(); Statement f = first.createStatement();
             Connection second = connection(); Statement s = second.createStatement()) {
            long named = family(f, "Famille Nommée");
            long gone = family(f, "Famille Partie");
            // an uncommitted invoice names a family: its delete waits, then is refused
            first.setAutoCommit(false);
            f.execute(invoice(regie, named, "null"));
            Future<?> delete = OTHER.submit(() -> s.execute("delete from " + SCHEMA + ".family where id = " + named));
            Thread.sleep(300);
            assertFalse(delete.isDone(), "the delete waits for the invoice's transaction (FOR KEY SHARE)");
            first.commit();
            ExecutionException e = assertThrows(ExecutionException.class, () -> delete.get(10, TimeUnit.SECONDS));
            assertEquals("23503", ((SQLException) e.getCause()).getSQLState(), e.getCause().getMessage());
            // a family being deleted: the invoice naming it waits, then is refused once the delete commits
            second.setAutoCommit(false);
            s.execute("delete from " + SCHEMA + ".family where id = " + gone);
            Future<?> insert = OTHER.submit(() -> f.execute(invoice(regie, gone, "null")));
            Thread.sleep(300);
            assertFalse(insert.isDone(), "the invoice waits for the delete's transaction");
            second.commit();
            e = assertThrows(ExecutionException.class, () -> insert.get(10, TimeUnit.SECONDS));
            assertEquals("23503", ((SQLException) e.getCause()).getSQLState(), e.getCause().getMessage());
            first.rollback();
            first.setAutoCommit(true);
            second.setAutoCommit(true);
        }
    }

    @Test
    void theForeignKeysOnDeleteOnUpdateAndTruncateAreKept() throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            long f = family(st, "Famille Suppressions");
            long kept = child(st, f);
            long removed = child(st, f);
            long run = run(st);
            long unit = id(st, "insert into " + SCHEMA + ".activity_unit (activity_id, code, label, capacity) values ("
                    + activity + ", 'DEL', 'Supprimée', 10) returning id");
            long invoice = id(st, invoice(regie, f, String.valueOf(run)));
            long line = id(st, line(invoice, String.valueOf(removed)));
            st.execute("select bill_days(array[" + kept + ", " + removed + "]::bigint[], array[" + unit + ", " + unit
                    + "]::bigint[], array[date '2026-10-01', date '2026-10-01'], array[1, 1])");
            // régie, family and run named by an invoice (and the régie by the audit): refused, as NO ACTION
            SQLException e = refused("23503", st, "delete from " + SCHEMA + ".family where id = " + f);
            assertTrue(e.getMessage().contains("violates the reference from \"invoice\""), e.getMessage());
            e = refused("23503", st, "delete from " + SCHEMA + ".billing_run where id = " + run);
            assertTrue(e.getMessage().contains("violates the reference from \"invoice\""), e.getMessage());
            refused("23503", st, "delete from " + SCHEMA + ".regie where id = " + regie);
            // an id changed while named: refused (ON UPDATE NO ACTION)
            long alone = family(st, "Famille Facturée Seulement");
            long itsInvoice = id(st, invoice(regie, alone, "null"));
            e = refused("23503", st, "update " + SCHEMA + ".family set id = -20 where id = " + alone);
            assertTrue(e.getMessage().contains("\"invoice\""), e.getMessage());
            e = refused("23503", st, "update " + SCHEMA + ".child set id = -21 where id = " + removed);
            assertTrue(e.getMessage().contains("\"invoice_line\""), e.getMessage());
            st.execute("delete from " + SCHEMA + ".invoice where id = " + itsInvoice);
            st.execute("update " + SCHEMA + ".family set id = -20 where id = " + alone);
            // TRUNCATE of the run with the tables its foreign keys name, but not the invoices naming it: refused
            refused("0A000", st, "truncate " + SCHEMA + ".billing_run cascade");
            // a deleted child: its lines name no child any more (SET NULL), its billed months go (CASCADE)
            st.execute("delete from " + SCHEMA + ".child where id = " + removed);
            assertEquals(1, id(st, "select count(*) from " + SCHEMA + ".invoice_line where id = " + line + " and child_id is null"));
            assertEquals(0, id(st, "select count(*) from " + SCHEMA + ".billed_month where child_id = " + removed));
            // a deleted unit: its billed months go (CASCADE)
            st.execute("delete from " + SCHEMA + ".activity_unit where id = " + unit);
            assertEquals(0, id(st, "select count(*) from " + SCHEMA + ".billed_month where unit_id = " + unit));
            // a deleted invoice: its lines go (CASCADE); then its run and family may go
            st.execute("delete from " + SCHEMA + ".invoice where id = " + invoice);
            assertEquals(0, id(st, "select count(*) from " + SCHEMA + ".invoice_line where invoice_id = " + invoice));
            st.execute("delete from " + SCHEMA + ".billing_run where id = " + run);
            st.execute("delete from " + SCHEMA + ".child where family_id = " + f);
            st.execute("delete from " + SCHEMA + ".family where id = " + f);
        }
    }
}
