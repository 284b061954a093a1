package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.booking.BookingDecision;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.booking.CancellationDecision;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.platform.booking.Booking;
import fr.portailfamille.booking.AbsenceReason;
import fr.portailfamille.booking.AbsenceRules;
import fr.portailfamille.platform.booking.AbsenceService;
import fr.portailfamille.platform.booking.AttendanceService;
import fr.portailfamille.platform.booking.BookingDesk;
import fr.portailfamille.platform.booking.BookingRefused;
import fr.portailfamille.platform.booking.PlanningService;
import fr.portailfamille.platform.booking.ValidationQueue;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyDesk;
import fr.portailfamille.platform.family.FamilyForm;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bookings against the real PostgreSQL inside Payara Micro, end to end through each service of the
 * booking context: {@link PlanningService} (many parents booking the last seats at the same moment never
 * oversell them; a cancellation promotes the first waiting child at once and mails its family; bad
 * requests — past day, day the unit does not run, unknown unit, another family's child, unvalidated
 * file — are refused with a French message and change nothing; the semaine type), {@link AbsenceService},
 * {@link BookingDesk} and {@link AttendanceService}. The rules themselves are unit-tested in tenant-config
 * ({@code AbsenceRulesTest}, {@code AttendanceRulesTest}, {@code WaitingListTest}, {@code TypicalWeekTest},
 * {@code SeatLedgerTest}).
 */
