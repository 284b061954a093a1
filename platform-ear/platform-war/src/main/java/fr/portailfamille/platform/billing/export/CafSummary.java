package fr.portailfamille.platform.billing.export;

import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.QfBracket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the CAF asks of a régie's period: per activity and QF bracket, the number of distinct children,
 * the unit-days (sum of the invoice lines' quantities) and the amount billed, with a total per activity
 * and a grand total (children counted once in a total even when they fall in several brackets). Lines
 * without bracket (maximum tariff, effort rate, penalties) are "sans QF / tarif maximum". Credit notes
 * are left out by the caller. Pure: built from invoice lines and, as lines of their own, the days a porte-monnaie
 * paid (never invoiced), with the bracket each was priced by.
 */
public final class CafSummary {

    /** The label of lines without bracket. */
    public static final String NO_BRACKET = "sans QF / tarif maximum";

    /** One invoice line as the summary reads it. */
    public record Line(String activity, String bracket, Long childId, String childName, long quantity, long amountCents) {
    }

    /**
     * A row of the summary: an activity's bracket, or its total ({@code bracket} {@code null},
     * {@code total} true), or the grand total ({@code activity} {@code null}).
     */
    public record Row(String activity, String bracketCode, String bracketLabel, boolean total, long children,
            long unitDays, long amountCents) {

        public String getActivity() { return activity; }
        public String getBracketLabel() { return bracketLabel; }
        public boolean isTotal() { return total; }
        public long getChildren() { return children; }
        public long getUnitDays() { return unitDays; }
        public long getAmountCents() { return amountCents; }
    }

    private CafSummary() {
    }

    private static final class Sum {
        final Set<Object> children = new HashSet<>();
        long unitDays;
        long amount;

        void add(Line l) {
            // a line whose child was deleted counts by its printed name
            children.add(l.childId() != null ? (Object) l.childId() : "name:" + l.childName());
            unitDays = Math.addExact(unitDays, l.quantity());
            amount = Math.addExact(amount, l.amountCents());
        }
    }

    /**
     * The summary's rows: activities by code; within one, brackets in the commune's order (lowest QF
     * first), unknown codes after them by code, "sans QF" last; then the activity's total; the grand
     * total last.
     */
    public static List<Row> of(List<Line> lines, BillingSettings settings) {
        Map<String, Map<String, Sum>> byActivity = new TreeMap<>();
        Map<String, Sum> activityTotals = new LinkedHashMap<>();
        Sum grand = new Sum();
        for (Line l : lines) {
            String bracket = l.bracket() == null ? "" : l.bracket();
            byActivity.computeIfAbsent(l.activity(), a -> new TreeMap<>(order(settings))).computeIfAbsent(bracket, b -> new Sum()).add(l);
            activityTotals.computeIfAbsent(l.activity(), a -> new Sum()).add(l);
            grand.add(l);
        }
        List<Row> rows = new ArrayList<>();
        byActivity.forEach((activity, brackets) -> {
            brackets.forEach((code, s) -> rows.add(new Row(activity, code.isEmpty() ? null : code, label(code, settings), false,
                    s.children.size(), s.unitDays, s.amount)));
            Sum t = activityTotals.get(activity);
            rows.add(new Row(activity, null, "Total " + activity, true, t.children.size(), t.unitDays, t.amount));
        });
        rows.add(new Row(null, null, "Total général", true, grand.children.size(), grand.unitDays, grand.amount));
        return rows;
    }

    /** "T2 – Tranche 2 (QF de 451 à 700)", the code alone when the commune no longer has it, or {@link #NO_BRACKET}. */
    static String label(String code, BillingSettings settings) {
        if (code == null || code.isEmpty()) {
            return NO_BRACKET;
        }
        Optional<QfBracket> b = settings.bracket(code);
        return b.map(q -> q.code() + " – " + q.label() + " (" + q.range() + ")").orElse(code);
    }

    /** Brackets by their lower bound, unknown codes after them by code, "" (no bracket) last. */
    private static Comparator<String> order(BillingSettings settings) {
        return Comparator.<String, Integer>comparing(code -> code.isEmpty() ? 2 : settings.bracket(code).isPresent() ? 0 : 1)
                .thenComparing(code -> settings.bracket(code).map(QfBracket::min).orElse(Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder());
    }
}
