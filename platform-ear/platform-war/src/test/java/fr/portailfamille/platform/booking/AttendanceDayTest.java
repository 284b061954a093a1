package fr.portailfamille.platform.booking;

import static fr.portailfamille.platform.kernel.TestEntities.instance;
import static fr.portailfamille.platform.kernel.TestEntities.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.problems.Message;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.tenancy.CommuneStatus;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pointage reads "today" in the platform's zone: at 23:30 UTC on 14 January (00:30 on the 15th in Paris), on a clock in
 * UTC as a server's, the 15th is today — a child booked on the 15th can be pointed, one booked on the 16th not yet.
 */
class AttendanceDayTest {

    /** 23:30 UTC on 14 January 2026: 00:30 on the 15th in Paris (winter, UTC+1). */
    static final Instant LATE = Instant.parse("2026-01-14T23:30:00Z");
    static final Commune ALPHA = new Commune(1, "alpha", "Alpha", CommuneStatus.ACTIVE, "commune_alpha", "alpha",
            null, null, "portail", "secret", List.of(), null);
    static final SignedInUser AGENT = new SignedInUser("alpha", UUID.randomUUID().toString(), "Agent Alpha",
            "agent@alpha.test", true, List.of("agent"), null);

    final List<String> charged = new ArrayList<>();

    AttendanceService service(Booking found) {
        AttendanceService s = new AttendanceService();
        s.clock = Clock.fixed(LATE, ZoneOffset.UTC);
        s.em = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        return found;
                    }
                    if (method.getName().equals("refresh")) {
                        return null; // read again under the locks: as it was
                    }
                    if (method.getName().equals("persist")) {
                        charged.add("journal " + ((fr.portailfamille.platform.family.AuditEntry) args[0]).getAction());
                        return null;
                    }
                    if (method.getName().equals("createNativeQuery")) {
                        // whether the day is on an issued invoice, whether its absence's certificate was reviewed:
                        // not in these tests; when it was pointed: written
                        return java.lang.reflect.Proxy.newProxyInstance(jakarta.persistence.Query.class.getClassLoader(),
                                new Class<?>[] {jakarta.persistence.Query.class}, (q, m, a) ->
                                        m.getName().equals("getSingleResult") ? Boolean.FALSE
                                                : m.getName().equals("getResultList") ? List.of()
                                                : m.getName().equals("executeUpdate") ? 1 : q);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        s.months = new MonthsBeingInvoiced() {
            @Override
            public void refuseWhileInvoiced(Booking b) {
                charged.add("month " + b.getDay().getMonthValue());
            }
        };
        s.seats = new SeatCounter() {
            @Override
            public int lock(ActivityUnit unit, LocalDate day) {
                charged.add("seat " + day);
                return 1;
            }
        };
        s.charges = new BookingCharges() {
            @Override
            public void lock(long familyId, Activity activity) {
                charged.add("lock " + familyId);
            }

            @Override
            public Optional<Message> charge(Booking b) {
                throw new UnsupportedOperationException("charge");
            }

            @Override
            public void statusChanged(Booking b) {
                charged.add(b.getStatus().name());
            }

            @Override
            public void presentWithoutBooking(Booking b) {
                throw new UnsupportedOperationException("presentWithoutBooking");
            }
        };
        return s;
    }

    @Test
    void theParisDayIsTodayAt2330Utc() throws Exception {
        Booking b = booking(LocalDate.of(2026, 1, 15));
        mark(service(b));
        assertEquals(BookingStatus.PRESENT, b.getStatus());
        assertEquals(List.of("lock 5", "seat 2026-01-15", "month 1", "PRESENT", "journal POINTAGE"), charged);
    }

    @Test
    void theNextParisDayIsNotYet() throws Exception {
        Booking b = booking(LocalDate.of(2026, 1, 16));
        BookingRefused e = assertThrows(BookingRefused.class,
                () -> mark(service(b)));
        assertEquals("Le pointage se fait le jour même ou après.", e.getMessage());
        assertEquals(BookingStatus.BOOKED, b.getStatus());
    }

    @Test
    void theServiceClockIsThePlatformsByDefault() {
        assertEquals(PlatformTime.ZONE, new AttendanceService().clock.getZone());
    }

    /** Points booking 1 present, as an agent of Alpha. */
    static void mark(AttendanceService service) throws Exception {
        TenantContext.call(ALPHA, () -> {
            service.markAttendance(AGENT, 1, BookingStatus.PRESENT);
            return null;
        });
    }

    /** A booking of a child of family 5 on {@code day} (built as the persistence layer does). */
    static Booking booking(LocalDate day) throws ReflectiveOperationException {
        Family family = new Family("Famille Martin", "m@alpha.test");
        set(family, "id", 5L);
        Constructor<Child> child = Child.class.getDeclaredConstructor(Family.class, String.class, String.class,
                LocalDate.class);
        child.setAccessible(true);
        Child lea = child.newInstance(family, "Léa", "Martin", LocalDate.of(2018, 3, 2));
        set(lea, "id", 6L);
        Activity a = instance(Activity.class);
        set(a, "code", "PERI");
        set(a, "name", "Périscolaire");
        ActivityUnit unit = instance(ActivityUnit.class);
        set(unit, "id", 4L);
        set(unit, "activity", a);
        set(unit, "code", "SOIR");
        return new Booking(lea, unit, day, BookingStatus.BOOKED, false);
    }
}
