package fr.portailfamille.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The invoice of one family for one period, before it is numbered: lines per child, activity, unit and
 * unit price, and the days left out (excused absences…) with their reasons.
 *
 * @param lines what is billed, by child, activity, unit and first day
 * @param notBilled the priced days not billed
 * @param totalCents the sum of the lines' amounts
 */
public record InvoiceDraft(List<Line> lines, List<PricedLine> notBilled, long totalCents) {

    /**
     * One invoice line: {@code quantity} days at {@code unitPriceCents}.
     *
     * @param label what changed the price, e.g. "Tranche T2 · Majoration hors délai +20 %"
     * @param days the days billed, in order
     */
    public record Line(long childId, String activity, String unit, String label, long unitPriceCents, int quantity,
            long amountCents, String bracket, List<LocalDate> days) {

        public Line {
            days = List.copyOf(days);
        }
    }

    public InvoiceDraft {
        lines = List.copyOf(lines);
        notBilled = List.copyOf(notBilled);
    }

    /** Totals by activity code, in code order (the run's preview, what CAF asks). */
    public Map<String, Long> totalsByActivity() {
        Map<String, Long> totals = new TreeMap<>();
        lines.forEach(l -> totals.merge(l.activity(), l.amountCents(), Long::sum));
        return totals;
    }

    /** Total of one child's lines. */
    public long totalFor(long childId) {
        return lines.stream().filter(l -> l.childId() == childId).mapToLong(Line::amountCents).sum();
    }
}
