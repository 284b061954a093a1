package fr.portailfamille.platform.news.web;

import fr.portailfamille.platform.news.NewsService;
import fr.portailfamille.platform.news.NewsTile;
import fr.portailfamille.platform.web.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * Page actualite ("lire la suite", {@code /actualite.xhtml?id=}): one news, if online and for its reader — anyone for
 * a news for everyone, a family of a targeted activity otherwise (the service decides); 404 for any other id.
 */
@Named
@RequestScoped
public class ActualiteView {

    @Inject
    NewsService news;

    @Inject
    UserView user;

    private Long id;
    private NewsTile item;

    public void load() throws IOException {
        item = id == null ? null : news.read(user.isSignedIn() ? user.require() : null, id).orElse(null);
        if (item == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Actualité introuvable");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public NewsTile getItem() { return item; }
    public Long getId() { return id; }
    public void setId(Long v) { id = v; }

    /** Back to where the tile was ({@link ActualitesView#back}). */
    public String getBack() {
        return ActualitesView.back(user);
    }
}
