package fr.portailfamille.platform.booking;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.Rows;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Agents' queue of bookings awaiting validation (page agent/reservations): one COUNT and one page query,
 * the decision (a refusal needs a reason and passes the seat on) and the bulk validation, each one
 * transaction behind {@link StaffRoles#requireAgent}; the decision itself is the booking service's.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class ValidationQueue {

    /** A booking awaiting validation, as the queue lists it. */
    public record BookingToValidate(long id, String childFirstName, String childLastName, String activity, String unit,
                                    LocalDate day) implements Serializable {
    }

    static final Map<String, String> SORTS = Map.of("child", "c.last_name, c.first_name", "activity", "a.name, u.label",
            "day", "b.day");

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    BookingCharges charges;

    @Inject
    BookingDesk bookings;

    /** How many bookings wait for validation (the menu's count). */
    public long count(SignedInUser agent) {
        StaffRoles.requireAgent(agent);
        return ((Number) em.createNativeQuery("select count(*) from booking where status = 'PENDING_VALIDATION'")
                .getSingleResult()).longValue();
    }

    /** One page of the bookings awaiting validation, in the order they were made unless sorted otherwise. */
    public List<BookingToValidate> page(SignedInUser agent, int offset, int limit, Sort sort) {
        StaffRoles.requireAgent(agent);
        List<BookingToValidate> page = new ArrayList<>();
        for (Object row : em.createNativeQuery("select b.id, c.first_name, c.last_name, a.name, u.label, b.day"
                        + " from booking b join child c on c.id = b.child_id join activity_unit u on u.id = b.unit_id"
                        + " join activity a on a.id = u.activity_id where b.status = 'PENDING_VALIDATION'"
                        + " order by " + sort.orderBy(SORTS, "b.id", "b.id") + " offset ?1 limit ?2")
                .setParameter(1, Sort.offset(offset)).setParameter(2, Sort.limit(limit)).getResultList()) {
            Object[] r = (Object[]) row;
            page.add(new BookingToValidate(Rows.id(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    Rows.day(r[5])));
        }
        return page;
    }

    /** Validates or refuses a booking (a refusal needs a reason); the family is mailed. */
    public void decide(SignedInUser agent, long bookingId, boolean accept, String reason) {
        StaffRoles.requireAgent(agent);
        bookings.decideValidation(agent.email(), bookingId, accept, reason);
    }

    /** Validates several bookings at once: all or none (one transaction). */
    public int acceptAll(SignedInUser agent, Collection<Long> bookingIds) {
        StaffRoles.requireAgent(agent);
        if (bookingIds.isEmpty()) {
            return 0;
        }
        // by day, then unit: the order every caller takes seat locks in, so that accepting a batch never waits for a
        // family's selection holding the same seats in the other order
        List<Long> ordered = em.createQuery("select b.id from Booking b where b.id in :ids order by b.day, b.unit.id, b.id",
                Long.class).setParameter("ids", List.copyOf(bookingIds)).getResultList();
        Set<Long> asked = new HashSet<>(bookingIds);
        if (ordered.size() != asked.size()) {
            throw new BookingRefused(Refused.text("booking.validation.notPending"));
        }
        // the families' porte-monnaie first, by family, before any seat: the order a family's booking takes them in
        // (BookingCharges), so that the batch never holds a seat while waiting for a wallet a booking holds
        for (Booking b : em.createQuery("select b from Booking b join fetch b.unit u join fetch u.activity"
                + " join fetch b.child c where b.id in :ids order by c.family.id, u.activity.id", Booking.class)
                .setParameter("ids", ordered).getResultList()) {
            charges.lock(b.getChild().getFamily().getId(), b.getUnit().getActivity());
        }
        for (long id : ordered) {
            bookings.decideValidation(agent.email(), id, true, null);
        }
        return ordered.size();
    }
}
