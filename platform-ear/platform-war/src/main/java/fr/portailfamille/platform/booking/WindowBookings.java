package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.booking.MonthPlan;
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

    /** A booking of the day already the child's: {@link BookingStatus#HOLDING_THE_DAY}. */
    private static final Set<BookingStatus> LIVE = BookingStatus.HOLDING_THE_DAY;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    SeatCounter seats;

    @Inject
    BookingCharges charges;

    @Inject
    fr.portailfamille.platform.configuration.CommuneSettings settings;

    /**
     * What the publication made of a child's unit-day: the status the child now has there ({@code null}: nothing was
     * made), and why it differs from the allocation ({@code null} when it does not): {@code TAKEN} the seat was taken
     * meanwhile (queued), {@code WALLET} the porte-monnaie does not pay it, {@code CLOSED} the day no longer runs,
     * {@code STARTED} the unit has begun or the day is past, {@code HELD} the child already had it.
     */
    public record Placement(BookingStatus status, String reason) {
    }

    /**
     * Books a child the window placed on a unit-day, as Mon planning would now: nothing on a day that no longer runs
     * (closed since the allocation) or whose unit has begun; booked while a seat remains and the porte-monnaie pays
     * it; on the waiting list (paid as Mon planning's are) when the seat was taken meanwhile. A child already holding
     * a live booking that day keeps it.
     */
    public Placement place(long childId, long unitId, LocalDate day) {
        Child child = em.find(Child.class, childId);
        ActivityUnit unit = em.find(ActivityUnit.class, unitId);
        Optional<Placement> not = unbookable(child, unit, day);
        if (not.isPresent()) {
            return not.get();
        }
        charges.lock(child.getFamily().getId(), unit.getActivity());
        int booked = seats.lock(unit, day);
        if (booked >= unit.getCapacity()) {
            Placement queued = queue(child, unit, day);
            return queued.status() == BookingStatus.WAITING ? new Placement(BookingStatus.WAITING, "TAKEN") : queued;
        }
        Booking b = new Booking(child, unit, day, BookingStatus.BOOKED, false);
        b.decided();
        em.persist(b);
        if (charges.charge(b).isPresent()) {
            em.remove(b);
            em.flush();
            return new Placement(null, "WALLET");
        }
        seats.take(unit, day, booked);
        return new Placement(BookingStatus.BOOKED, null);
    }

    /**
     * Puts a child the window did not place on the unit-day's waiting list (last), paid as Mon planning's waiting
     * bookings are (given back if no seat comes); nothing on a day that no longer runs or has begun; a live booking
     * is kept.
     */
    public Placement queue(long childId, long unitId, LocalDate day) {
        Child child = em.find(Child.class, childId);
        ActivityUnit unit = em.find(ActivityUnit.class, unitId);
        Optional<Placement> not = unbookable(child, unit, day);
        if (not.isPresent()) {
            return not.get();
        }
        charges.lock(child.getFamily().getId(), unit.getActivity());
        return queue(child, unit, day);
    }

    private Placement queue(Child child, ActivityUnit unit, LocalDate day) {
        Booking waiting = new Booking(child, unit, day, BookingStatus.WAITING, false);
        em.persist(waiting);
        em.flush(); // the id gives the rank on the list: taken now, in the order of the calls
        if (charges.charge(waiting).isPresent()) {
            em.remove(waiting);
            em.flush();
            return new Placement(null, "WALLET");
        }
        return new Placement(BookingStatus.WAITING, null);
    }

    /** Why nothing is made for the child on that unit-day (already held, closed, begun), or empty. */
    private Optional<Placement> unbookable(Child child, ActivityUnit unit, LocalDate day) {
        Optional<Booking> live = live(child, unit, day);
        if (live.isPresent()) {
            return Optional.of(new Placement(live.get().getStatus(), "HELD"));
        }
        if (!MonthPlan.runsOn(unit.plan(), day, settings.calendar(), settings.schoolYears())) {
            return Optional.of(new Placement(null, "CLOSED"));
        }
        if (seats.started(unit, day)) {
            return Optional.of(new Placement(null, "STARTED"));
        }
        return Optional.empty();
    }

    private Optional<Booking> live(Child child, ActivityUnit unit, LocalDate day) {
        List<Booking> found = em.createQuery("select b from Booking b where b.child = :c and b.unit = :u and b.day = :d"
                        + " and b.status in :live", Booking.class).setParameter("c", child).setParameter("u", unit)
                .setParameter("d", day).setParameter("live", LIVE).getResultList();
        return found.stream().findFirst();
    }
}
