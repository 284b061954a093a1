package fr.portailfamille.platform.web;

import fr.portailfamille.platform.kernel.PageLanguage;
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
        return PageLanguage.of(FacesContext.getCurrentInstance().getExternalContext().getRequestHeaderMap()
                .get("Accept-Language"));
    }
}
