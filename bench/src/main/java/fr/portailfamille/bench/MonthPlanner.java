package fr.portailfamille.bench;

import fr.portailfamille.booking.BookingRules;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.booking.CommuneCalendar;
import fr.portailfamille.booking.DateRange;
import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.DeadlineCodec;
import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.booking.LegendState;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The in-memory part of "Mon planning", copied from
 * {@code platform-war/.../booking/BookingService#planning} without the two database reads: the same
 * loop over the days and units, the same {@code a.rules()} (two {@link DeadlineCodec#parse} per cell,
 * as {@code Activity#rules()} does), the same {@code u.runsOn(day)} (splitting the weekdays string)
 * and the same cells. The platform-war classes cannot be used here (a WAR, Jakarta EE provided), so
 * {@link Activity}, {@link Unit}, {@link Cell} and {@link Day} mirror {@code Activity},
 * {@code ActivityUnit}, {@code PlanningCell} and {@code PlanningDay} field for field.
 * Mirrors the work-tree version of 2026-11-22 (school years, holiday-only activities, calendar from
 * {@code CommuneSettings}). Keep this class in step with {@code BookingService#planning} when that changes.
 */
public final class MonthPlanner {

    private MonthPlanner() {
    }

    /** Mirror of {@code Activity} (the fields the planning reads). */
    public record Activity(long id, String type, String bookingDeadline, String cancellationDeadline, String latePolicy,
                           boolean needsValidation, boolean runsInHolidays) {
        /** As {@code Activity#rules()}: parsed on every call. */
        public BookingRules rules() {
            return new BookingRules(DeadlineCodec.parse(bookingDeadline), DeadlineCodec.parse(cancellationDeadline),
                    LatePolicy.valueOf(latePolicy), needsValidation);
        }

        /** As {@code Activity#isHolidayOnly()}. */
        public boolean isHolidayOnly() {
            return "ALSH_VACANCES".equals(type) || "SEJOUR".equals(type);
        }
    }

    /** Mirror of {@code ActivityUnit}. */
    public record Unit(long id, Activity activity, String label, int capacity, String weekdays) {
        /** As {@code ActivityUnit#runsOn}. */
        public boolean runsOn(LocalDate day) {
            return Arrays.stream(weekdays.split(",")).map(String::trim)
                    .anyMatch(d -> Integer.parseInt(d) == day.getDayOfWeek().getValue());
        }
    }

    /** The child's booking of a unit-day (id and status are what the planning reads). */
    public record Booking(long id, BookingStatus status) {
        boolean holdsSeat() {
            return status == BookingStatus.BOOKED || status == BookingStatus.BOOKED_LATE
                    || status == BookingStatus.PENDING_VALIDATION;
        }
    }

    /** Mirror of {@code PlanningCell} (a class, as in the WAR, not a record). */
    public static final class Cell {
        final LocalDate day;
        final long unitId;
        final String unitLabel;
        final DayState state;
        final Long bookingId;
        final boolean bookable;
        final boolean cancellable;
        final boolean absenceAllowed;

        Cell(LocalDate day, long unitId, String unitLabel, DayState state, Long bookingId, boolean bookable,
             boolean cancellable, boolean absenceAllowed) {
            this.day = day;
            this.unitId = unitId;
            this.unitLabel = unitLabel;
            this.state = state;
            this.bookingId = bookingId;
            this.bookable = bookable;
            this.cancellable = cancellable;
            this.absenceAllowed = absenceAllowed;
        }

        public DayState state() {
            return state;
        }
    }

    /** Mirror of {@code PlanningDay}. */
    public static final class Day {
        final LocalDate day;
        final List<Cell> cells;

        Day(LocalDate day, List<Cell> cells) {
            this.day = day;
            this.cells = List.copyOf(cells);
        }

        public List<Cell> cells() {
            return cells;
        }
    }

    /**
     * The loop of {@code BookingService#planning} after its two queries.
     *
     * @param seats booked seats by {@code unitId|day} (the unit_day rows of the month)
     * @param latest the child's latest booking by {@code unitId|day}
     */
    public static List<Day> planning(List<Unit> units, YearMonth month, Map<String, Integer> seats,
                                     Map<String, Booking> latest, CommuneCalendar cal, List<DateRange> years,
                                     LocalDateTime now) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            List<Cell> cells = new ArrayList<>();
            for (Unit u : units) {
                String key = u.id() + "|" + day;
                Booking b = latest.get(key);
                BookingStatus status = b == null ? null : b.status();
                Activity a = u.activity();
                DayState state = LegendState.of(day, now, cal, a.rules(), a.runsInHolidays() || a.isHolidayOnly(),
                        runs(u, day, cal, years), status,
                        seats.getOrDefault(key, 0), u.capacity());
                boolean live = b != null && (b.holdsSeat() || status == BookingStatus.WAITING);
                boolean bookable = !live && EnumSet.of(DayState.RESERVABLE, DayState.HORS_DELAI_MAJORE, DayState.COMPLET,
                        DayState.ANNULE_SANS_FRAIS).contains(state);
                boolean cancellable = live && !day.isBefore(now.toLocalDate());
                boolean absence = cancellable && (status == BookingStatus.BOOKED || status == BookingStatus.BOOKED_LATE);
                cells.add(new Cell(day, u.id(), u.label(), state, live ? b.id() : null, bookable, cancellable, absence));
            }
            days.add(new Day(day, cells));
        }
        return days;
    }

    /** As {@code BookingService#runs}: weekday, then holiday-only activities, then configured school years. */
    static boolean runs(Unit unit, LocalDate day, CommuneCalendar cal, List<DateRange> schoolYears) {
        if (!unit.runsOn(day)) {
            return false;
        }
        Activity a = unit.activity();
        if (a.isHolidayOnly()) {
            return cal.isSchoolHoliday(day);
        }
        return a.runsInHolidays() || schoolYears.isEmpty() || schoolYears.stream().anyMatch(y -> y.contains(day));
    }

    /** The commune's closures (table {@code closure}). */
    public static final Set<LocalDate> CLOSURES = Set.of(LocalDate.of(2026, 11, 10), LocalDate.of(2027, 5, 7));
    /** The commune's school holidays, zone A 2026-2027 (table {@code calendar_period}, kind VACANCES). */
    public static final List<DateRange> SCHOOL_HOLIDAYS = List.of(
            new DateRange(LocalDate.of(2026, 10, 17), LocalDate.of(2026, 11, 1), "Toussaint"),
            new DateRange(LocalDate.of(2026, 12, 19), LocalDate.of(2027, 1, 3), "Noël"),
            new DateRange(LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 21), "Hiver"),
            new DateRange(LocalDate.of(2027, 4, 3), LocalDate.of(2027, 4, 18), "Printemps"),
            new DateRange(LocalDate.of(2027, 7, 3), LocalDate.of(2027, 8, 31), "Été"));
    /** The commune's school years (table {@code calendar_period}, kind ANNEE_SCOLAIRE). */
    public static final List<DateRange> SCHOOL_YEARS = List.of(
            new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 7, 3), "2025-2026"),
            new DateRange(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 7, 2), "2026-2027"));

    /**
     * As {@code CommuneSettings#calendar()}, which the service calls on every request: French public
     * holidays from last year to two years ahead (computed each time), closures and school holidays
     * (read from the commune's tables: given here).
     */
    public static CommuneCalendar calendar(LocalDateTime now) {
        int year = now.getYear();
        return CommuneCalendar.french(year - 1, year + 2, CLOSURES, SCHOOL_HOLIDAYS);
    }

    /** The fixed "now" of every bench: Sunday 22 November 2026, 10:00 (reproducible states). */
    public static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 10, 0);
    /** The month shown: December 2026 (a public holiday, school holidays from the 19th, weekends). */
    public static final YearMonth MONTH = YearMonth.of(2026, 12);

    /** Périscolaire with three units (MATIN, MIDI, SOIR), working-day booking deadline, late bookings surcharged. */
    public static List<Unit> periscolaire() {
        Activity a = new Activity(1, "PERISCOLAIRE", "JO-2@10:00", "J-2@23:59", "SURCHARGED", false, false);
        return List.of(new Unit(11, a, "Matin", 30, "1,2,3,4,5"),
                new Unit(12, a, "Midi", 120, "1,2,4,5"),
                new Unit(13, a, "Soir", 25, "1,2,4,5"));
    }

    /** Seats of the month: some unit-days full (COMPLET), others partly booked. */
    public static Map<String, Integer> seats(List<Unit> units, YearMonth month, long seed) {
        Random r = new Random(seed);
        Map<String, Integer> seats = new HashMap<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            for (Unit u : units) {
                seats.put(u.id() + "|" + d, r.nextInt(5) == 0 ? u.capacity() : r.nextInt(u.capacity()));
            }
        }
        return seats;
    }

    /** One child's bookings of the month: about half of the cells, mixed statuses. */
    public static Map<String, Booking> childBookings(List<Unit> units, YearMonth month, long seed) {
        Random r = new Random(seed);
        BookingStatus[] statuses = {BookingStatus.BOOKED, BookingStatus.BOOKED, BookingStatus.BOOKED,
                BookingStatus.BOOKED_LATE, BookingStatus.WAITING, BookingStatus.CANCELLED_FREE};
        Map<String, Booking> latest = new HashMap<>();
        long id = seed * 1000;
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            for (Unit u : units) {
                if (r.nextBoolean()) {
                    latest.put(u.id() + "|" + d, new Booking(++id, statuses[r.nextInt(statuses.length)]));
                }
            }
        }
        return latest;
    }
}
