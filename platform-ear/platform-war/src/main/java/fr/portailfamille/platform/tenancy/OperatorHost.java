package fr.portailfamille.platform.tenancy;

import fr.portailfamille.tenancy.CommuneRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform operators' own host ({@code pf.operator-host}, by default {@code admin.<pf.base-domain>}): it serves
 * the operators' console ({@code /operateur/}) and API ({@code /api/operateur/}) and nothing of any commune; no commune
 * is ever bound to its requests, and commune hosts never serve those two paths. The slug {@code admin} is reserved
 * ({@link CommuneRules}), so no commune can be reached at the default operator host.
 */
@ApplicationScoped
public class OperatorHost {

    /** Request attribute set (to {@code Boolean.TRUE}) on the operator host's requests: error pages pick their layout. */
    public static final String ATTRIBUTE = "pf.operator-host";
    public static final String PAGES = "/operateur/";
    public static final String API = "/api/operateur/";

    @Inject
    @ConfigProperty(name = "pf.operator-host")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "pf.base-domain", defaultValue = "localhost")
    String baseDomain;

    /** The operator host's name, normalized (lower case, no port). */
    public String host() {
        return CommuneRules.normalizeHost(configured.filter(s -> !s.isBlank()).orElse("admin." + baseDomain));
    }

    /** Whether the request was sent to the operator host. */
    public boolean is(HttpServletRequest request) {
        return host().equals(CommuneRules.normalizeHost(request.getHeader("Host")));
    }

    /** The console's and the API's paths: served on the operator host only. */
    public static boolean isOperatorPath(String path) {
        return path.startsWith(PAGES) || path.equals("/operateur") || path.startsWith(API) || path.equals("/api/operateur");
    }

    /**
     * What the operator host serves besides its console and API: Faces resources, the login callback, logout and the
     * OpenAPI document (Payara's, which describes the operator API);
     * anything else (a family page, a commune's API) is unknown there.
     */
    public static boolean servedOnOperatorHost(String path) {
        return isOperatorPath(path) || path.startsWith("/jakarta.faces.resource/") || path.equals("/oidc/callback")
                || path.equals("/deconnexion") || path.equals("/") || path.isEmpty() || path.equals("/openapi")
                || path.startsWith("/openapi/");
    }
}
