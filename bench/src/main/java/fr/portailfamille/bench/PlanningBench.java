package fr.portailfamille.bench;

import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.booking.BookingDecision;
import fr.portailfamille.booking.BookingRules;
import fr.portailfamille.booking.CommuneCalendar;
import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.Deadline;
import fr.portailfamille.booking.DeadlineCodec;
import fr.portailfamille.booking.LegendState;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * "Mon planning" without the database: one child, one activity (3 units), one month (31 days), i.e.
 * 93 {@link LegendState#of} with 186 {@link DeadlineCodec#parse} and the {@link BookingRules#decideBooking}
 * they call, as {@code PlanningService#planning} runs them (see {@link MonthPlanner}); plus the three
 * rules alone. Iterations are kept short so that the whole of {@code bench/run} stays under 3 minutes.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class PlanningBench {

    List<MonthPlanner.UnitRow> units;
    Map<MonthPlan.UnitDay, Integer> seats;
    Map<MonthPlan.UnitDay, MonthPlan.Booking> bookings;
    CommuneCalendar calendar;
    BookingRules rules;
    LocalDateTime now;
    LocalDate openDay;
    LocalDate lateDay;

    @Setup
    public void setUp() {
        now = MonthPlanner.NOW;
        units = MonthPlanner.periscolaire();
        seats = MonthPlanner.seats(units, MonthPlanner.MONTH, 42);
        bookings = MonthPlanner.childBookings(units, MonthPlanner.MONTH, 7);
        calendar = MonthPlanner.calendar(now);
        rules = units.get(0).plan().rules();
        openDay = LocalDate.of(2026, 12, 8);   // Tuesday, on time
        lateDay = LocalDate.of(2026, 11, 24);  // Tuesday, booking deadline (JO-2) passed: surcharged
    }

    /** The whole month as the service does it, the calendar (4 years of French holidays) built per request. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<MonthPlan.Day> monthAsService() {
        return MonthPlanner.planning(units, MonthPlanner.MONTH, seats, bookings, MonthPlanner.calendar(now),
                MonthPlanner.SCHOOL_YEARS, now);
    }

    /** The whole month with the commune calendar built once (what caching it would give). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<MonthPlan.Day> monthCalendarCached() {
        return MonthPlanner.planning(units, MonthPlanner.MONTH, seats, bookings, calendar, MonthPlanner.SCHOOL_YEARS, now);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Measurement(iterations = 5, time = 1)
    public DayState legendStateOne() {
        return LegendState.of(openDay, now, calendar, rules, false, true, null, 10, 30);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Measurement(iterations = 5, time = 1)
    public Deadline deadlineParse() {
        return DeadlineCodec.parse("JO-2@10:00");
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Measurement(iterations = 5, time = 1)
    public BookingDecision decideBookingLate() {
        return rules.decideBooking(now, lateDay, calendar, true, 10, 30);
    }
}
