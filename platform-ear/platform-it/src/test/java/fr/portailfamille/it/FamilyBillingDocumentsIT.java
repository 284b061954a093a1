package fr.portailfamille.it;

import static fr.portailfamille.it.support.BillingKit.REGISSEUR;
import static fr.portailfamille.it.support.BillingKit.pdfText;
import static fr.portailfamille.it.support.BillingKit.random;
import static fr.portailfamille.it.support.BillingMonth.OCTOBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.ChildcareTaxCertificate;
import fr.portailfamille.billing.Money;
import fr.portailfamille.billing.Settlement;
import fr.portailfamille.billing.Statement;
import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.platform.billing.AccountBalance;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.InvoicingRun;
import fr.portailfamille.platform.billing.documents.BillingDocuments;
import fr.portailfamille.platform.billing.payment.InvoiceDesk;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneRules;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The family's billing documents against the real PostgreSQL inside Payara Micro: a régie's October 2026
 * issued by the background run (garderie and canteen days of a child under 6), the family mailed with a
 * link to Mes factures once its invoice committed, the invoice PDF read back with PDFBox (lines and total
 * to the cent), a part payment and a credit note, the relevé equal to the account's balance, the
 * attestation fiscale (the garderie's share of what was paid, not the meals); another family's invoice and
 * another commune refused. Then a parent in Chromium at 360 px: the unpaid invoice on Accueil, Mes
 * factures, its PDF fetched and read, another family's PDF and another commune's host refused, the relevé.
 */
@ExtendWith(ArquillianExtension.class)
class FamilyBillingDocumentsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    InvoicingRun invoicing;

    @Inject
    InvoiceDesk invoices;

    @Inject
    BillingDocuments documents;

    @Inject
    FamilyAccount account;

    @Inject
    BillingKit kit;

    /** An activity of the régie with a tariff of the same price in every bracket (and as the maximum). */
    long activity(long regie, String code, String type, String unit, long cents) {
        long act = kit.id("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                + " values (?1, ?2, ?3, 'J-2@23:59', 'J-2@23:59', 'REFUSED') returning id", code,
                "PERISCOLAIRE".equals(type) ? "Garderie" : "Restaurant scolaire", type);
        long u = kit.id("insert into activity_unit (activity_id, code, label, capacity) values (?1, ?2, ?3, 50) returning id",
                act, unit, "SOIR".equals(unit) ? "Soir" : "Midi");
        kit.update("insert into regie_activity (activity_id, regie_id) values (?1, ?2)", act, regie);
        long t = kit.id("insert into tariff (activity_id, valid_from, mode, maximum_cents) values (?1, date '2026-09-01',"
                + " 'BRACKETS', ?2) returning id", act, cents);
        // a price in every bracket: the classes after this one import and save alpha's whole configuration
        kit.update("insert into tariff_price (tariff_id, bracket_id, price_cents) select ?1, b.id, ?2 from qf_bracket b", t, cents);
        return u;
    }

    void present(long child, long unit, int... days) {
        for (int d : days) {
            kit.update("insert into booking (child_id, unit_id, day, status) values (?1, ?2, ?3, 'PRESENT')", child, unit, OCTOBER.atDay(d));
        }
    }

    @Test
    void theIssuedInvoiceIsMailedPrintedPaidInPartCreditedAndTheReleveAndAttestationAgreeWithTheAccount() throws Exception {
        String s = random(6);
        String prefix = "D" + s.replaceAll("[^A-Z0-9]", "X");
        String regieCode = "DOC" + s;
        String email = "doc-" + s.toLowerCase() + "@alpha.test";
        SignedInUser parent = BillingKit.parent("alpha", UUID.randomUUID().toString(), "Camille Doc", email);
        long[] ids = TenantContext.call(kit.alpha(), () -> kit.inTransaction(() -> {
            long regie = kit.id("insert into regie (code, label, invoice_prefix, manager_name, manager_email, payment_instructions)"
                    + " values (?1, ?2, ?3, 'Claude Moreau', 'regie@alpha.test', 'Par chèque à l''ordre du Trésor public,"
                    + " déposé en mairie.') returning id", regieCode, "Régie garderie " + s, prefix);
            long garderie = activity(regie, "GARD-" + s, "PERISCOLAIRE", "SOIR", 335);
            long cantine = activity(regie, "CANT-" + s, "RESTAURATION", "MIDI", 410);
            long family = kit.id("insert into family (label, email, subject, status, address_line, postcode, city)"
                    + " values (?1, ?2, ?3, 'VALIDATED', '3 rue des Lilas', '35170', 'Bruz') returning id",
                    "Doc A " + s, email, parent.subject());
            long lea = kit.id("insert into child (family_id, first_name, last_name, birth_date) values (?1, 'Léa', 'Doc',"
                    + " date '2022-03-01') returning id", family);
            present(lea, garderie, 1, 2, 5);
            present(lea, cantine, 1, 2);
            long other = kit.id("insert into family (label, status) values (?1, 'VALIDATED') returning id", "Doc B " + s);
            long tom = kit.id("insert into child (family_id, first_name, last_name, birth_date) values (?1, 'Tom', 'Autre',"
                    + " date '2019-01-01') returning id", other);
            present(tom, garderie, 1);
            return new long[] {family, other, regie};
        }));
        long family = ids[0];
        long other = ids[1];

        // issued in the background by a régisseur
        InvoicingRun.Started run = TenantContext.call(kit.alpha(), () -> invoicing.start(REGISSEUR, regieCode, OCTOBER));
        run.work().get(120, TimeUnit.SECONDS);
        List<AccountInvoice> mine = TenantContext.call(kit.alpha(), () -> account.invoices(parent, null));
        assertEquals(1, mine.size(), mine.toString());
        AccountInvoice invoice = mine.get(0);
        // garderie 3 × 3,35 € = 10,05 €; canteen 2 × 4,10 € = 8,20 €; 18,25 €
        assertEquals(1825L, invoice.totalCents());
        assertEquals(Settlement.UNPAID, invoice.settlement());
        assertEquals(family, invoice.familyId());
        String number = invoice.number();
        long otherInvoice = TenantContext.call(kit.alpha(), () -> kit.inTransaction(() -> kit.id("select id from invoice where family_id = ?1", other)));

        // the family is mailed once its invoice committed: the number, the amount, the due date, a link to Mes factures
        String mails = Mails.await(email, m -> m.contains("Votre facture " + number + " d'octobre 2026 est disponible"));
        assertTrue(mails.contains("/espace/factures.xhtml"), mails);
        assertTrue(mails.contains("Montant : " + Money.format(1825)), mails);
        assertTrue(mails.contains("À payer avant le " + fr.portailfamille.platform.billing.BillingDates.text(invoice.dueDate())), mails);
        assertFalse(mails.contains(".pdf"), "the mail links the page, not the PDF: " + mails);

        // the PDF, read back: the commune, the régie, the family, each line and the total to the cent
        BillingDocuments.Pdf pdf = TenantContext.call(kit.alpha(), () -> documents.invoice(parent, invoice.id()));
        assertEquals("facture-" + number + ".pdf", pdf.fileName());
        String text = pdfText(pdf.content());
        for (String expected : List.of("Commune Alpha", "Régie garderie " + s, "Régisseur : Claude Moreau", "Doc A " + s,
                "3 rue des Lilas", "35170 Bruz", "Facture n° " + number, "du 01/10/2026 au 31/10/2026",
                "3 jours " + Money.format(335) + " " + Money.format(1005), "2 jours " + Money.format(410) + " " + Money.format(820),
                // what each line bills, over how it was priced (the family has no QF: the maximum price)
                "Léa Doc Garderie – Soir\nTarif maximum", "Léa Doc Restaurant scolaire – Midi\nTarif maximum",
                "Total de la facture " + Money.format(1825), "Déjà réglé " + Money.format(0), "Reste à payer " + Money.format(1825),
                "Par chèque à l'ordre du Trésor public")) {
            assertTrue(text.contains(expected), "« " + expected + " » absent du PDF : " + text);
        }

        // another family's invoice, an unknown id, another commune: refused alike, nothing rendered
        assertThrows(SecurityException.class, () -> TenantContext.call(kit.alpha(), () -> documents.invoice(parent, otherInvoice)));
        assertThrows(SecurityException.class, () -> TenantContext.call(kit.alpha(), () -> documents.invoice(parent, otherInvoice + 1_000_000)));
        assertThrows(SecurityException.class, () -> TenantContext.call(kit.alpha(), () -> documents.statementPdf(parent, other, 2026)));
        // nor its attestation fiscale, nor the years it has one: a parent names no family but its own
        assertThrows(SecurityException.class, () -> TenantContext.call(kit.alpha(), () -> documents.fiscalYears(parent, other)));
        assertThrows(SecurityException.class, () -> TenantContext.call(kit.alpha(),
                () -> documents.fiscalPdf(parent, other, 2026, TestDays.today())));
        // an agent's relevé of an unknown family: unknown (404 from the servlet), not a failure of the PDF
        assertThrows(IllegalArgumentException.class, () -> TenantContext.call(kit.alpha(),
                () -> documents.statementPdf(BillingKit.AGENT, 999_999_999L, 2026)));
        assertThrows(SecurityException.class, () -> TenantContext.call(kit.beta(), () -> documents.invoice(parent, invoice.id())));
        SignedInUser betaParent = BillingKit.parent("beta", parent.subject(), "Camille Doc", email);
        assertThrows(SecurityException.class, () -> TenantContext.call(kit.beta(), () -> documents.invoice(betaParent, invoice.id())));

        // paid 10,00 € today at the counter, then a credit note of 2,00 €
        LocalDate today = TestDays.today();
        TenantContext.call(kit.alpha(), () -> kit.inTransaction(() -> {
            long payment = kit.id("insert into payment (regie_id, family_id, receipt_number, mode, amount_cents, received_on, recorded_by)"
                    + " values (?1, ?2, ?3, 'ESPECES', 1000, ?4, 'regie@alpha.test') returning id", ids[2], family, prefix + "-R-1", today);
            kit.update("insert into payment_allocation (payment_id, invoice_id, amount_cents) values (?1, ?2, 1000)", payment, invoice.id());
            return null;
        }));
        TenantContext.call(kit.alpha(), () -> invoicing.creditNote(REGISSEUR, invoice.id(), 200, "Journée de grève"));
        AccountInvoice after = TenantContext.call(kit.alpha(), () -> account.invoice(parent, invoice.id()));
        assertEquals(Settlement.PARTLY_PAID, after.settlement());
        assertEquals(625L, after.outstandingCents());
        AccountBalance balance = TenantContext.call(kit.alpha(), () -> account.balance(parent, null));
        assertEquals(625L, balance.dueCents());
        assertEquals(1, balance.unpaidInvoices());
        String paidText = pdfText(TenantContext.call(kit.alpha(), () -> documents.invoice(parent, invoice.id())).content());
        assertTrue(paidText.contains("Déjà réglé " + Money.format(1200)), paidText);
        assertTrue(paidText.contains("Reste à payer " + Money.format(625)), paidText);
        // the credit note prints as such
        AccountInvoice note = TenantContext.call(kit.alpha(), () -> account.invoices(parent, null)).stream()
                .filter(i -> "CREDIT_NOTE".equals(i.kind())).findFirst().orElseThrow();
        String noteText = pdfText(TenantContext.call(kit.alpha(), () -> documents.invoice(parent, note.id())).content());
        assertTrue(noteText.contains("Avoir n° " + note.number() + " sur la facture " + number), noteText);

        // the relevé of this school year ends on the account's balance, on the page and in its PDF
        int schoolYear = Statement.schoolYearStart(today).getYear();
        Statement statement = TenantContext.call(kit.alpha(), () -> documents.statement(parent, null, schoolYear));
        assertEquals(balance.balanceCents(), statement.closingCents());
        assertEquals(625L, statement.closingCents());
        // each movement in the reader's language: French in the PDF, English on an English page
        Statement.Movement first = statement.lines().stream().map(Statement.Line::movement)
                .filter(m -> m.kind() == Statement.Kind.INVOICE).findFirst().orElseThrow();
        assertTrue(first.label().startsWith("Facture du 01/10/2026 au 31/10/2026 — Régie garderie "), first.label());
        assertTrue(first.text().in(java.util.Locale.ENGLISH).startsWith("Invoice from 01/10/2026 to 31/10/2026 — "),
                first.text().in(java.util.Locale.ENGLISH));
        assertTrue(statement.lines().stream().map(l -> l.movement().text().in(java.util.Locale.ENGLISH))
                .anyMatch(t -> t.startsWith("Payment — Cash — ")), statement.toString());
        assertEquals(1825L, statement.debitCents());
        assertEquals(1200L, statement.creditCents());
        assertTrue(TenantContext.call(kit.alpha(), () -> documents.statementYears(parent, null, today)).contains(schoolYear));
        String releve = pdfText(TenantContext.call(kit.alpha(), () -> documents.statementPdf(parent, null, schoolYear)).content());
        assertTrue(releve.contains("Relevé de compte – année scolaire " + schoolYear + "-" + (schoolYear + 1)), releve);
        assertTrue(releve.contains(number), releve);
        assertTrue(releve.contains("Solde au 31/08/" + (schoolYear + 1) + " " + Money.format(625)), releve);

        // 3,00 € more paid in CESU: the employer's aid, which the attestation leaves out
        TenantContext.call(kit.alpha(), () -> kit.inTransaction(() -> {
            long payment = kit.id("insert into payment (regie_id, family_id, receipt_number, mode, amount_cents, received_on, recorded_by)"
                    + " values (?1, ?2, ?3, 'CESU', 300, ?4, 'regie@alpha.test') returning id", ids[2], family, prefix + "-R-2", today);
            kit.update("insert into payment_allocation (payment_id, invoice_id, amount_cents) values (?1, ?2, 300)", payment, invoice.id());
            return null;
        }));
        // and one day of the canteen credited by its line (a credit note of 4,10 €)
        long canteenLine = ((Number) TenantContext.call(kit.alpha(), () -> kit.list("select l.id from invoice_line l"
                + " where l.invoice_id = ?1 and l.amount_cents = 820", invoice.id())).get(0)).longValue();
        TenantContext.call(kit.alpha(), () -> invoices.creditNote(REGISSEUR, invoice.id(), Map.of(canteenLine, 1), null,
                "Sortie scolaire"));

        // the attestation fiscale: Léa (under 6) — the garderie's share of the 10,00 € paid, the meals excluded
        // (credit notes are not payments): 10,00 € over what the lines still bill — 10,05 € and 8,20 € less the day
        // credited, 4,10 €, then less the 2,00 € credited by amount, taken pro rata (1,42 € and 0,58 €, the rest on
        // the last line): 8,63 € and 3,52 € —, rounded down but on the last line: 1000 × 863 / 1215 = 710 (in the
        // other order, 8,62 € last: 1000 − 1000 × 353 / 1215 = 710)
        long garderieShare = 710L;
        List<ChildcareTaxCertificate.Amount> fiscal = TenantContext.call(kit.alpha(),
                () -> documents.fiscalAmounts(parent, null, today.getYear()));
        assertEquals(1, fiscal.size(), fiscal.toString());
        assertEquals("Léa Doc", fiscal.get(0).child().name());
        assertEquals(garderieShare, fiscal.get(0).cents());
        assertEquals(List.of(today.getYear()), TenantContext.call(kit.alpha(), () -> documents.fiscalYears(parent, null)));
        String attestation = pdfText(TenantContext.call(kit.alpha(), () -> documents.fiscalPdf(parent, null, today.getYear(), today)).content());
        assertTrue(attestation.contains("Je soussigné(e) Claude Moreau, régisseur de la Régie garderie " + s), attestation);
        assertTrue(attestation.contains("Léa Doc 01/03/2022 " + Money.format(garderieShare)), attestation);

        // the family moves, the commune renames the garderie: the invoice already sent prints as it was issued
        TenantContext.call(kit.alpha(), () -> kit.inTransaction(() -> {
            kit.update("update family set address_line = '9 avenue Neuve', postcode = '35000', city = 'Rennes' where id = ?1",
                    family);
            kit.update("update activity set name = 'Accueil du soir' where code = ?1", "GARD-" + s);
            return null;
        }));
        String asIssued = pdfText(TenantContext.call(kit.alpha(), () -> documents.invoice(parent, invoice.id())).content());
        assertTrue(asIssued.contains("3 rue des Lilas") && asIssued.contains("35170 Bruz"), asIssued);
        assertTrue(asIssued.contains("Léa Doc Garderie – Soir"), asIssued);
        assertFalse(asIssued.contains("Rennes") || asIssued.contains("Accueil du soir"), asIssued);
        // a document made today is made for the family as it is now
        assertTrue(pdfText(TenantContext.call(kit.alpha(), () -> documents.statementPdf(parent, null, schoolYear)).content())
                .contains("35000 Rennes"));
        // a school year whose only movement is a titre (dated in the relevé by its day) is one the family can choose
        TenantContext.call(kit.alpha(), () -> kit.inTransaction(() -> kit.update("update invoice set titre_at = now() - interval"
                + " '3 years' where id = ?1", invoice.id())));
        int titreYear = Statement.schoolYearStart(java.time.LocalDate.now(fr.portailfamille.platform.kernel.PlatformTime.ZONE)
                .minusYears(3)).getYear();
        assertTrue(TenantContext.call(kit.alpha(), () -> documents.statementYears(parent, null, today)).contains(titreYear));
    }

    /**
     * A parent in Chromium, at 360 px: Accueil says what is unpaid with a link to Mes factures, which lists
     * the invoice with its state; its PDF is fetched with the parent's session and read; another family's
     * PDF answers 404, the same session on commune beta's host gets no PDF, the agents' PDF path 403; the
     * relevé ends on what is left to pay. axe-core on every page.
     */
    @Test
    @RunAsClient
    void aParentSeesTheUnpaidInvoiceOnAccueilOpensItsPdfAndTheReleveInChromium() throws Exception {
        String s = random(6);
        String prefix = "P" + s.replaceAll("[^A-Z0-9]", "X");
        String email = "docwalk-" + s.toLowerCase() + "@alpha.test";
        StackLauncher.stack().realmProvisioner().createUser(CommuneRules.realmName("alpha"), email, "Camille", "Walk",
                StackLauncher.PASSWORD_PARENT, "parent");
        long invoiceId;
        long otherId;
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            st.execute("insert into regie (code, label, invoice_prefix, manager_name) values ('" + prefix + "', 'Régie walk " + s
                    + "', '" + prefix + "', 'Claude Moreau')");
            for (String[] f : List.of(new String[] {"Walk " + s, email, "1"}, new String[] {"Other " + s, null, "2"})) {
                st.execute("with f as (insert into family (label, email, status) values ('" + f[0] + "', "
                        + (f[1] == null ? "null" : "'" + f[1] + "'") + ", 'VALIDATED') returning id),"
                        + " ch as (insert into child (family_id, first_name, last_name, birth_date) select id, 'Léo', 'Walk',"
                        + " date '2021-01-01' from f returning id, family_id),"
                        + " i as (insert into invoice (regie_id, family_id, sequence, number, period_start, period_end, due_date,"
                        + " total_cents, issued_by) select r.id, ch.family_id, " + f[2] + ", '" + prefix + "-" + f[2] + "',"
                        + " date '2026-10-01', date '2026-10-31', date '2026-12-31', 1825, 'test' from ch, regie r where r.code = '"
                        + prefix + "' returning id)"
                        + " insert into invoice_line (invoice_id, position, child_id, child_name, activity_code, unit_code, quantity,"
                        + " unit_price_cents, amount_cents, label) select i.id, p.pos, ch.id, 'Léo Walk', p.act, p.unit, p.q, p.price,"
                        + " p.q * p.price, p.label from i, ch, (values (1, 'GARD', 'SOIR', 3, 335, 'Garderie – Soir'),"
                        + " (2, 'CANT', 'MIDI', 2, 410, 'Restaurant scolaire – Midi')) as p(pos, act, unit, q, price, label)");
            }
            try (var rs = st.executeQuery("select i.id from invoice i join regie r on r.id = i.regie_id where r.code = '" + prefix
                    + "' order by i.sequence")) {
                rs.next();
                invoiceId = rs.getLong(1);
                rs.next();
                otherId = rs.getLong(1);
            }
        }
        String base = StackLauncher.url(StackLauncher.ALPHA);
        try (Browser b = new Browser()) {
            PlatformWebIT.recordCspViolations(b);
            ActivitiesWalkIT.signIn(b, "/espace/accueil.xhtml", email, StackLauncher.PASSWORD_PARENT);
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
            b.get(base + "/espace/accueil.xhtml");
            String unpaid = b.await(By.id("unpaid")).getText().replace('\u00a0', ' ');
            assertTrue(unpaid.contains("Vous avez 1 facture(s) impayée(s) : 18,25 € à régler"), unpaid);
            assertTrue(b.driver.findElements(By.id("credit")).isEmpty(), "no credit line without credit");
            String unpaidTable = b.driver.findElement(By.id("unpaid-invoices")).getText().replace('\u00a0', ' ');
            assertTrue(unpaidTable.contains(prefix + "-1") && unpaidTable.contains("31/12/2026") && unpaidTable.contains("18,25 €"),
                    unpaidTable);
            assertEquals("", b.accessibilityViolations(), "axe-core, accueil");
            Browser.screenshot(b, "documents-accueil-360");
            b.submit(By.id("unpaid-link"));
            String row = b.await(By.id("invoices")).getText().replace('\u00a0', ' ');
            assertTrue(row.contains(prefix + "-1") && row.contains("impayée") && row.contains("18,25 €") && row.contains("31/12/2026"), row);
            assertFalse(row.contains(prefix + "-2"), "another family's invoice listed: " + row);
            assertTrue(b.driver.findElement(By.id("balance-due")).getText().replace('\u00a0', ' ').contains("18,25 €"));
            assertEquals("", b.accessibilityViolations(), "axe-core, mes factures");
            Browser.screenshot(b, "documents-factures-360");
            String href = b.driver.findElement(By.cssSelector("a.invoice-pdf")).getAttribute("href");
            assertTrue(href.endsWith("/espace/facture.pdf?id=" + invoiceId), href);

            String cookies = DocumentsWalk.cookies(b);
            HttpResponse<byte[]> pdf = fetch(PlatformWebIT.host(StackLauncher.ALPHA), "/espace/facture.pdf?id=" + invoiceId, cookies);
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertEquals("inline; filename=\"facture-" + prefix + "-1.pdf\"", pdf.headers().firstValue("Content-Disposition").orElse(""));
            assertTrue(pdf.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
            Path saved = Path.of("target", "screenshots", "documents-facture.pdf");
            Files.createDirectories(saved.getParent());
            Files.write(saved, pdf.body());
            String text = pdfText(pdf.body());
            for (String expected : List.of("Facture n° " + prefix + "-1", "Walk " + s, "Régie walk " + s,
                    "Léo Walk Garderie – Soir 3 jours " + Money.format(335) + " " + Money.format(1005),
                    "Léo Walk Restaurant scolaire – Midi 2 jours " + Money.format(410) + " " + Money.format(820),
                    "Total de la facture " + Money.format(1825), "Reste à payer " + Money.format(1825))) {
                assertTrue(text.contains(expected), "« " + expected + " » absent du PDF : " + text);
            }
            // another family's invoice by id: 404, nothing of it
            HttpResponse<byte[]> others = fetch(PlatformWebIT.host(StackLauncher.ALPHA), "/espace/facture.pdf?id=" + otherId, cookies);
            assertEquals(404, others.statusCode());
            assertFalse(new String(others.body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("%PDF"));
            // the same session on commune beta's host: no PDF
            HttpResponse<byte[]> beta = fetch(PlatformWebIT.host(StackLauncher.BETA), "/espace/facture.pdf?id=" + invoiceId, cookies);
            assertNotEquals(200, beta.statusCode());
            assertFalse(new String(beta.body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("%PDF"));
            // the agents' path: not for a parent
            assertEquals(403, fetch(PlatformWebIT.host(StackLauncher.ALPHA), "/agent/facture.pdf?id=" + invoiceId, cookies).statusCode());

            b.get(base + "/espace/releve.xhtml");
            String statement = b.await(By.id("statement")).getText().replace('\u00a0', ' ');
            assertTrue(statement.contains(prefix + "-1") && statement.contains("18,25 €"), statement);
            assertTrue(b.driver.findElement(By.id("closing")).getText().replace('\u00a0', ' ').contains(": 18,25 €"),
                    b.driver.findElement(By.id("closing")).getText());
            assertEquals("", b.accessibilityViolations(), "axe-core, relevé");
            Browser.screenshot(b, "documents-releve-360");
            String releveHref = b.driver.findElement(By.id("releve-pdf")).getAttribute("href");
            HttpResponse<byte[]> releve = fetch(PlatformWebIT.host(StackLauncher.ALPHA),
                    releveHref.substring(releveHref.indexOf("/espace/")), cookies);
            assertEquals(200, releve.statusCode());
            String releveText = pdfText(releve.body());
            assertTrue(releveText.contains("Solde au ") && releveText.contains(Money.format(1825)), releveText);
            assertEquals("", PlatformWebIT.cspViolations(b), "CSP");
        }
    }

    static HttpResponse<byte[]> fetch(String host, String path, String cookies) throws Exception {
        return PlatformWebIT.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PlatformWebIT.PORT + path))
                .header("Host", host).header("Cookie", cookies).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