@ExtendWith(ArquillianExtension.class)
class BookingIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    ValidationQueue validations;

    @Inject
    PlanningService bookings;

    @Inject
    AbsenceService absences;

    @Inject
    fr.portailfamille.platform.booking.CertificateQueue certificates;

    @Inject
    BookingDesk desk;

    @Inject
    AttendanceService attendance;

    @Inject
    fr.portailfamille.platform.booking.ExpiredRequests expiredRequests;

    @Inject
    FamilyFileService files;

    @Inject
    FamilyDesk familyDesk;

    @Inject
    CommuneDirectory directory;

    @Inject
    fr.portailfamille.platform.configuration.ConfigurationService configuration;

    @Inject
    fr.portailfamille.platform.registration.RegistrationService registrations;

    @Inject
    fr.portailfamille.platform.billing.FamilyPricing pricing;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Resource
    ManagedExecutorService pool;

    @Inject
    fr.portailfamille.platform.booking.SeatCounter seats;

    Commune alpha() {
        return directory.bySlug("alpha").orElseThrow();
    }

    <T> T in(Callable<T> work) throws Exception {
        return TenantContext.call(alpha(), work);
    }

    /** A validated family with one child; returns the parent and the child's id. */
    record Parent(SignedInUser user, long childId) {
    }

    Parent validatedFamily() throws Exception {
        SignedInUser user = FamilyFileIT.parent("alpha", "resa-" + UUID.randomUUID().toString().substring(0, 8)
                + "@alpha.test", true);
        in(() -> files.submit(user, FamilyFileIT.complete(files.formOf(user), user.email())));
        long familyId = in(() -> files.fileOf(user)).getId();
        in(() -> {
            familyDesk.validate(FamilyFileIT.AGENT, familyId);
            return null;
        });
        FamilyForm form = in(() -> files.formOf(user));
        registerEveryChildToEveryActivity();
        return new Parent(user, form.getChildren().get(0).getId());
    }

    /** Registrations validated by the town, so that bookings can be tested (RegistrationIT tests them). */
    void registerEveryChildToEveryActivity() throws Exception {
        in(() -> {
            tx.begin();
            em.createNativeQuery("insert into registration (child_id, activity_id, status, cgu_accepted_at)"
                    + " select c.id, a.id, 'VALIDATED', now() from child c cross join activity a where not exists"
                    + " (select 1 from registration r where r.child_id = c.id and r.activity_id = a.id)").executeUpdate();
            tx.commit();
            return null;
        });
    }

    /** A unit (Monday to Friday, capacity given) of a new activity with a J-2 deadline. */
    long unit(int capacity) throws Exception {
        return unit(capacity, false);
    }

    long unit(int capacity, boolean needsValidation) throws Exception {
        return unit(capacity, needsValidation, "J-2@23:59");
    }

    /**
     * A unit of a new activity; with a cancellation deadline such as {@code J-90@23:59}, a day booked
     * a month ahead is no longer cancellable without charge (so that an absence is an absence).
     */
    long unit(int capacity, boolean needsValidation, String cancellationDeadline) throws Exception {
        long id = in(() -> {
            tx.begin();
            String code = "ACT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            Number activity = (Number) em.createNativeQuery("insert into activity (code, name, type, booking_deadline,"
                    + " cancellation_deadline, late_policy, needs_validation) values (?1, 'Restauration scolaire',"
                    + " 'RESTAURATION', 'J-2@23:59', ?3, 'REFUSED', ?2) returning id").setParameter(1, code)
                    .setParameter(2, needsValidation).setParameter(3, cancellationDeadline).getSingleResult();
            Number unit = (Number) em.createNativeQuery("insert into activity_unit (activity_id, code, label, capacity)"
                    + " values (?1, 'MIDI', 'Midi', ?2) returning id").setParameter(1, activity.longValue())
                    .setParameter(2, capacity).getSingleResult();
            tx.commit();
            return unit.longValue();
        });
        registerEveryChildToEveryActivity();
        return id;
    }

    /**
     * A Monday some five weeks ahead whose days the tests below use are no public holiday (Whit Monday, Easter
     * Monday, 14 July…): the Monday, its Tuesday and Wednesday, the next Monday, the Monday three weeks on.
     */
    static LocalDate nextMondayInAMonth() {
        return TestDays.mondayAfter(TestDays.today().plusWeeks(5), 1, 2, 7, 21);
    }

    @Test
    void manyParentsRacingForTheLastSeatsNeverOversell() throws Exception {
        int capacity = 3;
        int parents = 12;
        long unit = unit(capacity);
        LocalDate day = nextMondayInAMonth();
        List<Parent> families = new ArrayList<>();
        for (int i = 0; i < parents; i++) {
            families.add(validatedFamily());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<BookingDecision>> results = new ArrayList<>();
        for (Parent p : families) {
            results.add(pool.submit(() -> {
                start.await();
                return in(() -> bookings.book(p.user(), p.childId(), unit, day));
            }));
        }
        start.countDown();
        int accepted = 0;
        int waiting = 0;
        for (Future<BookingDecision> r : results) {
            switch (r.get().outcome()) {
                case ACCEPTED -> accepted++;
                case WAITING_LIST -> waiting++;
                default -> throw new AssertionError("issue inattendue : " + r.get());
            }
        }
        assertEquals(capacity, accepted, "jamais plus de places que la capacité");
        assertEquals(parents - capacity, waiting);
        assertEquals(capacity, in(() -> attendance.seatsTaken(unit, day)));

        // a cancellation gives the seat to the first child waiting, at once, and mails its family
        Parent leaving = families.stream().filter(p -> statusOf(p, unit, day) == BookingStatus.BOOKED).findFirst().orElseThrow();
        Parent firstWaiting = families.stream().filter(p -> statusOf(p, unit, day) == BookingStatus.WAITING)
                .min(java.util.Comparator.comparing(p -> bookingOf(p, unit, day).getId())).orElseThrow();
        CancellationDecision cancelled = in(() -> bookings.cancel(leaving.user(), bookingOf(leaving, unit, day).getId()));
        assertEquals(CancellationDecision.Outcome.FREE, cancelled.outcome());
        assertEquals(BookingStatus.CANCELLED_FREE, statusOf(leaving, unit, day));
        assertEquals(BookingStatus.BOOKED, statusOf(firstWaiting, unit, day));
        assertEquals(capacity, in(() -> attendance.seatsTaken(unit, day)));
        assertTrue(Mails.contains(firstWaiting.user().email(), "place"), "famille promue prévenue");
        assertTrue(Mails.await(firstWaiting.user().email(), m -> m.contains("Une place s'est lib"))
                .contains("tant que le délai d'annulation sans frais court"), "still free to cancel: said so");
    }

    /** Unit {@code unit}'s capacity and weekdays changed by an agent's save of the configuration (as on Activités). */
    void changeUnit(long unit, java.util.function.UnaryOperator<fr.portailfamille.configuration.CommuneConfiguration.Unit> change)
            throws Exception {
        var save = unitChange(unit, change);
        in(() -> {
            configuration.update(RegistrationIT.AGENT, save);
            return null;
        });
    }

    /** The change of the configuration that changes unit {@code unit} so. */
    java.util.function.UnaryOperator<fr.portailfamille.configuration.CommuneConfiguration> unitChange(long unit,
            java.util.function.UnaryOperator<fr.portailfamille.configuration.CommuneConfiguration.Unit> change) throws Exception {
        // read in a transaction of its own: outside one, the container's entity manager of a query may be closed under it
        // (seen once, in a clean-clone run, in the finally of a test whose pool thread had just booked)
        Object[] codes = in(() -> {
            tx.begin();
            try {
                em.joinTransaction();
                return (Object[]) em.createNativeQuery("select a.code, u.code from activity_unit u join activity a"
                        + " on a.id = u.activity_id where u.id = ?1").setParameter(1, unit).getSingleResult();
            } finally {
                tx.commit();
            }
        });
        return conf -> conf.withActivities(conf.activities().stream()
                .map(a -> !a.code().equals(codes[0]) ? a
                        : new fr.portailfamille.configuration.CommuneConfiguration.Activity(a.code(), a.name(),
                                a.description(), a.type(), a.establishment(), a.minAge(), a.maxAge(), a.levels(),
                                a.runsInHolidays(), a.bookingDeadline(), a.cancellationDeadline(), a.latePolicy(),
                                a.needsValidation(), a.documents(), a.units().stream()
                                        .map(u -> u.code().equals(codes[1]) ? change.apply(u) : u).toList()))
                .toList());
    }

    static fr.portailfamille.configuration.CommuneConfiguration.Unit capacity(
            fr.portailfamille.configuration.CommuneConfiguration.Unit u, int capacity) {
        return new fr.portailfamille.configuration.CommuneConfiguration.Unit(u.code(), u.label(), u.start(), u.end(), capacity,
                u.weekdays());
    }

    /**
     * A capacity lowered below the seats taken (staff away) keeps them, and a seat given up then is only freed until the
     * unit-day is back within it; a capacity raised gives its new seats to the children waiting, oldest first, each
     * family told — not to the next family to book.
     */
    @Test
    void aCapacityLoweredIsNeverExceededByTheWaitingListAndARaisedOneServesItFirst() throws Exception {
        long unit = unit(2);
        LocalDate day = nextMondayInAMonth().plusDays(2);
        List<Parent> p = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            p.add(validatedFamily());
        }
        for (int i = 0; i < 4; i++) {
            Parent x = p.get(i);
            in(() -> bookings.book(x.user(), x.childId(), unit, day));
        }
        assertEquals(List.of(BookingStatus.BOOKED, BookingStatus.BOOKED, BookingStatus.WAITING, BookingStatus.WAITING),
                p.subList(0, 4).stream().map(x -> statusOf(x, unit, day)).toList());

        changeUnit(unit, u -> capacity(u, 1));
        assertEquals(2, seatCounter(unit, day), "the seats taken are kept");
        in(() -> bookings.cancel(p.get(0).user(), bookingOf(p.get(0), unit, day).getId()));
        assertEquals(BookingStatus.WAITING, statusOf(p.get(2), unit, day), "over the lowered capacity: the seat is only freed");
        assertEquals(1, seatCounter(unit, day));

        changeUnit(unit, u -> capacity(u, 3));
        assertEquals(BookingStatus.BOOKED, statusOf(p.get(2), unit, day));
        assertEquals(BookingStatus.BOOKED, statusOf(p.get(3), unit, day));
        assertEquals(3, seatCounter(unit, day));
        assertTrue(Mails.contains(p.get(3).user().email(), "place"), "the family promoted by the new seats is told");
        Parent late = p.get(4);
        assertEquals(BookingDecision.Outcome.WAITING_LIST,
                in(() -> bookings.book(late.user(), late.childId(), unit, day)).outcome(), "the new seats went to the list");
    }

    /**
     * A weekday removed from a unit during the day: today's unit already begun ran as booked (the child attended it), it
     * is not given back nor announced closed; the same weekday next week is undone — once the agent, told first how many
     * bookings the save undoes (a trial save rolled back: nothing undone, nothing in the journal), saves it.
     */
    @Test
    void aWeekdayRemovedDuringTheDayLeavesTheUnitAlreadyBegunAsItRan() throws Exception {
        long unit = unit(5);
        Parent p = validatedFamily();
        LocalDate today = TestDays.today();
        LocalDate nextWeek = today.plusWeeks(1);
        in(() -> {
            tx.begin();
            // every day of the week, from midnight: today's has begun
            em.createNativeQuery("update activity_unit set weekdays = '1,2,3,4,5,6,7', start_time = time '00:00' where id = ?1")
                    .setParameter(1, unit).executeUpdate();
            for (LocalDate d : List.of(today, nextWeek)) {
                em.createNativeQuery("insert into booking (child_id, unit_id, day, status) values (?1, ?2, ?3, 'BOOKED')")
                        .setParameter(1, p.childId()).setParameter(2, unit).setParameter(3, d).executeUpdate();
            }
            tx.commit();
            return null;
        });
        int weekday = today.getDayOfWeek().getValue();
        var removal = unitChange(unit, u -> new fr.portailfamille.configuration.CommuneConfiguration.Unit(u.code(), u.label(),
                u.start(), u.end(), u.capacity(), u.weekdays().stream().filter(w -> w != weekday).toList()));
        long journal = in(() -> configuration.journalCount(RegistrationIT.AGENT));
        assertEquals(1, in(() -> configuration.bookingsUndoneBy(RegistrationIT.AGENT, removal)).undone(), "next week's, told first");
        assertEquals(BookingStatus.BOOKED, statusOf(p, unit, nextWeek), "a trial: nothing undone");
        assertEquals(journal, in(() -> configuration.journalCount(RegistrationIT.AGENT)), "nor journaled");
        assertThrows(SecurityException.class, () -> in(() -> configuration.bookingsUndoneBy(p.user(), removal)));
        in(() -> {
            configuration.update(RegistrationIT.AGENT, removal);
            return null;
        });
        assertEquals(BookingStatus.BOOKED, statusOf(p, unit, today), "begun: it ran as booked");
        assertEquals(BookingStatus.CANCELLED_FREE, statusOf(p, unit, nextWeek));
    }

    /**
     * An activity's last day (Activités, tenant V51): the save that sets it undoes what families booked after it — the
     * agent told first how many —, the days up to it stay booked, and no booking is taken after it; once it has passed,
     * the activity is no longer offered for registration, nor registered when posted anyway.
     */
    @Test
    void anActivitysLastDayEndsItsBookingsAfterItAndItsRegistrationsOnceItHasPassed() throws Exception {
        long unit = unit(5);
        Parent p = validatedFamily();
        LocalDate monday = nextMondayInAMonth();
        LocalDate nextMonday = monday.plusWeeks(1);
        in(() -> bookings.book(p.user(), p.childId(), unit, monday));
        in(() -> bookings.book(p.user(), p.childId(), unit, nextMonday));
        assertEquals(BookingStatus.BOOKED, statusOf(p, unit, nextMonday));
        var ending = lastDay(unit, monday.plusDays(2));
        assertEquals(1, in(() -> configuration.bookingsUndoneBy(RegistrationIT.AGENT, ending)).undone(), "told first");
        in(() -> {
            configuration.update(RegistrationIT.AGENT, ending);
            return null;
        });
        assertEquals(BookingStatus.BOOKED, statusOf(p, unit, monday), "up to its last day: as booked");
        assertEquals(BookingStatus.CANCELLED_FREE, statusOf(p, unit, nextMonday));
        assertEquals(BookingDecision.Outcome.REFUSED,
                in(() -> bookings.book(p.user(), p.childId(), unit, nextMonday.plusDays(1))).outcome(), "after its last day");
        long activity = in(() -> em.find(fr.portailfamille.platform.booking.ActivityUnit.class, unit).getActivity().getId());
        assertTrue(in(() -> registrations.offersFor(p.user(), p.childId())).stream().anyMatch(a -> a.getId() == activity),
                "still offered until its last day has passed");
        String tarifName = "Stage " + UUID.randomUUID().toString().substring(0, 8);
        in(() -> {
            tx.begin();
            em.createNativeQuery("update activity set name = ?2 where id = ?1").setParameter(1, activity)
                    .setParameter(2, tarifName).executeUpdate();
            tx.commit();
            return null;
        });
        assertTrue(tarifsName(p, tarifName), "on « Consulter les tarifs » until then");

        // a last day moved into the past is refused beside it (its days since were booked: Calendrier closes them)
        fr.portailfamille.configuration.ConfigurationException past = assertThrows(
                fr.portailfamille.configuration.ConfigurationException.class, () -> in(() -> {
                    configuration.update(RegistrationIT.AGENT, lastDay(unit, TestDays.today().minusDays(1)));
                    return null;
                }));
        assertTrue(past.errors().stream().anyMatch(e -> e.field().endsWith(".lastDay")), past.errors().toString());
        // the last day passes
        in(() -> {
            tx.begin();
            em.createNativeQuery("update activity set last_day = ?2 where id = ?1").setParameter(1, activity)
                    .setParameter(2, TestDays.today().minusDays(1)).executeUpdate();
            tx.commit();
            return null;
        });
        assertTrue(in(() -> registrations.offersFor(p.user(), p.childId())).stream().noneMatch(a -> a.getId() == activity),
                "ended: no longer offered");
        assertFalse(tarifsName(p, tarifName), "nor on « Consulter les tarifs »");
        fr.portailfamille.platform.kernel.Refused posted = assertThrows(fr.portailfamille.platform.kernel.Refused.class,
                () -> in(() -> registrations.register(p.user(), p.childId(), List.of(activity), java.util.Map.of(), true, null)));
        assertTrue(posted.getMessage().contains("n'est pas proposée"), posted.getMessage());
        // a registration sent before the last day and decided after it is not validated (the family would be told to
        // book); it is refused in words
        Parent late = validatedFamily();
        long pending = in(() -> {
            tx.begin();
            em.createNativeQuery("delete from registration where child_id = ?1 and activity_id = ?2")
                    .setParameter(1, late.childId()).setParameter(2, activity).executeUpdate();
            long id = ((Number) em.createNativeQuery("insert into registration (child_id, activity_id, status, cgu_accepted_at)"
                    + " values (?1, ?2, 'SUBMITTED', now()) returning id").setParameter(1, late.childId())
                    .setParameter(2, activity).getSingleResult()).longValue();
            tx.commit();
            return id;
        });
        fr.portailfamille.platform.kernel.Refused ended = assertThrows(fr.portailfamille.platform.kernel.Refused.class,
                () -> in(() -> {
                    registrations.decideRegistration(FamilyFileIT.AGENT, pending, true, null);
                    return null;
                }));
        assertTrue(ended.getMessage().contains("s'est terminée le"), ended.getMessage());
        in(() -> {
            registrations.decideRegistration(FamilyFileIT.AGENT, pending, false, "Activité terminée");
            return null;
        });
    }

    /** Whether the family's « Consulter les tarifs » names the activity {@code name} (a sheet, or without a tariff). */
    boolean tarifsName(Parent p, String name) throws Exception {
        var tarifs = in(() -> pricing.tarifs(p.user()));
        return tarifs.withoutTariff().contains(name) || tarifs.sheets().stream().anyMatch(t -> t.activityName().equals(name));
    }

    /** The change of the configuration that gives unit {@code unit}'s activity the last day {@code day}. */
    java.util.function.UnaryOperator<fr.portailfamille.configuration.CommuneConfiguration> lastDay(long unit, LocalDate day)
            throws Exception {
        String code = in(() -> (String) em.createNativeQuery("select a.code from activity_unit u join activity a"
                + " on a.id = u.activity_id where u.id = ?1").setParameter(1, unit).getSingleResult());
        return conf -> conf.withActivities(conf.activities().stream()
                .map(a -> !a.code().equals(code) ? a
                        : new fr.portailfamille.configuration.CommuneConfiguration.Activity(a.code(), a.name(),
                                a.description(), a.type(), a.establishment(), a.minAge(), a.maxAge(), a.levels(),
                                a.runsInHolidays(), a.bookingDeadline(), a.cancellationDeadline(), a.latePolicy(),
                                a.needsValidation(), a.documents(), a.units(), day))
                .toList());
    }

    /**
     * The same request sent several times at once (a phone retrying on a bad network): the later ones wait for the
     * first under the unit-day's lock, having read the booking before it; they must not free its seat again nor book
     * the day twice. The test holds the lock itself while they start, so that every one has read before any acts.
     */
    @Test
    void aCancellationOrABookingSentSeveralTimesAtOnceCountsOnce() throws Exception {
        long unit = unit(3);
        LocalDate day = nextMondayInAMonth().plusDays(1);
        Parent p = validatedFamily();
        assertEquals(BookingDecision.Outcome.ACCEPTED, in(() -> bookings.book(p.user(), p.childId(), unit, day)).outcome());
        long booking = bookingOf(p, unit, day).getId();

        List<Future<String>> cancels = underTheSeatLock(unit, day, 3, () -> {
            try {
                return in(() -> bookings.cancel(p.user(), booking)).outcome().name();
            } catch (BookingRefused e) {
                return "REFUSED";
            }
        });
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : cancels) {
            outcomes.add(f.get());
        }
        assertEquals(1, outcomes.stream().filter("FREE"::equals).count(), outcomes.toString());
        assertEquals(2, outcomes.stream().filter("REFUSED"::equals).count(), outcomes.toString());
        assertEquals(0, seatCounter(unit, day), "one seat given up once: the counter says none taken");

        Parent q = validatedFamily();
        List<Future<String>> books = underTheSeatLock(unit, day, 3,
                () -> in(() -> bookings.book(q.user(), q.childId(), unit, day)).outcome().name());
        outcomes.clear();
        for (Future<String> f : books) {
            outcomes.add(f.get());
        }
        assertEquals(1, outcomes.stream().filter("ACCEPTED"::equals).count(), outcomes.toString());
        assertEquals(2, outcomes.stream().filter("REFUSED"::equals).count(), "déjà réservé, not an error: " + outcomes);
        assertEquals(1, seatCounter(unit, day));
        assertEquals(1L, in(() -> ((Number) em.createNativeQuery("select count(*) from booking where unit_id = ?1 and day = ?2"
                + " and status in ('BOOKED', 'BOOKED_LATE')").setParameter(1, unit).setParameter(2, day).getSingleResult()).longValue()));
    }

    /** {@code copies} runs of {@code work} started while this thread holds the unit-day's lock, then let go. */
    List<Future<String>> underTheSeatLock(long unit, LocalDate day, int copies, Callable<String> work) throws Exception {
        List<Future<String>> started = new ArrayList<>();
        in(() -> {
            tx.begin();
            try {
                em.joinTransaction();
                em.createNativeQuery("select booked from unit_day where unit_id = ?1 and day = ?2 for update")
                        .setParameter(1, unit).setParameter(2, day).getResultList();
                for (int i = 0; i < copies; i++) {
                    started.add(pool.submit(work));
                }
                Thread.sleep(1500); // every copy has read the booking and waits for the lock
            } finally {
                tx.commit();
            }
            return null;
        });
        return started;
    }

    int seatCounter(long unit, LocalDate day) throws Exception {
        return in(() -> ((Number) em.createNativeQuery("select booked from unit_day where unit_id = ?1 and day = ?2")
                .setParameter(1, unit).setParameter(2, day).getSingleResult()).intValue());
    }

    @Test
    void badRequestsAreRefusedInFrenchAndChangeNothing() throws Exception {
        long unit = unit(10);
        Parent p = validatedFamily();
        Parent other = validatedFamily();
        LocalDate monday = nextMondayInAMonth();

        assertEquals("Cette date est passée.", in(() -> bookings.book(p.user(), p.childId(), unit,
                TestDays.today().minusDays(3))).message());
        assertEquals("L'accueil est fermé ce jour-là.", in(() -> bookings.book(p.user(), p.childId(), unit,
                monday.plusDays(5))).message(), "le samedi, l'unité ne fonctionne pas");
        BookingRefused unknownUnit = assertThrows(BookingRefused.class,
                () -> in(() -> bookings.book(p.user(), p.childId(), 987_654L, monday)));
        assertEquals("Cette activité n'existe pas.", unknownUnit.getMessage());
        BookingRefused notMine = assertThrows(BookingRefused.class,
                () -> in(() -> bookings.book(p.user(), other.childId(), unit, monday)));
        assertEquals("Cet enfant ne fait pas partie de votre dossier.", notMine.getMessage());
        SignedInUser draft = FamilyFileIT.parent("alpha", "brouillon-" + UUID.randomUUID().toString().substring(0, 8)
                + "@alpha.test", true);
        assertThrows(BookingRefused.class, () -> in(() -> bookings.book(draft, p.childId(), unit, monday)));
        assertEquals(0, in(() -> attendance.seatsTaken(unit, monday)));
        assertTrue(in(() -> bookings.bookingsOf(p.user(), p.childId(), monday.minusDays(10), monday.plusDays(10))).isEmpty());

        assertEquals(BookingDecision.Outcome.ACCEPTED, in(() -> bookings.book(p.user(), p.childId(), unit, monday)).outcome());
        BookingRefused twice = assertThrows(BookingRefused.class,
                () -> in(() -> bookings.book(p.user(), p.childId(), unit, monday)));
        assertTrue(twice.getMessage().contains("déjà inscrit"));
        long mine = bookingOf(p, unit, monday).getId();
        assertThrows(BookingRefused.class, () -> in(() -> bookings.cancel(other.user(), mine)),
                "une famille n'annule pas la réservation d'une autre");
        assertEquals(1, in(() -> attendance.seatsTaken(unit, monday)));
    }

    @Test
    void typicalWeekBooksEveryTickedDayOfThePeriodUnderTheRules() throws Exception {
        long unit = unit(1);
        Parent p = validatedFamily();
        Parent other = validatedFamily();
        LocalDate monday = nextMondayInAMonth();
        // the other family already holds the only seat of the second Monday
        assertEquals(BookingDecision.Outcome.ACCEPTED,
                in(() -> bookings.book(other.user(), other.childId(), unit, monday.plusWeeks(1))).outcome());
        var week = java.util.Map.of(DayOfWeek.MONDAY, java.util.Set.of(unit), DayOfWeek.SATURDAY, java.util.Set.of(unit));
        var result = in(() -> bookings.applyTypicalWeek(p.user(), p.childId(), week, monday, monday.plusDays(13)));
        assertEquals(1, result.getBooked(), result.summary().french());
        assertEquals(1, result.getWaiting(), result.summary().french());
        assertEquals(0, result.getRefused(), "le samedi, l'unité ne fonctionne pas : il est ignoré");
        assertTrue(result.summary().french().contains("1 réservation enregistrée"), result.summary().french());
        var again = in(() -> bookings.applyTypicalWeek(p.user(), p.childId(), week, monday, monday.plusDays(13)));
        assertEquals(2, again.getAlreadyBooked(), "rien n'est réservé deux fois");
        assertEquals(1, in(() -> attendance.seatsTaken(unit, monday)));
        BookingRefused backwards = assertThrows(BookingRefused.class,
                () -> in(() -> bookings.applyTypicalWeek(p.user(), p.childId(), week, monday, monday.minusDays(1))));
        assertTrue(backwards.getMessage().contains("période valide"));
        // a day beyond what may be booked (its calendar is not known yet): refused, as the families' API refuses it
        BookingDecision far = in(() -> bookings.book(p.user(), p.childId(), unit, TestDays.today().plusYears(3)));
        assertEquals(BookingDecision.Outcome.REFUSED, far.outcome());
        assertTrue(far.message().startsWith("Cette date est trop lointaine"), far.message());
        // a period over: refused on its end date, nothing locked nor recorded for days gone by
        BookingRefused over = assertThrows(BookingRefused.class, () -> in(() -> bookings.applyTypicalWeek(p.user(),
                p.childId(), week, TestDays.today().minusWeeks(6), TestDays.today().minusDays(1))));
        assertEquals("to", over.field());
        // more unit-days than one application holds (every day of a year, on a unit running every day): refused
        // whole, before any day is booked
        long everyDay = unit(50);
        in(() -> {
            tx.begin();
            em.createNativeQuery("update activity_unit set weekdays = '1,2,3,4,5,6,7' where id = ?1").setParameter(1, everyDay)
                    .executeUpdate();
            em.createNativeQuery("update activity set runs_in_holidays = true where id = (select activity_id from"
                    + " activity_unit where id = ?1)").setParameter(1, everyDay).executeUpdate();
            // two more units of it (matin, soir) running every day
            em.createNativeQuery("insert into activity_unit (activity_id, code, label, capacity, weekdays) select activity_id,"
                    + " c, c, 50, '1,2,3,4,5,6,7' from activity_unit, unnest(array['MATIN', 'SOIR']) c where id = ?1")
                    .setParameter(1, everyDay).executeUpdate();
            tx.commit();
            return null;
        });
        @SuppressWarnings("unchecked")
        java.util.Set<Long> units = new java.util.HashSet<>(in(() -> ((List<Number>) em.createNativeQuery("select id from"
                + " activity_unit where activity_id = (select activity_id from activity_unit where id = ?1)")
                .setParameter(1, everyDay).getResultList()).stream().map(Number::longValue).toList()));
        java.util.Map<DayOfWeek, java.util.Set<Long>> allWeek = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            allWeek.put(d, units);
        }
        BookingRefused tooMany = assertThrows(BookingRefused.class, () -> in(() -> bookings.applyTypicalWeek(p.user(),
                p.childId(), allWeek, monday, monday.plusYears(1))));
        assertEquals("to", tooMany.field());
        assertTrue(tooMany.getMessage().contains("plus de 800 journées"), tooMany.getMessage());
        assertEquals(0L, in(() -> ((Number) em.createNativeQuery("select count(*) from booking b join activity_unit u on"
                + " u.id = b.unit_id where u.activity_id = (select activity_id from activity_unit where id = ?1)")
                .setParameter(1, everyDay).getSingleResult()).longValue()));
        // another family's child, by its number: refused, nothing booked for it
        assertThrows(BookingRefused.class, () -> in(() -> bookings.applyTypicalWeek(p.user(), other.childId(), week,
                monday, monday.plusDays(13))));
        assertEquals(1L, in(() -> ((Number) em.createNativeQuery("select count(*) from booking where child_id = ?1")
                .setParameter(1, other.childId()).getSingleResult()).longValue()));
        // nor through « Recopier », the summary or « Confirmer »: another family's child, or its booking by its number
        fr.portailfamille.platform.booking.PlannedChange copy = new fr.portailfamille.platform.booking.PlannedChange(unit,
                monday.plusWeeks(2), null, "Midi");
        assertThrows(BookingRefused.class, () -> in(() -> bookings.copiesToKeep(p.user(), other.childId(), List.of(copy))));
        long theirs = bookingOf(other, unit, monday.plusWeeks(1)).getId();
        fr.portailfamille.platform.booking.PlannedChange undoTheirs = new fr.portailfamille.platform.booking.PlannedChange(
                unit, monday.plusWeeks(1), theirs, "Midi");
        assertThrows(BookingRefused.class, () -> in(() -> bookings.reviewSelection(p.user(), p.childId(), List.of(undoTheirs))));
        assertThrows(BookingRefused.class, () -> in(() -> bookings.applySelection(p.user(), p.childId(), List.of(undoTheirs))));
        assertEquals(BookingStatus.BOOKED, statusOf(other, unit, monday.plusWeeks(1)));
    }

    /**
     * Au guichet: an agent books for a family that asks at the town hall or on the phone, one day or the ticked weekdays
     * of a period, under the family's own rules (seats, waiting list), and cancels as the family would; each written in
     * the file's log. Neither another family's child or booking, nor a parent, nor an agent of another commune gets
     * through.
     */
    @Test
    void anAgentBooksAndCancelsAtTheCounterForAFamilyUnderItsRules() throws Exception {
        long unit = unit(1);
        Parent p = validatedFamily();
        Parent other = validatedFamily();
        long family = in(() -> files.fileOf(p.user())).getId();
        SignedInUser agent = FamilyFileIT.AGENT;
        LocalDate monday = nextMondayInAMonth();
        var counter = in(() -> bookings.counter(agent, family));
        assertEquals(in(() -> files.fileOf(p.user())).getLabel(), counter.familyLabel());
        assertTrue(counter.choices().stream().anyMatch(c -> c.childId() == p.childId() && c.unitId() == unit
                && c.unitLabel().equals("Midi")), counter.choices().toString());
        assertTrue(counter.choices().stream().noneMatch(c -> c.childId() == other.childId()), "only this family's children");

        // one day, then a period's Mondays and Tuesdays: the other family holds the first Tuesday's only seat
        var one = in(() -> bookings.bookAtCounter(agent, family, p.childId(), unit, monday, monday,
                java.util.Set.of(DayOfWeek.MONDAY)));
        assertEquals(1, one.getBooked(), one.summary().french());
        assertEquals(BookingDecision.Outcome.ACCEPTED,
                in(() -> bookings.book(other.user(), other.childId(), unit, monday.plusDays(1))).outcome());
        // (Monday to the next Monday: the days nextMondayInAMonth keeps clear of public holidays)
        var period = in(() -> bookings.bookAtCounter(agent, family, p.childId(), unit, monday, monday.plusDays(7),
                java.util.Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY)));
        assertEquals(1, period.getBooked(), period.summary().french());
        assertEquals(1, period.getWaiting(), period.summary().french());
        assertEquals(1, period.getAlreadyBooked(), "the Monday booked before is left as it was");
        assertEquals(1, in(() -> attendance.seatsTaken(unit, monday.plusDays(1))), "the seat is never oversold");
        // the family finds them in its own planning; the counter lists them from today on
        assertEquals(List.of(BookingStatus.BOOKED, BookingStatus.WAITING, BookingStatus.BOOKED),
                in(() -> bookings.bookingsOf(p.user(), p.childId(), monday, monday.plusDays(7))).stream()
                        .map(Booking::getStatus).toList());
        var coming = in(() -> bookings.counterBookings(agent, family, monday));
        assertEquals(3, coming.size());
        assertTrue(coming.stream().allMatch(PlanningService.CounterBooking::isCancellable));

        // cancelled at the counter, before the deadline: free, the seat given back, and not twice
        long first = bookingOf(p, unit, monday).getId();
        CancellationDecision cancelled = in(() -> bookings.cancelAtCounter(agent, family, first, false));
        assertEquals(CancellationDecision.Outcome.FREE, cancelled.outcome());
        assertEquals(BookingStatus.CANCELLED_FREE, statusOf(p, unit, monday));
        assertEquals(0, in(() -> attendance.seatsTaken(unit, monday)));
        assertThrows(BookingRefused.class, () -> in(() -> bookings.cancelAtCounter(agent, family, first, false)));
        assertEquals(List.of(BookingStatus.WAITING, BookingStatus.BOOKED), in(() -> bookings.counterBookings(agent, family,
                monday)).stream().map(PlanningService.CounterBooking::status).toList(), "only what may still be cancelled");

        // past the free-cancellation deadline: nothing changes until the agent confirms the day stays billed
        long late = unit(5, false, "J-90@23:59");
        in(() -> bookings.bookAtCounter(agent, family, p.childId(), late, monday, monday, java.util.Set.of(DayOfWeek.MONDAY)));
        long lateBooking = bookingOf(p, late, monday).getId();
        // the family's own free cancellation from its absence page, once the deadline passed: told, nothing changed (the
        // absence is declared instead)
        assertFalse(in(() -> bookings.cancelWhileFree(p.user(), lateBooking)));
        assertEquals(BookingStatus.BOOKED, statusOf(p, late, monday));
        BookingRefused warned = assertThrows(BookingRefused.class,
                () -> in(() -> bookings.cancelAtCounter(agent, family, lateBooking, false)));
        assertTrue(warned.getMessage().startsWith("Cette annulation serait facturée"), warned.getMessage());
        assertEquals(BookingStatus.BOOKED, statusOf(p, late, monday), "nothing cancelled before the agent confirms");
        assertEquals(CancellationDecision.Outcome.BILLED,
                in(() -> bookings.cancelAtCounter(agent, family, lateBooking, true)).outcome());
        assertEquals(BookingStatus.ABSENT_BILLED, statusOf(p, late, monday));
        // an absence the family phones in: billed, and its medical certificate awaited from the family's own page
        LocalDate nextMonday = monday.plusDays(7);
        in(() -> bookings.bookAtCounter(agent, family, p.childId(), late, nextMonday, nextMonday,
                java.util.Set.of(DayOfWeek.MONDAY)));
        long sick = bookingOf(p, late, nextMonday).getId();
        assertEquals(BookingStatus.ABSENT_BILLED, in(() -> absences.declareAbsenceAtCounter(agent, family, sick,
                fr.portailfamille.booking.AbsenceReason.MALADIE, "Fièvre, appel de la mère")));
        assertEquals(BookingStatus.ABSENT_BILLED, statusOf(p, late, nextMonday));
        assertTrue(in(() -> absences.lateCertificateAllowed(p.user(), sick)), "the family may still send the certificate");
        assertThrows(BookingRefused.class, () -> in(() -> absences.declareAbsenceAtCounter(agent, family, sick,
                fr.portailfamille.booking.AbsenceReason.MALADIE, null)), "declared once");
        assertThrows(BookingRefused.class, () -> in(() -> absences.declareAbsenceAtCounter(agent, family,
                bookingOf(other, unit, monday.plusDays(1)).getId(), fr.portailfamille.booking.AbsenceReason.AUTRE, null)),
                "another family's booking");
        assertThrows(SecurityException.class, () -> in(() -> absences.declareAbsenceAtCounter(p.user(), family, sick,
                fr.portailfamille.booking.AbsenceReason.AUTRE, null)), "a parent");
        // still cancellable for free: cancelled instead
        long free = bookingOf(p, unit, monday.plusDays(7)).getId();
        assertEquals(BookingStatus.CANCELLED_FREE, in(() -> absences.declareAbsenceAtCounter(agent, family, free,
                fr.portailfamille.booking.AbsenceReason.FAMILLE, null)));
        assertEquals(BookingStatus.CANCELLED_FREE, statusOf(p, unit, monday.plusDays(7)));
        // the family is mailed what was done for it, with the day and its cost, never the absence's reason
        String mails = Mails.await(p.user().email(), m -> m.contains("absence de ") && m.contains("sans frais"));
        assertTrue(mails.contains("la mairie a enregistr") && mails.contains("Midi"), mails);
        assertTrue(mails.contains("les lundis et mardis du "), "the weekdays asked, so that a misheard one shows");
        assertTrue(mails.contains("la mairie a annul") && mails.contains("Annulation hors d"), "the billed cancellation");
        assertTrue(mails.contains("depuis Mes demandes au plus tard le"), "until when a justificatif may excuse the day");
        assertTrue(mails.contains("/espace/demandes.xhtml"), "Mes demandes, which links the absence's page");
        assertFalse(mails.contains("Fi\u00e8vre") || mails.contains("Fièvre") || mails.contains("MALADIE")
                || mails.toLowerCase(java.util.Locale.ROOT).contains("maladie"), "no illness in a mail");
        // a day already past (a list left open overnight): refused as it is, never announced as billed
        long past = insertBooking(p.childId(), late, TestDays.today().minusDays(3), "BOOKED");
        assertEquals(CancellationDecision.Outcome.REFUSED, in(() -> bookings.cancelAtCounter(agent, family, past, false)).outcome());
        // a day the unit does not run: nothing booked, nothing written in the log
        LocalDate saturday = monday.plusDays(5);
        var none = in(() -> bookings.bookAtCounter(agent, family, p.childId(), unit, saturday, saturday,
                java.util.Set.of(DayOfWeek.SATURDAY)));
        assertEquals(0, none.getBooked() + none.getWaiting() + none.getRefused(), none.summary().french());
        var entries = in(() -> familyDesk.auditOf(agent, family)).stream().filter(a -> a.getAction().endsWith("_GUICHET"))
                .toList();
        // newest first; the absence still free to cancel logged as the cancellation it became
        assertEquals(List.of("ANNULATION_GUICHET", "ABSENCE_GUICHET", "RESERVATION_GUICHET", "ANNULATION_GUICHET",
                "RESERVATION_GUICHET", "ANNULATION_GUICHET", "RESERVATION_GUICHET", "RESERVATION_GUICHET"),
                entries.stream().map(a -> a.getAction()).toList());
        assertTrue(entries.stream().noneMatch(a -> a.getDetail() != null && (a.getDetail().contains("MALADIE")
                || a.getDetail().contains("médical"))), "no illness in the log every agent reads");

        // the lines: another family's child or booking through this family's id, a parent, an agent of another commune
        long othersBooking = bookingOf(other, unit, monday.plusDays(1)).getId();
        BookingRefused notOurs = assertThrows(BookingRefused.class, () -> in(() -> bookings.bookAtCounter(agent, family,
                other.childId(), unit, monday, monday, java.util.Set.of(DayOfWeek.MONDAY))));
        assertEquals("Cet enfant ne fait pas partie de ce dossier.", notOurs.getMessage());
        assertEquals("Cette réservation n'existe pas.", assertThrows(BookingRefused.class,
                () -> in(() -> bookings.cancelAtCounter(agent, family, othersBooking, true))).getMessage());
        assertEquals(BookingStatus.BOOKED, statusOf(other, unit, monday.plusDays(1)), "untouched");
        assertThrows(SecurityException.class, () -> in(() -> bookings.counter(p.user(), family)), "a parent");
        assertThrows(SecurityException.class, () -> in(() -> bookings.cancelAtCounter(p.user(), family, first, true)),
                "a parent");
        Commune beta = directory.bySlug("beta").orElseThrow();
        assertThrows(SecurityException.class, () -> TenantContext.call(beta, () -> bookings.counter(agent, family)),
                "an agent of alpha in beta");
        assertThrows(fr.portailfamille.platform.kernel.Refused.class, () -> TenantContext.call(beta,
                () -> bookings.bookAtCounter(FamilyFileIT.BETA_AGENT, family, p.childId(), unit, monday, monday,
                        java.util.Set.of(DayOfWeek.MONDAY))), "beta's agents book nothing of alpha's child by its id");
        // a file not validated: nothing may be booked for it
        SignedInUser draft = FamilyFileIT.parent("alpha", "guichet-" + UUID.randomUUID().toString().substring(0, 8)
                + "@alpha.test", true);
        in(() -> files.submit(draft, FamilyFileIT.complete(files.formOf(draft), draft.email())));
        long submitted = in(() -> files.fileOf(draft)).getId();
        assertEquals("Le dossier de cette famille doit être validé avant toute réservation.",
                assertThrows(BookingRefused.class, () -> in(() -> bookings.counter(agent, submitted))).getMessage());
    }

    @Test
    void bookingsNeedingValidationAreDecidedByAnAgent() throws Exception {
        long unit = unit(1, true);
        Parent first = validatedFamily();
        Parent second = validatedFamily();
        LocalDate day = nextMondayInAMonth();
        assertEquals(BookingDecision.Outcome.PENDING_VALIDATION,
                in(() -> bookings.book(first.user(), first.childId(), unit, day)).outcome());
        assertEquals(BookingDecision.Outcome.WAITING_LIST,
                in(() -> bookings.book(second.user(), second.childId(), unit, day)).outcome(), "la place est retenue");
        long firstBooking = bookingOf(first, unit, day).getId();
        // the agents' queue (ValidationQueue): one count query, one page query, oldest first
        SignedInUser agent = new SignedInUser("alpha", UUID.randomUUID().toString(), "Agent Alpha", "agent@alpha.test",
                true, List.of("agent"), null);
        long waitingCount = in(() -> validations.count(agent));
        assertTrue(waitingCount >= 1);
        var page = in(() -> validations.page(agent, 0, (int) waitingCount, Sort.DEFAULT));
        assertEquals(waitingCount, page.size());
        var row = page.stream().filter(r -> r.id() == firstBooking).findFirst().orElseThrow();
        assertEquals(day, row.day());
        assertEquals("Restauration scolaire", row.activity());
        assertEquals("Midi", row.unit());
        assertEquals(in(() -> files.formOf(first.user())).getChildren().get(0).getFirstName(), row.childFirstName());
        assertEquals(page.stream().map(ValidationQueue.BookingToValidate::id).sorted().toList(),
                page.stream().map(ValidationQueue.BookingToValidate::id).toList(), "oldest first");

        // a refusal without a reason is refused, next to the reason field, and changes nothing
        fr.portailfamille.platform.kernel.Refused noReason = assertThrows(fr.portailfamille.platform.kernel.Refused.class, () -> in(() -> {
            desk.decideValidation("agent@alpha.test", firstBooking, false, "  ");
            return null;
        }));
        assertEquals("reason", noReason.field());
        assertEquals("Indiquez le motif du refus : il est envoyé à la famille.", noReason.getMessage());
        assertEquals(BookingStatus.PENDING_VALIDATION, statusOf(first, unit, day), "rien n'a changé");
        assertEquals(BookingStatus.WAITING, statusOf(second, unit, day));

        in(() -> {
            desk.decideValidation("agent@alpha.test", firstBooking, false, "Groupe complet pour les extérieurs");
            return null;
        });
        // the family sees "Refusée" and the reason: status, planning, Mes demandes, mail
        assertEquals(BookingStatus.REFUSED, statusOf(first, unit, day));
        assertEquals("Groupe complet pour les extérieurs", bookingOf(first, unit, day).getRefusalReason());
        var cell = in(() -> bookings.planning(first.user(), first.childId(), activityOf(unit), java.time.YearMonth.from(day)))
                .stream().filter(d -> d.getDay().equals(day)).findFirst().orElseThrow().getCells().get(0);
        assertEquals(fr.portailfamille.booking.DayState.REFUSEE, cell.getState(), "pas « Annulé sans frais »");
        assertEquals("Groupe complet pour les extérieurs", cell.getReason());
        var requests = in(() -> bookings.bookingRequestsOf(first.user()));
        assertTrue(requests.stream().anyMatch(b -> b.getId() == firstBooking && b.getStatus() == BookingStatus.REFUSED
                && "Groupe complet pour les extérieurs".equals(b.getRefusalReason())), "Mes demandes");
        assertTrue(Mails.contains(first.user().email(), "Groupe complet pour les ext"), "le motif est dans le courriel");
        assertTrue(in(() -> bookings.bookingRequestsOf(second.user())).stream().allMatch(b -> b.getChild().getId() == second.childId()),
                "une famille ne voit que ses demandes");
        assertEquals(BookingStatus.PENDING_VALIDATION, statusOf(second, unit, day), "la place passe au suivant");
        in(() -> {
            desk.decideValidation("agent@alpha.test", bookingOf(second, unit, day).getId(), true, null);
            return null;
        });
        assertEquals(BookingStatus.BOOKED, statusOf(second, unit, day));
        // who decided, in each family's journal
        assertEquals(List.of("agent@alpha.test"), in(() -> em.createNativeQuery("select a.actor from audit_log a join child c"
                + " on c.id = a.child_id where a.action = 'REFUS_RESERVATION' and c.id = ?1").setParameter(1, first.childId())
                .getResultList()));
        assertEquals(1L, in(() -> ((Number) em.createNativeQuery("select count(*) from audit_log where action ="
                + " 'VALIDATION_RESERVATION' and child_id = ?1 and actor = 'agent@alpha.test'").setParameter(1, second.childId())
                .getSingleResult()).longValue()));
        assertEquals(1, in(() -> attendance.seatsTaken(unit, day)));
        assertTrue(Mails.contains(first.user().email(), "refus"));
        assertTrue(Mails.contains(second.user().email(), "valid"));
        assertThrows(BookingRefused.class, () -> in(() -> {
            desk.decideValidation("agent@alpha.test", firstBooking, true, null);
            return null;
        }), "une décision ne se prend qu'une fois");

        // the day refused is not asked for again by the family's other ways, as the grid offers no button on it
        BookingRefused again = assertThrows(BookingRefused.class,
                () -> in(() -> bookings.book(first.user(), first.childId(), unit, day)));
        assertEquals("Demande déjà refusée par la commune pour ce jour.", again.getMessage());
        assertTrue(in(() -> bookings.copiesToKeep(first.user(), first.childId(),
                List.of(new fr.portailfamille.platform.booking.PlannedChange(unit, day, null, "Midi")))).isEmpty(),
                "« Recopier » leaves it out");
        var week = in(() -> bookings.applyTypicalWeek(first.user(), first.childId(),
                java.util.Map.of(day.getDayOfWeek(), java.util.Set.of(unit)), day, day));
        assertEquals(1, week.getRefused(), week.summary().french());
        assertTrue(week.summary().french().contains("déjà refusée par la commune"), week.summary().french());
        assertEquals(BookingStatus.REFUSED, statusOf(first, unit, day), "nothing asked again");
    }

    @Test
    void twoAgentsRefusingTheSameBookingAtOnceFreeItsSeatOnce() throws Exception {
        long unit = unit(1, true);
        Parent first = validatedFamily();
        Parent second = validatedFamily();
        Parent third = validatedFamily();
        LocalDate day = nextMondayInAMonth();
        assertEquals(BookingDecision.Outcome.PENDING_VALIDATION,
                in(() -> bookings.book(first.user(), first.childId(), unit, day)).outcome());
        in(() -> bookings.book(second.user(), second.childId(), unit, day));
        in(() -> bookings.book(third.user(), third.childId(), unit, day));
        long firstBooking = bookingOf(first, unit, day).getId();
        // both decisions read the booking awaiting validation, then wait for the seat; the second finds it decided
        List<Future<String>> decisions = underTheSeatLock(unit, day, 2, () -> {
            try {
                in(() -> {
                    desk.decideValidation("agent@alpha.test", firstBooking, false, "Groupe complet");
                    return null;
                });
                return "DECIDED";
            } catch (BookingRefused e) {
                return e.getMessage();
            }
        });
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : decisions) {
            outcomes.add(f.get());
        }
        assertEquals(1, outcomes.stream().filter("DECIDED"::equals).count(), outcomes.toString());
        assertTrue(outcomes.contains("Cette réservation n'attend pas de validation."), outcomes.toString());
        // the seat went to the first child waiting, once: the next one still waits, the counter says one seat
        assertEquals(BookingStatus.REFUSED, statusOf(first, unit, day));
        assertEquals(BookingStatus.PENDING_VALIDATION, statusOf(second, unit, day));
        assertEquals(BookingStatus.WAITING, statusOf(third, unit, day));
        assertEquals(1, seatCounter(unit, day));
    }

    long activityOf(long unit) throws Exception {
        return in(() -> ((Number) em.createNativeQuery("select activity_id from activity_unit where id = ?1")
                .setParameter(1, unit).getSingleResult()).longValue());
    }

    @Test
    void anAbsenceOnADayStillFreeToCancelIsAFreeCancellation() throws Exception {
        long unit = unit(1);
        Parent p = validatedFamily();
        Parent next = validatedFamily();
        LocalDate day = nextMondayInAMonth();
        in(() -> bookings.book(p.user(), p.childId(), unit, day));
        assertEquals(BookingDecision.Outcome.WAITING_LIST, in(() -> bookings.book(next.user(), next.childId(), unit, day)).outcome());
        long booking = bookingOf(p, unit, day).getId();
        assertTrue(in(() -> absences.freeCancellation(p.user(), booking)), "le jour s'annule encore sans frais");

        String message = in(() -> absences.declareAbsence(p.user(), booking, AbsenceReason.FAMILLE, null,
                null, null, null).french());
        assertEquals(AbsenceRules.FREE_INSTEAD_OF_ABSENCE.french(), message);
        assertTrue(message.contains("annulée sans frais"), message);
        assertEquals(BookingStatus.CANCELLED_FREE, statusOf(p, unit, day), "rien n'est facturé");
        assertEquals(BookingStatus.BOOKED, statusOf(next, unit, day), "la place passe au suivant");
        assertEquals(1, in(() -> attendance.seatsTaken(unit, day)));

        // once the cancellation deadline has passed, the absence is an absence (billed)
        long late = unit(1, false, "J-90@23:59");
        in(() -> bookings.book(p.user(), p.childId(), late, day));
        long lateBooking = bookingOf(p, late, day).getId();
        assertTrue(!in(() -> absences.freeCancellation(p.user(), lateBooking)));
        // "Annuler sans frais" from a page opened before the deadline: refused, nothing cancelled, the absence still open
        BookingRefused noLongerFree = assertThrows(BookingRefused.class, () -> in(() -> bookings.cancelFree(p.user(), lateBooking)));
        assertTrue(noLongerFree.getMessage().startsWith("Le délai d'annulation sans frais est passé"), noLongerFree.getMessage());
        assertEquals(BookingStatus.BOOKED, statusOf(p, late, day));
        assertTrue(in(() -> absences.declareAbsence(p.user(), lateBooking, AbsenceReason.FAMILLE, null,
                null, null, null).french()).contains("reste facturée"));
        assertEquals(BookingStatus.ABSENT_BILLED, statusOf(p, late, day));
        // the day cancelled late (billed) is still the child's: booked again, it would be billed twice (two rows)
        assertThrows(BookingRefused.class, () -> in(() -> bookings.book(p.user(), p.childId(), late, day)));
        assertEquals(1L, in(() -> em.createQuery("select count(b) from Booking b where b.child.id = :c and b.unit.id = :u"
                + " and b.day = :d", Long.class).setParameter("c", p.childId()).setParameter("u", late).setParameter("d", day)
                .getSingleResult()));

        // the same declaration sent twice at once (a double tap): one absence; the other is refused in words, not a
        // database error, and the day's seat is freed once
        LocalDate week = day.plusDays(7);
        in(() -> bookings.book(p.user(), p.childId(), late, week));
        long twice = bookingOf(p, late, week).getId();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(pool.submit(() -> {
                go.await();
                try {
                    return in(() -> absences.declareAbsence(p.user(), twice, AbsenceReason.FAMILLE, null, null, null, null).french());
                } catch (BookingRefused e) {
                    return "refusée : " + e.getMessage();
                }
            }));
        }
        go.countDown();
        List<String> answers = new ArrayList<>();
        for (Future<String> f : both) {
            answers.add(f.get());
        }
        assertEquals(1, answers.stream().filter(a -> a.contains("reste facturée")).count(), answers.toString());
        assertEquals(1, answers.stream().filter(a -> a.startsWith("refusée : ")).count(), answers.toString());
        assertEquals(BookingStatus.ABSENT_BILLED, statusOf(p, late, week));
        assertEquals(0, in(() -> attendance.seatsTaken(late, week)));
    }

    @Test
    void aUnitThatHasAlreadyStartedTodayCannotBeBooked() throws Exception {
        // a unit running every day from 00:00, bookable the same day until 23:59: seen now, it has started
        long started = unitAt("00:00", "J-0@23:59");
        long evening = unitAt("23:59", "J-0@23:59");
        Parent p = validatedFamily();
        LocalDate today = TestDays.today();
        // on a public holiday the day is closed (FERIE) before the unit has started: nothing of this to see
        org.junit.jupiter.api.Assumptions.assumeFalse(TestDays.holiday(today), "jour férié");
        BookingDecision refused = in(() -> bookings.book(p.user(), p.childId(), started, today));
        assertEquals(BookingDecision.Outcome.REFUSED, refused.outcome());
        assertEquals("Cet accueil a déjà commencé (0h00) : il ne peut plus être réservé.", refused.message());
        assertEquals(0, in(() -> attendance.seatsTaken(started, today)));
        // a request awaiting validation for it (made yesterday) is no longer accepted once the unit has begun: the
        // family would be told "validée" for a morning under way, and billed
        long pending = in(() -> {
            tx.begin();
            long id = ((Number) em.createNativeQuery("insert into booking (child_id, unit_id, day, status)"
                    + " values (?1, ?2, ?3, 'PENDING_VALIDATION') returning id").setParameter(1, p.childId())
                    .setParameter(2, started).setParameter(3, today).getSingleResult()).longValue();
            tx.commit();
            return id;
        });
        BookingRefused tooLate = assertThrows(BookingRefused.class, () -> in(() -> {
            desk.decideValidation("agent@alpha.test", pending, true, null);
            return null;
        }));
        assertTrue(tooLate.getMessage().contains("a déjà commencé"), tooLate.getMessage());
        assertEquals(BookingStatus.PENDING_VALIDATION, in(() -> em.find(Booking.class, pending).getStatus()));
        in(() -> {
            tx.begin();
            em.createNativeQuery("delete from booking where id = ?1").setParameter(1, pending).executeUpdate();
            tx.commit();
            return null;
        });
        var cell = in(() -> bookings.planning(p.user(), p.childId(), activityOf(started), java.time.YearMonth.from(today)))
                .stream().filter(d -> d.getDay().equals(today)).findFirst().orElseThrow().getCells().get(0);
        assertEquals(fr.portailfamille.booking.DayState.FERME, cell.getState());
        assertTrue(!cell.isBookable(), "le planning ne le propose pas");
        if (TestDays.now().toLocalTime().isBefore(java.time.LocalTime.of(23, 58))) {
            assertEquals(BookingDecision.Outcome.ACCEPTED, in(() -> bookings.book(p.user(), p.childId(), evening, today)).outcome(),
                    "avant son début, un accueil du jour se réserve encore");
        }
    }

    /** A unit running every day of the week from {@code start}, with the same booking and cancellation deadline. */
    long unitAt(String start, String deadline) throws Exception {
        long id = in(() -> {
            tx.begin();
            String code = "ACT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            Number activity = (Number) em.createNativeQuery("insert into activity (code, name, type, runs_in_holidays,"
                    + " booking_deadline, cancellation_deadline, late_policy) values (?1, 'Accueil du matin', 'PERISCOLAIRE',"
                    + " true, ?2, ?2, 'SURCHARGED') returning id").setParameter(1, code).setParameter(2, deadline)
                    .getSingleResult();
            Number unit = (Number) em.createNativeQuery("insert into activity_unit (activity_id, code, label, start_time,"
                    + " capacity, weekdays) values (?1, 'MATIN', 'Matin', cast(?2 as time), 10, '1,2,3,4,5,6,7') returning id")
                    .setParameter(1, activity.longValue()).setParameter(2, start).getSingleResult();
            tx.commit();
            return unit.longValue();
        });
        registerEveryChildToEveryActivity();
        return id;
    }

    /** A seat given up once the unit has started that day goes to nobody: the child waiting is not booked for it. */
    @Test
    void aSeatGivenUpOnceTheUnitHasStartedPromotesNobody() throws Exception {
        long unit = unitAt("00:00", "J-1@23:59");
        Parent booked = validatedFamily();
        Parent waiting = validatedFamily();
        LocalDate today = TestDays.today();
        long seat = insertBooking(booked.childId(), unit, today, "BOOKED");
        insertBooking(waiting.childId(), unit, today, "WAITING");
        sql("insert into unit_day (unit_id, day, booked) values (" + unit + ", date '" + today + "', 1)");
        CancellationDecision late = in(() -> bookings.cancel(booked.user(), seat));
        // billed (past the deadline), or free on a public holiday: either way the seat is given up
        assertTrue(late.outcome() != CancellationDecision.Outcome.REFUSED, late.message());
        assertEquals(BookingStatus.WAITING, statusOf(waiting, unit, today), "not booked for a unit already running");
        assertEquals(0, in(() -> attendance.seatsTaken(unit, today)));
    }

    /**
     * A unit without hours, on its day: a seat given up is no longer passed to the children waiting (its day counts as
     * begun); a newcomer does not take it before them.
     */
    @Test
    void aNewcomerWaitsBehindTheChildrenWaitingOnTheDayOfAUnitWithoutHours() throws Exception {
        long unit = unitAt(null, "J-1@23:59");
        Parent waiting = validatedFamily();
        Parent newcomer = validatedFamily();
        LocalDate today = TestDays.today();
        insertBooking(waiting.childId(), unit, today, "WAITING");
        BookingDecision d = in(() -> bookings.book(newcomer.user(), newcomer.childId(), unit, today));
        assertEquals(BookingDecision.Outcome.WAITING_LIST, d.outcome(), d.toString());
        assertEquals(BookingStatus.WAITING, statusOf(newcomer, unit, today));
        assertEquals(0, in(() -> attendance.seatsTaken(unit, today)));
        // another day, nobody waiting: the usual rules
        BookingDecision later = in(() -> bookings.book(newcomer.user(), newcomer.childId(), unit, today.plusDays(7)));
        assertNotEquals(BookingDecision.Outcome.WAITING_LIST, later.outcome(), later.toString());
    }

    @Test
    void occupancyCountsOnlyTheUnitsRunningThatDay() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long school = unit(10);
        long[] alsh = new long[1];
        long[] wednesday = new long[1];
        in(() -> {
            tx.begin();
            Number a = (Number) em.createNativeQuery("insert into activity (code, name, type, runs_in_holidays,"
                    + " booking_deadline, cancellation_deadline, late_policy) values (?1, 'Centre de loisirs', 'ALSH_VACANCES',"
                    + " true, 'J-2@23:59', 'J-2@23:59', 'REFUSED') returning id").setParameter(1, "ALSH-" + suffix).getSingleResult();
            alsh[0] = ((Number) em.createNativeQuery("insert into activity_unit (activity_id, code, label, capacity) values"
                    + " (?1, 'JOURNEE', 'Journée', 20) returning id").setParameter(1, a.longValue()).getSingleResult()).longValue();
            Number m = (Number) em.createNativeQuery("insert into activity (code, name, type, booking_deadline,"
                    + " cancellation_deadline, late_policy) values (?1, 'Mercredis', 'MERCREDI', 'J-2@23:59', 'J-2@23:59',"
                    + " 'REFUSED') returning id").setParameter(1, "MER-" + suffix).getSingleResult();
            wednesday[0] = ((Number) em.createNativeQuery("insert into activity_unit (activity_id, code, label, capacity,"
                    + " weekdays) values (?1, 'JOURNEE', 'Journée', 20, '3') returning id").setParameter(1, m.longValue())
                    .getSingleResult()).longValue();
            tx.commit();
            return null;
        });
        LocalDate schoolMonday = nextMondayInAMonth();
        LocalDate holidayMonday = schoolMonday.plusWeeks(3);
        String label = "Vacances occupation " + suffix;
        sql("insert into calendar_period (kind, label, start_day, end_day) values ('VACANCES', '" + label + "', '"
                + holidayMonday + "', '" + holidayMonday.plusDays(6) + "')");
        try {
            List<Long> onSchoolDay = in(() -> attendance.occupancy(FamilyFileIT.AGENT, schoolMonday)).stream()
                    .map(AttendanceService.Occupancy::getUnitId).toList();
            assertTrue(onSchoolDay.contains(school), "la cantine fonctionne un lundi d'école");
            assertTrue(!onSchoolDay.contains(alsh[0]), "pas de centre de loisirs un jour d'école");
            assertTrue(!onSchoolDay.contains(wednesday[0]), "pas de mercredi un lundi");
            List<Long> onHoliday = in(() -> attendance.occupancy(FamilyFileIT.AGENT, holidayMonday)).stream()
                    .map(AttendanceService.Occupancy::getUnitId).toList();
            assertTrue(onHoliday.contains(alsh[0]), "le centre de loisirs fonctionne pendant les vacances");
            assertTrue(!onHoliday.contains(school), "pas de cantine pendant les vacances");
            assertTrue(in(() -> attendance.occupancy(FamilyFileIT.AGENT, schoolMonday.plusDays(2))).stream()
                    .anyMatch(o -> o.getUnitId() == wednesday[0]), "le mercredi, les mercredis");
        } finally {
            sql("delete from calendar_period where label = '" + label + "'");
        }
    }

    void sql(String statement) throws Exception {
        in(() -> {
            tx.begin();
            em.createNativeQuery(statement).executeUpdate();
            tx.commit();
            return null;
        });
    }

    /**
     * Past the free-cancellation deadline, a booked day withdrawn stays billed; a request the commune never granted —
     * awaiting validation, on the waiting list — is withdrawn free, and the family is told so.
     */
    @Test
    void aRequestNeverGrantedIsWithdrawnFreeAfterTheDeadline() throws Exception {
        long unit = unit(1, true, "J-90@23:59");
        Parent first = validatedFamily();
        Parent second = validatedFamily();
        LocalDate day = nextMondayInAMonth();
        assertEquals(BookingDecision.Outcome.PENDING_VALIDATION,
                in(() -> bookings.book(first.user(), first.childId(), unit, day)).outcome());
        assertEquals(BookingDecision.Outcome.WAITING_LIST,
                in(() -> bookings.book(second.user(), second.childId(), unit, day)).outcome());
        long waiting = bookingOf(second, unit, day).getId();
        CancellationDecision leftTheList = in(() -> bookings.cancel(second.user(), waiting));
        assertEquals(CancellationDecision.Outcome.FREE, leftTheList.outcome());
        assertEquals("Annulation sans frais.", leftTheList.message());
        assertEquals(BookingStatus.CANCELLED_FREE, statusOf(second, unit, day));
        long pending = bookingOf(first, unit, day).getId();
        CancellationDecision withdrawn = in(() -> bookings.cancel(first.user(), pending));
        assertEquals(CancellationDecision.Outcome.FREE, withdrawn.outcome());
        assertEquals(BookingStatus.CANCELLED_FREE, statusOf(first, unit, day), "not billed: never granted");
        assertEquals(0, in(() -> attendance.seatsTaken(unit, day)));
    }

    /**
     * An activity whose tariff bills no unexcused absence: an absence is said not billed, whatever its reason, and no
     * medical certificate is kept nor asked for afterwards (health data of no use).
     */
    @Test
    void anAbsenceUnderATariffThatBillsNoneIsSaidNotBilledAndAsksNoCertificate() throws Exception {
        long unit = unit(3, false, "J-90@23:59");
        in(() -> {
            tx.begin();
            Number tariff = (Number) em.createNativeQuery("insert into tariff (activity_id, valid_from, mode, maximum_cents,"
                    + " unexcused_absence_billed) select activity_id, current_date - 400, 'BRACKETS', 350, false"
                    + " from activity_unit where id = ?1 returning id").setParameter(1, unit).getSingleResult();
            em.createNativeQuery("insert into tariff_price (tariff_id, bracket_id, price_cents) select ?1, id, 350"
                    + " from qf_bracket").setParameter(1, tariff.longValue()).executeUpdate();
            tx.commit();
            return null;
        });
        Parent p = validatedFamily();
        LocalDate day = nextMondayInAMonth();
        in(() -> bookings.book(p.user(), p.childId(), unit, day));
        long booking = bookingOf(p, unit, day).getId();
        String said = in(() -> absences.declareAbsence(p.user(), booking, AbsenceReason.MALADIE, null,
                "%PDF-1.4 certificat".getBytes(), "application/pdf", "certificat.pdf").french());
        assertEquals("Absence enregistrée. Elle n'est pas facturée : aucun justificatif n'est à envoyer.", said);
        assertEquals(BookingStatus.ABSENT_BILLED, statusOf(p, unit, day));
        assertEquals(0L, in(() -> ((Number) em.createNativeQuery("select count(*) from absence where booking_id = ?1"
                + " and certificate is not null").setParameter(1, booking).getSingleResult()).longValue()), "no certificate kept");
        assertFalse(in(() -> absences.lateCertificateAllowed(p.user(), booking)), "none asked for afterwards");
        // a late cancellation: said not billed, by the family or at the counter (no confirmation asked for)
        LocalDate tuesday = day.plusDays(1);
        LocalDate wednesday = day.plusDays(2);
        in(() -> bookings.book(p.user(), p.childId(), unit, tuesday));
        in(() -> bookings.book(p.user(), p.childId(), unit, wednesday));
        long own = bookingOf(p, unit, tuesday).getId();
        // the summary before « Confirmer » says it as the result will
        fr.portailfamille.platform.booking.PlannedChange undo = new fr.portailfamille.platform.booking.PlannedChange(unit,
                tuesday, own, "Midi");
        assertEquals("Annulation hors délai : le tarif de cette activité ne facture pas les absences, la journée n'est pas"
                + " facturée.", in(() -> bookings.reviewSelection(p.user(), p.childId(), List.of(undo))).notices()
                .get(undo.getKey()));
        CancellationDecision cancelled = in(() -> bookings.cancel(p.user(), own));
        assertEquals("Annulation hors délai : le tarif de cette activité ne facture pas les absences, la journée n'est pas"
                + " facturée.", cancelled.message());
        long family = in(() -> files.fileOf(p.user())).getId();
        long counter = bookingOf(p, unit, wednesday).getId();
        CancellationDecision atCounter = in(() -> bookings.cancelAtCounter(FamilyFileIT.AGENT, family, counter, false));
        assertTrue(atCounter.message().contains("n'est pas facturée"), atCounter.message());
        assertEquals(BookingStatus.ABSENT_BILLED, statusOf(p, unit, wednesday));
    }

    /**
     * A request's withdrawal chosen on the planning (free, the summary says), granted by the service before « Confirmer »:
     * the booking is kept and told, not cancelled and billed as an absence; still a request, it is withdrawn free.
     */
    @Test
    void aRequestGrantedBeforeConfirmerIsKeptNotCancelledAndBilled() throws Exception {
        long unit = unit(2, true, "J-90@23:59");
        Parent p = validatedFamily();
        LocalDate day = nextMondayInAMonth();
        LocalDate next = day.plusWeeks(1);
        in(() -> bookings.book(p.user(), p.childId(), unit, day));
        in(() -> bookings.book(p.user(), p.childId(), unit, next));
        long id = bookingOf(p, unit, day).getId();
        long other = bookingOf(p, unit, next).getId();
        assertEquals(BookingStatus.PENDING_VALIDATION, statusOf(p, unit, day));
        var withdrawal = new fr.portailfamille.platform.booking.PlannedChange(unit, day, id, "Midi", true);
        var stillRequest = new fr.portailfamille.platform.booking.PlannedChange(unit, next, other, "Midi", true);
        in(() -> {
            desk.decideValidation("agent@alpha.test", id, true, null);
            return null;
        });
        var outcomes = in(() -> bookings.applySelection(p.user(), p.childId(), List.of(withdrawal, stillRequest)));
        assertFalse(outcomes.get(0).isDone());
        assertTrue(outcomes.get(0).getMessage().startsWith("Une place vient d'être attribuée pour ce jour"),
                outcomes.get(0).getMessage());
        assertEquals(BookingStatus.BOOKED, statusOf(p, unit, day), "kept, not billed as an absence");
        assertTrue(outcomes.get(1).isDone());
        assertEquals(BookingStatus.CANCELLED_FREE, statusOf(p, unit, next), "never granted: withdrawn free");
    }

    /**
     * « Confirmer » applies what the summary said: read « sans frais », the cancellation's deadline passed before the
     * family confirmed — nothing cancelled, nothing billed, the summary to be read again (as it now says, billed); read
     * again and confirmed, it is done.
     */
    @Test
    void aDeadlinePassedSinceTheSummaryAppliesNothingUntilItIsReadAgain() throws Exception {
        long unit = unit(2);
        Parent p = validatedFamily();
        LocalDate day = nextMondayInAMonth();
        in(() -> bookings.book(p.user(), p.childId(), unit, day));
        long id = bookingOf(p, unit, day).getId();
        var cancel = new fr.portailfamille.platform.booking.PlannedChange(unit, day, id, "Midi");
        var read = in(() -> bookings.reviewSelection(p.user(), p.childId(), List.of(cancel)));
        assertFalse(read.warned().contains(cancel.getKey()), "free when the family read it");
        sql("update activity set cancellation_deadline = 'J-90@23:59' where id = (select activity_id from activity_unit"
                + " where id = " + unit + ")");
        BookingRefused changed = assertThrows(BookingRefused.class, () -> in(() -> bookings.applySelection(p.user(),
                p.childId(), List.of(cancel), read.fingerprint())));
        assertEquals("booking.selection.summaryChanged", changed.text().key());
        assertEquals(BookingStatus.BOOKED, statusOf(p, unit, day), "not cancelled, not billed");
        var again = in(() -> bookings.reviewSelection(p.user(), p.childId(), List.of(cancel)));
        assertTrue(again.warned().contains(cancel.getKey()), "the summary now says it stays billed");
        var outcomes = in(() -> bookings.applySelection(p.user(), p.childId(), List.of(cancel), again.fingerprint()));
        assertTrue(outcomes.get(0).isDone());
        assertEquals(BookingStatus.ABSENT_BILLED, statusOf(p, unit, day));
    }

    /**
     * An illness declared in the morning without its certificate (billed): the certificate sent that evening, by the
     * family only, waits for its review as if it had come with the declaration; once, and within the week only.
     */
    @Test
    void aCertificateSentAfterTheDeclarationWaitsForItsReview() throws Exception {
        long unit = unit(3, false, "J-90@23:59");
        Parent p = validatedFamily();
        Parent other = validatedFamily();
        LocalDate day = nextMondayInAMonth().plusDays(1);
        in(() -> bookings.book(p.user(), p.childId(), unit, day));
        long booking = bookingOf(p, unit, day).getId();
        String billed = in(() -> absences.declareAbsence(p.user(), booking, AbsenceReason.MALADIE, null, null, null, null)
                .french());
        assertTrue(billed.contains("vous pouvez encore l'envoyer dans les 7 jours"), billed);
        assertTrue(in(() -> absences.lateCertificateAllowed(p.user(), booking)));
        assertThrows(BookingRefused.class, () -> in(() -> absences.sendLateCertificate(other.user(), booking,
                "%PDF-1.4 certificat".getBytes(), "application/pdf", "certificat.pdf")), "another family's day");
        BookingRefused none = assertThrows(BookingRefused.class, () -> in(() -> absences.sendLateCertificate(p.user(), booking,
                null, null, null)));
        assertEquals("certificate", none.field());
        assertEquals(BookingStatus.ABSENT_BILLED, statusOf(p, unit, day), "nothing changed");

        assertEquals(AbsenceRules.CERTIFICATE_PENDING.french(), in(() -> absences.sendLateCertificate(p.user(), booking,
                "%PDF-1.4 certificat".getBytes(), "application/pdf", "certificat.pdf")).french());
        assertEquals(BookingStatus.ABSENT_PENDING, statusOf(p, unit, day), "waits for agent-sante's review");
        assertEquals("Aucun certificat n'est attendu pour cette journée.", assertThrows(BookingRefused.class,
                () -> in(() -> absences.sendLateCertificate(p.user(), booking, "%PDF-1.4 encore".getBytes(),
                        "application/pdf", "encore.pdf"))).getMessage(), "once");
        // agent-sante refuses it as illegible: the day stays billed, and a readable one can be sent within the week,
        // back in the review queue
        long absence = in(() -> ((Number) em.createNativeQuery("select id from absence where booking_id = ?1")
                .setParameter(1, booking).getSingleResult()).longValue());
        in(() -> {
            absences.reviewCertificate("sante@alpha.test", absence, false, "certificat illisible");
            return null;
        });
        assertEquals(BookingStatus.ABSENT_BILLED, statusOf(p, unit, day));
        assertTrue(in(() -> absences.lateCertificateAllowed(p.user(), booking)), "a refused certificate can be sent again");
        assertEquals(AbsenceRules.CERTIFICATE_PENDING.french(), in(() -> absences.sendLateCertificate(p.user(), booking,
                "%PDF-1.4 lisible".getBytes(), "application/pdf", "lisible.pdf")).french());
        assertEquals(BookingStatus.ABSENT_PENDING, statusOf(p, unit, day));
        assertTrue(in(() -> certificates.page(RegistrationIT.SANTE, 0, 100, new Sort("day", false))).stream()
                .anyMatch(c -> c.absenceId() == absence), "back in agent-sante's queue");
        assertTrue(in(() -> certificates.count(RegistrationIT.SANTE)) >= 1);
        assertEquals(0L, in(() -> certificates.count(RegistrationIT.AGENT)), "no count an agent without agent-sante cannot clear");

        // a week after the day, no more
        long late = insertBooking(p.childId(), unit, TestDays.today().minusDays(8), "ABSENT_BILLED");
        sql("insert into absence (booking_id, reason) values (" + late + ", 'MALADIE')");
        assertFalse(in(() -> absences.lateCertificateAllowed(p.user(), late)));
        assertTrue(in(() -> absences.lateCertificateRefused(p.user(), late)).orElseThrow().french().contains("ce délai est passé"),
                "the absence page says why, not « no longer booked »");
        assertTrue(assertThrows(BookingRefused.class, () -> in(() -> absences.sendLateCertificate(p.user(), late,
                "%PDF-1.4 certificat".getBytes(), "application/pdf", "certificat.pdf"))).getMessage()
                .contains("ce délai est passé"));

        // a past day whose certificate agent-sante refused, the family told: the day sheet of an agent without the role
        // does not overturn it (agent-sante's does)
        long reviewed = insertBooking(p.childId(), unit, TestDays.today().minusDays(2), "ABSENT_BILLED");
        sql("insert into absence (booking_id, reason, certificate, certificate_type, certificate_name, reviewed_at,"
                + " reviewed_by, review_reason) values (" + reviewed + ", 'MALADIE', 'x'::bytea, 'application/pdf',"
                + " 'certificat.pdf', now(), 'sante@alpha.test', 'Illisible')");
        String overturned = assertThrows(BookingRefused.class, () -> in(() -> {
            attendance.markAttendance(FamilyFileIT.AGENT, reviewed, BookingStatus.ABSENT_EXCUSED);
            return null;
        })).getMessage();
        assertTrue(overturned.contains("seul un agent ayant ce rôle"), overturned);
        in(() -> {
            attendance.markAttendance(RegistrationIT.SANTE, reviewed, BookingStatus.ABSENT_EXCUSED);
            return null;
        });
        assertEquals("ABSENT_EXCUSED", in(() -> em.createNativeQuery("select status from booking where id = ?1")
                .setParameter(1, reviewed).getSingleResult()));

        // a commune that gives two days (Tarification): three days after, no more
        long third = insertBooking(p.childId(), unit, TestDays.today().minusDays(3), "ABSENT_BILLED");
        sql("insert into absence (booking_id, reason) values (" + third + ", 'MALADIE')");
        assertTrue(in(() -> absences.lateCertificateAllowed(p.user(), third)), "within the default seven days");
        sql("update billing_settings set certificate_days = 2");
        try {
            assertEquals(2, in(() -> absences.lateCertificateDays()));
            assertFalse(in(() -> absences.lateCertificateAllowed(p.user(), third)));
            assertTrue(assertThrows(BookingRefused.class, () -> in(() -> absences.sendLateCertificate(p.user(), third,
                    "%PDF-1.4 certificat".getBytes(), "application/pdf", "certificat.pdf"))).getMessage()
                    .contains("dans les 2 jours"));
        } finally {
            sql("update billing_settings set certificate_days = null");
        }
    }

    /**
     * A sick child pointed absent in the morning, the family not having said so yet: that evening the family gives its
     * reason and the medical certificate (waits for its review, excused if accepted), from the planning's link to
     * « Signaler une absence »; another family cannot, nor twice, nor past the commune's delay.
     */
    @Test
    void anAbsenceThePointageFoundIsDeclaredByTheFamilyWithItsCertificate() throws Exception {
        long unit = unit(3, false, "J-90@23:59");
        Parent p = validatedFamily();
        Parent other = validatedFamily();
        LocalDate today = TestDays.today();
        long pointed = insertBooking(p.childId(), unit, today, "BOOKED");
        // its seat counted as a booking counts it
        sql("insert into unit_day (unit_id, day, booked) values (" + unit + ", '" + today + "', 1)"
                + " on conflict (unit_id, day) do update set booked = unit_day.booked + 1");
        in(() -> {
            attendance.markAttendance(FamilyFileIT.AGENT, pointed, BookingStatus.ABSENT_BILLED);
            return null;
        });
        var cell = in(() -> bookings.planning(p.user(), p.childId(), activityOf(unit), java.time.YearMonth.from(today)))
                .stream().filter(d -> d.getDay().equals(today)).findFirst().orElseThrow().getCells().get(0);
        assertTrue(cell.isAbsenceAllowed(), "the planning links the day to « Signaler une absence »");
        assertEquals(pointed, cell.getBookingId());
        assertEquals(java.util.Optional.empty(), in(() -> absences.pointedAbsenceRefused(p.user(), pointed)));
        assertEquals("Cette réservation n'existe pas.", assertThrows(BookingRefused.class,
                () -> in(() -> absences.declareAbsence(other.user(), pointed, AbsenceReason.MALADIE, null,
                        "%PDF-1.4 certificat".getBytes(), "application/pdf", "certificat.pdf"))).getMessage(),
                "another family's day");

        assertEquals(AbsenceRules.CERTIFICATE_PENDING.french(), in(() -> absences.declareAbsence(p.user(), pointed,
                AbsenceReason.MALADIE, "fièvre", "%PDF-1.4 certificat".getBytes(), "application/pdf", "certificat.pdf"))
                .french());
        assertEquals(BookingStatus.ABSENT_PENDING, statusOf(p, unit, today), "waits for agent-sante's review");
        long absence = in(() -> ((Number) em.createNativeQuery("select id from absence where booking_id = ?1")
                .setParameter(1, pointed).getSingleResult()).longValue());
        assertTrue(in(() -> certificates.page(RegistrationIT.SANTE, 0, 100, new Sort("day", false))).stream()
                .anyMatch(c -> c.absenceId() == absence), "in agent-sante's queue");
        assertEquals("Une absence se signale sur un jour réservé.", assertThrows(BookingRefused.class,
                () -> in(() -> absences.declareAbsence(p.user(), pointed, AbsenceReason.FAMILLE, null, null, null, null)))
                .getMessage(), "once");
        in(() -> {
            absences.reviewCertificate("sante@alpha.test", absence, true, null);
            return null;
        });
        assertEquals(BookingStatus.ABSENT_EXCUSED, statusOf(p, unit, today), "excused: not billed");
        assertFalse(in(() -> bookings.planning(p.user(), p.childId(), activityOf(unit), java.time.YearMonth.from(today)))
                .stream().filter(d -> d.getDay().equals(today)).findFirst().orElseThrow().getCells().get(0)
                .isAbsenceAllowed(), "declared: no more link");

        // pointed eight days ago: too late, said so (and not offered on the planning)
        LocalDate longAgo = today.minusDays(8);
        long old = insertBooking(p.childId(), unit, longAgo, "ABSENT_BILLED");
        String late = "L'absence relevée par le service se signale dans les 7 jours qui la suivent, avant sa facturation :"
                + " ce délai est passé. Contactez le service enfance.";
        assertEquals(late, in(() -> absences.pointedAbsenceRefused(p.user(), old)).orElseThrow().french());
        assertEquals(late, assertThrows(BookingRefused.class, () -> in(() -> absences.declareAbsence(p.user(), old,
                AbsenceReason.MALADIE, null, null, null, null))).getMessage());
        assertFalse(in(() -> bookings.planning(p.user(), p.childId(), activityOf(unit), java.time.YearMonth.from(longAgo)))
                .stream().filter(d -> d.getDay().equals(longAgo)).findFirst().orElseThrow().getCells().get(0)
                .isAbsenceAllowed());
        // a late cancellation (billed, its seat given up) is not an absence to declare
        long cancelledLate = insertBooking(p.childId(), unit, today.minusDays(1), "ABSENT_BILLED");
        sql("update booking set seat_given_up = true where id = " + cancelledLate);
        assertEquals("Une absence se signale sur un jour réservé.",
                in(() -> absences.pointedAbsenceRefused(p.user(), cancelledLate)).orElseThrow().french());
    }

    @Test
    void absenceWithACertificateWaitsForItsReviewAndFreesTheSeat() throws Exception {
        long unit = unit(1, false, "J-90@23:59");
        Parent p = validatedFamily();
        Parent next = validatedFamily();
        LocalDate day = nextMondayInAMonth();
        LocalDate otherDay = day.plusDays(1);
        in(() -> bookings.book(p.user(), p.childId(), unit, day));
        in(() -> bookings.book(p.user(), p.childId(), unit, otherDay));
        assertEquals(BookingDecision.Outcome.WAITING_LIST, in(() -> bookings.book(next.user(), next.childId(), unit, day)).outcome());
        long booking = bookingOf(p, unit, day).getId();

        assertEquals("Cette réservation n'existe pas.", assertThrows(BookingRefused.class,
                () -> in(() -> absences.declareAbsence(next.user(), booking, AbsenceReason.MALADIE, null,
                        null, null, null))).getMessage(), "une famille ne déclare pas l'absence d'un autre enfant");
        assertTrue(assertThrows(BookingRefused.class,
                () -> in(() -> absences.declareAbsence(p.user(), booking, AbsenceReason.MALADIE, null,
                        "MZ".getBytes(), "application/x-msdownload", "virus.exe"))).getMessage().contains("PDF, JPEG ou PNG"));
        assertEquals(BookingStatus.BOOKED, statusOf(p, unit, day), "rien n'a changé");

        String pending = in(() -> absences.declareAbsence(p.user(), booking, AbsenceReason.MALADIE,
                "angine", "%PDF-1.4 certificat".getBytes(), "application/pdf", "certificat.pdf").french());
        assertEquals(AbsenceRules.CERTIFICATE_PENDING.french(), pending);
        assertTrue(pending.contains("en attente de vérification du certificat"), pending);
        assertEquals(BookingStatus.ABSENT_PENDING, statusOf(p, unit, day), "pas excusée avant la vérification du certificat");
        assertEquals(BookingStatus.BOOKED, statusOf(next, unit, day), "la place libérée passe au suivant");
        assertEquals(1, in(() -> attendance.seatsTaken(unit, day)));

        long other = bookingOf(p, unit, otherDay).getId();
        String billed = in(() -> absences.declareAbsence(p.user(), other, AbsenceReason.MALADIE, null,
                null, null, null).french());
        assertTrue(billed.contains("reste facturée"), billed);
        assertEquals(BookingStatus.ABSENT_BILLED, statusOf(p, unit, otherDay));
        assertEquals(0, in(() -> attendance.seatsTaken(unit, otherDay)));
    }

    @Test
    void agentsTakeAttendanceOnTheDayOnly() throws Exception {
        long unit = unit(5);
        Parent p = validatedFamily();
        Parent waiting = validatedFamily();
        long today = insertBooking(p.childId(), unit, TestDays.today(), "BOOKED");
        long future = insertBooking(waiting.childId(), unit, nextMondayInAMonth(), "BOOKED");
        long onList = insertBooking(waiting.childId(), unit, TestDays.today(), "WAITING");

        var sheet = in(() -> attendance.daySheet(FamilyFileIT.AGENT, unit, TestDays.today()));
        assertEquals(List.of(today, onList), sheet.stream().map(Booking::getId).toList(), "inscrits puis liste d'attente");
        in(() -> {
            attendance.markAttendance(FamilyFileIT.AGENT, today, BookingStatus.PRESENT);
            return null;
        });
        assertEquals(BookingStatus.PRESENT, in(() -> attendance.daySheet(FamilyFileIT.AGENT, unit, TestDays.today())).get(0).getStatus());
        // in the family's journal: who marked which day, from what to what
        Object[] journal = in(() -> (Object[]) em.createNativeQuery("select a.actor, a.detail from audit_log a join child c"
                + " on c.family_id = a.family_id where c.id = ?1 and a.action = 'POINTAGE'").setParameter(1, p.childId())
                .getSingleResult());
        assertEquals(FamilyFileIT.AGENT.email(), journal[0]);
        assertTrue(journal[1].toString().endsWith(" du " + TestDays.today() + " : BOOKED -> PRESENT"), journal[1].toString());
        assertEquals("Le pointage se fait le jour même ou après.", assertThrows(BookingRefused.class,
                () -> in(() -> {
                    attendance.markAttendance(FamilyFileIT.AGENT, future, BookingStatus.PRESENT);
                    return null;
                })).getMessage());
        assertThrows(BookingRefused.class, () -> in(() -> {
            attendance.markAttendance(FamilyFileIT.AGENT, onList, BookingStatus.ABSENT_BILLED);
            return null;
        }));
        // an absence whose certificate awaits agent-sante's review is not excused nor billed from the day sheet
        Parent sick = validatedFamily();
        long pending = insertBooking(sick.childId(), unit, TestDays.today(), "ABSENT_PENDING");
        for (BookingStatus mark : List.of(BookingStatus.ABSENT_EXCUSED, BookingStatus.ABSENT_BILLED, BookingStatus.PRESENT)) {
            assertTrue(assertThrows(BookingRefused.class, () -> in(() -> {
                attendance.markAttendance(FamilyFileIT.AGENT, pending, mark);
                return null;
            })).getMessage().contains("attend la décision d'un agent habilité"));
        }
        assertEquals(BookingStatus.ABSENT_PENDING, statusOf(sick, unit, TestDays.today()));
        // a request nobody validated in time, the child there: pointed present (billed as booked, its seat was held),
        // never absent (nothing is billed: the request is refused)
        Parent unvalidated = validatedFamily();
        long asked = insertBooking(unvalidated.childId(), unit, TestDays.today(), "PENDING_VALIDATION");
        assertTrue(assertThrows(BookingRefused.class, () -> in(() -> {
            attendance.markAttendance(FamilyFileIT.AGENT, asked, BookingStatus.ABSENT_BILLED);
            return null;
        })).getMessage().contains("attend encore sa validation"));
        in(() -> {
            attendance.markAttendance(FamilyFileIT.AGENT, asked, BookingStatus.PRESENT);
            return null;
        });
        assertEquals(BookingStatus.PRESENT, statusOf(unvalidated, unit, TestDays.today()));
        assertEquals(Boolean.TRUE, in(() -> em.createNativeQuery("select decided_at is not null and not unbooked from booking"
                + " where id = ?1").setParameter(1, asked).getSingleResult()), "out of the validation queue, a booked day");
    }

    /**
     * A request nobody validated before its day, closed by the nightly job, the child there that day: the agent keying in
     * the paper sheet the next morning finds it on the sheet and points the child present, billed as the booked day it
     * asked for — not « présent sans réservation » at the penalty price, which is refused for it.
     */
    @Test
    void aRequestTheNightClosedUnvalidatedIsPointedPresentTheNextMorningAsBooked() throws Exception {
        long unit = unit(5);
        LocalDate day = TestDays.today().minusDays(1);
        while (day.getDayOfWeek().getValue() > 5
                || fr.portailfamille.booking.FrenchPublicHolidays.datesOf(day.getYear()).contains(day)) {
            day = day.minusDays(1);
        }
        LocalDate yesterday = day;
        Parent p = validatedFamily();
        long asked = insertBooking(p.childId(), unit, yesterday, "PENDING_VALIDATION");
        assertTrue(in(() -> expiredRequests.close(TestDays.today())) >= 1);
        assertEquals(BookingStatus.REFUSED, statusOf(p, unit, yesterday));
        var sheet = in(() -> attendance.daySheet(FamilyFileIT.AGENT, unit, yesterday));
        assertEquals(List.of(asked), sheet.stream().map(Booking::getId).toList(), "still on the sheet");
        assertTrue(sheet.get(0).isExpiredRequest());
        assertTrue(in(() -> attendance.childrenWithoutBooking(FamilyFileIT.AGENT, unit, yesterday)).stream()
                .noneMatch(c -> c.getId() == p.childId()), "not among the children without booking");
        assertEquals("Cet enfant figure déjà sur la feuille du jour : pointez-le sur sa ligne.",
                assertThrows(BookingRefused.class, () -> in(() -> attendance.markPresentWithoutBooking(FamilyFileIT.AGENT,
                        unit, yesterday, p.childId()))).getMessage());
        assertTrue(assertThrows(BookingRefused.class, () -> in(() -> {
            attendance.markAttendance(FamilyFileIT.AGENT, asked, BookingStatus.ABSENT_BILLED);
            return null;
        })).getMessage().contains("attend encore sa validation"));
        in(() -> {
            attendance.markAttendance(FamilyFileIT.AGENT, asked, BookingStatus.PRESENT);
            return null;
        });
        assertEquals(BookingStatus.PRESENT, statusOf(p, unit, yesterday));
        assertEquals(Boolean.TRUE, in(() -> em.createNativeQuery("select refusal_reason is null and not unbooked"
                + " from booking where id = ?1").setParameter(1, asked).getSingleResult()), "a booked day, no refusal left");
        assertEquals(1L, in(() -> attendance.placesTaken(FamilyFileIT.AGENT, unit, yesterday)));
    }

    /**
     * A day cancelled after its free-cancellation deadline: billed to its family, its seat given to the first child
     * waiting — the agents' count of places taken has the promoted child only, not both (2 of a capacity of 1).
     */
    @Test
    void aLateCancellationsSeatIsNoLongerCountedOnceGivenToTheWaitingList() throws Exception {
        long unit = unit(1, false, "J-90@23:59");
        LocalDate day = nextMondayInAMonth().plusDays(7);
        Parent leaving = validatedFamily();
        Parent waiting = validatedFamily();
        assertEquals(BookingDecision.Outcome.ACCEPTED, in(() -> bookings.book(leaving.user(), leaving.childId(), unit, day)).outcome());
        assertEquals(BookingDecision.Outcome.WAITING_LIST, in(() -> bookings.book(waiting.user(), waiting.childId(), unit, day)).outcome());
        assertEquals(CancellationDecision.Outcome.BILLED, in(() -> bookings.cancel(leaving.user(),
                bookingOf(leaving, unit, day).getId())).outcome());
        assertEquals(BookingStatus.ABSENT_BILLED, statusOf(leaving, unit, day));
        assertEquals(BookingStatus.BOOKED, statusOf(waiting, unit, day));
        assertEquals(1L, in(() -> attendance.placesTaken(FamilyFileIT.AGENT, unit, day)));
        assertEquals(1, seatCounter(unit, day));
        // promoted past the free-cancellation deadline: its family is told the day is billed if the child does not come
        String mail = Mails.await(waiting.user().email(), m -> m.contains("Une place s'est lib"));
        assertTrue(mail.contains("la journée sera facturée"), mail);
    }

    /**
     * A family confirming a day while an agent saves a closure of that day: the booking waits for the save (the
     * configuration's lock), reads the calendar it left, and is refused — it never lands on the closed day after the
     * closure's cancellations ran (it would have stayed booked, invoiced or debited, on a day the accueil is shut).
     */
    /**
     * Each save of the configuration is in its journal: the agent, and what it changed (the section, the item); a save
     * that changes nothing is not; the journal is read by this commune's agents only.
     */
    @Test
    void eachConfigurationSaveIsInTheJournalWithItsAgentAndWhatItChanged() throws Exception {
        LocalDate day = nextMondayInAMonth().plusDays(21);
        long before = in(() -> configuration.journalCount(RegistrationIT.AGENT));
        in(() -> {
            configuration.update(RegistrationIT.AGENT, conf -> conf.withCalendar(conf.periods(),
                    java.util.stream.Stream.concat(conf.closures().stream(), java.util.stream.Stream.of(
                            new fr.portailfamille.configuration.CommuneConfiguration.Closure(day, "Journal"))).toList()));
            return null;
        });
        try {
            assertEquals(before + 1, in(() -> configuration.journalCount(RegistrationIT.AGENT)));
            var latest = in(() -> configuration.journal(RegistrationIT.AGENT, 0, 1)).get(0);
            assertEquals(RegistrationIT.AGENT.email(), latest.agent());
            assertEquals(List.of("closures"), latest.changes().stream()
                    .map(fr.portailfamille.configuration.ConfigurationChanges.SectionChange::section).toList());
            assertEquals(List.of(day.toString()), latest.changes().get(0).added());
            assertTrue(java.time.Duration.between(latest.at().toInstant(), java.time.Instant.now()).abs().toMinutes() < 5);

            in(() -> {
                configuration.update(RegistrationIT.AGENT, conf -> conf);
                return null;
            });
            assertEquals(before + 1, in(() -> configuration.journalCount(RegistrationIT.AGENT)), "nothing changed: no entry");
            // a file without billing, document types or services leaves the commune's as they are: nothing removed
            jakarta.json.JsonObject file;
            try (var r = jakarta.json.Json.createReader(new java.io.StringReader(in(() -> configuration.exportJson(FamilyFileIT.AGENT))))) {
                file = r.readObject();
            }
            String without = jakarta.json.Json.createObjectBuilder(file).remove("billing").remove("documentTypes")
                    .remove("services").build().toString();
            in(() -> {
                configuration.importJson(RegistrationIT.AGENT, without);
                return null;
            });
            assertEquals(before + 1, in(() -> configuration.journalCount(RegistrationIT.AGENT)),
                    "the sections a file leaves out are kept, not journaled as removed");

            SignedInUser parent = validatedFamily().user();
            assertThrows(SecurityException.class, () -> in(() -> configuration.journal(parent, 0, 10)), "not a parent's");
            Commune beta = directory.bySlug("beta").orElseThrow();
            assertTrue(TenantContext.call(beta, () -> configuration.journal(FamilyFileIT.BETA_AGENT, 0, 100)).stream()
                    .noneMatch(e -> e.changesJson().contains(day.toString())), "not in another commune's journal");
            assertThrows(SecurityException.class, () -> TenantContext.call(beta, () -> configuration.journal(RegistrationIT.AGENT,
                    0, 10)), "an agent of Alpha reads nothing of Bêta's");
        } finally {
            in(() -> {
                configuration.update(RegistrationIT.AGENT, conf -> conf.withCalendar(conf.periods(),
                        conf.closures().stream().filter(c -> !c.day().equals(day)).toList()));
                return null;
            });
        }
        var removed = in(() -> configuration.journal(RegistrationIT.AGENT, 0, 1)).get(0);
        assertEquals(List.of(day.toString()), removed.changes().get(0).removed());
    }

    @Test
    void aBookingMadeWhileAClosureOfItsDayIsSavedWaitsForItAndIsRefused() throws Exception {
        long unit = unit(5);
        Parent p = validatedFamily();
        LocalDate day = nextMondayInAMonth().plusDays(21);
        List<Future<String>> booking = new ArrayList<>();
        in(() -> {
            tx.begin();
            try {
                configuration.update(RegistrationIT.AGENT, conf -> conf.withCalendar(conf.periods(),
                        java.util.stream.Stream.concat(conf.closures().stream(),
                                java.util.stream.Stream.of(new fr.portailfamille.configuration.CommuneConfiguration.Closure(day,
                                        "Grève"))).toList()));
                booking.add(pool.submit(() -> in(() -> bookings.book(p.user(), p.childId(), unit, day)).outcome().name()));
                Thread.sleep(1500); // the booking has begun and waits for the save
            } finally {
                tx.commit();
            }
            return null;
        });
        try {
            assertEquals("REFUSED", booking.get(0).get());
            assertEquals(0L, in(() -> ((Number) em.createNativeQuery("select count(*) from booking where unit_id = ?1 and day = ?2"
                    + " and status not in ('CANCELLED_FREE', 'REFUSED')").setParameter(1, unit).setParameter(2, day)
                    .getSingleResult()).longValue()));
        } finally {
            in(() -> {
                configuration.update(RegistrationIT.AGENT, conf -> conf.withCalendar(conf.periods(),
                        conf.closures().stream().filter(c -> !c.day().equals(day)).toList()));
                return null;
            });
        }
    }

    /**
     * A booking made while an agent saves the unit's capacity lowered to the seats already taken: it waits for the save
     * and books on the unit as saved (the waiting list), not on the unit it read before (a seat over the new capacity).
     */
    @Test
    void aBookingMadeWhileACapacityIsLoweredWaitsForItAndGoesOnTheWaitingList() throws Exception {
        long unit = unit(5);
        Parent first = validatedFamily();
        Parent p = validatedFamily();
        LocalDate day = nextMondayInAMonth().plusDays(22);
        assertEquals(BookingDecision.Outcome.ACCEPTED, in(() -> bookings.book(first.user(), first.childId(), unit, day)).outcome());
        var lowered = unitChange(unit, u -> capacity(u, 1));
        List<Future<String>> booking = new ArrayList<>();
        try {
            in(() -> {
                tx.begin();
                try {
                    configuration.update(RegistrationIT.AGENT, lowered);
                    booking.add(pool.submit(() -> in(() -> bookings.book(p.user(), p.childId(), unit, day)).outcome().name()));
                    Thread.sleep(1500); // the booking has begun and waits for the save
                } finally {
                    tx.commit();
                }
                return null;
            });
            assertEquals("WAITING_LIST", booking.get(0).get());
            assertEquals(1, seatCounter(unit, day), "never over the capacity saved");
            assertEquals(BookingStatus.WAITING, statusOf(p, unit, day));
        } finally {
            changeUnit(unit, u -> capacity(u, 5));
        }
    }

    /**
     * A family declaring an illness with a certificate while an agent taps "Présent" on the same day: the mark waits for
     * the unit-day's lock the declaration holds, reads the booking again, and is refused (the certificate awaits its
     * review) — it no longer writes PRESENT over the declaration it did not see.
     */
    @Test
    void aMarkWaitsForAFamilysDeclarationAtTheSameMomentAndActsOnWhatItLeft() throws Exception {
        long unit = unit(5);
        Parent p = validatedFamily();
        LocalDate today = TestDays.today();
        long booking = insertBooking(p.childId(), unit, today, "BOOKED");
        List<Future<String>> mark = new ArrayList<>();
        in(() -> {
            tx.begin();
            try {
                em.joinTransaction();
                // the declaration's transaction: the unit-day locked, then the booking written
                em.createNativeQuery("insert into unit_day (unit_id, day, booked) values (?1, ?2, 1) on conflict (unit_id, day)"
                        + " do update set booked = unit_day.booked").setParameter(1, unit).setParameter(2, today).executeUpdate();
                mark.add(pool.submit(() -> {
                    try {
                        in(() -> {
                            attendance.markAttendance(FamilyFileIT.AGENT, booking, BookingStatus.PRESENT);
                            return null;
                        });
                        return "MARKED";
                    } catch (BookingRefused e) {
                        return "REFUSED " + e.getMessage();
                    }
                }));
                Thread.sleep(1500); // the mark has read the booking and waits for the lock
                em.createNativeQuery("update booking set status = 'ABSENT_PENDING' where id = ?1").setParameter(1, booking)
                        .executeUpdate();
            } finally {
                tx.commit();
            }
            return null;
        });
        String outcome = mark.get(0).get();
        assertTrue(outcome.startsWith("REFUSED") && outcome.contains("attend la décision d'un agent habilité"), outcome);
        assertEquals(BookingStatus.ABSENT_PENDING, statusOf(p, unit, today));
    }

    @Test
    void aChildFoundThereWithoutABookingIsRecordedOnceAndOnlyByAnAgentOfTheCommune() throws Exception {
        long unit = unit(5);
        // the unit runs every day, in the holidays too: today is a day it runs unless a public holiday (then the day before)
        in(() -> {
            tx.begin();
            em.createNativeQuery("update activity_unit set weekdays = '1,2,3,4,5,6,7' where id = ?1").setParameter(1, unit)
                    .executeUpdate();
            em.createNativeQuery("update activity set runs_in_holidays = true where id = (select activity_id from"
                    + " activity_unit where id = ?1)").setParameter(1, unit).executeUpdate();
            tx.commit();
            return null;
        });
        Parent p = validatedFamily();
        Parent booked = validatedFamily();
        LocalDate today = TestDays.today();
        while (TestDays.holiday(today)) {
            today = today.minusDays(1);
        }
        LocalDate day = today;
        insertBooking(booked.childId(), unit, day, "BOOKED");

        List<Long> candidates = in(() -> attendance.childrenWithoutBooking(FamilyFileIT.AGENT, unit, day)).stream()
                .map(c -> c.getId()).toList();
        assertTrue(candidates.contains(p.childId()), "inscrit à l'activité, sans réservation ce jour-là");
        assertFalse(candidates.contains(booked.childId()), "déjà sur la feuille du jour");

        for (SignedInUser intruder : List.of(p.user(), FamilyFileIT.BETA_AGENT)) {
            assertThrows(SecurityException.class, () -> in(() -> attendance.markPresentWithoutBooking(intruder, unit, day,
                    p.childId())), "ni un parent ni un agent d'une autre commune");
            assertThrows(SecurityException.class, () -> in(() -> attendance.daySheet(intruder, unit, day)));
        }
        // a day the unit does not run (the last public holiday): no presence, not even offered
        LocalDate holiday = day.minusDays(1);
        while (!TestDays.holiday(holiday)) {
            holiday = holiday.minusDays(1);
        }
        LocalDate shut = holiday;
        assertTrue(in(() -> attendance.childrenWithoutBooking(FamilyFileIT.AGENT, unit, shut)).isEmpty());
        assertEquals("Restauration scolaire – Midi ne fonctionne pas ce jour-là (jour sans accueil, férié ou fermeture) :"
                + " aucune présence n'y est notée.", assertThrows(BookingRefused.class, () -> in(() ->
                attendance.markPresentWithoutBooking(FamilyFileIT.AGENT, unit, shut, p.childId()))).getMessage());
        for (SignedInUser intruder : List.of(p.user(), FamilyFileIT.BETA_AGENT)) {
            assertThrows(SecurityException.class, () -> in(() -> attendance.occupancy(intruder, day)), "l'occupation non plus");
        }
        assertEquals("Le pointage se fait le jour même ou après.", assertThrows(BookingRefused.class,
                () -> in(() -> attendance.markPresentWithoutBooking(FamilyFileIT.AGENT, unit, TestDays.today().plusDays(1),
                        p.childId()))).getMessage());
        assertEquals("Cet enfant figure déjà sur la feuille du jour : pointez-le sur sa ligne.", assertThrows(BookingRefused.class,
                () -> in(() -> attendance.markPresentWithoutBooking(FamilyFileIT.AGENT, unit, day,
                        booked.childId()))).getMessage());

        int seatsBefore = in(() -> attendance.seatsTaken(unit, day));
        in(() -> attendance.markPresentWithoutBooking(FamilyFileIT.AGENT, unit, day, p.childId()));
        assertEquals(seatsBefore + 1, in(() -> attendance.seatsTaken(unit, day)), "the child there takes a seat, as counted");
        Booking recorded = in(() -> attendance.daySheet(FamilyFileIT.AGENT, unit, day)).stream()
                .filter(b -> b.getChild().getId() == p.childId()).findFirst().orElseThrow();
        assertEquals(BookingStatus.PRESENT, recorded.getStatus());
        assertTrue(recorded.isUnbooked(), "billed at the tariff's unbooked-presence price");
        assertEquals("Cet enfant figure déjà sur la feuille du jour : pointez-le sur sa ligne.", assertThrows(BookingRefused.class,
                () -> in(() -> attendance.markPresentWithoutBooking(FamilyFileIT.AGENT, unit, day,
                        p.childId()))).getMessage(), "once per unit-day");
        // the wrong child tapped: not pointed absent (billed on a day nobody booked) but removed — its seat given back,
        // offered again; neither a parent nor another commune's agent removes it, nor is a booked child's day « removed »
        assertTrue(assertThrows(BookingRefused.class, () -> in(() -> {
            attendance.markAttendance(FamilyFileIT.AGENT, recorded.getId(), BookingStatus.ABSENT_BILLED);
            return null;
        })).getMessage().contains("retirez cette présence"));
        for (SignedInUser intruder : List.of(p.user(), FamilyFileIT.BETA_AGENT)) {
            assertThrows(SecurityException.class, () -> in(() -> {
                attendance.removeUnbookedPresence(intruder, recorded.getId());
                return null;
            }));
            assertThrows(SecurityException.class, () -> in(() -> {
                attendance.markAttendance(intruder, recorded.getId(), BookingStatus.PRESENT);
                return null;
            }), "nor marks a day");
        }
        long bookedRow = in(() -> attendance.daySheet(FamilyFileIT.AGENT, unit, day)).stream()
                .filter(b -> b.getChild().getId() == booked.childId()).findFirst().orElseThrow().getId();
        assertThrows(BookingRefused.class, () -> in(() -> {
            attendance.removeUnbookedPresence(FamilyFileIT.AGENT, bookedRow);
            return null;
        }));
        in(() -> {
            attendance.removeUnbookedPresence(FamilyFileIT.AGENT, recorded.getId());
            return null;
        });
        assertEquals(seatsBefore, in(() -> attendance.seatsTaken(unit, day)), "its seat given back");
        assertTrue(in(() -> attendance.daySheet(FamilyFileIT.AGENT, unit, day)).stream()
                .noneMatch(b -> b.getChild().getId() == p.childId()), "off the sheet");
        assertTrue(in(() -> attendance.childrenWithoutBooking(FamilyFileIT.AGENT, unit, day)).stream()
                .anyMatch(c -> c.getId() == p.childId()), "offered again");
        in(() -> attendance.markPresentWithoutBooking(FamilyFileIT.AGENT, unit, day, p.childId()));
        assertEquals(seatsBefore + 1, in(() -> attendance.seatsTaken(unit, day)), "recorded again, rightly this time");

        // a presence tapped while the child's booking of the day is being written (the booking holds the day's seats): it
        // waits for it, then finds the child on the sheet — not a second row holding the day
        Parent racing = validatedFamily();
        String raced = in(() -> {
            tx.begin();
            java.util.concurrent.Future<String> presence;
            try {
                seats.lock(em.find(fr.portailfamille.platform.booking.ActivityUnit.class, unit), day);
                em.createNativeQuery("insert into booking (child_id, unit_id, day, status) values (?1, ?2, ?3, 'BOOKED')")
                        .setParameter(1, racing.childId()).setParameter(2, unit).setParameter(3, day).executeUpdate();
                presence = pool.submit(() -> {
                    try {
                        TenantContext.call(alpha(), () -> attendance.markPresentWithoutBooking(FamilyFileIT.AGENT, unit, day,
                                racing.childId()));
                        return "RECORDED";
                    } catch (BookingRefused e) {
                        return e.getMessage();
                    }
                });
                Thread.sleep(1500);
            } finally {
                tx.commit();
            }
            return presence.get(60, java.util.concurrent.TimeUnit.SECONDS);
        });
        assertEquals("Cet enfant figure déjà sur la feuille du jour : pointez-le sur sa ligne.", raced);
        assertEquals(1L, ((Number) in(() -> em.createNativeQuery("select count(*) from booking where child_id = ?1 and unit_id = ?2"
                + " and day = ?3").setParameter(1, racing.childId()).setParameter(2, unit).setParameter(3, day)
                .getSingleResult())).longValue());

        // a child whose seat was given back (cancelled late) comes all the same: pointed present, the seat is taken again
        // (the counter and the occupancy agree), pointed absent after all, it is given back
        Parent late = validatedFamily();
        long lateBooking = insertBooking(late.childId(), unit, day, "ABSENT_BILLED");
        in(() -> {
            tx.begin();
            em.createNativeQuery("update booking set seat_given_up = true where id = ?1").setParameter(1, lateBooking)
                    .executeUpdate();
            tx.commit();
            return null;
        });
        int seats = in(() -> attendance.seatsTaken(unit, day));
        in(() -> {
            attendance.markAttendance(FamilyFileIT.AGENT, lateBooking, BookingStatus.PRESENT);
            return null;
        });
        assertEquals(seats + 1, in(() -> attendance.seatsTaken(unit, day)));
        in(() -> {
            attendance.markAttendance(FamilyFileIT.AGENT, lateBooking, BookingStatus.ABSENT_BILLED);
            return null;
        });
        assertEquals(seats, in(() -> attendance.seatsTaken(unit, day)));
    }

    long insertBooking(long childId, long unit, LocalDate day, String status) throws Exception {
        return in(() -> {
            tx.begin();
            Number id = (Number) em.createNativeQuery("insert into booking (child_id, unit_id, day, status) values"
                    + " (?1, ?2, ?3, ?4) returning id").setParameter(1, childId).setParameter(2, unit)
                    .setParameter(3, day).setParameter(4, status).getSingleResult();
            tx.commit();
            return id.longValue();
        });
    }

    Booking bookingOf(Parent p, long unit, LocalDate day) {
        try {
            return in(() -> bookings.bookingsOf(p.user(), p.childId(), day, day)).stream()
                    .filter(b -> b.getUnit().getId() == unit).reduce((a, b) -> b).orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    BookingStatus statusOf(Parent p, long unit, LocalDate day) {
        return bookingOf(p, unit, day).getStatus();
    }
}
