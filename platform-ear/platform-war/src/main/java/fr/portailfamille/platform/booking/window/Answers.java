package fr.portailfamille.platform.booking.window;

/**
 * What a family answers in its request that its file does not hold: both parents working (with a document of
 * Mes documents as proof, {@code null} when none) and a child's disability (health data).
 */
public record Answers(boolean bothParentsWorking, boolean disability, Long proofDocumentId) {
}
