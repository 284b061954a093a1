package fr.portailfamille.platform.news.web;

import fr.portailfamille.platform.news.News;
import fr.portailfamille.platform.news.NewsService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Home pages (public and family): the commune's latest news (the family's own blocks are {@code family.web.AccueilView}'s). */
@Named
@RequestScoped
public class HomeView {

    @Inject
    private NewsService news;

    private List<News> latest;

    public List<News> getNews() {
        if (latest == null) {
            latest = news.latest(6);
        }
        return latest;
    }
}
