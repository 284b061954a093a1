package fr.portailfamille.it;

import static fr.portailfamille.it.support.BillingKit.AGENT;
import static fr.portailfamille.it.support.BillingKit.REGISSEUR;
import static fr.portailfamille.it.support.BillingKit.REGISSEUR_BETA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.billing.ChildcareTaxCertificate;
import fr.portailfamille.booking.AbsenceReason;
import fr.portailfamille.booking.BookingDecision;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.platform.billing.DraftInvoices;
import fr.portailfamille.platform.billing.documents.BillingDocuments;
import fr.portailfamille.platform.billing.wallet.WalletWarnings;
import fr.portailfamille.platform.billing.wallet.Wallets;
import fr.portailfamille.platform.booking.AbsenceService;
import fr.portailfamille.platform.booking.ExpiredRequests;
import fr.portailfamille.platform.booking.PlannedChange;
import fr.portailfamille.platform.booking.PlanningService;
import fr.portailfamille.platform.configuration.ConfigurationService;
import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.platform.family.FamilyDesk;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.kernel.FormTokens;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.payment.OnlinePayments;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The porte-monnaie inside Payara Micro: a régie paid in advance (3,50 € a day, floor 0), a family that activates
 * it, tops it up at the counter (régisseur only, this commune only) and by card through the PayFiP simulator;
 * bookings debit it when confirmed and are refused once the balance would go below the floor; a free cancellation
 * credits it back, an unexcused absence stays debited; eight phones booking at once never overdraw it; the
 * invoicing run leaves the days it paid out.
 */
