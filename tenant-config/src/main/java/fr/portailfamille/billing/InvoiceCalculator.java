package fr.portailfamille.billing;

import fr.portailfamille.billing.InvoiceDraft.Line;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a family's priced days into invoice lines: one line per child, activity, unit, unit price and
 * label, its amount {@code quantity × unit price} (each day already rounded to the cent), and the total
 * as the sum of the lines, as a family adds them up.
 */
public final class InvoiceCalculator {

    private InvoiceCalculator() {
    }

    private record Key(long child, String activity, String unit, long unitPrice, String label, String bracket) {
    }

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
        List<Line> lines = groups.entrySet().stream().map(g -> {
            Key k = g.getKey();
            List<LocalDate> days = g.getValue();
            days.sort(Comparator.naturalOrder());
            int quantity = days.size();
            return new Line(k.child(), k.activity(), k.unit(), k.label(), k.unitPrice(), quantity,
                    Math.multiplyExact(k.unitPrice(), quantity), k.bracket(), days);
        }).sorted(Comparator.comparingLong(Line::childId).thenComparing(Line::activity).thenComparing(Line::unit)
                .thenComparing(l -> l.days().get(0))).toList();
        long total = lines.stream().mapToLong(Line::amountCents).reduce(0, Math::addExact);
        List<PricedLine> left = new ArrayList<>(notBilled);
        left.sort(Comparator.comparing((PricedLine p) -> p.event().day()));
        return new InvoiceDraft(lines, left, total);
    }
}
