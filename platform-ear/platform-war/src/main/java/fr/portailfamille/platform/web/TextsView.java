package fr.portailfamille.platform.web;

import fr.portailfamille.problems.Bilingual;
import fr.portailfamille.problems.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The pages' texts that services give as a {@link Message} (a forecast, a notice), in the view's language:
 * {@code #{texts.of(w.forecast)}} ({@link Texts#of(Message)}, which the backing beans use).
 */
@Named("texts")
@ApplicationScoped
public class TextsView {

    /** {@code text} in the page's language; blank when {@code null}. */
    public String of(Message text) {
        return text == null ? "" : Texts.of(text);
    }

    /** {@code text}, written in both languages, in the page's; blank when {@code null}. */
    public String in(Bilingual text) {
        return text == null ? "" : text.in(Texts.locale());
    }
}
