package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.platform.booking.AttendanceRow;
import fr.portailfamille.platform.booking.DayOccupancy;
import fr.portailfamille.platform.booking.OccupancyQueries;
import fr.portailfamille.platform.booking.WeekOccupancy;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agents' activity reports against the real PostgreSQL inside Payara Micro: a unit's occupancy by
 * day and by week counts seats taken and the waiting list (cancelled and refused days are not counted),
 * the attendance of a period lists the children expected in order and nothing else, and both are
 * refused to a parent and to an agent signed in to another commune.
 */
@ExtendWith(ArquillianExtension.class)
class ActivitiesIT {

    static final SignedInUser AGENT = new SignedInUser("alpha", UUID.randomUUID().toString(), "Agent Alpha",
            "agent@alpha.test", true, List.of("agent"), null);

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    OccupancyQueries queries;

    @Inject
    CommuneDirectory directory;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Resource
    UserTransaction tx;

    <T> T in(Callable<T> work) throws Exception {
        return TenantContext.call(directory.bySlug("alpha").orElseThrow(), work);
    }

    /** A new activity (ALSH: runs in school time and holidays alike) with a MIDI unit of the capacity given. */
    record Seeded(long activityId, long unitId, Map<String, Long> children) {
    }

    Seeded seed(int capacity, String... childNames) throws Exception {
        return in(() -> {
            tx.begin();
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String code = "OCC-" + suffix.toUpperCase();
            long activity = ((Number) em.createNativeQuery("insert into activity (code, name, type, runs_in_holidays,"
                    + " booking_deadline, cancellation_deadline, late_policy) values (?1, ?2, 'PERISCOLAIRE', true,"
                    + " 'J-2@23:59', 'J-2@23:59', 'REFUSED') returning id").setParameter(1, code)
                    .setParameter(2, "Accueil " + suffix).getSingleResult()).longValue();
            long unit = ((Number) em.createNativeQuery("insert into activity_unit (activity_id, code, label, start_time,"
                    + " capacity) values (?1, 'MIDI', 'Midi', '11:30', ?2) returning id").setParameter(1, activity)
                    .setParameter(2, capacity).getSingleResult()).longValue();
            long family = ((Number) em.createNativeQuery("insert into family (label, email, status, validated_at)"
                    + " values ('Foyer Occupation', ?1, 'VALIDATED', now()) returning id")
                    .setParameter(1, "occ-" + suffix + "@alpha.test").getSingleResult()).longValue();
            Map<String, Long> children = new java.util.LinkedHashMap<>();
            for (String name : childNames) {
                String[] n = name.split(" ", 2);
                children.put(name, ((Number) em.createNativeQuery("insert into child (family_id, first_name, last_name,"
                        + " birth_date, sex, school, allergies, medical_notes) values (?1, ?2, ?3, current_date"
                        + " - interval '7 years', 'F', 'École du Centre', 'arachide', 'asthme') returning id")
                        .setParameter(1, family).setParameter(2, n[0]).setParameter(3, n[1]).getSingleResult()).longValue());
            }
            tx.commit();
            return new Seeded(activity, unit, children);
        });
    }

