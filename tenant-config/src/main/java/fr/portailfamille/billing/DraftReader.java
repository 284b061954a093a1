package fr.portailfamille.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what an invoicing run bills of a régie's period — the bookings, pointage and absences of the activities it
 * bills not yet billed ({@code billed_month}) nor paid by a porte-monnaie ({@code wallet_booking}), each family's
 * facts, the children's ranks — in one query on the connection's commune schema (its search path), after a tiny one
 * for the régie's units ({@link #UNITS}), and prices it
 * with the rules ({@link Pricing}, {@link InvoiceCalculator}). The query groups the days in SQL: one row per child,
 * unit, case (status, late, unbooked) and month with its days as a bitmask, so that a run of days of the same
 * tariff and QF proof state is priced once ({@link PricedDays}), not each day (bench 4: about 105,000 rows for
 * 418,500 days). A day booked twice in the same case (two rows of one status) counts once. What to check is listed
 * by day, then by child and unit. The platform's run and the invoicing benchmark both call it; no pricing rule
 * lives here.
 */
public final class DraftReader {

    /**
     * The régie's units with their activity's and their own code, and whether any booking of the commune is paid by a
     * porte-monnaie (parameter: the régie's code): read first, so that the drafts' query takes the units as an array
     * (no join to them after grouping, whose row estimate the planner cannot make) and leaves the porte-monnaie's
     * anti-join out when {@code wallet_booking} is empty.
     */
    private static final String UNITS = "select u.id, a.code, u.code, exists (select 1 from wallet_booking)"
            + " from activity_unit u join activity a on a.id = u.activity_id"
            + " join regie_activity ra on ra.activity_id = a.id join regie r on r.id = ra.regie_id where r.code = ?";

    /**
     * The drafts' query; parameters: the régie's units (a {@code bigint[]}), the period's first and last days. The
     * days are grouped where they are read — one row per child, unit, case (status, late, unbooked) and month, its
     * days as a bitmask (bit d - 1 for day d) — less the days already billed ({@code billed_month}'s bits of that
     * child's unit-month), and only then joined to the family's and child's facts; the families' order (by name,
     * then id: the database's collation, as the invoices are numbered) comes as a rank, so that nothing wide is
     * sorted. With {@code wallets}, a day paid by the family's porte-monnaie ({@code wallet_booking}) is left out;
     * without, the table must be empty: on an empty analysed table the planner costs that anti-join at nothing and
     * rescans the table once per booking (bench 4: 418,500 rescans, 0.8 s of the query's 1.9 s).
     */
    static String query(boolean wallets) {
        return "select f.id, f.label, f.quotient_familial, f.qf_proof_date, f.qf_source,"
                + " f.monthly_resources_cents, f.postcode, f.resident_override, c.id, c.first_name, c.last_name, c.birth_date,"
                + " g.unit_id, g.status, g.surcharged, g.unbooked, g.month, g.days & ~coalesce(m.days, 0), o.n"
                + " from (select b.child_id, b.unit_id, b.status, b.surcharged, b.unbooked,"
                + " b.day - extract(day from b.day)::int + 1 as month, bit_or(1 << (extract(day from b.day)::int - 1)) as days"
                + " from booking b"
                + " where b.unit_id = any(?) and b.day between ? and ?"
                + " and b.status in ('BOOKED', 'BOOKED_LATE', 'PRESENT', 'ABSENT_EXCUSED', 'ABSENT_BILLED')"
                // a day paid in advance by the family's porte-monnaie is not invoiced again
                + (wallets ? " and not exists (select 1 from wallet_booking w where w.booking_id = b.id)" : "")
                + " group by b.child_id, b.unit_id, b.status, b.surcharged, b.unbooked, month) g"
                + " left join billed_month m on m.child_id = g.child_id and m.unit_id = g.unit_id and m.month = g.month"
                + " join child c on c.id = g.child_id join family f on f.id = c.family_id"
                + " join (select id, row_number() over (order by label, id) as n from family) o on o.id = f.id"
                + " where g.days & ~coalesce(m.days, 0) <> 0";
    }

    /** A régie's unit: its id, activity and code. */
    private record Unit(long id, String activity, String code) {
    }

    /** The régie's units, and whether {@code wallet_booking} has any row ({@link #UNITS}). */
    private record Units(Map<Long, Unit> byId, boolean wallets) {

