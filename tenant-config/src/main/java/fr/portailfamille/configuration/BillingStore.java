package fr.portailfamille.configuration;

import static fr.portailfamille.configuration.ConfigurationStore.batch;
import static fr.portailfamille.configuration.ConfigurationStore.query;
import static fr.portailfamille.configuration.ConfigurationStore.update;

import fr.portailfamille.billing.Adjustment;
import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.QfBracket;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.billing.SepaCreditor;
import fr.portailfamille.billing.Tariff;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Problems;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The billing part of {@link ConfigurationStore#importInto}, on V8's tables, in the caller's transaction
 * and after the activities are written: settings replaced; brackets and régies matched by code and
 * updated in place (a régie keeps its id and its invoice counters), those absent deleted; which régie
 * bills which activity, and the tariffs with their prices, replaced (nothing references a tariff: an
 * invoice line keeps its own price and label).
 */
final class BillingStore {

    private BillingStore() {
    }

    /**
     * The tables whose rows name a régie and keep it (every reference to {@code regie} but {@code regie_activity}'s,
     * which goes with it): invoices, payments, runs, credits, the régie's journal, online payments, porte-monnaie,
     * SEPA mandates and files.
     */
    static final List<String> REGIE_USERS = List.of("invoice", "payment", "billing_run", "account_credit", "billing_audit",
            "online_payment", "wallet", "sepa_mandate", "sepa_file");

    /** Adds an error for each régie the save would delete although a family's or the régie's own record names it. */
    static void refuseRemovalsInUse(Connection c, String s, BillingConfiguration billing, List<FieldError> errors)
            throws SQLException {
        String[] regies = billing.regies().stream().map(Regie::code).toArray(String[]::new);
        query(c, "select 1 from " + s + "regie where code <> all(?) for update", rs -> { }, (Object) regies);
        String used = REGIE_USERS.stream().map(t -> "exists (select 1 from " + s + t + " u where u.regie_id = r.id)")
                .collect(java.util.stream.Collectors.joining(" or "));
        query(c, "select r.label, r.code from " + s + "regie r where r.code <> all(?) and (" + used + ") order by r.code",
                rs -> errors.add(Problems.error("billing.regies", "configuration.inUse.regie", rs.getString(1),
                        rs.getString(2))),
                (Object) regies);
    }

    /**
     * Adds an error for each régie whose prefix already numbered another régie's invoices, credit notes or receipts
     * ({@code AL-36}, {@code AL-AV-3}, {@code AL-R-12}): its own counter starting again, two documents of the commune
     * would bear one number. A régie taking back a prefix it had itself goes on with its own counter.
     */
    static void refusePrefixesOfOthers(Connection c, String s, BillingConfiguration billing, List<FieldError> errors)
            throws SQLException {
        for (int i = 0; i < billing.regies().size(); i++) {
            Regie r = billing.regies().get(i);
            if (r.invoicePrefix() == null || r.code() == null) {
                continue;
            }
            String at = "billing.regies[" + i + "].invoicePrefix";
            String numbers = r.invoicePrefix() + "-%"; // a prefix is letters and digits only: nothing to escape
            query(c, "select o.label from " + s + "regie o where o.code <> ? and (exists (select 1 from " + s
                    + "invoice v where v.regie_id = o.id and v.number like ?) or exists (select 1 from " + s
                    + "payment p where p.regie_id = o.id and p.receipt_number like ?)) order by o.code limit 1",
                    rs -> errors.add(Problems.error(at, "configuration.billing.prefix.usedBefore", r.invoicePrefix(),
                            rs.getString(1))),
                    r.code(), numbers, numbers);
        }
    }

    /**
     * Adds an error for each régie the save would stop collecting by porte-monnaie while families' porte-monnaie of it
     * still hold money or owe it: their balances would vanish from every page (the families' and the counter's), with no
     * way left to spend, top up or settle them; or while days to come are paid ahead from them: cancelled or excused, such
     * a day would be refunded into a porte-monnaie nobody sees any more, and no invoice would ever bill it either.
     */
    static void refuseWalletsLeft(Connection c, String s, BillingConfiguration billing, List<FieldError> errors)
            throws SQLException {
        for (int i = 0; i < billing.regies().size(); i++) {
            Regie r = billing.regies().get(i);
            if (r.code() == null || r.collection() == Regie.Collection.WALLET) {
                continue;
            }
            String at = "billing.regies[" + i + "].collection";
            query(c, "select o.label, count(*) from " + s + "regie o join " + s + "wallet w on w.regie_id = o.id"
                    + " where o.code = ? and o.collection = 'WALLET' and w.balance_cents <> 0 group by o.label",
                    rs -> errors.add(Problems.error(at, "configuration.billing.wallet.balancesLeft", rs.getString(1),
                            rs.getLong(2))),
                    r.code());
            query(c, "select o.label, count(*) from " + s + "regie o join " + s + "wallet w on w.regie_id = o.id join " + s
                    + "wallet_booking wb on wb.wallet_id = w.id join " + s + "booking b on b.id = wb.booking_id"
                    + " where o.code = ? and o.collection = 'WALLET' and wb.debited and b.day >= current_date"
                    + " group by o.label",
                    rs -> errors.add(Problems.error(at, "configuration.billing.wallet.daysPaidAhead", rs.getString(1),
                            rs.getLong(2))),
                    r.code());
        }
    }

    /**
     * Adds an error for each activity the save moves to another régie (or to none) while the régie that bills it, or the
     * one it goes to, is running an invoicing: the run bills the days it read when it started, while a pointage or a
     * certificate meanwhile would be judged by the new régie's runs (none running: accepted, and never billed).
     */
    static void refuseMovesWhileInvoicing(Connection c, String s, BillingConfiguration billing, List<FieldError> errors)
            throws SQLException {
        java.util.Set<String> running = new java.util.HashSet<>();
        query(c, "select r.code from " + s + "regie r where exists (select 1 from " + s + "billing_run x where x.regie_id"
                + " = r.id and x.state = 'RUNNING')", rs -> running.add(rs.getString(1)));
        if (running.isEmpty()) {
            return;
        }
        java.util.Map<String, String[]> was = new java.util.LinkedHashMap<>();
        query(c, "select a.code, a.name, r.code from " + s + "regie_activity ra join " + s + "activity a on a.id ="
                + " ra.activity_id join " + s + "regie r on r.id = ra.regie_id order by a.code",
                rs -> was.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}));
        java.util.Set<String> told = new java.util.HashSet<>();
        for (int i = 0; i < billing.regies().size(); i++) {
            Regie r = billing.regies().get(i);
            if (r.code() == null) {
                continue;
            }
            for (String activity : r.activities()) {
                String[] before = was.get(activity);
                String from = before == null ? null : before[1];
                // an activity billed for the first time has no day any run read: not a move
                if (before != null && !r.code().equals(from) && (running.contains(r.code()) || running.contains(from))
                        && told.add(activity)) {
                    errors.add(Problems.error("billing.regies[" + i + "].activities", "configuration.billing.movedWhileInvoicing",
                            before[0]));
                }
            }
        }
        for (var e : was.entrySet()) {
            if (running.contains(e.getValue()[1]) && billing.regieOf(e.getKey()).isEmpty() && told.add(e.getKey())) {
                int at = java.util.stream.IntStream.range(0, billing.regies().size())
                        .filter(i -> e.getValue()[1].equals(billing.regies().get(i).code())).findFirst().orElse(-1);
                errors.add(Problems.error(at < 0 ? "billing.regies" : "billing.regies[" + at + "].activities",
                        "configuration.billing.movedWhileInvoicing", e.getValue()[0]));
            }
        }
    }

    static void write(Connection c, String s, BillingConfiguration billing) throws SQLException {
        update(c, "insert into " + s + "billing_settings (id, qf_validity_months, resident_postcodes, reminder_days,"
                + " certificate_days) values (true, ?, ?, ?, ?) on conflict (id) do update set qf_validity_months ="
                + " excluded.qf_validity_months, resident_postcodes = excluded.resident_postcodes, reminder_days ="
                + " excluded.reminder_days, certificate_days = excluded.certificate_days",
                billing.settings().qfValidityMonths(), String.join(",", billing.settings().residentPostcodes()),
                billing.settings().reminderDays().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")),
                billing.settings().certificateDays());
        update(c, "delete from " + s + "tariff");
        List<QfBracket> brackets = billing.settings().brackets();
        update(c, "delete from " + s + "qf_bracket where code <> all(?)",
                (Object) brackets.stream().map(QfBracket::code).toArray(String[]::new));
        batch(c, "insert into " + s + "qf_bracket (code, label, qf_min, qf_max) values (?, ?, ?, ?) on conflict (code)"
                + " do update set label = excluded.label, qf_min = excluded.qf_min, qf_max = excluded.qf_max",
                brackets.stream().map(b -> new Object[] {b.code(), b.label(), b.min(), b.max()}));
        update(c, "delete from " + s + "regie where code <> all(?)",
                (Object) billing.regies().stream().map(Regie::code).toArray(String[]::new));
        batch(c, "insert into " + s + "regie (code, label, invoice_prefix, manager_name, manager_email, manager_phone,"
                + " payment_instructions, payfip_numcli, collection, wallet_floor_cents, sepa_ics, sepa_name, sepa_iban,"
                + " sepa_bic, sepa_debit_day) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (code)"
                + " do update set label = excluded.label,"
                + " invoice_prefix = excluded.invoice_prefix, manager_name = excluded.manager_name,"
                + " manager_email = excluded.manager_email, manager_phone = excluded.manager_phone,"
                + " payment_instructions = excluded.payment_instructions, payfip_numcli = excluded.payfip_numcli,"
                + " collection = excluded.collection, wallet_floor_cents = excluded.wallet_floor_cents,"
                + " sepa_ics = excluded.sepa_ics, sepa_name = excluded.sepa_name, sepa_iban = excluded.sepa_iban,"
                + " sepa_bic = excluded.sepa_bic, sepa_debit_day = excluded.sepa_debit_day",
                billing.regies().stream().map(r -> {
                    SepaCreditor sepa = r.sepa();
                    return new Object[] {r.code(), r.label(), r.invoicePrefix(), r.managerName(), r.managerEmail(),
                        r.managerPhone(), r.paymentInstructions(), r.payfipNumcli(), r.collection().name(),
                        r.walletFloorCents(), sepa == null ? null : sepa.creditorId(), sepa == null ? null : sepa.name(),
                        sepa == null ? null : sepa.iban(), sepa == null ? null : sepa.bic(),
                        sepa == null ? null : sepa.debitDay()};
                }));
        update(c, "delete from " + s + "regie_activity");
        batch(c, "insert into " + s + "regie_activity (activity_id, regie_id) select a.id, r.id from " + s + "activity a, "
                + s + "regie r where a.code = ? and r.code = ?",
                billing.regies().stream().flatMap(r -> r.activities().stream().map(a -> new Object[] {a, r.code()})));
        for (Tariff t : billing.tariffs()) {
            writeTariff(c, s, t);
        }
    }

    private static void writeTariff(Connection c, String s, Tariff t) throws SQLException {
        long[] id = new long[1];
        Adjustment nr = t.nonResident();
        Adjustment late = t.lateSurcharge();
        query(c, "insert into " + s + "tariff (activity_id, unit_id, valid_from, mode, maximum_cents, effort_rate_percent,"
                + " floor_cents, ceiling_cents, non_resident_kind, non_resident_percent, non_resident_cents,"
                + " sibling_second_percent, sibling_third_percent, late_kind, late_percent, late_cents,"
                + " unexcused_absence_billed, unbooked_presence_cents) values ((select id from " + s + "activity where code = ?),"
                + " (select u.id from " + s + "activity_unit u join " + s + "activity a on a.id = u.activity_id"
                + " where a.code = ? and u.code = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                rs -> id[0] = rs.getLong(1), t.activity(), t.activity(), t.unit(), t.validFrom(), t.mode(), t.maximumCents(),
                t.effortRatePercent(), t.floorCents(), t.ceilingCents(), nr == null ? null : nr.kind(),
                nr == null ? null : nr.percent(), nr == null ? null : nr.cents(), t.siblingSecondPercent(),
                t.siblingThirdPercent(), late == null ? null : late.kind(), late == null ? null : late.percent(),
                late == null ? null : late.cents(), t.unexcusedAbsenceBilled(), t.unbookedPresenceCents());
        batch(c, "insert into " + s + "tariff_price (tariff_id, bracket_id, price_cents) values (?, (select id from " + s
                + "qf_bracket where code = ?), ?)",
                t.prices().stream().map(p -> new Object[] {id[0], p.bracket(), p.cents()}));
    }
}
