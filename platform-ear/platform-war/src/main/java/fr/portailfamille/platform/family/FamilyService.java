package fr.portailfamille.platform.family;

import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.WithoutCommune;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Households of the current commune. Every method runs in one transaction, on a connection bound to
 * the current commune's schema; it refuses to run when no commune is bound.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class FamilyService {

    @PersistenceContext(unitName = "portail")
    private EntityManager em;

    public Family create(Family family) {
        em.persist(family);
        return family;
    }

    public Optional<Family> find(long id) {
        return Optional.ofNullable(em.find(Family.class, id));
    }

    public List<Family> findAll() {
        return em.createQuery("select f from Family f order by f.id", Family.class).getResultList();
    }

    public List<Family> findByChildFirstName(String firstName) {
        return em.createQuery("select distinct f from Family f join f.children c where c.firstName = :n",
                Family.class).setParameter("n", firstName).getResultList();
    }

    public List<Child> childrenOf(long familyId) {
        return find(familyId).map(f -> List.copyOf(f.getChildren())).orElse(List.of());
    }

    /** The schema the current transaction's connection is bound to (diagnostics and tests). */
    @WithoutCommune
    public String currentSchema() {
        return (String) em.createNativeQuery("select current_schema()").getSingleResult();
    }
}
