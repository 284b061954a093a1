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
 * with the rules ({@link Pricing}, {@link InvoiceCalculator}). The query gathers the days in SQL, one row per child
 * and unit (bench 4: 31,000 rows for 418,500 days), split here by case (status, late, unbooked) and month into
 * bitmasks, so that a run of days of the same tariff and QF proof state is priced once ({@link PricedDays}), not each
 * day. A day booked twice in the same case (two rows of one status) counts once. What to check is listed
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
     * The booking statuses a run bills, each coded in the drafts' query by its index here ({@link #query}); a
     * booking's case is that code, its surcharge and whether it was unbooked.
     */
    static final List<String> BILLED_STATUSES = List.of("BOOKED", "BOOKED_LATE", "PRESENT", "ABSENT_EXCUSED", "ABSENT_BILLED");

    /** {@code ABSENT_EXCUSED}'s index in {@link #BILLED_STATUSES}: read for its line (nothing to pay), not a billed day. */
    private static final int EXCUSED = BILLED_STATUSES.indexOf("ABSENT_EXCUSED");

    /**
     * The drafts' query; parameters: the period's first day, the régie's units (a {@code bigint[]}), the period's first
     * and last days, the period's first day again, the units again, the first day of the period's first month and the
     * period's last day. The days are gathered where they are read — one row per child and unit, its days as one
     * integer each ({@code offset << 5 | status << 2 | surcharged << 1 | unbooked}, the offset from the period's
     * first day, the status {@link #BILLED_STATUSES}' index), as the text of an {@code int[]} — with the child's unit's
     * months already billed ({@code billed_month}: each month's first day as an offset, and its bitmask of days), and
     * only then joined to the family's and child's facts; the families' order (by name, then id: the database's
     * collation, as the invoices are numbered) comes as a rank, so that nothing wide is sorted. Grouped by child and
     * unit only (31,000 groups for 418,500 days in bench 4, against 105,606 by case and month before), PostgreSQL
     * groups it in parallel, and the JVM splits each row by case and month ({@code Split}). With {@code wallets}, a
     * day paid by the family's porte-monnaie ({@code wallet_booking}) is left out; without, the table must be empty:
     * on an empty analysed table the planner costs that anti-join at nothing and rescans the table once per booking
     * (bench 4: 418,500 rescans, 0.8 s of the query's 1.9 s).
     */
    static String query(boolean wallets) {
        StringBuilder status = new StringBuilder("case b.status");
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < BILLED_STATUSES.size(); i++) {
            status.append(" when '").append(BILLED_STATUSES.get(i)).append("' then ").append(i);
            in.append(i == 0 ? "'" : ", '").append(BILLED_STATUSES.get(i)).append('\'');
        }
        status.append(" end");
        return "select f.id, f.label, f.quotient_familial, f.qf_proof_date, f.qf_source,"
                + " f.monthly_resources_cents, f.postcode, f.resident_override, c.id, c.first_name, c.last_name, c.birth_date,"
                + " g.unit_id, g.days::text, m.months::text, m.bits::text, o.n"
                + " from (select b.child_id, b.unit_id, array_agg(((b.day - ?::date) << 5) | ((" + status + ") << 2)"
                + " | (b.surcharged::int << 1) | b.unbooked::int) as days"
                + " from booking b"
                + " where b.unit_id = any(?) and b.day between ? and ? and b.status in (" + in + ")"
                // a day paid in advance by the family's porte-monnaie is not invoiced again
                + (wallets ? " and not exists (select 1 from wallet_booking w where w.booking_id = b.id)" : "")
                + " group by b.child_id, b.unit_id) g"
                + " left join (select child_id, unit_id, array_agg(month - ?::date) as months, array_agg(days) as bits"
                + " from billed_month where unit_id = any(?) and month between ? and ? group by child_id, unit_id) m"
                + " on m.child_id = g.child_id and m.unit_id = g.unit_id"
                + " join child c on c.id = g.child_id join family f on f.id = c.family_id"
                + " join (select id, row_number() over (order by label, id) as n from family) o on o.id = f.id";
    }

    /** Binds the drafts' query's parameters ({@link #query}). */
    private static void bind(PreparedStatement ps, java.sql.Array units, LocalDate from, LocalDate to) throws SQLException {
        ps.setObject(1, from);
        ps.setArray(2, units);
        ps.setObject(3, from);
        ps.setObject(4, to);
        ps.setObject(5, from);
        ps.setArray(6, units);
        ps.setObject(7, from.withDayOfMonth(1));
        ps.setObject(8, to);
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
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
            c.setAutoCommit(false);
        }
        try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + query(units.wallets()))) {
            raiseWorkMem(c);
            bind(ps, units.ids(c), from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        } finally {
            if (autoCommit) {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        return plan;
    }

    private DraftReader() {
    }

    /** The drafts' transaction's {@code work_mem} ({@link #read}). */
    static final String WORK_MEM = "64MB";

    /** Raises the current transaction's {@code work_mem} to {@value #WORK_MEM} (local: it ends with the transaction). */
    private static void raiseWorkMem(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('work_mem', ?, true)")) {
            ps.setString(1, WORK_MEM);
            ps.execute();
        }
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

        /** Child, unit, case, then days (written out rather than chained: a run sorts every family's groups). */
        static final Comparator<Group> ORDER = Group::compare;

        private static int compare(Group a, Group b) {
            int c = Long.compare(a.child().id(), b.child().id());
            if (c == 0) {
                c = Long.compare(a.unitId(), b.unitId());
            }
            if (c == 0) {
                c = a.status().compareTo(b.status());
            }
            if (c == 0) {
                c = Boolean.compare(a.late(), b.late());
            }
            if (c == 0) {
                c = Boolean.compare(a.unbookedRow(), b.unbookedRow());
            }
            return c != 0 ? c : Integer.compare(a.part(), b.part());
        }
    }

    /** A thing to check on a day, placed in the family's notes by day, then by child and unit. */
    private record Note(int day, int order, String text) {

        static final Comparator<Note> ORDER = (a, b) -> a.day() != b.day() ? Integer.compare(a.day(), b.day())
                : Integer.compare(a.order(), b.order());
    }

    /** Every family's draft for régie {@code regieCode} from {@code from} to {@code to}, by family name. */
    public static List<FamilyInvoice> drafts(Connection c, BillingConfiguration billing, String regieCode, LocalDate from,
            LocalDate to) throws SQLException {
        return read(c, billing, regieCode, from, to).remaining();
    }

    /**
     * What régie {@code regieCode} bills from {@code from} to {@code to}, read (the drafts' query, in one transaction
     * of the connection's) but not yet priced: the families in order, each drafted when {@link Drafts#next} comes to
     * it, so that a run prices a chunk while the one before is written ({@link DraftPipeline}).
     */
    public static Drafts read(Connection c, BillingConfiguration billing, String regieCode, LocalDate from, LocalDate to)
            throws SQLException {
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
        Map<Long, List<Siblings.Child>> siblings = new HashMap<>();
        // a child's name and birth date repeat on each of its groups: read once
        Map<Long, Child> children = new HashMap<>();
        Units units = Units.of(c, regieCode);
        if (units.byId().isEmpty()) {
            return new Drafts(rules, period, families, byFamily, siblings, List.of());
        }
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
            // one transaction for the read: the memory below is its own
            c.setAutoCommit(false);
        }
        try {
            read(c, units, dates, from, to, families, byFamily, rank, siblings, children);
            if (autoCommit) {
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (autoCommit) {
                c.rollback();
            }
            throw e;
        } finally {
            if (autoCommit) {
                c.setAutoCommit(true);
            }
        }
        List<Long> order = new ArrayList<>(byFamily.keySet());
        order.sort(Comparator.comparing(rank::get));
        return new Drafts(rules, period, families, byFamily, siblings, order);
    }

    /**
     * A régie's period read ({@link #read}): its families by name, drafted in that order as they are asked for, each
     * family's rows let go once drafted. Not for two threads at once (its tariffs and priced cases are memoised as it
     * goes); it may be handed from the reading thread to another that drafts.
     */
    public static final class Drafts {

        private final BillingSettings rules;
        private final Period period;
        private final Map<Long, Facts> families;
        private final Map<Long, List<Group>> byFamily;
        private final Map<Long, List<Siblings.Child>> siblings;
        private final List<Long> order;
        private final Pricing.Memo.Run cases = new Pricing.Memo.Run();
        private int drafted;

        private Drafts(BillingSettings rules, Period period, Map<Long, Facts> families, Map<Long, List<Group>> byFamily,
                Map<Long, List<Siblings.Child>> siblings, List<Long> order) {
            this.rules = rules;
            this.period = period;
            this.families = families;
            this.byFamily = byFamily;
            this.siblings = siblings;
            this.order = order;
        }

        /** How many families have something read (drafted or not). */
        public int size() {
            return order.size();
        }

        /** The drafts of the next {@code n} families in order (fewer at the end, none once every family is drafted). */
        public List<FamilyInvoice> next(int n) {
            int end = Math.min(order.size(), drafted + Math.max(0, n));
            List<FamilyInvoice> out = new ArrayList<>(end - drafted);
            for (; drafted < end; drafted++) {
                Long family = order.get(drafted);
                List<Group> groups = byFamily.remove(family);
                groups.sort(Group.ORDER);
                out.add(draft(rules, period, cases, families.remove(family), groups,
                        siblings.getOrDefault(family, List.of())));
                siblings.remove(family);
            }
            return out;
        }

        /** The drafts of every family not drafted yet, in order. */
        public List<FamilyInvoice> remaining() {
            return next(order.size() - drafted);
        }
    }

    /**
     * Runs the drafts' query in the connection's transaction and gathers its rows by family: each row's days split by
     * case and month ({@link Split}), less the days already billed, and a family kept only with some day left to bill;
     * each family's children with a day billed in the period (this run or an earlier one: not only excused absences)
     * kept for their ranks, in {@code siblings}.
     * The query's result is read whole (no fetch size: a cursor's fetches would keep PostgreSQL from grouping in
     * parallel; bench 4: 31,000 rows); its grouping holds some hundreds of bytes per child and unit, and the
     * transaction's {@code work_mem} is raised to {@value #WORK_MEM} so that it stays in memory.
     */
    private static void read(Connection c, Units units, LocalDate[] dates, LocalDate from, LocalDate to,
            Map<Long, Facts> families, Map<Long, List<Group>> byFamily, Map<Long, Long> rank,
            Map<Long, List<Siblings.Child>> siblings, Map<Long, Child> children) throws SQLException {
        raiseWorkMem(c);
        Split split = new Split(dates);
        try (PreparedStatement ps = c.prepareStatement(query(units.wallets()))) {
            bind(ps, units.ids(c), from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long family = rs.getLong(1);
                    List<Group> groups = byFamily.get(family);
                    Child child = child(rs, children);
                    List<Group> added = split.groups(child, units.byId().get(rs.getLong(13)),
                            rs.getString(14), rs.getString(15), rs.getString(16));
                    if (split.billable) {
                        List<Siblings.Child> ranked = siblings.computeIfAbsent(family, k -> new ArrayList<>(2));
                        if (ranked.stream().noneMatch(r -> r.id() == child.id())) {
                            ranked.add(new Siblings.Child(child.id(), child.birth()));
                        }
                    }
                    if (added.isEmpty()) {
                        continue;
                    }
                    if (groups == null) {
                        families.put(family, new Facts(family, rs.getString(2), (Integer) rs.getObject(3),
                                rs.getObject(4, LocalDate.class), rs.getString(5), (Long) rs.getObject(6),
                                rs.getString(7), (Boolean) rs.getObject(8)));
                        groups = new ArrayList<>();
                        byFamily.put(family, groups);
                        rank.put(family, rs.getLong(17));
                    }
                    groups.addAll(added);
                }
            }
        }
    }

    /** The integers of the text of a PostgreSQL {@code int[]}, {@code {1,-2,3}}. */
    static int[] ints(String array) {
        int count = array.length() > 2 ? 1 : 0;
        for (int i = 1; i < array.length() - 1; i++) {
            if (array.charAt(i) == ',') {
                count++;
            }
        }
        int[] out = new int[count];
        int k = 0;
        int value = 0;
        boolean negative = false;
        for (int i = 1; i < array.length(); i++) {
            char ch = array.charAt(i);
            if (ch == ',' || ch == '}') {
                if (k < count) {
                    out[k++] = negative ? -value : value;
                }
                value = 0;
                negative = false;
            } else if (ch == '-') {
                negative = true;
            } else {
                value = value * 10 + (ch - '0');
            }
        }
        return out;
    }

    private static Child child(ResultSet rs, Map<Long, Child> children) throws SQLException {
        long childId = rs.getLong(9);
        Child child = children.get(childId);
        if (child == null) {
            child = new Child(childId, rs.getString(10) + " " + rs.getString(11), rs.getObject(12, LocalDate.class));
            children.put(childId, child);
        }
        return child;
    }

    /**
     * Splits a row of the drafts' query — a child's unit's days, each coded as the query codes it — into its groups:
     * one per case (status, surcharged, unbooked) and month, its days as that month's bitmask less the days of that
     * month already billed. The period's offsets are mapped to their day of month and month once, here.
     */
    private static final class Split {

        /** Case codes: status index {@code << 2 | surcharged << 1 | unbooked} ({@link #query}). */
        private static final int CASES = 32;

        private final int[] dayOfMonth;
        private final int[] month;
        /** Each month's first day as an offset from the period's first day (negative when the period starts later). */
        private final int[] parts;
        private final int[] bits;
        private final int[] touched;
        /** Whether the row {@link #groups} split last had a day of a billed case (not an excused absence). */
        boolean billable;

        Split(LocalDate[] dates) {
            dayOfMonth = new int[dates.length];
            month = new int[dates.length];
            int months = 0;
            for (int i = 0; i < dates.length; i++) {
                dayOfMonth[i] = dates[i].getDayOfMonth();
                if (i == 0 || dayOfMonth[i] == 1) {
                    months++;
                }
                month[i] = months - 1;
            }
            parts = new int[months];
            for (int i = 0; i < dates.length; i++) {
                parts[month[i]] = i - dayOfMonth[i] + 1;
            }
            bits = new int[months * CASES];
            touched = new int[months * CASES];
        }

        /**
         * The groups of a row: {@code days} the text of its coded days ({@code {33,70}}), {@code billedMonths} and
         * {@code billedBits} those of its billed months' offsets and bitmasks (or null: none billed).
         */
        List<Group> groups(Child child, Unit unit, String days, String billedMonths, String billedBits) {
            int n = 0;
            int[] coded = ints(days);
            billable = false;
            for (int e : coded) {
                billable |= (e >>> 2 & 7) != EXCUSED;
                int offset = e >>> 5;
                int key = month[offset] * CASES + (e & (CASES - 1));
                if (bits[key] == 0) {
                    touched[n++] = key;
                }
                bits[key] |= 1 << (dayOfMonth[offset] - 1);
            }
            if (billedMonths != null) {
                int[] ms = ints(billedMonths);
                int[] bs = ints(billedBits);
                for (int i = 0; i < ms.length; i++) {
                    int m = monthOf(ms[i]);
                    for (int k = 0; m >= 0 && k < n; k++) {
                        if (touched[k] / CASES == m) {
                            bits[touched[k]] &= ~bs[i];
                        }
                    }
                }
            }
            List<Group> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                int key = touched[k];
                if (bits[key] != 0) {
                    int code = key % CASES;
                    out.add(group(child, unit, BILLED_STATUSES.get(code >>> 2), (code & 2) != 0, (code & 1) != 0,
                            parts[key / CASES], bits[key]));
                }
                bits[key] = 0;
            }
            return out;
        }

        /** The month of the period that starts at offset {@code part}, or -1 (a billed month outside the period). */
        private int monthOf(int part) {
            for (int m = 0; m < parts.length; m++) {
                if (parts[m] == part) {
                    return m;
                }
            }
            return -1;
        }
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

    private static Group group(Child child, Unit unit, String status, boolean surchargedRow, boolean unbooked, int part,
            int days) {
        boolean surcharged = surchargedRow || "BOOKED_LATE".equals(status);
        Attendance attendance = switch (status) {
            case "PRESENT" -> Attendance.PRESENT;
            case "ABSENT_EXCUSED" -> Attendance.ABSENT_EXCUSED;
            case "ABSENT_BILLED" -> Attendance.ABSENT_UNEXCUSED;
            default -> Attendance.NOT_RECORDED;
        };
        return new Group(child, unit.activity(), unit.code(), unit.id(), !unbooked, surcharged && !unbooked,
                attendance, offsets(part, days), status, unbooked, part);
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

    /**
     * Family {@code f}'s draft of {@code groups}; its children ranked among {@code siblings}, those billed in the period
     * (a child excused every day is not a sibling who pays, and a child billed by an earlier run still is: the same
     * rule as the selection's estimate, {@code FamilyPricing}); a child excused every day bills nothing, whatever rank.
     */
    private static FamilyInvoice draft(BillingSettings rules, Period period, Pricing.Memo.Run cases, Facts f,
            List<Group> groups, List<Siblings.Child> siblings) {
        FamilyFacts facts = new FamilyFacts(f.qf(), f.proof(), f.source() == null ? null : QfSource.valueOf(f.source()),
                f.resources(), rules.isResident(f.postcode(), f.residentOverride()));
        Map<Long, Integer> ranks = Siblings.ranks(siblings);
        FamilyDraft draft = new FamilyDraft(period, new Pricing.Memo(rules, facts, cases));
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            draft.add(g, gi, ranks.getOrDefault(g.child().id(), 1));
        }
        return draft.invoice(f);
    }

    /**
     * One family's draft as its groups are priced: each group cut into runs of consecutive days (in the group's order)
     * under the same tariff and the same state of the QF proof, each run priced once. Kept in small methods: a run
     * drafts ten thousand families, and a cold JVM compiles what it calls (one method of it all cost a second of the
     * compiler's time, bench 4).
     */
    private static final class FamilyDraft {

        private final Period period;
        private final LocalDate[] dates;
        private final Pricing.Memo pricing;
        private final Map<Long, String> names = new LinkedHashMap<>();
        private final Map<String, Long> units = new LinkedHashMap<>();
        private final List<PricedDays> billed = new ArrayList<>();
        private final List<PricedLine> notBilled = new ArrayList<>();
        private final List<Note> notes = new ArrayList<>();

        FamilyDraft(Period period, Pricing.Memo pricing) {
            this.period = period;
            this.dates = period.dates();
            this.pricing = pricing;
        }

        /** Prices group {@code g} ({@code order}: its place among the family's groups) of the child of {@code rank}. */
        void add(Group g, int order, int rank) {
            names.put(g.child().id(), g.child().name());
            units.put(g.activity() + "/" + g.unit(), g.unitId());
            int[] days = g.days();
            Optional<Tariff>[] ofUnit = period.of(g.activity(), g.unit());
            int start = 0;
            while (start < days.length) {
                Tariff tariff = period.tariff(ofUnit, g.activity(), g.unit(), days[start]);
                int end = runEnd(g, ofUnit, days, start, tariff);
                if (tariff == null) {
                    for (int i = start; i < end; i++) {
                        notes.add(new Note(days[i], order, Anomaly.NO_TARIFF.label() + " : " + where(g, dates[days[i]])));
                    }
                } else {
                    price(g, order, rank, tariff, days, start, end);
                }
                start = end;
            }
        }

        /** Where the run of {@code days} starting at {@code start} ends: the first day of another tariff or proof state. */
        private int runEnd(Group g, Optional<Tariff>[] ofUnit, int[] days, int start, Tariff tariff) {
            boolean expired = pricing.proofExpiredOn(dates[days[start]]);
            int end = start + 1;
            while (end < days.length && period.tariff(ofUnit, g.activity(), g.unit(), days[end]) == tariff
                    && pricing.proofExpiredOn(dates[days[end]]) == expired) {
                end++;
            }
            return end;
        }

        /** Prices the run {@code days[start..end)} of {@code tariff} once, and notes its anomalies. */
        private void price(Group g, int order, int rank, Tariff tariff, int[] days, int start, int end) {
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
            if (!line.anomalies().isEmpty()) {
                note(line, g, order, days, start, end);
            }
        }

        /** The anomalies of a run's line: a missing QF once, the others on each day with where they are. */
        private void note(PricedLine line, Group g, int order, int[] days, int start, int end) {
            for (Anomaly a : line.anomalies()) {
                if (a == Anomaly.QF_MISSING) {
                    notes.add(new Note(days[start], order, a.label()));
                } else {
                    for (int i = start; i < end; i++) {
                        notes.add(new Note(days[i], order, a.label() + " : " + where(g, dates[days[i]])));
                    }
                }
            }
        }

        /** The family's draft, what to check by day as the days come, then by child and unit. */
        FamilyInvoice invoice(Facts f) {
            notes.sort(Note.ORDER);
            Set<String> anomalies = new LinkedHashSet<>();
            for (Note n : notes) {
                anomalies.add(n.text());
            }
            return new FamilyInvoice(f.id(), f.label(), InvoiceCalculator.draft(billed, notBilled),
                    new ArrayList<>(anomalies), names, units);
        }
    }

    private static DayEvent event(Group g, LocalDate day) {
        return new DayEvent(g.child().id(), g.activity(), g.unit(), day, g.booked(), g.late(), g.attendance());
    }
}
