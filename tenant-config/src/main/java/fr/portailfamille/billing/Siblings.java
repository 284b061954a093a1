package fr.portailfamille.billing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ranks of a family's children billed in the same period, for the sibling reduction. */
public final class Siblings {

    /** A child billed in the period; {@code birthDate} {@code null} when unknown (ranked last). */
    public record Child(long id, LocalDate birthDate) {
    }

    private Siblings() {
    }

    /** Rank of each child by id: 1 for the eldest, then by birth date (same day: by id). */
    public static Map<Long, Integer> ranks(List<Child> children) {
        List<Child> sorted = children.stream().distinct()
                .sorted(Comparator.comparing(Child::birthDate, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingLong(Child::id))
                .toList();
        Map<Long, Integer> ranks = new HashMap<>();
        for (Child c : sorted) {
            ranks.putIfAbsent(c.id(), ranks.size() + 1);
        }
        return ranks;
    }
}
