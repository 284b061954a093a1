package fr.portailfamille.platform.operator.web;

import fr.portailfamille.platform.security.OperatorUser;
import fr.portailfamille.platform.security.PublicScheme;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The operator signed in to the console ({@code #{operateurConnecte.name}}), and the request's public scheme and port. */
@Named("operateurConnecte")
@RequestScoped
public class OperatorSession {

    static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    /** The operator of this request; {@code null} outside the console (its pages are protected). */
    public OperatorUser user() {
        return OperatorUser.of(request());
    }

    public boolean isSignedIn() {
        return user() != null;
    }

    public String getName() {
        OperatorUser u = user();
        return u == null ? "" : u.name();
    }

    static String scheme() {
        return PublicScheme.of(request());
    }

    static String portSuffix() {
        return PublicScheme.portSuffix(request());
    }
}
