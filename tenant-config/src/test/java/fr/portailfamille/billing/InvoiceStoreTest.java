package fr.portailfamille.billing;

import static fr.portailfamille.testing.TestDatabase.id;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run's chunk of families issued by {@link InvoiceStore#issueAll} on a real commune schema: consecutive
 * numbers in the families' order, lines with their days and the days billed, progress and audit in the chunk's
 * transaction; a day billed meanwhile rolls the whole chunk back, numbers included; and when the run refreshes statistics.
 */
class InvoiceStoreTest {

    static final String SCHEMA = "commune_invoice_store";
    static final LocalDate FROM = LocalDate.parse("2026-10-01");
    static final LocalDate TO = LocalDate.parse("2026-10-31");
    static DataSource ds;
    static long regie;
    static long unit;
    static final List<long[]> FAMILIES = new ArrayList<>();   // {family, child}

    @BeforeAll
    static void migrate() throws SQLException {
        ds = TestDatabase.dataSource();
        TenantMigrator migrator = new TenantMigrator(ds);
        migrator.dropCommuneSchema(SCHEMA);
        migrator.migrateCommune(SCHEMA);
        try (Connection c = connection(); Statement st = c.createStatement()) {
            regie = id(st, "insert into regie (code, label, invoice_prefix) values ('REST', 'Régie restauration', 'RS') returning id");
            long activity = id(st, "insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                    + " values ('CANTINE', 'Restauration scolaire', 'RESTAURATION', 'J-2@23:59', 'J-2@23:59', 'SURCHARGED') returning id");
            unit = id(st, "insert into activity_unit (activity_id, code, label, capacity) values (" + activity
                    + ", 'MIDI', 'Midi', 100) returning id");
            for (int i = 0; i < 6; i++) {
                long family = id(st, "insert into family (label) values ('Famille " + i + "') returning id");
                long child = id(st, "insert into child (family_id, first_name, last_name, birth_date) values (" + family
                        + ", 'Enfant', 'Famille " + i + "', '2018-01-01') returning id");
                FAMILIES.add(new long[] {family, child});
            }
        }
    }

    static Connection connection() throws SQLException {
        Connection c = ds.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("set search_path to " + SCHEMA);
        }
        return c;
    }

    /** Family {@code i}'s draft: {@code days} canteen days of October at 2,00 € from {@code first} (none: nothing to bill). */
    static FamilyInvoice draft(int i, int first, int days) {
        long family = FAMILIES.get(i)[0];
        long child = FAMILIES.get(i)[1];
        List<InvoiceDraft.Line> lines = new ArrayList<>();
        if (days > 0) {
            List<LocalDate> dates = IntStream.range(first, first + days).mapToObj(d -> FROM.plusDays(d - 1)).toList();
            lines.add(new InvoiceDraft.Line(child, "CANTINE", "MIDI", "Tranche T2", 200, days, 200L * days, "T2", dates));
            lines.add(new InvoiceDraft.Line(child, "CANTINE", "MIDI", "Tranche T2 · Majoration hors délai +20 %", 240, 1, 240,
                    "T2", List.of(FROM.plusDays(first + days - 1))));
        }
        long total = lines.stream().mapToLong(InvoiceDraft.Line::amountCents).sum();
        return new FamilyInvoice(family, "Famille " + i, new InvoiceDraft(lines, List.of(), total), List.of(),
                Map.of(child, "Enfant Famille " + i), Map.of("CANTINE/MIDI", unit));
    }

    static long run(Statement st, int families) throws SQLException {
        return id(st, "insert into billing_run (regie_id, period_start, period_end, state, families_total, started_by)"
                + " values (" + regie + ", '" + FROM + "', '" + TO + "', 'DONE', " + families + ", 'test') returning id");
    }

    static long count(Statement st, String sql) throws SQLException {
        return id(st, sql);
    }

