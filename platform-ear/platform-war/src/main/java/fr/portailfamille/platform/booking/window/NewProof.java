package fr.portailfamille.platform.booking.window;

import java.time.LocalDate;

/**
 * A proof the family sends with its request, from the request form itself: stored as a document of the family as
 * Mes documents stores it (type, date of the document, the file checked on its content), in the request's transaction.
 */
public record NewProof(String typeCode, LocalDate issuedOn, String fileName, byte[] content) {
}
