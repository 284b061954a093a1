package fr.portailfamille.platform.news.web;

import fr.portailfamille.platform.news.NewsDates;
import fr.portailfamille.platform.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.OffsetDateTime;

/** A news's day in words in the page's language, for its tile and its page: "2 décembre 2026", "2 December 2026". */
@Named("newsDates")
@ApplicationScoped
public class NewsDatesView {

    public String day(OffsetDateTime t) {
        return NewsDates.day(t, Texts.locale());
    }
}
