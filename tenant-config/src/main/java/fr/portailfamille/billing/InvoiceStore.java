package fr.portailfamille.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes families' invoices of an invoicing run in the connection's current transaction (the caller
 * commits or rolls back): takes the régie's next gap-free numbers ({@link InvoiceNumbering}, all of a
 * chunk's at once), writes the invoices, their lines and their billed days, counts the families done on
 * the run, and audits each invoice. A chunk of families costs the same two statements as one family
 * (its numbers, then its invoices' ids, the invoices, their lines with their days, the audit, the run's progress and
 * the billed days in one statement over arrays), whatever its number of lines and days; each invoice keeps the family's
 * name and address and each line its service in words as they are at the issue (tenant V48); a line keeps its days
 * (its month and their bitmask, {@code invoice_line.days_month} and {@code days_bits}, tenant V31; a line over several
 * months their dates, {@code days}), and the days billed are recorded as one bitmask per child, unit and month
 * ({@code billed_month}, tenant V29's {@code bill_days}). The platform's run and the invoicing benchmark both call
 * it. A day billed meanwhile by another run, even a concurrent one, is refused (SQLSTATE 23505): the caller's
 * transaction rolls back, its numbers with it.
 */
public final class InvoiceStore {

    private InvoiceStore() {
    }

    /** What the run issues with: the run, its régie and period, the due date, who issues. */
    public record RunContext(long runId, long regieId, String regieCode, LocalDate from, LocalDate to, LocalDate dueDate,
            String actor) {
    }

    /**
     * A line's service in words as it is issued ("Restauration scolaire – Midi": the activity's name, then its unit's
     * label), kept with the line ({@code invoice_line.service}, tenant V48) so that the invoice prints as it was issued;
     * over the line's activity {@code sw_a} and unit {@code sw_u}.
     */
    public static final String SERVICE_WORDS = "sw_a.name || coalesce(' – ' || sw_u.label, '')";

    /** The fewest families a run issues per transaction (a small run: its progress still moves). */
    public static final int CHUNK_MIN = 25;
    /** The most families a run issues per transaction (a chunk's arrays and its hold of the régie's numbering row bounded). */
    public static final int CHUNK_MAX = 500;
    /** About how many chunks a run of more than {@value #CHUNK_MIN} × this many families is cut into. */
    public static final int CHUNKS = 40;

    /**
     * How many families a run of {@code families} families issues per transaction: about 1/{@value #CHUNKS} of them
     * (the progress moves in some {@value #CHUNKS} steps, each of one commit), at least {@value #CHUNK_MIN} and at
     * most {@value #CHUNK_MAX}. Each chunk costs a few statements and one durable commit whatever its size (bench 4:
     * 10,000 families in 400 chunks of 25 spent ≈ 1.4 s in commits and round trips); a chunk of
     * {@value #CHUNK_MAX} families binds arrays of some 3,000 lines and holds the régie's numbering row for a few
     * hundred milliseconds. A chunk that fails is redone family by family, so a larger chunk costs more only then.
     */
    public static int chunkSize(int families) {
        return Math.max(CHUNK_MIN, Math.min(CHUNK_MAX, (families + CHUNKS - 1) / CHUNKS));
    }

    /**
     * Issues {@code family}'s draft in the run ({@link #issueAll} of one family).
     *
     * @param schema the commune's schema (for the numbering's row lock; the rest uses the search path)
     * @return the invoice's id, or {@code null} when the family had nothing to bill (counted done all the same)
     */
    public static Long issue(Connection c, String schema, RunContext run, FamilyInvoice family) throws SQLException {
        return issueAll(c, schema, run, List.of(family)).get(0);
    }

    /**
     * Issues the drafts of {@code families}, in their order, in the run: consecutive numbers in that order to
     * those with something to bill, every family counted done.
     *
     * @param schema the commune's schema (for the numbering's row lock; the rest uses the search path)
     * @return for each family in order, its invoice's id, or {@code null} when it had nothing to bill
     */
    public static List<Long> issueAll(Connection c, String schema, RunContext run, List<FamilyInvoice> families)
            throws SQLException {
        return issueAll(c, schema, run, prepare(families));
    }

    /**
     * A chunk of families made ready for its statements ({@link #prepare}): its invoices' families and totals, its
     * lines' columns and its billed days as arrays; only the invoices' ids and numbers, taken when it is written, are
     * missing. Made on the run's pricing thread ({@link DraftPipeline}), so that the writing thread only writes.
     */
    public static final class Chunk {

        private final List<FamilyInvoice> families;
        private final List<FamilyInvoice> billed;
        private final Lines lines;

        private Chunk(List<FamilyInvoice> families) {
            this.families = List.copyOf(families);
            this.billed = this.families.stream().filter(f -> !f.draft().lines().isEmpty()).toList();
            this.lines = lines(billed);
        }

        /** The chunk's families, in order (to issue them one by one when the chunk fails). */
        public List<FamilyInvoice> families() {
            return families;
        }
    }

    /** {@code families} made ready to be issued together ({@link #issueAll(Connection, String, RunContext, Chunk)}). */
    public static Chunk prepare(List<FamilyInvoice> families) {
        return new Chunk(families);
    }

    /**
     * Issues a prepared chunk ({@link #prepare}), as {@link #issueAll(Connection, String, RunContext, List)}.
     *
     * @return for each family in order, its invoice's id, or {@code null} when it had nothing to bill
     */
    public static List<Long> issueAll(Connection c, String schema, RunContext run, Chunk chunk) throws SQLException {
        List<FamilyInvoice> families = chunk.families;
        List<FamilyInvoice> billed = chunk.billed;
        int n = billed.size();
        List<InvoiceNumbering.Number> numbers = n == 0 ? List.of()
                : InvoiceNumbering.next(c, schema, run.regieCode(), InvoiceNumbering.Sequence.INVOICE, n);
        // the invoices and their audit rows
        Long[] familyIds = new Long[n];
        Long[] sequences = new Long[n];
        String[] texts = new String[n];
        Long[] totals = new Long[n];
        String[] details = new String[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            familyIds[i] = billed.get(i).familyId();
            sequences[i] = numbers.get(i).sequence();
            texts[i] = numbers.get(i).text();
            totals[i] = billed.get(i).draft().totalCents();
            total = Math.addExact(total, totals[i]);
            details[i] = cut("Facture " + texts[i] + " du " + run.from() + " au " + run.to() + " : "
                    + Money.format(totals[i]), 1000);
        }
        Lines lines = chunk.lines;
        // one statement for the chunk: its invoices' ids taken from their sequence in the chunk's order (an array that
        // each line and audit row reads at its invoice's index: no join, whatever the plan), the invoices, their lines
        // with their days, the audit, the run's progress and the billed days (tenant V29's bill_days, in the select
        // list: evaluated once whatever the rows; refused with 23505 if a day is billed already); the references of
        // the rows written are checked at its end (tenant V30)
        long[] invoiceIds;
        try (PreparedStatement ps = c.prepareStatement("with i as materialized (select"
                + " nextval(pg_get_serial_sequence('invoice', 'id')) as id, u.family, u.sequence, u.number, u.total, u.k"
                + " from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::bigint[]) with ordinality"
                + " as u (family, sequence, number, total, k)),"
                + " n as (select coalesce(array_agg(id order by k), '{}') as ids from i),"
                + " invoices as (insert into invoice (id, regie_id, family_id, kind, sequence, number, period_start,"
                + " period_end, due_date, total_cents, billing_run_id, issued_by, awaiting_mail, addressee_label, addressee_line,"
                + " addressee_city)"
                + " select i.id, ?, i.family, 'INVOICE', i.sequence, i.number, ?, ?, ?, i.total, ?, ?, true, f.label,"
                + " f.address_line, trim(coalesce(f.postcode, '') || ' ' || coalesce(f.city, ''))"
                + " from i left join family f on f.id = i.family order by i.k),"
                + " lines as (insert into invoice_line (invoice_id, position, child_id, child_name, activity_code, unit_code,"
                + " quantity, unit_price_cents, amount_cents, label, bracket_code, days, days_month, days_bits, service)"
                + " select (select ids from n)[l.invoice], l.position, l.child, l.name, l.activity, l.unit, l.quantity,"
                + " l.price, l.amount, l.label, l.bracket, cast(l.days as date[]), date '1970-01-01' + l.month, l.bits,"
                + " " + SERVICE_WORDS
                + " from unnest(?::int[], ?::int[], ?::bigint[], ?::varchar[], ?::varchar[],"
                + " ?::varchar[], ?::int[], ?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::text[], ?::int[],"
                + " ?::int[]) with ordinality as l (invoice, position, child, name, activity, unit, quantity, price, amount,"
                + " label, bracket, days, month, bits, k)"
                + " left join activity sw_a on sw_a.code = l.activity"
                + " left join activity_unit sw_u on sw_u.activity_id = sw_a.id and sw_u.code = l.unit"
                + " order by l.k),"
                + " progress as (update billing_run set families_done = families_done + ?,"
                + " invoices_issued = invoices_issued + ?, total_cents = total_cents + ? where id = ?),"
                + " audit as (insert into billing_audit (actor, action, regie_id, family_id, invoice_id, amount_cents, detail)"
                + " select ?, 'INVOICE_ISSUED', ?, a.family, (select ids from n)[a.k], a.amount, a.detail"
                + " from unnest(?::bigint[], ?::bigint[], ?::varchar[]) with ordinality as a (family, amount, detail, k)"
                + " order by a.k)"
                + " select bill_days(?::bigint[], ?::bigint[], ?::date[], ?::int[]), (select ids from n)")) {
            int k = 1;
            ps.setArray(k++, c.createArrayOf("bigint", familyIds));
            ps.setArray(k++, c.createArrayOf("bigint", sequences));
            ps.setArray(k++, c.createArrayOf("varchar", texts));
            ps.setArray(k++, c.createArrayOf("bigint", totals));
            ps.setLong(k++, run.regieId());
            ps.setObject(k++, run.from());
            ps.setObject(k++, run.to());
            ps.setObject(k++, run.dueDate());
            ps.setLong(k++, run.runId());
            ps.setString(k++, cut(run.actor(), 120));
            ps.setArray(k++, c.createArrayOf("int4", lines.invoices));
            ps.setArray(k++, c.createArrayOf("int4", lines.positions));
            ps.setArray(k++, c.createArrayOf("bigint", lines.childIds));
            ps.setArray(k++, c.createArrayOf("varchar", lines.names));
            ps.setArray(k++, c.createArrayOf("varchar", lines.activities));
            ps.setArray(k++, c.createArrayOf("varchar", lines.units));
            ps.setArray(k++, c.createArrayOf("int4", lines.quantities));
            ps.setArray(k++, c.createArrayOf("bigint", lines.unitPrices));
            ps.setArray(k++, c.createArrayOf("bigint", lines.amounts));
            ps.setArray(k++, c.createArrayOf("varchar", lines.labels));
            ps.setArray(k++, c.createArrayOf("varchar", lines.brackets));
            // each line's days: its month (as days since 1970-01-01) and bitmask, or, over several months, a date array's text
            ps.setArray(k++, c.createArrayOf("text", lines.days));
            ps.setArray(k++, c.createArrayOf("int4", lines.daysMonth));
            ps.setArray(k++, c.createArrayOf("int4", lines.daysBits));
            ps.setInt(k++, families.size());
            ps.setInt(k++, n);
            ps.setLong(k++, total);
            ps.setLong(k++, run.runId());
            ps.setString(k++, cut(run.actor(), 120));
            ps.setLong(k++, run.regieId());
            ps.setArray(k++, c.createArrayOf("bigint", familyIds));
            ps.setArray(k++, c.createArrayOf("bigint", totals));
            ps.setArray(k++, c.createArrayOf("varchar", details));
            ps.setArray(k++, c.createArrayOf("bigint", lines.billChild));
            ps.setArray(k++, c.createArrayOf("bigint", lines.billUnit));
            ps.setArray(k++, c.createArrayOf("date", lines.billMonth));
            ps.setArray(k++, c.createArrayOf("int4", lines.billBits));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                invoiceIds = longs(rs.getArray(2));
            }
        }
        if (invoiceIds.length != n) {
            throw new IllegalStateException(invoiceIds.length + " invoice ids for " + n + " invoices");
        }
        Long[] out = new Long[families.size()];
        for (int i = 0, b = 0; i < families.size(); i++) {
            if (!families.get(i).draft().lines().isEmpty()) {
                out[i] = invoiceIds[b++];
            }
        }
        return Arrays.asList(out);
    }

    private static long[] longs(java.sql.Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).longValue();
        }
        return out;
    }

    /**
     * A chunk's lines as the columns of their insert (each line's invoice as its index, from 1, among the chunk's
     * invoices), and its days billed by child, unit and month.
     */
    private record Lines(Integer[] invoices, Integer[] positions, Long[] childIds, String[] names, String[] activities,
            String[] units, Integer[] quantities, Long[] unitPrices, Long[] amounts, String[] labels, String[] brackets,
            String[] days, Integer[] daysMonth, Integer[] daysBits, Long[] billChild, Long[] billUnit,
            java.sql.Date[] billMonth, Integer[] billBits) {
    }

    /** The lines of {@code billed}'s invoices, in order, each family's numbered from 1. */
    private static Lines lines(List<FamilyInvoice> billed) {
        int n = billed.stream().mapToInt(f -> f.draft().lines().size()).sum();
        Integer[] invoices = new Integer[n];
        Integer[] positions = new Integer[n];
        Long[] childIds = new Long[n];
        String[] names = new String[n];
        String[] activities = new String[n];
        String[] units = new String[n];
        Integer[] quantities = new Integer[n];
        Long[] unitPrices = new Long[n];
        Long[] amounts = new Long[n];
        String[] labels = new String[n];
        String[] brackets = new String[n];
        String[] days = new String[n];
        Integer[] daysMonth = new Integer[n];
        Integer[] daysBits = new Integer[n];
        // the days billed, by child, unit and month (bit d - 1 for day d), one entry per line and month
        List<Long> billChild = new ArrayList<>();
        List<Long> billUnit = new ArrayList<>();
        List<java.sql.Date> billMonth = new ArrayList<>();
        List<Integer> billBits = new ArrayList<>();
        int k = 0;
        for (int f = 0; f < billed.size(); f++) {
            FamilyInvoice family = billed.get(f);
            List<InvoiceDraft.Line> lines = family.draft().lines();
            for (int i = 0; i < lines.size(); i++, k++) {
                InvoiceDraft.Line line = lines.get(i);
                invoices[k] = f + 1;
                positions[k] = i + 1;
                childIds[k] = line.childId();
                names[k] = cut(family.childNames().get(line.childId()), 220);
                activities[k] = line.activity();
                units[k] = line.unit();
                quantities[k] = line.quantity();
                unitPrices[k] = line.unitPriceCents();
                amounts[k] = line.amountCents();
                labels[k] = cut(line.label(), 300);
                brackets[k] = line.bracket();
                long unit = family.unitIds().get(line.activity() + "/" + line.unit());
                int months = billMonth.size();
                LocalDate month = null;
                int bits = 0;
                for (LocalDate day : line.days()) {
                    LocalDate first = day.withDayOfMonth(1);
                    if (!first.equals(month)) {
                        if (month != null) {
                            billChild.add(line.childId());
                            billUnit.add(unit);
                            billMonth.add(java.sql.Date.valueOf(month));
                            billBits.add(bits);
                        }
                        month = first;
                        bits = 0;
                    }
                    bits |= 1 << (day.getDayOfMonth() - 1);
                }
                if (month != null) {
                    billChild.add(line.childId());
                    billUnit.add(unit);
                    billMonth.add(java.sql.Date.valueOf(month));
                    billBits.add(bits);
                }
                if (month != null && billMonth.size() == months + 1) {
                    // one month: the line keeps it and its bitmask (tenant V31), as billed_month does
                    daysMonth[k] = Math.toIntExact(month.toEpochDay());
                    daysBits[k] = bits;
                } else {
                    days[k] = dateArray(line.days());
                }
            }
        }
        return new Lines(invoices, positions, childIds, names, activities, units, quantities, unitPrices, amounts, labels,
                brackets, days, daysMonth, daysBits, billChild.toArray(new Long[0]), billUnit.toArray(new Long[0]),
                billMonth.toArray(new java.sql.Date[0]), billBits.toArray(new Integer[0]));
    }

    /** {@code days} as the text of a PostgreSQL date array, {@code {2026-10-01,2026-10-02}}. */
    static String dateArray(List<LocalDate> days) {
        StringBuilder text = new StringBuilder(2 + days.size() * 11).append('{');
        for (int i = 0; i < days.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(days.get(i));
        }
        return text.append('}').toString();
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
