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

/**
 * "Se déconnecter": ends the platform session, then sends the browser to the commune realm's logout
 * endpoint, which ends the Keycloak session and returns to the commune's website. POST only, so that
 * another site cannot log a parent out with a link.
 */
@WebServlet("/deconnexion")
public class LogoutServlet extends HttpServlet {

    @Inject
    private OidcClient oidc;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Commune commune = TenantContext.require();
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
}
