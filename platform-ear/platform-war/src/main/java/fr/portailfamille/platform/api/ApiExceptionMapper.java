package fr.portailfamille.platform.api;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.ops.CorrelationFilter;
import fr.portailfamille.platform.ops.Outage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of an API call becomes an {@link ApiError} in JSON, never a stack trace nor an HTML page: the API's
 * own refusals with their status, a service's refusal (409, its French message), JAX-RS's own answers (unknown path,
 * method, media type) with a code, an outage of the database or of Keycloak 503, anything else 500 with the
 * correlation id (also in the {@code X-Correlation-Id} header) and one log line.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiException e) {
            return answer(e.status(), e.error());
        }
        if (failure instanceof Refused e) {
            return answer(409, new ApiError("demande_refusee", e.getMessage(), fields(e)));
        }
        fr.portailfamille.platform.kernel.AccountConflict conflict = fr.portailfamille.platform.kernel.AccountConflict.in(failure);
        if (conflict != null) {
            // the account does not reach its file: what to do, not the 500 error
            LOG.warning(() -> "API [" + correlation() + "] " + conflict.getMessage());
            return answer(409, new ApiError("compte_non_relie", fr.portailfamille.platform.kernel.AccountConflict
                    .text(conflict.reason()).french(), null));
        }
        if (failure instanceof WebApplicationException e && e.getResponse() != null && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            return answer(status, switch (status) {
                case 404 -> new ApiError("ressource_inconnue", "Cette adresse de l'API n'existe pas.", null);
                case 405 -> new ApiError("methode_non_autorisee", "Cette méthode n'est pas acceptée à cette adresse.", null);
                case 406 -> new ApiError("format_non_disponible", "Cette adresse répond en JSON (application/json).", null);
                case 415 -> new ApiError("format_non_supporte", multipart()
                        ? "Envoyez le document en formulaire multipart/form-data (champs type, date, fichier)."
                        : archive() ? "Envoyez l'archive telle quelle, en application/octet-stream."
                        : "Envoyez le corps de la requête en JSON (application/json).", null);
                default -> new ApiError("requete_invalide", "La requête est invalide.", null);
            }, status == 405 ? e.getResponse().getHeaderString("Allow") : null);
        }
        if (unreadableJson(failure)) {
            // a body that is not JSON, or whose values do not fit the fields (a list for a text…): the caller's to mend
            return answer(400, new ApiError("json_invalide", "Le corps de la requête n'est pas un JSON attendu à cette"
                    + " adresse : vérifiez sa syntaxe et le type de chaque champ.", null));
        }
        String correlation = correlation();
        if (Outage.classify(failure).isPresent()) {
            LOG.warning(() -> "API [" + correlation + "] service indisponible : " + failure);
            return answer(503, new ApiError("service_indisponible", "Le service est momentanément indisponible."
                    + " Réessayez dans quelques minutes (code " + correlation + ").", null));
        }
        LOG.log(Level.SEVERE, "API [" + correlation + "] erreur inattendue", failure);
        return answer(500, new ApiError("erreur_interne", "Une erreur est survenue. Si elle se répète, indiquez ce code"
                + " à la mairie : " + correlation + ".", null));
    }

    /** Whether JSON-B or JSON-P could not read the request's body (Jersey wraps their failure in a ProcessingException). */
    static boolean unreadableJson(Throwable failure) {
        if (!(failure instanceof jakarta.ws.rs.ProcessingException) && !(failure instanceof jakarta.json.bind.JsonbException)
                && !(failure instanceof jakarta.json.JsonException)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.json.bind.JsonbException || t instanceof jakarta.json.JsonException) {
                return true;
            }
        }
        return false;
    }

    private static List<ApiError.Field> fields(Refused e) {
        return e.field() == null ? List.of() : List.of(new ApiError.Field(e.field(), e.getMessage()));
    }

    /** Whether the call went to an address that takes a {@code multipart/form-data} form (sending a document). */
    private boolean multipart() {
        return request != null && request.getRequestURI().endsWith("/famille/v1/documents");
    }

    /** Whether the call went to the operators' archive import, which takes the archive's bytes as its body. */
    private boolean archive() {
        return request != null && request.getRequestURI().endsWith("/communes/import");
    }

    private String correlation() {
        Object id = request == null ? null : request.getAttribute(CorrelationFilter.ATTRIBUTE);
        return id == null ? "?" : id.toString();
    }

    static Response answer(int status, ApiError error) {
        return answer(status, error, null);
    }

    /** {@link #answer(int, ApiError)} keeping {@code allow}, the methods a 405 names (HTTP requires them). */
    static Response answer(int status, ApiError error, String allow) {
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(error);
        if (status == 401) {
            r.header("WWW-Authenticate", "Bearer");
        }
        if (allow != null) {
            r.header("Allow", allow);
        }
        return r.build();
    }
}
