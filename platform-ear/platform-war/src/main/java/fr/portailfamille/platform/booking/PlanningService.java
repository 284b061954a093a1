package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.BookingRules;
import fr.portailfamille.booking.BookingDecision;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.booking.AbsenceRules;
import fr.portailfamille.booking.CancellationDecision;
import fr.portailfamille.booking.CommuneCalendar;
import fr.portailfamille.booking.DateRange;
import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.booking.TypicalWeek;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Mon planning": a family books and cancels days for its own children (validated file, validated
 * registration to the activity), each call one transaction. The unit-day's seats are locked by
 * {@link SeatCounter} for the whole decision, so the capacity holds whatever the number of parents
 * booking the last seat at the same moment.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class PlanningService {

    /** The most changes one confirmation takes (a selection, the API's call). */
    public static final int MAX_SELECTION = 400;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

    @Inject
    CommuneSettings settings;

    @Inject
    SeatCounter seats;

    @Inject
    ActivityCatalog catalog;

    @Inject
    BookingCharges charges;

    @Inject
    BookingMails mails;

    Clock clock = PlatformTime.clock();

    /** A parent books a unit's day for one of its own children (validated file only). */
    public BookingDecision book(SignedInUser user, long childId, long unitId, LocalDate day) {
        // the configuration's lock first: a save in progress (a weekday removed, a capacity lowered, validation asked)
        // is waited for before the unit is read, booked then on the unit as saved
        CommuneCalendar cal = settings.calendarToBookOn();
        Child child = ownChild(user, childId);
        ActivityUnit unit = unit(unitId);
        requireRegistration(child, unit.getActivity());
        Standing standing = standing(child, unit, day);
        if (standing == Standing.HELD) {
            throw new BookingRefused(Refused.text("booking.alreadyBooked", child.getFirstName()));
        }
        if (standing == Standing.REFUSED) {
            throw new BookingRefused(Refused.text("booking.outcome.refusedBefore"));
        }
        return bookOne(child, unit, unit.plan(), day, cal, settings.schoolYears());
    }

    /**
     * "Semaine type": books the chosen units of each weekday on every day from {@code from} to
     * {@code to} ({@link TypicalWeek}), in one transaction; days already booked are left as they are;
     * each day gets the commune's decision (booked, waiting list, refused…) and the result counts them.
     *
     * @param unitsByWeekday for each weekday, the units to book (all of one activity of the commune)
     */
    public TypicalWeekResult applyTypicalWeek(SignedInUser user, long childId, Map<DayOfWeek, Set<Long>> unitsByWeekday,
                                              LocalDate from, LocalDate to) {
        return typicalWeek(ownChild(user, childId), unitsByWeekday, from, to);
    }

    /** {@link #applyTypicalWeek} for a child already found in its validated file, by the family or an agent for it. */
    private TypicalWeekResult typicalWeek(Child child, Map<DayOfWeek, Set<Long>> unitsByWeekday, LocalDate from,
                                          LocalDate to) {
        LocalDate today = now().toLocalDate();
        TypicalWeek.problem(unitsByWeekday, from, to, today).ifPresent(why -> {
            throw new BookingRefused(why.field(), why.text());
        });
        // the configuration's lock before the units are read (book)
        CommuneCalendar cal = settings.calendarToBookOn();
        Map<Long, ActivityUnit> units = new HashMap<>();
        Map<Long, MonthPlan.Unit> plans = new HashMap<>();
        for (Set<Long> ids : unitsByWeekday.values()) {
            for (Long id : ids) {
                ActivityUnit unit = units.computeIfAbsent(id, this::unit);
                plans.computeIfAbsent(id, k -> {
                    requireRegistration(child, unit.getActivity());
                    return unit.plan();
                });
            }
        }
        List<DateRange> years = settings.schoolYears();
        TypicalWeekResult result = new TypicalWeekResult();
        // from today (no day gone by locked to be refused), never more days than one transaction should hold
        List<MonthPlan.UnitDay> asked = TypicalWeek.expand(unitsByWeekday, TypicalWeek.firstDay(from, today), to,
                (id, day) -> MonthPlan.runsOn(plans.get(id), day, cal, years));
        TypicalWeek.tooMany(asked.size()).ifPresent(why -> {
            throw new BookingRefused(why.field(), why.text());
        });
        for (MonthPlan.UnitDay d : asked) {
            ActivityUnit unit = units.get(d.unitId());
            Standing standing = standing(child, unit, d.day());
            if (standing == Standing.HELD) {
                result.count((BookingDecision.Outcome) null);
            } else if (standing == Standing.REFUSED) {
                result.count(new BookingDecision(BookingDecision.Outcome.REFUSED, false,
                        Refused.text("booking.outcome.refusedBefore")));
            } else {
                result.count(bookOne(child, unit, plans.get(d.unitId()), d.day(), cal, years));
            }
        }
        return result;
    }

    private ActivityUnit unit(long unitId) {
        return Optional.ofNullable(em.find(ActivityUnit.class, unitId))
                .orElseThrow(() -> new BookingRefused(Refused.text("booking.activity.unknown")));
    }

    private boolean hasLiveBooking(Child child, ActivityUnit unit, LocalDate day) {
        return !em.createQuery("select b.id from Booking b where b.child = :c and b.unit = :u and b.day = :d"
                        + " and b.status in :live")
                .setParameter("c", child).setParameter("u", unit).setParameter("d", day)
                .setParameter("live", BookingStatus.HOLDING_THE_DAY).getResultList().isEmpty();
    }

    /** Where a family's new request for a unit-day stands ({@link #standing}). */
    private enum Standing { FREE, HELD, REFUSED }

    /**
     * Where a family's new request for the child's unit-day stands, in one reading of its bookings: {@code HELD} by a
     * booking ({@link BookingStatus#HOLDING_THE_DAY}); {@code REFUSED} when its latest request was refused by an agent
     * (the grid shows it « Refusée » without a button, and the family's other ways — Recopier, the semaine type, the API,
     * the summary — do not ask for it again either); else {@code FREE}.
     */
    private Standing standing(Child child, ActivityUnit unit, LocalDate day) {
        List<BookingStatus> statuses = em.createQuery("select b.status from Booking b where b.child = :c and b.unit = :u"
                        + " and b.day = :d order by b.id desc", BookingStatus.class)
                .setParameter("c", child).setParameter("u", unit).setParameter("d", day).getResultList();
        if (statuses.stream().anyMatch(BookingStatus.HOLDING_THE_DAY::contains)) {
            return Standing.HELD;
        }
        return !statuses.isEmpty() && statuses.get(0) == BookingStatus.REFUSED ? Standing.REFUSED : Standing.FREE;
    }

    /**
     * The seats a new booking of {@code unit} on {@code day} sees taken ({@code booked} of them): a unit without hours,
     * on its day, no longer passes a seat given up to the children waiting (SeatCounter.started), so a newcomer does not
     * take it before them: the unit is seen full while children wait. The summary sees what Confirmer will.
     */
    private int seen(ActivityUnit unit, LocalDate day, int booked) {
        return booked < unit.getCapacity() && seats.started(unit, day) && waiting(unit, day) ? unit.getCapacity() : booked;
    }

    /** Whether children wait for a seat of {@code unit} on {@code day}. */
    private boolean waiting(ActivityUnit unit, LocalDate day) {
        return !em.createQuery("select b.id from Booking b where b.unit = :u and b.day = :d and b.status = :w")
                .setParameter("u", unit).setParameter("d", day).setParameter("w", BookingStatus.WAITING).setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Decides and records one unit-day under the seat lock ({@code plan}: the unit's {@link ActivityUnit#plan()}). */
    private BookingDecision bookOne(Child child, ActivityUnit unit, MonthPlan.Unit plan, LocalDate day, CommuneCalendar cal,
                                    List<DateRange> schoolYears) {
        if (BookingRules.beyondHorizon(day, now().toLocalDate())) {
            // the calendar of those years is not known (public holidays, closures): refused before any lock is taken
            return new BookingDecision(BookingDecision.Outcome.REFUSED, false, Refused.text("booking.outcome.tooFar",
                    BookingRules.HORIZON_YEARS));
        }
        List<WindowSpan> window = windows(unit.getActivity().getId(), day, day);
        if (!window.isEmpty()) {
            return new BookingDecision(BookingDecision.Outcome.REFUSED, false, window.get(0).refusal());
        }
        charges.lock(child.getFamily().getId(), unit.getActivity());
        int booked = seats.lock(unit, day);
        // the same booking sent twice at once waited for the first under the lock: it is booked already
        if (hasLiveBooking(child, unit, day)) {
            return new BookingDecision(BookingDecision.Outcome.REFUSED, false, Refused.text("booking.outcome.alreadyBooked"));
        }
        int seen = seen(unit, day, booked);
        BookingDecision decision = plan.rules().decideBooking(now(), day, plan.start(), cal,
                MonthPlan.open(plan, day, cal, schoolYears), seen, unit.getCapacity());
        if (decision.recordedAs() != null) {
            Booking b = new Booking(child, unit, day, decision.recordedAs(), decision.surcharged());
            em.persist(b);
            Optional<Message> unpaid = charges.charge(b);
            if (unpaid.isPresent()) {
                em.remove(b);
                return new BookingDecision(BookingDecision.Outcome.REFUSED, false, unpaid.get());
            }
            if (b.holdsSeat()) {
                seats.take(unit, day, booked);
            }
        }
        return decision;
    }

    /**
     * Whether the activity's {@code day} belongs to an opening window not yet published: its seats go by the
     * window's allocation, not first come, first served (activities without a window are not concerned).
     */
    private boolean byWindow(long activityId, LocalDate day) {
        return !windows(activityId, day, day).isEmpty();
    }

    /**
     * The activity's opening windows not yet published whose period meets {@code from}..{@code to}: their days are asked
     * for by request ("Ma demande"), never booked first come, first served, until the allocation is published.
     */
    public List<WindowSpan> windows(long activityId, LocalDate from, LocalDate to) {
        LocalDateTime now = now();
        List<WindowSpan> spans = new ArrayList<>();
        for (Object o : em.createNativeQuery("select id, period_from, period_to, opens_at, closes_at, state from opening_window"
                        + " where activity_id = ?1 and period_from <= ?3 and period_to >= ?2 and state <> 'PUBLISHED'"
                        + " order by period_from, id")
                .setParameter(1, activityId).setParameter(2, from).setParameter(3, to).getResultList()) {
            Object[] r = (Object[]) o;
            spans.add(new WindowSpan(((Number) r[0]).longValue(), toDate(r[1]), toDate(r[2]), toDateTime(r[3]),
                    toDateTime(r[4]), !"OPEN".equals(r[5]), now));
        }
        return spans;
    }

    private static LocalDate toDate(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }

    private static LocalDateTime toDateTime(Object v) {
        return v instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) v;
    }

    /**
     * Refuses a selection that books a day of an unpublished opening window (checked before anything is done): the
     * page never offers such a day, a form posted by hand or the families' API are told why and where to ask.
     */
    private void refuseWindowDays(List<ChildChange> changes, Map<Long, ActivityUnit> units) {
        Map<Long, List<LocalDate>> daysByActivity = new HashMap<>();
        for (ChildChange cc : changes) {
            if (!cc.change().isCancellation()) {
                daysByActivity.computeIfAbsent(units.get(cc.change().getUnitId()).getActivity().getId(),
                        k -> new ArrayList<>()).add(cc.change().getDay());
            }
        }
        daysByActivity.forEach((activityId, days) -> {
            LocalDate first = days.stream().min(Comparator.naturalOrder()).orElseThrow();
            LocalDate last = days.stream().max(Comparator.naturalOrder()).orElseThrow();
            List<WindowSpan> spans = windows(activityId, first, last);
            for (LocalDate day : days.stream().sorted().toList()) {
                for (WindowSpan w : spans) {
                    if (w.covers(day)) {
                        throw new BookingRefused(w.refusal());
                    }
                }
            }
        });
    }

    /**
     * Cancels one of the family's bookings ({@link AbsenceRules#afterCancellation}: billed when a seat is
     * given up after the free-cancellation deadline). A freed seat goes at once to the first child waiting
     * for that unit-day, whose family is mailed.
     */
    public CancellationDecision cancel(SignedInUser user, long bookingId) {
        return cancelOne(ownBooking(user, bookingId), settings.calendar(), false);
    }

    /**
     * {@link #cancel} only while it is free ("Annuler sans frais" on the absence page): past the deadline meanwhile,
     * nothing is changed and it is refused, so that the family can declare the absence instead (a medical certificate
     * excuses it, a billed cancellation would not).
     *
     * @throws BookingRefused "booking.cancel.noLongerFree" when the cancellation would now be billed or refused
     */
    public CancellationDecision cancelFree(SignedInUser user, long bookingId) {
        return cancelOne(ownBooking(user, bookingId), settings.calendar(), true);
    }

    /**
     * {@link #cancelFree} that tells rather than refuses: {@code false}, nothing changed, when the cancellation is no
     * longer free (its deadline passed since the family was offered it), so that the caller declares the absence instead.
     */
    public boolean cancelWhileFree(SignedInUser user, long bookingId) {
        try {
            cancelOne(ownBooking(user, bookingId), settings.calendar(), true);
            return true;
        } catch (BookingRefused e) {
            if ("booking.cancel.noLongerFree".equals(e.text().key())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The withdrawal of what the family chose as a request (waiting list, awaiting validation): free, as the summary said;
     * a seat given since (a promotion, an agent's validation) is kept — its cancellation, no longer free, is not made.
     */
    private CancellationDecision withdrawRequest(Booking b, CommuneCalendar cal) {
        try {
            return cancelOne(b, cal, true);
        } catch (BookingRefused e) {
            if ("booking.cancel.noLongerFree".equals(e.text().key())) {
                throw new BookingRefused(Refused.text("booking.cancel.grantedMeanwhile"));
            }
            throw e;
        }
    }

    private CancellationDecision cancelOne(Booking b, CommuneCalendar cal, boolean onlyFree) {
        if (!b.holdsSeat() && b.getStatus() != BookingStatus.WAITING) {
            throw new BookingRefused(Refused.text("booking.alreadyCancelled"));
        }
        charges.lock(b.getChild().getFamily().getId(), b.getUnit().getActivity());
        int booked = seats.lock(b.getUnit(), b.getDay());
        // read again under the lock: the same cancellation sent twice at once (a phone retrying) waited for the first,
        // whose seat is already given up — freeing it again would count one seat too few and oversell the day
        em.refresh(b);
        if (!b.holdsSeat() && b.getStatus() != BookingStatus.WAITING) {
            throw new BookingRefused(Refused.text("booking.alreadyCancelled"));
        }
        CancellationDecision decision = AbsenceRules.withdrawal(
                b.getUnit().getActivity().rules().decideCancellation(now(), b.getDay(), cal, b.getUnit().getStartTime()), b.getStatus());
        if (onlyFree && decision.outcome() != CancellationDecision.Outcome.FREE) {
            throw new BookingRefused(Refused.text("booking.cancel.noLongerFree"));
        }
        if (decision.outcome() == CancellationDecision.Outcome.REFUSED) {
            return decision;
        }
        boolean freesSeat = b.holdsSeat();
        b.setStatus(AbsenceRules.afterCancellation(decision.outcome(), freesSeat));
        if (freesSeat && b.getStatus() == BookingStatus.ABSENT_BILLED) {
            b.gaveSeatUp(); // billed as an absence, but its seat goes back (OccupancyQueries.TAKES_SEAT)
        }
        charges.statusChanged(b);
        if (freesSeat) {
            seats.release(b.getUnit(), b.getDay(), booked);
        }
        return lateWords(b, decision);
    }

    /**
     * A late cancellation of {@code b} in the words its tariff gives it: past its deadline, but a tariff that bills no
     * unexcused absence says so, not « reste facturée » (the summary before « Confirmer » as the result after it).
     */
    private CancellationDecision lateWords(Booking b, CancellationDecision decision) {
        if (decision.outcome() == CancellationDecision.Outcome.BILLED && !unexcusedAbsenceBilled(b)) {
            return new CancellationDecision(CancellationDecision.Outcome.BILLED,
                    fr.portailfamille.problems.Problems.of("booking.cancellation.lateNotBilled"));
        }
        return decision;
    }

    /**
     * Whether the tariff of {@code b}'s day bills an unexcused absence
     * ({@link fr.portailfamille.billing.Tariffs#unexcusedAbsenceBilled}); the billing configuration is read once per
     * transaction ({@link CommuneSettings#billing}).
     */
    public boolean unexcusedAbsenceBilled(Booking b) {
        return fr.portailfamille.billing.Tariffs.unexcusedAbsenceBilled(settings.billing().tariffs(),
                b.getUnit().getActivity().getCode(), b.getUnit().getCode(), b.getDay());
    }

    /** A line of the counter's booking form: a child of the family and one unit of an activity it is registered to. */
    public record CounterChoice(long childId, String childName, long unitId, String activityName, String unitLabel)
            implements java.io.Serializable {
    }

    /** One of the family's bookings from today on, as the counter lists them; cancellable while it holds the day. */
    public record CounterBooking(long id, String childName, LocalDate day, String activityName, String unitLabel,
                                 BookingStatus status) implements java.io.Serializable {

        /** Whether it may still be cancelled, as {@link #cancelAtCounter} checks: it holds a seat or waits for one. */
        public boolean isCancellable() {
            return Booking.SEAT_HOLDING.contains(status) || status == BookingStatus.WAITING;
        }

        /** Whether an absence may be declared on it (a booked day: {@code AbsenceRules.refusal}), past days aside. */
        public boolean isAbsenceDeclarable() {
            return status == BookingStatus.BOOKED || status == BookingStatus.BOOKED_LATE;
        }
    }

    /**
     * Au guichet: what an agent may book for a family that asks at the town hall or on the phone — each child of its
     * validated file with each unit of each activity the child is registered to (any agent; another commune's family is
     * not in this commune's schema, an unknown id and a file not validated are refused).
     */
    public Counter counter(SignedInUser agent, long familyId) {
        Family family = agentFamily(agent, familyId);
        List<CounterChoice> choices = new ArrayList<>();
        for (Object o : em.createNativeQuery("select c.id, coalesce(c.first_name, '–'), u.id, a.name, u.label from child c"
                        + " join registration r on r.child_id = c.id and r.status = 'VALIDATED'"
                        + " join activity a on a.id = r.activity_id join activity_unit u on u.activity_id = a.id"
                        + " where c.family_id = ?1 order by c.id, a.name, u.start_time nulls last, u.code")
                .setParameter(1, family.getId()).getResultList()) {
            Object[] r = (Object[]) o;
            choices.add(new CounterChoice(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(),
                    (String) r[3], (String) r[4]));
        }
        return new Counter(family.getLabel(), choices);
    }

    /** The counter's form for one family: its label and what may be booked for it ({@link #counter}). */
    public record Counter(String familyLabel, List<CounterChoice> choices) implements java.io.Serializable {
    }

    /**
     * Au guichet: an agent books one unit for a child of the family on the ticked weekdays from {@code from} to
     * {@code to} (one day: the same date twice), in one transaction, under the commune's rules as the family's own
     * booking is (deadlines, seats and waiting list, validation, opening windows, porte-monnaie); audited, and the
     * family mailed what was booked (it finds the days in Mon planning).
     */
    public TypicalWeekResult bookAtCounter(SignedInUser agent, long familyId, long childId, long unitId, LocalDate from,
                                           LocalDate to, Set<DayOfWeek> weekdays) {
        Child child = agentChild(agent, familyId, childId);
        Map<DayOfWeek, Set<Long>> byWeekday = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : weekdays == null ? Set.<DayOfWeek>of() : weekdays) {
            byWeekday.put(d, Set.of(unitId));
        }
        TypicalWeekResult result = typicalWeek(child, byWeekday, from, to);
        if (result.getBooked() + result.getSurcharged() + result.getPending() + result.getWaiting() == 0) {
            return result; // nothing booked: nothing to write in the file's log
        }
        ActivityUnit unit = unit(unitId);
        em.persist(new fr.portailfamille.platform.family.AuditEntry(agent.email(), "RESERVATION_GUICHET", familyId,
                child.getId(), unit.getActivity().getName() + " (" + unit.getLabel() + ") du " + from + " au " + to + " : "
                + result.summary().french()));
        mails.bookedAtCounter(child, unit, from, to, byWeekday.keySet(), result.summary().french());
        return result;
    }

    /** How many of a family's coming bookings the counter lists at most ({@link #counterBookings}). */
    public static final int COUNTER_SHOWN = 200;

    /**
     * The family's bookings from {@code from} on that may still be cancelled — holding a seat or waiting for one — by
     * day, the first {@value #COUNTER_SHOWN} and one more (which tells that there are more), for the counter
     * ({@link #counter}).
     */
    public List<CounterBooking> counterBookings(SignedInUser agent, long familyId, LocalDate from) {
        long family = agentFamily(agent, familyId).getId();
        List<CounterBooking> rows = new ArrayList<>();
        for (Object o : em.createNativeQuery("select b.id, coalesce(c.first_name, '–'), b.day, a.name, u.label, b.status"
                        + " from booking b join child c on c.id = b.child_id join activity_unit u on u.id = b.unit_id"
                        + " join activity a on a.id = u.activity_id where c.family_id = ?1 and b.day >= ?2"
                        + " and b.status in ('BOOKED', 'BOOKED_LATE', 'PENDING_VALIDATION', 'WAITING')"
                        + " order by b.day, c.id, u.start_time nulls last, b.id")
                .setParameter(1, family).setParameter(2, from).setMaxResults(COUNTER_SHOWN + 1).getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new CounterBooking(((Number) r[0]).longValue(), (String) r[1], toDate(r[2]), (String) r[3],
                    (String) r[4], BookingStatus.valueOf((String) r[5])));
        }
        return rows;
    }

    /**
     * Au guichet: an agent cancels a booking of the family as the family would (free before the deadline, billed
     * after, refused once the day is past); audited, and the family mailed. A booking of another family is refused as
     * unknown. Past the free-cancellation deadline nothing is changed unless {@code billedConfirmed}: the agent is told
     * first that the day stays billed (and that an absence with a medical certificate would be excused instead).
     *
     * @throws BookingRefused "booking.counter.cancel.billed" when the cancellation would be billed and was not confirmed
     */
    public CancellationDecision cancelAtCounter(SignedInUser agent, long familyId, long bookingId, boolean billedConfirmed) {
        Booking b = counterBooking(agent, familyId, bookingId);
        // a day already past (a list left open overnight): refused as it is, not announced as billed
        CancellationDecision ahead = AbsenceRules.withdrawal(b.getUnit().getActivity().rules().decideCancellation(now(),
                b.getDay(), settings.calendar(), b.getUnit().getStartTime()), b.getStatus());
        if (ahead.outcome() == CancellationDecision.Outcome.REFUSED) {
            return ahead;
        }
        CancellationDecision decision;
        try {
            // a late cancellation its tariff does not bill needs no confirmation
            decision = cancelOne(b, settings.calendar(), !billedConfirmed && unexcusedAbsenceBilled(b));
        } catch (BookingRefused e) {
            if (e.text().key().equals("booking.cancel.noLongerFree")) {
                throw new BookingRefused(Refused.text("booking.counter.cancel.billed"));
            }
            throw e;
        }
        if (decision.outcome() != CancellationDecision.Outcome.REFUSED) {
            em.persist(new fr.portailfamille.platform.family.AuditEntry(agent.email(), "ANNULATION_GUICHET", familyId,
                    b.getChild().getId(), b.getUnit().getActivity().getName() + " (" + b.getUnit().getLabel() + ") du "
                    + b.getDay() + " : " + decision.message()));
            mails.cancelledAtCounter(b, decision.message());
        }
        return decision;
    }

    /**
     * A booking of the family an agent acts for at the counter (its child and activity loaded); another family's (or an
     * unknown) id answers "n'existe pas".
     */
    public Booking counterBooking(SignedInUser agent, long familyId, long bookingId) {
        long family = agentFamily(agent, familyId).getId();
        Booking b = Optional.ofNullable(em.find(Booking.class, bookingId))
                .filter(x -> x.getChild().getFamily().getId() == family)
                .orElseThrow(() -> new BookingRefused(Refused.text("booking.unknown")));
        b.getUnit().getActivity().getName();
        return b;
    }

    private Family agentFamily(SignedInUser agent, long familyId) {
        return refusedAsBooking(() -> files.validatedFamilyForAgent(agent, familyId));
    }

    private Child agentChild(SignedInUser agent, long familyId, long childId) {
        return refusedAsBooking(() -> files.validatedChildForAgent(agent, familyId, childId));
    }

    /** What the family file answers, its refusal ("dossier non validé", "enfant inconnu") made a booking's refusal. */
    private static <T> T refusedAsBooking(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (BookingRefused e) {
            throw e;
        } catch (Refused e) {
            throw new BookingRefused(e.text());
        }
    }

    /**
     * Applies the changes a family selected on a child's planning and confirmed, in one transaction:
     * every change is checked first (the child's own bookings, existing units of activities the child
     * is registered to, at most 400 changes) and nothing is done if one is not; then each unit-day gets
     * the commune's decision, in day order (the order seat locks are taken in).
     */
    public List<ChangeOutcome> applySelection(SignedInUser user, long childId, List<PlannedChange> changes) {
        return applySelection(user, childId, changes, null);
    }

    /**
     * {@link #applySelection(SignedInUser, long, List)} as the summary the family read said it ({@code shownSummary}: its
     * {@link SelectionReview#fingerprint}): when the summary would now say something else of a day — a deadline passed
     * since, and its cancellation is billed or its booking surcharged; the day filled up —, nothing is applied and it is
     * refused ({@code booking.selection.summaryChanged}), for the family to read the summary again. {@code null}: no
     * summary was shown (the API).
     */
    public List<ChangeOutcome> applySelection(SignedInUser user, long childId, List<PlannedChange> changes,
                                              String shownSummary) {
        if (changes == null) {
            changes = List.of();
        }
        if (shownSummary != null && !shownSummary.equals(reviewSelection(user, childId, changes).fingerprint())) {
            throw new BookingRefused(Refused.text("booking.selection.summaryChanged"));
        }
        return new ArrayList<>(applyFamilySelection(user, changes.stream().map(c -> new ChildChange(childId, c)).toList())
                .values());
    }

    /** One change of a family's selection: the child it is for, and the change ({@link #applyFamilySelection}). */
    public record ChildChange(long childId, PlannedChange change) {
    }

    /**
     * {@link #applySelection} for changes of several of the family's children at once (the families' API), in one
     * transaction: everything checked first, nothing done if one is refused; then every unit-day, whatever the
     * child, in day order then unit (the order seat locks are taken in by every caller, so two selections never wait
     * for each other's locks).
     *
     * @return each change's outcome, in the order they were applied
     */
    public Map<ChildChange, ChangeOutcome> applyFamilySelection(SignedInUser user, List<ChildChange> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new BookingRefused(Refused.text("booking.selection.empty"));
        }
        if (changes.size() > MAX_SELECTION) {
            throw new BookingRefused(Refused.text("booking.selection.tooLong"));
        }
        // the configuration's lock before the units and bookings are read (book)
        CommuneCalendar cal = settings.calendarToBookOn();
        Map<Long, Child> children = new HashMap<>();
        Map<Long, ActivityUnit> units = new HashMap<>();
        Map<Long, MonthPlan.Unit> plans = new HashMap<>();
        Map<Long, Booking> cancellations = new HashMap<>();
        for (ChildChange cc : changes) {
            Child child = children.computeIfAbsent(cc.childId(), id -> ownChild(user, id));
            PlannedChange c = cc.change();
            if (c.isCancellation()) {
                Booking b = ownBooking(user, c.getBookingId());
                if (!b.getChild().getId().equals(child.getId())) {
                    throw new BookingRefused(Refused.text("booking.unknown"));
                }
                cancellations.put(b.getId(), b);
            } else {
                ActivityUnit unit = units.computeIfAbsent(c.getUnitId(), this::unit);
                requireRegistration(child, unit.getActivity());
                plans.computeIfAbsent(unit.getId(), id -> unit.plan());
            }
        }
        refuseWindowDays(changes, units);
        List<DateRange> years = settings.schoolYears();
        Map<ChildChange, ChangeOutcome> outcomes = new LinkedHashMap<>();
        changes.stream().sorted(Comparator.comparing((ChildChange cc) -> cc.change().getDay())
                .thenComparingLong(cc -> cc.change().getUnitId())).forEach(cc -> {
            PlannedChange c = cc.change();
            if (c.isCancellation()) {
                Booking b = cancellations.get(c.getBookingId());
                try {
                    CancellationDecision d = c.isRequest() ? withdrawRequest(b, cal) : cancelOne(b, cal, false);
                    outcomes.put(cc, new ChangeOutcome(b.getDay(), b.getUnit().getLabel(), true,
                            d.outcome() != CancellationDecision.Outcome.REFUSED, d.text()));
                } catch (BookingRefused e) {
                    outcomes.put(cc, new ChangeOutcome(b.getDay(), b.getUnit().getLabel(), true, false, e.text()));
                }
            } else {
                Child child = children.get(cc.childId());
                ActivityUnit unit = units.get(c.getUnitId());
                Standing standing = standing(child, unit, c.getDay());
                if (standing == Standing.HELD) {
                    outcomes.put(cc, new ChangeOutcome(c.getDay(), unit.getLabel(), false, false,
                            Refused.text("booking.outcome.alreadyBooked")));
                } else if (standing == Standing.REFUSED) {
                    outcomes.put(cc, new ChangeOutcome(c.getDay(), unit.getLabel(), false, false,
                            Refused.text("booking.outcome.refusedBefore")));
                } else {
                    BookingDecision d = bookOne(child, unit, plans.get(unit.getId()), c.getDay(), cal, years);
                    outcomes.put(cc, ChangeOutcome.booking(c.getDay(), unit.getLabel(), d.outcome() != BookingDecision.Outcome.REFUSED,
                            d.outcome() == BookingDecision.Outcome.WAITING_LIST, d.text()));
                }
            }
        });
        // a day refused for the porte-monnaie's balance while a cancellation of the same confirmation, on a later day,
        // gave money back (a family swapping Friday for Tuesday): asked once more. Its locks — the family's charges, its
        // day's seats — are this transaction's already: nothing is locked out of the day order.
        if (outcomes.entrySet().stream().anyMatch(e -> e.getKey().change().isCancellation() && e.getValue().isDone())) {
            outcomes.entrySet().stream().filter(e -> !e.getKey().change().isCancellation() && !e.getValue().isDone()
                            && e.getValue().getText().key().startsWith("billing.wallet.insufficient")).map(Map.Entry::getKey)
                    .toList().forEach(cc -> {
                        PlannedChange c = cc.change();
                        ActivityUnit unit = units.get(c.getUnitId());
                        BookingDecision d = bookOne(children.get(cc.childId()), unit, plans.get(unit.getId()), c.getDay(), cal,
                                years);
                        outcomes.put(cc, ChangeOutcome.booking(c.getDay(), unit.getLabel(),
                                d.outcome() != BookingDecision.Outcome.REFUSED,
                                d.outcome() == BookingDecision.Outcome.WAITING_LIST, d.text()));
                    });
        }
        return outcomes;
    }

    /**
     * Of the copies "Recopier la sélection" proposes for the child ({@code copies}: bookings), those a booking could be
     * asked for: a day the unit runs, not a unit-day the child already holds (it would read "à annuler" on the grid and
     * be refused as "déjà réservé") nor one an agent refused, nor a day of an opening window not published (asked for on
     * its own page: with it, the whole selection would be refused). One reading of the child's bookings and of each
     * activity's windows, whatever the number of copies.
     */
    public List<PlannedChange> copiesToKeep(SignedInUser user, long childId, List<PlannedChange> copies) {
        Child child = ownChild(user, childId);
        if (copies.isEmpty()) {
            return List.of();
        }
        LocalDate first = copies.stream().map(PlannedChange::getDay).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = copies.stream().map(PlannedChange::getDay).max(Comparator.naturalOrder()).orElseThrow();
        // a unit-day the child holds, or whose latest request an agent refused (shown « Refusée », not asked again)
        Set<String> held = new HashSet<>();
        Map<String, BookingStatus> latest = new HashMap<>();
        for (Object[] r : em.createQuery("select b.unit.id, b.day, b.status from Booking b where b.child = :c"
                        + " and b.day between :f and :l order by b.id", Object[].class)
                .setParameter("c", child).setParameter("f", first).setParameter("l", last).getResultList()) {
            String key = r[0] + "|" + r[1];
            latest.put(key, (BookingStatus) r[2]);
            if (BookingStatus.HOLDING_THE_DAY.contains((BookingStatus) r[2])) {
                held.add(key);
            }
        }
        latest.forEach((key, status) -> {
            if (status == BookingStatus.REFUSED) {
                held.add(key);
            }
        });
        Map<Long, ActivityUnit> units = new HashMap<>();
        Map<Long, List<WindowSpan>> spans = new HashMap<>();
        CommuneCalendar cal = settings.calendar();
        List<DateRange> years = settings.schoolYears();
        List<PlannedChange> kept = new ArrayList<>();
        for (PlannedChange c : copies) {
            ActivityUnit unit = units.computeIfAbsent(c.getUnitId(), id -> em.find(ActivityUnit.class, id));
            // nor a day the unit does not run (holidays, closures, out of the school year), as the semaine type skips them
            if (unit == null || held.contains(c.getUnitId() + "|" + c.getDay())
                    || !MonthPlan.runsOn(unit.plan(), c.getDay(), cal, years)) {
                continue;
            }
            List<WindowSpan> windows = spans.computeIfAbsent(unit.getActivity().getId(), a -> windows(a, first, last));
            if (windows.stream().noneMatch(w -> w.covers(c.getDay()))) {
                kept.add(c);
            }
        }
        return kept;
    }

    /**
     * What the family should know before it confirms a selection, by {@link PlannedChange#getKey()}: for
     * each booking, whether it will be refused, surcharged, put on the waiting list or will no longer be
     * cancellable without charge; for each cancellation, whether it is free or the day stays billed
     * (the rules of {@link fr.portailfamille.booking.BookingRules#bookingNotices}, seen now). Nothing is
     * recorded.
     */
    public Map<String, String> previewSelection(SignedInUser user, long childId, List<PlannedChange> changes) {
        return reviewSelection(user, childId, changes).notices();
    }

    /**
     * As {@link #previewSelection}, with the bookings that would be surcharged or refused (what the
     * summary prices). Nothing is recorded.
     */
    public SelectionReview reviewSelection(SignedInUser user, long childId, List<PlannedChange> changes) {
        Child child = ownChild(user, childId);
        if (changes.size() > MAX_SELECTION) {
            // as "Confirmer" would refuse it whole: said now, not after a summary that priced it
            throw new BookingRefused(Refused.text("booking.selection.tooLong"));
        }
        CommuneCalendar cal = settings.calendarToBookOn();
        List<DateRange> years = settings.schoolYears();
        Map<String, Message> notices = new HashMap<>();
        Set<String> surcharged = new HashSet<>();
        Set<String> refused = new HashSet<>();
        Set<String> warned = new HashSet<>();
        Set<String> waiting = new HashSet<>();
        for (PlannedChange c : changes) {
            if (c.isCancellation()) {
                Booking b = ownBooking(user, c.getBookingId());
                CancellationDecision d = lateWords(b, AbsenceRules.withdrawal(
                        b.getUnit().getActivity().rules().decideCancellation(now(), b.getDay(), cal, b.getUnit().getStartTime()), b.getStatus()));
                notices.put(c.getKey(), d.text());
                if (d.outcome() != CancellationDecision.Outcome.FREE) {
                    warned.add(c.getKey());
                }
            } else {
                ActivityUnit unit = em.find(ActivityUnit.class, c.getUnitId());
                if (unit == null) {
                    continue;
                }
                Standing standing = standing(child, unit, c.getDay());
                if (standing != Standing.FREE) {
                    // as "Confirmer" will say it: not priced in the summary
                    notices.put(c.getKey(), Refused.text(standing == Standing.HELD ? "booking.outcome.alreadyBooked"
                            : "booking.outcome.refusedBefore"));
                    refused.add(c.getKey());
                    warned.add(c.getKey());
                    continue;
                }
                List<WindowSpan> window = windows(unit.getActivity().getId(), c.getDay(), c.getDay());
                if (!window.isEmpty()) {
                    notices.put(c.getKey(), window.get(0).refusal());
                    refused.add(c.getKey());
                    warned.add(c.getKey());
                    continue;
                }
                MonthPlan.Unit plan = unit.plan();
                boolean open = MonthPlan.open(plan, c.getDay(), cal, years);
                int taken = seen(unit, c.getDay(), seats.taken(unit.getId(), c.getDay()));
                List<Message> lines = plan.rules().bookingNotices(now(), c.getDay(), plan.start(), cal, open, taken,
                        unit.getCapacity());
                notices.put(c.getKey(), joined(lines));
                if (!lines.isEmpty()) {
                    warned.add(c.getKey());
                }
                BookingDecision d = plan.rules().decideBooking(now(), c.getDay(), plan.start(), cal, open, taken,
                        unit.getCapacity());
                if (d.outcome() == BookingDecision.Outcome.REFUSED) {
                    refused.add(c.getKey());
                } else if (d.surcharged()) {
                    surcharged.add(c.getKey());
                }
                if (d.outcome() == BookingDecision.Outcome.WAITING_LIST) {
                    waiting.add(c.getKey());
                }
            }
        }
        return new SelectionReview(notices, surcharged, refused, warned, waiting);
    }

    /**
     * The family's bookings that wait for, or got, an agent's decision ("Mes demandes"): awaiting
     * validation, and refused with the reason, from a month ago on, by day.
     */
    public List<Booking> bookingRequestsOf(SignedInUser user) {
        Family family = files.fileOf(user);
        return em.createQuery("select b from Booking b join fetch b.child c join fetch b.unit u join fetch u.activity where c.family = :f"
                        + " and b.status in :s and b.day >= :from order by b.day, b.id", Booking.class)
                .setParameter("f", family)
                .setParameter("s", Set.of(BookingStatus.PENDING_VALIDATION, BookingStatus.REFUSED))
                .setParameter("from", PlatformTime.today(clock).minusMonths(1)).getResultList();
    }

    /** The family's bookings of a child between two days (its own children only). */
    public List<Booking> bookingsOf(SignedInUser user, long childId, LocalDate from, LocalDate to) {
        Child child = ownChild(user, childId);
        return em.createQuery("select b from Booking b where b.child = :c and b.day between :f and :t"
                + " order by b.day, b.id", Booking.class).setParameter("c", child)
                .setParameter("f", from).setParameter("t", to).getResultList();
    }

    /**
     * "Mon planning": every day of the month for one of the family's children and one activity, each
     * unit with its legend state (from the commune's rules, the calendar, the seats and the child's
     * bookings) and whether it can be booked or cancelled now.
     */
    public List<PlanningDay> planning(SignedInUser user, long childId, long activityId, YearMonth month) {
        long own = ownChild(user, childId).getId();
        return planningOfOwnChild(own, activityId, month, catalog.unitsOf(activityId));
    }

    /**
     * {@link #planning(SignedInUser, long, long, YearMonth)} of a child the caller has already found in the signed-in
     * family's own validated file ({@link PlanningPageReader#read}: the child comes from the account's own file), with
     * the activity's units already read.
     */
    List<PlanningDay> planningOfOwnChild(long ownChildId, long activityId, YearMonth month, List<ActivityUnit> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Map<MonthPlan.UnitDay, Integer> taken = seats.takenOfActivity(activityId, from, to);
        Map<MonthPlan.UnitDay, MonthPlan.Booking> latest = new HashMap<>();
        // the five columns the month needs, not Booking entities: none is changed here, and entities read in a
        // transaction are each copied for EclipseLink's change tracking (bench 4: the page's largest read)
        // a day the service pointed absent that the family has not declared, within the commune's delay: its absence is
        // still declared (AbsenceService: its reason, its certificate)
        for (Object o : em.createNativeQuery("select b.id, b.unit_id, b.day, b.status, b.refusal_reason,"
                        + " case when b.status = 'ABSENT_BILLED' and b.seat_given_up is not true then b.day >= cast(?5 as date)"
                        + " - coalesce((select s.certificate_days from billing_settings s), "
                        + AbsenceRules.LATE_CERTIFICATE_DAYS + ") and not exists (select 1 from absence x"
                        + " where x.booking_id = b.id) else false end from booking b"
                        + " join activity_unit u on u.id = b.unit_id where b.child_id = ?1 and u.activity_id = ?2"
                        + " and b.day between ?3 and ?4 order by b.id")
                .setParameter(1, ownChildId).setParameter(2, activityId).setParameter(3, from).setParameter(4, to)
                .setParameter(5, PlatformTime.today(clock)).getResultList()) {
            Object[] r = (Object[]) o;
            latest.put(new MonthPlan.UnitDay(((Number) r[1]).longValue(), toDate(r[2])),
                    new MonthPlan.Booking(((Number) r[0]).longValue(), BookingStatus.valueOf((String) r[3]), (String) r[4],
                            (Boolean) r[5]));
        }
        List<WindowSpan> spans = windows(activityId, from, to);
        Set<LocalDate> windowDays = new HashSet<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            LocalDate day = d;
            if (spans.stream().anyMatch(w -> w.covers(day))) {
                windowDays.add(day);
            }
        }
        return MonthPlan.of(units.stream().map(ActivityUnit::plan).toList(), month, taken, latest, settings.calendar(),
                settings.schoolYears(), now(), windowDays).stream().map(d -> new PlanningDay(d, spans)).toList();
    }

    /**
     * One of the family's own bookings; another family's (or an unknown) id answers "n'existe pas".
     * Child and activity are loaded, for pages showing them.
     */
    public Booking ownBooking(SignedInUser user, long bookingId) {
        Family family = files.fileOf(user);
        Booking b = Optional.ofNullable(em.find(Booking.class, bookingId))
                .filter(x -> x.getChild().getFamily().getId().equals(family.getId()))
                .orElseThrow(() -> new BookingRefused(Refused.text("booking.unknown")));
        b.getUnit().getActivity().getName();
        return b;
    }

    /** Whether one of the family's children has a validated registration to the activity. */
    public boolean registered(SignedInUser user, long childId, long activityId) {
        return registered(ownChild(user, childId), activityId);
    }

    /** The activities one of the family's children has a validated registration to (one query). */
    public List<Long> registeredActivities(SignedInUser user, long childId) {
        return registeredActivitiesOfOwnChild(ownChild(user, childId).getId());
    }

    /** {@link #registeredActivities} of a child the caller has already found in the family's own validated file. */
    List<Long> registeredActivitiesOfOwnChild(long ownChildId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select activity_id from registration where child_id = ?1"
                + " and status = 'VALIDATED'").setParameter(1, ownChildId).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private Child ownChild(SignedInUser user, long childId) {
        return refusedAsBooking(() -> files.validatedChild(user, childId));
    }

    /** A child books an activity's days once its registration to the activity is validated. */
    private void requireRegistration(Child child, Activity activity) {
        if (!registered(child, activity.getId())) {
            throw new BookingRefused(Refused.text("booking.registrationRequired", child.getFirstName(), activity.getName()));
        }
    }

    /** The notices one after the other, a space between two (as the summary shows them); empty when none. */
    private static Message joined(List<Message> lines) {
        Message all = lines.isEmpty() ? Message.literal("") : lines.get(0);
        for (Message line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            all = Refused.text("booking.notice.join", all, line);
        }
        return all;
    }

    private boolean registered(Child child, long activityId) {
        return !em.createNativeQuery("select 1 from registration where child_id = ?1 and activity_id = ?2"
                        + " and status = 'VALIDATED'").setParameter(1, child.getId()).setParameter(2, activityId)
                .getResultList().isEmpty();
    }

    private LocalDateTime now() {
        return PlatformTime.now(clock);
    }
}
