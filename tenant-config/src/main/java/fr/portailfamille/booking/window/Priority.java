package fr.portailfamille.booking.window;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request's place in the allocation: its score (the sum of the weights of the criteria it meets), the
 * criteria met, and its lottery draw among the requests of the same score ({@code draw} of {@code tied}).
 */
public record Priority(int score, List<Criterion> met, int draw, int tied) {

    public Priority {
        met = List.copyOf(met);
    }

    /**
     * Why, in French words: "priorité : fratrie ; tirage au sort n° 37 sur 112 demandes à égalité". A
     * health criterion reads "critère confidentiel" unless {@code showHealth}.
     */
    public String reason(boolean showHealth) {
        return reasonText(showHealth).french();
    }

    /** {@link #reason}, to be read in the reader's language. */
    public Message reasonText(boolean showHealth) {
        Message lottery = tied <= 1 ? Problems.of("booking.priority.alone")
                : Problems.of("booking.priority.lottery", String.valueOf(draw), String.valueOf(tied));
        if (met.isEmpty()) {
            return Problems.of("booking.priority.none", lottery);
        }
        List<Message> criteria = met.stream().map(c -> c.health() && !showHealth ? "CONFIDENTIAL" : c.name()).distinct()
                .map(code -> Problems.of("booking.criterion." + code)).toList();
        return Problems.of("booking.priority.some", Message.written(locale -> criteria.stream().map(c -> c.in(locale))
                .collect(Collectors.joining(", "))), lottery);
    }

    /** Whether a health criterion is among those met. */
    public boolean health() {
        return met.stream().anyMatch(Criterion::health);
    }
}
