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

    public static InvoiceDraft draft(List<PricedLine> priced) {
        Map<Key, List<LocalDate>> groups = new LinkedHashMap<>();
        List<PricedLine> notBilled = new ArrayList<>();
        priced.stream().sorted(Comparator.comparing((PricedLine p) -> p.event().day())).forEach(p -> {
            if (!p.billed()) {
                notBilled.add(p);
                return;
            }
            DayEvent e = p.event();
            groups.computeIfAbsent(new Key(e.childId(), e.activity(), e.unit(), p.unitPriceCents(), p.label(), p.bracket()),
                    k -> new ArrayList<>()).add(e.day());
        });
        List<Line> lines = groups.entrySet().stream().map(g -> {
            Key k = g.getKey();
            int quantity = g.getValue().size();
            return new Line(k.child(), k.activity(), k.unit(), k.label(), k.unitPrice(), quantity,
                    Math.multiplyExact(k.unitPrice(), quantity), k.bracket(), g.getValue());
        }).sorted(Comparator.comparingLong(Line::childId).thenComparing(Line::activity).thenComparing(Line::unit)
                .thenComparing(l -> l.days().get(0))).toList();
        long total = lines.stream().mapToLong(Line::amountCents).reduce(0, Math::addExact);
        return new InvoiceDraft(lines, notBilled, total);
    }
}
