package fr.portailfamille.platform.booking.api;

import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.Legend;
import fr.portailfamille.platform.api.ApiApplication;
import fr.portailfamille.platform.api.ApiError;
import fr.portailfamille.platform.api.ApiException;
import fr.portailfamille.platform.api.FamilyApi;
import fr.portailfamille.platform.api.FamilyCallerFilter;
import fr.portailfamille.platform.booking.BookingRefused;
import fr.portailfamille.platform.booking.PlanningCell;
import fr.portailfamille.platform.booking.PlanningPageReader;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/famille/v1/enfants/{id}/planning?mois=2027-01[&activite=…]}: a child's month as Mon planning shows
 * it, read by the page's own reader ({@link PlanningPageReader#childMonth}) in one transaction: per activity the child
 * is registered to, its units and each unit-day's legend state (the commune's words) and what the family may do.
 */
@Path("famille/v1/enfants/{id}/planning")
@RequestScoped
@Transactional
@CommuneRequired
@FamilyApi
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Planning", description = "Le mois d'un enfant et ses réservations")
@SecurityRequirement(name = ApiApplication.BEARER)
public class PlanningResource {

    @Schema(name = "Planning")
    public record Planning(long enfant, String mois, List<ActiviteMois> activites) {
    }

    @Schema(name = "ActiviteMois")
    public record ActiviteMois(long id, String code, String nom, List<Unite> unites, List<Jour> jours) {
    }

    @Schema(name = "Unite")
    public record Unite(long id, String code, String libelle, LocalTime debut, LocalTime fin) {
    }

    @Schema(name = "Jour")
    public record Jour(LocalDate date, List<Case> unites) {
    }

    /**
     * One unit-day: {@code etat} the legend state, {@code etatLibelle} the commune's word for it, {@code reservation}
     * the booking's id when there is one, and what the family may do now.
     */
    @Schema(name = "UniteJour")
    public record Case(long unite, String libelle, DayState etat, String etatLibelle, Long reservation, boolean reservable,
                       boolean annulable, boolean annulationSansFrais, boolean absencePossible, boolean majore, String motif) {
    }

    @Inject
    PlanningPageReader reader;

    @Inject
    FamilyFileService files;

    @Inject
    CommuneSettings settings;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Le planning du mois d'un enfant",
            description = "Pour chaque activité où l'inscription de l'enfant est validée (ou l'activité demandée) : ses"
                    + " unités (matin, midi, soir…) et, pour chaque jour du mois, l'état de chaque unité selon la légende"
                    + " de la commune et ce que la famille peut faire (réserver, annuler, sans frais ou non).")
    @APIResponse(responseCode = "200", description = "Le mois de l'enfant",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Planning.class)))
    @APIResponse(responseCode = "400", description = "Mois ou activité invalide (codes mois_invalide, activite_invalide)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "Enfant inconnu ou d'une autre famille (code enfant_inconnu)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "Dossier non validé, enfant non inscrit à l'activité demandée"
            + " (codes dossier_non_valide, reservation_refusee)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Planning planning(
            @Parameter(description = "Identifiant de l'enfant (GET /enfants)") @PathParam("id") String id,
            @Parameter(description = "Le mois, AAAA-MM (par défaut le mois courant)", example = "2027-01") @QueryParam("mois") String mois,
            @Parameter(description = "Une seule activité (identifiant)") @QueryParam("activite") String activite) {
        SignedInUser user = FamilyCallerFilter.caller(request);
        long childId = ReservationsResource.parseId(id).orElseThrow(() ->
                ApiException.notFound(FamilyChildren.UNKNOWN, "Cet enfant ne fait pas partie de votre dossier."));
        YearMonth month = month(mois);
        Long activity = null;
        if (activite != null && !activite.isBlank()) {
            activity = ReservationsResource.parseId(activite).orElseThrow(() ->
                    ApiException.badInput("activite_invalide", "activite", "Indiquez l'identifiant numérique d'une activité."));
        }
        FamilyChildren.requireOwn(files.fileOf(user), List.of(childId));
        List<PlanningPageReader.ActivityMonth> months;
        try {
            months = reader.childMonth(user, childId, activity, month);
        } catch (BookingRefused e) {
            throw new ApiException(Response.Status.CONFLICT, "reservation_refusee", e.getMessage(), List.of());
        }
        Legend legend = settings.legend();
        return new Planning(childId, month.toString(), months.stream().map(m -> new ActiviteMois(m.activity().getId(),
                m.activity().getCode(), m.activity().getName(),
                m.units().stream().map(u -> new Unite(u.getId(), u.getCode(), u.getLabel(), u.getStartTime(), u.getEndTime()))
                        .toList(),
                m.days().stream().map(d -> new Jour(d.getDay(), d.getCells().stream().map(c -> cell(c, legend)).toList()))
                        .toList())).toList());
    }

    private static Case cell(PlanningCell c, Legend legend) {
        return new Case(c.getUnitId(), c.getUnitLabel(), c.getState(), legend.entry(c.getState()).label(), c.getBookingId(),
                c.isBookable(), c.isCancellable(), c.isFreeCancellation(), c.isAbsenceAllowed(), c.isSurcharged(), c.getReason());
    }

    /** "2027-01", from five years back to the last month days may be booked in; the current month when absent. */
    static YearMonth month(String mois) {
        return month(mois, YearMonth.now(PlatformTime.ZONE));
    }

    /**
     * {@link #month(String)} on {@code now}: a month past {@link fr.portailfamille.booking.BookingRules#HORIZON_YEARS}
     * is refused as Mon planning never opens it (its days would read « réservable », every booking of them refused).
     */
    static YearMonth month(String mois, YearMonth now) {
        if (mois == null || mois.isBlank()) {
            return now;
        }
        YearMonth last = now.plusYears(fr.portailfamille.booking.BookingRules.HORIZON_YEARS);
        try {
            YearMonth m = YearMonth.parse(mois.strip());
            if (m.isAfter(last)) {
                throw ApiException.badInput("mois_invalide", "mois", "Le planning s'ouvre au plus tard sur "
                        + last + " : on réserve jusqu'à " + fr.portailfamille.booking.BookingRules.HORIZON_YEARS
                        + " ans à l'avance.");
            }
            if (now.getYear() - m.getYear() <= 5) {
                return m;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ApiException.badInput("mois_invalide", "mois", "Indiquez le mois sous la forme AAAA-MM (par exemple 2027-01).");
    }
}
