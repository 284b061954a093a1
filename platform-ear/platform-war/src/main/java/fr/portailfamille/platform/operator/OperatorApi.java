package fr.portailfamille.platform.operator;

import fr.portailfamille.platform.security.OperatorUser;
import fr.portailfamille.platform.security.PublicScheme;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.tenancy.ProvisioningException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operators' REST API on the operator host, for hosting teams' scripts: the same actions as the console, with a
 * bearer access token of the operators' realm (role {@code operateur}). JSON in French; every error has a stable code
 * ({@code erreur}) and a French message, the refused fields in {@code champs}. Export, import and deletion of a
 * commune are to come here as {@code POST …/{slug}/export}, {@code POST /communes/import} and {@code DELETE …/{slug}}.
 */
@Path("/operateur/v1/communes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Opérateurs", description = "Communes de la plateforme : liste, embarquement, suspension, reprise, mise à niveau")
@SecurityScheme(securitySchemeName = "operateur", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "Jeton d'accès du royaume pf-operateurs (rôle operateur, audience portail-operateur)")
@SecurityRequirement(name = "operateur")
public class OperatorApi {

    private static final Logger LOG = Logger.getLogger(OperatorApi.class.getName());

    @Inject
    OperatorCommunes communes;

    @Context
    HttpServletRequest request;

    /** The body of an onboarding. */
    public static class OnboardingBody {
        public String slug;
        public String nom;
        public String siteWeb;
        public String couleurPrincipale;
        public String couleurAccent;
        public String logoSvg;
        public List<String> domaines;
        public String administrateur;
    }