@ExtendWith(ArquillianExtension.class)
class WalletIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    Wallets wallets;

    @Inject
    PlanningService planning;

    @Inject
    AbsenceService absences;

    @Inject
    OnlinePayments online;

    @Inject
    fr.portailfamille.platform.payment.OnlinePaymentDesk onlineDesk;

    @Inject
    fr.portailfamille.platform.billing.payment.PaymentDesk paymentDesk;

    @Inject
    DraftInvoices drafts;

    @Inject
    fr.portailfamille.platform.billing.FamilyPricing pricing;

    @Inject
    fr.portailfamille.platform.booking.AttendanceService attendance;

    @Inject
    FamilyFileService files;

    @Inject
    FamilyDesk familyDesk;

    @Inject
    WalletWarnings warnings;

    @Inject
    ConfigurationService configuration;

    @Inject
    ExpiredRequests expired;

    @Inject
    fr.portailfamille.platform.booking.CertificateQueue certificates;

    @Inject
    BillingKit kit;

    @Inject
    fr.portailfamille.platform.billing.export.RegieExports exports;

    @Inject
    BillingDocuments documents;

    @Resource
    ManagedExecutorService pool;

    <T> T alpha(Callable<T> work) throws Exception {
        return TenantContext.call(kit.alpha(), work);
    }

    /** A porte-monnaie régie of one activity (unit MIDI, 3,50 € for every bracket), a validated family registered to it. */
    record Fixture(SignedInUser parent, long family, long child, String regie, long unit, long freeUnit) {
    }

    Fixture fixture() throws Exception {
        String s = BillingKit.random(6);
        String regie = "PM" + s;
        SignedInUser parent = FamilyFileIT.parent("alpha", "pm-" + s.toLowerCase() + "@alpha.test", true);
        alpha(() -> files.submit(parent, FamilyFileIT.complete(files.formOf(parent), parent.email())));
        long family = alpha(() -> files.fileOf(parent)).getId();
        alpha(() -> {
            familyDesk.validate(FamilyFileIT.AGENT, family);
            return null;
        });
        long child = alpha(() -> files.formOf(parent)).getChildren().get(0).getId();
        long[] units = alpha(() -> kit.inTransaction(() -> {
            long r = kit.id("insert into regie (code, label, invoice_prefix, payfip_numcli, collection, wallet_floor_cents)"
                    + " values (?1, ?2, ?3, '123456', 'WALLET', 0) returning id", regie, "Régie tirelire " + s,
                    BillingKit.prefix("W"));
            long[] ids = new long[2];
            // J-90: a day five weeks ahead is no longer cancellable for free (an absence is an absence); J-2: it is
            String[] deadlines = {"J-90@23:59", "J-2@23:59"};
            for (int i = 0; i < 2; i++) {
                String code = "PM" + i + s;
                long a = kit.id("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                        + " values (?1, 'Cantine tirelire', 'RESTAURATION', 'J-2@23:59', ?2, 'REFUSED') returning id",
                        code, deadlines[i]);
                ids[i] = kit.id("insert into activity_unit (activity_id, code, label, capacity) values (?1, 'MIDI', 'Midi', 50)"
                        + " returning id", a);
                kit.update("insert into regie_activity (activity_id, regie_id) values (?1, ?2)", a, r);
                long t = kit.id("insert into tariff (activity_id, valid_from, mode, maximum_cents) values (?1, date '2026-09-01',"
                        + " 'BRACKETS', 350) returning id", a);
                kit.update("insert into tariff_price (tariff_id, bracket_id, price_cents) select ?1, b.id, 350 from qf_bracket b", t);
                kit.update("insert into registration (child_id, activity_id, status, cgu_accepted_at) values (?1, ?2,"
                        + " 'VALIDATED', now())", child, a);
            }
            return ids;
        }));
        return new Fixture(parent, family, child, regie, units[0], units[1]);
    }

    static LocalDate schoolDay(int n) {
        LocalDate d = TestDays.today().plusWeeks(5).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        List<LocalDate> days = new ArrayList<>();
        while (days.size() <= n) {
            if (d.getDayOfWeek().getValue() <= 5 && !fr.portailfamille.booking.FrenchPublicHolidays.datesOf(d.getYear()).contains(d)) {
                days.add(d);
            }
            d = d.plusDays(1);
        }
        return days.get(n);
    }

    long balance(Fixture f) throws Exception {
        return alpha(() -> wallets.of(f.parent(), null)).stream().filter(w -> w.getRegieCode().equals(f.regie())).findFirst()
                .orElseThrow().getBalanceCents();
    }

    long count(String sql, Object... params) throws Exception {
        return alpha(() -> kit.id(sql, params));
    }

    BookingDecision book(Fixture f, long unit, int n) throws Exception {
        return alpha(() -> planning.book(f.parent(), f.child(), unit, schoolDay(n)));
    }

    /**
     * A cheque the bank rejected after its top-up paid a booking: the régisseur takes the money back with its reason
     * (the top-up stays recorded, the withdrawal beside it), the balance going below zero; the family reads why in either
     * language; audited, and in the régie's money of the period; sent twice, taken once.
     */
    /**
     * One confirmation that cancels a paid day and books an earlier one (a Friday swapped for a Tuesday), the balance at
     * zero: the Tuesday, refused at first for the balance, is booked with the money the Friday's cancellation gave back.
     */
    @Test
    void aDaySwappedForAnEarlierOneInOneConfirmationIsPaidByTheCancellation() throws Exception {
        Fixture f = fixture();
        alpha(() -> wallets.activate(f.parent(), f.regie()));
        alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "ESPECES", 350L));
        assertEquals(BookingDecision.Outcome.ACCEPTED, book(f, f.freeUnit(), 4).outcome());
        assertEquals(0, balance(f));
        long friday = count("select id from booking where child_id = ?1 and unit_id = ?2 and day = ?3", f.child(), f.freeUnit(),
                schoolDay(4));
        Map<PlanningService.ChildChange, fr.portailfamille.platform.booking.ChangeOutcome> out = alpha(() ->
                planning.applyFamilySelection(f.parent(), List.of(
                        new PlanningService.ChildChange(f.child(), new PlannedChange(f.freeUnit(), schoolDay(4), friday, "Midi")),
                        new PlanningService.ChildChange(f.child(), new PlannedChange(f.freeUnit(), schoolDay(1), null, "Midi")))));
        assertTrue(out.values().stream().allMatch(fr.portailfamille.platform.booking.ChangeOutcome::isDone),
                out.values().stream().map(fr.portailfamille.platform.booking.ChangeOutcome::getMessage).toList().toString());
        assertEquals(0, balance(f), "the Friday given back, the Tuesday paid");
        assertEquals(1L, count("select count(*) from booking where child_id = ?1 and unit_id = ?2 and day = ?3 and status"
                + " = 'BOOKED'", f.child(), f.freeUnit(), schoolDay(1)));
    }

    @Test
    void aRejectedChequeIsTakenBackByTheRegisseurWithItsReason() throws Exception {
        Fixture f = fixture();
        long cameIn = alpha(() -> paymentDesk.walletMoney(AGENT, TestDays.today(), TestDays.today()));
        alpha(() -> wallets.activate(f.parent(), f.regie()));
        alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "CHEQUE", 2000L));
        // the Paiements page's total counts the porte-monnaie's money, as its export lists it
        assertEquals(cameIn + 2000, (long) alpha(() -> paymentDesk.walletMoney(AGENT, TestDays.today(), TestDays.today())));
        assertEquals(BookingDecision.Outcome.ACCEPTED, book(f, f.unit(), 0).outcome());
        assertEquals(1650, balance(f));
        // a régisseur of this commune only, with an amount and a reason
        assertEquals(StaffRoles.REGISSEUR_ONLY, assertThrows(SecurityException.class, () -> alpha(() -> wallets.withdrawAtCounter(
                AGENT, f.family(), f.regie(), null, 2000L, "Chèque rejeté", FormTokens.next()))).getMessage());
        assertEquals(StaffRoles.OTHER_COMMUNE, assertThrows(SecurityException.class, () -> alpha(() -> wallets.withdrawAtCounter(
                REGISSEUR_BETA, f.family(), f.regie(), null, 2000L, "Chèque rejeté", FormTokens.next()))).getMessage());
        assertEquals("withdrawReason", assertThrows(Refused.class, () -> alpha(() -> wallets.withdrawAtCounter(
                REGISSEUR, f.family(), f.regie(), null, 2000L, "  ", FormTokens.next()))).field());
        assertEquals("withdrawAmount", assertThrows(Refused.class, () -> alpha(() -> wallets.withdrawAtCounter(
                REGISSEUR, f.family(), f.regie(), null, 0L, "Chèque rejeté", FormTokens.next()))).field());
        assertEquals("withdrawMode", assertThrows(Refused.class, () -> alpha(() -> wallets.withdrawAtCounter(
                REGISSEUR, f.family(), f.regie(), "CARTE_EN_LIGNE", 500L, "Remboursement", FormTokens.next()))).field());
        // « 5000 » typed for « 50 », and more given back than the balance: refused beside the amount
        assertTrue(assertThrows(Refused.class, () -> alpha(() -> wallets.withdrawAtCounter(REGISSEUR, f.family(), f.regie(),
                null, 500_000L, "Erreur de saisie", FormTokens.next()))).getMessage().contains("1 000,00"));
        Refused overBalance = assertThrows(Refused.class, () -> alpha(() -> wallets.withdrawAtCounter(REGISSEUR, f.family(),
                f.regie(), "ESPECES", 1651L, "Départ de la commune", FormTokens.next())));
        assertEquals("withdrawAmount", overBalance.field());
        assertTrue(overBalance.getMessage().contains("16,50"), overBalance.getMessage());
        assertEquals(1650, balance(f), "nothing taken by a refused withdrawal");

        String token = FormTokens.next();
        assertEquals(-350L, (long) alpha(() -> wallets.withdrawAtCounter(REGISSEUR, f.family(), f.regie(), null, 2000L,
                "Chèque rejeté par la banque", token)));
        Refused twice = assertThrows(Refused.class, () -> alpha(() -> wallets.withdrawAtCounter(REGISSEUR, f.family(),
                f.regie(), null, 2000L, "Chèque rejeté par la banque", token)));
        assertTrue(FormTokens.alreadySent(twice), twice.getMessage());
        assertEquals(-350, balance(f), "taken once");
        assertEquals(cameIn, (long) alpha(() -> paymentDesk.walletMoney(AGENT, TestDays.today(), TestDays.today())),
                "the cheque taken back: nothing came in");
        Wallets.Movement last = alpha(() -> wallets.of(f.parent(), null)).stream().filter(w -> w.getRegieCode().equals(f.regie()))
                .findFirst().orElseThrow().movements().get(0);
        assertEquals("Retrait au guichet : Chèque rejeté par la banque", last.label());
        assertEquals("Withdrawal at the counter: Chèque rejeté par la banque", last.words().in(java.util.Locale.ENGLISH));
        assertEquals(-2000L, last.amountCents());
        assertEquals(1L, count("select count(*) from billing_audit where action = 'WALLET_WITHDRAWAL' and family_id = ?1",
                f.family()));
        List<Object[]> money = alpha(() -> exports.table(REGISSEUR, fr.portailfamille.platform.billing.export.RegieExports.Dataset
                .PAIEMENTS, f.regie(), TestDays.today().minusDays(1), TestDays.today().plusDays(1))).rows();
        assertTrue(money.stream().anyMatch(r -> "Retrait porte-monnaie".equals(r[r.length - 1])
                && r[7] != null && r[7].toString().contains("-20")), money.stream().map(java.util.Arrays::toString).toList().toString());
        // below its floor with its days paid ahead: the low-balance pass tells the family it owes the régie
        alpha(() -> warnings.warn(TestDays.today()));
        String mail = Mails.await(f.parent().email(), m -> m.contains("sous le minimum que la régie permet (0,00"));
        assertTrue(mail.contains("3,50") && mail.contains("un versement repris"), mail);
    }

    /** A porte-monnaie is offered for the activities a child is registered to: not for a refused or withdrawn one. */
    @Test
    void aRefusedOrWithdrawnRegistrationOffersNoPorteMonnaie() throws Exception {
        Fixture f = fixture();
        assertTrue(alpha(() -> wallets.of(f.parent(), null)).stream().anyMatch(w -> w.getRegieCode().equals(f.regie())));
        alpha(() -> kit.update("update registration set status = 'REFUSED' where child_id = ?1", f.child()));
        assertTrue(alpha(() -> wallets.of(f.parent(), null)).stream().noneMatch(w -> w.getRegieCode().equals(f.regie())),
                "refused");
        alpha(() -> kit.update("update registration set status = 'WITHDRAWN' where child_id = ?1", f.child()));
        assertTrue(alpha(() -> wallets.of(f.parent(), null)).stream().noneMatch(w -> w.getRegieCode().equals(f.regie())),
                "withdrawn");
    }

    @Test
    void activatedToppedUpAtTheCounterBookingsDebitItUntilTheFloorRefusesThem() throws Exception {
        Fixture f = fixture();
        BookingDecision before = book(f, f.unit(), 0);
        assertEquals(BookingDecision.Outcome.REFUSED, before.outcome());
        assertTrue(before.message().contains("activez-le et alimentez-le"), before.message());
        // what Mon planning's summary tells before « Confirmer »: this porte-monnaie pays, not activated yet
        String activity = "PM0" + f.regie().substring(2);
        assertTrue(!alpha(() -> wallets.prepaidFor(f.parent(), activity)).orElseThrow().active());
        assertEquals(java.util.Optional.empty(), alpha(() -> wallets.prepaidFor(f.parent(), "X" + activity)),
                "an activity invoiced after the fact");

        alpha(() -> wallets.activate(f.parent(), f.regie()));
        // only a régisseur of this commune records money
        assertEquals(StaffRoles.REGISSEUR_ONLY, assertThrows(SecurityException.class,
                () -> alpha(() -> wallets.topUpAtCounter(AGENT, f.family(), f.regie(), "ESPECES", 1000L))).getMessage());
        assertEquals(StaffRoles.OTHER_COMMUNE, assertThrows(SecurityException.class,
                () -> alpha(() -> wallets.topUpAtCounter(REGISSEUR_BETA, f.family(), f.regie(), "ESPECES", 1000L))).getMessage());
        Refused amount = assertThrows(Refused.class,
                () -> alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "ESPECES", 50L)));
        assertEquals("amount", amount.field());
        assertEquals(1000, alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "ESPECES", 1000L)));
        // the money came in at the counter: the régie's Paiements export has it, beside the invoices' payments
        String payments = BillingExportsIT.csv(alpha(() -> exports.table(AGENT,
                fr.portailfamille.platform.billing.export.RegieExports.Dataset.PAIEMENTS, f.regie(), TestDays.today(),
                TestDays.today())));
        assertTrue(payments.contains(";Espèces;;;") && payments.contains(";10,00;0,00;Non;Versement porte-monnaie\r\n"),
                payments);

        assertEquals(1000L, alpha(() -> wallets.prepaidFor(f.parent(), activity)).orElseThrow().availableCents());
        assertEquals(BookingDecision.Outcome.ACCEPTED, book(f, f.unit(), 0).outcome());
        assertEquals(BookingDecision.Outcome.ACCEPTED, book(f, f.unit(), 1).outcome());
        assertEquals(300, balance(f));
        BookingDecision refused = book(f, f.unit(), 2);
        assertEquals(BookingDecision.Outcome.REFUSED, refused.outcome());
        assertTrue(refused.message().startsWith("Solde du porte-monnaie insuffisant : cette réservation coûte 3,50"),
                refused.message());
        assertTrue(refused.message().contains("Alimentez votre porte-monnaie"), refused.message());
        assertEquals(300, balance(f));
        assertEquals(2, count("select count(*) from booking where child_id = ?1", f.child()), "the refused one is not kept");
        assertEquals(2, count("select count(*) from wallet_booking w join booking b on b.id = w.booking_id where b.child_id = ?1"
                + " and w.debited and w.amount_cents = 350", f.child()));
        assertEquals(1, count("select count(*) from billing_audit where family_id = ?1 and action = 'WALLET_TOP_UP'", f.family()));
        Wallets.Summary s = alpha(() -> wallets.of(REGISSEUR, f.family())).stream()
                .filter(w -> w.getRegieCode().equals(f.regie())).findFirst().orElseThrow();
        assertEquals(3, s.getMovements().size());
        assertEquals(300, s.getMovements().get(0).balanceAfterCents());

        // the invoicing run does not bill what the porte-monnaie paid
        assertTrue(alpha(() -> kit.inTransaction(() -> drafts.drafts(f.regie(), schoolDay(0).withDayOfMonth(1),
                schoolDay(2).plusMonths(1)))).stream().noneMatch(d -> d.familyId() == f.family()));
    }

    /**
     * The régie's CAF summary counts the days its porte-monnaie paid (never invoiced) under the QF bracket each was
     * priced by, and leaves out a day given back.
     */
    @Test
    void theCafSummaryCountsTheDaysAPorteMonnaiePaidInTheirBracket() throws Exception {
        Fixture f = fixture();
        alpha(() -> kit.inTransaction(() -> kit.update("update family set quotient_familial = 600, qf_source = 'CAF',"
                + " qf_proof_date = ?2 where id = ?1", f.family(), TestDays.today())));
        alpha(() -> wallets.activate(f.parent(), f.regie()));
        alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "ESPECES", 2000L));
        book(f, f.unit(), 0);
        book(f, f.unit(), 1);
        book(f, f.freeUnit(), 2);
        long given = count("select min(b.id) from booking b where b.child_id = ?1 and b.unit_id = ?2", f.child(), f.freeUnit());
        alpha(() -> planning.cancel(f.parent(), given));
        String bracket = (String) alpha(() -> kit.inTransaction(() -> kit.list("select code from qf_bracket where qf_min <= 600"
                + " and (qf_max is null or qf_max >= 600)").stream().findFirst().orElse(null)));
        assertNotNull(bracket, "alpha's brackets cover a QF of 600");

        List<fr.portailfamille.platform.billing.export.CafSummary.Row> rows = alpha(() -> exports.cafSummary(AGENT, f.regie(),
                schoolDay(0).withDayOfMonth(1), schoolDay(2).plusMonths(1).withDayOfMonth(1).minusDays(1)));
        List<fr.portailfamille.platform.billing.export.CafSummary.Row> paid = rows.stream()
                .filter(r -> !r.isTotal() && r.getActivity() != null && r.getActivity().endsWith("(PM0" + f.regie().substring(2) + ")"))
                .toList();
        assertEquals(1, paid.size(), rows.toString());
        assertEquals(bracket, paid.get(0).bracketCode(), "the bracket the days were priced by");
        assertEquals(1, paid.get(0).getChildren());
        assertEquals(2, paid.get(0).getUnitDays());
        assertEquals(700, paid.get(0).getAmountCents());
        assertTrue(rows.stream().noneMatch(r -> !r.isTotal() && r.getActivity() != null
                && r.getActivity().endsWith("(PM1" + f.regie().substring(2) + ")")), "the day given back is not counted: " + rows);
        assertEquals(700, rows.get(rows.size() - 1).getAmountCents(), "grand total");
    }

    /**
     * The attestation fiscale counts the care days a porte-monnaie paid, when debited, less what it gave back (the
     * top-ups are money put aside); meals do not count, nor a child of 6 or more on 1 January.
     */
    /**
     * Two children registered to a porte-monnaie activity whose tariff reduces the 2nd child by 20 %: the younger is
     * debited the reduced price and the elder the full one whichever of them is booked first (the ranks are the
     * registrations', not the bookings' made so far), and the planning's estimate says so before "Confirmer".
     */
    @Test
    void theSiblingReductionDoesNotDependOnWhichChildIsBookedFirst() throws Exception {
        Fixture f = fixture();
        long younger = alpha(() -> kit.inTransaction(() -> {
            kit.update("update tariff set sibling_second_percent = 20 where activity_id = (select activity_id from activity_unit"
                    + " where id = ?1)", f.unit());
            long c = kit.id("insert into child (family_id, first_name, last_name, birth_date) values (?1, 'Cadette', 'Tirelire',"
                    + " ?2) returning id", f.family(), TestDays.today().minusYears(5));
            kit.update("insert into registration (child_id, activity_id, status, cgu_accepted_at) select ?1, activity_id,"
                    + " 'VALIDATED', now() from activity_unit where id = ?2", c, f.unit());
            return c;
        }));
        alpha(() -> wallets.activate(f.parent(), f.regie()));
        alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "ESPECES", 2000L));
        // the younger first, alone on the month's planning so far: already the 2nd child
        String code = alpha(() -> kit.one("select a.code from activity a join activity_unit u on u.activity_id = a.id"
                + " where u.id = ?1", f.unit())).toString();
        fr.portailfamille.platform.billing.SelectionEstimate estimate = alpha(() -> pricing.estimate(f.parent(), younger, code,
                List.of(new fr.portailfamille.platform.billing.SelectionEstimate.Item("k", code, "MIDI", schoolDay(0), false))));
        assertEquals(280L, estimate.line("k").priceCents(), estimate.toString());
        assertEquals(BookingDecision.Outcome.ACCEPTED,
                alpha(() -> planning.book(f.parent(), younger, f.unit(), schoolDay(0))).outcome());
        assertEquals(BookingDecision.Outcome.ACCEPTED, book(f, f.unit(), 0).outcome());
        assertEquals(280, count("select w.amount_cents from wallet_booking w join booking b on b.id = w.booking_id"
                + " where b.child_id = ?1", younger));
        assertEquals(350, count("select w.amount_cents from wallet_booking w join booking b on b.id = w.booking_id"
                + " where b.child_id = ?1", f.child()));
        assertEquals(2000 - 280 - 350, balance(f));
    }

    /**
     * A child the staff found present without a booking, on a porte-monnaie régie: the porte-monnaie pays the tariff's
     * penalty price at once, even below its floor (the child was there), and the family is told it owes the régie; the
     * invoicing run leaves the day out (it was never paid before: no run of a porte-monnaie régie billed it either).
     */
    @Test
    void aPresenceWithoutBookingIsPaidByThePorteMonnaieAtItsPenaltyPrice() throws Exception {
        Fixture f = fixture();
        alpha(() -> kit.inTransaction(() -> kit.update("update tariff set unbooked_presence_cents = 549 where activity_id ="
                + " (select activity_id from activity_unit where id = ?1)", f.unit())));
        alpha(() -> wallets.activate(f.parent(), f.regie()));
        alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "ESPECES", 500L));
        // the canteen runs every day, in the holidays too: a presence is recorded on a day the unit runs (not a public holiday)
        alpha(() -> kit.inTransaction(() -> kit.update("update activity_unit set weekdays = '1,2,3,4,5,6,7' where id = ?1",
                f.unit())));
        alpha(() -> kit.inTransaction(() -> kit.update("update activity set runs_in_holidays = true where id ="
                + " (select activity_id from activity_unit where id = ?1)", f.unit())));
        LocalDate today = TestDays.holiday(TestDays.today()) ? TestDays.today().minusDays(1) : TestDays.today();
        fr.portailfamille.platform.booking.Booking present = alpha(() -> attendance.markPresentWithoutBooking(AGENT, f.unit(),
                today, f.child()));
        assertEquals(-49, balance(f), "5,49 € taken from 5,00 €: below the floor, the child was there");
        assertEquals(549, count("select amount_cents from wallet_booking where booking_id = ?1 and debited", present.getId()));
        Wallets.Movement debit = alpha(() -> wallets.of(f.parent(), null)).stream()
                .filter(w -> w.getRegieCode().equals(f.regie())).findFirst().orElseThrow().getMovements().get(0);
        assertTrue(debit.label().endsWith("(présence sans réservation)"), debit.label());
        assertTrue(alpha(() -> kit.inTransaction(() -> drafts.drafts(f.regie(), today.withDayOfMonth(1),
                today.withDayOfMonth(1).plusMonths(1).minusDays(1)))).stream().noneMatch(d -> d.familyId() == f.family()),
                "paid: not invoiced");
        alpha(() -> warnings.warn(today));
        Mails.await(f.parent().email(), m -> m.contains("sous le minimum que la régie permet"));
        // recorded by mistake (the wrong child), removed: the penalty given back
        alpha(() -> {
            attendance.removeUnbookedPresence(AGENT, present.getId());
            return null;
        });
        assertEquals(500, balance(f), "refunded");
    }

    /**
     * The relevé de compte gives a porte-monnaie's school year whole: its balance on 1 September (the year before's
     * movements), every movement of the year (the porte-monnaie's page stops at the last 50), its balance on 31 August;
     * the same in its PDF; the year before offered; another family's by its number refused.
     */
    @Test
    void theReleveGivesThePorteMonnaiesSchoolYearWithEveryMovement() throws Exception {
        Fixture f = fixture();
        alpha(() -> wallets.activate(f.parent(), f.regie()));
        alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "CHEQUE", 2000L));
        int year = fr.portailfamille.billing.Statement.schoolYearStart(TestDays.today()).getYear();
        // that cheque given in the previous school year, then 54 small top-ups this year
        alpha(() -> kit.inTransaction(() -> {
            kit.update("update wallet_movement set created_at = ?2 where wallet_id = (select id from wallet where family_id = ?1)",
                    f.family(), java.time.OffsetDateTime.of(year - 1, 10, 1, 10, 0, 0, 0, java.time.ZoneOffset.ofHours(2)));
            kit.update("insert into wallet_movement (wallet_id, kind, amount_cents, balance_after_cents, mode, label, created_by)"
                    + " select w.id, 'TOP_UP_COUNTER', 1, 2000 + g, 'ESPECES', 'Versement ' || g, 'test' from wallet w,"
                    + " generate_series(1, 54) g where w.family_id = ?1", f.family());
            kit.update("update wallet set balance_cents = 2054 where family_id = ?1", f.family());
            return null;
        }));
        Wallets.Summary page = alpha(() -> wallets.of(f.parent(), null)).stream()
                .filter(w -> w.getRegieCode().equals(f.regie())).findFirst().orElseThrow();
        assertEquals(Wallets.LAST_MOVEMENTS, page.getMovements().size());
        assertTrue(page.isCapped());
        Wallets.Year now = alpha(() -> wallets.year(f.parent(), null, year)).get(0);
        assertEquals(2000, now.openingCents());
        assertEquals(54, now.movements().size(), "every movement of the year");
        assertEquals("Versement 1", now.movements().get(0).label(), "oldest first");
        assertEquals(2054, now.closingCents());
        Wallets.Year before = alpha(() -> wallets.year(f.parent(), null, year - 1)).get(0);
        assertEquals(List.of(0L, 2000L), List.of(before.openingCents(), before.closingCents()));
        assertEquals(1, before.movements().size());
        assertTrue(alpha(() -> documents.statementYears(f.parent(), null, TestDays.today())).contains(year - 1));
        String pdf = BillingKit.pdfText(alpha(() -> documents.statementPdf(f.parent(), null, year)).content());
        assertTrue(pdf.contains("Porte-monnaie « Régie tirelire"), pdf);
        assertTrue(pdf.contains("Versement 1 ") && pdf.contains("Versement 54 "), pdf);
        assertTrue(pdf.substring(pdf.indexOf("Porte-monnaie")).contains("Solde au 31/08/" + (year + 1) + " "
                + fr.portailfamille.billing.Money.format(2054)), pdf);
        // another family's porte-monnaie, by its number
        Fixture neighbour = fixture();
        assertThrows(SecurityException.class, () -> alpha(() -> wallets.year(neighbour.parent(), f.family(), year)));
        assertEquals(List.of(), alpha(() -> wallets.year(neighbour.parent(), null, year)));
    }

    @Test
    void theAttestationFiscaleCountsTheCareDaysAPorteMonnaiePaid() throws Exception {
        Fixture f = fixture();
        alpha(() -> wallets.activate(f.parent(), f.regie()));
        alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "CHEQUE", 2000L));
        book(f, f.freeUnit(), 0);
        book(f, f.freeUnit(), 1);
        book(f, f.unit(), 2);
        long free = count("select min(b.id) from booking b where b.child_id = ?1 and b.unit_id = ?2", f.child(), f.freeUnit());
        alpha(() -> planning.cancel(f.parent(), free));
        int year = TestDays.today().getYear();
        // the fixture's activities are meals: nothing to certify
        assertEquals(List.of(), alpha(() -> documents.fiscalAmounts(f.parent(), null, year)));
        assertTrue(!alpha(() -> documents.fiscalYears(f.parent(), null)).contains(year), "no empty attestation offered");
        // the same days as garderie, for a child of 4: two days debited, one given back — 3,50 € certified; the
        // other activity's day stays a meal
        alpha(() -> kit.inTransaction(() -> {
            kit.update("update activity set type = 'PERISCOLAIRE' where id = (select activity_id from activity_unit"
                    + " where id = ?1)", f.freeUnit());
            kit.update("update child set birth_date = ?2 where id = ?1", f.child(), TestDays.today().minusYears(4));
            return null;
        }));
        List<ChildcareTaxCertificate.Amount> fiscal = alpha(() -> documents.fiscalAmounts(f.parent(), null, year));
        assertEquals(1, fiscal.size(), fiscal.toString());
        assertEquals(350L, fiscal.get(0).cents());
        assertEquals(f.regie(), fiscal.get(0).regie());
        assertTrue(alpha(() -> documents.fiscalYears(f.parent(), null)).contains(year));
        // 2,00 € put on it in CESU this year (the employer's aid, left out as for invoices): 1,50 € certified
        alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "CESU", 200L));
        assertEquals(150L, alpha(() -> documents.fiscalAmounts(f.parent(), null, year)).get(0).cents());
    }

    @Test
    void aFreeCancellationCreditsItBackAnUnexcusedAbsenceStaysDebited() throws Exception {
        Fixture f = fixture();
        alpha(() -> wallets.activate(f.parent(), f.regie()));
        alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "CHEQUE", 2000L));
        book(f, f.freeUnit(), 0);
        book(f, f.unit(), 1);
        assertEquals(1300, balance(f));
        long free = count("select b.id from booking b where b.child_id = ?1 and b.unit_id = ?2", f.child(), f.freeUnit());
        long late = count("select b.id from booking b where b.child_id = ?1 and b.unit_id = ?2", f.child(), f.unit());

        alpha(() -> planning.cancel(f.parent(), free));
        assertEquals(1650, balance(f), "cancelled within the free delay: credited back");
        assertEquals(1, count("select count(*) from wallet_movement where booking_id = ?1 and kind = 'REFUND'"
                + " and amount_cents = 350", free));
        // each movement in both languages: the French as recorded, the English from what it records
        List<Wallets.Movement> moves = alpha(() -> wallets.of(f.parent(), null)).stream()
                .filter(w -> w.getRegieCode().equals(f.regie())).findFirst().orElseThrow().getMovements();
        String firstName = alpha(() -> files.formOf(f.parent())).getChildren().get(0).getFirstName();
        Wallets.Movement refund = moves.get(0);
        assertEquals("REFUND", refund.kind());
        assertTrue(refund.words().french().startsWith("Remboursement : " + firstName), refund.words().french());
        assertTrue(refund.words().english().startsWith("Refund: " + firstName + ", Cantine tirelire Midi on "),
                refund.words().english());
        Wallets.Movement debit = moves.get(1);
        assertTrue(debit.words().english().startsWith(firstName + ", Cantine tirelire Midi on "), debit.words().english());
        Wallets.Movement topUp = moves.get(moves.size() - 1);
        assertEquals("Versement au guichet (Chèque)", topUp.words().french());
        assertEquals("Counter top-up (" + fr.portailfamille.platform.billing.PaymentModes.text("CHEQUE")
                .in(java.util.Locale.ENGLISH) + ")", topUp.words().english());

        alpha(() -> absences.declareAbsence(f.parent(), late, AbsenceReason.AUTRE, null, null, null, null));
        assertEquals(BookingStatus.ABSENT_BILLED.name(), alpha(() -> kit.one("select status from booking where id = ?1", late)));
        assertEquals(1650, balance(f), "an unexcused absence stays debited");
        assertEquals(0, count("select count(*) from wallet_movement where booking_id = ?1 and kind = 'REFUND'", late));
    }

    /**
     * A closure the commune adds after families booked (a strike): the day's bookings are cancelled free in the
     * closure's transaction, the porte-monnaie credited back, the seats counted again, the family mailed once; nothing
     * of the day is left to bill.
     */
    @Test
    void aDayTheCommuneClosesAfterBookingsIsCancelledFreeAndCreditedBack() throws Exception {
        Fixture f = fixture();
        alpha(() -> wallets.activate(f.parent(), f.regie()));
        alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "CHEQUE", 2000L));
        LocalDate strike = schoolDay(6);
        assertEquals(BookingDecision.Outcome.ACCEPTED, book(f, f.unit(), 6).outcome());
        assertEquals(BookingDecision.Outcome.ACCEPTED, book(f, f.freeUnit(), 6).outcome());
        assertEquals(BookingDecision.Outcome.ACCEPTED, book(f, f.unit(), 7).outcome());
        assertEquals(950, balance(f));
        // an illness declared on the day with a certificate, waiting for agent-sante's review
        long ill = count("select id from booking where child_id = ?1 and unit_id = ?2 and day = ?3", f.child(), f.unit(), strike);
        alpha(() -> absences.declareAbsence(f.parent(), ill, AbsenceReason.MALADIE, "fièvre",
                "%PDF-1.4\n% certificat\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "application/pdf",
                "certificat.pdf"));
        long certificate = count("select id from absence where booking_id = ?1", ill);
        assertEquals(BookingStatus.ABSENT_PENDING.name(), alpha(() -> kit.one("select status from booking where id = ?1", ill)));
        try {
            alpha(() -> {
                configuration.update(AGENT, conf -> {
                    List<CommuneConfiguration.Closure> closures = new ArrayList<>(conf.closures());
                    closures.add(new CommuneConfiguration.Closure(strike, "Grève"));
                    return conf.withCalendar(conf.periods(), closures);
                });
                return null;
            });
            assertEquals(2, count("select count(*) from booking where child_id = ?1 and day = ?2 and status = 'CANCELLED_FREE'",
                    f.child(), strike));
            assertEquals(BookingStatus.BOOKED.name(), alpha(() -> kit.one("select status from booking where child_id = ?1"
                    + " and day = ?2", f.child(), schoolDay(7))), "another day stays booked");
            assertEquals(1650, balance(f), "both days credited back");
            // why, kept with the booking (Mes demandes) and on the refund — not the family's own cancellation
            assertEquals(2, count("select count(*) from booking where child_id = ?1 and day = ?2 and refusal_reason ="
                    + " 'Accueil fermé : Grève' and decided_at is not null", f.child(), strike));
            assertTrue(alpha(() -> wallets.of(f.parent(), null)).stream().filter(w -> w.getRegieCode().equals(f.regie()))
                    .findFirst().orElseThrow().getMovements().get(0).label().endsWith("(Accueil fermé : Grève)"));
            // the certificate of the closed day no longer waits: out of agent-sante's queue, its review refused, the
            // day never billed again
            assertTrue(alpha(() -> certificates.page(FamilyFileIT.SANTE, 0, 1000, fr.portailfamille.platform.kernel.Sort.DEFAULT))
                    .stream().noneMatch(c -> c.absenceId() == certificate), "out of the queue");
            assertThrows(Refused.class, () -> alpha(() -> {
                absences.reviewCertificate(AGENT.email(), certificate, false, "Illisible");
                return null;
            }));
            assertEquals(BookingStatus.CANCELLED_FREE.name(), alpha(() -> kit.one("select status from booking where id = ?1", ill)));
            assertEquals(1650, balance(f), "not debited again");
            assertEquals(0, count("select coalesce(sum(booked), 0) from unit_day where unit_id in (?1, ?2) and day = ?3",
                    f.unit(), f.freeUnit(), strike));
            String mail = Mails.await(f.parent().email(), m -> m.contains("Accueil fermé"));
            assertTrue(mail.contains("Grève"), mail);
            assertTrue(alpha(() -> kit.inTransaction(() -> drafts.drafts(f.regie(), strike.withDayOfMonth(1),
                    strike.withDayOfMonth(1).plusMonths(1).minusDays(1)))).stream().noneMatch(d -> d.familyId() == f.family()));
        } finally {
            alpha(() -> {
                configuration.update(AGENT, conf -> conf.withCalendar(conf.periods(), conf.closures().stream()
                        .filter(c -> !c.day().equals(strike)).toList()));
                return null;
            });
        }
    }

    /**
     * A unit's weekday removed after families booked it (or holidays moved onto their days): those days no longer run,
     * so their bookings are cancelled free with the save, the porte-monnaie given back, the family told — they stayed
     * booked, hidden on Mon planning, and were billed as "réservation sans pointage".
     */
    @Test
    void aWeekdayNoLongerRunAfterItWasBookedIsUndoneAndGivenBack() throws Exception {
        Fixture f = fixture();
        alpha(() -> wallets.activate(f.parent(), f.regie()));
        alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "ESPECES", 2000L));
        LocalDate first = schoolDay(0);
        LocalDate other = java.util.stream.IntStream.range(1, 10).mapToObj(WalletIT::schoolDay)
                .filter(d -> d.getDayOfWeek() != first.getDayOfWeek()).findFirst().orElseThrow();
        int otherN = java.util.stream.IntStream.range(1, 10).filter(n -> schoolDay(n).equals(other)).findFirst().orElseThrow();
        assertEquals(BookingDecision.Outcome.ACCEPTED, book(f, f.unit(), 0).outcome());
        assertEquals(BookingDecision.Outcome.ACCEPTED, book(f, f.unit(), otherN).outcome());
        assertEquals(1300, balance(f));
        String code = "PM0" + f.regie().substring(2);
        int weekday = first.getDayOfWeek().getValue();
        alpha(() -> {
            configuration.update(AGENT, conf -> conf.withActivities(conf.activities().stream().map(a -> !a.code().equals(code) ? a
                    : new CommuneConfiguration.Activity(a.code(), a.name(), a.description(), a.type(), a.establishment(),
                            a.minAge(), a.maxAge(), a.levels(), a.runsInHolidays(), a.bookingDeadline(),
                            a.cancellationDeadline(), a.latePolicy(), a.needsValidation(), a.documents(),
                            a.units().stream().map(u -> new CommuneConfiguration.Unit(u.code(), u.label(), u.start(), u.end(),
                                    u.capacity(), u.weekdays().stream().filter(w -> w != weekday).toList())).toList()))
                    .toList()));
            return null;
        });
        assertEquals("CANCELLED_FREE", alpha(() -> kit.one("select status from booking where child_id = ?1 and unit_id = ?2"
                + " and day = ?3", f.child(), f.unit(), first)));
        assertEquals("BOOKED", alpha(() -> kit.one("select status from booking where child_id = ?1 and unit_id = ?2"
                + " and day = ?3", f.child(), f.unit(), other)), "a day that still runs stays booked");
        assertEquals(1650, balance(f), "the day given back");
        assertEquals(0, count("select coalesce(sum(booked), 0) from unit_day where unit_id = ?1 and day = ?2", f.unit(), first));
        String mail = Mails.await(f.parent().email(), m -> m.contains("ne fonctionne plus ce jour-là"));
        assertTrue(mail.contains("Accueil fermé") || mail.contains("annulées"), mail);
    }

    /**
     * A day on the waiting list held its price in the porte-monnaie; once the day went by with no seat freed, the
     * nightly close refuses it with its reason and gives the money back (it was kept for ever).
     */
    @Test
    void aWaitingDayThatWentByWithoutASeatIsClosedAndCreditedBack() throws Exception {
        Fixture f = fixture();
        alpha(() -> wallets.activate(f.parent(), f.regie()));
        alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "CHEQUE", 2000L));
        alpha(() -> kit.inTransaction(() -> {
            kit.update("update activity_unit set capacity = 0 where id = ?1", f.unit());
            return null;
        }));
        assertEquals(BookingDecision.Outcome.WAITING_LIST, book(f, f.unit(), 8).outcome());
        assertEquals(1650, balance(f), "held while it waits");
        long waiting = count("select b.id from booking b where b.child_id = ?1 and b.unit_id = ?2", f.child(), f.unit());
        // its day went by (moved into the past, as the calendar would)
        alpha(() -> kit.inTransaction(() -> {
            kit.update("update booking set day = ?2 where id = ?1", waiting, TestDays.today().minusDays(1));
            return null;
        }));
        assertTrue(alpha(() -> expired.close(TestDays.today())) >= 1);
        assertEquals(BookingStatus.REFUSED.name(), alpha(() -> kit.one("select status from booking where id = ?1", waiting)));
        assertEquals("Aucune place ne s'est libérée avant ce jour.",
                alpha(() -> kit.one("select refusal_reason from booking where id = ?1", waiting)));
        assertEquals(2000, balance(f), "given back");
        alpha(() -> expired.close(TestDays.today()));
        assertEquals(2000, balance(f), "once");
    }

    @Test
    void theSameCounterFormSentTwiceAtOnceIsCreditedOnce() throws Exception {
        Fixture f = fixture();
        alpha(() -> wallets.activate(f.parent(), f.regie()));
        // a double click: the same form's token twice at once; one is credited, the other told it already was
        String token = FormTokens.next();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return String.valueOf(alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "ESPECES",
                            1000L, token)));
                } catch (Refused e) {
                    return FormTokens.alreadySent(e) ? "ALREADY" : e.getMessage();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> r : results) {
            outcomes.add(r.get());
        }
        assertTrue(outcomes.containsAll(List.of("1000", "ALREADY")), outcomes.toString());
        assertEquals(1000, balance(f));
        // the page reloaded later: the same token again, refused in words; a new form's token is credited
        Refused again = assertThrows(Refused.class, () -> alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(),
                f.regie(), "ESPECES", 1000L, token)));
        assertEquals("Déjà enregistré : ce formulaire avait déjà été envoyé (double clic ou page rechargée) ; rien n'est"
                + " enregistré deux fois.", again.getMessage());
        assertEquals(1500, alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "ESPECES", 500L,
                FormTokens.next())));
        assertEquals(2, count("select count(*) from wallet_movement m join wallet w on w.id = m.wallet_id"
                + " where w.family_id = ?1 and m.kind = 'TOP_UP_COUNTER'", f.family()));
    }

    @Test
    void eightPhonesBookingAtOnceNeverOverdrawIt() throws Exception {
        Fixture f = fixture();
        alpha(() -> wallets.activate(f.parent(), f.regie()));
        alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "ESPECES", 1000L));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<BookingDecision>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                return alpha(() -> planning.book(f.parent(), f.child(), f.unit(), schoolDay(n)));
            }));
        }
        start.countDown();
        int accepted = 0;
        for (Future<BookingDecision> r : results) {
            BookingDecision d = r.get();
            if (d.outcome() == BookingDecision.Outcome.ACCEPTED) {
                accepted++;
            } else {
                assertTrue(d.message().startsWith("Solde du porte-monnaie insuffisant"), d.message());
            }
        }
        assertEquals(2, accepted, "10,00 € pay two days of 3,50 €");
        assertEquals(300, balance(f));
        assertEquals(2, count("select count(*) from booking where child_id = ?1", f.child()));
        assertEquals(300, count("select balance_after_cents from wallet_movement m join wallet w on w.id = m.wallet_id"
                + " where w.family_id = ?1 order by m.id desc limit 1", f.family()));
    }

    @Test
    void aCardTopUpThroughTheSimulatorIsCreditedOnceAndOthersAreRefused() throws Exception {
        Fixture f = fixture();
        assertThrows(Refused.class, () -> alpha(() -> online.startTopUp(f.parent(), f.regie(), 2000L, OnlinePaymentIT.PLATFORM)),
                "not activated yet");
        alpha(() -> wallets.activate(f.parent(), f.regie()));
        OnlinePayments.Started started = alpha(() -> online.startTopUp(f.parent(), f.regie(), 2000L, OnlinePaymentIT.PLATFORM));
        assertEquals(2000, started.amountCents());
        OnlinePaymentIT.decide(started, "payer", "REPEATED");
        alpha(() -> online.settle(started.operationId()));
        assertEquals("PAID", alpha(() -> kit.one("select state from online_payment where id_op = ?1", started.operationId())));
        assertEquals(2000, balance(f), "ten notifications and a settle: credited once");
        assertEquals(1, count("select count(*) from wallet_movement where id_op = ?1 and kind = 'TOP_UP_CARD'",
                started.operationId()));
        // the régisseurs' online payments list it too (it has no invoice: it was left out, anomalies included)
        var listed = alpha(() -> onlineDesk.payments(REGISSEUR, null)).stream()
                .filter(p -> started.operationId().equals(p.operationId())).findFirst().orElseThrow();
        assertTrue(listed.isTopUp());
        assertEquals(2000, listed.amountCents());
        assertEquals(BookingDecision.Outcome.ACCEPTED, book(f, f.unit(), 0).outcome());
        assertEquals(1650, balance(f));
        // a top-up refused by the bank: nothing credited, and the régie's journal names it for what it is (no invoice)
        OnlinePayments.Started refused = alpha(() -> online.startTopUp(f.parent(), f.regie(), 1000L, OnlinePaymentIT.PLATFORM));
        OnlinePaymentIT.decide(refused, "refuser", "BEFORE_REDIRECT");
        alpha(() -> online.settle(refused.operationId()));
        assertEquals(1650, balance(f));
        String journal = String.valueOf(alpha(() -> kit.one("select detail from billing_audit where actor like ?1 order by id"
                + " desc limit 1", "%" + refused.operationId() + "%")));
        assertTrue(journal.startsWith("Versement en ligne sur le porte-monnaie refusé") && !journal.contains("facture"), journal);

        // another family's porte-monnaie, by id; another commune's parent; a staff account paying online
        Fixture other = fixture();
        assertThrows(SecurityException.class, () -> alpha(() -> wallets.of(f.parent(), other.family())));
        SignedInUser beta = FamilyFileIT.parent("beta", "pm-beta-" + UUID.randomUUID().toString().substring(0, 6)
                + "@beta.test", true);
        assertThrows(RuntimeException.class, () -> alpha(() -> wallets.activate(beta, f.regie())));
        assertThrows(SecurityException.class, () -> alpha(() -> online.startTopUp(REGISSEUR, f.regie(), 2000L,
                OnlinePaymentIT.PLATFORM)));
        Refused notWallet = assertThrows(Refused.class, () -> alpha(() -> wallets.activate(f.parent(), "NOPE")));
        assertEquals("Cette régie ne propose pas de porte-monnaie.", notWallet.getMessage());
    }

    @Test
    void theLowBalanceMailIsSentOncePerCrossing() throws Exception {
        Fixture f = fixture();
        alpha(() -> wallets.activate(f.parent(), f.regie()));
        alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "ESPECES", 1000L));
        book(f, f.unit(), 0);
        book(f, f.unit(), 1);
        // 3,00 € left; two days in four weeks: 1,74 € a week. Today the family's days are paid five weeks ahead:
        // nothing more is needed in the next two weeks, no warning
        Wallets.Summary low = alpha(() -> wallets.of(f.parent(), null)).stream()
                .filter(w -> w.getRegieCode().equals(f.regie())).findFirst().orElseThrow();
        assertTrue(!low.isLow(), "paid ahead");
        assertTrue(low.getForecast().french().startsWith("À votre rythme de réservation, votre solde couvre les réservations"
                + " jusqu'au"), low.getForecast().french());
        assertTrue(low.getForecast().in(java.util.Locale.ENGLISH).startsWith("At your rhythm of bookings, your balance covers"),
                low.getForecast().in(java.util.Locale.ENGLISH));
        String warned = "select count(*) from wallet where family_id = ?1 and low_warned";
        alpha(() -> warnings.warn(TestDays.today()));
        assertEquals(0, count(warned, f.family()), "paid ahead: not warned");
        // on its last paid day, the next two weeks need 3,48 €: 3,00 € is low
        LocalDate lastPaid = schoolDay(1);
        alpha(() -> warnings.warn(lastPaid));
        assertEquals(1, count(warned, f.family()));
        String phrase = "ne couvre plus les deux prochaines semaines";
        String mail = Mails.await(f.parent().email(), m -> m.contains(phrase));
        assertTrue(mail.contains("Alimentez-le par carte bancaire en ligne"), mail);
        alpha(() -> warnings.warn(lastPaid));
        Thread.sleep(2000);
        assertEquals(1, Mails.of(f.parent().email()).split(phrase, -1).length - 1, "once per crossing, not every day");
        alpha(() -> wallets.topUpAtCounter(REGISSEUR, f.family(), f.regie(), "ESPECES", 5000L));
        alpha(() -> warnings.warn(lastPaid));
        assertEquals(0, count(warned, f.family()), "covered again: the next crossing warns again");

        // below its floor (a refunded day pointed present again, a top-up withdrawn), though its days are paid weeks
        // ahead: the page and Accueil say it is overdrawn, as the mail does, and forecast nothing
        alpha(() -> kit.inTransaction(() -> kit.update("update wallet set balance_cents = -400 where family_id = ?1",
                f.family())));
        Wallets.Summary overdrawn = alpha(() -> wallets.of(f.parent(), null)).stream()
                .filter(w -> w.getRegieCode().equals(f.regie())).findFirst().orElseThrow();
        assertTrue(overdrawn.isLow() && overdrawn.isOverdrawn());
        assertEquals(null, overdrawn.getForecast());
    }
}
