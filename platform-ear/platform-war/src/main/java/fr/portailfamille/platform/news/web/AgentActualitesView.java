package fr.portailfamille.platform.news.web;

import fr.portailfamille.news.NewsAudience;
import fr.portailfamille.news.NewsRules;
import fr.portailfamille.news.NewsState;
import fr.portailfamille.platform.news.NewsDesk;
import fr.portailfamille.platform.web.QueueModel;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Page agent/actualites ("Actualités"): the commune's news with their state (brouillon, programmée, en ligne,
 * terminée), filtered by state, audience and title, counted and paged in SQL by {@link NewsDesk}.
 */
@Named
@ViewScoped
public class AgentActualitesView implements Serializable {

    @Inject
    NewsDesk desk;

    @Inject
    UserView user;

    private String state;
    private String audience;
    private String title;
    private QueueModel<NewsDesk.Row> model;

    private NewsDesk.Filter filter() {
        return new NewsDesk.Filter(state == null || state.isBlank() ? null : NewsState.valueOf(state),
                audience == null || audience.isBlank() ? null : NewsAudience.valueOf(audience),
                title == null || title.isBlank() ? null : title.strip().substring(0, Math.min(title.strip().length(),
                        NewsRules.TITLE_MAX)));
    }

    public QueueModel<NewsDesk.Row> getModel() {
        if (model == null) {
            model = new QueueModel<>(() -> desk.count(user.require(), filter()),
                    (offset, limit, sort) -> desk.search(user.require(), filter(), offset, limit, sort), NewsDesk.Row::id);
        }
        return model;
    }

    /** Applies the filters (the lazy table counts and reads with them on its next load). */
    public void search() {
        // nothing else: the model reads the filters
    }

    public List<SelectItem> getStates() {
        List<SelectItem> items = new ArrayList<>();
        for (NewsState s : NewsState.values()) {
            items.add(new SelectItem(s.name(), NewsLabels.state(s)));
        }
        return items;
    }

    public List<SelectItem> getAudiences() {
        return NewsLabels.audiences();
    }

    /** A row's state in words, in the page's language. */
    public String stateLabel(NewsDesk.Row row) {
        return NewsLabels.state(row.state());
    }

    /** A row's audience in words: "Tout le monde", or "Familles : " and the targeted activities. */
    public String audienceLabel(NewsDesk.Row row) {
        return row.targeted() ? Texts.of("news.agent.audience.families", row.activities() == null ? "—" : row.activities())
                : NewsLabels.audience(NewsAudience.EVERYONE);
    }

    public String getState() { return state; }
    public void setState(String v) { state = v; }
    public String getAudience() { return audience; }
    public void setAudience(String v) { audience = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
}