    @GET
    @Operation(summary = "Liste des communes", description = "Statut, domaines, version du schéma et celle du code, état du"
            + " royaume, compteurs (familles, comptes, réservations du mois), dernière activité.")
    @APIResponse(responseCode = "200", description = "Les communes, par nom")
    @APIResponse(responseCode = "401", description = "jeton_invalide : jeton absent, expiré ou d'un autre royaume")
    public Response list() {
        return answer(() -> Response.ok(communes.list(operator()).stream().map(OperatorApi::json).toList()).build());
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "Une commune")
    @APIResponse(responseCode = "200", description = "La commune")
    @APIResponse(responseCode = "404", description = "commune_inconnue")
    public Response one(@PathParam("slug") @Parameter(description = "identifiant de la commune") String slug) {
        return answer(() -> communes.find(slug, operator()).map(c -> Response.ok(json(c)).build())
                .orElseThrow(() -> new OperatorCommunes.UnknownCommune(slug)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Embarquer une commune", description = "Schéma, migrations, configuration par défaut, royaume,"
            + " client, thème, activation, puis invitation du premier administrateur par courriel. La réponse donne"
            + " chaque étape et la durée ; en cas d'échec, l'étape en cause (reprendre en renvoyant la même demande).")
    @RequestBody(description = "slug, nom, siteWeb, couleurPrincipale, couleurAccent, logoSvg (facultatif), domaines,"
            + " administrateur (adresse électronique)")
    @APIResponse(responseCode = "201", description = "Commune embarquée")
    @APIResponse(responseCode = "400", description = "donnees_invalides, avec champs")
    @APIResponse(responseCode = "502", description = "echec_etape : une étape a échoué (etapes, etapeEnEchec)")
    public Response onboard(OnboardingBody body) {
        return answer(() -> {
            if (body == null) {
                return error(400, "donnees_invalides", "Corps JSON attendu.", List.of());
            }
            Onboarding o = new Onboarding(body.slug, body.nom, body.siteWeb, body.couleurPrincipale, body.couleurAccent,
                    body.logoSvg, body.domaines, body.administrateur);
            OnboardingJob job = communes.onboard(o, operator(), PublicScheme.of(request), portSuffix(request));
            Map<String, Object> out = json(job);
            if (job.isFailed()) {
                out.put("status", 502);
                out.put("erreur", "echec_etape");
                out.put("message", "L'embarquement a échoué à l'étape " + job.getFailedStep() + " : " + job.getError());
                return Response.status(502).entity(out).build();
            }
            communes.find(job.getSlug(), operator()).ifPresent(c -> out.put("commune", json(c)));
            return Response.status(201).entity(out).build();
        });
    }

    @POST
    @Path("{slug}/suspension")
    @Operation(summary = "Suspendre une commune", description = "Ses familles voient la page « portail suspendu », son"
            + " royaume refuse toute connexion ; rien n'est supprimé.")
    @APIResponse(responseCode = "200", description = "La commune suspendue")
    @APIResponse(responseCode = "404", description = "commune_inconnue")
    public Response suspend(@PathParam("slug") String slug) {
        return answer(() -> Response.ok(json(communes.suspend(slug, operator()))).build());
    }

    @POST
    @Path("{slug}/reprise")
    @Operation(summary = "Réactiver une commune suspendue")
    @APIResponse(responseCode = "200", description = "La commune servie de nouveau")
    @APIResponse(responseCode = "404", description = "commune_inconnue")
    public Response resume(@PathParam("slug") String slug) {
        return answer(() -> Response.ok(json(communes.resume(slug, operator()))).build());
    }

    @POST
    @Path("{slug}/mise-a-niveau")
    @Operation(summary = "Relancer la mise à niveau du schéma d'une commune")
    @APIResponse(responseCode = "200", description = "La commune, avec l'état de son schéma")
    @APIResponse(responseCode = "404", description = "commune_inconnue")
    public Response upgrade(@PathParam("slug") String slug) {
        return answer(() -> Response.ok(json(communes.upgrade(slug, operator()))).build());
    }

    private OperatorUser operator() {
        return OperatorUser.of(request);
    }

    /** {@code ""} or {@code ":port"} from the Host header the client used. */
    static String portSuffix(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || host.startsWith("[")) {
            return "";
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? "" : host.substring(colon);
    }

    private static Response answer(Supplier<Response> work) {
        try {
            return work.get();
        } catch (OperatorCommunes.UnknownCommune e) {
            return error(404, "commune_inconnue", e.getMessage(), List.of());
        } catch (ProvisioningException e) {
            if (!e.errors().isEmpty()) {
                boolean unknown = e.errors().stream().anyMatch(f -> f.message().startsWith("Aucune commune"));
                return error(unknown ? 404 : 400, unknown ? "commune_inconnue" : "donnees_invalides",
                        unknown ? e.errors().get(0).message() : "La demande contient des erreurs.", e.errors());
            }
            LOG.log(Level.WARNING, "Action d'un opérateur en échec", e);
            return error(502, "echec_keycloak", e.getMessage(), List.of());
        } catch (SecurityException e) {
            return error(403, "operateur_requis", "Réservé aux opérateurs de la plateforme.", List.of());
        }
    }

    private static Response error(int status, String code, String message, List<FieldError> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("erreur", code);
        body.put("message", message);
        List<Map<String, String>> champs = new ArrayList<>();
        for (FieldError f : fields) {
            champs.add(Map.of("champ", f.field(), "message", f.message()));
        }
        if (!champs.isEmpty()) {
            body.put("champs", champs);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    static Map<String, Object> json(CommuneOverview c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", c.getSlug());
        m.put("nom", c.getName());
        m.put("statut", c.getStatus());
        m.put("domaines", c.getDomains());
        m.put("siteWeb", c.getWebsiteUrl());
        m.put("versionSchema", c.getSchemaVersion());
        m.put("versionCode", c.getCodeVersion());
        m.put("etatSchema", c.getSchemaState());
        m.put("erreurSchema", c.getSchemaError());
        m.put("schemaServi", c.isSchemaServed());
        m.put("royaumeActif", c.getRealmEnabled());
        m.put("erreurRoyaume", c.getRealmError());
        m.put("familles", c.getFamilies());
        m.put("comptes", c.getAccounts());
        m.put("reservationsDuMois", c.getBookingsThisMonth());
        m.put("erreurCompteurs", c.getCountsError());
        m.put("creeeLe", c.getCreatedAt() == null ? null : c.getCreatedAt().toString());
        m.put("derniereActivite", c.getLastActivity() == null ? null : c.getLastActivity().toString());
        m.put("derniereActiviteNature", c.getLastActivityKind());
        return m;
    }

    static Map<String, Object> json(OnboardingJob job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", job.getSlug());
        m.put("etat", job.getState());
        m.put("dureeMs", job.getMillis());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (OnboardingJob.Step s : job.getSteps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("etape", s.getCode());
            step.put("libelle", s.getLabel());
            step.put("etat", s.getState());
            step.put("detail", s.getDetail());
            steps.add(step);
        }
        m.put("etapes", steps);
        if (job.isFailed()) {
            m.put("etapeEnEchec", job.getFailedStep());
        }
        return m;
    }
}