    /**
     * A line of one month keeps it and its days' bitmask, a line over two months its dates (tenant V31); a deleted
     * line gives its days back to billed_month either way.
     */
    @Test
    void aLineOverTwoMonthsKeepsItsDatesAndDeletedLinesGiveEveryDayBack() throws SQLException {
        long family = FAMILIES.get(5)[0];
        long child = FAMILIES.get(5)[1];
        LocalDate to = LocalDate.parse("2026-11-30");
        List<InvoiceDraft.Line> lines = List.of(
                new InvoiceDraft.Line(child, "CANTINE", "MIDI", "Tranche T2", 200, 3, 600, "T2", List.of(
                        LocalDate.parse("2026-10-30"), LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"))),
                new InvoiceDraft.Line(child, "CANTINE", "MIDI", "Tranche T2 · Majoration hors délai +20 %", 240, 1, 240, "T2",
                        List.of(LocalDate.parse("2026-11-05"))));
        FamilyInvoice invoice = new FamilyInvoice(family, "Famille 5", new InvoiceDraft(lines, List.of(), 840), List.of(),
                Map.of(child, "Enfant Famille 5"), Map.of("CANTINE/MIDI", unit));
        try (Connection c = connection(); Statement st = c.createStatement()) {
            long run = run(st, 1);
            InvoiceStore.RunContext ctx = new InvoiceStore.RunContext(run, regie, "REST", FROM, to, to.plusDays(30), "regie@test");
            c.setAutoCommit(false);
            long id = InvoiceStore.issueAll(c, SCHEMA, ctx, List.of(invoice)).get(0);
            c.commit();
            c.setAutoCommit(true);
            assertEquals(1, count(st, "select count(*) from invoice_line where invoice_id = " + id + " and days_month is null"
                    + " and days_bits is null and days = array[date '2026-10-30', date '2026-11-02', date '2026-11-03']"));
            assertEquals(1, count(st, "select count(*) from invoice_line where invoice_id = " + id + " and days is null"
                    + " and days_month = date '2026-11-01' and days_bits = " + (1 << 4)));
            assertEquals(1 << 29, count(st, "select days from billed_month where child_id = " + child + " and month = '2026-10-01'"));
            assertEquals(0b10110, count(st, "select days from billed_month where child_id = " + child + " and month = '2026-11-01'"));
            st.execute("delete from invoice_line where invoice_id = " + id);
            assertEquals(0, count(st, "select coalesce(sum(days), 0) from billed_month where child_id = " + child));
        }
    }

    @Test
    void aChunkIsNumberedInOrderWithItsLinesDaysProgressAndAudit() throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            long run = run(st, 3);
            InvoiceStore.RunContext ctx = new InvoiceStore.RunContext(run, regie, "REST", FROM, TO, TO.plusDays(30), "regie@test");
            long before = count(st, "select next_number from regie where id = " + regie);
            c.setAutoCommit(false);
            List<Long> ids = InvoiceStore.issueAll(c, SCHEMA, ctx, List.of(draft(0, 1, 3), draft(1, 1, 0), draft(2, 1, 4)));
            c.commit();
            c.setAutoCommit(true);
            assertEquals(3, ids.size());
            assertNull(ids.get(1), "a family with nothing to bill has no invoice");
            try (ResultSet rs = st.executeQuery("select family_id, sequence, number, total_cents, billing_run_id, issued_by"
                    + " from invoice where billing_run_id = " + run + " order by sequence")) {
                assertTrue(rs.next());
                assertEquals(FAMILIES.get(0)[0], rs.getLong(1));
                assertEquals(before, rs.getLong(2));
                assertEquals("RS-" + before, rs.getString(3));
                assertEquals(3 * 200 + 240, rs.getLong(4));
                assertTrue(rs.next());
                assertEquals(FAMILIES.get(2)[0], rs.getLong(1));
                assertEquals(before + 1, rs.getLong(2), "consecutive: the empty family takes no number");
                assertEquals(4 * 200 + 240, rs.getLong(4));
                assertFalse(rs.next());
            }
            assertEquals(before + 2, count(st, "select next_number from regie where id = " + regie));
            assertEquals(4, count(st, "select count(*) from invoice_line l join invoice i on i.id = l.invoice_id"
                    + " where i.billing_run_id = " + run));
            assertEquals(2, count(st, "select count(*) from invoice_line l where l.invoice_id = " + ids.get(2)
                    + " and l.position in (1, 2)"), "positions 1, 2 within each invoice");
            // every day of every line once, kept by its line: 3 + 1 and 4 + 1, and billed in the child's unit-month
            assertEquals(9, count(st, "select sum(cardinality(line_days(l.days, l.days_month, l.days_bits))) from invoice_line l"
                    + " join invoice i on i.id = l.invoice_id where i.billing_run_id = " + run));
            // a line of one month keeps it and its days' bitmask (tenant V31)
            assertEquals(1, count(st, "select count(*) from invoice_line l where l.invoice_id = " + ids.get(0)
                    + " and l.unit_price_cents = 240 and l.days is null and l.days_month = date '2026-10-01'"
                    + " and l.days_bits = " + (1 << 3) + " and line_days(l.days, l.days_month, l.days_bits) = array[date '2026-10-04']"));
            assertEquals(0b1111, count(st, "select days from billed_month where child_id = " + FAMILIES.get(0)[1]
                    + " and unit_id = " + unit + " and month = '2026-10-01'"));
            assertEquals(0b11111, count(st, "select days from billed_month where child_id = " + FAMILIES.get(2)[1]
                    + " and unit_id = " + unit + " and month = '2026-10-01'"));
            try (ResultSet rs = st.executeQuery("select families_done, invoices_issued, total_cents from billing_run where id = " + run)) {
                rs.next();
                assertArrayEquals(new long[] {3, 2, 840 + 1040}, new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
            }
            assertEquals(2, count(st, "select count(*) from billing_audit where action = 'INVOICE_ISSUED' and actor = 'regie@test'"
                    + " and invoice_id in (" + ids.get(0) + ", " + ids.get(2) + ") and detail like 'Facture RS-%'"));
        }
    }

    @Test
    void aDayBilledMeanwhileRollsTheChunkBackAndItsNumbersWithIt() throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            long run = run(st, 2);
            InvoiceStore.RunContext ctx = new InvoiceStore.RunContext(run, regie, "REST", FROM, TO, TO.plusDays(30), "regie@test");
            c.setAutoCommit(false);
            InvoiceStore.issue(c, SCHEMA, ctx, draft(3, 20, 2));   // 20, 21 (22 late) billed by another run
            c.commit();
            long next = count(st, "select next_number from regie where id = " + regie);
            SQLException e = assertThrows(SQLException.class,
                    () -> InvoiceStore.issueAll(c, SCHEMA, ctx, List.of(draft(4, 10, 2), draft(3, 21, 1))));
            assertEquals("23505", e.getSQLState(), "a day billed already (bill_days)");
            c.rollback();
            assertEquals(next, count(st, "select next_number from regie where id = " + regie), "the numbers are given back");
            assertEquals(0, count(st, "select count(*) from invoice where family_id = " + FAMILIES.get(4)[0]));
            // the run then issues the chunk family by family: only the failing family is left out, no gap
            assertEquals(next, count(st, "select sequence from invoice where id = "
                    + InvoiceStore.issue(c, SCHEMA, ctx, draft(4, 10, 2))));
            c.commit();
            c.setAutoCommit(true);
        }
    }

    @Test
    void aRunIsCutIntoAboutFortyChunksOfTwentyFiveToFiveHundredFamilies() {
        assertEquals(25, InvoiceStore.chunkSize(1));
        assertEquals(25, InvoiceStore.chunkSize(1_000));
        assertEquals(26, InvoiceStore.chunkSize(1_001));
        assertEquals(250, InvoiceStore.chunkSize(10_000));
        assertEquals(500, InvoiceStore.chunkSize(20_000));
        assertEquals(500, InvoiceStore.chunkSize(100_000));
    }
}
