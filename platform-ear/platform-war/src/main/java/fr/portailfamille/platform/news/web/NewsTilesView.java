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
 * request.
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

    public List<NewsTile> getTiles() {
        if (tiles == null) {
            tiles = familyPage() && user.isSignedIn() ? news.familyTiles(user.require(), TILES) : news.publicTiles(TILES);
        }
        return tiles;
    }

    private static boolean familyPage() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        return ctx != null && ctx.getViewRoot() != null && ctx.getViewRoot().getViewId().startsWith("/espace/");
    }
}
