package fr.portailfamille.platform.family;

/**
 * A quotient familial range agents filter the families list by: one of the commune's own brackets (those its tariffs
 * price by, configured in Tarification), or {@link #UNKNOWN}, a family that gave none. Bounds are inclusive; a
 * {@code null} maximum is open-ended.
 */
public record QfRange(Integer min, Integer max) implements java.io.Serializable {

    /** A family without a quotient familial. */
    public static final QfRange UNKNOWN = new QfRange(null, null);

    /** The range of one of the commune's brackets. */
    public static QfRange of(fr.portailfamille.billing.QfBracket b) {
        return new QfRange(b.min() == null ? 0 : b.min(), b.max());
    }

    /** Whether quotient familial {@code qf} ({@code null}: none) is in this range. */
    public boolean contains(Integer qf) {
        if (min == null) {
            return qf == null;
        }
        return qf != null && qf >= min && (max == null || qf <= max);
    }
}
