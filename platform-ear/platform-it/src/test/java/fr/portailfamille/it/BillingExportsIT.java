package fr.portailfamille.it;

import static fr.portailfamille.it.support.BillingKit.AGENT;
import static fr.portailfamille.it.support.BillingKit.REGISSEUR;
import static fr.portailfamille.it.support.BillingKit.random;
import static fr.portailfamille.it.support.BillingMonth.OCTOBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.BillingMonth;
import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.QueueWalk;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.platform.billing.InvoicingRun;
import fr.portailfamille.platform.billing.IssuedInvoice;
import fr.portailfamille.platform.billing.export.CafSummary;
import fr.portailfamille.platform.billing.export.ExportCsv;
import fr.portailfamille.platform.billing.export.ExportTable;
import fr.portailfamille.platform.billing.export.RegieExports.Dataset;
import fr.portailfamille.platform.billing.export.RegieExports;
import fr.portailfamille.platform.billing.payment.InvoiceDesk;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.tenancy.CommuneRules;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The régie's exports against the real PostgreSQL inside Payara Micro ({@link RegieExports}): an
 * October 2026 fixture in commune alpha (QF 450 in T1 with a late day and an excused absence, two siblings
 * in T2, a family without QF with a presence without booking) issued by the background run, a credit
 * note, two payments: the invoices, payments, CAF summary and journal exported agree to the cent with the
 * issued invoices; a parent and another commune's agent are refused. In Chromium: a parent reads
 * "Consulter les tarifs" (its bracket, then the maximum tariff once its QF is gone) and the price of its
 * planning selection (a late day surcharged), an agent the exports page, the CSV downloaded.
 */
@ExtendWith(ArquillianExtension.class)
class BillingExportsIT {

    static final SignedInUser PARENT = BillingKit.parent("alpha", UUID.randomUUID().toString(), "Parent Alpha",
            "parent-exports@alpha.test");
    static final SignedInUser AGENT_BETA = BillingKit.staff("beta", "Agent Beta", "agent@beta.test", "agent", "regisseur");

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    InvoicingRun invoicing;

    @Inject
    InvoiceDesk desk;

    @Inject
    RegieExports exports;

    @Inject
    BillingKit kit;

    /**
     * A month of its own, built from the pieces of the shared fixture month ({@link BillingMonth}: its régie,
     * activity "Restauration exportée", tariff and brackets): QF 450 (T1) with a late day and an excused
     * absence, two siblings in T2, a family without QF (a name Excel would compute) with a presence without
     * booking.
     */
    BillingMonth october(String prefix) {
        BillingMonth f = BillingMonth.empty(kit, kit.alpha(), "Restauration exportée", "EXP", prefix);
        long edge450 = f.family("Edge450", 450, "2026-06-01");
        long lea = f.child(edge450, "Léa", "2017-03-01");
        f.present(lea, 1, 2, 5);
        f.day(lea, 6, "PRESENT", true, false);          // late: 1,20 €
        f.day(lea, 8, "ABSENT_EXCUSED", false, false);  // not billed
        long siblings = f.family("Siblings", 451, "2026-06-01");
        long tom = f.child(siblings, "Tom", "2016-01-01");
        long zoe = f.child(siblings, "Zoé", "2018-05-05");
        f.present(tom, 1, 2);
        f.present(zoe, 1, 2);
        long noQf = f.family("=NoQf", null, null);      // a name Excel would compute
        long max = f.child(noQf, "Max", "2019-02-02");
        f.present(max, 1, 2);
        f.day(max, 6, "PRESENT", false, true);          // without booking: 5,49 €
        return f;
    }

    static String csv(ExportTable t) throws Exception {
        StringWriter out = new StringWriter();
        ExportCsv.write(t, out);
        return out.toString();
    }

    static long moneyColumn(ExportTable t, String header) {
        int c = t.columns().stream().map(ExportTable.Column::header).toList().indexOf(header);
        return t.rows().stream().mapToLong(r -> r[c] == null ? 0 : ((Number) r[c]).longValue()).sum();
    }

