package fr.portailfamille.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.InvoiceNumbering;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.testing.TestDatabase;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The billing section imported into and exported from a real commune schema (V8 tables). */
class BillingStoreTest {

    static final String S = "commune_billing_store";
    static DataSource ds;

    @BeforeAll
    static void database() {
        ds = TestDatabase.dataSource();
    }

    @BeforeEach
    void fresh() {
        TenantMigrator migrator = new TenantMigrator(ds);
        migrator.dropCommuneSchema(S);
        migrator.migrateCommune(S);
    }

    @Test
    void importThenExportGivesTheSameBilling() throws SQLException {
        importInto(Samples.billed());
        assertEquals(Samples.billed(), export());
        assertEquals("87000,87100", text("select resident_postcodes from billing_settings"));
        assertEquals("3", text("select count(*) from tariff where activity_id = (select id from activity where code = 'PERI')"));
        assertEquals("SOIR", text("select u.code from tariff t join activity_unit u on u.id = t.unit_id"));
        assertEquals("ALSH", text("select r.code from regie_activity ra join regie r on r.id = ra.regie_id"
                + " join activity a on a.id = ra.activity_id where a.code = 'PERI'"));
        assertEquals(ConfigurationJson.write(Samples.billed()), ConfigurationJson.write(export()));
    }

