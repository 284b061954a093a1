package fr.portailfamille.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * French first: pages are in English only when the browser's first language is English; with no
 * Accept-Language header (or any other language) they are in French.
 */
@Named
@RequestScoped
public class LocaleView {

    public Locale getLocale() {
        String header = FacesContext.getCurrentInstance().getExternalContext().getRequestHeaderMap().get("Accept-Language");
        if (header != null && header.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        return Locale.FRENCH;
    }
}
