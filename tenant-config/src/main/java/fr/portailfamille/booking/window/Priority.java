package fr.portailfamille.booking.window;

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
        String criteria = met.isEmpty() ? "aucun critère de priorité"
                : "priorité : " + met.stream().map(c -> c.label(showHealth)).distinct().collect(Collectors.joining(", "));
        String lottery = tied <= 1 ? "seule demande à ce niveau de priorité"
                : "tirage au sort n° " + draw + " sur " + tied + " demandes à égalité";
        return criteria + " ; " + lottery;
    }

    /** Whether a health criterion is among those met. */
    public boolean health() {
        return met.stream().anyMatch(Criterion::health);
    }
}
