package fr.portailfamille.billing;

/**
 * One of the commune's quotient familial brackets (tranches), bounds included.
 *
 * @param code unique code, e.g. {@code T1}
 * @param label shown to families, e.g. "Tranche 1"
 * @param min lowest QF of the bracket, included
 * @param max highest QF of the bracket, included; {@code null}: no upper bound (last bracket)
 */
public record QfBracket(String code, String label, Integer min, Integer max) implements java.io.Serializable {

    /** Whether {@code qf} falls in this bracket. */
    public boolean contains(int qf) {
        return min != null && qf >= min && (max == null || qf <= max);
    }

    /** French description of the bounds: "QF de 451 à 700", "QF à partir de 1 501". */
    public String range() {
        return max == null ? "QF à partir de " + min : "QF de " + min + " à " + max;
    }
}
