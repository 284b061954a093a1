package fr.portailfamille.billing;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;

/**
 * One of the commune's quotient familial brackets (tranches), bounds included.
 *
 * @param code unique code, e.g. {@code T1}
 * @param label shown to families, e.g. "Tranche 1"
 * @param min lowest QF of the bracket, included
 * @param max highest QF of the bracket, included; {@code null}: no upper bound (last bracket)
 */
public record QfBracket(String code, String label, Integer min, Integer max) implements java.io.Serializable {

    private static final Words RANGE = new Words(Problems.of("billing.basis.range", (Object[]) Words.MARKS));
    private static final Words RANGE_OPEN = new Words(Problems.of("billing.basis.range.open", (Object[]) Words.MARKS));

    /** Whether {@code qf} falls in this bracket. */
    public boolean contains(int qf) {
        return min != null && qf >= min && (max == null || qf <= max);
    }

    /** French description of the bounds: "QF de 451 à 700", "QF à partir de 1501" (what the invoices' lines store). */
    public String range() {
        return max == null ? RANGE_OPEN.french(String.valueOf(min)) : RANGE.french(String.valueOf(min), String.valueOf(max));
    }

    /** The bounds to read in a page's language: "QF de 451 à 700", "QF from 451 to 700" ({@link #range()}'s French). */
    public Message rangeWords() {
        return max == null ? RANGE_OPEN.of(String.valueOf(min)) : RANGE.of(String.valueOf(min), String.valueOf(max));
    }
}
