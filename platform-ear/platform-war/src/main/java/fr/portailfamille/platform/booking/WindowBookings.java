package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bookings an opening window's published allocation makes, in the publisher's transaction, through the same
 * path as Mon planning: the family's charges locked, then the unit-day's seat locked by {@link SeatCounter}, so
 * the capacity holds even then. A child not placed joins the unit-day's waiting list behind those already on it;
 * since the list promotes the oldest booking first, queuing in the allocation's rank order keeps that rank.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@CommuneRequired
public class WindowBookings {

    private static final Set<BookingStatus> LIVE = Set.of(BookingStatus.BOOKED, BookingStatus.BOOKED_LATE,
            BookingStatus.WAITING, BookingStatus.PENDING_VALIDATION);

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    SeatCounter seats;

    @Inject
    BookingCharges charges;

    /**
     * Books a child the window placed on a unit-day: booked while a seat remains, else (seats taken meanwhile,
     * or the porte-monnaie cannot pay it) on the waiting list. A child already holding a live booking that day
     * keeps it.
     *
     * @return the status the child now has on that unit-day
     */
    public BookingStatus place(long childId, long unitId, LocalDate day) {
        Child child = em.find(Child.class, childId);
        ActivityUnit unit = em.find(ActivityUnit.class, unitId);
        Optional<Booking> live = live(child, unit, day);
        if (live.isPresent()) {
            return live.get().getStatus();
        }
        charges.lock(child.getFamily().getId(), unit.getActivity());
        int booked = seats.lock(unit, day);
        if (booked < unit.getCapacity()) {
            Booking b = new Booking(child, unit, day, BookingStatus.BOOKED, false);
            b.decided();
            em.persist(b);
            if (charges.charge(b).isEmpty()) {
                seats.take(unit, day, booked);
                return BookingStatus.BOOKED;
            }
            em.remove(b);
            em.flush();
        }
        return queue(child, unit, day);
    }

    /** Puts a child the window did not place on the unit-day's waiting list (last); a live booking is kept. */
    public BookingStatus queue(long childId, long unitId, LocalDate day) {
        Child child = em.find(Child.class, childId);
        ActivityUnit unit = em.find(ActivityUnit.class, unitId);
        Optional<Booking> live = live(child, unit, day);
        return live.isPresent() ? live.get().getStatus() : queue(child, unit, day);
    }

    private BookingStatus queue(Child child, ActivityUnit unit, LocalDate day) {
        Booking waiting = new Booking(child, unit, day, BookingStatus.WAITING, false);
        em.persist(waiting);
        em.flush(); // the id gives the rank on the list: taken now, in the order of the calls
        return BookingStatus.WAITING;
    }

    private Optional<Booking> live(Child child, ActivityUnit unit, LocalDate day) {
        List<Booking> found = em.createQuery("select b from Booking b where b.child = :c and b.unit = :u and b.day = :d"
                        + " and b.status in :live", Booking.class).setParameter("c", child).setParameter("u", unit)
                .setParameter("d", day).setParameter("live", LIVE).getResultList();
        return found.stream().findFirst();
    }
}
