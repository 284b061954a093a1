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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the billing tables (V8) refuse by themselves, whatever the code above them does. */
class BillingSchemaTest {

    static final String SCHEMA = "commune_billing_schema";
    static DataSource ds;
    static long family;

    @BeforeAll
    static void migrate() throws SQLException {
        ds = TestDatabase.dataSource();
        TenantMigrator migrator = new TenantMigrator(ds);
        migrator.dropCommuneSchema(SCHEMA);
        migrator.migrateCommune(SCHEMA);
        try (Connection c = connection(); Statement st = c.createStatement()) {
            st.execute("insert into regie (code, label, invoice_prefix) values ('ALSH', 'Régie garderie ALSH', 'AL')");
            family = id(st, "insert into family (label, quotient_familial, qf_source, qf_proof_date, monthly_resources_cents,"
                    + " resident_override) values ('Famille Test', 451, 'CAF', '2026-01-10', 140200, null) returning id");
        }
    }

    static Connection connection() throws SQLException {
        Connection c = ds.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("set search_path to " + SCHEMA);
        }
        return c;
    }

    static String invoice(String number, long sequence, long total) {
        return "insert into invoice (regie_id, family_id, sequence, number, period_start, period_end, total_cents, issued_by)"
                + " values ((select id from regie where code = 'ALSH'), " + family + ", " + sequence + ", '" + number
                + "', '2026-10-01', '2026-10-31', " + total + ", 'regisseur@test') returning id";
    }

    @Test
    void moneyIsNeverNegativeAndLinesAreQuantityTimesPrice() throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.execute(invoice("AL-900", 900, -1)));
            long invoice = id(st, invoice("AL-901", 901, 12_060));
            st.execute("insert into invoice_line (invoice_id, position, child_name, activity_code, quantity, unit_price_cents,"
                    + " amount_cents, label) values (" + invoice + ", 1, 'Léa', 'CANTINE', 3, 351, 1053, 'Tranche T2')");
            assertThrows(SQLException.class, () -> st.execute("insert into invoice_line (invoice_id, position, child_name,"
                    + " activity_code, quantity, unit_price_cents, amount_cents, label) values (" + invoice
                    + ", 2, 'Léa', 'CANTINE', 3, 351, 1052, 'Tranche T2')"));
            assertThrows(SQLException.class, () -> st.execute("insert into payment (regie_id, family_id, mode, amount_cents,"
                    + " received_on, recorded_by) values ((select id from regie), " + family + ", 'ESPECES', 0, '2026-11-02', 'x')"));
            assertThrows(SQLException.class, () -> st.execute("insert into payment (regie_id, family_id, mode, amount_cents,"
                    + " received_on, recorded_by) values ((select id from regie), " + family + ", 'CHEQUE', 1000, '2026-11-02', 'x')"),
                    "a cheque needs its number and bank");
            assertThrows(SQLException.class, () -> st.execute("update family set monthly_resources_cents = -1 where id = " + family));
        }
    }

    @Test
    void numbersAreUniquePerRegieAndCreditNotesReferToTheirInvoice() throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            long original = id(st, invoice("AL-36", 36, 12_060));
            assertThrows(SQLException.class, () -> st.execute(invoice("AL-36", 37, 100)));
            assertThrows(SQLException.class, () -> st.execute("insert into invoice (regie_id, family_id, kind, sequence, number,"
                    + " period_start, period_end, total_cents, issued_by) values ((select id from regie), " + family
                    + ", 'CREDIT_NOTE', 1, 'AL-AV-1', '2026-10-01', '2026-10-31', 351, 'x')"), "a credit note without its invoice");
            st.execute("insert into invoice (regie_id, family_id, kind, sequence, number, credit_note_of,"
                    + " period_start, period_end, total_cents, issued_by) values ((select id from regie), " + family
                    + ", 'CREDIT_NOTE', 1, 'AL-AV-1', " + original + ", '2026-10-01', '2026-10-31', 351, 'x')");
            assertThrows(SQLException.class, () -> st.execute("update invoice set state = 'TITRE_EMIS' where id = " + original),
                    "a titre needs its ORMC number");
        }
    }

    @Test
    void onlyOneRunOfARegieAndPeriodRunsAtATime() throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            String run = "insert into billing_run (regie_id, period_start, period_end, state, started_by) values"
                    + " ((select id from regie), '2026-09-01', '2026-09-30', '%s', 'x')";
            st.execute(run.formatted("RUNNING"));
            assertThrows(SQLException.class, () -> st.execute(run.formatted("RUNNING")));
            st.execute("update billing_run set state = 'DONE' where period_start = '2026-09-01'");
            st.execute(run.formatted("RUNNING"));
            try (ResultSet rs = st.executeQuery("select count(*) from billing_run where period_start = '2026-09-01'")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
        }
    }
}
