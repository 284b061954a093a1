package fr.portailfamille.platform.news.web;

import fr.portailfamille.news.NewsAudience;
import fr.portailfamille.news.NewsState;
import fr.portailfamille.platform.web.Texts;
import jakarta.faces.model.SelectItem;
import java.util.ArrayList;
import java.util.List;

/**
 * A news's state and audience in words, in the page's language ({@code news.agent.state.*},
 * {@code news.agent.audience.*}): the enums' own labels are the services' French.
 */
final class NewsLabels {

    private NewsLabels() {
    }

    /** "brouillon", "programmée", "en ligne", "terminée". */
    static String state(NewsState s) {
        return Texts.of("news.agent.state." + s.name());
    }

    /** "Tout le monde", "Les familles d'activités". */
    static String audience(NewsAudience a) {
        return Texts.of("news.agent.audience." + a.name());
    }

    /** The audiences as the choices of a select. */
    static List<SelectItem> audiences() {
        List<SelectItem> items = new ArrayList<>();
        for (NewsAudience a : NewsAudience.values()) {
            items.add(new SelectItem(a.name(), audience(a)));
        }
        return items;
    }
}
