package fr.portailfamille.platform.family;

/**
 * The quotient familial brackets agents filter the families by (CAF's QF, in euros); {@code UNKNOWN} is a
 * family that gave none. Bounds are inclusive.
 */
public enum QfBracket {
    UNKNOWN(null, null),
    UP_TO_499(0, 499),
    FROM_500_TO_799(500, 799),
    FROM_800_TO_1199(800, 1199),
    FROM_1200(1200, null);

    private final Integer min;
    private final Integer max;

    QfBracket(Integer min, Integer max) {
        this.min = min;
        this.max = max;
    }

    public Integer min() { return min; }
    public Integer max() { return max; }

    /** The bracket of a quotient familial ({@code null}: unknown). */
    public static QfBracket of(Integer qf) {
        if (qf == null) {
            return UNKNOWN;
        }
        for (QfBracket b : values()) {
            if (b != UNKNOWN && qf >= b.min && (b.max == null || qf <= b.max)) {
                return b;
            }
        }
        return UNKNOWN;
    }
}
