package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/**
 * Requests whose day went by without a seat: a child still on the waiting list, or a booking still awaiting the
 * service's validation, when its day is past, is closed as refused — with the reason the family reads on its planning
 * and in Mes demandes — so that what a porte-monnaie held for it is given back ({@link BookingCharges}) and no request
 * stays open for a day that is over. One transaction for the commune (the nightly {@link ExpiredRequestsJob}).
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class ExpiredRequests {

    /** The reasons, stored with the booking as the agents' refusals are (French, the commune's language). */
    static final String NO_SEAT = "Aucune place ne s'est libérée avant ce jour.";
    static final String NOT_DECIDED = "Le service n'a pas validé la demande avant ce jour.";

    /**
     * The key of the pages' bundle ({@code requests.reason.*}) that says in the page's language a reason this job
     * stored, or {@code null} for any other reason (an agent's own words, shown as typed).
     */
    public static String wordOf(String stored) {
        if (NO_SEAT.equals(stored)) {
            return "requests.reason.noSeat";
        }
        return NOT_DECIDED.equals(stored) ? "requests.reason.notDecided" : null;
    }

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    BookingCharges charges;

    @Inject
    SeatCounter seats;

    /** Closes the requests of days before {@code today}; returns how many. */
    public int close(LocalDate today) {
        List<Booking> open = em.createQuery("select b from Booking b where b.day < :today and b.status in :open"
                        + " order by b.child.family.id, b.unit.id, b.day, b.id", Booking.class)
                .setParameter("today", today)
                .setParameter("open", List.of(BookingStatus.WAITING, BookingStatus.PENDING_VALIDATION))
                .getResultList();
        int closed = 0;
        for (Booking b : open) {
            charges.lock(b.getChild().getFamily().getId(), b.getUnit().getActivity());
            int booked = seats.lock(b.getUnit(), b.getDay());
            // read again under the locks: another instance's job, or an agent, may have decided it meanwhile
            em.refresh(b);
            if (b.getStatus() != BookingStatus.WAITING && b.getStatus() != BookingStatus.PENDING_VALIDATION) {
                continue;
            }
            closed++;
            boolean held = b.holdsSeat();
            b.refuse(held ? NOT_DECIDED : NO_SEAT);
            charges.statusChanged(b);
            if (held && booked > 0) {
                // a past day: the seat is only freed (SeatCounter promotes no one once the unit has started)
                seats.release(b.getUnit(), b.getDay(), booked);
            }
        }
        return closed;
    }
}