    @Test
    void exportsAgreeToTheCentWithTheIssuedInvoices() throws Exception {
        String prefix = BillingKit.prefix("E");
        BillingMonth f = kit.in(kit.alpha(), () -> kit.inTransaction(() -> october(prefix)));
        InvoicingRun.Started started = kit.in(kit.alpha(), () -> invoicing.start(REGISSEUR, f.regie(), OCTOBER));
        started.work().get(120, TimeUnit.SECONDS);
        List<IssuedInvoice> issued = kit.in(kit.alpha(), () -> invoicing.invoices(AGENT, f.regie(), OCTOBER));
        Map<Long, IssuedInvoice> byFamily = issued.stream().collect(Collectors.toMap(IssuedInvoice::familyId, i -> i));
        // Edge450: 3 × 1,00 € + 1,20 € (late) = 4,20 €; Siblings: 2 × 2,20 € + 2 × 1,98 € = 8,36 €;
        // NoQf: 2 × 4,50 € + 5,49 € = 14,49 €; 27,05 € in all
        assertEquals(420L, byFamily.get(f.family("Edge450")).totalCents());
        assertEquals(836L, byFamily.get(f.family("Siblings")).totalCents());
        IssuedInvoice noQf = byFamily.get(f.family("=NoQf"));
        assertEquals(1449L, noQf.totalCents());
        // the unbooked presence credited by its line (its day taken back)
        long presence = ((Number) kit.in(kit.alpha(), () -> kit.list("select id from invoice_line where invoice_id = ?1"
                + " and amount_cents = 549", noQf.id())).get(0)).longValue();
        long note = kit.in(kit.alpha(), () -> desk.creditNote(REGISSEUR, noQf.id(), Map.of(presence, 1), null,
                "Présence contestée"));
        // two payments in November (one cancelled), one in December (outside the period exported)
        kit.in(kit.alpha(), () -> kit.inTransaction(() -> {
            long regie = kit.id("select id from regie where code = ?1", f.regie());
            long cheque = kit.id("insert into payment (regie_id, family_id, receipt_number, mode, amount_cents, received_on,"
                    + " cheque_number, bank, payer_name, recorded_by) values (?1, ?2, ?3, 'CHEQUE', 900, date '2026-11-10',"
                    + " '0001234', 'Banque Postale', '@Payeur', 'regie@alpha.test') returning id",
                    regie, f.family("=NoQf"), prefix + "-R-1");
            kit.update("insert into payment_allocation (payment_id, invoice_id, amount_cents) values (?1, ?2, 900)", cheque, noQf.id());
            // cancelled after it paid Edge450's invoice (its allocation stays, as a cancellation leaves it)
            long cancelled = kit.id("insert into payment (regie_id, family_id, receipt_number, mode, amount_cents, received_on,"
                    + " recorded_by, cancelled_at, cancelled_by, cancel_reason) values (?1, ?2, ?3, 'ESPECES', 420,"
                    + " date '2026-11-12', 'regie@alpha.test', timestamptz '2026-11-13 10:00:00+01', 'regie@alpha.test',"
                    + " 'Erreur de saisie') returning id", regie, f.family("Edge450"), prefix + "-R-2");
            kit.update("insert into payment_allocation (payment_id, invoice_id, amount_cents) values (?1, ?2, 420)", cancelled,
                    byFamily.get(f.family("Edge450")).id());
            kit.update("insert into payment (regie_id, family_id, receipt_number, mode, amount_cents, received_on, recorded_by)"
                    + " values (?1, ?2, ?3, 'VIREMENT', 836, date '2026-12-01', 'regie@alpha.test')",
                    regie, f.family("Siblings"), prefix + "-R-3");
            return null;
        }));

        // (a) invoices and credit notes of October: 3 invoices then the credit note, totals as issued
        ExportTable invoices = kit.in(kit.alpha(), () -> exports.table(AGENT, Dataset.FACTURES, f.regie(), OCTOBER.atDay(1), OCTOBER.atEndOfMonth()));
        assertEquals(4, invoices.rows().size());
        assertEquals(List.of(prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-AV-1"),
                invoices.rows().stream().map(r -> (String) r[0]).toList());
        long issuedTotal = issued.stream().mapToLong(IssuedInvoice::totalCents).sum();
        assertEquals(2705L, issuedTotal);
        assertEquals(issuedTotal + 549L, moneyColumn(invoices, "Montant (€)"));
        String invoicesCsv = csv(invoices);
        assertTrue(invoicesCsv.startsWith("\uFEFFNuméro;Type;Date d'émission;Famille;Période du;Période au;Montant (€);Reste à payer (€);État;"
                + "N° de titre (ORMC);Avoir sur la facture\r\n"), invoicesCsv);
        // NoQf's invoice settled by the cheque and the credit note; Edge450's payment was cancelled: all left
        assertTrue(invoicesCsv.contains(";01/10/2026;31/10/2026;14,49;0,00;Émise;;\r\n"), invoicesCsv);
        assertTrue(invoicesCsv.contains(";01/10/2026;31/10/2026;4,20;4,20;Émise;;\r\n"), invoicesCsv);
        assertTrue(invoicesCsv.contains(prefix + "-AV-1;Avoir;"), invoicesCsv);
        assertTrue(invoicesCsv.contains(";5,49;0,00;Émise;;" + noQf.number() + "\r\n"), invoicesCsv);
        assertTrue(invoicesCsv.contains(";'=NoQf "), "a family name Excel would compute is neutralised: " + invoicesCsv);
        assertFalse(invoicesCsv.contains(";=NoQf"), invoicesCsv);

        // (b) payments received in November: the cheque allocated, the cash payment cancelled
        ExportTable payments = kit.in(kit.alpha(), () -> exports.table(AGENT, Dataset.PAIEMENTS, f.regie(), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30)));
        assertEquals(2, payments.rows().size());
        assertEquals(1320L, moneyColumn(payments, "Montant (€)"));
        assertEquals(900L, moneyColumn(payments, "Imputé (€)"), "a cancelled payment pays nothing: as the page's total");
        String paymentsCsv = csv(payments);
        assertTrue(paymentsCsv.contains(prefix + "-R-1;10/11/2026;Chèque;0001234;Banque Postale;'=NoQf "), paymentsCsv);
        assertTrue(paymentsCsv.contains(";'@Payeur;9,00;9,00;Non;Paiement\r\n"), paymentsCsv);
        assertTrue(paymentsCsv.contains(prefix + "-R-2;12/11/2026;Espèces;;;Edge450 "), paymentsCsv);
        assertTrue(paymentsCsv.contains(";4,20;0,00;Oui, le 13/11/2026;Paiement\r\n"), paymentsCsv);

        // (c) the CAF summary: what the invoices bill less the days their credit notes took back, to the cent
        List<CafSummary.Row> caf = kit.in(kit.alpha(), () -> exports.cafSummary(AGENT, f.regie(), OCTOBER.atDay(1), OCTOBER.atEndOfMonth()));
        assertEquals(5, caf.size(), caf.toString());
        CafSummary.Row t1 = caf.get(0);
        assertTrue(t1.activity().startsWith("Restauration exportée (EXP-"), "the activity by its name and code: " + t1.activity());
        assertEquals(1, t1.children());
        assertEquals(4, t1.unitDays());
        assertEquals(420L, t1.amountCents());
        CafSummary.Row t2 = caf.get(1);
        assertEquals(2, t2.children());
        assertEquals(4, t2.unitDays());
        assertEquals(836L, t2.amountCents());
        CafSummary.Row none = caf.get(2);
        assertEquals(CafSummary.NO_BRACKET, none.bracketLabel());
        assertEquals(1, none.children());
        assertEquals(2, none.unitDays(), "the credited presence is not a day of care");
        assertEquals(900L, none.amountCents());
        CafSummary.Row grand = caf.get(4);
        assertEquals("Total général", grand.bracketLabel());
        assertEquals(4, grand.children());
        assertEquals(10, grand.unitDays());
        assertEquals(issuedTotal - 549L, grand.amountCents(), "the CAF summary adds up to the invoices less the credit");
        String cafCsv = csv(kit.in(kit.alpha(), () -> exports.table(AGENT, Dataset.CAF, f.regie(), OCTOBER.atDay(1), OCTOBER.atEndOfMonth())));
        assertTrue(cafCsv.contains(";sans QF / tarif maximum;1;2;9,00\r\n"), cafCsv);
        assertTrue(cafCsv.endsWith(";Total général;4;10;21,56\r\n"), cafCsv);

        // (d) the journal of today: the run, its three invoices, the credit note, with their amounts
        LocalDate today = TestDays.today();
        ExportTable journal = kit.in(kit.alpha(), () -> exports.table(AGENT, Dataset.JOURNAL, f.regie(), today.minusDays(1), today));
        List<String> actions = journal.rows().stream().map(r -> (String) r[2]).toList();
        assertEquals(List.of("Facturation lancée", "Facture émise", "Facture émise", "Facture émise", "Facturation terminée",
                "Avoir émis"), actions);
        assertEquals(issuedTotal + 549L, moneyColumn(journal, "Montant (€)"));
        assertEquals(prefix + "-AV-1", journal.rows().get(5)[4]);
        assertEquals("regie@alpha.test", journal.rows().get(5)[1]);
        assertEquals(List.of(), kit.in(kit.alpha(), () -> exports.table(AGENT, Dataset.JOURNAL, f.regie(), LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31))).rows(), "nothing was done in October");
        assertTrue(note > 0);
    }

    @Test
    void aParentAndAnotherCommunesAgentAreRefused() throws Exception {
        String prefix = BillingKit.prefix("P");
        BillingMonth f = kit.in(kit.alpha(), () -> kit.inTransaction(() -> october(prefix)));
        LocalDate from = OCTOBER.atDay(1);
        LocalDate to = OCTOBER.atEndOfMonth();
        for (Dataset d : Dataset.values()) {
            SecurityException parent = assertThrows(SecurityException.class, () -> kit.in(kit.alpha(), () -> exports.table(PARENT, d, f.regie(), from, to)));
            assertEquals(StaffRoles.NOT_STAFF, parent.getMessage());
            SecurityException beta = assertThrows(SecurityException.class, () -> kit.in(kit.alpha(), () -> exports.table(AGENT_BETA, d, f.regie(), from, to)));
            assertEquals(StaffRoles.OTHER_COMMUNE, beta.getMessage());
        }
        assertThrows(SecurityException.class, () -> kit.in(kit.alpha(), () -> exports.cafSummary(PARENT, f.regie(), from, to)));
        assertThrows(SecurityException.class, () -> kit.in(kit.alpha(), () -> exports.regies(AGENT_BETA)));
        // in beta, alpha's régie does not exist: nothing of alpha's is read
        Refused unknown = assertThrows(Refused.class, () -> kit.in(kit.beta(), () -> exports.table(AGENT_BETA, Dataset.FACTURES, f.regie(), from, to)));
        assertEquals("regie", unknown.field());
        // a period upside down is refused on its field
        Refused reversed = assertThrows(Refused.class, () -> kit.in(kit.alpha(), () -> exports.table(AGENT, Dataset.CAF, f.regie(), to, from)));
        assertEquals("au", reversed.field());
    }

    /**
     * In Chromium: a parent whose QF (451) is in the second bracket reads "Consulter les tarifs" (its row
     * marked "votre tranche", its price, no sideways scroll at 360 px), then, its QF gone, "tarif maximum
     * appliqué" with why and the link to Mon foyer; its planning summary prices a late day with its
     * surcharge and an ordinary one, with the total and "la facture fait foi"; the export URL refuses it.
     * An agent opens the exports page (CAF preview) and downloads the CSV. axe-core on every page.
     */
    @Test
    @RunAsClient
    void aParentReadsItsTariffsAndThePriceOfItsSelectionAnAgentItsExportsInChromium() throws Exception {
        String s = random(6);
        String email = "tarifs-" + s.toLowerCase() + "@alpha.test";
        String agentEmail = "exports-" + s.toLowerCase() + "@alpha.test";
        String activity = "Garderie tarifée " + s;
        String code = "TAR-" + s;
        String regie = "T" + s;
        // the planning summary will price a day booked late and an ordinary one, both in one month's grid: this month's
        // when it has a week left after the late days, else next month's, its first week booked late
        LocalDate today = TestDays.today();
        YearMonth month = today.getDayOfMonth() <= today.lengthOfMonth() - 13 ? YearMonth.from(today) : YearMonth.from(today).plusMonths(1);
        int lead = month.equals(YearMonth.from(today)) ? 6 : (int) java.time.temporal.ChronoUnit.DAYS.between(today, month.atDay(1)) + 8;
        // a day is late when it is less than `lead` days away; one day of margin on each side of that line
        LocalDate lastLate = today.plusDays(lead - 2);
        LocalDate firstOrdinary = today.plusDays(lead + 1);
        var realms = StackLauncher.stack().realmProvisioner();
        realms.createUser(CommuneRules.realmName("alpha"), email, "Sam", "Tarif", "Tarifs2026", "parent");
        realms.createUser(CommuneRules.realmName("alpha"), agentEmail, "Alex", "Export", StackLauncher.PASSWORD_AGENT, "agent");
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into qf_bracket (code, label, qf_min, qf_max) select * from (values ('T1', 'Tranche 1', 0, 450),"
                    + " ('T2', 'Tranche 2', 451, 700), ('T3', 'Tranche 3', 701, 1000), ('T4', 'Tranche 4', 1001, 1400),"
                    + " ('T5', 'Tranche 5', 1401, null::integer)) v where not exists (select 1 from qf_bracket)");
            st.execute("insert into billing_settings (id, qf_validity_months) values (true, 12) on conflict (id) do nothing");
            // runs every weekday, holidays included; booking closes `lead` days ahead, late bookings surcharged +20 %
            st.execute("with a as (insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy,"
                    + " runs_in_holidays) values ('" + code + "', '" + activity + "', 'PERISCOLAIRE', 'J-" + lead + "@23:59', 'J-3@23:59',"
                    + " 'SURCHARGED', true) returning id),"
                    + " u as (insert into activity_unit (activity_id, code, label, capacity) select id, 'SOIR', 'Soir', 50 from a returning id),"
                    + " r as (insert into regie (code, label, invoice_prefix) values ('" + regie + "', 'Régie tarifs " + s + "', '"
                    + regie.replaceAll("[^A-Z0-9]", "X") + "') returning id),"
                    + " ra as (insert into regie_activity (activity_id, regie_id) select a.id, r.id from a, r),"
                    + " t as (insert into tariff (activity_id, valid_from, mode, maximum_cents, late_kind, late_percent)"
                    + " select id, date '2026-01-01', 'BRACKETS', 450, 'PERCENT', 20 from a returning id)"
                    // a price in every bracket of the commune: 2,20 € for the one of QF 451
                    + " insert into tariff_price (tariff_id, bracket_id, price_cents) select t.id, b.id, case when b.qf_min <= 451"
                    + " and coalesce(b.qf_max, 451) >= 451 then 220 else 100 end from t, qf_bracket b");
            // next term's tariff, already voted: shown dated beside today's (the planning's summary prices its days); dated
            // from the commune's today, not the database's (between midnight in Paris and in UTC they differ)
            st.execute("with t as (insert into tariff (activity_id, valid_from, mode, maximum_cents) select id, date '" + TestDays.today() + "' + 100,"
                    + " 'BRACKETS', 480 from activity where code = '" + code + "' returning id)"
                    + " insert into tariff_price (tariff_id, bracket_id, price_cents) select t.id, b.id, 235 from t, qf_bracket b");
            st.execute("insert into family (label, email, status, validated_at, postcode, quotient_familial, qf_proof_date, qf_source)"
                    + " values ('Foyer Tarif', '" + email + "', 'VALIDATED', now(), '35000', 451, current_date - 30, 'CAF')");
            st.execute("insert into responsable (family_id, rank, first_name, last_name, email) select id, 1, 'Sam', 'Tarif', email"
                    + " from family where email = '" + email + "'");
            st.execute("insert into child (family_id, first_name, last_name, birth_date, sex) select id, 'Noa', 'Tarif',"
                    + " current_date - interval '8 years', 'F' from family where email = '" + email + "'");
            st.execute("insert into registration (child_id, activity_id, status, cgu_accepted_at) select ch.id, a.id, 'VALIDATED', now()"
                    + " from child ch join family f on f.id = ch.family_id, activity a where f.email = '" + email + "' and a.code = '"
                    + code + "'");
        }
        String base = QueueWalk.BASE;
        try (Browser parent = new Browser()) {
            parent.get(base + "/espace/tarifs.xhtml");
            parent.signIn(email, "Tarifs2026");
            parent.awaitUrlStartingWith(base + "/espace/tarifs.xhtml");
            String sheet = "//section[h2[normalize-space()='" + activity + "']]";
            parent.await(By.xpath(sheet));
            String yours = parent.driver.findElement(By.xpath(sheet + "//tr[contains(@class,'pf-yours')]")).getText();
            assertTrue(yours.contains("votre tranche") && yours.contains("2,20"), yours);
            assertTrue(parent.driver.findElement(By.xpath(sheet + "//p[contains(@class,'pf-price')]")).getText().contains("2,20"));
            assertTrue(parent.driver.findElement(By.xpath(sheet)).getText().contains("Réservation hors délai : majoration de 20"));
            assertTrue(parent.driver.findElements(By.id("maximum")).isEmpty(), "no maximum tariff with a valid QF");
            var sheets = parent.driver.findElements(By.xpath("//section[h2[normalize-space()='" + activity + "']]"));
            assertEquals(2, sheets.size(), "today's tariff and the next one");
            String next = sheets.get(1).getText();
            assertTrue(next.contains("à partir du " + today.plusDays(100).format(java.time.format.DateTimeFormatter
                    .ofPattern("dd/MM/yyyy"))) && next.contains("2,35"), next);
            assertTrue(sheets.get(0).getText().contains("en vigueur depuis le 01/01/2026"), sheets.get(0).getText());
            assertEquals("", parent.accessibilityViolations(), "axe-core, Consulter les tarifs");
            Browser.screenshot(parent, "tarifs-tranche");
            // a phone: nothing scrolls sideways but a grid in its own container
            parent.driver.manage().window().setSize(new Dimension(360, 800));
            parent.get(base + "/espace/tarifs.xhtml");
            parent.await(By.xpath(sheet));
            Object overflow = parent.driver.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, ((Number) overflow).longValue(), "pas de défilement horizontal à 360 px : " + parent.snapshot());
            Browser.screenshot(parent, "tarifs-360");
            parent.driver.manage().window().setSize(new Dimension(1280, 900));

            // the planning summary prices the selection: a late day surcharged, an ordinary one
            parent.get(base + "/espace/planning.xhtml?enfant=1&mois=" + month);
            parent.await(By.id("calendar"));
            // the first day the grid offers to book in each range (inline: no method of this class may name Browser, which
            // the deployment does not carry)
            LocalDate[][] ranges = {{today.plusDays(1).isAfter(month.atDay(1)) ? today.plusDays(1) : month.atDay(1), lastLate},
                    {firstOrdinary, month.atEndOfMonth()}};
            LocalDate[] offered = new LocalDate[2];
            for (int i = 0; i < 2; i++) {
                for (LocalDate d = ranges[i][0]; offered[i] == null && !d.isAfter(ranges[i][1]); d = d.plusDays(1)) {
                    if (!parent.driver.findElements(By.xpath("//input[@data-action='book' and @data-day='" + d + "']")).isEmpty()) {
                        offered[i] = d;
                    }
                }
            }
            LocalDate late = offered[0];
            LocalDate ordinary = offered[1];
            if (late == null || ordinary == null) {
                throw new AssertionError("pas de jour réservable hors délai et dans les délais en " + month + " (" + late + ", "
                        + ordinary + ") : " + parent.snapshot());
            }
            parent.ajax(By.xpath("//input[@data-action='book' and @data-day='" + late + "']"));
            parent.ajax(By.xpath("//input[@data-action='book' and @data-day='" + ordinary + "']"));
            parent.ajax(By.id("planning:review"));
            String latePrice = parent.await(By.cssSelector("#recap td.recap-price[data-day='" + late + "']")).getText();
            assertTrue(latePrice.startsWith("2,64") && latePrice.contains("dont majoration hors délai 0,44"), latePrice);
            String ordinaryPrice = parent.driver.findElement(By.cssSelector("#recap td.recap-price[data-day='" + ordinary + "']")).getText();
            assertTrue(ordinaryPrice.startsWith("2,20"), ordinaryPrice);
            assertTrue(parent.driver.findElement(By.xpath("//table[@id='recap']//td[@class='recap-price' and @data-day='" + late
                    + "']/..")).getAttribute("class").contains("pf-ko"), "la majoration est signalée");
            assertFalse(parent.driver.findElement(By.xpath("//table[@id='recap']//td[@class='recap-price' and @data-day='"
                    + ordinary + "']/..")).getAttribute("class").contains("pf-ko"), "un jour ordinaire ne l'est pas");
            assertTrue(parent.driver.findElement(By.id("recap-total")).getText().startsWith("4,84"), parent::snapshot);
            String estimate = parent.driver.findElement(By.id("recap-estimate")).getText();
            assertTrue(estimate.contains("Estimation — la facture fait foi") && estimate.contains("majoration hors délai : 0,44"), estimate);
            assertEquals("", parent.accessibilityViolations(), "axe-core, récapitulatif avec prix");
            Browser.screenshot(parent, "planning-recapitulatif-prix");

            // the exports are staff only
            Object status = parent.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " fetch('/agent/exports-facturation/fichier?regie=" + regie + "&du=2026-10-01&au=2026-10-31&donnees=caf&format=csv')"
                    + ".then(r => done(r.status), e => done(String(e)));");
            assertEquals(403L, ((Number) status).longValue());

            // its QF gone: the maximum tariff, why, and where to update it
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
                st.execute("update commune_alpha.family set quotient_familial = null, qf_proof_date = null, qf_source = null"
                        + " where email = '" + email + "'");
            }
            parent.get(base + "/espace/tarifs.xhtml");
            String maximum = parent.await(By.id("maximum")).getText();
            assertTrue(maximum.contains("Tarif maximum appliqué") && maximum.contains("quotient familial absent"), maximum);
            assertEquals(base + "/espace/foyer.xhtml", parent.driver.findElement(By.id("foyer-link")).getAttribute("href"));
            String max = parent.driver.findElement(By.xpath(sheet + "//tr[contains(@class,'pf-yours')]")).getText();
            assertTrue(max.contains("Tarif maximum") && max.contains("votre tranche") && max.contains("4,50"), max);
            assertEquals("", parent.accessibilityViolations(), "axe-core, tarif maximum");
            Browser.screenshot(parent, "tarifs-maximum");
        }

        try (Browser agent = new Browser()) {
            String page = base + "/agent/exports-facturation.xhtml?regie=" + regie + "&du=2026-10-01&au=2026-10-31";
            agent.get(page);
            agent.signIn(agentEmail, StackLauncher.PASSWORD_AGENT);
            agent.awaitUrlStartingWith(base + "/agent/exports-facturation.xhtml");
            agent.await(By.id("caf"));
            assertTrue(agent.driver.findElement(By.id("caf")).getText().contains("Total général"), agent::snapshot);
            assertTrue(agent.driver.findElements(By.id("csv-factures")).size() == 1);
            assertEquals("", agent.accessibilityViolations(), "axe-core, exports de la régie");
            Browser.screenshot(agent, "exports-facturation");
            Object body = agent.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " fetch(document.getElementById('csv-caf').href).then(r => r.text()).then(done, e => done(String(e)));");
            // (the byte order mark and line ends as sent: ExportCsvTest and the in-container test check them)
            assertTrue(String.valueOf(body).contains("Activité;Tranche de QF;Enfants;Unités-jours;Montant (€)"), String.valueOf(body));
            assertTrue(String.valueOf(body).contains(";Total général;0;0;0,00"), String.valueOf(body));
            // a bad period is said next to its field
            agent.get(base + "/agent/exports-facturation.xhtml?regie=" + regie + "&du=2026-10-31&au=2026-10-01");
            assertTrue(agent.await(By.id("au-error")).getText().contains("précède"), agent::snapshot);
            assertEquals("", agent.accessibilityViolations(), "axe-core, période invalide");
            // reached from the menu
            agent.await(By.id("menu-exports-facturation"));
            // an agent whose browser asks for English reads the datasets and the preview's rows in English (the files
            // stay French)
            agent.english();
            agent.get(page);
            agent.await(By.id("caf"));
            assertTrue(agent.driver.findElement(By.id("caf")).getText().contains("Grand total"), agent::snapshot);
            assertFalse(agent.driver.findElement(By.id("caf")).getText().contains("Total général"));
            assertTrue(agent.driver.findElement(By.id("downloads")).getText().contains("Invoices and credit notes"));
            assertFalse(agent.driver.findElement(By.id("downloads")).getText().contains("Factures et avoirs"));
        }
    }
}
