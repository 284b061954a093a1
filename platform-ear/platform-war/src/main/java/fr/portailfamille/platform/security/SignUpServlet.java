package fr.portailfamille.platform.security;

import fr.portailfamille.platform.tenancy.OperatorHost;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * "Créer mon compte" on the commune's public page: straight to its Keycloak's page creating an account (rather than
 * the sign-in page and its link), then, the address confirmed and the password chosen, back signed in on Mon foyer,
 * where a new family fills in its file (or finds the one the town already holds: "première connexion"). A parent
 * already signed in goes to Accueil.
 */
@WebServlet(SignUpServlet.PATH)
public class SignUpServlet extends HttpServlet {

    public static final String PATH = "/creer-mon-compte";
    static final String FIRST_PAGE = "/espace/foyer.xhtml";

    @Inject
    private OidcAuthenticationMechanism mechanism;

    @Inject
    private OperatorHost operatorHost;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (operatorHost.is(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND); // operators are invited, never sign up
            return;
        }
        Commune commune = TenantContext.require();
        if (SignedInUser.of(request) != null) {
            response.sendRedirect(request.getContextPath() + "/espace/accueil.xhtml");
            return;
        }
        response.sendRedirect(mechanism.startSignUp(commune, request, response, FIRST_PAGE).toString());
    }
}
