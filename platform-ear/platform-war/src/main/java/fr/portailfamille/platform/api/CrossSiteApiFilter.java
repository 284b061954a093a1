package fr.portailfamille.platform.api;

import fr.portailfamille.platform.security.CrossSiteForms;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Every API call that changes data (POST, PUT, PATCH, DELETE), families' and operators' alike, is refused when a
 * browser sent it from another site's page riding on the portal's or the console's session cookie (CSRF: a form's
 * post needs no CORS preflight; a POST without body — an operator's suspension — no content type either). A call
 * with its own token is never one ({@link CrossSiteForms}). Answer: 403 {@code origine_refusee}, nothing done.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class CrossSiteApiFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (!SAFE.contains(ctx.getMethod()) && CrossSiteForms.isCrossSite(request)) {
            ctx.abortWith(ApiExceptionMapper.answer(403, new ApiError("origine_refusee", "Cette demande vient d'une page"
                    + " d'un autre site : faites-la depuis le portail de votre commune, ou avec un jeton d'accès (en-tête"
                    + " Authorization: Bearer).", null)));
        }
    }
}