    void book(long childId, long unitId, LocalDate day, String status) throws Exception {
        in(() -> {
            tx.begin();
            em.createNativeQuery("insert into booking (child_id, unit_id, day, status) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, childId).setParameter(2, unitId).setParameter(3, day).setParameter(4, status)
                    .executeUpdate();
            tx.commit();
            return null;
        });
    }

    static LocalDate mondayInAMonth() {
        LocalDate d = TestDays.today().plusWeeks(5).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        while (fr.portailfamille.booking.FrenchPublicHolidays.datesOf(d.getYear()).contains(d)
                || fr.portailfamille.booking.FrenchPublicHolidays.datesOf(d.getYear()).contains(d.plusDays(1))) {
            d = d.plusWeeks(1);
        }
        return d;
    }

    @Test
    void occupancyByDayAndWeekCountsSeatsAndTheWaitingList() throws Exception {
        Seeded s = seed(2, "Léa Aubert", "Noé Blanc", "Zoé Caron", "Tom Durand");
        long lea = s.children().get("Léa Aubert");
        long noe = s.children().get("Noé Blanc");
        long zoe = s.children().get("Zoé Caron");
        long tom = s.children().get("Tom Durand");
        LocalDate monday = mondayInAMonth();
        LocalDate tuesday = monday.plusDays(1);
        LocalDate nextMonday = monday.plusWeeks(1);
        // Monday: full (2 of 2), two waiting; Tuesday: one seat (one cancelled, one refused: not counted)
        book(lea, s.unitId(), monday, "BOOKED");
        book(noe, s.unitId(), monday, "BOOKED_LATE");
        book(zoe, s.unitId(), monday, "WAITING");
        book(tom, s.unitId(), monday, "WAITING");
        book(lea, s.unitId(), tuesday, "PENDING_VALIDATION");
        book(noe, s.unitId(), tuesday, "CANCELLED_FREE");
        book(zoe, s.unitId(), tuesday, "REFUSED");
        book(tom, s.unitId(), nextMonday, "BOOKED");

        List<DayOccupancy> days = in(() -> queries.daily(AGENT, s.unitId(), monday, nextMonday.plusDays(6)));
        Map<LocalDate, DayOccupancy> byDay = days.stream().collect(Collectors.toMap(DayOccupancy::day, Function.identity()));
        assertEquals(new DayOccupancy(monday, 2, 2, 2), byDay.get(monday));
        assertEquals("full", byDay.get(monday).level());
        assertEquals(100, byDay.get(monday).percent());
        assertEquals(new DayOccupancy(tuesday, 2, 1, 0), byDay.get(tuesday));
        assertEquals(50, byDay.get(tuesday).percent());
        assertEquals(new DayOccupancy(nextMonday, 2, 1, 0), byDay.get(nextMonday));
        assertTrue(days.stream().noneMatch(d -> d.day().getDayOfWeek() == DayOfWeek.SATURDAY
                || d.day().getDayOfWeek() == DayOfWeek.SUNDAY), "the unit runs Monday to Friday: " + days);
        assertEquals(days.stream().map(DayOccupancy::day).sorted().toList(), days.stream().map(DayOccupancy::day).toList(),
                "in date order");
        assertTrue(days.stream().filter(d -> !d.day().equals(monday) && !d.day().equals(tuesday)
                && !d.day().equals(nextMonday)).allMatch(d -> d.taken() == 0 && d.waiting() == 0));

        List<WeekOccupancy> weeks = in(() -> queries.weekly(AGENT, s.unitId(), monday, nextMonday.plusDays(6)));
        assertEquals(2, weeks.size());
        WeekOccupancy first = weeks.get(0);
        assertEquals(monday, first.monday());
        assertEquals(3, first.taken());
        assertEquals(2, first.waiting());
        assertEquals(1, first.fullDays());
        assertEquals(first.days() * 2, first.capacity(), "seat-days offered: capacity × days it runs");
        assertEquals(1, weeks.get(1).taken());

        // bad periods are refused in French, on the field
        Refused backwards = assertThrows(Refused.class, () -> in(() -> queries.daily(AGENT, s.unitId(), tuesday, monday)));
        assertEquals("La fin de la période précède son début.", backwards.getMessage());
        assertEquals("au", backwards.field());
        assertThrows(Refused.class, () -> in(() -> queries.daily(AGENT, s.unitId(), monday, monday.plusYears(2))));
        assertThrows(Refused.class, () -> in(() -> queries.daily(AGENT, Long.MAX_VALUE, monday, tuesday)));
    }

    @Test
    void attendanceOfAPeriodListsTheChildrenExpectedInOrderWithoutHealthData() throws Exception {
        Seeded s = seed(5, "Léa Aubert", "Noé Blanc", "Zoé Caron");
        LocalDate monday = mondayInAMonth();
        book(s.children().get("Noé Blanc"), s.unitId(), monday, "BOOKED");
        book(s.children().get("Léa Aubert"), s.unitId(), monday, "PRESENT");
        book(s.children().get("Zoé Caron"), s.unitId(), monday, "WAITING");
        book(s.children().get("Zoé Caron"), s.unitId(), monday.plusDays(1), "ABSENT_PENDING");
        book(s.children().get("Léa Aubert"), s.unitId(), monday.plusDays(1), "CANCELLED_FREE");
        book(s.children().get("Léa Aubert"), s.unitId(), monday.plusDays(30), "BOOKED");

        List<AttendanceRow> rows = new ArrayList<>();
        in(() -> {
            queries.attendance(AGENT, s.activityId(), monday, monday.plusDays(6), rows::add);
            return null;
        });
        assertEquals(List.of(
                "%s Midi Aubert Léa PRESENT".formatted(monday),
                "%s Midi Blanc Noé BOOKED".formatted(monday),
                "%s Midi Caron Zoé ABSENT_PENDING".formatted(monday.plusDays(1))),
                rows.stream().map(r -> r.day() + " " + r.unit() + " " + r.lastName() + " " + r.firstName() + " "
                        + r.status()).toList(), "by day then name; no waiting list, no cancelled day, nothing outside the period");
        assertTrue(rows.stream().allMatch(r -> "École du Centre".equals(r.school()) && r.activity().startsWith("Accueil ")));
        assertFalse(rows.toString().contains("arachide") || rows.toString().contains("asthme"), "no health data");
    }

    @Test
    void onlyTheCommunesAgentsGetTheReports() throws Exception {
        Seeded s = seed(3, "Léa Aubert");
        LocalDate monday = mondayInAMonth();
        SignedInUser parent = new SignedInUser("alpha", UUID.randomUUID().toString(), "Camille Parent",
                "parent-occ@alpha.test", true, List.of("parent"), null);
        SignedInUser agentOfBeta = new SignedInUser("beta", UUID.randomUUID().toString(), "Agent Beta",
                "agent@beta.test", true, List.of("agent"), null);
        for (SignedInUser refused : new SignedInUser[] {parent, agentOfBeta, null}) {
            Refused daily = assertThrows(Refused.class,
                    () -> in(() -> queries.daily(refused, s.unitId(), monday, monday.plusDays(6))));
            assertEquals("Réservé aux agents de la commune.", daily.getMessage());
            assertThrows(Refused.class, () -> in(() -> queries.weekly(refused, s.unitId(), monday, monday.plusDays(6))));
            List<AttendanceRow> rows = new ArrayList<>();
            assertThrows(Refused.class, () -> in(() -> {
                queries.attendance(refused, s.activityId(), monday, monday.plusDays(6), rows::add);
                return null;
            }));
            assertTrue(rows.isEmpty());
        }
        // the agent of the commune is served
        assertFalse(in(() -> queries.daily(AGENT, s.unitId(), monday, monday.plusDays(6))).isEmpty());
    }
}
