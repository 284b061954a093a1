package fr.portailfamille.billing;

import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Problems;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a payment received at the counter is spread over a family's open invoices of one régie: oldest
 * first by default (by due date, then issue date, then number), editable by the régisseur, and checked:
 * never more on an invoice than what is left to pay of it, never more in all than the payment; what is
 * not allocated stays on the family's account as credit (an overpayment).
 */
public final class Allocations {

    /** An invoice open to a counter payment: what is left to pay of it. */
    public record Open(long invoiceId, String number, LocalDate issuedOn, LocalDate dueDate, long outstandingCents) {
    }

    /** Oldest first: due date, then issue date, then id (stable). */
    public static final Comparator<Open> OLDEST_FIRST = Comparator
            .comparing(Open::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Open::issuedOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(Open::invoiceId);

    private Allocations() {
    }

    /**
     * The default allocation of {@code amountCents} over {@code open}: the oldest invoice is paid first,
     * in full when the amount allows, then the next. Invoices the amount does not reach are left out.
     *
     * @return invoice id → cents, oldest first
     */
    public static Map<Long, Long> oldestFirst(List<Open> open, long amountCents) {
        Map<Long, Long> allocation = new LinkedHashMap<>();
        long left = Math.max(0, amountCents);
        for (Open o : open.stream().sorted(OLDEST_FIRST).toList()) {
            if (left == 0) {
                break;
            }
            long part = Math.min(left, o.outstandingCents());
            if (part > 0) {
                allocation.put(o.invoiceId(), part);
                left -= part;
            }
        }
        return allocation;
    }

    /** What is left of {@code amountCents} once {@code allocation} is paid: the overpayment kept as credit. */
    public static long overpayment(long amountCents, Map<Long, Long> allocation) {
        return amountCents - total(allocation);
    }

    /** The sum of an allocation (0 for none). */
    public static long total(Map<Long, Long> allocation) {
        long sum = 0;
        for (Long cents : allocation.values()) {
            sum = Math.addExact(sum, cents == null ? 0 : cents);
        }
        return sum;
    }

    /**
     * What is wrong with allocating {@code allocation} (invoice id → cents; zero entries are ignored) of a
     * payment of {@code amountCents} over {@code open}: each on its field, {@code amount} or
     * {@code allocation[<invoice id>]} (bundle {@code problems}, {@code billing.allocation.*}). Empty when it may be
     * recorded.
     */
    public static List<FieldError> check(long amountCents, List<Open> open, Map<Long, Long> allocation) {
        List<FieldError> errors = new ArrayList<>();
        if (amountCents <= 0) {
            errors.add(Problems.error("amount", "billing.allocation.amountRequired"));
        }
        Map<Long, Open> byId = new LinkedHashMap<>();
        open.forEach(o -> byId.put(o.invoiceId(), o));
        long sum = 0;
        for (Map.Entry<Long, Long> e : allocation.entrySet()) {
            long cents = e.getValue() == null ? 0 : e.getValue();
            String field = "allocation[" + e.getKey() + "]";
            if (cents == 0) {
                continue;
            }
            if (cents < 0) {
                errors.add(Problems.error(field, "billing.allocation.negative"));
                continue;
            }
            Open o = byId.get(e.getKey());
            if (o == null) {
                errors.add(Problems.error(field, "billing.allocation.notOpen"));
                continue;
            }
            if (cents > o.outstandingCents()) {
                errors.add(Problems.error(field, "billing.allocation.beyondOutstanding", Money.amount(cents), o.number(),
                        Money.amount(o.outstandingCents())));
            }
            sum = Math.addExact(sum, cents);
        }
        if (amountCents > 0 && sum > amountCents) {
            errors.add(Problems.error("amount", "billing.allocation.beyondPayment", Money.amount(sum), Money.amount(amountCents)));
        }
        return errors;
    }
}
