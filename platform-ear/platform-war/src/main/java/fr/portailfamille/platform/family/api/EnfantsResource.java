package fr.portailfamille.platform.family.api;

import fr.portailfamille.platform.api.ApiApplication;
import fr.portailfamille.platform.api.ApiError;
import fr.portailfamille.platform.api.FamilyApi;
import fr.portailfamille.platform.api.FamilyCallerFilter;
import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/famille/v1/enfants}: the children of the signed-in family's file, one read. */
@Path("famille/v1/enfants")
@RequestScoped
@Transactional
@CommuneRequired
@FamilyApi
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Famille", description = "La famille connectée")
@SecurityRequirement(name = ApiApplication.BEARER)
public class EnfantsResource {

    /** A child as the API shows it: no health data, school and class when the file has them. */
    @Schema(name = "Enfant")
    public record Enfant(long id, String prenom, String nom, LocalDate dateNaissance, String ecole, String classe) {
    }

    @Inject
    FamilyFileService files;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Les enfants du dossier de la famille",
            description = "Identifiant (pour le planning et les réservations), prénom, nom, date de naissance, école et"
                    + " classe si connues ; jamais de données de santé. Liste vide sans dossier enregistré.")
    @APIResponse(responseCode = "200", description = "Les enfants, du premier au dernier inscrit au dossier",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Enfant.class)))
    @APIResponse(responseCode = "401", description = "Sans jeton valide de la commune (code non_authentifie ou jeton_invalide)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "Compte sans le rôle parent (code non_autorise)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public List<Enfant> enfants() {
        return files.fileOf(FamilyCallerFilter.caller(request)).getChildren().stream()
                .filter(c -> c.getId() != null)
                .sorted(Comparator.comparing(Child::getId))
                .map(c -> new Enfant(c.getId(), c.getFirstName(), c.getLastName(), c.getBirthDate(), blankToNull(c.getSchool()),
                        blankToNull(c.getSchoolClass())))
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
