package fr.portailfamille.booking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The seat counter of each unit-day ({@code unit_day.booked}) over one JDBC connection, in the caller's
 * transaction: the platform's {@code SeatCounter} and the seat-lock bench both count seats with it.
 * Why native SQL: the counter is locked with PostgreSQL's {@code insert … on conflict do nothing} then
 * {@code select … for update}, which JPQL cannot say; the row stays locked until the transaction ends,
 * so concurrent bookers of the last seat are served one after the other and never oversell it.
 */
public final class SeatLedger {

    static final String ENSURE = "insert into unit_day (unit_id, day) values (?, ?) on conflict do nothing";
    static final String LOCK = "select booked from unit_day where unit_id = ? and day = ? for update";
    static final String SET = "update unit_day set booked = ? where unit_id = ? and day = ?";
    static final String READ = "select booked from unit_day where unit_id = ? and day = ?";
    static final String READ_ACTIVITY = "select d.unit_id, d.day, d.booked from unit_day d join activity_unit u"
            + " on u.id = d.unit_id where u.activity_id = ? and d.day between ? and ?";

    private final Connection connection;

    /** @param connection a connection inside a transaction (auto-commit off), its search path on the commune's schema */
    public SeatLedger(Connection connection) {
        this.connection = connection;
    }

    /** Creates the unit-day's counter if needed and locks it until the transaction ends; returns the seats taken. */
    public int lock(long unitId, LocalDate day) throws SQLException {
        try (PreparedStatement ensure = connection.prepareStatement(ENSURE)) {
            ensure.setLong(1, unitId);
            ensure.setObject(2, day);
            ensure.executeUpdate();
        }
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setLong(1, unitId);
            lock.setObject(2, day);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** One more seat taken on a unit-day locked by {@link #lock} ({@code booked}: what {@link #lock} returned). */
    public void take(long unitId, LocalDate day, int booked) throws SQLException {
        set(unitId, day, booked + 1);
    }

    /** Writes the seats taken of a unit-day locked by {@link #lock}. */
    public void set(long unitId, LocalDate day, int booked) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(SET)) {
            set.setInt(1, booked);
            set.setLong(2, unitId);
            set.setObject(3, day);
            set.executeUpdate();
        }
    }

    /** Seats taken on a unit-day, without locking it (0 when nobody booked it yet). */
    public int taken(long unitId, LocalDate day) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setLong(1, unitId);
            read.setObject(2, day);
            try (ResultSet rs = read.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Seats taken on every unit-day of an activity between two days (unit-days nobody booked are absent). */
    public Map<MonthPlan.UnitDay, Integer> takenOfActivity(long activityId, LocalDate from, LocalDate to) throws SQLException {
        Map<MonthPlan.UnitDay, Integer> seats = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement(READ_ACTIVITY)) {
            read.setLong(1, activityId);
            read.setObject(2, from);
            read.setObject(3, to);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    seats.put(new MonthPlan.UnitDay(rs.getLong(1), rs.getObject(2, LocalDate.class)), rs.getInt(3));
                }
            }
        }
        return seats;
    }
}
