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
 * commits or rolls back): takes the régie's next gap-free number ({@link InvoiceNumbering}), writes the
 * invoice, its lines and its billed days (each as one JDBC batch: a few round trips per family whatever
 * its number of days), counts the family done on the run, and audits. The platform's run and the
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
        List<Long> lineIds = new ArrayList<>(draft.lines().size());
        try (PreparedStatement lines = c.prepareStatement("insert into invoice_line (invoice_id, position, child_id,"
                + " child_name, activity_code, unit_code, quantity, unit_price_cents, amount_cents, label, bracket_code)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            int position = 0;
            for (InvoiceDraft.Line line : draft.lines()) {
                lines.setLong(1, invoice);
                lines.setInt(2, ++position);
                lines.setLong(3, line.childId());
                lines.setString(4, cut(family.childNames().get(line.childId()), 220));
                lines.setString(5, line.activity());
                lines.setString(6, line.unit());
                lines.setInt(7, line.quantity());
                lines.setLong(8, line.unitPriceCents());
                lines.setLong(9, line.amountCents());
                lines.setString(10, cut(line.label(), 300));
                lines.setString(11, line.bracket());
                lines.addBatch();
            }
            lines.executeBatch();
            try (ResultSet keys = lines.getGeneratedKeys()) {
                while (keys.next()) {
                    lineIds.add(keys.getLong(1));
                }
            }
        }
        if (lineIds.size() != draft.lines().size()) {
            throw new IllegalStateException("invoice " + invoice + ": " + lineIds.size() + " line ids for "
                    + draft.lines().size() + " lines");
        }
        try (PreparedStatement days = c.prepareStatement(
                "insert into billed_day (child_id, unit_id, day, invoice_line_id) values (?, ?, ?, ?)")) {
            int i = 0;
            for (InvoiceDraft.Line line : draft.lines()) {
                long lineId = lineIds.get(i++);
                long unit = family.unitIds().get(line.activity() + "/" + line.unit());
                for (LocalDate day : line.days()) {
                    days.setLong(1, line.childId());
                    days.setLong(2, unit);
                    days.setObject(3, day);
                    days.setLong(4, lineId);
                    days.addBatch();
                }
            }
            days.executeBatch();
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
