package fr.portailfamille.platform.booking.api;

import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.platform.api.ApiApplication;
import fr.portailfamille.platform.api.ApiError;
import fr.portailfamille.platform.api.ApiException;
import fr.portailfamille.platform.api.FamilyApi;
import fr.portailfamille.platform.api.FamilyCallerFilter;
import fr.portailfamille.platform.booking.window.Answers;
import fr.portailfamille.platform.booking.window.MyRequest;
import fr.portailfamille.platform.booking.window.WindowOffer;
import fr.portailfamille.platform.booking.window.WindowRequests;
import fr.portailfamille.platform.booking.window.WindowSummary;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/famille/v1/fenetres}: the requests to an opening window, as the page espace/ma-demande makes them and by
 * the same service ({@link WindowRequests}): the windows taking requests for the family's children with what may be
 * asked, the family's requests with each day's result and its reason in words once published; and sending (or
 * replacing) the family's request to a window, for one or several of its children, in one transaction. The moment a
 * request arrives within the window plays no part in the allocation.
 */
@Path("famille/v1/fenetres")
@RequestScoped
@Transactional
@CommuneRequired
@FamilyApi
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Demandes", description = "Les demandes aux fenêtres d'ouverture (places attribuées à la clôture)")
@SecurityRequirement(name = ApiApplication.BEARER)
public class FenetresResource {

    @Schema(name = "Fenetres", description = "Les fenêtres ouvertes aux enfants de la famille et ses demandes")
    public record Fenetres(List<Fenetre> ouvertes, List<Demande> demandes) {
    }

    /** A window taking requests now: what the family may ask for, and its request if it sent one. */
    @Schema(name = "Fenetre")
    public record Fenetre(long id, String activite, LocalDate du, LocalDate au, LocalDateTime ouverture,
                          LocalDateTime fermeture,
                          @Schema(description = "La commune place les enfants d'une même famille ensemble (fratrie)")
                          boolean fratrieEnsemble,
                          @Schema(description = "Un justificatif doit appuyer « les deux parents travaillent »")
                          boolean justificatifExige, List<EnfantDemandable> enfants, List<JourPropose> jours,
                          @Schema(description = "La demande déjà envoyée à cette fenêtre, sinon null") Long maDemande) {
    }

    @Schema(name = "EnfantDemandable", description = "Un enfant de la famille inscrit à l'activité")
    public record EnfantDemandable(long id, String prenom) {
    }

    @Schema(name = "JourPropose")
    public record JourPropose(long unite, String libelle, LocalDate date) {
    }

    /** A request of the family: its state, then each day's result and its reason. */
    @Schema(name = "Demande")
    public record Demande(long id, long fenetre, String activite, LocalDate du, LocalDate au, LocalDateTime fermeture,
                          OffsetDateTime envoyeeLe, String etat, boolean publiee, boolean deuxParentsTravaillent,
                          List<JourDemande> jours) {
    }

    @Schema(name = "JourDemande")
    public record JourDemande(String enfant, LocalDate date, String unite,
                              @Schema(description = "« en attente de l'attribution », puis le résultat et sa raison")
                              String resultat,
                              @Schema(description = "Le résultat en code stable : EN_ATTENTE (pas encore attribué), PLACE,"
                                      + " LISTE_ATTENTE (voir rangAttente), NON_RETENU, PLACE_DEPUIS (place obtenue depuis"
                                      + " la publication).", enumeration = {"EN_ATTENTE", "PLACE", "LISTE_ATTENTE",
                                      "NON_RETENU", "PLACE_DEPUIS"})
                              String code,
                              @Schema(description = "Le rang sur la liste d'attente (LISTE_ATTENTE), sinon absent.")
                              Integer rangAttente) {
    }

    @Schema(name = "NouvelleDemande", description = "Les jours demandés par enfant et les réponses que le dossier n'a pas."
            + " Une demande qui en remplace une autre garde sa réponse « handicap » et son justificatif quand le corps ne"
            + " les donne pas.")
    public record NouvelleDemande(List<EnfantJours> enfants, boolean deuxParentsTravaillent,
                                  @Schema(description = "Absent : la réponse de la demande remplacée (sinon non)") Boolean handicap,
                                  @Schema(description = "Identifiant d'un document de la famille : GET /documents,"
                                          + " ou celui que POST /documents vient d'enregistrer ; absent : celui de la demande"
                                          + " remplacée, null : aucun") Long justificatif,
                                  @Schema(hidden = true) boolean justificatifGiven) {
    }

    @Schema(name = "EnfantJours")
    public record EnfantJours(long enfant, List<JourPropose> jours) {
    }

    @Inject
    WindowRequests requests;

