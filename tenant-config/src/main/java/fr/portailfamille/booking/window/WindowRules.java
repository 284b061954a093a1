package fr.portailfamille.booking.window;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a commune allocates an opening window's seats: the weight of each priority criterion (0 to 100;
 * a criterion missing weighs 0), the QF ceiling under which the social criterion is met ({@code null}: never),
 * and whether brothers and sisters asking for the same unit-day are placed together (all or none).
 */
public record WindowRules(Map<Criterion, Integer> weights, Integer qfCeiling, boolean siblingsTogether) {

    /** The largest weight of one criterion. */
    public static final int MAX_WEIGHT = 100;

    public WindowRules {
        EnumMap<Criterion, Integer> copy = new EnumMap<>(Criterion.class);
        if (weights != null) {
            weights.forEach((c, w) -> copy.put(c, w == null ? 0 : w));
        }
        weights = Collections.unmodifiableMap(copy);
    }

    /** The weight of {@code c}, 0 when the commune does not weigh it. */
    public int weight(Criterion c) {
        return weights.getOrDefault(c, 0);
    }

    /**
     * What is wrong with these rules, to be read in any language (the criterion named in it too), or empty when they
     * can be used.
     */
    public Optional<Message> refusal() {
        for (Map.Entry<Criterion, Integer> e : weights.entrySet()) {
            if (e.getValue() < 0 || e.getValue() > MAX_WEIGHT) {
                return Optional.of(Problems.of("booking.window.weight", Problems.of("booking.criterion." + e.getKey().name()),
                        MAX_WEIGHT));
            }
        }
        if (qfCeiling != null && qfCeiling < 0) {
            return Optional.of(Problems.of("booking.window.qfCeiling"));
        }
        return Optional.empty();
    }

    /** The criteria {@code facts} meet among those weighing more than 0, in the enum's order. */
    public List<Criterion> met(PriorityFacts facts) {
        List<Criterion> met = new ArrayList<>();
        for (Criterion c : Criterion.values()) {
            if (weight(c) > 0 && c.metBy(facts, qfCeiling)) {
                met.add(c);
            }
        }
        return met;
    }

    /** The score of {@code facts}: the sum of the weights of the criteria met. */
    public int score(PriorityFacts facts) {
        return met(facts).stream().mapToInt(this::weight).sum();
    }
}
