package fr.portailfamille.platform.kernel;

import java.util.Locale;

/**
 * French first: pages are in English only when the browser's first language is English; with no Accept-Language
 * header (or any other language) they are in French. The rule for Faces pages ({@code web.LocaleView}) and for what
 * answers before Faces (a refused upload's page).
 */
public final class PageLanguage {

    private PageLanguage() {
    }

    /** The pages' language for an {@code Accept-Language} header. */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage != null && acceptLanguage.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        return Locale.FRENCH;
    }
}
