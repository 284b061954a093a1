package fr.portailfamille.it;

import static fr.portailfamille.it.support.BillingKit.AGENT;
import static fr.portailfamille.it.support.BillingKit.REGISSEUR;
import static fr.portailfamille.it.support.BillingKit.REGISSEUR_2;
import static fr.portailfamille.it.support.BillingKit.REGISSEUR_BETA;
import static fr.portailfamille.it.support.BillingKit.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.Settlement;
import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.Browser;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.it.support.QueueWalk;
import fr.portailfamille.it.support.StackLauncher;
import fr.portailfamille.platform.billing.AccountBalance;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.InvoiceMails;
import fr.portailfamille.platform.billing.InvoicesIssued;
import fr.portailfamille.platform.billing.payment.InvoiceDesk;
import fr.portailfamille.platform.billing.payment.MoneyRefused;
import fr.portailfamille.platform.billing.payment.PaymentDesk;
import fr.portailfamille.platform.billing.payment.Receipts;
import fr.portailfamille.platform.billing.unpaid.UnpaidDesk;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneRules;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Money at the régie's counter against the real PostgreSQL inside Payara Micro: a partial payment, a
 * credit note by lines and the family's balance read by {@link FamilyAccount} to the cent; an
 * overpayment kept as credit and used on the next invoice; a cancelled payment; refusals with their
 * fields; two régisseurs paying the same rest at once (one wins); receipt numbers gap-free under
 * concurrency; a titre de recettes that closes the counter; reminders sent once per level; agents without
 * the régisseur role and agents of another commune refused. Invoices are written directly (the
 * invoicing run itself is {@link BillingIT}'s).
 */
@ExtendWith(ArquillianExtension.class)
class BillingMoneyIT {

    static final LocalDate TODAY = BillingKit.today();

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    PaymentDesk payments;

    @Inject
    InvoiceDesk invoices;

    @Inject
    Receipts receipts;

    @Inject
    UnpaidDesk unpaid;

    @Inject
    FamilyAccount account;

    @Inject
    BillingKit kit;

    @Inject
    jakarta.enterprise.event.Event<InvoicesIssued> issued;

    @Inject
    InvoiceMails mails;

    @Inject
    fr.portailfamille.platform.billing.documents.BillingDocuments documents;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Resource
    ManagedExecutorService pool;

    Commune alpha() {
        return kit.alpha();
    }

    <T> T in(Callable<T> work) throws Exception {
        return TenantContext.call(alpha(), work);
    }

    /** The one number of {@code sql} in commune alpha. */
    long id(String sql, Object... params) throws Exception {
        return in(() -> kit.id(sql, params));
    }

    void update(String sql, Object... params) throws Exception {
        in(() -> kit.update(sql, params));
    }

    /** A régie of its own (code, prefix) for one test. */
    record Regie(long id, String code, String prefix) {
    }

    Regie regie() throws Exception {
        String code = "M" + random(8);
        String prefix = BillingKit.prefix("M");
        long id = id("insert into regie (code, label, invoice_prefix) values (?1, ?2, ?3) returning id", code,
                "Régie du guichet " + code, prefix);
        return new Regie(id, code, prefix);
    }

    long family(String name, String email) throws Exception {
        return id("insert into family (label, status, email) values (?1, 'VALIDATED', cast(?2 as varchar)) returning id",
                name + " " + random(4), email);
    }

    /** An issued invoice of {@code lines} (quantity, unit price) for October, due on {@code due}. */
    long invoice(Regie r, long family, int sequence, LocalDate due, int[]... lines) throws Exception {
        long total = 0;
        for (int[] l : lines) {
            total += (long) l[0] * l[1];
        }
        long id = id("insert into invoice (regie_id, family_id, kind, sequence, number, period_start, period_end, due_date,"
                + " total_cents, issued_by, issued_at) values (?1, ?2, 'INVOICE', ?3, ?4, date '2026-10-01', date '2026-10-31', ?5, ?6,"
                + " 'test', now() - make_interval(days => 100 - ?3)) returning id", r.id(), family, sequence,
                r.prefix() + "-" + sequence, due, total);
        int position = 0;
        for (int[] l : lines) {
            position++;
            update("insert into invoice_line (invoice_id, position, child_name, activity_code, unit_code, quantity,"
                    + " unit_price_cents, amount_cents, label) values (?1, ?2, 'Léa Test', 'CANTINE', 'MIDI', ?3, ?4, ?5, ?6)",
                    id, position, l[0], l[1], (long) l[0] * l[1], "Cantine midi ligne " + position);
        }
        return id;
    }

    long lineId(long invoice, int position) throws Exception {
        return id("select id from invoice_line where invoice_id = ?1 and position = ?2", invoice, position);
    }

    PaymentDesk.PaymentInput pay(Regie r, long family, String mode, long cents, Map<Long, Long> allocation) {
        return new PaymentDesk.PaymentInput(family, r.code(), mode, cents, TODAY, "CHEQUE".equals(mode) ? "0001234" : null,
                "CHEQUE".equals(mode) ? "Crédit Agricole" : null, "Camille Test", allocation);
    }

    long outstanding(long invoice) throws Exception {
        return in(() -> account.invoice(AGENT, invoice)).outstandingCents();
    }

    /** Every payment's amount is its allocations plus its positive credit movement. */
    void invariantHolds(Regie r) throws Exception {
        assertEquals(0L, id("select count(*) from payment p where p.regie_id = ?1 and p.amount_cents <>"
                + " coalesce((select sum(a.amount_cents) from payment_allocation a where a.payment_id = p.id), 0)"
                + " + coalesce((select sum(c.amount_cents) from account_credit c where c.payment_id = p.id and c.amount_cents > 0), 0)",
                r.id()), "montant d'un paiement = imputations + trop-perçu");
        assertTrue(id("select coalesce(min(s), 0) from (select sum(amount_cents) s from account_credit where regie_id = ?1"
                + " group by family_id) x", r.id()) >= 0, "un crédit n'est jamais négatif");
    }

    static List<String> fields(MoneyRefused e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void theFamilysCreditIsDeductedFromItsNextInvoicesBeforeTheyAreMailed() throws Exception {
        Regie r = regie();
        String email = "credit-" + random(6).toLowerCase() + "@alpha.test";
        long family = family("Credit", email);
        long october = invoice(r, family, 1, TODAY.minusDays(30), new int[] {10, 500});
        // 80,00 € for 50,00 €: 30,00 € kept as the family's credit
        PaymentDesk.Recorded paid = in(() -> payments.record(REGISSEUR, pay(r, family, "ESPECES", 8000, null)));
        assertEquals(3000L, paid.creditCents());
        assertEquals(0L, outstanding(october));
        // November's run issues 45,00 €, and a 20,00 € invoice the parent is paying by card at this moment
        long november = invoice(r, family, 2, TODAY.plusDays(20), new int[] {9, 500});
        long paying = invoice(r, family, 3, TODAY.plusDays(10), new int[] {4, 500});
        update("insert into online_payment (invoice_id, family_id, regie_id, amount_cents, reference, id_op, started_by)"
                + " values (?1, ?2, ?3, 2000, 'REF', ?4, 'parent')", paying, family, r.id(), "op-" + random(12));
        in(() -> {
            issued.fire(new InvoicesIssued(List.of(november, paying), "regie@alpha.test"));
            return null;
        });
        // the credit went to November, the card payment's invoice left as it is: 15,00 € left, no credit
        assertEquals(1500L, outstanding(november));
        assertEquals(2000L, outstanding(paying));
        // nor is it paid at the counter meanwhile: the card's money would only become credit
        MoneyRefused counter = assertThrows(MoneyRefused.class, () -> in(() -> payments.record(REGISSEUR,
                pay(r, family, "ESPECES", 2000, Map.of(paying, 2000L)))));
        assertEquals(List.of("allocation[" + paying + "]"), fields(counter));
        assertTrue(counter.errors().get(0).text().french().startsWith("Un paiement en ligne de la facture " + r.prefix()
                + "-3 est en cours"), counter.errors().get(0).text().french());
        assertEquals(0L, in(() -> payments.credit(AGENT, family, r.code())));
        assertEquals(1L, id("select count(*) from billing_audit where invoice_id = ?1 and action = 'CREDIT_USED'", november));
        // told again (a run's last batch, a retry): nothing more deducted
        in(() -> {
            issued.fire(new InvoicesIssued(List.of(november), "regie@alpha.test"));
            return null;
        });
        assertEquals(1500L, outstanding(november));
        invariantHolds(r);
        // the mail of the invoice says what the credit paid and what is left (awaiting it, as a run's insert leaves it)
        update("update invoice set awaiting_mail = true where id = ?1", november);
        in(() -> {
            mails.issued(List.of(november), "http://alpha.localhost");
            return null;
        });
        String mail = Mails.await(email, m -> m.contains("facture " + r.prefix() + "-2"));
        assertTrue(mail.contains("Déduit de votre crédit : 30,00"), mail);
        assertTrue(mail.contains("Reste à payer : 15,00"), mail);
    }

    /**
     * A child of {@code age} years in the family, and two months of its garderie (care, for the attestation fiscale):
     * October's invoice (10 days × 5,00 €, due a month ago), whose id is answered, then November's (9 days × 5,00 €).
     */
    long careMonths(Regie r, long family, String firstName, int age) throws Exception {
        long child = id("insert into child (family_id, first_name, last_name, birth_date) values (?1, ?2, 'Garde', ?3)"
                + " returning id", family, firstName, LocalDate.of(TODAY.getYear() - age, 3, 1));
        String garderie = "G" + random(8);
        update("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy) values (?1,"
                + " 'Garderie', 'PERISCOLAIRE', 'J-2@23:59', 'J-2@23:59', 'REFUSED')", garderie);
        long october = invoice(r, family, 1, TODAY.minusDays(30), new int[] {10, 500});
        long november = invoice(r, family, 2, TODAY.plusDays(20), new int[] {9, 500});
        update("update invoice_line set child_id = ?1, activity_code = ?2 where invoice_id in (?3, ?4)", child, garderie,
                october, november);
        return october;
    }

    @Test
    void anOverpaymentCountsForTheAttestationFiscaleWhenItsCreditPaysCare() throws Exception {
        Regie r = regie();
        long family = family("Attestation", null);
        int year = TODAY.getYear();
        long october = careMonths(r, family, "Lou", 3);
        // 80,00 € for October's 50,00 €, then 30,00 € of credit deducted from November
        in(() -> payments.record(REGISSEUR, pay(r, family, "ESPECES", 8000, Map.of(october, 5000L))));
        assertEquals(3000L, in(() -> payments.applyCredit(family, r.id(), "regie@alpha.test")));
        // the whole 80,00 € is care paid for Lou: 50,00 € when received, 30,00 € when the credit paid November
        List<fr.portailfamille.billing.ChildcareTaxCertificate.Amount> fiscal = in(() -> documents.fiscalAmounts(AGENT, family, year));
        assertEquals(1, fiscal.size(), fiscal.toString());
        assertEquals(8000L, fiscal.get(0).cents());
        assertEquals(List.of(year), in(() -> documents.fiscalYears(AGENT, family)));
        // a brother added by an agent without his birth date: left out of the attestation, not an error for the family
        update("insert into child (family_id, first_name, last_name) values (?1, 'Sans', 'Date')", family);
        assertEquals(8000L, in(() -> documents.fiscalAmounts(AGENT, family, year)).get(0).cents());
        assertEquals(List.of(year), in(() -> documents.fiscalYears(AGENT, family)));
    }

    /**
     * A paid invoice corrected by a credit note: what the note gives back is money the family paid, left out of that
     * invoice's care (it now bills less) and certified when its credit pays the next invoice — the whole payment counts.
     */
    @Test
    void whatACreditNoteGaveBackOfAPaidInvoiceCountsForTheAttestationFiscaleWhenItPaysCare() throws Exception {
        Regie r = regie();
        long family = family("Avoir fiscal", null);
        int year = TODAY.getYear();
        long october = careMonths(r, family, "Noé", 2);
        // October's 50,00 € paid in full, then 2 of its days credited: 10,00 € of credit, which pays November in part
        in(() -> payments.record(REGISSEUR, pay(r, family, "ESPECES", 5000, Map.of(october, 5000L))));
        in(() -> invoices.creditNote(REGISSEUR, october, Map.of(lineId(october, 1), 2), null, "Sortie scolaire"));
        // at once: no credit left beside an open invoice (Accueil and « Payer » asked for money the family did not owe)
        assertEquals(0L, in(() -> payments.credit(AGENT, family, r.code())));
        assertEquals(0L, in(() -> payments.applyCredit(family, r.id(), "regie@alpha.test")));
        assertEquals(1L, id("select count(*) from account_credit where family_id = ?1 and amount_cents = -1000"
                + " and invoice_id <> ?2", family, october), "November paid 10,00 € by the credit");
        // 40,00 € of October's care paid, and the 10,00 € its credit note gave back, paid to November's care
        List<fr.portailfamille.billing.ChildcareTaxCertificate.Amount> fiscal = in(() -> documents.fiscalAmounts(AGENT, family, year));
        assertEquals(1, fiscal.size(), fiscal.toString());
        assertEquals(5000L, fiscal.get(0).cents(), "the family paid 50,00 € for care in all");
    }

    /** The same with a credit note by amount (no day named): its 10,00 € are not counted twice. */
    @Test
    void aCreditNoteByAmountOnAPaidInvoiceIsNotCountedTwiceInTheAttestationFiscale() throws Exception {
        Regie r = regie();
        long family = family("Avoir fiscal montant", null);
        int year = TODAY.getYear();
        long october = careMonths(r, family, "Noé", 2);
        in(() -> payments.record(REGISSEUR, pay(r, family, "ESPECES", 5000, Map.of(october, 5000L))));
        in(() -> invoices.creditNote(REGISSEUR, october, Map.of(), 1000L, "Geste commercial"));
        assertEquals(0L, in(() -> payments.credit(AGENT, family, r.code())), "paid to November at once");
        List<fr.portailfamille.billing.ChildcareTaxCertificate.Amount> fiscal = in(() -> documents.fiscalAmounts(AGENT, family, year));
        assertEquals(1, fiscal.size(), fiscal.toString());
        assertEquals(5000L, fiscal.get(0).cents(), "the family paid 50,00 € for care in all, not 60,00 €");
    }

    @Test
    void aPartialPaymentAndACreditNoteByLinesLeaveTheBalanceToTheCent() throws Exception {
        Regie r = regie();
        long family = family("Partiel", null);
        // 10 days × 3,50 € + 5 days × 3,00 € = 50,00 €
        long october = invoice(r, family, 1, TODAY.minusDays(5), new int[] {10, 350}, new int[] {5, 300});
        PaymentDesk.PaymentInput cheque = pay(r, family, "CHEQUE", 2000, null);
        String token = fr.portailfamille.platform.kernel.FormTokens.next();
        PaymentDesk.PaymentInput fromTheCounter = new PaymentDesk.PaymentInput(cheque.familyId(), cheque.regieCode(),
                cheque.mode(), cheque.amountCents(), cheque.receivedOn(), cheque.chequeNumber(), cheque.bank(),
                cheque.payerName(), cheque.allocation(), token);
        PaymentDesk.Recorded paid = in(() -> payments.record(REGISSEUR, fromTheCounter));
        assertEquals(r.prefix() + "-R-1", paid.receiptNumber());
        // the counter's form sent again (the page reloaded): refused, nothing recorded twice, no receipt number used
        Refused twice = assertThrows(Refused.class, () -> in(() -> payments.record(REGISSEUR, fromTheCounter)));
        assertTrue(fr.portailfamille.platform.kernel.FormTokens.alreadySent(twice), twice.getMessage());
        assertEquals(1L, id("select count(*) from payment where family_id = ?1", family));
        // the same cheque recorded again from another tab (its own token), its number typed with spaces: refused beside
        // the number, naming the receipt that has it
        MoneyRefused sameCheque = assertThrows(MoneyRefused.class, () -> in(() -> payments.record(REGISSEUR,
                new PaymentDesk.PaymentInput(cheque.familyId(), cheque.regieCode(), "CHEQUE", 2000L, TODAY, "000 1234",
                        "crédit agricole", "Camille Test", null, fr.portailfamille.platform.kernel.FormTokens.next()))));
        assertEquals(List.of("chequeNumber"), fields(sameCheque));
        assertTrue(sameCheque.errors().get(0).message().contains("est déjà enregistré (reçu " + r.prefix() + "-R-1)"),
                sameCheque.errors().get(0).message());
        assertEquals(1L, id("select count(*) from payment where family_id = ?1", family));
        assertEquals(2000L, paid.allocatedCents());
        assertEquals(0L, paid.creditCents());
        assertEquals(Settlement.PARTLY_PAID, in(() -> account.invoice(AGENT, october)).settlement());
        // a credit note of 2 days of the first line: 2 × 3,50 € = 7,00 €, its line names the line it credits
        long line1 = lineId(october, 1);
        long note = in(() -> invoices.creditNote(REGISSEUR, october, Map.of(line1, 2), null, "Sortie scolaire"));
        assertEquals(700L, id("select total_cents from invoice where id = ?1", note));
        assertEquals(r.prefix() + "-AV-1", in(() -> account.invoice(AGENT, note)).number());
        assertEquals(1L, id("select count(*) from invoice_line where invoice_id = ?1 and credits_line_id = ?2 and quantity = 2"
                + " and unit_price_cents = 350 and amount_cents = 700", note, line1));
        // 50,00 − 20,00 − 7,00 = 23,00 €, to the cent, as the family's account reads it
        assertEquals(2300L, outstanding(october));
        AccountBalance balance = in(() -> account.balance(AGENT, family));
        assertEquals(2300L, balance.dueCents());
        assertEquals(0L, balance.creditCents());
        assertEquals(2300L, balance.balanceCents());
        InvoiceDesk.Detail detail = in(() -> invoices.detail(AGENT, october));
        assertEquals(2, detail.lines().get(0).creditedQuantity());
        assertEquals(8, detail.lines().get(0).getCreditable());
        assertEquals(1, detail.creditNotes().size());
        assertTrue(detail.settlings().stream().anyMatch(s -> s.amountCents() == 2000 && (r.prefix() + "-R-1").equals(s.reference())));
        // a line is never credited beyond its quantity: 8 days left
        Refused tooMany = assertThrows(Refused.class, () -> in(() -> invoices.creditNote(REGISSEUR, october, Map.of(line1, 9), null, "Trop")));
        assertEquals("lines[" + line1 + "]", tooMany.field());
        assertTrue(tooMany.getMessage().contains("entre 1 et 8"), tooMany.getMessage());
        // a reason the note's line cannot carry whole (its label: 300 characters) is refused beside it, nothing written
        long notesBefore = id("select count(*) from invoice where credit_note_of = ?1", october);
        Refused tooLong = assertThrows(Refused.class, () -> in(() -> invoices.creditNote(REGISSEUR, october, Map.of(line1, 1),
                null, "Sortie scolaire annulée ".repeat(12))));
        assertEquals("reason", tooLong.field());
        assertTrue(tooLong.getMessage().startsWith("Motif trop long pour figurer sur l'avoir"), tooLong.getMessage());
        assertEquals(notesBefore, id("select count(*) from invoice where credit_note_of = ?1", october));
        // the receipt's PDF: its number, the amount, the invoice paid
        byte[] pdf = in(() -> receipts.pdf(AGENT, paid.paymentId()));
        String text = BillingKit.pdfText(pdf);
        assertTrue(text.contains("Reçu n° " + r.prefix() + "-R-1"), text);
        assertTrue(text.contains("20,00"), text);
        assertTrue(text.contains(r.prefix() + "-1"), text);
        assertTrue(text.contains("Chèque n° 0001234"), text);
        // audited: who, what
        assertEquals(1L, id("select count(*) from billing_audit where action = 'PAYMENT_RECORDED' and payment_id = ?1"
                + " and actor = 'regie@alpha.test' and amount_cents = 2000", paid.paymentId()));
        assertEquals(1L, id("select count(*) from billing_audit where action = 'PAYMENT_ALLOCATED' and payment_id = ?1"
                + " and invoice_id = ?2", paid.paymentId(), october));
        invariantHolds(r);
    }

    @Test
    void badPaymentsAreRefusedOnTheirFieldsAndWriteNothing() throws Exception {
        Regie r = regie();
        long family = family("Refus", null);
        long october = invoice(r, family, 1, TODAY.minusDays(5), new int[] {4, 500});
        long cancelled = invoice(r, family, 2, TODAY.minusDays(5), new int[] {1, 700});
        update("update invoice set state = 'CANCELLED' where id = ?1", cancelled);
        // a cheque without number nor bank, an amount of nothing
        MoneyRefused cheque = assertThrows(MoneyRefused.class, () -> in(() -> payments.record(REGISSEUR,
                new PaymentDesk.PaymentInput(family, r.code(), "CHEQUE", 0L, TODAY, " ", null, null, null))));
        assertEquals(List.of("chequeNumber", "bank", "amount"), fields(cheque));
        assertEquals("Indiquez le numéro du chèque.", cheque.errors().get(0).message());
        // more on an invoice than its rest (20,00 €), more in all than the payment
        MoneyRefused tooMuch = assertThrows(MoneyRefused.class, () -> in(() -> payments.record(REGISSEUR,
                pay(r, family, "ESPECES", 1500, Map.of(october, 2001L)))));
        assertEquals(List.of("allocation[" + october + "]", "amount"), fields(tooMuch));
        assertTrue(tooMuch.errors().get(0).message().contains("il n'en reste que 20,00"), tooMuch.errors().get(0).message());
        // a cancelled invoice
        MoneyRefused onCancelled = assertThrows(MoneyRefused.class, () -> in(() -> payments.record(REGISSEUR,
                pay(r, family, "ESPECES", 700, Map.of(cancelled, 700L)))));
        assertEquals("La facture " + r.prefix() + "-2 est annulée : elle ne se paie pas.", onCancelled.getMessage());
        // an unknown mode
        MoneyRefused mode = assertThrows(MoneyRefused.class, () -> in(() -> payments.record(REGISSEUR, pay(r, family, "BITCOIN", 700, null))));
        assertEquals(List.of("mode"), fields(mode));
        // received tomorrow, or a year mistyped
        for (LocalDate wrong : List.of(TODAY.plusDays(1), LocalDate.of(25, 10, 5))) {
            MoneyRefused date = assertThrows(MoneyRefused.class, () -> in(() -> payments.record(REGISSEUR,
                    new PaymentDesk.PaymentInput(family, r.code(), "ESPECES", 700L, wrong, null, null, null, null))));
            assertEquals(List.of("receivedOn"), fields(date), wrong.toString());
        }
        assertEquals(0L, id("select count(*) from payment where regie_id = ?1", r.id()));
        assertEquals(1L, id("select next_receipt_number from regie where id = ?1", r.id()), "no receipt number taken");
    }

    @Test
    void anOverpaymentBecomesCreditUsedOnTheNextInvoiceAndACancelledPaymentGivesItBack() throws Exception {
        Regie r = regie();
        long family = family("Credit", null);
        long september = invoice(r, family, 1, TODAY.minusDays(40), new int[] {5, 300});
        // 20,00 € for 15,00 €: 5,00 € of credit
        PaymentDesk.Recorded first = in(() -> payments.record(REGISSEUR, pay(r, family, "ESPECES", 2000, null)));
        assertEquals(1500L, first.allocatedCents());
        assertEquals(500L, first.creditCents());
        assertEquals(500L, in(() -> account.balance(AGENT, family)).creditCents());
        assertEquals(-500L, in(() -> account.balance(AGENT, family)).balanceCents());
        // the next invoice, 8,00 €: 5,00 € from the credit
        long october = invoice(r, family, 2, TODAY.plusDays(20), new int[] {2, 400});
        Refused tooMuchCredit = assertThrows(Refused.class, () -> in(() -> { payments.useCredit(REGISSEUR, october, 501); return null; }));
        assertTrue(tooMuchCredit.getMessage().contains("5,00"), tooMuchCredit.getMessage());
        in(() -> { payments.useCredit(REGISSEUR, october, 500); return null; });
        assertEquals(300L, outstanding(october));
        AccountBalance after = in(() -> account.balance(AGENT, family));
        assertEquals(300L, after.dueCents());
        assertEquals(0L, after.creditCents());
        // a card payment of 4,00 € for the 3,00 € left: 1,00 € of credit; cancelled (reason required), both are reversed
        PaymentDesk.Recorded second = in(() -> payments.record(REGISSEUR, pay(r, family, "CARTE_GUICHET", 400, null)));
        assertEquals(0L, outstanding(october));
        assertEquals(100L, in(() -> account.balance(AGENT, family)).creditCents());
        Refused noReason = assertThrows(Refused.class, () -> in(() -> { payments.cancel(REGISSEUR, second.paymentId(), " "); return null; }));
        assertEquals("cancelReason", noReason.field());
        assertThrows(SecurityException.class, () -> in(() -> { payments.cancel(AGENT, second.paymentId(), "Erreur"); return null; }));
        in(() -> { payments.cancel(REGISSEUR, second.paymentId(), "Erreur de saisie"); return null; });
        assertEquals(300L, outstanding(october));
        assertEquals(0L, in(() -> account.balance(AGENT, family)).creditCents());
        assertEquals(Settlement.PAID, in(() -> account.invoice(AGENT, september)).settlement());
        assertEquals(1L, id("select count(*) from billing_audit where action = 'PAYMENT_CANCELLED' and payment_id = ?1"
                + " and detail like '%Erreur de saisie%'", second.paymentId()));
        Refused twice = assertThrows(Refused.class, () -> in(() -> { payments.cancel(REGISSEUR, second.paymentId(), "Encore"); return null; }));
        assertTrue(twice.getMessage().contains("déjà annulé"), twice.getMessage());
        assertEquals(List.of(r.prefix() + "-R-2", r.prefix() + "-R-1"), in(() -> payments.payments(AGENT, TODAY, TODAY, r.code(), null))
                .stream().map(PaymentDesk.PaymentRow::receiptNumber).toList());
        // the first payment, a cheque, bounces: its 5,00 € of credit paid October's invoice, which is owed again with
        // September's (the money never came); the family's credit stays at 0, nothing negative
        in(() -> { payments.cancel(REGISSEUR, first.paymentId(), "Chèque rejeté"); return null; });
        assertEquals(1500L, outstanding(september));
        assertEquals(800L, outstanding(october));
        AccountBalance bounced = in(() -> account.balance(AGENT, family));
        assertEquals(2300L, bounced.dueCents());
        assertEquals(0L, bounced.creditCents());
        assertEquals(1L, id("select count(*) from billing_audit where action = 'CREDIT_TAKEN_BACK' and invoice_id = ?1"
                + " and payment_id = ?2 and amount_cents = 500", october, first.paymentId()));
        invariantHolds(r);
        // another family's overpayment paid part of an invoice since transmitted to the Trésorerie: its cancellation
        // is refused (the titre asks what was left then), nothing changed
        long family2 = family("Titre", null);
        long august = invoice(r, family2, 3, TODAY.minusDays(60), new int[] {2, 500});
        PaymentDesk.Recorded cheque = in(() -> payments.record(REGISSEUR, pay(r, family2, "ESPECES", 1500, null)));
        long titre = invoice(r, family2, 4, TODAY.minusDays(30), new int[] {2, 400});
        in(() -> { payments.useCredit(REGISSEUR, titre, 500); return null; });
        update("update invoice set state = 'TITRE_EMIS', titre_number = 'T-77', titre_at = now() where id = ?1", titre);
        Refused onTitre = assertThrows(Refused.class, () -> in(() -> { payments.cancel(REGISSEUR, cheque.paymentId(), "Chèque rejeté"); return null; }));
        assertTrue(onTitre.getMessage().startsWith("Le trop-perçu de ce paiement (5,00")
                && onTitre.getMessage().contains("a servi à régler des factures transmises depuis à la Trésorerie"), onTitre.getMessage());
        assertEquals(0L, outstanding(august));
        assertEquals(0L, id("select count(*) from payment where id = ?1 and cancelled_at is not null", cheque.paymentId()));
        invariantHolds(r);
    }

    @Test
    void twoRegisseursPayingTheSameRestAtOnceNeverOverAllocate() throws Exception {
        Regie r = regie();
        long family = family("Concurrence", null);
        long october = invoice(r, family, 1, TODAY.minusDays(5), new int[] {10, 300});
        List<Object> outcomes = new ArrayList<>();
        // the test holds the invoice's row: both payments start, and wait on it
        in(() -> {
            tx.begin();
            em.createNativeQuery("select id from invoice where id = ?1 for update").setParameter(1, october).getResultList();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> both = new ArrayList<>();
            for (SignedInUser who : List.of(REGISSEUR, REGISSEUR_2)) {
                both.add(pool.submit(() -> {
                    go.await();
                    try {
                        return TenantContext.call(alpha(), () -> payments.record(who, pay(r, family, "ESPECES", 3000,
                                Map.of(october, 3000L))));
                    } catch (Refused e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            Thread.sleep(1500);
            tx.commit();
            for (Future<Object> f : both) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return null;
        });
        assertEquals(1, outcomes.stream().filter(PaymentDesk.Recorded.class::isInstance).count(), outcomes.toString());
        List<MoneyRefused> refused = outcomes.stream().filter(MoneyRefused.class::isInstance).map(MoneyRefused.class::cast).toList();
        assertEquals(1, refused.size(), outcomes.toString());
        assertEquals("allocation[" + october + "]", refused.get(0).field());
        assertEquals(3000L, id("select sum(a.amount_cents) from payment_allocation a where a.invoice_id = ?1", october));
        assertEquals(0L, outstanding(october));
        assertEquals(1L, id("select count(*) from payment where regie_id = ?1", r.id()));
        invariantHolds(r);
    }

    @Test
    void aTitreAndAPaymentOverTheSameInvoicesAtOnceFinishOneAfterTheOther() throws Exception {
        Regie r = regie();
        long family = family("Titre concurrent", null);
        long september = invoice(r, family, 1, TODAY.minusDays(40), new int[] {10, 300});
        long october = invoice(r, family, 2, TODAY.minusDays(10), new int[] {10, 300});
        List<Object> outcomes = new ArrayList<>();
        // the test holds September's row: the payment (September, then October) waits on it first, then the titre on
        // October; the titre once locked October, then waited for September behind the payment, which waited for October
        in(() -> {
            tx.begin();
            em.createNativeQuery("select id from invoice where id = ?1 for update").setParameter(1, september).getResultList();
            List<Future<Object>> both = new ArrayList<>();
            both.add(pool.submit(() -> {
                try {
                    return TenantContext.call(alpha(), () -> payments.record(REGISSEUR, pay(r, family, "ESPECES", 4000,
                            Map.of(september, 3000L, october, 1000L))));
                } catch (Exception e) {
                    return e;
                }
            }));
            Thread.sleep(700);
            both.add(pool.submit(() -> {
                try {
                    TenantContext.call(alpha(), () -> invoices.markTitre(REGISSEUR_2, october, "2026-000555", TODAY));
                    return "titre";
                } catch (Exception e) {
                    return e;
                }
            }));
            Thread.sleep(1500);
            tx.commit();
            for (Future<Object> f : both) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return null;
        });
        assertTrue(outcomes.get(0) instanceof PaymentDesk.Recorded, outcomes.toString());
        assertEquals("titre", outcomes.get(1), outcomes.toString());
        assertEquals(0L, outstanding(september));
        assertEquals(Settlement.TITRE_EMIS, in(() -> account.invoice(AGENT, october)).settlement());
        invariantHolds(r);
    }

    @Test
    void receiptNumbersStayGapFreeUnderConcurrency() throws Exception {
        Regie r = regie();
        List<Long> families = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long f = family("Reçu" + i, null);
            invoice(r, f, i + 1, TODAY.minusDays(3), new int[] {1, 1000 + i});
            families.add(f);
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> all = new ArrayList<>();
        for (int i = 0; i < families.size(); i++) {
            long f = families.get(i);
            // the last one is refused (a cheque without bank): it takes no number
            boolean bad = i == families.size() - 1;
            all.add(pool.submit(() -> {
                go.await();
                try {
                    return TenantContext.call(alpha(), () -> payments.record(REGISSEUR, new PaymentDesk.PaymentInput(f, r.code(),
                            bad ? "CHEQUE" : "VIREMENT", 500L, TODAY, bad ? "77" : null, null, null, null)));
                } catch (Refused e) {
                    return e;
                }
            }));
        }
        go.countDown();
        List<String> numbers = new ArrayList<>();
        for (Future<Object> f : all) {
            Object o = f.get(60, TimeUnit.SECONDS);
            if (o instanceof PaymentDesk.Recorded rec) {
                numbers.add(rec.receiptNumber());
            }
        }
        assertEquals(5, numbers.size(), all.toString());
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            expected.add(r.prefix() + "-R-" + i);
        }
        assertEquals(expected, numbers.stream().sorted().toList());
        assertEquals(6L, id("select next_receipt_number from regie where id = ?1", r.id()));
        invariantHolds(r);
    }

    /** A titre asked for an invoice the family's credit covers: no titre, the invoice paid by the credit, and kept so. */
    @Test
    void noTitreForWhatTheFamilysCreditPays() throws Exception {
        Regie r = regie();
        long family = family("TitreCredit", null);
        long march = invoice(r, family, 1, TODAY.minusDays(120), new int[] {6, 450});
        long left = in(() -> account.invoice(AGENT, march)).outstandingCents();
        in(() -> payments.record(REGISSEUR, pay(r, family, "ESPECES", left + 1000, Map.of(march, 0L))));
        assertEquals(left + 1000, in(() -> account.balance(AGENT, family)).creditCents());
        assertNull(in(() -> invoices.markTitre(REGISSEUR, march, "2026-000777", TODAY)));
        assertEquals(0L, in(() -> account.invoice(AGENT, march)).outstandingCents(), "paid by the credit, and kept");
        assertEquals(1000L, in(() -> account.balance(AGENT, family)).creditCents());
        assertEquals(0L, in(() -> account.balance(AGENT, family)).titreCents());
    }

    @Test
    void aTitreDeRecettesClosesTheCounterForItsInvoice() throws Exception {
        Regie r = regie();
        long family = family("Titre", null);
        long march = invoice(r, family, 1, TODAY.minusDays(120), new int[] {6, 450});
        // a credit to try on it, and 7,00 € paid on it before it goes to the Trésorerie
        in(() -> payments.record(REGISSEUR, pay(r, family, "ESPECES", 100, Map.of(march, 0L))));
        assertEquals(100L, in(() -> account.balance(AGENT, family)).creditCents());
        PaymentDesk.Recorded part = in(() -> payments.record(REGISSEUR, pay(r, family, "ESPECES", 700, Map.of(march, 700L))));
        assertThrows(SecurityException.class, () -> in(() -> { invoices.markTitre(AGENT, march, "2026-000123", TODAY); return null; }));
        Refused noNumber = assertThrows(Refused.class, () -> in(() -> { invoices.markTitre(REGISSEUR, march, " ", TODAY); return null; }));
        assertEquals("ormc", noNumber.field());
        // dated before its invoice (a slip of the year): it would land in another school year's relevé
        Refused before = assertThrows(Refused.class, () -> in(() -> {
            invoices.markTitre(REGISSEUR, march, "2026-000123", TODAY.minusYears(2));
            return null;
        }));
        assertEquals("titreOn", before.field());
        assertTrue(before.getMessage().startsWith("Le titre ne peut pas être daté d'avant la facture"), before.getMessage());
        in(() -> { invoices.markTitre(REGISSEUR, march, "2026-000123", TODAY); return null; });
        var titre = in(() -> account.invoice(AGENT, march));
        assertEquals(Settlement.TITRE_EMIS, titre.settlement());
        assertEquals("2026-000123", titre.titreNumber());
        // the family's 1,00 € of credit paid what it could first (never sent to the Trésorerie for what its credit covers)
        // it has left the régie's account (seed 004): nothing more to pay the régie, 19,00 € to pay the Trésorerie
        AccountBalance balance = in(() -> account.balance(AGENT, family));
        assertEquals(0L, balance.creditCents());
        assertEquals(0L, balance.dueCents());
        assertEquals(0, balance.unpaidInvoices());
        assertEquals(1900L, balance.titreCents());
        assertEquals(1, balance.titres());
        var statement = in(() -> account.statement(AGENT, family, TODAY));
        assertTrue(statement.lines().stream().map(fr.portailfamille.billing.Statement.Line::movement).anyMatch(m ->
                m.kind() == fr.portailfamille.billing.Statement.Kind.TITRE && m.creditCents() == 1900
                        && m.label().startsWith("Titre émis (ORMC n°2026-000123)")), statement.toString());
        assertEquals(balance.balanceCents(), statement.closingCents(), "the relevé ends on the account's balance");
        // the 7,00 € it had received cannot be cancelled: the titre asks only what was left then
        Refused cancel = assertThrows(Refused.class, () -> in(() -> {
            payments.cancel(REGISSEUR, part.paymentId(), "Chèque rejeté");
            return null;
        }));
        assertTrue(cancel.getMessage().contains("titre de recettes n° 2026-000123"), cancel.getMessage());
        // no payment, no credit, no credit note at the counter: "suivi par la Trésorerie"
        MoneyRefused pay = assertThrows(MoneyRefused.class, () -> in(() -> payments.record(REGISSEUR,
                pay(r, family, "ESPECES", 2700, Map.of(march, 2700L)))));
        assertTrue(pay.getMessage().contains("suivi par la Trésorerie"), pay.getMessage());
        Refused credit = assertThrows(Refused.class, () -> in(() -> { payments.useCredit(REGISSEUR, march, 100); return null; }));
        assertTrue(credit.getMessage().contains("suivi par la Trésorerie"), credit.getMessage());
        assertThrows(Refused.class, () -> in(() -> invoices.creditNote(REGISSEUR, march, Map.of(), 100L, "Geste")));
        assertEquals(List.of(), in(() -> payments.open(AGENT, family, r.code())));
        assertEquals(1L, id("select count(*) from billing_audit where action = 'TITRE_EMIS' and invoice_id = ?1", march));
        // the unpaid list shows it as a titre only when asked
        assertTrue(in(() -> unpaid.unpaid(AGENT, r.code(), 0, true, TODAY)).stream().anyMatch(u -> u.invoiceId() == march && u.isTitre()));
        assertFalse(in(() -> unpaid.unpaid(AGENT, r.code(), 0, false, TODAY)).stream().anyMatch(u -> u.invoiceId() == march));
    }

    @Test
    void remindersAreSentOncePerLevelWithTheAmountLeftAndALinkToMesFactures() throws Exception {
        // alpha's configuration: reminders 15 and 45 days after the due date (valid for the classes after this one)
        update("insert into billing_settings (id, reminder_days) values (true, '15,45')"
                + " on conflict (id) do update set reminder_days = '15,45'");
        Regie r = regie();
        String email = "relance-" + random(6).toLowerCase() + "@alpha.test";
        long family = family("Relance", email);
        LocalDate due = LocalDate.of(2026, 10, 31);
        long october = invoice(r, family, 1, due, new int[] {4, 525});
        long paidOne = invoice(r, family, 2, due, new int[] {1, 300});
        in(() -> payments.record(REGISSEUR, pay(r, family, "ESPECES", 300 + 500, Map.of(paidOne, 300L, october, 500L))));
        assertThrows(SecurityException.class, () -> in(() -> unpaid.sendDue(AGENT)));
        // 14 days late: nothing; 20 days: level 1 once
        in(() -> unpaid.sendDue("test", due.plusDays(14)));
        assertEquals(0L, id("select count(*) from invoice_reminder where invoice_id = ?1", october));
        in(() -> unpaid.sendDue("test", due.plusDays(20)));
        in(() -> unpaid.sendDue("test", due.plusDays(21)));
        assertEquals(1L, id("select count(*) from invoice_reminder where invoice_id = ?1 and level = 1", october));
        assertEquals(1L, id("select count(*) from invoice_reminder where invoice_id = ?1", october));
        assertEquals(0L, id("select count(*) from invoice_reminder where invoice_id = ?1", paidOne), "a paid invoice is not reminded");
        String mail = Mails.await(email, m -> m.contains("facture " + r.prefix() + "-1"));
        assertTrue(mail.contains("Reste à payer : 16,00"), mail);
        assertTrue(mail.contains("/espace/factures.xhtml"), mail);
        assertTrue(mail.contains("et la régler auprès de la régie"), "a régie without card payment: paid at the régie");
        // 50 days: level 2 once
        in(() -> unpaid.sendDue("test", due.plusDays(50)));
        in(() -> unpaid.sendDue("test", due.plusDays(51)));
        assertEquals(2L, id("select count(*) from invoice_reminder where invoice_id = ?1", october));
        assertEquals(2L, id("select count(*) from billing_audit where action = 'REMINDER_SENT' and invoice_id = ?1", october));
        Mails.await(email, m -> m.contains("Relance n° 2"));
        // the unpaid list: age, amount left, last reminder; totals per régie
        List<UnpaidDesk.Unpaid> list = in(() -> unpaid.unpaid(AGENT, r.code(), 30, false, due.plusDays(50)));
        assertEquals(1, list.size());
        assertEquals(50L, list.get(0).ageDays());
        assertEquals(1600L, list.get(0).outstandingCents());
        assertEquals(2, list.get(0).lastReminder());
        assertEquals(List.of(new UnpaidDesk.RegieTotal("Régie du guichet " + r.code(), 1, 1600L)), UnpaidDesk.totals(list));
        assertEquals(List.of(), in(() -> unpaid.unpaid(AGENT, r.code(), 51, false, due.plusDays(50))));

        // a third invoice (10,00 €) whose first reminder is due, and 30,00 € of credit kept meanwhile (an overpayment):
        // the credit pays the open invoices oldest first (16,00 € then 10,00 €) before any reminder — none is sent
        long third = invoice(r, family, 3, due.plusDays(30), new int[] {2, 500});
        in(() -> payments.record(REGISSEUR, pay(r, family, "ESPECES", 3000, Map.of(third, 0L))));
        in(() -> unpaid.sendDue("test", due.plusDays(52)));
        assertEquals(0L, id("select count(*) from invoice_reminder where invoice_id = ?1", third), "covered by the credit");
        assertEquals(0L, outstanding(october));
        assertEquals(0L, outstanding(third));
        assertEquals(400L, in(() -> account.balance(AGENT, family)).creditCents());
    }

    @Test
    void onlyARegisseurOfThisCommuneHandlesMoney() throws Exception {
        Regie r = regie();
        long family = family("Roles", null);
        long october = invoice(r, family, 1, TODAY.minusDays(5), new int[] {2, 500});
        // the counter's form opened from the family file: on the régie it owes first (due first), whatever the labels
        Regie later = regie();
        invoice(later, family, 1, TODAY.plusDays(20), new int[] {1, 300});
        assertEquals(java.util.Optional.of(r.code()), in(() -> payments.regieOwedFirst(AGENT, family)));
        assertThrows(SecurityException.class, () -> in(() -> payments.regieOwedFirst(REGISSEUR_BETA, family)));
        SecurityException agent = assertThrows(SecurityException.class, () -> in(() -> payments.record(AGENT,
                pay(r, family, "ESPECES", 1000, null))));
        assertEquals(StaffRoles.REGISSEUR_ONLY, agent.getMessage());
        SecurityException beta = assertThrows(SecurityException.class, () -> in(() -> payments.record(REGISSEUR_BETA,
                pay(r, family, "ESPECES", 1000, null))));
        assertEquals(StaffRoles.OTHER_COMMUNE, beta.getMessage());
        assertThrows(SecurityException.class, () -> in(() -> payments.payments(REGISSEUR_BETA, TODAY, TODAY, null, null)));
        assertThrows(SecurityException.class, () -> in(() -> invoices.detail(REGISSEUR_BETA, october)));
        // another commune's régisseur: no titre, no credit note, no unpaid list, no reminders sent here
        assertThrows(SecurityException.class, () -> in(() -> {
            invoices.markTitre(REGISSEUR_BETA, october, "ORMC-1", TODAY);
            return null;
        }));
        assertThrows(SecurityException.class, () -> in(() -> invoices.creditNote(REGISSEUR_BETA, october, Map.of(), 100L, "Non")));
        assertThrows(SecurityException.class, () -> in(() -> unpaid.unpaid(REGISSEUR_BETA, r.code(), 0, false, TODAY)));
        assertThrows(SecurityException.class, () -> in(() -> unpaid.sendDue(REGISSEUR_BETA)));
        assertEquals(0L, id("select count(*) from invoice where credit_note_of = ?1", october));
        assertEquals(null, in(() -> em.createNativeQuery("select titre_number from invoice where id = ?1")
                .setParameter(1, october).getSingleResult()));
        assertThrows(SecurityException.class, () -> in(() -> { payments.useCredit(AGENT, october, 1); return null; }));
        assertThrows(SecurityException.class, () -> in(() -> invoices.creditNote(AGENT, october, Map.of(), 100L, "Non")));
        // an agent reads
        assertEquals(1, in(() -> payments.open(AGENT, family, r.code())).size());
        assertEquals(0L, id("select count(*) from payment where regie_id = ?1", r.id()));
    }

    /**
     * A régisseur in Chromium on agent/paiements.xhtml for a family with two unpaid invoices: 30,00 € spread
     * oldest first (the older invoice of 20,00 € in full, 10,00 € on the next), recorded, its receipt
     * listed with a link to its PDF; the invoice page and the unpaid list; axe-checked at each step.
     */
    @Test
    @RunAsClient
    void aRegisseurRecordsAPaymentAtTheCounterInChromium() throws Exception {
        String s = random(6);
        String code = "P" + s;
        String prefix = "P" + s.replaceAll("[^A-Z0-9]", "X");
        String email = "guichet-" + s.toLowerCase() + "@alpha.test";
        var realms = StackLauncher.stack().realmProvisioner();
        realms.createUser(CommuneRules.realmName("alpha"), email, "Claude", "Guichet", StackLauncher.PASSWORD_AGENT, "agent");
        realms.createUser(CommuneRules.realmName("alpha"), email, "Claude", "Guichet", StackLauncher.PASSWORD_AGENT, "regisseur");
        long family;
        long older;
        try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement()) {
            st.execute("set search_path to commune_alpha");
            try (var rs = st.executeQuery("with r as (insert into regie (code, label, invoice_prefix) values ('" + code
                    + "', 'Régie guichet " + s + "', '" + prefix + "') returning id),"
                    + " f as (insert into family (label, status) values ('Famille Guichet " + s + "', 'VALIDATED') returning id),"
                    + " i1 as (insert into invoice (regie_id, family_id, kind, sequence, number, period_start, period_end, due_date,"
                    + " total_cents, issued_by, issued_at) select r.id, f.id, 'INVOICE', 1, '" + prefix + "-1', date '2026-09-01',"
                    + " date '2026-09-30', date '2026-10-31', 2000, 'walk', now() - interval '60 days' from r, f returning id, family_id),"
                    + " i2 as (insert into invoice (regie_id, family_id, kind, sequence, number, period_start, period_end, due_date,"
                    + " total_cents, issued_by, issued_at) select r.id, f.id, 'INVOICE', 2, '" + prefix + "-2', date '2026-10-01',"
                    + " date '2026-10-31', date '2026-11-30', 1550, 'walk', now() - interval '30 days' from r, f returning id),"
                    + " l as (insert into invoice_line (invoice_id, position, child_name, activity_code, unit_code, quantity,"
                    + " unit_price_cents, amount_cents, label) select id, 1, 'Léo Guichet', 'CANTINE', 'MIDI', 4, 500, 2000,"
                    + " 'Cantine midi septembre' from i1)"
                    + " select i1.family_id, i1.id from i1, i2")) {
                rs.next();
                family = rs.getLong(1);
                older = rs.getLong(2);
            }
        }
        String page = QueueWalk.BASE + "/agent/paiements.xhtml?famille=" + family + "&regie=" + code;
        try (Browser b = new Browser()) {
            PlatformWebIT.recordCspViolations(b);
            b.get(page);
            b.signIn(email, StackLauncher.PASSWORD_AGENT);
            try {
                b.awaitUrlStartingWith(QueueWalk.BASE + "/agent/paiements.xhtml");
            } catch (AssertionError slowKeycloak) {
                b.get(page);
                if (!b.driver.findElements(By.id("username")).isEmpty()) {
                    b.signIn(email, StackLauncher.PASSWORD_AGENT);
                }
                b.awaitUrlStartingWith(QueueWalk.BASE + "/agent/paiements.xhtml");
            }
            BillingWalk.waitForText(b, By.id("allocation"), prefix + "-1");
            assertEquals("", b.accessibilityViolations(), "axe-core, paiements");
            Browser.type(b, "pay:amount", "30,00");
            b.await(By.id("pay:spread")).click();
            BillingWalk.waitForValue(b, By.id("pay:alloc:0:amount"), "20,00");
            assertEquals("10,00", b.driver.findElement(By.id("pay:alloc:1:amount")).getAttribute("value"), b::snapshot);
            Browser.screenshot(b, "paiements-repartition");
            b.await(By.id("pay:save")).click();
            BillingWalk.waitForText(b, By.id("summary"), "reçu " + prefix + "-R-1");
            BillingWalk.waitForText(b, By.id("list:payments"), prefix + "-R-1");
            // what it paid of each invoice, in the page's words for amounts
            String listed = b.driver.findElement(By.id("list:payments")).getText().replace('\u00a0', ' ').replace('\u202f', ' ');
            assertTrue(listed.contains(prefix + "-1 (20,00 €), " + prefix + "-2 (10,00 €)"), listed);
            String receipt = b.driver.findElement(By.id("last-receipt-link")).getAttribute("href");
            assertTrue(receipt.contains("/agent/recu?id="), b::snapshot);
            // the receipt link gives the PDF to the signed-in régisseur
            Object answer = b.driver.executeAsyncScript("var done = arguments[arguments.length - 1]; fetch(arguments[0])"
                    + ".then(function (r) { done(r.status + ' ' + r.headers.get('content-type')); })"
                    + ".catch(function (e) { done(String(e)); });", receipt);
            assertTrue(String.valueOf(answer).startsWith("200 application/pdf"), answer + " " + b.snapshot());
            assertEquals("", b.accessibilityViolations(), "axe-core, paiement enregistré");
            Browser.screenshot(b, "paiements-enregistre");
            // a cheque without its number: refused next to the field
            Browser.type(b, "pay:amount", "5,50");
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("pay:mode"))).selectByValue("CHEQUE");
            b.await(By.id("pay:save")).click();
            BillingWalk.waitForText(b, By.id("pay:chequeNumber_msg"), "numéro du chèque");
            assertEquals("", b.accessibilityViolations(), "axe-core, chèque refusé");
            // 2,00 € in cash saved without "Répartir": spread oldest first on what is open, not kept as the family's credit
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("pay:mode"))).selectByValue("ESPECES");
            Browser.type(b, "pay:amount", "2,00");
            b.await(By.id("pay:save")).click();
            BillingWalk.waitForText(b, By.id("summary"), "reçu " + prefix + "-R-2");
            try (var c = StackLauncher.stack().platformDb().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("select i.total_cents - coalesce((select sum(a.amount_cents) from"
                         + " commune_alpha.payment_allocation a join commune_alpha.payment p on p.id = a.payment_id"
                         + " where a.invoice_id = i.id and p.cancelled_at is null), 0) from commune_alpha.invoice i"
                         + " where i.number = '" + prefix + "-2'")) {
                rs.next();
                assertEquals(350L, rs.getLong(1), "5,50 € left less the 2,00 € " + b.snapshot());
            }
            // the list of a period that ends before it starts: said next to "Au", not an empty list
            b.driver.executeScript("document.getElementById('list:from').value = '2026-12-31';"
                    + " document.getElementById('list:to').value = '2026-01-01';");
            b.await(By.id("list:show")).click();
            BillingWalk.waitForText(b, By.id("list:to_msg"), "avant son début");
            // the invoice page: paid in full by the receipt
            b.get(QueueWalk.BASE + "/agent/facture.xhtml?id=" + older);
            BillingWalk.waitForText(b, By.id("state"), "Payée");
            assertTrue(b.driver.findElement(By.id("settlings")).getText().contains(prefix + "-R-1"), b::snapshot);
            assertEquals("", b.accessibilityViolations(), "axe-core, facture");
            Browser.screenshot(b, "facture-agent");
            // the unpaid list: the second invoice, 5,50 € left
            b.get(QueueWalk.BASE + "/agent/impayes.xhtml");
            b.await(By.id("unpaid:list"));
            assertEquals("", b.accessibilityViolations(), "axe-core, impayés");
            Browser.screenshot(b, "impayes");
        }
    }
}
