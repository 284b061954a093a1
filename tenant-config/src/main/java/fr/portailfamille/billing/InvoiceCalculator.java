package fr.portailfamille.billing;

import fr.portailfamille.billing.InvoiceDraft.Line;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups a family's priced days into invoice lines: one line per child, activity, unit, unit price and
 * label, its amount {@code quantity × unit price} (each day already rounded to the cent), and the total
 * as the sum of the lines, as a family adds them up.
 */
public final class InvoiceCalculator {

    private InvoiceCalculator() {
    }

    /** A line's identity (equality written out: a run's drafts look up some hundred thousand of them). */
    private record Key(long child, String activity, String unit, long unitPrice, String label, String bracket) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && child == k.child && unitPrice == k.unitPrice && Objects.equals(activity, k.activity)
                    && Objects.equals(unit, k.unit) && Objects.equals(label, k.label) && Objects.equals(bracket, k.bracket);
        }

        @Override
        public int hashCode() {
            int h = Long.hashCode(child);
            h = 31 * h + Objects.hashCode(activity);
            h = 31 * h + Objects.hashCode(unit);
            h = 31 * h + Long.hashCode(unitPrice);
            h = 31 * h + Objects.hashCode(label);
            return 31 * h + Objects.hashCode(bracket);
        }
    }

    /** Lines by child, activity, unit, then first day. */
    private static final Comparator<Line> LINE_ORDER = (a, b) -> {
        int c = Long.compare(a.childId(), b.childId());
        if (c == 0) {
            c = a.activity().compareTo(b.activity());
        }
        if (c == 0) {
            c = a.unit().compareTo(b.unit());
        }
        return c != 0 ? c : a.days().get(0).compareTo(b.days().get(0));
    };

    /** The draft of days priced one by one. */
    public static InvoiceDraft draft(List<PricedLine> priced) {
        List<PricedDays> billed = new ArrayList<>();
        List<PricedLine> notBilled = new ArrayList<>();
        for (PricedLine p : priced) {
            if (p.billed()) {
                billed.add(PricedDays.of(p));
            } else {
                notBilled.add(p);
            }
        }
        return draft(billed, notBilled);
    }

    /**
     * The draft of runs of days priced once each ({@code billed}: every day of a run at its line's price) and of
     * the days not billed; the same lines, amounts and total as {@link #draft(List)} of the same days one by one.
     */
    public static InvoiceDraft draft(List<PricedDays> billed, List<PricedLine> notBilled) {
        Map<Key, List<LocalDate>> groups = new LinkedHashMap<>();
        for (PricedDays p : billed) {
            PricedLine l = p.line();
            if (!l.billed()) {
                throw new IllegalArgumentException("not billed: " + l.basis());
            }
            DayEvent e = l.event();
            groups.computeIfAbsent(new Key(e.childId(), e.activity(), e.unit(), l.unitPriceCents(), l.label(), l.bracket()),
                    k -> new ArrayList<>()).addAll(p.days());
        }
        List<Line> lines = new ArrayList<>(groups.size());
        long total = 0;
        for (Map.Entry<Key, List<LocalDate>> g : groups.entrySet()) {
            Key k = g.getKey();
            List<LocalDate> days = g.getValue();
            days.sort(null);
            int quantity = days.size();
            long amount = Math.multiplyExact(k.unitPrice(), quantity);
            total = Math.addExact(total, amount);
            lines.add(new Line(k.child(), k.activity(), k.unit(), k.label(), k.unitPrice(), quantity, amount, k.bracket(), days));
        }
        lines.sort(LINE_ORDER);
        List<PricedLine> left = new ArrayList<>(notBilled);
        left.sort((a, b) -> a.event().day().compareTo(b.event().day()));
        return new InvoiceDraft(lines, left, total);
    }
}
