package fr.portailfamille.platform.registration;

import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * How many registrations and school requests wait for an agent's decision (the staff menu's counts): one
 * {@code count(*)} each, for agents of the current commune only.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class RegistrationCounts {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    public long registrationsToDecide(SignedInUser agent) {
        requireAgent(agent);
        return em.createQuery("select count(r) from Registration r where r.status = :s", Long.class)
                .setParameter("s", RequestStatus.SUBMITTED).getSingleResult();
    }

    public long schoolRequestsToDecide(SignedInUser agent) {
        requireAgent(agent);
        return em.createQuery("select count(s) from SchoolEnrolment s where s.status = :s", Long.class)
                .setParameter("s", RequestStatus.SUBMITTED).getSingleResult();
    }

    static void requireAgent(SignedInUser user) {
        if (user == null || !user.hasRole("agent") || !user.communeSlug().equals(TenantContext.require().slug())) {
            throw new SecurityException("Réservé aux agents de la commune.");
        }
    }
}