        static Units of(Connection c, String regieCode) throws SQLException {
            Map<Long, Unit> byId = new HashMap<>();
            boolean wallets = false;
            try (PreparedStatement ps = c.prepareStatement(UNITS)) {
                ps.setString(1, regieCode);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byId.put(rs.getLong(1), new Unit(rs.getLong(1), rs.getString(2), rs.getString(3)));
                        wallets = rs.getBoolean(4);
                    }
                }
            }
            return new Units(byId, wallets);
        }

        java.sql.Array ids(Connection c) throws SQLException {
            return c.createArrayOf("bigint", byId.keySet().toArray(new Long[0]));
        }
    }

    /**
     * The plan of the drafts' query of régie {@code regieCode} from {@code from} to {@code to}, run ({@code explain
     * (analyze, buffers)}): for the invoicing benchmark.
     */
    public static List<String> plan(Connection c, String regieCode, LocalDate from, LocalDate to) throws SQLException {
        Units units = Units.of(c, regieCode);
        List<String> plan = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + query(units.wallets()))) {
            ps.setArray(1, units.ids(c));
            ps.setObject(2, from);
            ps.setObject(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        return plan;
    }

    private DraftReader() {
    }

    private record Facts(long id, String label, Integer qf, LocalDate proof, String source, Long resources,
            String postcode, Boolean residentOverride) {
    }

    private record Child(long id, String name, LocalDate birth) {
    }

    /**
     * Days of one child and unit in one case (booked, late, attendance), as offsets from the period's first day, in
     * order; {@code status}, {@code unbookedRow} and {@code part} (its month's first day, from the period's) place
     * it among its family's groups ({@link #ORDER}: child, unit, case, then days).
     */
    private record Group(Child child, String activity, String unit, long unitId, boolean booked, boolean late,
            Attendance attendance, int[] days, String status, boolean unbookedRow, int part) {

        static final Comparator<Group> ORDER = Comparator.comparingLong((Group g) -> g.child().id())
                .thenComparingLong(Group::unitId).thenComparing(Group::status).thenComparing(Group::late)
                .thenComparing(Group::unbookedRow).thenComparingInt(Group::part);
    }

    /** A thing to check on a day, placed in the family's notes by day, then by child and unit. */
    private record Note(int day, int order, String text) {
    }

    /** Every family's draft for régie {@code regieCode} from {@code from} to {@code to}, by family name. */
    public static List<FamilyInvoice> drafts(Connection c, BillingConfiguration billing, String regieCode, LocalDate from,
            LocalDate to) throws SQLException {
        BillingSettings rules = billing.settings();
        List<Tariff> tariffs = billing.tariffs();
        int length = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        LocalDate[] dates = new LocalDate[Math.max(0, length)];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = from.plusDays(i);
        }
        Period period = new Period(dates, tariffs, new HashMap<>());
        Map<Long, Facts> families = new HashMap<>();
        Map<Long, List<Group>> byFamily = new HashMap<>();
        Map<Long, Long> rank = new HashMap<>();
        // a child's name and birth date repeat on each of its groups: read once
        Map<Long, Child> children = new HashMap<>();
        Units units = Units.of(c, regieCode);
        if (units.byId().isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement(query(units.wallets()))) {
            ps.setFetchSize(2000);
            ps.setArray(1, units.ids(c));
            ps.setObject(2, from);
            ps.setObject(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long family = rs.getLong(1);
                    List<Group> groups = byFamily.get(family);
                    if (groups == null) {
                        families.put(family, new Facts(family, rs.getString(2), (Integer) rs.getObject(3),
                                rs.getObject(4, LocalDate.class), rs.getString(5), (Long) rs.getObject(6),
                                rs.getString(7), (Boolean) rs.getObject(8)));
                        groups = new ArrayList<>();
                        byFamily.put(family, groups);
                        rank.put(family, rs.getLong(19));
                    }
                    groups.add(group(rs, children, units.byId(), from));
                }
            }
        }
        List<Long> order = new ArrayList<>(byFamily.keySet());
        order.sort(Comparator.comparing(rank::get));
        List<FamilyInvoice> drafts = new ArrayList<>(order.size());
        Pricing.Memo.Run run = new Pricing.Memo.Run();
        for (Long family : order) {
            List<Group> groups = byFamily.get(family);
            groups.sort(Group.ORDER);
            drafts.add(draft(rules, period, run, families.get(family), groups));
        }
        return drafts;
    }

    /** The period's days and each unit's tariff on each of them (looked up once per unit and day). */
    private record Period(LocalDate[] dates, List<Tariff> tariffs, Map<String, Optional<Tariff>[]> byUnit) {

        /** The unit's tariffs by day of the period, each looked up on first use. */
        @SuppressWarnings("unchecked")
        Optional<Tariff>[] of(String activity, String unit) {
            return byUnit.computeIfAbsent(activity + "/" + unit, k -> new Optional[dates.length]);
        }

        Tariff tariff(Optional<Tariff>[] ofUnit, String activity, String unit, int day) {
            Optional<Tariff> t = ofUnit[day];
            if (t == null) {
                t = Tariffs.inForce(tariffs, activity, unit, dates[day]);
                ofUnit[day] = t;
            }
            return t.orElse(null);
        }
    }

    private static Group group(ResultSet rs, Map<Long, Child> children, Map<Long, Unit> units, LocalDate from)
            throws SQLException {
        long childId = rs.getLong(9);
        Child child = children.get(childId);
        if (child == null) {
            child = new Child(childId, rs.getString(10) + " " + rs.getString(11), rs.getObject(12, LocalDate.class));
            children.put(childId, child);
        }
        Unit unit = units.get(rs.getLong(13));
        String status = rs.getString(14);
        boolean surcharged = rs.getBoolean(15) || "BOOKED_LATE".equals(status);
        boolean unbooked = rs.getBoolean(16);
        Attendance attendance = switch (status) {
            case "PRESENT" -> Attendance.PRESENT;
            case "ABSENT_EXCUSED" -> Attendance.ABSENT_EXCUSED;
            case "ABSENT_BILLED" -> Attendance.ABSENT_UNEXCUSED;
            default -> Attendance.NOT_RECORDED;
        };
        LocalDate month = rs.getObject(17, LocalDate.class);
        int part = (int) (month.toEpochDay() - from.toEpochDay());
        return new Group(child, unit.activity(), unit.code(), unit.id(), !unbooked, surcharged && !unbooked,
                attendance, offsets(part, rs.getInt(18)), status, unbooked, part);
    }

    /**
     * The days of bitmask {@code days} of a month (bit d - 1 for day d) as offsets from the period's first day, in
     * order; {@code first} is the month's first day's offset (negative when the period starts later in the month).
     */
    private static int[] offsets(int first, int days) {
        int[] out = new int[Integer.bitCount(days)];
        int rest = days;
        for (int k = 0; k < out.length; k++) {
            out[k] = first + Integer.numberOfTrailingZeros(rest);
            rest &= rest - 1;
        }
        return out;
    }

    private static String where(Group g, LocalDate day) {
        int d = day.getDayOfMonth();
        int m = day.getMonthValue();
        // by hand, not DateTimeFormatter: dd/MM/yyyy for each booked day without pointage of a régie's month
        return g.child().name() + ", " + g.activity() + " " + g.unit() + " du " + (d < 10 ? "0" : "") + d + "/" + (m < 10 ? "0" : "")
                + m + "/" + day.getYear();
    }

    private static FamilyInvoice draft(BillingSettings rules, Period period, Pricing.Memo.Run cases, Facts f,
            List<Group> groups) {
        FamilyFacts facts = new FamilyFacts(f.qf(), f.proof(), f.source() == null ? null : QfSource.valueOf(f.source()),
                f.resources(), rules.isResident(f.postcode(), f.residentOverride()));
        Map<Long, Integer> ranks = Siblings.ranks(groups.stream().map(g -> new Siblings.Child(g.child().id(), g.child().birth()))
                .toList());
        Map<Long, String> names = new LinkedHashMap<>();
        Map<String, Long> units = new LinkedHashMap<>();
        List<PricedDays> billed = new ArrayList<>();
        List<PricedLine> notBilled = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        Pricing.Memo pricing = new Pricing.Memo(rules, facts, cases);
        LocalDate[] dates = period.dates();
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            names.put(g.child().id(), g.child().name());
            units.put(g.activity() + "/" + g.unit(), g.unitId());
            int rank = ranks.get(g.child().id());
            int[] days = g.days();
            Optional<Tariff>[] ofUnit = period.of(g.activity(), g.unit());
            // runs of consecutive days (in the group's order) under the same tariff and the same state of the QF proof
            int start = 0;
            while (start < days.length) {
                Tariff tariff = period.tariff(ofUnit, g.activity(), g.unit(), days[start]);
                boolean expired = pricing.proofExpiredOn(dates[days[start]]);
                int end = start + 1;
                while (end < days.length && period.tariff(ofUnit, g.activity(), g.unit(), days[end]) == tariff
                        && pricing.proofExpiredOn(dates[days[end]]) == expired) {
                    end++;
                }
                if (tariff == null) {
                    for (int i = start; i < end; i++) {
                        notes.add(new Note(days[i], gi, Anomaly.NO_TARIFF.label() + " : " + where(g, dates[days[i]])));
                    }
                } else {
                    PricedLine line = pricing.price(tariff, rank, event(g, dates[days[start]]));
                    if (line.billed()) {
                        List<LocalDate> run = new ArrayList<>(end - start);
                        for (int i = start; i < end; i++) {
                            run.add(dates[days[i]]);
                        }
                        billed.add(new PricedDays(line, run));
                    } else {
                        notBilled.add(line);
                        for (int i = start + 1; i < end; i++) {
                            notBilled.add(pricing.price(tariff, rank, event(g, dates[days[i]])));
                        }
                    }
                    for (Anomaly a : line.anomalies()) {
                        if (a == Anomaly.QF_MISSING) {
                            notes.add(new Note(days[start], gi, a.label()));
                        } else {
                            for (int i = start; i < end; i++) {
                                notes.add(new Note(days[i], gi, a.label() + " : " + where(g, dates[days[i]])));
                            }
                        }
                    }
                }
                start = end;
            }
        }
        // what to check, by day as the days come, then by child and unit
        notes.sort(Comparator.comparingInt(Note::day).thenComparingInt(Note::order));
        Set<String> anomalies = new LinkedHashSet<>();
        notes.forEach(n -> anomalies.add(n.text()));
        return new FamilyInvoice(f.id(), f.label(), InvoiceCalculator.draft(billed, notBilled), new ArrayList<>(anomalies),
                names, units);
    }

    private static DayEvent event(Group g, LocalDate day) {
        return new DayEvent(g.child().id(), g.activity(), g.unit(), day, g.booked(), g.late(), g.attendance());
    }
}
