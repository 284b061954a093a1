package fr.portailfamille.booking;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A range of days, both ends included, with a label shown to parents (e.g. a school holiday
 * "Vacances de la Toussaint").
 *
 * @param start first day of the range
 * @param endInclusive last day of the range, not before {@code start}
 * @param label name of the range, in French
 */
public record DateRange(LocalDate start, LocalDate endInclusive, String label) {

    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(endInclusive, "endInclusive");
        Objects.requireNonNull(label, "label");
        if (endInclusive.isBefore(start)) {
            throw new IllegalArgumentException("La période « " + label + " » se termine (" + endInclusive
                    + ") avant de commencer (" + start + ").");
        }
    }

    /** Whether {@code day} lies in this range, ends included. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(endInclusive);
    }
}
