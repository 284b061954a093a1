package fr.portailfamille.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one family's invoice of an invoicing run in the connection's current transaction (the caller
 * commits or rolls back, and may issue several families in one transaction): takes the régie's next gap-free number ({@link InvoiceNumbering}), writes the
 * invoice, its lines and its billed days (each as one statement over arrays: seven short statements per
 * family whatever its number of days), counts the family done on the run, and audits. The platform's run and the
 * invoicing benchmark both call it. A day billed meanwhile by another run violates {@code billed_day}'s
 * key: the caller's transaction rolls back, its number with it.
 */
public final class InvoiceStore {

    private InvoiceStore() {
    }

    /** What the run issues with: the run, its régie and period, the due date, who issues. */
    public record RunContext(long runId, long regieId, String regieCode, LocalDate from, LocalDate to, LocalDate dueDate,
            String actor) {
    }

    /**
     * Issues {@code family}'s draft in the run.
     *
     * @param schema the commune's schema (for the numbering's row lock; the rest uses the search path)
     * @return the invoice's id, or {@code null} when the family had nothing to bill (counted done all the same)
     */
    public static Long issue(Connection c, String schema, RunContext run, FamilyInvoice family) throws SQLException {
        InvoiceDraft draft = family.draft();
        if (draft.lines().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("update billing_run set families_done = families_done + 1 where id = ?")) {
                ps.setLong(1, run.runId());
                ps.executeUpdate();
            }
            return null;
        }
        InvoiceNumbering.Number number = InvoiceNumbering.next(c, schema, run.regieCode(), InvoiceNumbering.Sequence.INVOICE);
        long invoice;
        try (PreparedStatement ps = c.prepareStatement("insert into invoice (regie_id, family_id, kind, sequence, number,"
                + " period_start, period_end, due_date, total_cents, billing_run_id, issued_by)"
                + " values (?, ?, 'INVOICE', ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            ps.setLong(1, run.regieId());
            ps.setLong(2, family.familyId());
            ps.setLong(3, number.sequence());
            ps.setString(4, number.text());
            ps.setObject(5, run.from());
            ps.setObject(6, run.to());
            ps.setObject(7, run.dueDate());
            ps.setLong(8, draft.totalCents());
            ps.setLong(9, run.runId());
            ps.setString(10, cut(run.actor(), 120));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                invoice = rs.getLong(1);
            }
        }
        writeLines(c, invoice, family);
        try (PreparedStatement ps = c.prepareStatement("update billing_run set families_done = families_done + 1,"
                + " invoices_issued = invoices_issued + 1, total_cents = total_cents + ? where id = ?")) {
            ps.setLong(1, draft.totalCents());
            ps.setLong(2, run.runId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into billing_audit (actor, action, regie_id, family_id,"
                + " invoice_id, amount_cents, detail) values (?, 'INVOICE_ISSUED', ?, ?, ?, ?, ?)")) {
            ps.setString(1, cut(run.actor(), 120));
            ps.setLong(2, run.regieId());
            ps.setLong(3, family.familyId());
            ps.setLong(4, invoice);
            ps.setLong(5, draft.totalCents());
            ps.setString(6, cut("Facture " + number.text() + " du " + run.from() + " au " + run.to() + " : "
                    + Money.format(draft.totalCents()), 1000));
            ps.executeUpdate();
        }
        return invoice;
    }

    private static void writeLines(Connection c, long invoice, FamilyInvoice family) throws SQLException {
        InvoiceDraft draft = family.draft();
        int n = draft.lines().size();
        // the lines' ids taken first, so that lines and billed days each go in one statement (arrays unnested)
        Long[] ids = new Long[n];
        try (PreparedStatement ps = c.prepareStatement(
                "select nextval(pg_get_serial_sequence('invoice_line', 'id')) from generate_series(1, ?)")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < n && rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        Long[] childIds = new Long[n];
        Integer[] positions = new Integer[n];
        String[] names = new String[n];
        String[] activities = new String[n];
        String[] units = new String[n];
        Integer[] quantities = new Integer[n];
        Long[] unitPrices = new Long[n];
        Long[] amounts = new Long[n];
        String[] labels = new String[n];
        String[] brackets = new String[n];
        List<Long> dayChild = new ArrayList<>();
        List<Long> dayUnit = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        List<Long> dayLine = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            InvoiceDraft.Line line = draft.lines().get(i);
            positions[i] = i + 1;
            childIds[i] = line.childId();
            names[i] = cut(family.childNames().get(line.childId()), 220);
            activities[i] = line.activity();
            units[i] = line.unit();
            quantities[i] = line.quantity();
            unitPrices[i] = line.unitPriceCents();
            amounts[i] = line.amountCents();
            labels[i] = cut(line.label(), 300);
            brackets[i] = line.bracket();
            long unit = family.unitIds().get(line.activity() + "/" + line.unit());
            for (LocalDate day : line.days()) {
                dayChild.add(line.childId());
                dayUnit.add(unit);
                days.add(day);
                dayLine.add(ids[i]);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into invoice_line (id, invoice_id, position, child_id,"
                + " child_name, activity_code, unit_code, quantity, unit_price_cents, amount_cents, label, bracket_code)"
                + " select l.id, ?, l.position, l.child, l.name, l.activity, l.unit, l.quantity, l.price, l.amount, l.label,"
                + " l.bracket from unnest(?::bigint[], ?::int[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[],"
                + " ?::int[], ?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[])"
                + " as l (id, position, child, name, activity, unit, quantity, price, amount, label, bracket)")) {
            ps.setLong(1, invoice);
            ps.setArray(2, c.createArrayOf("bigint", ids));
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
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into billed_day (child_id, unit_id, day, invoice_line_id)"
                + " select * from unnest(?::bigint[], ?::bigint[], ?::date[], ?::bigint[])")) {
            ps.setArray(1, c.createArrayOf("bigint", dayChild.toArray(new Long[0])));
            ps.setArray(2, c.createArrayOf("bigint", dayUnit.toArray(new Long[0])));
            ps.setArray(3, c.createArrayOf("date", days.stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new)));
            ps.setArray(4, c.createArrayOf("bigint", dayLine.toArray(new Long[0])));
            ps.executeUpdate();
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
