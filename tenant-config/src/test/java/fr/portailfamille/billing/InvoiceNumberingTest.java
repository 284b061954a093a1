package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.billing.InvoiceNumbering.Number;
import fr.portailfamille.billing.InvoiceNumbering.Sequence;
import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gap-free numbering on a real commune schema (migrated by TenantMigrator), under concurrency. */
class InvoiceNumberingTest {

    static final String SCHEMA = "commune_numbering";
    static DataSource ds;

    @BeforeAll
    static void migrate() throws SQLException {
        ds = TestDatabase.dataSource();
        TenantMigrator migrator = new TenantMigrator(ds);
        migrator.dropCommuneSchema(SCHEMA);
        migrator.migrateCommune(SCHEMA);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into " + SCHEMA + ".regie (code, label, invoice_prefix) values"
                    + " ('ALSH', 'Régie garderie ALSH', 'AL'), ('RESTO', 'Régie restauration scolaire', 'RS'),"
                    + " ('SOLO', 'Régie seule', 'SO')");
        }
    }

    @Test
    void formatsWithThePrefix() {
        assertEquals("AL-36", InvoiceNumbering.format("AL", Sequence.INVOICE, 36));
        assertEquals("AL-AV-3", InvoiceNumbering.format("AL", Sequence.CREDIT_NOTE, 3));
        assertEquals("AL-R-12", InvoiceNumbering.format("AL", Sequence.RECEIPT, 12));
    }

    @Test
    void eightThreadsTakeFourHundredNumbersWithoutGapNorDuplicateEvenWithRollbacks() throws Exception {
        List<Long> committed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    int kept = 0;
                    for (int i = 0; kept < 50; i++) {
                        Number n = InvoiceNumbering.next(c, SCHEMA, "ALSH", Sequence.INVOICE);
                        if ((i + thread) % 7 == 3) {
                            c.rollback(); // a failed invoice: its number is given back
                        } else {
                            c.commit();
                            committed.add(n.sequence());
                            assertEquals("AL-" + n.sequence(), n.text());
                            kept++;
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        List<Long> sorted = committed.stream().sorted().toList();
        assertEquals(LongStream.rangeClosed(1, 400).boxed().toList(), sorted, "1 to 400, each once");
        assertEquals(401, counter("ALSH", "next_number"));
        assertEquals(1, counter("RESTO", "next_number"), "another régie's numbering is its own");
    }

    @Test
    void aRolledBackTransactionLeavesNoGap() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            assertEquals(new Number(1, "SO-AV-1"), InvoiceNumbering.next(c, SCHEMA, "SOLO", Sequence.CREDIT_NOTE));
            assertEquals(new Number(2, "SO-AV-2"), InvoiceNumbering.next(c, SCHEMA, "SOLO", Sequence.CREDIT_NOTE));
            c.rollback();
            assertEquals(new Number(1, "SO-AV-1"), InvoiceNumbering.next(c, SCHEMA, "SOLO", Sequence.CREDIT_NOTE));
            c.commit();
            assertEquals(new Number(1, "SO-R-1"), InvoiceNumbering.next(c, SCHEMA, "SOLO", Sequence.RECEIPT),
                    "receipts have their own counter");
            assertEquals(new Number(2, "SO-AV-2"), InvoiceNumbering.next(c, SCHEMA, "SOLO", Sequence.CREDIT_NOTE));
            c.commit();
        }
    }

    @Test
    void aChunkTakesItsNumbersAtOnceAndARollbackGivesThemAllBack() throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into " + SCHEMA + ".regie (code, label, invoice_prefix) values ('CHUNK', 'Régie par lots', 'CH')");
            c.setAutoCommit(false);
            assertEquals(List.of(new Number(1, "CH-1"), new Number(2, "CH-2"), new Number(3, "CH-3")),
                    InvoiceNumbering.next(c, SCHEMA, "CHUNK", Sequence.INVOICE, 3));
            c.rollback();
            assertEquals(List.of(), InvoiceNumbering.next(c, SCHEMA, "CHUNK", Sequence.INVOICE, 0));
            assertEquals(List.of(new Number(1, "CH-1"), new Number(2, "CH-2")), InvoiceNumbering.next(c, SCHEMA, "CHUNK",
                    Sequence.INVOICE, 2));
            assertEquals(new Number(3, "CH-3"), InvoiceNumbering.next(c, SCHEMA, "CHUNK", Sequence.INVOICE));
            c.commit();
            assertThrows(IllegalArgumentException.class, () -> InvoiceNumbering.next(c, SCHEMA, "CHUNK", Sequence.INVOICE, -1));
            c.setAutoCommit(true);
        }
        assertEquals(4, counter("CHUNK", "next_number"));
    }

    @Test
    void anUnknownRegieOrSchemaIsRefused() throws SQLException {
        try (Connection c = ds.getConnection()) {
            assertEquals("Régie inconnue : NOPE", assertThrows(IllegalArgumentException.class,
                    () -> InvoiceNumbering.next(c, SCHEMA, "NOPE", Sequence.INVOICE)).getMessage());
            assertThrows(IllegalArgumentException.class, () -> InvoiceNumbering.next(c, "x\"; drop", "ALSH", Sequence.INVOICE));
        }
    }

    static long counter(String regie, String column) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select " + column + " from " + SCHEMA + ".regie where code = '" + regie + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
