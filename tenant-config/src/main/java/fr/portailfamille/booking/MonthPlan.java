package fr.portailfamille.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Mon planning" for one child and one activity, as pure rules: for every day of a month and every
 * unit, its legend state and what the family may do there (book, cancel, signal an absence). The
 * platform reads the seats and the child's bookings, then calls {@link #of}; benchmarks call it too.
 */
public final class MonthPlan {

    private MonthPlan() {
    }

    /** Legend states on which a day without a live booking can be selected for booking. */
    private static final Set<DayState> BOOKABLE = EnumSet.of(DayState.RESERVABLE, DayState.HORS_DELAI_MAJORE,
            DayState.COMPLET, DayState.ANNULE_SANS_FRAIS);

    /**
     * What the planning needs of an activity's unit.
     *
     * @param weekdays days of the week the unit runs
     * @param runsInHolidays the activity also runs during school holidays
     * @param holidayOnly the activity runs during school holidays only (ALSH vacances, séjours)
     * @param start when the unit starts ({@code null} when it has no time): it is bookable only before
     * @param lastDay its activity's last day ({@code null}: it runs on): it does not run after it
     */
    public record Unit(long id, String label, int capacity, Set<DayOfWeek> weekdays, BookingRules rules,
                       boolean runsInHolidays, boolean holidayOnly, LocalTime start, LocalDate lastDay) {

        public Unit {
            weekdays = Set.copyOf(weekdays);
            Objects.requireNonNull(rules, "rules");
        }

        /** A unit of an activity that runs on. */
        public Unit(long id, String label, int capacity, Set<DayOfWeek> weekdays, BookingRules rules,
                    boolean runsInHolidays, boolean holidayOnly, LocalTime start) {
            this(id, label, capacity, weekdays, rules, runsInHolidays, holidayOnly, start, null);
        }

        /** A unit without a start time. */
        public Unit(long id, String label, int capacity, Set<DayOfWeek> weekdays, BookingRules rules,
                    boolean runsInHolidays, boolean holidayOnly) {
            this(id, label, capacity, weekdays, rules, runsInHolidays, holidayOnly, null);
        }

        /** "1,2,4,5" (ISO days) as a set of days. */
        public static Set<DayOfWeek> weekdays(String isoDays) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String d : isoDays.split(",")) {
                if (!d.isBlank()) {
                    days.add(DayOfWeek.of(Integer.parseInt(d.trim())));
                }
            }
            return days;
        }
    }

    /** A unit on a day: the key of seats and bookings. */
    public record UnitDay(long unitId, LocalDate day) {
    }

    /**
     * The child's latest booking of a unit-day.
     *
     * @param reason the service's reason when it refused the booking ({@code null} otherwise)
     * @param pointedAbsence a day the service pointed absent (billed) that the family has not declared and still may
     *                       (within its commune's delay): « Signaler une absence » gives its reason, its certificate
     */
    public record Booking(long id, BookingStatus status, String reason, boolean pointedAbsence) {

        public Booking(long id, BookingStatus status) {
            this(id, status, null);
        }

        public Booking(long id, BookingStatus status, String reason) {
            this(id, status, reason, false);
        }

        /** Booked, booked late, or awaiting validation: it holds a seat. */
        public boolean holdsSeat() {
            return status == BookingStatus.BOOKED || status == BookingStatus.BOOKED_LATE
                    || status == BookingStatus.PENDING_VALIDATION;
        }

        /** Holds a seat or waits for one: it can still be cancelled. */
        public boolean live() {
            return holdsSeat() || status == BookingStatus.WAITING;
        }
    }

    /**
     * One unit of one day.
     *
     * @param bookingId the child's live booking, to cancel it ({@code null} when none)
     * @param freeCancellation the live booking can still be cancelled without charge (so an absence
     *     need not be signalled: it would be billed, a cancellation is not)
     * @param surcharged the child is booked after the deadline, with a surcharge
     * @param reason why the service refused the booking ({@code null} otherwise)
     */
    public record Cell(LocalDate day, long unitId, String unitLabel, DayState state, Long bookingId, boolean bookable,
                       boolean cancellable, boolean absenceAllowed, boolean freeCancellation, boolean surcharged,
                       String reason) {
    }

    /** One day of the month and its units. */
    public record Day(LocalDate day, List<Cell> cells) {

        public Day {
            cells = List.copyOf(cells);
        }
    }

    /**
     * Whether a unit runs on a day: its weekday, not after its activity's last day; for holiday-only activities a
     * school holiday; for school-time activities a day of a school year, when the commune has configured any.
     */
    public static boolean runs(Unit unit, LocalDate day, CommuneCalendar cal, List<DateRange> schoolYears) {
        if (!unit.weekdays().contains(day.getDayOfWeek()) || unit.lastDay() != null && day.isAfter(unit.lastDay())) {
            return false;
        }
        if (unit.holidayOnly()) {
            return cal.isSchoolHoliday(day);
        }
        return unit.runsInHolidays() || schoolYears.isEmpty() || schoolYears.stream().anyMatch(y -> y.contains(day));
    }

    /**
     * Whether the unit actually runs that day under the commune's calendar: {@link #open} (its weekday,
     * its period, not in the school holidays for school-time activities, only in them for holiday
     * ones), and not a public holiday nor a closure. What agents' occupancy counts.
     */
    public static boolean runsOn(Unit unit, LocalDate day, CommuneCalendar cal, List<DateRange> schoolYears) {
        return open(unit, day, cal, schoolYears) && !cal.isPublicHoliday(day) && !cal.isClosed(day);
    }

    /**
     * The days of the week on which at least one of the units runs, Monday first: the columns of the
     * planning (a Wednesday-only activity has one column, not five "Fermé" ones).
     */
    public static List<DayOfWeek> weekdays(List<Unit> units) {
        Set<DayOfWeek> days = new TreeSet<>();
        units.forEach(u -> days.addAll(u.weekdays()));
        return List.copyOf(days);
    }

    /**
     * Whether a booking of the unit can be taken that day as far as the calendar goes: it runs
     * ({@link #runs}) and, for a school-time activity, the day is not in the school holidays (public
     * holidays and closures are the rules' own business, {@link BookingRules#decideBooking}).
     */
    public static boolean open(Unit unit, LocalDate day, CommuneCalendar cal, List<DateRange> schoolYears) {
        return runs(unit, day, cal, schoolYears)
                && (unit.runsInHolidays() || unit.holidayOnly() || !cal.isSchoolHoliday(day));
    }

    /**
     * The month: each unit-day gets its {@link LegendState} (from the rules, the calendar, the seats
     * taken and the child's booking) and whether it can be booked (no live booking and a state that
     * accepts one, the waiting list included, the unit not started yet), cancelled (a live booking, not
     * in the past; {@link Cell#freeCancellation()} when without charge) or signalled absent (a booked
     * day, not in the past; a day the service pointed absent that the family may still declare).
     *
     * @param seats seats taken by unit-day (missing: none)
     * @param latest the child's latest booking by unit-day
     */
    public static List<Day> of(List<Unit> units, YearMonth month, Map<UnitDay, Integer> seats,
                               Map<UnitDay, Booking> latest, CommuneCalendar cal, List<DateRange> schoolYears,
                               LocalDateTime now) {
        return of(units, month, seats, latest, cal, schoolYears, now, Set.of());
    }

    /**
     * As {@link #of(List, YearMonth, Map, Map, CommuneCalendar, List, LocalDateTime)}, for an activity some of whose
     * days belong to an opening window not yet published: such a day, without a live booking of the child and in a
     * state that would accept one, is {@link DayState#SUR_DEMANDE} and cannot be booked (its seats go by the window's
     * allocation); a live booking, a closed day, a holiday keep their own state.
     *
     * @param windowDays the days of the activity's unpublished opening windows
     */
    public static List<Day> of(List<Unit> units, YearMonth month, Map<UnitDay, Integer> seats,
                               Map<UnitDay, Booking> latest, CommuneCalendar cal, List<DateRange> schoolYears,
                               LocalDateTime now, Set<LocalDate> windowDays) {
        List<Day> days = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            List<Cell> cells = new ArrayList<>(units.size());
            for (Unit u : units) {
                UnitDay key = new UnitDay(u.id(), day);
                Booking b = latest.get(key);
                BookingStatus status = b == null ? null : b.status();
                DayState state = LegendState.of(day, now, cal, u.rules(), u.runsInHolidays() || u.holidayOnly(),
                        runs(u, day, cal, schoolYears), u.start(), status, seats.getOrDefault(key, 0), u.capacity());
                boolean live = b != null && b.live();
                if (!live && BOOKABLE.contains(state) && windowDays.contains(day)) {
                    state = DayState.SUR_DEMANDE;
                }
                boolean cancellable = live && !day.isBefore(now.toLocalDate());
                boolean pointed = b != null && status == BookingStatus.ABSENT_BILLED && b.pointedAbsence();
                boolean absence = cancellable && (status == BookingStatus.BOOKED || status == BookingStatus.BOOKED_LATE)
                        || pointed;
                // a request not granted (waiting list, awaiting validation) is withdrawn free whatever the deadline
                boolean free = cancellable && AbsenceRules.withdrawal(u.rules().decideCancellation(now, day, cal, u.start()),
                        status).outcome() == CancellationDecision.Outcome.FREE;
                // a day cancelled free shows so, and is booked again only where a booking would be taken now (not a past
                // day, not a unit already started, not past a refusing deadline)
                boolean bookable = !live && BOOKABLE.contains(state) && (state != DayState.ANNULE_SANS_FRAIS
                        || u.rules().decideBooking(now, day, u.start(), cal, true, seats.getOrDefault(key, 0), u.capacity())
                        .outcome() != BookingDecision.Outcome.REFUSED);
                cells.add(new Cell(day, u.id(), u.label(), state, live || pointed ? b.id() : null, bookable,
                        cancellable, absence, free, status == BookingStatus.BOOKED_LATE,
                        status == BookingStatus.REFUSED ? b.reason() : null));
            }
            days.add(new Day(day, cells));
        }
        return days;
    }
}
