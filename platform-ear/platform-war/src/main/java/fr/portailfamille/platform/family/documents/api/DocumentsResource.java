package fr.portailfamille.platform.family.documents.api;

import fr.portailfamille.platform.api.ApiApplication;
import fr.portailfamille.platform.api.ApiError;
import fr.portailfamille.platform.api.ApiException;
import fr.portailfamille.platform.api.FamilyApi;
import fr.portailfamille.platform.api.FamilyCallerFilter;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.family.documents.UploadRefused;
import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.kernel.UploadChecker;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/famille/v1/documents}: Mes documents through the API, by the page's own service ({@link FamilyDocuments}):
 * the family's documents with their state, the commune's document types, one document and its file, and sending a new
 * one as a {@code multipart/form-data} form ({@code type}, {@code date}, {@code enfant}, {@code fichier}) stored by the
 * page's {@link FamilyDocuments#upload} — the file checked on its content, 5 Mo at most, waiting for an agent's review —
 * so that its id can be a window request's {@code justificatif}. Each refusal is a 400 with a stable code on its field,
 * and nothing is stored; another family's document is unknown (404), like an id that exists nowhere.
 */
@Path("famille/v1/documents")
@RequestScoped
@Transactional
@CommuneRequired
@FamilyApi
@Tag(name = "Documents", description = "Mes documents : les pièces de la famille, vérifiées par la mairie")
@SecurityRequirement(name = ApiApplication.BEARER)
public class DocumentsResource {

    static final String UNKNOWN = "document_inconnu";
    /** The form's parts. */
    static final String TYPE = "type";
    static final String DATE = "date";
    static final String CHILD = "enfant";
    static final String FILE = "fichier";
    /** The most bytes read of a text field of the form (a type's code, a date, an id): more is not one of them. */
    static final int MAX_FIELD_BYTES = 200;

    /** A document of the family, without its content. */
    @Schema(name = "Document", description = "Un document de la famille, sans son contenu")
    public record Document(long id,
                           @Schema(description = "Code du type de document de la commune") String type,
                           String typeLibelle,
                           @Schema(description = "L'enfant que le document concerne, sinon null (document de la famille)")
                           Long enfant, String enfantPrenom,
                           @Schema(description = "Date du document (émission)") LocalDate date,
                           @Schema(description = "Fin de validité selon le type, null si permanent") LocalDate valableJusquAu,
                           String nomFichier,
                           @Schema(description = "Taille du fichier en octets") long taille,
                           @Schema(description = "EN_ATTENTE (à vérifier par la mairie), VALIDE, REFUSE, EXPIRE")
                           String etat,
                           @Schema(description = "L'état en mots : en attente, validé, refusé, expiré") String etatLibelle,
                           @Schema(description = "Le motif du refus donné par la mairie, sinon null") String motifRefus,
                           OffsetDateTime envoyeLe) {
    }

    /** A document type of the commune: what {@code type} may be. */
    @Schema(name = "TypeDocument")
    public record TypeDocument(String code, String libelle,
                               @Schema(description = "Le document concerne un enfant : indiquer enfant à l'envoi")
                               boolean pourEnfant,
                               @Schema(description = "Sa durée de validité en mots") String validite) {
    }

    /** The form of {@code POST /documents}, for the OpenAPI description (read as parts by {@link #envoyer}). */
    @Schema(name = "NouveauDocument", description = "Formulaire multipart/form-data d'envoi d'un document",
            requiredProperties = {TYPE, DATE, FILE})
    public record NouveauDocument(
            @Schema(description = "Code d'un type de document de la commune (GET /documents/types)") String type,
            @Schema(type = SchemaType.STRING, format = "date", description = "Date du document, AAAA-MM-JJ, pas dans le"
                    + " futur") String date,
            @Schema(description = "Identifiant de l'enfant, pour un type qui concerne un enfant") Long enfant,
            @Schema(type = SchemaType.STRING, format = "binary", description = "Le fichier : PDF, JPEG ou PNG, 5 Mo au"
                    + " plus, reconnu à son contenu") String fichier) {
    }

