package fr.portailfamille.platform.booking.api;

import fr.portailfamille.platform.api.ApiException;
import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyStatus;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.List;

/**
 * What the booking resources check of the caller's file before calling the services (which check it again): a child
 * id not in the family's file is unknown (404, as for an id that exists nowhere: an id tells nothing), and bookings
 * need a validated file (409).
 */
final class FamilyChildren {

    static final String UNKNOWN = "enfant_inconnu";

    private FamilyChildren() {
    }

    /** @throws ApiException 404 {@code enfant_inconnu} when one of {@code ids} is not a child of the family's file */
    static void requireOwn(Family family, Collection<Long> ids) {
        List<Long> own = family.getChildren().stream().map(Child::getId).toList();
        for (Long id : ids) {
            if (!own.contains(id)) {
                throw ApiException.notFound(UNKNOWN, "Cet enfant ne fait pas partie de votre dossier.");
            }
        }
        if (family.getStatus() != FamilyStatus.VALIDATED) {
            throw new ApiException(Response.Status.CONFLICT, "dossier_non_valide",
                    "Votre dossier famille doit être validé par la mairie avant toute réservation.", List.of());
        }
    }
}
