package fr.portailfamille.platform.booking.window;

import fr.portailfamille.booking.window.Criterion;
import fr.portailfamille.booking.CommuneCalendar;
import fr.portailfamille.booking.DateRange;
import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.booking.window.Allocation;
import fr.portailfamille.booking.window.WindowPeriod;
import fr.portailfamille.platform.booking.Activity;
import fr.portailfamille.platform.booking.ActivityCatalog;
import fr.portailfamille.platform.booking.ActivityUnit;
import fr.portailfamille.platform.booking.BookingRefused;
import fr.portailfamille.platform.booking.SeatCounter;
import fr.portailfamille.platform.booking.WindowBookings;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agents' side of the opening windows, each action one transaction and refused to anyone but an agent of this
 * commune: open a window, close it and allocate (the seed drawn once and recorded), re-run with the recorded seed,
 * preview, adjust by hand (reason required, audited), publish (seats booked through {@link WindowBookings} and the
 * seat counter, the others queued in their rank, every family mailed a link to its result). Health criteria are
 * named only to agents holding {@code agent-sante}: the read model writes "critère confidentiel" for the others.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class OpeningWindows {

    /** The largest page of a preview. */
    public static final int MAX_LINES = 500;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    ActivityCatalog catalog;

    @Inject
    CommuneSettings settings;

    @Inject
    SeatCounter seats;

    @Inject
    WindowStore store;

    @Inject
    fr.portailfamille.platform.booking.BookingCharges charges;

    @Inject
    WindowBookings bookings;

    @Inject
    FamilyMails mails;

    Clock clock = PlatformTime.clock();

    /** Opens an activity's period by request window; returns its id. */
    public long open(SignedInUser agent, WindowSettings s) {
        StaffRoles.requireAgent(agent);
        Activity activity = Optional.ofNullable(em.find(Activity.class, s.activityId()))
                .orElseThrow(() -> new BookingRefused(Refused.text("booking.activity.unknown")));
        // each refusal on the field the agent corrects (the page shows it there)
        if (s.periodFrom() == null) {
            throw new BookingRefused("from", Refused.text("booking.window.period.fromRequired"));
        }
        if (s.periodTo() == null) {
            throw new BookingRefused("to", Refused.text("booking.window.period.toRequired"));
        }
        if (s.periodTo().isBefore(s.periodFrom())) {
            throw new BookingRefused("to", Refused.text("booking.window.periodOrder"));
        }
        WindowPeriod.refusal(s.opensAt(), s.closesAt()).ifPresent(why -> {
            throw new BookingRefused(s.opensAt() == null ? "opens" : "closes", why);
        });
        if (!s.closesAt().isBefore(s.periodFrom().atStartOfDay())) {
            throw new BookingRefused("closes", Refused.text("booking.window.closeBeforePeriod"));
        }
        s.rules().refusal().ifPresent(why -> {
            throw new BookingRefused(why);
        });
        // a health criterion weighed by an agent who may not read health data would make the preview tell which
        // families declared it: only agent-sante weighs it (its row of the page's weights, criteria:<ordinal>:weight)
        if (!StaffRoles.mayReadHealth(agent)) {
            for (Criterion c : Criterion.values()) {
                if (c.health() && s.rules().weight(c) > 0) {
                    throw new BookingRefused("criteria:" + c.ordinal() + ":weight", Refused.text("booking.window.healthWeight"));
                }
            }
        }
        // two "Ouvrir" at once (two agents, a double click) wait for each other: the second finds the first's window
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) l")
                .setParameter(1, "window:" + activity.getId()).getSingleResult();
        if (!em.createNativeQuery("select 1 from opening_window where activity_id = ?1 and period_from <= ?3"
                        + " and period_to >= ?2").setParameter(1, activity.getId()).setParameter(2, s.periodFrom())
                .setParameter(3, s.periodTo()).getResultList().isEmpty()) {
            throw new BookingRefused(Refused.text("booking.window.overlap", activity.getName()));
        }
        OpeningWindow w = new OpeningWindow(activity, s, agent.email());
        em.persist(w);
        em.flush();
        return w.getId();
    }

    /** The commune's windows, newest first, with their requests and seats counted. */
    public List<WindowSummary> windows(SignedInUser agent) {
        StaffRoles.requireAgent(agent);
        List<?> rows = em.createNativeQuery("select w.id, a.name, w.period_from, w.period_to, w.opens_at, w.closes_at,"
                + " w.state, (select count(*) from window_request r where r.window_id = w.id), w.seed,"
                + " (select count(*) from window_wish x join window_request r on r.id = x.request_id where r.window_id = w.id"
                + " and x.outcome = 'PLACED'), (select count(*) from window_wish x join window_request r on r.id = x.request_id"
                + " where r.window_id = w.id and x.outcome = 'WAITING') from opening_window w join activity a"
                + " on a.id = w.activity_id order by w.id desc").getResultList();
        return rows.stream().map(o -> (Object[]) o).map(r -> new WindowSummary(((Number) r[0]).longValue(), (String) r[1],
                date(r[2]), date(r[3]), dateTime(r[4]), dateTime(r[5]), OpeningWindow.State.valueOf((String) r[6]),
                ((Number) r[7]).longValue(), r[8] == null ? null : ((Number) r[8]).longValue(), ((Number) r[9]).longValue(),
                ((Number) r[10]).longValue())).toList();
    }

    /**
     * Closes the window (at once if its closing is still to come: no request is taken afterwards), records the facts
     * of each request and the free seats, draws the seed and allocates.
     *
     * @return the allocation's fingerprint
     */
    public String close(SignedInUser agent, long windowId) {
        StaffRoles.requireAgent(agent);
        OpeningWindow w = locked(windowId);
        if (w.getState() != OpeningWindow.State.OPEN) {
            throw new BookingRefused(Refused.text("booking.window.alreadyClosed"));
        }
        if (now().isBefore(w.getOpensAt())) {
            // no family could ask yet: nothing to allocate (and a window may not close before it opens)
            throw new BookingRefused(Refused.text("booking.window.notOpenYet",
                    fr.portailfamille.problems.Problems.dateTime("format.window.when", w.getOpensAt())));
        }
        w.closeAt(now());
        em.flush();
        store.snapshot(w, settings.billing().settings(), freeSeats(w));
        long seed = Allocation.newSeed();
        w.allocated(seed);
        return allocate(w, agent);
    }

    /**
     * Withdraws a window opened by mistake (the wrong activity, dates or weights), while it still takes requests: gone
     * with its requests, its period bookable first come, first served again, each family that asked mailed. An allocated
     * window is not withdrawn (its result is the families').
     *
     * @return how many families were told
     */
    public int withdraw(SignedInUser agent, long windowId) {
        StaffRoles.requireAgent(agent);
        OpeningWindow w = locked(windowId);
        if (w.getState() != OpeningWindow.State.OPEN) {
            throw new BookingRefused(Refused.text("booking.window.withdrawAllocated"));
        }
        @SuppressWarnings("unchecked")
        List<String> asked = em.createNativeQuery("select distinct f.email from window_request r join family f"
                + " on f.id = r.family_id where r.window_id = ?1 and f.email is not null").setParameter(1, windowId)
                .getResultList();
        String activity = w.getActivity().getName();
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        String period = day.format(w.getPeriodFrom()) + " au " + day.format(w.getPeriodTo());
        // its requests, wishes, runs and adjustments go with it (on delete cascade)
        em.remove(w);
        em.flush();
        for (String email : asked) {
            mails.send(email, "Demande annulée : " + activity, "La fenêtre de demandes de « " + activity + " » du " + period
                    + " a été retirée par le service : votre demande est annulée. Les jours de cette période se réservent"
                    + " comme d'habitude, dans Mon planning.", "/espace/planning.xhtml");
        }
        return asked.size();
    }

    /** Allocates again with the recorded seed and the facts recorded at the closing (adjustments are undone). */
    public String rerun(SignedInUser agent, long windowId) {
        StaffRoles.requireAgent(agent);
        OpeningWindow w = locked(windowId);
        if (w.getState() != OpeningWindow.State.ALLOCATED) {
            throw new BookingRefused(Refused.text("booking.window.rerunPublished"));
        }
        return allocate(w, agent);
    }

    private String allocate(OpeningWindow w, SignedInUser agent) {
        WindowStore.Requests requests = store.requests(w.getId());
        Allocation allocation = Allocation.allocate(w.rules(), store.seats(w.getId()), requests.list(), w.getSeed());
        return store.write(w.getId(), allocation, requests.requestOf(), agent.email());
    }

    /** The fingerprints of the window's allocation runs, oldest first (equal fingerprints: equal allocations). */
    public List<String> runs(SignedInUser agent, long windowId) {
        StaffRoles.requireAgent(agent);
        window(windowId);
        return store.runs(windowId);
    }

    /** A page of the allocation, in the order served, each line with its reason (health criteria for agent-sante only). */
    public List<AllocationLine> preview(SignedInUser agent, long windowId, int offset, int limit) {
        StaffRoles.requireAgent(agent);
        OpeningWindow w = window(windowId);
        requireMayRead(agent, w);
        return store.lines(windowId, null, w.rules(), StaffRoles.mayReadHealth(agent), Math.max(0, offset),
                Math.max(1, Math.min(limit, MAX_LINES)));
    }

    /**
     * Moves one child-day of an allocation not yet published onto a seat ({@code place}) or onto the waiting list,
     * with a reason, written to the window's journal. A seat is given only if the unit-day has one left.
     */
    public void adjust(SignedInUser agent, long wishId, boolean place, String reason) {
        StaffRoles.requireAgent(agent);
        if (reason == null || reason.isBlank()) {
            throw new Refused("reason", Refused.text("booking.window.adjust.reasonRequired"));
        }
        if (reason.length() > 500) {
            throw new Refused("reason", Refused.text("booking.window.adjust.reasonTooLong"));
        }
        List<?> found = em.createNativeQuery("select r.window_id, x.unit_id, x.day, x.outcome from window_wish x join"
                + " window_request r on r.id = x.request_id where x.id = ?1").setParameter(1, wishId).getResultList();
        if (found.isEmpty()) {
            throw new BookingRefused(Refused.text("booking.window.adjust.unknownLine"));
        }
        Object[] wish = (Object[]) found.get(0);
        long windowId = ((Number) wish[0]).longValue();
        OpeningWindow w = locked(windowId);
        requireMayRead(agent, w);
        if (w.getState() != OpeningWindow.State.ALLOCATED) {
            throw new BookingRefused(Refused.text("booking.window.adjust.published"));
        }
        String from = (String) wish[3];
        String to = place ? "PLACED" : "WAITING";
        if (from.equals(to)) {
            throw new BookingRefused(Refused.text(place ? "booking.window.adjust.alreadyPlaced" : "booking.window.adjust.alreadyWaiting"));
        }
        long unitId = ((Number) wish[1]).longValue();
        LocalDate day = date(wish[2]);
        if (place) {
            Number placed = (Number) em.createNativeQuery("select count(*) from window_wish x join window_request r on"
                    + " r.id = x.request_id where r.window_id = ?1 and x.unit_id = ?2 and x.day = ?3 and x.outcome = 'PLACED'")
                    .setParameter(1, windowId).setParameter(2, unitId).setParameter(3, day).getSingleResult();
            Number free = (Number) em.createNativeQuery("select coalesce(max(seats), 0) from window_seat where window_id = ?1"
                    + " and unit_id = ?2 and day = ?3").setParameter(1, windowId).setParameter(2, unitId)
                    .setParameter(3, day).getSingleResult();
            if (placed.intValue() >= free.intValue()) {
                throw new BookingRefused(Refused.text("booking.window.adjust.full"));
            }
            em.createNativeQuery("update window_wish set outcome = 'PLACED', waiting_rank = null, adjusted = true"
                    + " where id = ?1").setParameter(1, wishId).executeUpdate();
        } else {
            em.createNativeQuery("update window_wish set outcome = 'WAITING', adjusted = true, waiting_rank = 1 +"
                    + " (select coalesce(max(x.waiting_rank), 0) from window_wish x join window_request r on r.id = x.request_id"
                    + " where r.window_id = ?2 and x.unit_id = ?3 and x.day = ?4) where id = ?1").setParameter(1, wishId)
                    .setParameter(2, windowId).setParameter(3, unitId).setParameter(4, day).executeUpdate();
        }
        // the waiting list of the unit-day is ranked 1, 2, 3… again, in the order it had
        em.createNativeQuery("update window_wish x set waiting_rank = n.rank from (select y.id, row_number() over"
                + " (order by y.waiting_rank, y.served) as rank from window_wish y join window_request r on r.id = y.request_id"
                + " where r.window_id = ?1 and y.unit_id = ?2 and y.day = ?3 and y.outcome = 'WAITING') n where x.id = n.id")
                .setParameter(1, windowId).setParameter(2, unitId).setParameter(3, day).executeUpdate();
        em.createNativeQuery("insert into window_adjustment (window_id, wish_id, from_outcome, to_outcome, reason, agent)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, windowId).setParameter(2, wishId).setParameter(3, from)
                .setParameter(4, to).setParameter(5, reason.strip()).setParameter(6, agent.email()).executeUpdate();
    }

    /**
     * Publishes the allocation: each child placed is booked through the seat counter (on the waiting list if the seat
     * was taken meanwhile), the others join each unit-day's waiting list in their rank, the activity's days of the
     * period are bookable again first come, first served, and each family is mailed a link to its result.
     *
     * @return the number of children-days booked
     */
    public int publish(SignedInUser agent, long windowId) {
        StaffRoles.requireAgent(agent);
        OpeningWindow w = locked(windowId);
        if (w.getState() != OpeningWindow.State.ALLOCATED) {
            throw new BookingRefused(Refused.text(w.getState() == OpeningWindow.State.PUBLISHED
                    ? "booking.window.alreadyPublished" : "booking.window.closeFirst"));
        }
        // the configuration first, as a family's booking takes it (CommuneSettings.calendarToBookOn): a closure saved
        // meanwhile is waited for, and its ClosedDays sees what this publication books
        settings.calendarToBookOn();
        // the families' porte-monnaie first, by family, before any seat: the order a family's booking takes them in
        // (BookingCharges), so that publishing never holds a seat while waiting for a wallet a booking holds
        for (Object family : em.createNativeQuery("select distinct r.family_id from window_request r where r.window_id = ?1"
                + " order by 1").setParameter(1, windowId).getResultList()) {
            charges.lock(((Number) family).longValue(), w.getActivity());
        }
        int booked = 0;
        for (Object o : em.createNativeQuery("select x.id, x.child_id, x.unit_id, x.day from window_wish x join window_request r"
                + " on r.id = x.request_id where r.window_id = ?1 and x.outcome = 'PLACED' order by x.day, x.unit_id, x.served")
                .setParameter(1, windowId).getResultList()) {
            Object[] r = (Object[]) o;
            WindowBookings.Placement p = bookings.place(((Number) r[1]).longValue(), ((Number) r[2]).longValue(), date(r[3]));
            published(((Number) r[0]).longValue(), p);
            if (p.status() == fr.portailfamille.booking.BookingStatus.BOOKED && p.reason() == null) {
                booked++;
            }
        }
        for (Object o : em.createNativeQuery("select x.id, x.child_id, x.unit_id, x.day from window_wish x join window_request r"
                + " on r.id = x.request_id where r.window_id = ?1 and x.outcome = 'WAITING' order by x.day, x.unit_id,"
                + " x.waiting_rank").setParameter(1, windowId).getResultList()) {
            Object[] r = (Object[]) o;
            published(((Number) r[0]).longValue(), bookings.queue(((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    date(r[3])));
        }
        // a seat the allocation gave but the publication could not (already held, not paid, freed since the close) goes
        // to the children waiting, in their rank, rather than to the first family to book it in Mon planning — siblings
        // together or none where the commune asked it (the seat the allocation left free on purpose stays free)
        for (Object o : em.createNativeQuery("select distinct x.unit_id, x.day from window_wish x join window_request r"
                + " on r.id = x.request_id where r.window_id = ?1 and x.outcome is not null order by x.day, x.unit_id")
                .setParameter(1, windowId).getResultList()) {
            Object[] r = (Object[]) o;
            for (fr.portailfamille.platform.booking.Booking promoted
                    : seats.fill(em.find(ActivityUnit.class, ((Number) r[0]).longValue()), date(r[1]), w.isSiblingsTogether())) {
                booked++;
                em.createNativeQuery("update window_wish x set published_status = 'BOOKED', published_reason = 'PROMOTED'"
                        + " from window_request r where r.id = x.request_id and r.window_id = ?1 and x.child_id = ?2"
                        + " and x.unit_id = ?3 and x.day = ?4").setParameter(1, windowId)
                        .setParameter(2, promoted.getChild().getId()).setParameter(3, promoted.getUnit().getId())
                        .setParameter(4, promoted.getDay()).executeUpdate();
            }
        }
        w.published(agent.email());
        for (Object o : em.createNativeQuery("select distinct f.email from window_request r join family f on f.id = r.family_id"
                + " where r.window_id = ?1 and f.email is not null").setParameter(1, windowId).getResultList()) {
            mails.send((String) o, "Résultat de votre demande : " + w.getActivity().getName(),
                    "Les places de « " + w.getActivity().getName() + " » ont été attribuées. Le résultat de votre demande,"
                            + " jour par jour et avec ses raisons, vous attend sur le portail.",
                    WindowRequests.PAGE + "?fenetre=" + windowId);
        }
        return booked;
    }

    /** Keeps on the wish what its publication made of it (Ma demande shows it when it differs from the allocation). */
    private void published(long wishId, WindowBookings.Placement p) {
        em.createNativeQuery("update window_wish set published_status = ?2, published_reason = ?3 where id = ?1")
                .setParameter(1, wishId).setParameter(2, p.status() == null ? "NONE"
                        : p.status() == fr.portailfamille.booking.BookingStatus.WAITING ? "WAITING" : "BOOKED")
                .setParameter(3, p.reason()).executeUpdate();
    }

    /** The free seats of each unit-day the window's period offers: capacity less the seats already taken. */
    private Map<MonthPlan.UnitDay, Integer> freeSeats(OpeningWindow w) {
        CommuneCalendar cal = settings.calendar();
        List<DateRange> years = settings.schoolYears();
        Map<MonthPlan.UnitDay, Integer> taken = seats.takenOfActivity(w.getActivity().getId(), w.getPeriodFrom(), w.getPeriodTo());
        Map<MonthPlan.UnitDay, Integer> free = new HashMap<>();
        for (ActivityUnit unit : catalog.unitsOf(w.getActivity().getId())) {
            MonthPlan.Unit plan = unit.plan();
            for (LocalDate d = w.getPeriodFrom(); !d.isAfter(w.getPeriodTo()); d = d.plusDays(1)) {
                if (MonthPlan.runsOn(plan, d, cal, years)) {
                    MonthPlan.UnitDay ud = new MonthPlan.UnitDay(unit.getId(), d);
                    free.put(ud, Math.max(0, unit.getCapacity() - taken.getOrDefault(ud, 0)));
                }
            }
        }
        return free;
    }

    /**
     * Whether {@code agent} may read the window's allocation line by line: not when it ranks by a health criterion
     * (handicap ou PAI) and the agent may not read health data — the order, the seats and even "critère confidentiel"
     * would tell which families declared one.
     */
    public boolean mayRead(SignedInUser agent, long windowId) {
        StaffRoles.requireAgent(agent);
        return StaffRoles.mayReadHealth(agent) || !ranksByHealth(window(windowId));
    }

    private static boolean ranksByHealth(OpeningWindow w) {
        return java.util.Arrays.stream(Criterion.values()).anyMatch(c -> c.health() && w.rules().weight(c) > 0);
    }

    private static void requireMayRead(SignedInUser agent, OpeningWindow w) {
        if (!StaffRoles.mayReadHealth(agent) && ranksByHealth(w)) {
            throw new BookingRefused(Refused.text("booking.window.healthRanked"));
        }
    }

    OpeningWindow window(long windowId) {
        return Optional.ofNullable(em.find(OpeningWindow.class, windowId))
                .orElseThrow(() -> new BookingRefused(Refused.text("booking.window.unknown")));
    }

    private OpeningWindow locked(long windowId) {
        return Optional.ofNullable(em.find(OpeningWindow.class, windowId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new BookingRefused(Refused.text("booking.window.unknown")));
    }

    private LocalDateTime now() {
        return PlatformTime.now(clock);
    }

    static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    static LocalDateTime dateTime(Object o) {
        return o instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) o;
    }
}
