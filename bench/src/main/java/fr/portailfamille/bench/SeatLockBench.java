package fr.portailfamille.bench;

import fr.portailfamille.booking.BookingDecision;
import fr.portailfamille.booking.BookingRules;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.booking.CommuneCalendar;
import fr.portailfamille.booking.DeadlineCodec;
import fr.portailfamille.booking.LatePolicy;
import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.booking.SeatLedger;
import fr.portailfamille.tenancy.TenantMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Bench 2: the seat lock of {@code PlanningService#bookOne} on real PostgreSQL (zonky embedded, random
 * port, 127.0.0.1 only), schema migrated by {@link TenantMigrator}. Each booking is one transaction
 * with the service's steps: the platform's own {@link SeatLedger#lock} ({@code insert into unit_day ...
 * on conflict do nothing}, {@code select booked ... for update}), {@link BookingRules#decideBooking},
 * {@code insert into booking}, {@link SeatLedger#take} (when the booking holds a seat), commit.
 * <ol>
 *   <li>race: 16 threads × 10 children on the last 5 seats of a unit-day (capacity 30, 25 taken), 20
 *       unit-days: exactly 5 more seats taken per unit-day, the others on the waiting list;</li>
 *   <li>throughput: 16 threads booking distinct children on ONE unit-day (every booking takes a seat,
 *       so every transaction waits for the same row lock) for a fixed time.</li>
 * </ol>
 * What it leaves out: the service's reads before the lock (family file, child, unit, live-booking
 * check) and EclipseLink's overhead, so the throughput is that of the lock and its writes.
 */
public final class SeatLockBench {

    static final String SCHEMA = "commune_bench";
    static final int THREADS = Integer.getInteger("bench.threads", 16);
    static final int RACE_DAYS = 20;
    static final int RACE_CAPACITY = 30;
    static final int RACE_TAKEN = 25;
    static final int RACE_PER_THREAD = 10;
    static final int WARMUP_S = Integer.getInteger("bench.warmup", 2);
    static final int MEASURE_S = Integer.getInteger("bench.seconds", 10);
    static final int CHILDREN = 100_000;
    static final double TARGET_PER_S = 200;
    static final LocalDateTime NOW = MonthPlanner.NOW;
    static final CommuneCalendar CAL = MonthPlanner.calendar(NOW);

    /** Flyway logs each migration through java.util.logging: kept quiet (held so the level sticks). */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    public static void main(String[] args) throws Exception {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        Report r = new Report(args, "2-seat-lock");
        BenchPostgres.run(pg -> run(pg, r));
        r.write();
    }

    private static void run(EmbeddedPostgres pg, Report r) throws Exception {
        PGSimpleDataSource admin = dataSource(pg.getPort(), null);
        long t0 = System.nanoTime();
        TenantMigrator migrator = new TenantMigrator(admin);
        migrator.migratePlatform();
        migrator.migrateCommune(SCHEMA);
        double migrateS = (System.nanoTime() - t0) / 1e9;
        PGSimpleDataSource ds = dataSource(pg.getPort(), SCHEMA);

        String settings;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            seed(st);
            settings = show(st, "server_version") + ", fsync=" + show(st, "fsync") + ", synchronous_commit="
                    + show(st, "synchronous_commit") + ", shared_buffers=" + show(st, "shared_buffers")
                    + ", isolation=" + show(st, "default_transaction_isolation");
        }

        r.line("## 2. Seat lock: concurrent bookers on one unit-day (PostgreSQL)");
        r.line("");
        r.line("What: `PlanningService#bookOne`'s steps in one transaction per booking, by " + THREADS
                + " threads with one JDBC connection each (plain pgjdbc, prepared statements, autocommit off): the platform's"
                + " `SeatLedger.lock` (`insert into unit_day … on conflict do nothing`, `select booked … for update`),"
                + " `BookingRules.decideBooking`, `insert into booking`, `SeatLedger.take` when the booking holds a seat,"
                + " commit. Schema"
                + " `" + SCHEMA + "` migrated by `TenantMigrator` (" + Report.f("%.1f", migrateS) + " s). Not included: the"
                + " service's reads before the lock and EclipseLink, so this is the lock's own ceiling.");
        r.line("");
        r.line("PostgreSQL (zonky embedded, 127.0.0.1, random port " + pg.getPort() + ", same 2 cores as the JVM): " + settings + ".");
        r.line("");

        // --- race on the last seats -------------------------------------------------------------
        long unitRace = unitId(ds, "RACE");
        int nextChild = 1;
        int oversold = 0;
        int counterMismatch = 0;
        int seatsTakenTotal = 0;
        int waitingTotal = 0;
        int errors = 0;
        long raceStart = System.nanoTime();
        LocalDate day = LocalDate.of(2027, 1, 1);   // school days of January 2027 (after the Christmas holidays)
        for (int d = 0; d < RACE_DAYS; d++) {
            do {
                day = day.plusDays(1);
            } while (day.getDayOfWeek().getValue() > 5);
            prefill(ds, unitRace, day, nextChild, RACE_TAKEN);
            nextChild += RACE_TAKEN;
            int first = nextChild;
            nextChild += THREADS * RACE_PER_THREAD;
            RoundResult rr = race(ds, unitRace, day, first);
            errors += rr.errors;
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "select (select booked from unit_day where unit_id = ? and day = ?),"
                            + " count(*) filter (where status in ('BOOKED','BOOKED_LATE','PENDING_VALIDATION')),"
                            + " count(*) filter (where status = 'WAITING') from booking where unit_id = ? and day = ?")) {
                ps.setLong(1, unitRace);
                ps.setObject(2, day);
                ps.setLong(3, unitRace);
                ps.setObject(4, day);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int counter = rs.getInt(1);
                    int held = rs.getInt(2);
                    int waiting = rs.getInt(3);
                    oversold += Math.max(0, held - RACE_CAPACITY);
                    if (counter != held) {
                        counterMismatch++;
                    }
                    seatsTakenTotal += held - RACE_TAKEN;
                    waitingTotal += waiting;
                }
            }
        }
        double raceS = (System.nanoTime() - raceStart) / 1e9;
        int raceBookers = RACE_DAYS * THREADS * RACE_PER_THREAD;
        boolean raceOk = oversold == 0 && counterMismatch == 0 && errors == 0
                && seatsTakenTotal == RACE_DAYS * (RACE_CAPACITY - RACE_TAKEN)
                && waitingTotal == raceBookers - seatsTakenTotal;
        r.line("### 2a. Race for the last seats");
        r.line("");
        r.line(Report.f("%d unit-days (school days of January 2027), each capacity %d with %d seats already taken; %d threads × %d children each"
                        + " book it at once (start latch): %d bookers for %d last seats.", RACE_DAYS, RACE_CAPACITY,
                RACE_TAKEN, THREADS, RACE_PER_THREAD, raceBookers, RACE_DAYS * (RACE_CAPACITY - RACE_TAKEN)));
        r.line("");
        r.line("| seats taken by the race | expected | on waiting list | expected | oversold seats | counter ≠ rows | errors | time |");
        r.line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        r.line(Report.f("| %d | %d | %d | %d | %d | %d | %d | %.1f s |", seatsTakenTotal,
                RACE_DAYS * (RACE_CAPACITY - RACE_TAKEN), waitingTotal, raceBookers - RACE_DAYS * (RACE_CAPACITY - RACE_TAKEN),
                oversold, counterMismatch, errors, raceS));
        r.line("");

        // --- throughput on one unit-day ------------------------------------------------------------
        long unitHot = unitId(ds, "HOT");
        LocalDate hotDay = LocalDate.of(2026, 12, 8);
        Throughput tp = throughput(ds, unitHot, hotDay, nextChild);
        int counter;
        int held;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select (select booked from unit_day where unit_id = " + unitHot
                     + " and day = '" + hotDay + "'), count(*) from booking where unit_id = " + unitHot
                     + " and day = '" + hotDay + "' and status in ('BOOKED','BOOKED_LATE','PENDING_VALIDATION')")) {
            rs.next();
            counter = rs.getInt(1);
            held = rs.getInt(2);
        }
        double perS = tp.measured / (double) MEASURE_S;
        r.line("### 2b. Throughput on one unit-day lock");
        r.line("");
        r.line(Report.f("%d threads book distinct children on the same unit-day (capacity %d, so every booking takes a"
                + " seat and updates the locked row), %d s warm-up then %d s measured.", THREADS, CHILDREN, WARMUP_S, MEASURE_S));
        r.line("");
        r.line("| bookings/s | bookings measured | latency p50 | p95 | p99 | max | errors | counter = seat rows |");
        r.line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        r.line(Report.f("| %.0f | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d | %s (%d = %d) |", perS, tp.measured,
                tp.pct(50), tp.pct(95), tp.pct(99), tp.pct(100), tp.errors, counter == held ? "yes" : "NO", counter, held));
        r.line("");
        r.line("Latency is one booking transaction, lock wait included, as seen by the booker.");
        r.target("2a. last seats race", Report.f("%d oversold, %d counter mismatches, %d errors", oversold, counterMismatch, errors),
                "zero oversell", raceOk);
        r.target("2b. one unit-day lock", Report.f("%.0f bookings/s, counter %s", perS, counter == held ? "consistent" : "INCONSISTENT"),
                "≥ 200 bookings/s under 16 threads, zero oversell", perS >= TARGET_PER_S && counter == held && tp.errors == 0);
    }

    // --------------------------------------------------------------------------------------------

    /**
     * One booking, as {@code PlanningService#bookOne}: the seat counter is the platform's own
     * {@link SeatLedger} (what its {@code SeatCounter} runs), the decision {@link BookingRules#decideBooking};
     * returns the status recorded (null: refused).
     */
    static final class Booker implements AutoCloseable {
        final Connection c;
        final SeatLedger seats;
        final PreparedStatement insert;
        final int capacity;
        /** The unit as the service sees it (weekdays, activity type), for the "open" test of bookOne. */
        final MonthPlanner.UnitRow unit;
        final String bookingDeadline = "J-2@23:59";
        final String cancellationDeadline = "J-2@23:59";

        Booker(PGSimpleDataSource ds, int capacity) throws SQLException {
            c = ds.getConnection();
            c.setAutoCommit(false);
            seats = new SeatLedger(c);
            insert = c.prepareStatement("insert into booking (child_id, unit_id, day, status, surcharged) values (?, ?, ?, ?, ?)");
            this.capacity = capacity;
            this.unit = new MonthPlanner.UnitRow(0, "bench", capacity, "1,2,3,4,5", "PERISCOLAIRE", bookingDeadline,
                    cancellationDeadline, "REFUSED", false, false);
        }

        BookingStatus book(long childId, long unitId, LocalDate day) throws SQLException {
            try {
                int booked = seats.lock(unitId, day);
                // as bookOne: the unit's rules (parsed per call), open when it runs that day and, for a
                // school-time activity, not in school holidays
                MonthPlan.Unit plan = unit.plan();
                BookingRules rules = plan.rules();
                boolean open = MonthPlan.open(plan, day, CAL, MonthPlanner.SCHOOL_YEARS);
                BookingDecision decision = rules.decideBooking(NOW, day, CAL, open, booked, capacity);
                BookingStatus status = decision.recordedAs();
                if (status != null) {
                    insert.setLong(1, childId);
                    insert.setLong(2, unitId);
                    insert.setObject(3, day);
                    insert.setString(4, status.name());
                    insert.setBoolean(5, decision.surcharged());
                    insert.executeUpdate();
                    if (status != BookingStatus.WAITING) {
                        seats.take(unitId, day, booked);
                    }
                }
                c.commit();
                return status;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }

    record RoundResult(int errors) {
    }

    private static RoundResult race(PGSimpleDataSource ds, long unitId, LocalDate day, int firstChild) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger errors = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int base = firstChild + t * RACE_PER_THREAD;
            fs.add(pool.submit(() -> {
                try (Booker b = new Booker(ds, RACE_CAPACITY)) {
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < RACE_PER_THREAD; i++) {
                        try {
                            b.book(base + i, unitId, day);
                        } catch (SQLException e) {
                            errors.incrementAndGet();
                            System.err.println("booking error: " + e.getMessage());
                        }
                    }
                }
                return null;
            }));
        }
        ready.await();
        go.countDown();
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return new RoundResult(errors.get());
    }

    static final class Throughput {
        long measured;
        int errors;
        long[] latenciesNs = new long[0];

        double pct(double p) {
            if (latenciesNs.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latenciesNs.length) - 1;
            return latenciesNs[Math.max(0, Math.min(latenciesNs.length - 1, i))] / 1e6;
        }
    }

    private static Throughput throughput(PGSimpleDataSource ds, long unitId, LocalDate day, int firstChild) throws Exception {
        AtomicInteger next = new AtomicInteger(firstChild);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<long[]>> fs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            fs.add(pool.submit(() -> {
                long[] lat = new long[1024];
                int n = 0;
                try (Booker b = new Booker(ds, CHILDREN)) {
                    while (!stop.get()) {
                        int child = next.getAndIncrement();
                        if (child > CHILDREN) {
                            throw new IllegalStateException("out of children: raise CHILDREN");
                        }
                        boolean counted = measuring.get();
                        long s = System.nanoTime();
                        try {
                            b.book(child, unitId, day);
                        } catch (SQLException e) {
                            errors.incrementAndGet();
                            System.err.println("booking error: " + e.getMessage());
                            continue;
                        }
                        long e = System.nanoTime() - s;
                        if (counted && measuring.get()) {
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                            }
                            lat[n++] = e;
                        }
                    }
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        Thread.sleep(WARMUP_S * 1000L);
        measuring.set(true);
        Thread.sleep(MEASURE_S * 1000L);
        measuring.set(false);
        stop.set(true);
        Throughput tp = new Throughput();
        List<long[]> all = new ArrayList<>();
        int total = 0;
        for (Future<long[]> f : fs) {
            long[] l = f.get();
            all.add(l);
            total += l.length;
        }
        pool.shutdown();
        tp.latenciesNs = new long[total];
        int i = 0;
        for (long[] l : all) {
            System.arraycopy(l, 0, tp.latenciesNs, i, l.length);
            i += l.length;
        }
        Arrays.sort(tp.latenciesNs);
        tp.measured = total;
        tp.errors = errors.get();
        return tp;
    }

    private static void seed(Statement st) throws SQLException {
        st.execute("insert into family (label) values ('Famille bench')");
        st.execute("insert into child (family_id, first_name, last_name, birth_date)"
                + " select (select min(id) from family), 'Enfant' || g, 'Bench', date '2018-01-01'"
                + " from generate_series(1, " + CHILDREN + ") g");
        st.execute("insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy)"
                + " values ('PERI', 'Périscolaire', 'PERISCOLAIRE', 'J-2@23:59', 'J-2@23:59', 'REFUSED')");
        st.execute("insert into activity_unit (activity_id, code, label, capacity) values"
                + " ((select id from activity where code = 'PERI'), 'RACE', 'Soir (race)', " + RACE_CAPACITY + "),"
                + " ((select id from activity where code = 'PERI'), 'HOT', 'Midi (débit)', " + CHILDREN + ")");
        st.execute("analyze");
    }

    /** The seats already taken before a race: booking rows and the counter, as the service leaves them. */
    private static void prefill(PGSimpleDataSource ds, long unitId, LocalDate day, int firstChild, int n) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into booking (child_id, unit_id, day, status) select g, ?, ?, 'BOOKED' from generate_series(?, ?) g")) {
            c.setAutoCommit(false);
            ps.setLong(1, unitId);
            ps.setObject(2, day);
            ps.setInt(3, firstChild);
            ps.setInt(4, firstChild + n - 1);
            ps.executeUpdate();
            SeatLedger seats = new SeatLedger(c);
            seats.lock(unitId, day);
            seats.set(unitId, day, n);
            c.commit();
        }
    }

    private static long unitId(PGSimpleDataSource ds, String code) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id from activity_unit where code = '" + code + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String show(Statement st, String setting) throws SQLException {
        try (ResultSet rs = st.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static PGSimpleDataSource dataSource(int port, String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName("postgres");
        ds.setUser("postgres");
        if (schema != null) {
            ds.setCurrentSchema(schema);
        }
        return ds;
    }
}
