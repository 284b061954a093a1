package fr.portailfamille.platform.booking;

import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The commune's activities and their units, as families book them and agents point them. */
@ApplicationScoped
@Transactional
@CommuneRequired
public class ActivityCatalog {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    /** The commune's activities, by name. */
    public List<Activity> activities() {
        return em.createQuery("select a from Activity a order by a.name", Activity.class).getResultList();
    }

    /** An activity's units, by start time. */
    public List<ActivityUnit> unitsOf(long activityId) {
        return em.createQuery("select u from ActivityUnit u where u.activity.id = :a order by u.startTime, u.id",
                ActivityUnit.class).setParameter("a", activityId).getResultList();
    }

    /** The units of these ids that exist, with their activity, by id (one query). */
    public Map<Long, ActivityUnit> unitsById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, ActivityUnit> found = new HashMap<>();
        em.createQuery("select u from ActivityUnit u join fetch u.activity where u.id in :ids", ActivityUnit.class)
                .setParameter("ids", List.copyOf(ids)).getResultList().forEach(u -> found.put(u.getId(), u));
        return found;
    }
}
