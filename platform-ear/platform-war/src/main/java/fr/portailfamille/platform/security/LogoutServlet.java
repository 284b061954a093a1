package fr.portailfamille.platform.security;

import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * "Se déconnecter": ends the platform session, then sends the browser to the commune realm's logout
 * endpoint, which ends the Keycloak session and returns to the commune's website. POST only, and only
 * from the portal's own pages (Origin checked), so that another site cannot log a parent out.
 */
@WebServlet("/deconnexion")
public class LogoutServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(LogoutServlet.class.getName());

    @Inject
    private OidcClient oidc;

    @Inject
    private fr.portailfamille.platform.tenancy.OperatorHost operatorHost;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (operatorHost.is(request)) {
            operatorLogout(request, response);
            return;
        }
        Commune commune = TenantContext.require();
        if (!sameOrigin(Urls.origin(request), request.getHeader("Origin"), request.getHeader("Referer"),
                request.getHeader("Sec-Fetch-Site"))) {
            LOG.warning(() -> "Déconnexion refusée pour " + commune.slug() + " : formulaire venu d'un autre site ("
                    + request.getHeader("Origin") + ")");
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        HttpSession session = request.getSession(false);
        String idToken = null;
        if (session != null && session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser user
                && user.communeSlug().equals(commune.slug())) {
            idToken = user.idToken();
        }
        request.logout();
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(idToken == null ? commune.websiteUrl() : oidc.logoutUrl(commune, idToken).toString());
    }

    /** An operator's logout: the operator session, then the operators' realm's, back to the console. */
    private void operatorLogout(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!sameOrigin(Urls.origin(request), request.getHeader("Origin"), request.getHeader("Referer"),
                request.getHeader("Sec-Fetch-Site"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        HttpSession session = request.getSession(false);
        String idToken = session != null && session.getAttribute(OperatorUser.SESSION_ATTRIBUTE) instanceof OperatorUser u
                ? u.idToken() : null;
        request.logout();
        if (session != null) {
            session.invalidate();
        }
        java.net.URI back = java.net.URI.create(Urls.base(request) + "/operateur/communes.xhtml");
        response.sendRedirect(idToken == null ? back.toString() : oidc.operatorLogoutUrl(idToken, back).toString());
    }

    /**
     * Logout is only honoured from the portal's own pages (CSRF): browsers send {@code Origin} with every
     * POST form (and {@code Sec-Fetch-Site}); without both, the {@code Referer} must be one of our pages.
     */
    static boolean sameOrigin(String expectedOrigin, String origin, String referer, String fetchSite) {
        if (fetchSite != null && !fetchSite.equals("same-origin")) {
            return false;
        }
        if (origin != null && !origin.equals("null")) {
            return origin.equalsIgnoreCase(expectedOrigin);
        }
        return referer != null && (referer.equalsIgnoreCase(expectedOrigin)
                || referer.regionMatches(true, 0, expectedOrigin + "/", 0, expectedOrigin.length() + 1));
    }
}
