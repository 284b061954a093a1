package fr.portailfamille.platform.operator;

import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.security.OperatorUser;
import fr.portailfamille.platform.security.PublicScheme;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.tenancy.CommuneSpec;
import fr.portailfamille.tenancy.ProvisioningException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operators' REST API on the operator host, for hosting teams' scripts: the same actions as the console, with a
 * bearer access token of the operators' realm (role {@code operateur}). JSON in French; every error has a stable code
 * ({@code erreur}) and a French message, the refused fields in {@code champs}. A commune's archives (made by its
 * administrator, encrypted with their passphrase) are listed and downloaded as stored, imported into a new commune
 * ({@code POST /communes/import}: the archive is the body, the passphrase a header, the new commune query parameters;
 * run as a console job, within the request, its id and steps answered),
 * and a suspended commune is deleted with its slug typed again ({@code DELETE …/{slug}?confirmation=slug}).
 */
@Path("/operateur/v1/communes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Opérateurs", description = "Communes de la plateforme : liste, embarquement, suspension, reprise, mise à"
        + " niveau, archives, import, suppression")
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
        /** Facultatifs : le prénom et le nom de l'administrateur (sinon il les donne en activant son compte). */
        public String prenomAdministrateur;
        public String nomAdministrateur;
    }

    @GET
    @Operation(summary = "Liste des communes", description = "Statut, domaines, version du schéma et celle du code, état du"
            + " royaume, compteurs (familles, comptes, réservations du mois), dernière activité.")
    @APIResponse(responseCode = "200", description = "Les communes, par nom")
    @APIResponse(responseCode = "401", description = "authentification_requise : sans jeton ; jeton_invalide : jeton expiré"
            + " ou d'un autre royaume (de même pour chaque adresse de cette API)")
    @APIResponse(responseCode = "403", description = "operateur_requis : jeton du royaume des opérateurs sans le rôle"
            + " operateur (de même pour chaque adresse de cette API)")
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
            + " administrateur (adresse électronique), prenomAdministrateur et nomAdministrateur (facultatifs)")
    @APIResponse(responseCode = "201", description = "Commune embarquée")
    @APIResponse(responseCode = "400", description = "donnees_invalides, avec champs")
    @APIResponse(responseCode = "502", description = "echec_etape : une étape a échoué (etapes, etapeEnEchec)")
    public Response onboard(OnboardingBody body) {
        return answer(() -> {
            if (body == null) {
                return error(400, "donnees_invalides", "Corps JSON attendu.", List.of());
            }
            Onboarding o = new Onboarding(body.slug, body.nom, body.siteWeb, body.couleurPrincipale, body.couleurAccent,
                    body.logoSvg, body.domaines, body.administrateur, body.prenomAdministrateur, body.nomAdministrateur);
            OnboardingJob job = communes.onboard(o, operator(), PublicScheme.of(request), PublicScheme.portSuffix(request));
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

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Modifier une commune", description = "Nom, site web, couleurs, logo et domaines propres d'une"
            + " commune servie ou suspendue (un domaine obtenu depuis l'embarquement, un nouveau logo), vérifiés comme à"
            + " l'embarquement ; son royaume accepte alors les connexions depuis ses nouveaux domaines. Un champ absent est"
            + " conservé ; logoSvg vide retire le logo ; domaines remplace la liste.")
    @RequestBody(description = "nom, siteWeb, couleurPrincipale, couleurAccent, logoSvg, domaines (chacun facultatif)")
    @APIResponse(responseCode = "200", description = "La commune modifiée")
    @APIResponse(responseCode = "400", description = "donnees_invalides, avec champs (un domaine d'une autre commune…)")
    @APIResponse(responseCode = "404", description = "commune_inconnue")
    @APIResponse(responseCode = "502", description = "echec_keycloak : la commune est modifiée, son royaume non ; relancer")
    public Response update(@PathParam("slug") String slug, OnboardingBody body) {
        return answer(() -> {
            if (body == null) {
                return error(400, "donnees_invalides", "Corps JSON attendu.", List.of());
            }
            List<String> domains = body.domaines != null ? body.domaines.stream().filter(java.util.Objects::nonNull).toList()
                    : communes.find(slug, operator()).map(CommuneOverview::getDomains)
                    .orElseThrow(() -> new OperatorCommunes.UnknownCommune(slug));
            return Response.ok(json(communes.update(slug, new CommuneSpec(slug, body.nom, body.siteWeb,
                    body.couleurPrincipale, body.couleurAccent, body.logoSvg, domains), operator(), PublicScheme.of(request),
                    PublicScheme.portSuffix(request)))).build();
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
    @Path("{slug}/administrateurs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Inviter un administrateur de la commune", description = "Rôles agent et admin-commune, courriel"
            + " pour choisir son mot de passe : quand l'adresse du premier était erronée, ou qu'il est parti.")
    @RequestBody(description = "administrateur (adresse électronique), prenomAdministrateur et nomAdministrateur (facultatifs)")
    @APIResponse(responseCode = "200", description = "Invitation envoyée : adresse et rôles")
    @APIResponse(responseCode = "400", description = "donnees_invalides, avec champs (ou commune non servie)")
    @APIResponse(responseCode = "404", description = "commune_inconnue")
    @APIResponse(responseCode = "502", description = "echec_keycloak")
    public Response inviteAdministrator(@PathParam("slug") String slug, OnboardingBody body) {
        return answer(() -> {
            if (body == null) {
                return error(400, "donnees_invalides", "Corps JSON attendu.", List.of());
            }
            List<String> roles = communes.inviteAdministrator(slug, body.administrateur, body.prenomAdministrateur,
                    body.nomAdministrateur, operator(), PublicScheme.of(request), PublicScheme.portSuffix(request));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("administrateur", body.administrateur.strip().toLowerCase(java.util.Locale.ROOT));
            out.put("roles", roles);
            return Response.ok(out).build();
        });
    }

    @POST
    @Path("{slug}/mise-a-niveau")
    @Operation(summary = "Relancer la mise à niveau du schéma d'une commune")
    @APIResponse(responseCode = "200", description = "La commune, avec l'état de son schéma")
    @APIResponse(responseCode = "404", description = "commune_inconnue")
    public Response upgrade(@PathParam("slug") String slug) {
        return answer(() -> Response.ok(json(communes.upgrade(slug, operator()))).build());
    }

    @GET
    @Path("{slug}/archives")
    @Operation(summary = "Archives d'une commune", description = "Les archives faites par l'administrateur de la commune"
            + " (chiffrées avec sa phrase secrète), les plus récentes d'abord : id, date, taille, empreinte SHA-256 des"
            + " octets chiffrés, auteur. Celles d'une commune supprimée restent listées sous son identifiant.")
    @APIResponse(responseCode = "200", description = "Les archives")
    @APIResponse(responseCode = "404", description = "commune_inconnue : ni commune ni archive sous cet identifiant")
    public Response archives(@PathParam("slug") String slug) {
        return answer(() -> Response.ok(communes.archives(slug, operator()).stream().map(OperatorApi::json).toList())
                .build());
    }

    @GET
    @Path("archives/{id}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Operation(summary = "Télécharger une archive", description = "Les octets CHIFFRÉS tels que stockés (l'opérateur"
            + " transporte l'archive, il ne peut pas la lire) ; leur SHA-256 est celui de la liste. Téléchargement"
            + " journalisé.")
    @APIResponse(responseCode = "200", description = "L'archive chiffrée", content = @Content(
            mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "archive_inconnue")
    public Response archive(@PathParam("id") String id) {
        return answer(() -> {
            long n;
            try {
                n = Long.parseLong(id);
            } catch (NumberFormatException e) {
                n = -1;
            }
            return communes.archive(n, operator()).map(d -> {
                StreamingOutput body = out -> {
                    try (InputStream in = d.bytes()) {
                        in.transferTo(out);
                    }
                };
                return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM)
                        .header("Content-Disposition", FileResponses.disposition("attachment", d.archive().getFileName()))
                        .header("Content-Length", d.archive().getSize())
                        .header("X-Archive-Sha256", d.archive().getSha256()).build();
            }).orElseGet(() -> error(404, "archive_inconnue", "Aucune archive n'a le numéro « " + id + " ».", List.of()));
        });
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Importer une archive dans une nouvelle commune", description = "Le corps est le fichier de"
            + " l'archive tel que téléchargé (.pfarchive) ; sa phrase secrète, donnée par l'administrateur de la commune,"
            + " dans l'en-tête X-Phrase-Secrete (jamais dans l'URL, jamais gardée) ; la nouvelle commune en paramètres."
            + " Les champs de la nouvelle commune sont vérifiés d'abord (400, rien n'est fait). Puis l'import est une"
            + " tâche comme un embarquement, menée pendant la requête (la réponse vient quand elle est finie) : archive"
            + " reçue (ARCHIVE), vérifiée entière et déchiffrée (DECRYPTION), puis la commune créée (SCHEMA, MIGRATIONS,"
            + " CONFIGURATION, REALM, CLIENT, THEME, ACTIVATION), ses comptes recréés (ACCOUNTS ; chacun choisira un"
            + " nouveau mot de passe) et ses données chargées en une transaction (DATA, avec les comptes). La réponse"
            + " donne l'id de la tâche et chaque étape (etapes), comme celle d'un embarquement ; la console lit la même"
            + " tâche. Même version de schéma exigée. Un import en échec ne se reprend pas : relancez-le avec l'archive"
            + " et sa phrase secrète (aucune commune à moitié n'est gardée).")
    @RequestBody(description = "L'archive chiffrée", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    format = "binary")))
    @APIResponse(responseCode = "201", description = "La tâche finie (id, etapes, dureeMs) et la nouvelle commune,"
            + " servie (commune)")
    @APIResponse(responseCode = "400", description = "donnees_invalides, avec champs (slug, name, websiteUrl,"
            + " primaryColor, accentColor, domains : rien n'est fait ; passphrase : phrase incorrecte, archive : modifiée,"
            + " incomplète ou d'une autre version — la tâche en échec à l'étape DECRYPTION, avec id, etapes,"
            + " etapeEnEchec ; rien n'est créé)")
    @APIResponse(responseCode = "502", description = "echec_etape : une étape après le déchiffrement a échoué (etapes,"
            + " etapeEnEchec) ; la commune créée pour l'import a été retirée")
    public Response importArchive(
            @HeaderParam("X-Phrase-Secrete") @Parameter(in = ParameterIn.HEADER, description = "la phrase secrète de"
                    + " l'archive") String passphrase,
            @QueryParam("slug") @Parameter(description = "identifiant de la nouvelle commune") String slug,
            @QueryParam("nom") @Parameter(description = "nom de la nouvelle commune") String nom,
            @QueryParam("siteWeb") @Parameter(description = "site de la mairie (https://…)") String siteWeb,
            @QueryParam("couleurPrincipale") @Parameter(description = "#rrggbb") String couleurPrincipale,
            @QueryParam("couleurAccent") @Parameter(description = "#rrggbb") String couleurAccent,
            @QueryParam("domaine") @Parameter(description = "domaine propre (répétable, facultatif)") List<String> domaines,
            InputStream body) {
        return answer(() -> {
            char[] phrase = passphrase == null ? null : passphrase.toCharArray();
            OnboardingJob job;
            try {
                job = communes.importNow(new CommuneSpec(slug, nom, siteWeb, couleurPrincipale, couleurAccent, null,
                        domaines), body, null, phrase, operator(), PublicScheme.of(request), PublicScheme.portSuffix(request));
            } finally {
                if (phrase != null) {
                    java.util.Arrays.fill(phrase, '\0');
                }
            }
            Map<String, Object> out = json(job);
            if (job.isFailed()) {
                Optional<FieldError> field = OperatorCommunes.archiveError(job);
                if (field.isPresent()) {
                    return failure(400, "donnees_invalides", "La demande contient des erreurs.", List.of(field.get()),
                            out);
                }
                return failure(502, "echec_etape", "L'import a échoué à l'étape " + job.getFailedStep() + " : "
                        + job.getError() + " Relancez l'import avec l'archive et sa phrase secrète.", List.of(), out);
            }
            communes.find(job.getSlug(), operator()).ifPresent(c -> out.put("commune", json(c)));
            return Response.status(201).entity(out).build();
        });
    }

    @DELETE
    @Path("{slug}")
    @Operation(summary = "Supprimer une commune", description = "Définitivement : son schéma (toutes les données des"
            + " familles) et son royaume (tous les comptes) ; le journal des opérateurs et ses archives restent. La"
            + " commune doit être suspendue, et son identifiant redonné dans le paramètre confirmation.")
    @APIResponse(responseCode = "204", description = "Commune supprimée")
    @APIResponse(responseCode = "400", description = "confirmation_incorrecte : confirmation n'est pas l'identifiant")
    @APIResponse(responseCode = "404", description = "commune_inconnue")
    @APIResponse(responseCode = "409", description = "commune_non_suspendue : suspendez-la d'abord ; archive_requise : elle"
            + " tient des factures, paiements ou mouvements de porte-monnaie dont aucune archive n'a été faite depuis le dernier")
    @APIResponse(responseCode = "502", description = "echec_keycloak : une étape a échoué ; la commune reste suspendue,"
            + " relancer la suppression")
    public Response delete(@PathParam("slug") String slug, @QueryParam("confirmation") @Parameter(description = "l'identifiant"
            + " de la commune, saisi de nouveau") String confirmation) {
        return answer(() -> {
            try {
                communes.delete(slug, confirmation, operator());
            } catch (ProvisioningException.NotSuspended e) {
                return error(409, "commune_non_suspendue", e.errors().get(0).message(), e.errors());
            } catch (ProvisioningException.Unarchived e) {
                return error(409, "archive_requise", e.errors().get(0).message(), e.errors());
            } catch (ProvisioningException e) {
                if (e.errors().size() == 1 && e.errors().get(0).field().equals("typedSlug")) {
                    return error(400, "confirmation_incorrecte", e.errors().get(0).message(), e.errors());
                }
                throw e;
            }
            return Response.noContent().build();
        });
    }

    static Map<String, Object> json(OperatorArchive a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.getId());
        m.put("slug", a.getSlug());
        m.put("date", a.getCreatedAt().toString());
        m.put("taille", a.getSize());
        m.put("sha256", a.getSha256());
        m.put("auteur", a.getCreatedBy());
        m.put("versionSchema", a.getSchemaVersion());
        m.put("fichier", a.getFileName());
        return m;
    }

    private OperatorUser operator() {
        return OperatorUser.of(request);
    }

    private static Response answer(Supplier<Response> work) {
        try {
            return work.get();
        } catch (OperatorCommunes.UnknownCommune e) {
            return error(404, "commune_inconnue", e.getMessage(), List.of());
        } catch (ProvisioningException.NoSuchCommune e) {
            return error(404, "commune_inconnue", e.errors().get(0).message(), e.errors());
        } catch (ProvisioningException e) {
            if (!e.errors().isEmpty()) {
                return error(400, "donnees_invalides", "La demande contient des erreurs.", e.errors());
            }
            LOG.log(Level.WARNING, "Action d'un opérateur en échec", e);
            return error(502, "echec_keycloak", e.getMessage(), List.of());
        } catch (SecurityException e) {
            return error(403, "operateur_requis", "Réservé aux opérateurs de la plateforme.", List.of());
        } catch (fr.portailfamille.platform.kernel.Refused e) {
            // an onboarding, an import or a deletion of the commune under way (SlugLock): to try again once it is done
            return error(409, "commune_occupee", e.getMessage(), e.errors());
        }
    }

    private static Response error(int status, String code, String message, List<FieldError> fields) {
        return failure(status, code, message, fields, Map.of());
    }

    /** An error's JSON, followed by {@code more} (a failed job's id and steps). */
    private static Response failure(int status, String code, String message, List<FieldError> fields,
                                    Map<String, Object> more) {
        // the shape of every API error (code, message, champs: kernel.JsonErrors, api.ApiError), with status and erreur
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        List<Map<String, String>> champs = new ArrayList<>();
        for (FieldError f : fields) {
            champs.add(Map.of("champ", f.field(), "message", f.message()));
        }
        body.put("champs", champs);
        body.put("status", status);
        body.put("erreur", code);
        more.forEach(body::putIfAbsent);
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
        if (c.getSetupTotal() != null) {
            // one commune's answer only: what it has not yet set up of the model it started from
            m.put("miseEnRouteReglages", c.getSetupTotal());
            m.put("miseEnRouteAFaire", c.getSetupPending());
        }
        return m;
    }

    static Map<String, Object> json(OnboardingJob job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.getId());
        m.put("nature", job.getKind());
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
