package fr.portailfamille.platform.news.web;

import fr.portailfamille.platform.news.NewsService;
import fr.portailfamille.platform.web.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Page actualites ({@code /actualites.xhtml?page=}): every news online for its reader, newest first, ten a page — the
 * older ones the home's and Accueil's six tiles leave out. For a signed-in parent those of the family's activities too
 * (the service decides, as for one news).
 */
@Named
@RequestScoped
public class ActualitesView {

    /** News a page. */
    static final int PAGE = 10;

    @Inject
    NewsService news;

    @Inject
    UserView user;

    private Integer page;
    private NewsService.NewsPage shown;

    public void load() {
        shown = news.list(user.isSignedIn() ? user.require() : null, page == null ? 1 : page, PAGE);
    }

    public NewsService.NewsPage getShown() { return shown; }
    public Integer getPage() { return page; }
    public void setPage(Integer v) { page = v; }

    public String getBack() {
        return back(user);
    }

    /** Back to where the tiles were: Accueil for a signed-in family, the commune's home otherwise (an agent's too). */
    static String back(UserView user) {
        return user.isSignedIn() && !user.isAgent() ? "/espace/accueil.xhtml" : "/";
    }
}
