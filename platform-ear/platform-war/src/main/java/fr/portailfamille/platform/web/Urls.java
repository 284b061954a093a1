package fr.portailfamille.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** URLs of the current commune as the browser sees them (scheme, Host header, context path). */
public final class Urls {

    private Urls() {
    }

    public static String base() {
        return base((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    public static String base(HttpServletRequest r) {
        return r.getScheme() + "://" + r.getHeader("Host") + r.getContextPath();
    }
}
