package fr.portailfamille.platform.booking;

import fr.portailfamille.problems.Message;
import java.util.Map;
import java.util.Set;

/**
 * What the summary before "Confirmer" says of a selection ({@link PlanningService#reviewSelection}):
 * each change's notice by key (to be read in any language), the bookings that would be surcharged (hors délai), those that
 * would be refused, and the changes the summary flags ({@code warned}: a notice of something to know before
 * confirming — a surcharge, a refusal, a cancellation that stays billed or is refused —; a free cancellation
 * is not one) and the bookings that would go on the waiting list ({@code waiting}: billed only if a seat frees).
 */
public record SelectionReview(Map<String, Message> texts, Set<String> surcharged, Set<String> refused,
                              Set<String> warned, Set<String> waiting) {

    public SelectionReview {
        texts = Map.copyOf(texts);
        surcharged = Set.copyOf(surcharged);
        refused = Set.copyOf(refused);
        warned = Set.copyOf(warned);
        waiting = Set.copyOf(waiting);
    }

    /**
     * What this summary says, as one short text: each change's notice and flags, by key. Two summaries of a selection
     * say the same exactly when their fingerprints are equal — « Confirmer » applies a selection only while it still
     * says what the family read ({@link PlanningService#applySelection(fr.portailfamille.platform.security.SignedInUser,
     * long, java.util.List, String)}).
     */
    public String fingerprint() {
        StringBuilder all = new StringBuilder();
        new java.util.TreeSet<>(texts.keySet()).forEach(key -> all.append(key).append('=').append(texts.get(key).french())
                .append(surcharged.contains(key) ? "|S" : "").append(refused.contains(key) ? "|R" : "")
                .append(waiting.contains(key) ? "|W" : "").append('\n'));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each change's notice by key, in French (the API's). */
    public Map<String, String> notices() {
        Map<String, String> french = new java.util.HashMap<>();
        texts.forEach((key, text) -> french.put(key, text.french()));
        return Map.copyOf(french);
    }
}
