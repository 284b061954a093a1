package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * How many bookings wait for an agent's validation and how many medical certificates wait for a review (the
 * staff menu's counts): one {@code count(*)} each, for agents of the current commune only. A count holds no
 * health data; the certificates themselves stay behind the {@code agent-sante} role.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class BookingCounts {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    public long bookingsToValidate(SignedInUser agent) {
        requireAgent(agent);
        return em.createQuery("select count(b) from Booking b where b.status = :s", Long.class)
                .setParameter("s", BookingStatus.PENDING_VALIDATION).getSingleResult();
    }

    public long certificatesToReview(SignedInUser agent) {
        requireAgent(agent);
        // native: absence has no entity yet
        return ((Number) em.createNativeQuery("select count(*) from absence a where a.certificate is not null"
                + " and a.reviewed_at is null").getSingleResult()).longValue();
    }

    static void requireAgent(SignedInUser user) {
        if (user == null || !user.hasRole("agent") || !user.communeSlug().equals(TenantContext.require().slug())) {
            throw new SecurityException("Réservé aux agents de la commune.");
        }
    }
}
