package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.AttendanceRules;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.booking.CommuneCalendar;
import fr.portailfamille.booking.DateRange;
import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Agents' day: the day sheet of a unit, pointage ({@link AttendanceRules}), a child found present without
 * a booking, and the occupancy of every unit running that day. Agents only; each call one transaction.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class AttendanceService {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    CommuneSettings settings;

    @Inject
    SeatCounter seats;

    @Inject
    BookingCharges charges;

    @Inject
    MonthsBeingInvoiced months;

    Clock clock = PlatformTime.clock();

    /**
     * The bookings of a unit-day (agents' day sheet; agents only): the children with a place by name, as the tablet's
     * agent looks for them, then the waiting list in its order.
     */
    public List<Booking> daySheet(SignedInUser agent, long unitId, LocalDate day) {
        StaffRoles.requireAgent(agent);
        // a request the nightly job closed unvalidated stays: the child who came is pointed present the next morning
        return em.createQuery("select b from Booking b join fetch b.child c where b.unit.id = :u and b.day = :d"
                        + " and (b.status not in :gone or (b.status = :refused and b.refusalReason = :expired))"
                        + " order by case when b.status = :w then 1 else 0 end,"
                        + " case when b.status = :w then b.id else 0 end, c.lastName, c.firstName, b.id",
                        Booking.class)
                .setParameter("u", unitId).setParameter("d", day)
                .setParameter("gone", Set.of(BookingStatus.CANCELLED_FREE, BookingStatus.REFUSED)).setParameter("w", BookingStatus.WAITING)
                .setParameter("refused", BookingStatus.REFUSED).setParameter("expired", ExpiredRequests.NOT_DECIDED)
                .getResultList();
    }

    /**
     * Pointage: an agent marks a child present, absent excused or absent billed on a booked day (not
     * before the day itself); the mark is written in the family's journal with the agent's address ({@code POINTAGE}:
     * the day, the status before and after), so that a day the family disputes shows who marked it and when. The
     * booking is read again under the locks a family's declaration of absence takes, so that the two, at the same
     * moment, act one after the other on what the first left.
     */
    public void markAttendance(SignedInUser agent, long bookingId, BookingStatus mark) {
        StaffRoles.requireAgent(agent);
        if (!AttendanceRules.isMark(mark)) {
            throw new BookingRefused(Refused.text("booking.attendance.unknownMark"));
        }
        Booking b = Optional.ofNullable(em.find(Booking.class, bookingId))
                .orElseThrow(() -> new BookingRefused(Refused.text("booking.unknown")));
        charges.lock(b.getChild().getFamily().getId(), b.getUnit().getActivity());
        int booked = seats.lock(b.getUnit(), b.getDay());
        em.refresh(b);
        BookingStatus was = b.getStatus();
        // a request the nightly job closed because nobody validated it in time, the child there that day: pointed the
        // next morning as on the day itself (taken as accepted), not left to « présent sans réservation »'s penalty
        boolean expired = b.isExpiredRequest();
        AttendanceRules.refusal(mark, expired ? BookingStatus.PENDING_VALIDATION : was, b.getDay(),
                PlatformTime.today(clock)).ifPresent(why -> {
            throw new BookingRefused(why);
        });
        if (mark == was) {
            return;
        }
        if (b.isUnbooked()) {
            // a child found without booking is present or not there at all: a presence recorded by mistake is removed
            // (removeUnbookedPresence), never turned into an absence billed on a day nobody booked
            throw new BookingRefused(Refused.text("booking.attendance.unbookedAbsent"));
        }
        if (!StaffRoles.mayReadHealth(agent) && proofReviewed(b)) {
            // agent-sante accepted or refused the absence's certificate and the family was told: the day sheet of an agent
            // without the role does not overturn it
            throw new BookingRefused(Refused.text("booking.attendance.proofReviewed"));
        }
        months.refuseWhileInvoiced(b);
        if (AttendanceRules.changesWhatWasBilled(was, mark) && invoiced(b)) {
            // the month's invoice already billed the day as it was: a new mark would never reach it (no run bills a
            // day twice), the sheet and the invoice would disagree; a credit note corrects the invoice (a booked day
            // pointed present late is billed the same: allowed)
            throw new BookingRefused(Refused.text("booking.attendance.invoiced"));
        }
        boolean heldBefore = takesSeat(b, was);
        if (was == BookingStatus.PENDING_VALIDATION) {
            // the child is there on a day nobody validated in time: pointed present, the request is taken as accepted
            // (its seat was held, its porte-monnaie debit kept), billed as the booked day it asked for — not at the
            // penalty price of a child found without booking; it leaves the validation queue
            b.decided();
        } else if (expired) {
            // the same once the night closed it: its seat taken again below, its porte-monnaie debited again
            b.acceptedAfterAll();
        }
        b.setStatus(mark);
        // when it was pointed: a day its month's run did not bill (excused then), pointed present after the run, is
        // listed on Facturation to run the month again (DraftInvoices.refusedAfterRun)
        em.createNativeQuery("update booking set updated_at = clock_timestamp() where id = ?1").setParameter(1, b.getId())
                .executeUpdate();
        // the day's seat counter as the occupancy counts it (OccupancyQueries.TAKES_SEAT): a child whose seat was given
        // back (an absence declared, a late cancellation) pointed present takes one again — over capacity if need be,
        // the child is there —, and gives it back if pointed absent after all
        boolean heldAfter = takesSeat(b, mark);
        if (!heldBefore && heldAfter) {
            seats.take(b.getUnit(), b.getDay(), booked);
        } else if (heldBefore && !heldAfter) {
            seats.release(b.getUnit(), b.getDay(), booked);
        }
        charges.statusChanged(b);
        journal(agent, b, was.name() + " -> " + mark.name());
    }

    /**
     * « Retirer »: a presence « sans réservation » recorded by mistake (the wrong child tapped on the tablet) is taken
     * back — the day's seat given back, the porte-monnaie's penalty refunded, nothing billed, written in the family's
     * journal; the child is offered again among those without booking. Not once its month is invoiced (the régisseur's
     * credit note corrects it), nor while it is being invoiced. Any agent of the commune.
     */
    public void removeUnbookedPresence(SignedInUser agent, long bookingId) {
        StaffRoles.requireAgent(agent);
        Booking b = Optional.ofNullable(em.find(Booking.class, bookingId))
                .orElseThrow(() -> new BookingRefused(Refused.text("booking.unknown")));
        charges.lock(b.getChild().getFamily().getId(), b.getUnit().getActivity());
        int booked = seats.lock(b.getUnit(), b.getDay());
        em.refresh(b);
        if (!b.isUnbooked() || b.getStatus() != BookingStatus.PRESENT) {
            // a booked child's day (pointed absent instead), or a presence another tablet removed already
            throw new BookingRefused(Refused.text("booking.attendance.notUnbooked"));
        }
        months.refuseWhileInvoiced(b);
        if (invoiced(b)) {
            throw new BookingRefused(Refused.text("booking.attendance.invoiced"));
        }
        b.setStatus(BookingStatus.CANCELLED_FREE);
        em.createNativeQuery("update booking set updated_at = clock_timestamp() where id = ?1").setParameter(1, b.getId())
                .executeUpdate();
        seats.release(b.getUnit(), b.getDay(), booked);
        charges.statusChanged(b);
        journal(agent, b, "présence sans réservation retirée");
    }

    /** Whether the absence declared on {@code b} carries a certificate an agent-sante reviewed. */
    private boolean proofReviewed(Booking b) {
        return !em.createNativeQuery("select 1 from absence where booking_id = ?1 and certificate is not null"
                + " and reviewed_at is not null").setParameter(1, b.getId()).getResultList().isEmpty();
    }

    /** Whether {@code b}, in {@code status}, takes one of its unit-day's seats as {@link OccupancyQueries#TAKES_SEAT} says. */
    private boolean takesSeat(Booking b, BookingStatus status) {
        return switch (status) {
            case BOOKED, BOOKED_LATE, PENDING_VALIDATION, PRESENT -> true;
            case ABSENT_EXCUSED, ABSENT_BILLED -> !b.isSeatGivenUp() && em.createNativeQuery(
                    "select 1 from absence where booking_id = ?1").setParameter(1, b.getId()).getResultList().isEmpty();
            default -> false;
        };
    }

    /** A pointage in the family's journal: the child, the unit-day, what changed. */
    private void journal(SignedInUser agent, Booking b, String change) {
        em.persist(new fr.portailfamille.platform.family.AuditEntry(agent.email(), "POINTAGE", b.getChild().getFamily().getId(),
                b.getChild().getId(), b.getUnit().getActivity().getName() + " " + b.getUnit().getLabel() + " du " + b.getDay()
                        + " : " + change));
    }

    /**
     * How many of a unit-day's places are taken ({@link OccupancyQueries#TAKES_SEAT}: present or pointed absent
     * included, a declared absence not), the day sheet's count.
     */
    public long placesTaken(SignedInUser agent, long unitId, LocalDate day) {
        StaffRoles.requireAgent(agent);
        return ((Number) em.createNativeQuery("select count(*) from booking b where b.unit_id = ?1 and b.day = ?2 and "
                + OccupancyQueries.TAKES_SEAT).setParameter(1, unitId).setParameter(2, day).getSingleResult()).longValue();
    }

    /** Whether the booking's unit-day is on an issued invoice ({@code billed_month}, the invoicing run's record). */
    private boolean invoiced(Booking b) {
        return (Boolean) em.createNativeQuery("select " + BilledDays.billed("?1", "?2", "?3", "?4"))
                .setParameter(1, b.getChild().getId()).setParameter(2, b.getUnit().getId())
                .setParameter(3, b.getDay().withDayOfMonth(1)).setParameter(4, b.getDay().getDayOfMonth())
                .getSingleResult();
    }

    /**
     * The children an agent may record present without a booking on a unit-day: registered (validated)
     * to the unit's activity and holding nothing on that unit-day, by name.
     */
    public List<Child> childrenWithoutBooking(SignedInUser agent, long unitId, LocalDate day) {
        StaffRoles.requireAgent(agent);
        ActivityUnit unit = em.find(ActivityUnit.class, unitId);
        if (unit == null || !runs(unit, day)) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select c.id from child c join activity_unit u on u.id = ?1"
                        + " where exists (select 1 from registration r where r.child_id = c.id and r.activity_id = u.activity_id"
                        + " and r.status = 'VALIDATED') and not exists (select 1 from booking b where b.child_id = c.id"
                        + " and b.unit_id = u.id and b.day = ?2 and (b.status not in ('CANCELLED_FREE', 'REFUSED')"
                        + " or b.status = 'REFUSED' and b.refusal_reason = ?3))")
                .setParameter(1, unitId).setParameter(2, day).setParameter(3, ExpiredRequests.NOT_DECIDED).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from Child c where c.id in :ids order by c.lastName, c.firstName", Child.class)
                .setParameter("ids", ids.stream().map(Number::longValue).toList()).getResultList();
    }

    /**
     * Présence sans réservation: a child the staff found on a unit-day without any booking is recorded
     * PRESENT and marked unbooked, so that the invoicing run bills it at the tariff's penalty price and
     * lists it among the anomalies. Only a child registered to the activity, once per unit-day, on the
     * day itself or after.
     *
     * @return the booking recorded
     */
    public Booking markPresentWithoutBooking(SignedInUser agent, long unitId, LocalDate day, long childId) {
        StaffRoles.requireAgent(agent);
        ActivityUnit unit = Optional.ofNullable(em.find(ActivityUnit.class, unitId))
                .orElseThrow(() -> new BookingRefused(Refused.text("booking.unit.unknown")));
        // no presence on a day the unit does not run (its weekdays, period, a public holiday, a closure): it would be
        // billed at the penalty price for a day the service was shut
        if (!runs(unit, day)) {
            throw new BookingRefused(Refused.text("booking.attendance.notRunning", unit.getActivity().getName(), unit.getLabel()));
        }
        // two taps at once (a double click, two tablets) wait for each other: the second finds the first's presence
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) l")
                .setParameter(1, "presence:" + childId + ":" + unitId + ":" + day).getSingleResult();
        Child known = em.find(Child.class, childId);
        if (known == null) {
            throw new BookingRefused(Refused.text("booking.attendance.notRegistered"));
        }
        // the family's charges then the day's seats locked before anything is read, as a booking locks them: a booking of
        // the day committing meanwhile is seen below, not doubled by a presence « sans réservation »
        charges.lock(known.getFamily().getId(), unit.getActivity());
        int booked = seats.lock(unit, day);
        Child child = childrenWithoutBooking(agent, unitId, day).stream().filter(c -> c.getId() == childId).findFirst()
                .orElse(null);
        Set<BookingStatus> held = Set.copyOf(em.createQuery("select b.status from Booking b where b.child.id = :c"
                        + " and b.unit.id = :u and b.day = :d", BookingStatus.class)
                .setParameter("c", childId).setParameter("u", unitId).setParameter("d", day).getResultList());
        AttendanceRules.unbookedPresenceRefusal(held, day, PlatformTime.today(clock)).ifPresent(why -> {
            throw new BookingRefused(why);
        });
        if (!em.createQuery("select b.id from Booking b where b.child.id = :c and b.unit.id = :u and b.day = :d"
                        + " and b.status = :refused and b.refusalReason = :expired").setParameter("c", childId)
                .setParameter("u", unitId).setParameter("d", day).setParameter("refused", BookingStatus.REFUSED)
                .setParameter("expired", ExpiredRequests.NOT_DECIDED).getResultList().isEmpty()) {
            // its request closed unvalidated is on the sheet: pointed present there, at the booked price
            throw new BookingRefused(fr.portailfamille.problems.Problems.of("booking.attendance.alreadyListed"));
        }
        if (child == null) {
            throw new BookingRefused(Refused.text("booking.attendance.notRegistered"));
        }
        Booking b = Booking.unbookedPresence(child, unit, day);
        // not while the month's invoicing runs (it would never see the day); once it ran, Facturation lists the month
        // to run again (DraftInvoices.refusedAfterRun)
        months.refuseWhileInvoiced(b);
        em.persist(b);
        // the child is there: one of the day's seats, as the occupancy counts it (over capacity if need be)
        seats.take(unit, day, booked);
        charges.presentWithoutBooking(b);
        journal(agent, b, "présent sans réservation");
        return b;
    }

    /** One unit's occupancy on a day (agents' overview). A class: EL 5 pages cannot read records. */
    public static class Occupancy {
        private final long unitId;
        private final String activity;
        private final String unit;
        private final int capacity;
        private final int taken;
        private final int waiting;

        Occupancy(long unitId, String activity, String unit, int capacity, int taken, int waiting) {
            this.unitId = unitId;
            this.activity = activity;
            this.unit = unit;
            this.capacity = capacity;
            this.taken = taken;
            this.waiting = waiting;
        }

        public long getUnitId() { return unitId; }
        public String getActivity() { return activity; }
        public String getUnit() { return unit; }
        public int getCapacity() { return capacity; }
        public int getTaken() { return taken; }
        public int getWaiting() { return waiting; }
        public int getFree() { return Math.max(0, capacity - taken); }
    }

    /**
     * Every unit that runs on {@code day} under the commune's calendar ({@link MonthPlan#runsOn}: its
     * weekday, school time or holidays as its activity goes, no public holiday or closure) with the
     * places taken ({@link OccupancyQueries#TAKES_SEAT}: a declared absence frees its place), the
     * places left and the waiting list. A unit that does not run that day is not counted.
     */
    public List<Occupancy> occupancy(SignedInUser agent, LocalDate day) {
        StaffRoles.requireAgent(agent);
        CommuneCalendar cal = settings.calendar();
        List<DateRange> years = settings.schoolYears();
        List<ActivityUnit> running = em.createQuery("select u from ActivityUnit u join fetch u.activity a"
                + " order by a.name, u.startTime, u.id", ActivityUnit.class).getResultList().stream()
                .filter(u -> MonthPlan.runsOn(u.plan(), day, cal, years)).toList();
        Map<Long, int[]> counts = new HashMap<>();
        for (Object row : em.createNativeQuery("select b.unit_id, count(*) filter (where " + OccupancyQueries.TAKES_SEAT
                        + "), count(*) filter (where b.status = 'WAITING') from booking b"
                        + " where b.day = ?1 group by b.unit_id").setParameter(1, day).getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(((Number) r[0]).longValue(), new int[] {((Number) r[1]).intValue(), ((Number) r[2]).intValue()});
        }
        List<Occupancy> list = new ArrayList<>();
        for (ActivityUnit u : running) {
            int[] c = counts.getOrDefault(u.getId(), new int[2]);
            list.add(new Occupancy(u.getId(), u.getActivity().getName(), u.getLabel(), u.getCapacity(), c[0], c[1]));
        }
        return list;
    }

    /** Whether the unit runs on {@code day} under the commune's calendar ({@link MonthPlan#runsOn}). */
    /**
     * Why nobody can be recorded present on the unit-day — the unit does not run that day (its weekdays, period, a
     * public holiday, a closure) —, or empty when it runs. Any agent of the commune.
     */
    public Optional<fr.portailfamille.problems.Message> notRunning(SignedInUser agent, long unitId, LocalDate day) {
        StaffRoles.requireAgent(agent);
        ActivityUnit unit = em.find(ActivityUnit.class, unitId);
        return unit == null || runs(unit, day) ? Optional.empty()
                : Optional.of(Refused.text("booking.attendance.notRunning", unit.getActivity().getName(), unit.getLabel()));
    }

    private boolean runs(ActivityUnit unit, LocalDate day) {
        return MonthPlan.runsOn(unit.plan(), day, settings.calendar(), settings.schoolYears());
    }

    /** Seats taken on a unit-day ({@link SeatCounter}; agents' occupancy view, tests). */
    public int seatsTaken(long unitId, LocalDate day) {
        return seats.taken(unitId, day);
    }
}
