package fr.portailfamille.platform.booking;

import fr.portailfamille.platform.tenancy.TenantConnection;
import fr.portailfamille.booking.BookingRules;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.booking.SeatLedger;
import fr.portailfamille.booking.WaitingList;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * The seats of each unit-day, in the caller's transaction: {@link SeatLedger} (the SQL the seat-lock bench
 * runs too) over the transaction's own connection. A seat given up goes to the first child waiting
 * ({@link WaitingList}), whose family is mailed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@CommuneRequired
public class SeatCounter {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    BookingMails mails;

    /** The commune's clock (tests set another). */
    Clock clock = PlatformTime.clock();

    private interface Work<T> {
        T on(SeatLedger ledger) throws SQLException;
    }

    private <T> T ledger(Work<T> work) {
        try {
            // the transaction's connection (EclipseLink acquires it, search path on the commune's schema)
            return work.on(new SeatLedger(TenantConnection.of(em)));
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** Creates the unit-day's counter if needed and locks it until the transaction ends; returns the seats taken. */
    public int lock(ActivityUnit unit, LocalDate day) {
        return ledger(l -> l.lock(unit.getId(), day));
    }

    /** One more seat taken on a unit-day locked with {@code booked} seats. */
    public void take(ActivityUnit unit, LocalDate day, int booked) {
        ledger(l -> {
            l.take(unit.getId(), day, booked);
            return null;
        });
    }

    /**
     * One seat of a unit-day locked with {@code booked} seats was given up: it goes at once to the first
     * child waiting (booked, its family mailed; or awaiting validation when the activity needs it) while the unit-day is
     * within its capacity ({@link WaitingList#release}), else
     * it is free again; once the unit has started that day (a unit without hours: on its day) it is only freed.
     */
    public void release(ActivityUnit unit, LocalDate day, int booked) {
        var waiting = em.createQuery("select b from Booking b where b.unit = :u and b.day = :d and b.status = :w"
                        + " order by b.id", Booking.class)
                .setParameter("u", unit).setParameter("d", day).setParameter("w", BookingStatus.WAITING)
                .setMaxResults(1).getResultList();
        boolean started = started(unit, day);
        WaitingList.Release release = WaitingList.release(booked, unit.getCapacity(), !waiting.isEmpty(),
                unit.getActivity().isNeedsValidation(),
                started);
        if (release.promotes()) {
            Booking promoted = WaitingList.next(waiting, Booking::getId).orElseThrow();
            promoted.promoted(lateIfSurcharged(release.promotedTo(), promoted));
            if (release.familyTold()) {
                mails.promoted(promoted);
            }
        }
        ledger(l -> {
            l.set(unit.getId(), day, release.booked());
            return null;
        });
    }

    /**
     * The seats of a unit-day locked by the caller ({@link #lock}) set to {@code held}, with no one promoted from the
     * waiting list (the commune closed the day: {@link ClosedDays}).
     */
    public void recount(ActivityUnit unit, LocalDate day, int held) {
        ledger(l -> {
            l.set(unit.getId(), day, held);
            return null;
        });
    }

    /**
     * A waiting request made after the booking deadline (surcharged) becomes {@link BookingStatus#BOOKED_LATE} when
     * promoted, as an agent's validation makes it: Mon planning and the API say the surcharge the invoice bills.
     */
    static BookingStatus lateIfSurcharged(BookingStatus to, Booking b) {
        return to == BookingStatus.BOOKED && b.isSurcharged() ? BookingStatus.BOOKED_LATE : to;
    }

    /**
     * Whether the unit has begun on {@code day}, or the day is past: a seat given up then is only freed. A unit without
     * hours may be running or over at any time of its day: its day counts as begun.
     */
    public boolean started(ActivityUnit unit, LocalDate day) {
        LocalDateTime now = PlatformTime.now(clock);
        return day.isBefore(now.toLocalDate()) || BookingRules.started(now, day, unit.getStartTime())
                || unit.getStartTime() == null && day.equals(now.toLocalDate());
    }

    /**
     * Gives a unit-day's free seats, locked, to the children waiting, oldest first, each booked (its family mailed)
     * or awaiting validation when the activity needs it: after a window's publication, where a seat the allocation
     * gave may be left free (the child already had it, its porte-monnaie did not pay it, a family cancelled since the
     * close) while children wait for it. Nothing once the unit has begun. Returns the bookings given a seat.
     */
    public java.util.List<Booking> fill(ActivityUnit unit, LocalDate day) {
        return fill(unit, day, false);
    }

    /**
     * {@link #fill(ActivityUnit, LocalDate)}, a family's waiting children of the unit-day served together or not at all
     * when {@code familiesTogether} (a window whose commune keeps siblings together: {@link WaitingList#served}).
     */
    public java.util.List<Booking> fill(ActivityUnit unit, LocalDate day, boolean familiesTogether) {
        int booked = lock(unit, day);
        if (booked >= unit.getCapacity() || started(unit, day)) {
            return java.util.List.of();
        }
        java.util.List<Booking> waiting = WaitingList.served(em.createQuery("select b from Booking b where b.unit = :u"
                                + " and b.day = :d and b.status = :w order by b.id", Booking.class)
                        .setParameter("u", unit).setParameter("d", day).setParameter("w", BookingStatus.WAITING)
                        .getResultList(), unit.getCapacity() - booked, familiesTogether,
                b -> b.getChild().getFamily().getId());
        BookingStatus to = unit.getActivity().isNeedsValidation() ? BookingStatus.PENDING_VALIDATION : BookingStatus.BOOKED;
        for (Booking b : waiting) {
            b.promoted(lateIfSurcharged(to, b));
            take(unit, day, booked++);
            if (to == BookingStatus.BOOKED) {
                mails.promoted(b);
            }
        }
        return waiting;
    }

    /** Seats taken on a unit-day, not locked. */
    public int taken(long unitId, LocalDate day) {
        return ledger(l -> l.taken(unitId, day));
    }

    /** Seats taken on each unit-day of an activity between two days, not locked. */
    public Map<MonthPlan.UnitDay, Integer> takenOfActivity(long activityId, LocalDate from, LocalDate to) {
        return ledger(l -> l.takenOfActivity(activityId, from, to));
    }
}
