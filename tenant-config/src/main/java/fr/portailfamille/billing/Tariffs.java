package fr.portailfamille.billing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Which tariff applies to a unit-day. */
public final class Tariffs {

    private Tariffs() {
    }

    /**
     * The tariff in force for {@code activity}'s {@code unit} on {@code day}: among the tariffs of that
     * unit (or, when the unit has none in force, those of the whole activity), the one with the latest
     * {@code validFrom} not after {@code day}; empty when none is in force yet.
     */
    public static Optional<Tariff> inForce(List<Tariff> tariffs, String activity, String unit, LocalDate day) {
        Optional<Tariff> own = latest(tariffs, activity, unit, day);
        return own.isPresent() || unit == null ? own : latest(tariffs, activity, null, day);
    }

    /**
     * Whether an unexcused absence (or a cancellation past its deadline) on {@code activity}'s {@code unit} on
     * {@code day} is billed: as its tariff in force says; without a tariff, as if it were (the commune bills no day
     * without a tariff, and the family is not told a day is free that a tariff saved later would bill).
     */
    public static boolean unexcusedAbsenceBilled(List<Tariff> tariffs, String activity, String unit, LocalDate day) {
        return inForce(tariffs, activity, unit, day).map(Tariff::unexcusedAbsenceBilled).orElse(true);
    }

    private static Optional<Tariff> latest(List<Tariff> tariffs, String activity, String unit, LocalDate day) {
        return tariffs.stream()
                .filter(t -> t.activity().equals(activity) && Objects.equals(t.unit(), unit) && !t.validFrom().isAfter(day))
                .max(Comparator.comparing(Tariff::validFrom));
    }
}
