package fr.portailfamille.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Ranks of a family's children billed in the same period, for the sibling reduction. */
public final class Siblings {

    /** A child billed in the period; {@code birthDate} {@code null} when unknown (ranked last). */
    public record Child(long id, LocalDate birthDate) {
    }

    private Siblings() {
    }

    /** By birth date, unknown last; the same day by id (written out: a run ranks the children of every family). */
    private static final Comparator<Child> ELDEST_FIRST = (a, b) -> {
        int c;
        if (a.birthDate() == null || b.birthDate() == null) {
            c = a.birthDate() == null ? (b.birthDate() == null ? 0 : 1) : -1;
        } else {
            c = a.birthDate().compareTo(b.birthDate());
        }
        return c != 0 ? c : Long.compare(a.id(), b.id());
    };

    /** Rank of each child by id: 1 for the eldest, then by birth date (same day: by id). */
    public static Map<Long, Integer> ranks(List<Child> children) {
        List<Child> sorted = new ArrayList<>(new LinkedHashSet<>(children));
        sorted.sort(ELDEST_FIRST);
        Map<Long, Integer> ranks = new HashMap<>();
        for (Child c : sorted) {
            ranks.putIfAbsent(c.id(), ranks.size() + 1);
        }
        return ranks;
    }
}
