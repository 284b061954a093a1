package fr.portailfamille.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which uses of a family's account credit with a régie were paid with money the family gave, for the attestation
 * fiscale ({@link ChildcareTaxCertificate}): an overpayment kept as credit is not care when received (it pays no
 * invoice), it becomes so when the credit pays one — the year of that use, not the year of the payment.
 *
 * <p>The credit's movements ({@code account_credit}) are matched in time order: each source (an overpayment of a
 * payment, a credit note) is spent by the uses after it, oldest source first; a credit note's share taken at once by
 * the invoice it corrects is spent from that credit note; an overpayment taken back when its payment is cancelled is
 * spent from that payment's. A use spent from a payment's overpayment is certified as paid on the day of the use,
 * unless the payment was in CESU (already exempt). A credit note's credit is imputed first on what the invoice it
 * corrects still owes (never paid: that share certifies nothing); what is left of it is money the family paid for
 * that invoice beyond what it now bills — which {@link ChildcareTaxCertificate} left out of that invoice's payments —,
 * certified when it pays another invoice, unless the corrected invoice was paid in CESU. Credit taken back from an
 * invoice (the payment whose overpayment paid it is cancelled: the invoice is owed again) undoes the uses on that
 * invoice, latest first: their sources get the credit back, and what was certified of them is no longer.
 */
public final class CreditUses {

    private CreditUses() {
    }

    /**
     * One movement of the family's credit with one régie, in time order ({@code at}, then {@code id}).
     *
     * @param cents positive: credit added (an overpayment, a credit note) or given back by an invoice it paid;
     *     negative: credit used or taken back
     * @param paymentId the payment whose overpayment it adds or takes back, {@code null} otherwise
     * @param invoiceId positive: the credit note that adds it, or (with no {@code creditNoteOf}) the invoice whose
     *     uses it undoes; negative: the invoice it pays ({@code null}: taken back)
     * @param creditNoteOf for a credit note's credit, the invoice that credit note corrects
     * @param certifiable for an overpayment, whether its payment counts for the attestation (not in CESU, not cancelled);
     *     for a credit note's credit, whether the invoice it corrects was paid without CESU
     */
    public record Movement(long id, LocalDate at, long cents, Long paymentId, Long invoiceId, Long creditNoteOf,
                           boolean certifiable) {

        public Movement {
            Objects.requireNonNull(at, "at");
            if (cents == 0) {
                throw new IllegalArgumentException("empty movement " + id);
            }
        }
    }

    /** Money the family gave that the credit paid to invoice {@code invoiceId} on {@code at}. */
    public record Use(LocalDate at, long invoiceId, long cents) {
    }

    private static final class Source {
        final Movement added;
        long left;

        Source(Movement added) {
            this.added = added;
            this.left = added.cents();
        }
    }

    /** A part of a use of credit paid from one source; {@code certified} when it counts for the attestation. */
    private static final class Spent {
        final Movement use;
        final Source from;
        final boolean certified;
        long cents;

        Spent(Movement use, Source from, long cents, boolean certified) {
            this.use = use;
            this.from = from;
            this.cents = cents;
            this.certified = certified;
        }
    }

    /** The certified uses among {@code movements} (of one family and one régie), in time order. */
    public static List<Use> certified(List<Movement> movements) {
        List<Source> sources = new ArrayList<>();
        List<Spent> spent = new ArrayList<>();
        for (Movement m : movements.stream().sorted(Comparator.comparing(Movement::at).thenComparingLong(Movement::id)).toList()) {
            if (m.cents() > 0 && m.invoiceId() != null && m.creditNoteOf() == null && m.paymentId() == null) {
                takeBack(m, spent);
                continue;
            }
            if (m.cents() > 0) {
                sources.add(new Source(m));
                continue;
            }
            long wanted = -m.cents();
            List<Source> order = new ArrayList<>();
            if (m.invoiceId() == null && m.paymentId() != null) {
                // an overpayment taken back: that payment's own
                sources.stream().filter(s -> m.paymentId().equals(s.added.paymentId())).forEach(order::add);
            } else if (m.invoiceId() != null) {
                // a credit note's share imputed on the invoice it corrects comes from that credit note
                sources.stream().filter(s -> m.invoiceId().equals(s.added.creditNoteOf())).forEach(order::add);
            }
            sources.stream().filter(s -> !order.contains(s)).forEach(order::add);
            for (Source s : order) {
                if (wanted == 0) {
                    break;
                }
                long part = Math.min(wanted, s.left);
                if (part <= 0) {
                    continue;
                }
                s.left -= part;
                wanted -= part;
                if (m.invoiceId() != null) {
                    spent.add(new Spent(m, s, part, s.added.certifiable() && (s.added.paymentId() != null
                            || s.added.creditNoteOf() != null && !m.invoiceId().equals(s.added.creditNoteOf()))));
                }
            }
        }
        return spent.stream().filter(p -> p.certified && p.cents > 0)
                .map(p -> new Use(p.use.at(), p.use.invoiceId(), p.cents)).toList();
    }

    /** Undoes {@code back}'s cents of the uses on its invoice, latest first, giving them back to their sources. */
    private static void takeBack(Movement back, List<Spent> spent) {
        long wanted = back.cents();
        for (int k = spent.size() - 1; k >= 0 && wanted > 0; k--) {
            Spent p = spent.get(k);
            if (!back.invoiceId().equals(p.use.invoiceId()) || p.cents == 0) {
                continue;
            }
            long part = Math.min(wanted, p.cents);
            p.cents -= part;
            p.from.left += part;
            wanted -= part;
        }
    }
}
