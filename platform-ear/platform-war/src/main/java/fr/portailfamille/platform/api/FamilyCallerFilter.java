package fr.portailfamille.platform.api;

import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * The families' API serves a parent of the request's commune only, signed in by a bearer access token of the
 * commune's realm (checked by the authentication mechanism: another commune's token never gets here) or by the
 * portal's session: nobody gets 401 (JSON, no login redirect), a staff account or an account without the
 * {@code parent} role 403.
 */
@Provider
@FamilyApi
@Priority(Priorities.AUTHORIZATION)
public class FamilyCallerFilter implements ContainerRequestFilter {

    static final String ATTRIBUTE = "pf.api.caller";

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext ctx) {
        SignedInUser user = SignedInUser.of(request);
        if (user == null) {
            ctx.abortWith(ApiExceptionMapper.answer(401, new ApiError("non_authentifie",
                    "Connectez-vous : un jeton d'accès de votre commune est nécessaire (en-tête Authorization: Bearer).",
                    null)));
            return;
        }
        if (!user.hasRole("parent") || StaffRoles.isStaff(user)) {
            ctx.abortWith(ApiExceptionMapper.answer(403, new ApiError("non_autorise",
                    "Cette API est réservée aux familles : votre compte n'y a pas accès.", null)));
            return;
        }
        request.setAttribute(ATTRIBUTE, user);
    }

    /** The parent the filter let through (resources marked {@link FamilyApi} only). */
    public static SignedInUser caller(HttpServletRequest request) {
        if (!(request.getAttribute(ATTRIBUTE) instanceof SignedInUser user)) {
            throw new IllegalStateException("ressource de l'API des familles sans @FamilyApi");
        }
        return user;
    }
}
