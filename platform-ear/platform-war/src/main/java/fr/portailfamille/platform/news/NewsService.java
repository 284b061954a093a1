package fr.portailfamille.platform.news;

import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The current commune's news. */
@ApplicationScoped
@Transactional
@CommuneRequired
public class NewsService {

    @PersistenceContext(unitName = "portail")
    private EntityManager em;

    public List<News> latest(int max) {
        return em.createQuery("select n from News n order by n.publishedOn desc, n.id desc", News.class)
                .setMaxResults(max).getResultList();
    }

    public News publish(News news) {
        em.persist(news);
        return news;
    }
}
