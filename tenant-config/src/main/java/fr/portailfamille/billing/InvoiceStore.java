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
 * the run, and audits each invoice. A chunk of families costs the same seven statements as one family
 * (ids, numbers, invoices, lines with their days, billed days, progress, audit, each over arrays), whatever its
 * number of lines and days: a line keeps its days ({@code invoice_line.days}), and the days billed are recorded
 * as one bitmask per child, unit and month ({@code billed_month}, tenant V29's {@code bill_days}). The
 * platform's run and the invoicing benchmark both call it. A day billed meanwhile by another run, even a
 * concurrent one, is refused (SQLSTATE 23505): the caller's transaction rolls back, its numbers with it.
 */
public final class InvoiceStore {

    private InvoiceStore() {
    }

    /** What the run issues with: the run, its régie and period, the due date, who issues. */
    public record RunContext(long runId, long regieId, String regieCode, LocalDate from, LocalDate to, LocalDate dueDate,
            String actor) {
    }

    /** Families written after which a run first refreshes the invoice tables' statistics. */
    public static final int ANALYZE_FIRST = 100;

    /**
     * Whether a run that has written {@code familiesWritten} of its families should refresh the statistics
     * of {@code invoice}, {@code invoice_line} and {@code billed_month} now: at {@value #ANALYZE_FIRST}, then each
     * time they have grown fourfold (400, 1,600, 6,400…). On a commune's first run these tables start empty,
     * and the plans of the foreign-key checks of every insert are made from their statistics: made for a
     * tiny table (a sequential scan), they cost more with every invoice written until the statistics change,
     * which autovacuum does at most once a minute (bench 4: the per-family cost grew with the run's size).
     */
    public static boolean analyzeNow(int familiesWritten) {
        int at = ANALYZE_FIRST;
        while (at < familiesWritten) {
            at *= 4;
        }
        return at == familiesWritten;
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
        List<FamilyInvoice> billed = families.stream().filter(f -> !f.draft().lines().isEmpty()).toList();
        Long[] ids = new Long[families.size()];
        long total = 0;
        if (!billed.isEmpty()) {
            int lineCount = billed.stream().mapToInt(f -> f.draft().lines().size()).sum();
            long[][] taken = ids(c, billed.size(), lineCount);
            long[] invoiceIds = taken[0];
            long[] lineIds = taken[1];
            List<InvoiceNumbering.Number> numbers = InvoiceNumbering.next(c, schema, run.regieCode(),
                    InvoiceNumbering.Sequence.INVOICE, billed.size());
            total = writeInvoices(c, run, billed, invoiceIds, numbers);
            writeLines(c, billed, invoiceIds, lineIds);
            audit(c, run, billed, invoiceIds, numbers);
            for (int i = 0, b = 0; i < families.size(); i++) {
                if (!families.get(i).draft().lines().isEmpty()) {
                    ids[i] = invoiceIds[b++];
                }
            }
        }
        // the run's progress, once for the chunk
        try (PreparedStatement ps = c.prepareStatement("update billing_run set families_done = families_done + ?,"
                + " invoices_issued = invoices_issued + ?, total_cents = total_cents + ? where id = ?")) {
            ps.setInt(1, families.size());
            ps.setInt(2, billed.size());
            ps.setLong(3, total);
            ps.setLong(4, run.runId());
            ps.executeUpdate();
        }
        return Arrays.asList(ids);
    }

    /** The ids of {@code invoices} new invoices and {@code lines} new lines, from their sequences, in one query. */
    private static long[][] ids(Connection c, int invoices, int lines) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select array(select nextval(pg_get_serial_sequence('invoice', 'id'))"
                + " from generate_series(1, ?)), array(select nextval(pg_get_serial_sequence('invoice_line', 'id'))"
                + " from generate_series(1, ?))")) {
            ps.setInt(1, invoices);
            ps.setInt(2, lines);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[][] {longs(rs.getArray(1)), longs(rs.getArray(2))};
            }
        }
    }

    private static long[] longs(java.sql.Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).longValue();
        }
        return out;
    }

    /** The invoices, in one statement; returns their total. */
    private static long writeInvoices(Connection c, RunContext run, List<FamilyInvoice> billed, long[] invoiceIds,
            List<InvoiceNumbering.Number> numbers) throws SQLException {
        int n = billed.size();
        Long[] ids = new Long[n];
        Long[] familyIds = new Long[n];
        Long[] sequences = new Long[n];
        String[] texts = new String[n];
        Long[] totals = new Long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            ids[i] = invoiceIds[i];
            familyIds[i] = billed.get(i).familyId();
            sequences[i] = numbers.get(i).sequence();
            texts[i] = numbers.get(i).text();
            totals[i] = billed.get(i).draft().totalCents();
            total = Math.addExact(total, totals[i]);
        }
        try (PreparedStatement ps = c.prepareStatement("insert into invoice (id, regie_id, family_id, kind, sequence, number,"
                + " period_start, period_end, due_date, total_cents, billing_run_id, issued_by)"
                + " select i.id, ?, i.family, 'INVOICE', i.sequence, i.number, ?, ?, ?, i.total, ?, ?"
                + " from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::varchar[], ?::bigint[])"
                + " as i (id, family, sequence, number, total)")) {
            ps.setLong(1, run.regieId());
            ps.setObject(2, run.from());
            ps.setObject(3, run.to());
            ps.setObject(4, run.dueDate());
            ps.setLong(5, run.runId());
            ps.setString(6, cut(run.actor(), 120));
            ps.setArray(7, c.createArrayOf("bigint", ids));
            ps.setArray(8, c.createArrayOf("bigint", familyIds));
            ps.setArray(9, c.createArrayOf("bigint", sequences));
            ps.setArray(10, c.createArrayOf("varchar", texts));
            ps.setArray(11, c.createArrayOf("bigint", totals));
            ps.executeUpdate();
        }
        return total;
    }

    /** The invoices' lines with their days, then the days billed: two statements for the whole chunk. */
    private static void writeLines(Connection c, List<FamilyInvoice> billed, long[] invoiceIds, long[] lineIds)
            throws SQLException {
        int n = lineIds.length;
        Long[] ids = new Long[n];
        Long[] invoices = new Long[n];
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
                ids[k] = lineIds[k];
                invoices[k] = invoiceIds[f];
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
                days[k] = dateArray(line.days());
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
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into invoice_line (id, invoice_id, position, child_id,"
                + " child_name, activity_code, unit_code, quantity, unit_price_cents, amount_cents, label, bracket_code, days)"
                + " select l.id, l.invoice, l.position, l.child, l.name, l.activity, l.unit, l.quantity, l.price, l.amount,"
                + " l.label, l.bracket, cast(l.days as date[])"
                + " from unnest(?::bigint[], ?::bigint[], ?::int[], ?::bigint[], ?::varchar[], ?::varchar[],"
                + " ?::varchar[], ?::int[], ?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::text[])"
                + " as l (id, invoice, position, child, name, activity, unit, quantity, price, amount, label, bracket, days)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids));
            ps.setArray(2, c.createArrayOf("bigint", invoices));
            ps.setArray(3, c.createArrayOf("int4", positions));
            ps.setArray(4, c.createArrayOf("bigint", childIds));
            ps.setArray(5, c.createArrayOf("varchar", names));
            ps.setArray(6, c.createArrayOf("varchar", activities));
            ps.setArray(7, c.createArrayOf("varchar", units));
            ps.setArray(8, c.createArrayOf("int4", quantities));
            ps.setArray(9, c.createArrayOf("bigint", unitPrices));
            ps.setArray(10, c.createArrayOf("bigint", amounts));
            ps.setArray(11, c.createArrayOf("varchar", labels));
            ps.setArray(12, c.createArrayOf("varchar", brackets));
            // each line's days as the text of a date array
            ps.setArray(13, c.createArrayOf("text", days));
            ps.executeUpdate();
        }
        // the days billed, refused (23505) if any is billed already: tenant V29's bill_days
        try (PreparedStatement ps = c.prepareStatement("select bill_days(?::bigint[], ?::bigint[], ?::date[], ?::int[])")) {
            ps.setArray(1, c.createArrayOf("bigint", billChild.toArray(new Long[0])));
            ps.setArray(2, c.createArrayOf("bigint", billUnit.toArray(new Long[0])));
            ps.setArray(3, c.createArrayOf("date", billMonth.toArray(new java.sql.Date[0])));
            ps.setArray(4, c.createArrayOf("int4", billBits.toArray(new Integer[0])));
            ps.execute();
        }
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

    /** One audit row per invoice issued, in one statement. */
    private static void audit(Connection c, RunContext run, List<FamilyInvoice> billed, long[] invoiceIds,
            List<InvoiceNumbering.Number> numbers) throws SQLException {
        int n = billed.size();
        Long[] familyIds = new Long[n];
        Long[] ids = new Long[n];
        Long[] amounts = new Long[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            familyIds[i] = billed.get(i).familyId();
            ids[i] = invoiceIds[i];
            amounts[i] = billed.get(i).draft().totalCents();
            details[i] = cut("Facture " + numbers.get(i).text() + " du " + run.from() + " au " + run.to() + " : "
                    + Money.format(amounts[i]), 1000);
        }
        try (PreparedStatement ps = c.prepareStatement("insert into billing_audit (actor, action, regie_id, family_id,"
                + " invoice_id, amount_cents, detail) select ?, 'INVOICE_ISSUED', ?, a.family, a.invoice, a.amount, a.detail"
                + " from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::varchar[]) as a (family, invoice, amount, detail)")) {
            ps.setString(1, cut(run.actor(), 120));
            ps.setLong(2, run.regieId());
            ps.setArray(3, c.createArrayOf("bigint", familyIds));
            ps.setArray(4, c.createArrayOf("bigint", ids));
            ps.setArray(5, c.createArrayOf("bigint", amounts));
            ps.setArray(6, c.createArrayOf("varchar", details));
            ps.executeUpdate();
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
