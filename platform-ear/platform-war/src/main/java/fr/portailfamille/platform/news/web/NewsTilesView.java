package fr.portailfamille.platform.news.web;

import fr.portailfamille.platform.news.NewsService;
import fr.portailfamille.platform.news.NewsTile;
import fr.portailfamille.platform.web.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The news tiles ({@code WEB-INF/templates/news.xhtml}): on the public home the news for everyone, on the family's
 * pages ({@code /espace/…}: Accueil) also those targeting the family's activities; newest first, read once per
 * request; when there are more, a link to page actualites ({@link ActualitesView}).
 */
@Named
@RequestScoped
public class NewsTilesView {

    static final int TILES = 6;

    @Inject
    NewsService news;

    @Inject
    UserView user;

    private List<NewsTile> tiles;
    private boolean more;

    public List<NewsTile> getTiles() {
        if (tiles == null) {
            // one more than shown: whether « Toutes les actualités » has more to show than the tiles
            List<NewsTile> read = familyPage() && user.isSignedIn() ? news.familyTiles(user.require(), TILES + 1)
                    : news.publicTiles(TILES + 1);
            more = read.size() > TILES;
            tiles = more ? read.subList(0, TILES) : read;
        }
        return tiles;
    }

    /** Whether older news are online than the tiles show (page actualites lists them all). */
    public boolean isMore() {
        getTiles();
        return more;
    }

    private static boolean familyPage() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        return ctx != null && ctx.getViewRoot() != null && ctx.getViewRoot().getViewId().startsWith("/espace/");
    }
}
