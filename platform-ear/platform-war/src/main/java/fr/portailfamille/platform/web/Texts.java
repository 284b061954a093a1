package fr.portailfamille.platform.web;

import fr.portailfamille.billing.Money;
import fr.portailfamille.platform.kernel.Explained;
import fr.portailfamille.problems.Message;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The pages' texts written from Java (a confirmation, a refusal, a label built by a backing bean), read from the
 * same bundle as the pages ({@code msg}) in the view's language: French first, English for an English browser.
 * With arguments the text is a {@link MessageFormat} pattern, as {@code h:outputFormat} reads it (an apostrophe
 * written twice). Amounts of euros are written in the view's language too ({@link #amount(long)}: "1 200,60 €",
 * "€1,200.60"), as the pages write them ({@link AmountsView}). Outside a Faces request (a form row's unit test) the
 * French bundle answers.
 */
public final class Texts {

    static final String BUNDLE = "fr.portailfamille.platform.web.messages";

    private Texts() {
    }

    /** The text of {@code key}, its {@code {0}}, {@code {1}}… replaced by {@code args} when there are any. */
    public static String of(String key, Object... args) {
        FacesContext faces = faces();
        ResourceBundle bundle = faces != null ? faces.getApplication().getResourceBundle(faces, "msg")
                : ResourceBundle.getBundle(BUNDLE, Locale.FRENCH);
        return format(bundle.getString(key), locale(faces), args);
    }

    /** {@code text} in the page's language (a service's refusal, a rule's field error). */
    public static String of(Message text) {
        return text.in(locale());
    }

    /**
     * Why an action failed, in the page's language: the text of an {@link Explained} exception (a refusal, a denial),
     * the message of another (a check of the platform's own, in French).
     */
    public static String of(RuntimeException failed) {
        return of(text(failed));
    }

    /**
     * Why an action failed, to be read in any language (a {@code FieldError}'s text): an {@link Explained}
     * exception's text, the message of another as it is.
     */
    public static Message text(RuntimeException failed) {
        return failed instanceof Explained explained ? explained.text() : Message.literal(failed.getMessage());
    }

    /**
     * An amount of {@code cents} in the page's language ({@link Money#format(long, Locale)}): "1 200,60 €" in French,
     * "€1,200.60" in English; the argument of {@link #of(String, Object...)} when a text carries an amount.
     */
    public static String amount(long cents) {
        return Money.format(cents, locale());
    }

    /**
     * Euros as typed back in a field of the page, in its language ({@link Money#typed}): "1850,50" in French,
     * "1850.50" in English, both read again; blank when {@code null}.
     */
    public static String typed(Long cents) {
        return cents == null ? "" : Money.typed(cents, locale());
    }

    /**
     * The choices of a select (label → code, in this order), each labelled by the text {@code prefix + code}:
     * {@code choices("family.civility.", "MME", "M")}.
     */
    public static Map<String, String> choices(String prefix, String... codes) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String code : codes) {
            m.put(of(prefix + code), code);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * A stored code in words: the text {@code prefix + code} (its code upper-cased, as the selects store them:
     * {@code "Mme"} is {@code family.civility.MME}), the code itself when there is no such text, blank when none.
     */
    public static String word(String prefix, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        try {
            return of(prefix + code.strip().toUpperCase(Locale.ROOT));
        } catch (java.util.MissingResourceException e) {
            return code;
        }
    }

    /** The page's language: the view's locale, French when there is none. */
    public static Locale locale() {
        return locale(faces());
    }

    static String format(String pattern, Locale locale, Object... args) {
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    private static Locale locale(FacesContext faces) {
        UIViewRoot root = faces == null ? null : faces.getViewRoot();
        return root != null && root.getLocale() != null ? root.getLocale() : Locale.FRENCH;
    }

    /**
     * The Faces request being served, {@code null} outside one; {@code null} too in unit tests, which run without a
     * Faces implementation (the factory looked for when no request is current cannot be loaded there).
     */
    private static FacesContext faces() {
        try {
            return FacesContext.getCurrentInstance();
        } catch (LinkageError noImplementation) {
            return null;
        }
    }
}
