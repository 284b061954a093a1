package fr.portailfamille.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.tenancy.TenantMigrator;
import fr.portailfamille.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seat counter on a real commune schema (migrated by TenantMigrator). */
class SeatLedgerTest {

    static final String SCHEMA = "commune_seats";
    static DataSource ds;
    static long unit;
    static long activity;

    @BeforeAll
    static void migrate() throws SQLException {
        ds = TestDatabase.dataSource();
        TenantMigrator migrator = new TenantMigrator(ds);
        migrator.dropCommuneSchema(SCHEMA);
        migrator.migrateCommune(SCHEMA);
        try (Connection c = connection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("insert into activity (code, name, type, booking_deadline, cancellation_deadline,"
                    + " late_policy) values ('SEATS', 'Cantine', 'RESTAURATION', 'J-2@23:59', 'J-2@23:59', 'REFUSED') returning id")) {
                rs.next();
                activity = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("insert into activity_unit (activity_id, code, label, capacity) values ("
                    + activity + ", 'MIDI', 'Midi', 3) returning id")) {
                rs.next();
                unit = rs.getLong(1);
            }
        }
    }

    static Connection connection() throws SQLException {
        Connection c = ds.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("set search_path to " + SCHEMA);
        }
        return c;
    }

    @Test
    void aCounterIsCreatedOnFirstLockThenTakenAndSet() throws SQLException {
        LocalDate day = LocalDate.parse("2027-01-11");
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            SeatLedger seats = new SeatLedger(c);
            assertEquals(0, seats.taken(unit, day), "nobody booked it yet");
            int booked = seats.lock(unit, day);
            assertEquals(0, booked);
            seats.take(unit, day, booked);
            assertEquals(1, seats.taken(unit, day));
            seats.take(unit, day, seats.lock(unit, day));
            assertEquals(2, seats.lock(unit, day), "locking again in the same transaction reads the count");
            seats.set(unit, day, 1);
            c.commit();
            assertEquals(Map.of(new MonthPlan.UnitDay(unit, day), 1),
                    seats.takenOfActivity(activity, day.minusDays(3), day));
            assertEquals(Map.of(), seats.takenOfActivity(activity, day.plusDays(1), day.plusDays(30)));
            c.commit();
        }
    }

    @Test
    void aLockedCounterMakesTheNextBookerWaitForTheCommit() throws Exception {
        LocalDate day = LocalDate.parse("2027-03-01");
        try (Connection first = connection(); Connection second = connection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            SeatLedger a = new SeatLedger(first);
            a.take(unit, day, a.lock(unit, day));
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return new SeatLedger(second).lock(unit, day);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertTrue(!waiting.isDone(), "the second booker waits for the row lock");
            first.commit();
            assertEquals(1, waiting.get(10, TimeUnit.SECONDS), "and then sees the seat taken by the first");
            second.rollback();
        }
    }
}
