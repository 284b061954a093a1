package fr.portailfamille.platform.web;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The pages' texts written from Java (a confirmation, a refusal, a label built by a backing bean), read from the
 * same bundle as the pages ({@code msg}) in the view's language: French first, English for an English browser.
 * With arguments the text is a {@link MessageFormat} pattern, as {@code h:outputFormat} reads it (an apostrophe
 * written twice).
 */
public final class Texts {

    private Texts() {
    }

    /** The text of {@code key}, its {@code {0}}, {@code {1}}… replaced by {@code args} when there are any. */
    public static String of(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return format(bundle.getString(key), locale(faces), args);
    }

    static String format(String pattern, Locale locale, Object... args) {
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    private static Locale locale(FacesContext faces) {
        UIViewRoot root = faces.getViewRoot();
        return root != null && root.getLocale() != null ? root.getLocale() : Locale.FRENCH;
    }
}
