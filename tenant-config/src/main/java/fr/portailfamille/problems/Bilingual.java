package fr.portailfamille.problems;

import java.io.Serializable;
import java.util.Locale;

/**
 * A {@link Message} written in the platform's two languages when it was read, for what must outlive the request in
 * a page's serialized state (a message's arguments and writers are not serializable): read in a page's language with
 * {@link #in(Locale)}.
 */
public record Bilingual(String french, String english) implements Serializable {

    /** {@code text} written in French and in English now. */
    public static Bilingual of(Message text) {
        return new Bilingual(text.french(), text.in(Locale.ENGLISH));
    }

    /** The text in {@code locale}'s language: English for English, French otherwise (French first). */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? english : french;
    }
}
