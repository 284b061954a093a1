package fr.portailfamille.platform.booking;

import java.util.Map;
import java.util.Set;

/**
 * What the summary before "Confirmer" says of a selection ({@link PlanningService#reviewSelection}):
 * each change's notice by key, the bookings that would be surcharged (hors délai) and those that
 * would be refused.
 */
public record SelectionReview(Map<String, String> notices, Set<String> surcharged, Set<String> refused) {

    public SelectionReview {
        notices = Map.copyOf(notices);
        surcharged = Set.copyOf(surcharged);
        refused = Set.copyOf(refused);
    }
}
