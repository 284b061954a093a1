package fr.portailfamille.platform.booking;

import java.util.Map;
import java.util.Set;

/**
 * What the summary before "Confirmer" says of a selection ({@link PlanningService#reviewSelection}):
 * each change's notice by key, the bookings that would be surcharged (hors délai), those that
 * would be refused, and the changes the summary flags ({@code warned}: a notice of something to know before
 * confirming — a surcharge, a refusal, a cancellation that stays billed or is refused —; a free cancellation
 * is not one).
 */
public record SelectionReview(Map<String, String> notices, Set<String> surcharged, Set<String> refused,
                              Set<String> warned) {

    public SelectionReview {
        notices = Map.copyOf(notices);
        surcharged = Set.copyOf(surcharged);
        refused = Set.copyOf(refused);
        warned = Set.copyOf(warned);
    }
}