    @Test
    void reimportKeepsRegiesAndTheirCountersAndReplacesTariffs() throws SQLException {
        importInto(Samples.billed());
        String alsh = text("select id from regie where code = 'ALSH'");
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            assertEquals("AL-1", InvoiceNumbering.next(c, S, "ALSH", InvoiceNumbering.Sequence.INVOICE).text());
            c.commit();
        }
        CommuneConfiguration changed = Samples.patched(Samples.billed(), p -> p
                .replace("/billing/regies/0/label", "Régie enfance")
                .replace("/billing/regies/0/invoicePrefix", "EN")
                .remove("/billing/regies/1") // SPORT: no invoice
                .remove("/billing/tariffs/2")
                .replace("/billing/tariffs/1/pricesCents/T2", 110)
                .replace("/billing/brackets/1/label", "Tranche deux"));
        importInto(changed);
        assertEquals(changed, export());
        assertEquals(alsh, text("select id from regie where code = 'ALSH'"));
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            assertEquals("EN-2", InvoiceNumbering.next(c, S, "ALSH", InvoiceNumbering.Sequence.INVOICE).text(),
                    "the counter goes on under the new prefix");
            c.rollback();
        }
    }

    @Test
    void aFileWithoutBillingLeavesTheCommunesBillingAsItIs() throws SQLException {
        importInto(Samples.billed());
        CommuneConfiguration v1 = ConfigurationJson.read(Samples.patchedJson(Samples.billed(),
                p -> p.replace("/version", 1).remove("/billing").replace("/zone", "A")));
        importInto(v1);
        assertEquals(Samples.billed().withTexts("A", Samples.billed().cgu()), export());
    }

    @Test
    void anEmptyBillingSectionRemovesTheBilling() throws SQLException {
        importInto(Samples.billed());
        importInto(Samples.full().withBilling(BillingConfiguration.empty()));
        assertEquals(Samples.full().withBilling(BillingConfiguration.empty()), export());
        assertEquals("0", text("select count(*) from qf_bracket"));
    }

    @Test
    void aRegieWithInvoicesCannotBeRemoved() throws SQLException {
        importInto(Samples.billed());
        issueOneInvoice("SPORT", "SP-1");
        CommuneConfiguration withoutSport = Samples.patched(Samples.billed(), p -> p.remove("/billing/regies/1")
                .replace("/billing/brackets/0/label", "Changée"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> importInto(withoutSport));
        assertEquals(List.of(new FieldError("billing.regies", "La régie « Régie des sports » (SPORT) a déjà servi (factures,"
                + " paiements, facturations, porte-monnaie ou mandats de prélèvement des familles) : elle ne peut pas être"
                + " retirée.")), e.errors());
        assertEquals(Samples.billed(), export(), "nothing changed");
    }

    @Test
    void aRegieAFamilysPorteMonnaieOrMandateNamesCannotBeRemovedEither() throws SQLException {
        importInto(Samples.billed());
        execute("insert into family (label) values ('Foyer Martin')");
        CommuneConfiguration withoutSport = Samples.patched(Samples.billed(), p -> p.remove("/billing/regies/1"));
        execute("insert into wallet (family_id, regie_id, activated_by) select (select max(id) from family), r.id, 'parent@test'"
                + " from regie r where r.code = 'SPORT'");
        ConfigurationException wallet = assertThrows(ConfigurationException.class, () -> importInto(withoutSport));
        assertEquals("billing.regies", wallet.errors().get(0).field());
        execute("delete from wallet");
        execute("insert into sepa_mandate (family_id, regie_id, rum, debtor_name, iban, creditor_ics, signed_on, signed_by)"
                + " select (select max(id) from family), r.id, 'PF-SPORT-00000001', 'Martin', 'FR7630006000011234567890189',"
                + " 'FR72ZZZ123456', current_date, 'parent@test' from regie r where r.code = 'SPORT'");
        assertThrows(ConfigurationException.class, () -> importInto(withoutSport), "a mandate");
        assertEquals(Samples.billed(), export(), "nothing changed");
        execute("delete from sepa_mandate");
        importInto(withoutSport);
        assertEquals(withoutSport, export(), "removed once nothing names it");
    }

    @Test
    void aRegieWhosePorteMonnaieStillHoldMoneyKeepsCollectingSo() throws SQLException {
        importInto(Samples.billed());
        execute("insert into family (label) values ('Foyer Martin')");
        execute("insert into wallet (family_id, regie_id, activated_by, balance_cents) select (select max(id) from family),"
                + " r.id, 'parent@test', 1250 from regie r where r.code = 'SPORT'");
        CommuneConfiguration invoiced = Samples.patched(Samples.billed(), p -> p.replace("/billing/regies/1/collection", "INVOICE"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> importInto(invoiced));
        assertEquals(List.of(new FieldError("billing.regies[1].collection", "La régie « Régie des sports » ne peut pas cesser"
                + " d'encaisser par porte-monnaie : 1 porte-monnaie de familles ont encore un solde. Soldez-les d'abord"
                + " (versement ou retrait au guichet).")), e.errors());
        assertEquals(Samples.billed(), export(), "nothing changed");
        execute("update wallet set balance_cents = 0");
        // a day to come paid ahead from it: refunded, it would land in a porte-monnaie nobody sees any more
        execute("insert into child (family_id, first_name, last_name, birth_date) values ((select max(id) from family), 'Léo',"
                + " 'Martin', date '2018-01-01')");
        execute("insert into booking (child_id, unit_id, day, status) select (select max(id) from child), min(u.id),"
                + " current_date + 3, 'BOOKED' from activity_unit u join activity a on a.id = u.activity_id"
                + " where a.code = 'SPORT-U10'");
        execute("insert into wallet_booking (booking_id, wallet_id, amount_cents) select (select max(id) from booking),"
                + " (select max(id) from wallet), 350");
        assertEquals(List.of(new FieldError("billing.regies[1].collection", "La régie « Régie des sports » ne peut pas cesser"
                + " d'encaisser par porte-monnaie : 1 journée(s) à venir sont payées d'avance par porte-monnaie. Annulées ou"
                + " excusées, elles seraient remboursées dans un porte-monnaie que plus personne ne voit : attendez qu'elles"
                + " soient passées.")), assertThrows(ConfigurationException.class, () -> importInto(invoiced)).errors());
        execute("update booking set day = current_date - 1");
        importInto(invoiced);
        assertEquals("INVOICE", text("select collection from regie where code = 'SPORT'"), "settled: it may invoice now");
    }

    @Test
    void twoRegiesSwapTheirPrefixesAndTwoBracketsTheirBoundsInOneSave() throws SQLException {
        importInto(Samples.billed());
        CommuneConfiguration swapped = Samples.patched(Samples.billed(), p -> p
                .replace("/billing/regies/0/invoicePrefix", "SP").replace("/billing/regies/1/invoicePrefix", "AL")
                .replace("/billing/brackets/0/min", 451).replace("/billing/brackets/0/max", 700)
                .replace("/billing/brackets/1/min", 0).replace("/billing/brackets/1/max", 450));
        importInto(swapped); // each unique index met the other row's old value half-way: checked at commit now
        assertEquals("SP", text("select invoice_prefix from regie where code = 'ALSH'"));
        assertEquals("AL", text("select invoice_prefix from regie where code = 'SPORT'"));
        assertEquals("T2", text("select code from qf_bracket where qf_min = 0"));
        assertEquals("T1", text("select code from qf_bracket where qf_min = 451"));
    }

    @Test
    void aPrefixThatNumberedAnotherRegiesInvoicesIsNotTakenAgain() throws SQLException {
        importInto(Samples.billed());
        issueOneInvoice("ALSH", "AL-1");
        CommuneConfiguration renamed = Samples.patched(Samples.billed(), p -> p.replace("/billing/regies/0/invoicePrefix", "EN"));
        importInto(renamed);
        CommuneConfiguration taken = Samples.patched(renamed, p -> p.replace("/billing/regies/1/invoicePrefix", "AL"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> importInto(taken));
        assertEquals(List.of(new FieldError("billing.regies[1].invoicePrefix", "Le préfixe « AL » a déjà numéroté des"
                + " factures de la régie « Régie garderie ALSH » : une autre régie ne peut pas le reprendre (deux factures"
                + " porteraient le même numéro).")), e.errors());
        assertEquals(renamed, export(), "nothing changed");
        importInto(Samples.billed()); // its own prefix back: its counter goes on
        assertEquals("AL", text("select invoice_prefix from regie where code = 'ALSH'"));
    }

    @Test
    void removingAnActivityRemovesItsTariffsAndRegieLink() throws SQLException {
        importInto(Samples.billed());
        CommuneConfiguration withoutAlsh = Samples.patched(Samples.billed(), p -> p.remove("/activities/0")
                .remove("/billing/tariffs/0").replace("/billing/regies/0/activities", Json.createArrayBuilder().add("PERI").build()));
        importInto(withoutAlsh);
        assertEquals(withoutAlsh, export());
    }

    @Test
    void theDefaultConfigurationHasOneRegieFiveBracketsAndATariffPerActivity() throws SQLException {
        importInto(DefaultConfiguration.get());
        CommuneConfiguration exported = export();
        assertEquals(DefaultConfiguration.get(), exported);
        assertEquals(5, exported.billing().settings().brackets().size());
        assertEquals(List.of("CANTINE", "MERCREDI", "PERI"), exported.billing().regies().get(0).activities());
        assertEquals(List.of("CANTINE", "MERCREDI", "PERI"), exported.billing().tariffs().stream().map(t -> t.activity()).toList());
    }

    private static void importInto(CommuneConfiguration conf) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                ConfigurationStore.importInto(c, S, conf);
                c.commit();
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static CommuneConfiguration export() throws SQLException {
        try (Connection c = ds.getConnection()) {
            return ConfigurationReader.of(c, S).configuration();
        }
    }

    /** A family and one invoice numbered {@code number} by régie {@code regie}. */
    private static void issueOneInvoice(String regie, String number) throws SQLException {
        execute("insert into family (label) values ('Foyer Martin')");
        execute("insert into invoice (regie_id, family_id, sequence, number, period_start, period_end, total_cents, issued_by)"
                + " select r.id, (select max(id) from family), 1, '" + number + "', '2026-10-01', '2026-10-31', 1200,"
                + " 'regie@test' from regie r where r.code = '" + regie + "'");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to " + S);
            st.execute(sql);
        }
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("set search_path to " + S);
            try (ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
