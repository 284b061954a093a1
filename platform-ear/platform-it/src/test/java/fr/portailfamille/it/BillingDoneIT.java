package fr.portailfamille.it;

import static fr.portailfamille.it.support.BillingKit.AGENT;
import static fr.portailfamille.it.support.BillingKit.REGISSEUR;
import static fr.portailfamille.it.support.BillingKit.pdfText;
import static fr.portailfamille.it.support.BillingMonth.OCTOBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.Money;
import fr.portailfamille.billing.Settlement;
import fr.portailfamille.billing.Statement;
import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.BillingMonth;
import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.platform.billing.AccountBalance;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.InvoicingRun;
import fr.portailfamille.platform.billing.IssuedInvoice;
import fr.portailfamille.platform.billing.RunState;
import fr.portailfamille.platform.billing.documents.BillingDocuments;
import fr.portailfamille.platform.billing.export.ExportCsv;
import fr.portailfamille.platform.billing.export.ExportTable;
import fr.portailfamille.platform.billing.export.RegieExports;
import fr.portailfamille.platform.billing.export.RegieExports.Dataset;
import fr.portailfamille.platform.billing.payment.InvoiceDesk;
import fr.portailfamille.platform.billing.payment.PaymentDesk;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneRules;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Issue 10's "Done means", end to end against the real stack: the committed fixture month
 * ({@link BillingMonth}: QF bracket edges, missing and expired QF, siblings, a late-booking surcharge,
 * excused and unexcused absences, a presence without booking) is invoiced by the background run — followed
 * by its stored progress — to the hand-computed cents of each family and in total; the NoQf family's
 * invoice is then partly paid at the counter ({@link PaymentDesk}) and corrected by a credit note of its
 * presence without booking ({@link InvoiceDesk}); the same hand-computed balance is read in the relevé PDF
 * (its text, by PDFBox), in the CSV exports of the period ({@link RegieExports}) and, in Chromium, on
 * Accueil and the relevé of the family's own parent. Another family of the commune and a parent of
 * commune beta cannot read that relevé, by the service nor by URL.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingDoneIT {

    /** Paid at the counter by the NoQf family, in cash. */
    static final long PAID_CENTS = 1000;
    /**
     * What the NoQf family owes in the end: its invoice 18,99 € − 10,00 € paid − 5,49 € credited (the
     * presence without booking, contested) = 3,50 €.
     */
    static final long BALANCE_CENTS = BillingMonth.NOQF_CENTS - PAID_CENTS - BillingMonth.UNBOOKED_CENTS;
    /** The first letter of this class's invoice prefix: the walk finds the family by its credit note. */
    static final String LETTER = "Z";

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    InvoicingRun invoicing;

    @Inject
    PaymentDesk payments;

    @Inject
    InvoiceDesk invoices;

    @Inject
    FamilyAccount account;

    @Inject
    BillingDocuments documents;

    @Inject
    RegieExports exports;

    @Inject
    BillingKit kit;

    @Test
    @Order(1)
    void theFixtureMonthIsInvoicedInTheBackgroundPaidInPartCreditedAndShowsTheSameBalanceInTheRelevePdfAndTheCsvExport()
            throws Exception {
        assertEquals(350L, BALANCE_CENTS);
                Commune alpha = kit.alpha();
        BillingMonth f = BillingMonth.october(kit, alpha, BillingKit.prefix(LETTER));

        // the régisseur starts the run; it works in the background: the test follows its stored progress
        kit.in(alpha, () -> invoicing.start(REGISSEUR, f.regie(), OCTOBER));
        RunState run = storedProgressOnceFinished(kit, alpha, f);
        assertEquals("DONE", run.state(), run.error());
        assertEquals(4, run.issued());
        assertEquals(100, run.getPercent());
        assertEquals(BillingMonth.TOTAL_CENTS, run.totalCents());
        List<IssuedInvoice> issued = kit.in(alpha, () -> invoicing.invoices(AGENT, f.regie(), OCTOBER));
        assertEquals(Map.of(f.family("Edge450"), BillingMonth.EDGE450_CENTS, f.family("Edge451"), BillingMonth.EDGE451_CENTS,
                f.family("NoQf"), BillingMonth.NOQF_CENTS, f.family("Expiring"), BillingMonth.EXPIRING_CENTS),
                issued.stream().collect(Collectors.toMap(IssuedInvoice::familyId, IssuedInvoice::totalCents)));
        assertEquals(BillingMonth.TOTAL_CENTS, issued.stream().mapToLong(IssuedInvoice::totalCents).sum());

        // the NoQf family's invoice, as its parent reads it
        long family = f.family("NoQf");
        SignedInUser parent = f.parent("NoQf");
        List<AccountInvoice> mine = kit.in(alpha, () -> account.invoices(parent, null));
        assertEquals(1, mine.size(), mine.toString());
        AccountInvoice invoice = mine.get(0);
        assertEquals(BillingMonth.NOQF_CENTS, invoice.totalCents());
        assertEquals(Settlement.UNPAID, invoice.settlement());

        // partly paid at the counter: 10,00 € in cash, on the oldest invoice
        LocalDate today = BillingKit.today();
        PaymentDesk.Recorded paid = kit.in(alpha, () -> payments.record(REGISSEUR, new PaymentDesk.PaymentInput(family,
                f.regie(), "ESPECES", PAID_CENTS, today, null, null, "Parent NoQf", null)));
        assertEquals(PAID_CENTS, paid.allocatedCents());
        assertEquals(0L, paid.creditCents());
        assertEquals(Settlement.PARTLY_PAID, kit.in(alpha, () -> account.invoice(parent, invoice.id())).settlement());

        // corrected by a credit note: the one day of its line "presence without booking", at 5,49 €
        InvoiceDesk.Line unbooked = kit.in(alpha, () -> invoices.detail(REGISSEUR, invoice.id())).lines().stream()
                .filter(l -> l.unitPriceCents() == BillingMonth.UNBOOKED_CENTS).findFirst()
                .orElseThrow(() -> new AssertionError("no line at 5,49 € on " + invoice.number()));
        assertEquals(1, unbooked.quantity());
        assertEquals("Restauration facturée – Midi", unbooked.service(), "what the line bills, beside how it was priced");
        long note = kit.in(alpha, () -> invoices.creditNote(REGISSEUR, invoice.id(), Map.of(unbooked.id(), 1), null,
                "Présence sans réservation contestée"));
        AccountInvoice credit = kit.in(alpha, () -> account.invoice(parent, note));
        assertEquals("CREDIT_NOTE", credit.kind());
        assertEquals(BillingMonth.UNBOOKED_CENTS, credit.totalCents());

        // the account: 3,50 € left on one invoice, no credit
        AccountBalance balance = kit.in(alpha, () -> account.balance(parent, null));
        assertEquals(BALANCE_CENTS, balance.dueCents());
        assertEquals(1, balance.unpaidInvoices());
        assertEquals(0L, balance.creditCents());
        assertEquals(BALANCE_CENTS, balance.balanceCents());
        assertEquals(BALANCE_CENTS, kit.in(alpha, () -> account.invoice(parent, invoice.id())).outstandingCents());

        // (a) the relevé of the school year: debit the invoice, credit the payment and the credit note, the same solde
        int schoolYear = Statement.schoolYearStart(today).getYear();
        Statement statement = kit.in(alpha, () -> documents.statement(parent, null, schoolYear));
        assertEquals(BillingMonth.NOQF_CENTS, statement.debitCents());
        assertEquals(PAID_CENTS + BillingMonth.UNBOOKED_CENTS, statement.creditCents());
        assertEquals(BALANCE_CENTS, statement.closingCents());
        String releve = pdfText(kit.in(alpha, () -> documents.statementPdf(parent, null, schoolYear)).content());
        assertTrue(releve.contains("Solde au 31/08/" + (schoolYear + 1) + " " + Money.format(BALANCE_CENTS)), releve);
        // its lines: the invoice, the credit note (its number may wrap in its narrow column), the receipt
        String flat = releve.replaceAll("\\s+", "");
        for (String number : List.of(invoice.number(), credit.number(), paid.receiptNumber())) {
            assertTrue(flat.contains(number), "« " + number + " » absent du relevé : " + releve);
        }
        assertTrue(releve.contains("Avoir sur la facture " + invoice.number()), releve);

        // (c) the CSV exports: October's invoices (the four hand-computed totals, the credit note) and today's payments
        String invoicesCsv = csv(kit.in(alpha, () -> exports.table(AGENT, Dataset.FACTURES, f.regie(), OCTOBER.atDay(1),
                OCTOBER.atEndOfMonth())));
        String paymentsCsv = csv(kit.in(alpha, () -> exports.table(AGENT, Dataset.PAIEMENTS, f.regie(), today, today)));
        String label = (String) kit.in(alpha, () -> kit.one("select label from family where id = ?1", family));
        assertEquals(BillingMonth.TOTAL_CENTS, csvCents(invoicesCsv, null, "Facture"), invoicesCsv);
        long invoicedInCsv = csvCents(invoicesCsv, label, "Facture");
        long creditedInCsv = csvCents(invoicesCsv, label, "Avoir");
        long paidInCsv = csvCents(paymentsCsv, label, null);
        assertEquals(BillingMonth.NOQF_CENTS, invoicedInCsv, invoicesCsv);
        assertEquals(BillingMonth.UNBOOKED_CENTS, creditedInCsv, invoicesCsv);
        assertEquals(PAID_CENTS, paidInCsv, paymentsCsv);
        assertEquals(BALANCE_CENTS, invoicedInCsv - creditedInCsv - paidInCsv, "le solde lu dans les CSV");
        // and as the régie reads it: what is left on the family's invoice, in its own column
        assertEquals(BALANCE_CENTS, csvCents(invoicesCsv, "Reste à payer (€)", label, "Facture"), invoicesCsv);

        // crossing: another family of alpha and a parent of beta cannot read that relevé
        SignedInUser neighbour = f.parent("Edge450");
        assertThrows(SecurityException.class, () -> kit.in(alpha, () -> documents.statementPdf(neighbour, family, schoolYear)));
        assertThrows(SecurityException.class, () -> kit.in(alpha, () -> documents.statement(neighbour, family, schoolYear)));
        String neighbours = pdfText(kit.in(alpha, () -> documents.statementPdf(neighbour, null, schoolYear)).content());
        assertFalse(neighbours.contains(invoice.number()), neighbours);
        SignedInUser betaParent = BillingKit.parent("beta", UUID.randomUUID().toString(), "Parent Beta",
                "done-" + BillingKit.random(6).toLowerCase() + "@beta.test");
        assertThrows(SecurityException.class, () -> kit.in(kit.beta(), () -> documents.statementPdf(betaParent, family, schoolYear)));
        assertThrows(SecurityException.class, () -> kit.in(alpha, () -> documents.statementPdf(betaParent, family, schoolYear)));
        assertThrows(SecurityException.class, () -> kit.in(alpha, () -> documents.statementPdf(betaParent, null, schoolYear)));
    }

    /**
     * The parent of the family above in Chromium: its own Keycloak account, signed in for the first time
     * (the file is linked by its e-mail), reads on Accueil the one unpaid invoice and the same 3,50 €, then
     * the relevé page and its PDF ending on the same solde; the same session asking the relevé of another
     * family of alpha by its id gets a 404, and on commune beta's host no PDF. axe-core on both pages.
     */
    @Test
    @Order(2)
    @RunAsClient
    void theParentSeesTheSameBalanceOnAccueilAndInTheReleveInChromium() throws Exception {
        long family;
        long neighbour;
        String email;
        String number;
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            try (var rs = st.executeQuery("select f.id, f.email, i.number, (select o.family_id from invoice o where o.regie_id = i.regie_id"
                    + " and o.family_id <> f.id order by o.id limit 1) from invoice n join invoice i on i.id = n.credit_note_of"
                    + " join family f on f.id = n.family_id where n.kind = 'CREDIT_NOTE' and n.number like '" + LETTER + "%'"
                    + " order by n.id desc limit 1")) {
                assertTrue(rs.next(), "the family of the first test (its credit note " + LETTER + "…-AV-1)");
                family = rs.getLong(1);
                email = rs.getString(2);
                number = rs.getString(3);
                neighbour = rs.getLong(4);
            }
            // the first test acted as a stand-in account: the parent's own account is linked on its first sign-in
            st.executeUpdate("update family set subject = null where id = " + family);
        }
        StackLauncher.stack().realmProvisioner().createUser(CommuneRules.realmName("alpha"), email, "Camille", "Solde",
                StackLauncher.PASSWORD_PARENT, "parent");
        String base = StackLauncher.url(StackLauncher.ALPHA);
        String balance = Money.format(BALANCE_CENTS).replace('\u00a0', ' ');
        try (Browser b = new Browser()) {
            PlatformWebIT.recordCspViolations(b);
            ActivitiesWalkIT.signIn(b, "/espace/accueil.xhtml", email, StackLauncher.PASSWORD_PARENT);
            String unpaid = b.await(By.id("unpaid")).getText().replace('\u00a0', ' ');
            assertTrue(unpaid.contains("Vous avez 1 facture(s) impayée(s) : " + balance + " à régler"), unpaid);
            String table = b.driver.findElement(By.id("unpaid-invoices")).getText().replace('\u00a0', ' ');
            assertTrue(table.contains(number) && table.contains(balance), table);
            assertTrue(b.driver.findElements(By.id("credit")).isEmpty(), "no credit: the credit note went on the invoice");
            assertEquals("", b.accessibilityViolations(), "axe-core, accueil");
            Browser.screenshot(b, "done-accueil");

            b.get(base + "/espace/releve.xhtml");
            String closing = b.await(By.id("closing")).getText().replace('\u00a0', ' ');
            assertTrue(closing.contains(": " + balance), closing);
            assertEquals("", b.accessibilityViolations(), "axe-core, relevé");
            Browser.screenshot(b, "done-releve");
            String href = b.driver.findElement(By.id("releve-pdf")).getAttribute("href");
            String path = href.substring(href.indexOf("/espace/"));
            String cookies = DocumentsWalk.cookies(b);
            HttpResponse<byte[]> pdf = FamilyBillingDocumentsIT.fetch(PlatformWebIT.host(StackLauncher.ALPHA), path, cookies);
            assertEquals(200, pdf.statusCode());
            String text = pdfText(pdf.body());
            assertTrue(text.contains("Solde au ") && text.contains(Money.format(BALANCE_CENTS)) && text.contains(number), text);

            // another family's relevé by its id: 404, nothing of it; the same session on beta's host: no PDF
            String year = path.replaceAll(".*annee=(\\d+).*", "$1");
            HttpResponse<byte[]> others = FamilyBillingDocumentsIT.fetch(PlatformWebIT.host(StackLauncher.ALPHA),
                    "/espace/releve.pdf?annee=" + year + "&famille=" + neighbour, cookies);
            assertEquals(404, others.statusCode());
            assertFalse(new String(others.body(), StandardCharsets.ISO_8859_1).contains("%PDF"));
            HttpResponse<byte[]> beta = FamilyBillingDocumentsIT.fetch(PlatformWebIT.host(StackLauncher.BETA),
                    "/espace/releve.pdf?annee=" + year + "&famille=" + family, cookies);
            assertNotEquals(200, beta.statusCode());
            assertFalse(new String(beta.body(), StandardCharsets.ISO_8859_1).contains("%PDF"));
            assertEquals("", PlatformWebIT.cspViolations(b), "CSP");
        }
    }

    /** The run's state as stored (not the task's future), once it is no longer running; 2 minutes at most. */
    RunState storedProgressOnceFinished(BillingKit kit, Commune alpha, BillingMonth f) throws Exception {
        long until = System.nanoTime() + 120_000_000_000L;
        while (true) {
            Optional<RunState> state = kit.in(alpha, () -> invoicing.progress(AGENT, f.regie(), OCTOBER));
            if (state.isPresent() && !state.get().isRunning()) {
                return state.get();
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("the run did not finish in 2 minutes: " + state);
            }
            Thread.sleep(200);
        }
    }

    static String csv(ExportTable t) throws Exception {
        StringWriter out = new StringWriter();
        ExportCsv.write(t, out);
        return out.toString();
    }

    /**
     * The sum, in cents, of the column "Montant (€)" of a CSV export over its rows of family {@code label}
     * (all when {@code null}) whose "Type" is {@code type} (any when {@code null}), payments cancelled left
     * out — read from the CSV text as a spreadsheet would.
     */
    static long csvCents(String csv, String label, String type) {
        return csvCents(csv, "Montant (€)", label, type);
    }

    /** {@link #csvCents(String, String, String)} of the money column {@code column}. */
    static long csvCents(String csv, String column, String label, String type) {
        List<String[]> rows = Arrays.stream(csv.replace("\uFEFF", "").split("\r\n")).map(l -> l.split(";", -1)).toList();
        List<String> header = List.of(rows.get(0));
        int amount = header.indexOf(column);
        int famille = header.indexOf("Famille");
        int kind = header.indexOf("Type");
        int cancelled = header.indexOf("Annulé");
        long sum = 0;
        for (String[] r : rows.subList(1, rows.size())) {
            if ((label == null || label.equals(r[famille])) && (type == null || type.equals(r[kind]))
                    && (cancelled < 0 || "Non".equals(r[cancelled]))) {
                sum += Long.parseLong(r[amount].replace(",", "").replace(" ", "").replace("\u00a0", ""));
            }
        }
        return sum;
    }
}