    @Inject
    FamilyFileService files;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Les fenêtres de demandes ouvertes et les demandes de la famille",
            description = "Les fenêtres qui prennent des demandes maintenant pour une activité où un enfant est inscrit"
                    + " (enfants, jours proposés, règle de fratrie, justificatif exigé), puis chaque demande de la famille :"
                    + " son état, puis, une fois l'attribution publiée, le résultat de chaque jour et sa raison en mots.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Fenetres.class)))
    @APIResponse(responseCode = "401", description = "Sans jeton valide de la commune (non_authentifie, jeton_invalide)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "Compte sans le rôle parent (non_autorise)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Fenetres fenetres() {
        SignedInUser user = FamilyCallerFilter.caller(request);
        List<MyRequest> mine = requests.mine(user);
        List<Fenetre> open = new ArrayList<>();
        for (WindowSummary w : requests.openFor(user)) {
            WindowOffer offer = requests.offer(user, w.getId());
            Long sent = mine.stream().filter(m -> m.getWindowId() == w.getId()).map(MyRequest::getId).findFirst().orElse(null);
            open.add(new Fenetre(w.getId(), w.getActivity(), w.getPeriodFrom(), w.getPeriodTo(), w.getOpensAt(),
                    w.getClosesAt(), requests.keepsSiblingsTogether(w.getId()), offer.isProofRequired(),
                    offer.getChildren().stream().map(c -> new EnfantDemandable(c.getId(), c.getFirstName())).toList(),
                    offer.getUnitDays().stream().map(d -> new JourPropose(d.getUnitId(), d.getUnit(), d.getDay())).toList(),
                    sent));
        }
        return new Fenetres(open, mine.stream().map(FenetresResource::demande).toList());
    }

    @POST
    @Path("{id}/demande")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Envoyer (ou remplacer) la demande de la famille à une fenêtre",
            description = "Les jours demandés pour un ou plusieurs enfants inscrits à l'activité, comme la page « Ma demande »"
                    + " et par le même service, en une transaction ; une famille a une demande par fenêtre, la nouvelle"
                    + " remplace l'ancienne. L'heure d'arrivée ne compte pas : les places sont attribuées à la clôture selon"
                    + " les critères de la commune puis un tirage au sort (les frères et sœurs ensemble si la fenêtre le"
                    + " prévoit, voir fratrieEnsemble).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NouvelleDemande.class)))
    @APIResponse(responseCode = "200", description = "La demande enregistrée, telle que GET la montre",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Demande.class)))
    @APIResponse(responseCode = "400", description = "Entrée invalide : json_invalide, demande_vide, demande_trop_longue,"
            + " element_invalide, date_invalide, element_en_double, jour_hors_periode, justificatif_invalide ; rien n'est"
            + " enregistré", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "Fenêtre inconnue (fenetre_inconnue), enfant inconnu ou d'une autre"
            + " famille (enfant_inconnu)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "Demandes pas encore ouvertes ou closes (fenetre_fermee), dossier non"
            + " validé (dossier_non_valide), enfant non inscrit à l'activité (demande_refusee) ; rien n'est enregistré",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Demande demander(@PathParam("id") String id, String body) {
        SignedInUser user = FamilyCallerFilter.caller(request);
        long windowId = ReservationsResource.parseId(id).orElseThrow(FenetresResource::unknownWindow);
        NouvelleDemande asked = parse(body);
        Set<Long> childIds = new LinkedHashSet<>();
        asked.enfants().forEach(e -> childIds.add(e.enfant()));
        FamilyChildren.requireOwn(files.fileOf(user), childIds);
        WindowOffer offer;
        try {
            offer = requests.offer(user, windowId);
        } catch (Refused e) {
            throw unknownWindow();
        }
        if (!offer.isTakingRequests()) {
            throw new ApiException(Response.Status.CONFLICT, "fenetre_fermee", offer.whyNotTaking().french(), List.of());
        }
        Map<Long, Set<MonthPlan.UnitDay>> days = new LinkedHashMap<>();
        for (EnfantJours e : asked.enfants()) {
            Set<MonthPlan.UnitDay> set = new LinkedHashSet<>();
            e.jours().forEach(j -> set.add(new MonthPlan.UnitDay(j.unite(), j.date())));
            days.put(e.enfant(), set);
        }
        // a request replacing the family's keeps the answers the body leaves out (GET does not show them back: a client
        // adding one day would otherwise drop the « handicap ou PAI » priority and its proof)
        MyRequest.Sent before = requests.mine(user).stream().filter(m -> m.getWindowId() == windowId).findFirst()
                .map(MyRequest::asSent).orElse(null);
        boolean disability = asked.handicap() != null ? asked.handicap() : before != null && before.disability();
        Long proof = asked.justificatifGiven() ? asked.justificatif() : before == null ? null : before.proofId();
        if (!asked.justificatifGiven() && proof != null && !requests.proofStillUsable(user, windowId, proof)) {
            proof = null; // the kept proof was refused by the commune or expired since: dropped, not an error on a field not sent
        }
        long requestId;
        try {
            requestId = requests.request(user, windowId, days, new Answers(asked.deuxParentsTravaillent(), disability, proof));
        } catch (Refused e) {
            if ("days".equals(e.field())) {
                throw ApiException.badInput("jour_hors_periode", "enfants", e.getMessage());
            }
            if ("proof".equals(e.field())) {
                throw ApiException.badInput("justificatif_invalide", "justificatif", e.getMessage());
            }
            throw new ApiException(Response.Status.CONFLICT, "demande_refusee", e.getMessage(), List.of());
        }
        return demande(requests.mine(user, requestId));
    }

    private static ApiException unknownWindow() {
        return ApiException.notFound("fenetre_inconnue", "Cette fenêtre de demandes n'existe pas.");
    }

    static Demande demande(MyRequest m) {
        return new Demande(m.getId(), m.getWindowId(), m.getActivity(), m.getPeriodFrom(), m.getPeriodTo(), m.getClosesAt(),
                m.getSubmittedAt(), m.getState(), m.isPublished(), m.isBothParentsWorking(), m.getDays().stream()
                .map(d -> new JourDemande(d.getChild(), d.getDay(), d.getUnit(), d.getResult(), d.getCode(),
                        d.getWaitingRank())).toList());
    }

    /**
     * The request posted: {@code {"enfants": [{"enfant": 12, "jours": [{"unite": 3, "date": "2027-07-06"}]}],
     * "deuxParentsTravaillent": false, "handicap": false, "justificatif": null}}; the first fault answered as 400 with
     * its path ({@code enfants[0].jours[2].date}).
     */
    static NouvelleDemande parse(String body) {
        JsonValue root;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            root = reader.readValue();
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw ApiException.badInput("json_invalide", "", "Le corps de la requête n'est pas un JSON valide.");
        }
        if (!(root instanceof JsonObject o) || !(o.get("enfants") instanceof JsonArray children)) {
            throw ApiException.badInput("json_invalide", "enfants",
                    "Envoyez {\"enfants\": [{\"enfant\", \"jours\": [{\"unite\", \"date\"}, …]}, …]}.");
        }
        List<EnfantJours> list = new ArrayList<>();
        Set<Long> seenChildren = new HashSet<>();
        int total = 0;
        for (int i = 0; i < children.size(); i++) {
            String at = "enfants[" + i + "]";
            if (!(children.get(i) instanceof JsonObject c) || !(c.get("jours") instanceof JsonArray days)) {
                throw ApiException.badInput("element_invalide", at, "Chaque élément est un objet {enfant, jours}.");
            }
            long child = JsonFields.id(c.get("enfant")).orElseThrow(() -> ApiException.badInput("element_invalide", at + ".enfant",
                    "Indiquez l'identifiant numérique de l'enfant."));
            if (!seenChildren.add(child)) {
                throw ApiException.badInput("element_en_double", at, "Cet enfant figure deux fois dans la demande.");
            }
            total += days.size();
            if (total > WindowRequests.MAX_DAYS) {
                throw ApiException.badInput("demande_trop_longue", "enfants",
                        "Une demande ne peut pas dépasser " + WindowRequests.MAX_DAYS + " journées.");
            }
            List<JourPropose> wanted = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < days.size(); j++) {
                String dayAt = at + ".jours[" + j + "]";
                if (!(days.get(j) instanceof JsonObject d)) {
                    throw ApiException.badInput("element_invalide", dayAt, "Chaque jour est un objet {unite, date}.");
                }
                long unit = JsonFields.id(d.get("unite")).orElseThrow(() -> ApiException.badInput("element_invalide", dayAt + ".unite",
                        "Indiquez l'identifiant numérique de l'unité."));
                LocalDate day = JsonFields.date(d.get("date")).orElseThrow(() -> ApiException.badInput("date_invalide", dayAt + ".date",
                        "Indiquez la date sous la forme AAAA-MM-JJ."));
                if (!seen.add(unit + "|" + day)) {
                    throw ApiException.badInput("element_en_double", dayAt, "Ce jour figure deux fois pour cet enfant.");
                }
                wanted.add(new JourPropose(unit, null, day));
            }
            if (!wanted.isEmpty()) {
                list.add(new EnfantJours(child, wanted));
            }
        }
        if (list.isEmpty()) {
            throw ApiException.badInput("demande_vide", "enfants", "Choisissez au moins un jour pour un enfant.");
        }
        JsonValue proof = o.get("justificatif");
        Long justificatif = null;
        if (proof != null && proof != JsonValue.NULL) {
            justificatif = JsonFields.id(proof).orElseThrow(() -> ApiException.badInput("justificatif_invalide", "justificatif",
                    "Indiquez l'identifiant numérique d'un document de Mes documents."));
        }
        return new NouvelleDemande(list, flag(o, "deuxParentsTravaillent"),
                o.containsKey("handicap") ? flag(o, "handicap") : null, justificatif, o.containsKey("justificatif"));
    }

    private static boolean flag(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL || v == JsonValue.FALSE) {
            return false;
        }
        if (v == JsonValue.TRUE) {
            return true;
        }
        throw ApiException.badInput("element_invalide", name, "Indiquez true ou false.");
    }
}