    @Inject
    FamilyDocuments documents;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Les documents de la famille, les plus récents d'abord",
            description = "Ceux de Mes documents : type, enfant concerné, date, fichier et taille, état (en attente de la"
                    + " vérification par la mairie, validé, refusé avec son motif, expiré) et date d'envoi. Liste vide sans"
                    + " dossier enregistré.")
    @APIResponse(responseCode = "200", description = "Les documents",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = Document.class)))
    @APIResponse(responseCode = "401", description = "Sans jeton valide de la commune (non_authentifie, jeton_invalide)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "Compte sans le rôle parent (non_autorise)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public List<Document> documents() {
        return documents.mine(FamilyCallerFilter.caller(request)).stream().map(DocumentsResource::json).toList();
    }

    @GET
    @Path("types")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Les types de documents de la commune",
            description = "Ce que le champ type de l'envoi accepte, dans l'ordre de la commune, et si le type concerne un"
                    + " enfant.")
    @APIResponse(responseCode = "200", description = "Les types", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = TypeDocument.class)))
    public List<TypeDocument> types() {
        return documents.types().stream().map(t -> new TypeDocument(t.code(), t.label(), t.forChild(), t.validityText()))
                .toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Un document de la famille")
    @APIResponse(responseCode = "200", description = "Le document", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Document.class)))
    @APIResponse(responseCode = "404", description = "Document inconnu ou d'une autre famille (document_inconnu)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Document un(@PathParam("id") String id) {
        return documents.mine(FamilyCallerFilter.caller(request), documentId(id)).map(DocumentsResource::json)
                .orElseThrow(DocumentsResource::unknown);
    }

    @GET
    @Path("{id}/fichier")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Operation(summary = "Le fichier d'un document de la famille", description = "Tel qu'il a été envoyé (PDF, JPEG ou PNG).")
    @APIResponse(responseCode = "200", description = "Le fichier", content = {@Content(mediaType = "application/pdf"),
            @Content(mediaType = "image/jpeg"), @Content(mediaType = "image/png")})
    @APIResponse(responseCode = "404", description = "Document inconnu ou d'une autre famille (document_inconnu)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response fichier(@PathParam("id") String id) {
        FamilyDocuments.Stored d = documents.download(FamilyCallerFilter.caller(request), documentId(id))
                .orElseThrow(DocumentsResource::unknown);
        return Response.ok(d.content(), d.contentType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", FileResponses.disposition("attachment", d.fileName()))
                .build();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Envoyer un document dans Mes documents",
            description = "Formulaire multipart/form-data : type (GET /documents/types), date (AAAA-MM-JJ), enfant pour un"
                    + " type qui concerne un enfant, fichier. Enregistré comme par la page Mes documents et par le même"
                    + " service : fichier reconnu à son contenu (PDF, JPEG ou PNG, 5 Mo au plus), en attente de la"
                    + " vérification par la mairie. Son identifiant peut servir de justificatif à une demande"
                    + " (POST /fenetres/{id}/demande). Un envoi de plus de 40 Mo est refusé avant d'être lu (413"
                    + " envoi_trop_volumineux).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = NouveauDocument.class)))
    @APIResponse(responseCode = "201", description = "Le document enregistré, en attente de vérification",
            headers = @Header(name = "Location", description = "L'adresse du document", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Document.class)))
    @APIResponse(responseCode = "400", description = "Refusé, rien n'est enregistré : type_inconnu, enfant_manquant,"
            + " enfant_invalide, date_manquante, date_invalide, date_future, document_expire, fichier_manquant,"
            + " type_fichier_refuse (pas un vrai PDF, JPEG ou PNG), fichier_trop_volumineux (plus de 5 Mo),"
            + " requete_invalide (corps multipart illisible)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "401", description = "Sans jeton valide de la commune (non_authentifie, jeton_invalide)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "Compte sans le rôle parent (non_autorise) ; formulaire d'un autre site"
            + " envoyé avec la session du portail, sans jeton (origine_refusee)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "Enfant inconnu ou d'une autre famille (enfant_inconnu)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "Dossier famille pas encore enregistré (dossier_non_enregistre)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "413", description = "Envoi de plus de 40 Mo, refusé avant d'être lu (envoi_trop_volumineux)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "415", description = "Corps qui n'est pas un formulaire multipart/form-data"
            + " (format_non_supporte)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response envoyer(List<EntityPart> parts) throws IOException {
        SignedInUser user = FamilyCallerFilter.caller(request);
        // a form posted from another site's page on the portal's session: refused before (api.CrossSiteApiFilter)
        Map<String, EntityPart> form = new LinkedHashMap<>();
        for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
            form.putIfAbsent(part.getName(), part); // a name sent twice: its first part
        }
        String type = text(form.get(TYPE));
        LocalDate date = date(text(form.get(DATE)));
        Long child = childId(text(form.get(CHILD)));
        EntityPart file = form.get(FILE);
        byte[] content = null;
        String fileName = null;
        if (file != null) {
            try (InputStream in = file.getContent()) {
                content = in.readNBytes(UploadChecker.MAX_BYTES + 1);
            }
            fileName = file.getFileName().orElse(null);
        }
        long id;
        try {
            id = documents.upload(user, type, child, date, fileName, content);
        } catch (UploadRefused e) {
            throw refusal(e);
        }
        Document created = documents.mine(user, id).map(DocumentsResource::json).orElseThrow();
        // the public address (its scheme behind the TLS ingress), not the connection's
        return Response.created(java.net.URI.create(fr.portailfamille.platform.security.Urls.origin(request)
                + uri.getAbsolutePathBuilder().path(Long.toString(id)).build().getRawPath())).entity(created).build();
    }

    /**
     * The API's answer to a refusal of the upload, nothing stored: the first problem's stable code, and each field
     * refused in {@code champs} (the form fixed in one go, as the page shows them), unless the answer is not about the
     * fields (a file not stored yet, a child not the family's: 409, 404).
     */
    static ApiException refusal(UploadRefused e) {
        ApiException first = one(e);
        if (first.status() != Response.Status.BAD_REQUEST.getStatusCode() || e.all().size() < 2) {
            return first;
        }
        List<ApiError.Field> fields = new java.util.ArrayList<>();
        for (UploadRefused r : e.all()) {
            ApiException each = one(r);
            if (each.status() == Response.Status.BAD_REQUEST.getStatusCode()) {
                fields.addAll(each.error().champs());
            }
        }
        return new ApiException(Response.Status.BAD_REQUEST, first.error().code(), first.getMessage(), fields);
    }

    /** One refusal's answer: its stable code on its field. */
    private static ApiException one(UploadRefused e) {
        return switch (e.reason()) {
            case NO_FAMILY_FILE -> new ApiException(Response.Status.CONFLICT, "dossier_non_enregistre", e.getMessage(),
                    List.of());
            case UNKNOWN_TYPE -> ApiException.badInput("type_inconnu", TYPE, "Indiquez le code d'un type de document de la"
                    + " commune (GET /documents/types).");
            case CHILD_MISSING -> ApiException.badInput("enfant_manquant", CHILD, "Ce type de document concerne un enfant :"
                    + " indiquez son identifiant (champ enfant).");
            case CHILD_UNKNOWN -> ApiException.notFound("enfant_inconnu", e.getMessage());
            case DATE_MISSING -> ApiException.badInput("date_manquante", DATE, "Indiquez la date du document (AAAA-MM-JJ).");
            case DATE_FUTURE -> ApiException.badInput("date_future", DATE, e.getMessage());
            case DATE_TOO_OLD -> ApiException.badInput("date_invalide", DATE, e.getMessage());
            case DATE_EXPIRED -> ApiException.badInput("document_expire", DATE, e.getMessage());
            case FILE_MISSING -> ApiException.badInput("fichier_manquant", FILE, "Joignez le fichier du document (champ"
                    + " fichier) : PDF, JPEG ou PNG.");
            case FILE_TOO_BIG -> ApiException.badInput("fichier_trop_volumineux", FILE, e.getMessage());
            case FILE_NOT_ACCEPTED -> ApiException.badInput("type_fichier_refuse", FILE, e.getMessage());
        };
    }

    /** A text field of the form, stripped; {@code null} when absent or blank, as an unreadable value when too long. */
    static String text(EntityPart part) throws IOException {
        if (part == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = part.getContent()) {
            bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
        }
        String value = new String(bytes, StandardCharsets.UTF_8).strip();
        return value.isEmpty() ? null : value;
    }

    /** The date field: absent is {@code null} (the service says it is missing), anything but AAAA-MM-JJ a 400. */
    static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badInput("date_invalide", DATE, "Indiquez la date du document sous la forme AAAA-MM-JJ.");
        }
    }

    /** The child field: absent is {@code null}, anything but a positive integer a 400. */
    static Long childId(String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("[0-9]{1,18}") || Long.parseLong(value) == 0) {
            throw ApiException.badInput("enfant_invalide", CHILD, "Indiquez l'identifiant numérique de l'enfant.");
        }
        return Long.parseLong(value);
    }

    private static long documentId(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw unknown();
        }
        return Long.parseLong(id);
    }

    private static ApiException unknown() {
        return ApiException.notFound(UNKNOWN, "Ce document ne fait pas partie de votre dossier.");
    }

    static Document json(FamilyDocuments.Row r) {
        return new Document(r.id(), r.typeCode(), r.typeLabel(), r.childId(), r.childName(), r.issuedOn(), r.expiresOn(),
                r.fileName(), r.size(), etat(r.state()), r.state().label(), r.reason(), r.uploadedAt());
    }

    /** The state's stable code in the API's words. */
    static String etat(FamilyDocuments.State state) {
        return switch (state) {
            case PENDING -> "EN_ATTENTE";
            case VALIDATED -> "VALIDE";
            case REFUSED -> "REFUSE";
            case EXPIRED -> "EXPIRE";
        };
    }
}
