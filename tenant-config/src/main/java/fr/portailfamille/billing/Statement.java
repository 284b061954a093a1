package fr.portailfamille.billing;

import fr.portailfamille.problems.Message;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A family's relevé de compte over a period, as seed 004 prints it: the old balance (everything before
 * the period), each movement of the period — invoices in débit; credit notes and payments in crédit; a
 * cancelled payment (chèque rejeté) back in débit on the day it was cancelled — and the balance after
 * each, then the closing balance. A positive balance is what the family owes; a negative one is its
 * credit. The relevé, the sum of the invoices' "reste à payer" less the account credit, and the exports
 * all come to the same figure because each is a sum of the same rounded amounts.
 */
public record Statement(LocalDate from, LocalDate to, long openingCents, List<Line> lines, long debitCents,
        long creditCents, long closingCents) {

    /** What moved the family's account. */
    /**
     * What a movement is; {@code TITRE}: an invoice's rest transmitted to the Trésorerie as a titre de recettes — it
     * leaves the régie's account, the family settles it with the Trésorerie (seed 004: "Titre émis (ORMC n°X)").
     */
    public enum Kind { INVOICE, CREDIT_NOTE, PAYMENT, PAYMENT_CANCELLED, TITRE }

    /**
     * One movement: its date, its reference (AL-36, AL-AV-3, AL-R-12) and what it is ({@code text}, to be read in the
     * reader's language: the page's; the PDF prints its French, {@link #label()}), débit or crédit in cents.
     */
    public record Movement(LocalDate date, Kind kind, String reference, Message text, long debitCents, long creditCents) {

        public Movement {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            if (debitCents < 0 || creditCents < 0 || (debitCents > 0 && creditCents > 0)) {
                throw new IllegalArgumentException("a movement is a débit or a crédit, not negative: " + reference);
            }
        }

        /** A movement whose label is already written (the same in every language). */
        public Movement(LocalDate date, Kind kind, String reference, String label, long debitCents, long creditCents) {
            this(date, kind, reference, Message.literal(label), debitCents, creditCents);
        }

        /** What it is, in French. */
        public String label() {
            return text.french();
        }

        public LocalDate getDate() { return date; }
        public Kind getKind() { return kind; }
        public String getReference() { return reference; }
        public String getLabel() { return label(); }
        public long getDebitCents() { return debitCents; }
        public long getCreditCents() { return creditCents; }
    }

    /** A movement of the period with the balance after it. */
    public record Line(Movement movement, long balanceCents) {

        public Movement getMovement() { return movement; }
        public long getBalanceCents() { return balanceCents; }
    }

    public Statement {
        lines = List.copyOf(lines);
    }

    public long getOpeningCents() { return openingCents; }
    public List<Line> getLines() { return lines; }
    public long getDebitCents() { return debitCents; }
    public long getCreditCents() { return creditCents; }
    public long getClosingCents() { return closingCents; }
    public LocalDate getFrom() { return from; }
    public LocalDate getTo() { return to; }

    /**
     * The relevé of {@code from}–{@code to} (both included) from all the family's movements: those before
     * {@code from} make the old balance, those after {@code to} are left out. Movements of one day keep
     * débits before crédits, then their reference order, so that the same movements always print alike.
     */
    public static Statement of(Collection<Movement> all, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + " – " + to);
        }
        List<Movement> sorted = new ArrayList<>(all);
        // on one day, debits first (the invoice, then what paid it); a payment's cancellation after the payment it cancels
        sorted.sort(Comparator.comparing(Movement::date)
                .thenComparing(m -> m.kind() == Kind.PAYMENT_CANCELLED)
                .thenComparing(m -> m.creditCents() > 0)
                .thenComparing(m -> m.reference() == null ? "" : m.reference()));
        long opening = 0;
        long debit = 0;
        long credit = 0;
        List<Line> lines = new ArrayList<>();
        long balance = 0;
        for (Movement m : sorted) {
            if (m.date().isBefore(from)) {
                opening = Math.addExact(opening, m.debitCents() - m.creditCents());
                balance = opening;
            } else if (!m.date().isAfter(to)) {
                debit = Math.addExact(debit, m.debitCents());
                credit = Math.addExact(credit, m.creditCents());
                balance = Math.addExact(balance, m.debitCents() - m.creditCents());
                lines.add(new Line(m, balance));
            }
        }
        return new Statement(from, to, opening, lines, debit, credit, opening + debit - credit);
    }

    /** The first day of the school year {@code day} belongs to (1 September). */
    public static LocalDate schoolYearStart(LocalDate day) {
        return LocalDate.of(day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1, 9, 1);
    }

    /** The last day of the school year starting on {@code start} (31 August). */
    public static LocalDate schoolYearEnd(LocalDate start) {
        return start.plusYears(1).minusDays(1);
    }
}
