package fr.portailfamille.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A régie's gap-free numbers (invoices {@code AL-36}, credit notes {@code AL-AV-3}, receipts
 * {@code AL-R-12}), taken in the caller's transaction: {@code update regie set next_number =
 * next_number + 1 … returning} locks the régie's row until the transaction ends, so that concurrent
 * transactions take consecutive numbers, and a rolled-back transaction gives its number back. A
 * transaction holding a number should therefore be short (the run numbers each family's invoice in
 * the transaction that writes it).
 */
public final class InvoiceNumbering {

    private static final Pattern SCHEMA = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

    /** The régie's counters, each with its column and the part after the prefix. */
    public enum Sequence {
        INVOICE("next_number", ""),
        CREDIT_NOTE("next_credit_number", "AV-"),
        RECEIPT("next_receipt_number", "R-");

        private final String column;
        private final String infix;

        Sequence(String column, String infix) {
            this.column = column;
            this.infix = infix;
        }
    }

    /** A number taken: its place in the sequence and its printed form. */
    public record Number(long sequence, String text) {
    }

    private InvoiceNumbering() {
    }

    /** The printed number: {@code AL-36}, {@code AL-AV-3}, {@code AL-R-12}. */
    public static String format(String prefix, Sequence sequence, long n) {
        return prefix + "-" + sequence.infix + n;
    }

    /**
     * Takes the next number of régie {@code regieCode}'s {@code sequence} in the connection's current
     * transaction (the caller turns auto-commit off, and commits or rolls back).
     *
     * @throws IllegalArgumentException when the schema name is not a plain identifier or the régie does not exist
     */
    public static Number next(Connection c, String schema, String regieCode, Sequence sequence) throws SQLException {
        return next(c, schema, regieCode, sequence, 1).get(0);
    }

    /**
     * Takes the next {@code count} consecutive numbers of régie {@code regieCode}'s {@code sequence} at once,
     * with one row lock, in the connection's current transaction (as {@link #next(Connection, String, String,
     * Sequence)}: a rollback gives them all back). An invoicing run numbers a whole chunk of families so.
     *
     * @return the numbers in order, {@code count} of them (none for 0, without touching the régie)
     * @throws IllegalArgumentException when the schema name is not a plain identifier, the régie does not exist
     *     or {@code count} is negative
     */
    public static List<Number> next(Connection c, String schema, String regieCode, Sequence sequence, int count)
            throws SQLException {
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("Nom de schéma invalide : " + schema);
        }
        if (count < 0) {
            throw new IllegalArgumentException("Nombre de numéros négatif : " + count);
        }
        if (count == 0) {
            return List.of();
        }
        String column = sequence.column;
        try (PreparedStatement ps = c.prepareStatement("update \"" + schema + "\".regie set " + column + " = " + column
                + " + ? where code = ? returning " + column + " - ?, invoice_prefix")) {
            ps.setInt(1, count);
            ps.setString(2, regieCode);
            ps.setInt(3, count);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("Régie inconnue : " + regieCode);
                }
                long first = rs.getLong(1);
                String prefix = rs.getString(2);
                List<Number> numbers = new ArrayList<>(count);
                for (long n = first; n < first + count; n++) {
                    numbers.add(new Number(n, format(prefix, sequence, n)));
                }
                return numbers;
            }
        }
    }
}
