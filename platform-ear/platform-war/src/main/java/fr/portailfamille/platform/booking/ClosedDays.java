package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.booking.CommuneCalendar;
import fr.portailfamille.booking.DateRange;
import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.platform.configuration.BookingsUndone;
import fr.portailfamille.platform.configuration.ClosuresAdded;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.configuration.ScheduleChanged;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Days the commune closes after families booked them (a closure added in Calendrier or by a configuration file): in
 * the closure's own transaction, each booking of those days that the day would have billed or held — booked, booked
 * late, awaiting validation, on the waiting list, absent billed or awaiting its certificate's review — and that no
 * invoice has billed yet is cancelled free ({@link BookingStatus#CANCELLED_FREE}: "a day the accueil is closed is never
 * billed", {@code BookingRules}), its porte-monnaie debit given back, the unit-day's seats counted again with no one
 * promoted, and each family told once. A day attended ({@link BookingStatus#PRESENT}) stays as the staff recorded it;
 * a day already invoiced stays on its invoice (a credit note is the régisseur's decision). The same for the days from
 * today on that a save made stop running (a unit's weekday removed, holidays moved: {@code ScheduleChanged}).
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class ClosedDays {

    /** The statuses a closed day undoes. */
    static final List<BookingStatus> UNDONE = List.of(BookingStatus.BOOKED, BookingStatus.BOOKED_LATE,
            BookingStatus.PENDING_VALIDATION, BookingStatus.WAITING, BookingStatus.ABSENT_BILLED,
            BookingStatus.ABSENT_PENDING);

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry registry;

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    BookingCharges charges;

    @Inject
    SeatCounter seats;

    @Inject
    BookingMails mails;

    @Inject
    CommuneSettings settings;

    @Inject
    MonthsBeingInvoiced months;

    /** The ids of the bookings of {@code day} that closing it undoes. */
    private List<Number> undoneOn(LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select b.id from booking b where b.day = ?1 and b.status in ("
                        + UNDONE.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")"
                        + " and not " + BilledDays.billed("b.child_id", "b.unit_id", "?2", "?3"))
                .setParameter(1, day).setParameter(2, day.withDayOfMonth(1)).setParameter(3, day.getDayOfMonth())
                .getResultList();
        return ids;
    }

    /** How many bookings of {@code day} that closing it would undo an invoice has already billed. */
    private int billedOn(LocalDate day) {
        return ((Number) em.createNativeQuery("select count(*) from booking b where b.day = ?1 and b.status in ("
                        + UNDONE.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")"
                        + " and " + BilledDays.billed("b.child_id", "b.unit_id", "?2", "?3"))
                .setParameter(1, day).setParameter(2, day.withDayOfMonth(1)).setParameter(3, day.getDayOfMonth())
                .getSingleResult()).intValue();
    }

    void closed(@Observes ClosuresAdded added) {
        List<Booking> undone = new ArrayList<>();
        int billed = 0;
        for (LocalDate day : new TreeMap<>(added.days()).keySet()) {
            undone.addAll(bookings(undoneOn(day)));
            billed += billedOn(day);
        }
        // those an invoice already billed stay on it: told to the agent first (a credit note is the régie's to decide)
        BookingsUndone.addBilled(registry, billed);
        cancel(undone, added.days());
    }

    /**
     * A save that changed when the accueils run: each booking from today on that a closed day would undo, on a unit-day
     * that no longer runs under the saved calendar and units ({@link MonthPlan#runsOn}) and has not begun yet, is undone
     * as on a closed day.
     */
    void scheduleChanged(@Observes ScheduleChanged changed) {
        LocalDate today = PlatformTime.today();
        CommuneCalendar cal = settings.calendar();
        List<DateRange> schoolYears = settings.schoolYears();
        Map<Long, MonthPlan.Unit> plans = new java.util.HashMap<>();
        List<Long> gone = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> live = em.createNativeQuery("select b.id, b.unit_id, b.day from booking b where b.day >= ?1"
                        + " and b.status in (" + UNDONE.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "))
                        + ")").setParameter(1, today).getResultList();
        for (Object[] r : live) {
            long unitId = ((Number) r[1]).longValue();
            LocalDate day = r[2] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[2];
            MonthPlan.Unit plan = plans.computeIfAbsent(unitId, id -> em.find(ActivityUnit.class, id).plan());
            // today's units already begun ran as booked: the change applies from the next ones (a weekday removed at 16:00
            // does not give back the morning the child attended, nor mail its family that it was closed)
            if (!MonthPlan.runsOn(plan, day, cal, schoolYears) && !seats.started(em.find(ActivityUnit.class, unitId), day)) {
                gone.add(((Number) r[0]).longValue());
            }
        }
        if (gone.isEmpty()) {
            return;
        }
        List<Booking> undone = bookings(gone);
        Map<LocalDate, String> labels = new LinkedHashMap<>();
        undone.forEach(b -> labels.put(b.getDay(), NO_LONGER_RUNS));
        cancel(undone, labels);
    }

    /** Why a booking was undone, kept with it: "Accueil fermé : Grève", or the day no longer runs. */
    static String reason(String label) {
        if (label == null) {
            return CLOSED;
        }
        return NO_LONGER_RUNS.equals(label) ? NO_LONGER_RUNS_REASON : CLOSED + " : " + label;
    }

    /** The stored reason of a day closed, before the closure's own label (the commune's words, kept as typed). */
    static final String CLOSED = "Accueil fermé";
    /** The stored reason of a day that no longer runs (a weekday removed, a period changed). */
    static final String NO_LONGER_RUNS_REASON = "L'accueil ne fonctionne plus ce jour-là (calendrier modifié)";

    /**
     * A stored reason in the page's language ({@code words}: a key of the pages' bundle → its text): the nightly job's
     * ({@link ExpiredRequests#wordOf}) and a closure's own words, the commune's label after them as typed; an agent's
     * reason as written.
     */
    public static String inWords(String stored, java.util.function.UnaryOperator<String> words) {
        if (stored == null) {
            return null;
        }
        String word = ExpiredRequests.wordOf(stored);
        if (word != null) {
            return words.apply(word);
        }
        if (NO_LONGER_RUNS_REASON.equals(stored)) {
            return words.apply("requests.reason.noLongerRuns");
        }
        return stored.startsWith(CLOSED) ? words.apply("requests.reason.closed") + stored.substring(CLOSED.length()) : stored;
    }

    /** What the families' mail says of a day that no longer runs. */
    static final String NO_LONGER_RUNS = "l'accueil ne fonctionne plus ce jour-là (calendrier modifié)";

    /** The bookings of {@code ids}, with what {@link #cancel} reads of them; a thousand ids a query (bind limits). */
    private List<Booking> bookings(List<? extends Number> ids) {
        List<Booking> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            found.addAll(em.createQuery("select b from Booking b join fetch b.child c join fetch c.family"
                            + " join fetch b.unit u join fetch u.activity where b.id in :ids", Booking.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000)).stream()
                            .map(Number::longValue).toList()).getResultList());
        }
        return found;
    }

    /** Cancels {@code undone} free, gives back what they took, counts their unit-days' seats again, tells each family once. */
    private void cancel(List<Booking> undone, Map<LocalDate, String> labels) {
        if (undone.isEmpty()) {
            return;
        }
        // a month being invoiced bills the days its run read when it started: a day closed meanwhile would be told to the
        // family « non facturé » and billed all the same (as a pointage or a certificate meanwhile, refused)
        java.util.Set<String> judged = new java.util.HashSet<>(); // once per activity and day: one régie, one month
        for (Booking b : undone) {
            if (!judged.add(b.getUnit().getActivity().getId() + "@" + b.getDay())) {
                continue;
            }
            try {
                months.refuseWhileInvoiced(b);
            } catch (BookingRefused e) {
                throw new fr.portailfamille.configuration.ConfigurationException(List.of(new fr.portailfamille.problems
                        .FieldError("", Refused.text("configuration.closure.invoicing", DAY.format(b.getDay()),
                        b.getUnit().getActivity().getName()))));
            }
        }
        // told to a trial save (ConfigurationService.bookingsUndoneBy: the agent confirms before they are undone)
        BookingsUndone.add(registry, undone.size());
        // locks in the booking services' order: what pays (by family), then the seat counters (by unit and day)
        undone.sort(Comparator.comparing((Booking b) -> b.getChild().getFamily().getId())
                .thenComparing(b -> b.getUnit().getId()).thenComparing(Booking::getDay).thenComparing(Booking::getId));
        undone.forEach(b -> charges.lock(b.getChild().getFamily().getId(), b.getUnit().getActivity()));
        // by day, then unit: the order every caller takes seat locks in (PlanningService), so that a closure and a
        // family's selection never wait for each other's locks
        Set<ActivityUnitDay> unitDays = new java.util.LinkedHashSet<>();
        undone.stream().sorted(Comparator.comparing(Booking::getDay).thenComparing((Booking b) -> b.getUnit().getId()))
                .forEach(b -> unitDays.add(new ActivityUnitDay(b.getUnit(), b.getDay())));
        unitDays.forEach(u -> seats.lock(u.unit(), u.day()));
        Map<Long, List<Booking>> byFamily = new LinkedHashMap<>();
        for (Booking b : undone) {
            b.closed(reason(labels.get(b.getDay())));
            charges.statusChanged(b);
            byFamily.computeIfAbsent(b.getChild().getFamily().getId(), f -> new ArrayList<>()).add(b);
        }
        em.flush();
        for (ActivityUnitDay u : unitDays) {
            long held = em.createQuery("select count(b) from Booking b where b.unit = :u and b.day = :d"
                            + " and b.status in :held", Long.class)
                    .setParameter("u", u.unit()).setParameter("d", u.day()).setParameter("held", Booking.SEAT_HOLDING)
                    .getSingleResult();
            seats.recount(u.unit(), u.day(), Math.toIntExact(held));
        }
        byFamily.values().forEach(bookings -> mails.closed(bookings, labels));
    }

    private record ActivityUnitDay(ActivityUnit unit, LocalDate day) {
    }
}
