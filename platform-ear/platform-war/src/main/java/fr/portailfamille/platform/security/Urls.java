package fr.portailfamille.platform.security;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** URLs of the current commune as the browser sees them (public scheme, Host header, context path). */
public final class Urls {

    private Urls() {
    }

    public static String base() {
        return base((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    /** The origin (public scheme, host, port) the browser sees, as in an {@code Origin} header. */
    public static String origin(HttpServletRequest r) {
        return PublicScheme.of(r) + "://" + r.getHeader("Host");
    }

    public static String base(HttpServletRequest r) {
        return PublicScheme.of(r) + "://" + r.getHeader("Host") + r.getContextPath();
    }
}
