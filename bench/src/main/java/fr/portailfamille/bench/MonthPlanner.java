package fr.portailfamille.bench;

import fr.portailfamille.booking.BookingRules;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.booking.CommuneCalendar;
import fr.portailfamille.booking.DateRange;
import fr.portailfamille.booking.DeadlineCodec;
import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.booking.MonthPlan;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The in-memory part of "Mon planning" as {@code PlanningService#planning} runs it after its two
 * database reads: each unit's {@code ActivityUnit#plan()} (deadlines parsed, weekdays read) then
 * {@link MonthPlan#of}, the rules the platform itself uses (tenant-config). The fixtures below stand
 * for the rows the service reads (units, seats, the child's bookings, the commune's calendar).
 */
public final class MonthPlanner {

    private MonthPlanner() {
    }

    /** A unit row with its activity's columns, as {@code ActivityUnit} and {@code Activity} hold them. */
    public record UnitRow(long id, String label, int capacity, String weekdays, String type, String bookingDeadline,
                          String cancellationDeadline, String latePolicy, boolean needsValidation, boolean runsInHolidays) {

        /** As {@code ActivityUnit#plan()}: deadlines parsed and weekdays read on every planning. */
        public MonthPlan.Unit plan() {
            return new MonthPlan.Unit(id, label, capacity, MonthPlan.Unit.weekdays(weekdays),
                    new BookingRules(DeadlineCodec.parse(bookingDeadline), DeadlineCodec.parse(cancellationDeadline),
                            LatePolicy.valueOf(latePolicy), needsValidation),
                    runsInHolidays, fr.portailfamille.configuration.CommuneConfiguration.ActivityType.holidayOnly(type));
        }
    }

    /** As {@code PlanningService#planning} once the rows are read. */
    public static List<MonthPlan.Day> planning(List<UnitRow> units, YearMonth month, Map<MonthPlan.UnitDay, Integer> seats,
                                               Map<MonthPlan.UnitDay, MonthPlan.Booking> latest, CommuneCalendar cal,
                                               List<DateRange> years, LocalDateTime now) {
        return MonthPlan.of(units.stream().map(UnitRow::plan).toList(), month, seats, latest, cal, years, now);
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
    public static List<UnitRow> periscolaire() {
        return List.of(row(11, "Matin", 30, "1,2,3,4,5"), row(12, "Midi", 120, "1,2,4,5"), row(13, "Soir", 25, "1,2,4,5"));
    }

    private static UnitRow row(long id, String label, int capacity, String weekdays) {
        return new UnitRow(id, label, capacity, weekdays, "PERISCOLAIRE", "JO-2@10:00", "J-2@23:59", "SURCHARGED", false, false);
    }

    /** Seats of the month: some unit-days full (COMPLET), others partly booked. */
    public static Map<MonthPlan.UnitDay, Integer> seats(List<UnitRow> units, YearMonth month, long seed) {
        Random r = new Random(seed);
        Map<MonthPlan.UnitDay, Integer> seats = new HashMap<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            for (UnitRow u : units) {
                seats.put(new MonthPlan.UnitDay(u.id(), d), r.nextInt(5) == 0 ? u.capacity() : r.nextInt(u.capacity()));
            }
        }
        return seats;
    }

    /** One child's bookings of the month: about half of the cells, mixed statuses. */
    public static Map<MonthPlan.UnitDay, MonthPlan.Booking> childBookings(List<UnitRow> units, YearMonth month, long seed) {
        Random r = new Random(seed);
        BookingStatus[] statuses = {BookingStatus.BOOKED, BookingStatus.BOOKED, BookingStatus.BOOKED,
                BookingStatus.BOOKED_LATE, BookingStatus.WAITING, BookingStatus.CANCELLED_FREE};
        Map<MonthPlan.UnitDay, MonthPlan.Booking> latest = new HashMap<>();
        long id = seed * 1000;
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            for (UnitRow u : units) {
                if (r.nextBoolean()) {
                    latest.put(new MonthPlan.UnitDay(u.id(), d), new MonthPlan.Booking(++id, statuses[r.nextInt(statuses.length)]));
                }
            }
        }
        return latest;
    }
}
