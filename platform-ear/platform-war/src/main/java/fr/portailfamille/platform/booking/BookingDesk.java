package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Agents' desk for the bookings of activities that need a validation: the queue, and the decision
 * (the seat was held while the request waited). Each call one transaction.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class BookingDesk {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    SeatCounter seats;

    @Inject
    BookingMails mails;

    /** Bookings waiting for an agent's validation, oldest first (agents' queue). */
    public List<Booking> awaitingValidation() {
        return em.createQuery("select b from Booking b join fetch b.child join fetch b.unit where b.status = :p"
                + " order by b.id", Booking.class).setParameter("p", BookingStatus.PENDING_VALIDATION).getResultList();
    }

    /**
     * A booking awaiting validation as the queue shows it. A class with getters: EL 5 pages cannot read
     * records.
     */
    public static class ToValidate {
        private final long id;
        private final String child;
        private final String activity;
        private final String unit;
        private final LocalDate day;

        ToValidate(long id, String child, String activity, String unit, LocalDate day) {
            this.id = id;
            this.child = child;
            this.activity = activity;
            this.unit = unit;
            this.day = day;
        }

        public long getId() { return id; }
        public String getChild() { return child; }
        public String getActivity() { return activity; }
        public String getUnit() { return unit; }
        public LocalDate getDay() { return day; }
    }

    /** How many bookings wait for an agent's validation (one count query). */
    public long countAwaitingValidation() {
        return em.createQuery("select count(b) from Booking b where b.status = :p", Long.class)
                .setParameter("p", BookingStatus.PENDING_VALIDATION).getSingleResult();
    }

    /** One page of the bookings waiting for validation, oldest first, as rows (one page query). */
    public List<ToValidate> awaitingValidation(int first, int size) {
        return em.createQuery("select b.id, c.firstName, c.lastName, a.name, u.label, b.day from Booking b join b.child c"
                        + " join b.unit u join u.activity a where b.status = :p order by b.id", Object[].class)
                .setParameter("p", BookingStatus.PENDING_VALIDATION).setFirstResult(first).setMaxResults(size)
                .getResultList().stream().map(r -> new ToValidate(((Number) r[0]).longValue(), r[1] + " " + r[2],
                        (String) r[3], (String) r[4], (LocalDate) r[5])).toList();
    }

    /**
     * An agent's decision on a booking awaiting validation: accepted, it becomes a booking (its seat was
     * held); refused — with a reason, required and told to the family ({@link Refused#decisionReason}:
     * {@link Refused} on the field {@code reason} without one) —, it is {@link BookingStatus#REFUSED} and
     * the seat goes to the first child waiting. The family is mailed either way.
     */
    public void decideValidation(String agent, long bookingId, boolean accept, String reason) {
        String why = Refused.decisionReason(accept, reason);
        Booking b = Optional.ofNullable(em.find(Booking.class, bookingId))
                .filter(x -> x.getStatus() == BookingStatus.PENDING_VALIDATION)
                .orElseThrow(() -> new BookingRefused("Cette réservation n'attend pas de validation."));
        int booked = seats.lock(b.getUnit(), b.getDay());
        if (accept) {
            b.setStatus(b.isSurcharged() ? BookingStatus.BOOKED_LATE : BookingStatus.BOOKED);
            b.decided();
        } else {
            b.refuse(why);
            seats.release(b.getUnit(), b.getDay(), booked);
        }
        mails.validation(b, accept, why);
    }
}
