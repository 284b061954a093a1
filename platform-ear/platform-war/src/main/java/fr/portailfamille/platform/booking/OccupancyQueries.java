package fr.portailfamille.platform.booking;

import fr.portailfamille.platform.tenancy.TenantConnection;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.booking.CommuneCalendar;
import fr.portailfamille.booking.DateRange;
import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The agents' reports on activities, counted in SQL: a unit's occupancy day by day over a period, and
 * the attendance of an activity over a period, streamed row by row for the exports. Agents of the
 * commune only (checked here); never any health data.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class OccupancyQueries {

    /** The longest period of a report: a school year and a bit. */
    public static final int MAX_DAYS = 400;

    /** The key of the agents-only refusal ({@link #isAgentsOnly}). */
    static final String AGENTS_ONLY = "booking.agentsOnly";

    /** A child on the day sheet (the attendance export lists them all, with their status). */
    static final String ON_SHEET = "b.status not in ('WAITING', 'CANCELLED_FREE', 'REFUSED')";

    /**
     * A child who takes one of the unit-day's places: booked, awaiting validation or present, or marked absent at the
     * pointage — not one whose family declared an absence beforehand, nor one it cancelled after the free-cancellation
     * deadline (billed, {@code seat_given_up}): its place was freed then (maybe given to the first child waiting), as
     * the families' bookings count it.
     */
    static final String TAKES_SEAT = "(b.status in ('BOOKED', 'BOOKED_LATE', 'PENDING_VALIDATION', 'PRESENT')"
            + " or (b.status in ('ABSENT_EXCUSED', 'ABSENT_BILLED') and b.seat_given_up is not true"
            + " and not exists (select 1 from absence x where x.booking_id = b.id)))";

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    CommuneSettings settings;

    /**
     * The unit's occupancy on every day of the period it runs under the commune's calendar (and on any
     * other day holding bookings), in date order: one aggregate query grouped by day.
     */
    public List<DayOccupancy> daily(SignedInUser agent, long unitId, LocalDate from, LocalDate to) {
        requireAgent(agent);
        requirePeriod(from, to);
        ActivityUnit unit = Optional.ofNullable(em.find(ActivityUnit.class, unitId))
                .orElseThrow(() -> new Refused("unite", Refused.text("booking.unit.unknown")));
        Map<LocalDate, int[]> counts = new HashMap<>();
        // native SQL: an aggregate (count per day, filtered by status) the entities cannot express in one query
        for (Object row : em.createNativeQuery("select b.day, count(*) filter (where " + TAKES_SEAT + "),"
                        + " count(*) filter (where b.status = 'WAITING') from booking b where b.unit_id = ?1"
                        + " and b.day between ?2 and ?3 group by b.day")
                .setParameter(1, unitId).setParameter(2, from).setParameter(3, to).getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(toLocalDate(r[0]), new int[] {((Number) r[1]).intValue(), ((Number) r[2]).intValue()});
        }
        CommuneCalendar cal = settings.calendar();
        List<DateRange> years = settings.schoolYears();
        MonthPlan.Unit plan = unit.plan();
        List<DayOccupancy> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            int[] c = counts.get(d);
            if (c != null && (c[0] > 0 || c[1] > 0) || MonthPlan.runsOn(plan, d, cal, years)) {
                days.add(new DayOccupancy(d, unit.getCapacity(), c == null ? 0 : c[0], c == null ? 0 : c[1]));
            }
        }
        return days;
    }

    /** The same period added up by week. */
    public List<WeekOccupancy> weekly(SignedInUser agent, long unitId, LocalDate from, LocalDate to) {
        return OccupancyWeeks.of(daily(agent, unitId, from, to));
    }

    /**
     * The attendance of an activity over a period (children expected, pointed present or absent; not
     * the waiting list nor cancelled or refused days), by day, unit and name. One query read with a
     * database cursor: each row goes to {@code sink} as it comes, nothing is held in memory.
     */
    public void attendance(SignedInUser agent, long activityId, LocalDate from, LocalDate to,
                           Consumer<AttendanceRow> sink) {
        requireAgent(agent);
        requirePeriod(from, to);
        Activity activity = Optional.ofNullable(em.find(Activity.class, activityId))
                .orElseThrow(() -> new Refused("activite", Refused.text("booking.activity.unknown")));
        // JDBC on the transaction's connection (bound to the commune's schema): a forward-only cursor
        // fetching 500 rows at a time, which JPA result lists cannot do
        Connection connection = TenantConnection.of(em);
        try (PreparedStatement ps = connection.prepareStatement("select b.day, u.label, c.last_name, c.first_name,"
                + " c.school, b.status from booking b join activity_unit u on u.id = b.unit_id join child c on"
                + " c.id = b.child_id where u.activity_id = ? and b.day between ? and ? and " + ON_SHEET
                + " order by b.day, u.start_time nulls first, u.id, c.last_name, c.first_name, b.id")) {
            ps.setFetchSize(500);
            ps.setLong(1, activityId);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new AttendanceRow(rs.getDate(1).toLocalDate(), activity.getName(), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), BookingStatus.valueOf(rs.getString(6))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Export des présences impossible", e);
        }
    }

    /**
     * The commune's agents only ({@link StaffRoles}): a parent, or an agent signed in to another commune, is
     * refused, as a {@link Refused} that the export answers with 403.
     */
    static void requireAgent(SignedInUser user) {
        if (!StaffRoles.isAgentOfThisCommune(user)) {
            throw new Refused(Refused.text(AGENTS_ONLY));
        }
    }

    /** Whether a refusal is the agents-only one (the export answers 403 then). */
    public static boolean isAgentsOnly(Refused e) {
        return AGENTS_ONLY.equals(e.text().key());
    }

    static void requirePeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new Refused("du", Refused.text("booking.period.required"));
        }
        if (to.isBefore(from)) {
            throw new Refused("au", Refused.text("booking.period.order"));
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new Refused("au", Refused.text("booking.period.tooLong", MAX_DAYS));
        }
    }

    private static LocalDate toLocalDate(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : o instanceof LocalDate l ? l : LocalDate.parse(o.toString());
    }
}
