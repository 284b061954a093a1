package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.booking.BookingDecision;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.booking.CancellationDecision;
import fr.portailfamille.platform.booking.Booking;
import fr.portailfamille.platform.booking.BookingService;
import fr.portailfamille.platform.family.FamilyFileService;
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
import java.time.temporal.TemporalAdjusters;
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
 * Bookings against the real PostgreSQL inside Payara Micro: many parents booking the last seats at
 * the same moment never oversell them; a cancellation promotes the first waiting child at once and
 * mails its family; bad requests (past day, day the unit does not run, unknown unit, another
 * family's child, unvalidated file) are refused with a French message and change nothing.
 */
@ExtendWith(ArquillianExtension.class)
class BookingIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.platformWar().addClasses(BookingIT.class, FamilyFileIT.class);
    }

    @Inject
    BookingService bookings;

    @Inject
    FamilyFileService files;

    @Inject
    CommuneDirectory directory;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Resource
    ManagedExecutorService pool;

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
            files.validate("agent@alpha.test", familyId);
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
        long id = in(() -> {
            tx.begin();
            String code = "ACT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            Number activity = (Number) em.createNativeQuery("insert into activity (code, name, type, booking_deadline,"
                    + " cancellation_deadline, late_policy, needs_validation) values (?1, 'Restauration scolaire',"
                    + " 'RESTAURATION', 'J-2@23:59', 'J-2@23:59', 'REFUSED', ?2) returning id").setParameter(1, code)
                    .setParameter(2, needsValidation).getSingleResult();
            Number unit = (Number) em.createNativeQuery("insert into activity_unit (activity_id, code, label, capacity)"
                    + " values (?1, 'MIDI', 'Midi', ?2) returning id").setParameter(1, activity.longValue())
                    .setParameter(2, capacity).getSingleResult();
            tx.commit();
            return unit.longValue();
        });
        registerEveryChildToEveryActivity();
        return id;
    }

    static LocalDate nextMondayInAMonth() {
        LocalDate d = LocalDate.now().plusWeeks(5).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        // avoid public holidays (Whit Monday, Easter Monday…) for this test
        while (fr.portailfamille.booking.FrenchPublicHolidays.datesOf(d.getYear()).contains(d)) {
            d = d.plusWeeks(1);
        }
        return d;
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
        assertEquals(capacity, in(() -> bookings.seatsTaken(unit, day)));

        // a cancellation gives the seat to the first child waiting, at once, and mails its family
        Parent leaving = families.stream().filter(p -> statusOf(p, unit, day) == BookingStatus.BOOKED).findFirst().orElseThrow();
        Parent firstWaiting = families.stream().filter(p -> statusOf(p, unit, day) == BookingStatus.WAITING)
                .min(java.util.Comparator.comparing(p -> bookingOf(p, unit, day).getId())).orElseThrow();
        CancellationDecision cancelled = in(() -> bookings.cancel(leaving.user(), bookingOf(leaving, unit, day).getId()));
        assertEquals(CancellationDecision.Outcome.FREE, cancelled.outcome());
        assertEquals(BookingStatus.CANCELLED_FREE, statusOf(leaving, unit, day));
        assertEquals(BookingStatus.BOOKED, statusOf(firstWaiting, unit, day));
        assertEquals(capacity, in(() -> bookings.seatsTaken(unit, day)));
        assertTrue(FamilyFileIT.mailsOf(firstWaiting.user().email()).contains("place"), "famille promue prévenue");
    }

    @Test
    void badRequestsAreRefusedInFrenchAndChangeNothing() throws Exception {
        long unit = unit(10);
        Parent p = validatedFamily();
        Parent other = validatedFamily();
        LocalDate monday = nextMondayInAMonth();

        assertEquals("Cette date est passée.", in(() -> bookings.book(p.user(), p.childId(), unit,
                LocalDate.now().minusDays(3))).message());
        assertEquals("L'accueil est fermé ce jour-là.", in(() -> bookings.book(p.user(), p.childId(), unit,
                monday.plusDays(5))).message(), "le samedi, l'unité ne fonctionne pas");
        BookingService.BookingRefused unknownUnit = assertThrows(BookingService.BookingRefused.class,
                () -> in(() -> bookings.book(p.user(), p.childId(), 987_654L, monday)));
        assertEquals("Cette activité n'existe pas.", unknownUnit.getMessage());
        BookingService.BookingRefused notMine = assertThrows(BookingService.BookingRefused.class,
                () -> in(() -> bookings.book(p.user(), other.childId(), unit, monday)));
        assertEquals("Cet enfant ne fait pas partie de votre dossier.", notMine.getMessage());
        SignedInUser draft = FamilyFileIT.parent("alpha", "brouillon-" + UUID.randomUUID().toString().substring(0, 8)
                + "@alpha.test", true);
        assertThrows(BookingService.BookingRefused.class, () -> in(() -> bookings.book(draft, p.childId(), unit, monday)));
        assertEquals(0, in(() -> bookings.seatsTaken(unit, monday)));
        assertTrue(in(() -> bookings.bookingsOf(p.user(), p.childId(), monday.minusDays(10), monday.plusDays(10))).isEmpty());

        assertEquals(BookingDecision.Outcome.ACCEPTED, in(() -> bookings.book(p.user(), p.childId(), unit, monday)).outcome());
        BookingService.BookingRefused twice = assertThrows(BookingService.BookingRefused.class,
                () -> in(() -> bookings.book(p.user(), p.childId(), unit, monday)));
        assertTrue(twice.getMessage().contains("déjà inscrit"));
        long mine = bookingOf(p, unit, monday).getId();
        assertThrows(BookingService.BookingRefused.class, () -> in(() -> bookings.cancel(other.user(), mine)),
                "une famille n'annule pas la réservation d'une autre");
        assertEquals(1, in(() -> bookings.seatsTaken(unit, monday)));
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
        assertEquals(1, result.getBooked(), result.summary());
        assertEquals(1, result.getWaiting(), result.summary());
        assertEquals(0, result.getRefused(), "le samedi, l'unité ne fonctionne pas : il est ignoré");
        assertTrue(result.summary().contains("1 réservation enregistrée"), result.summary());
        var again = in(() -> bookings.applyTypicalWeek(p.user(), p.childId(), week, monday, monday.plusDays(13)));
        assertEquals(2, again.getAlreadyBooked(), "rien n'est réservé deux fois");
        assertEquals(1, in(() -> bookings.seatsTaken(unit, monday)));
        BookingService.BookingRefused backwards = assertThrows(BookingService.BookingRefused.class,
                () -> in(() -> bookings.applyTypicalWeek(p.user(), p.childId(), week, monday, monday.minusDays(1))));
        assertTrue(backwards.getMessage().contains("période valide"));
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
        assertTrue(in(bookings::awaitingValidation).stream().anyMatch(b -> b.getId() == firstBooking));

        in(() -> {
            bookings.decideValidation("agent@alpha.test", firstBooking, false);
            return null;
        });
        assertEquals(BookingStatus.CANCELLED_FREE, statusOf(first, unit, day));
        assertEquals(BookingStatus.PENDING_VALIDATION, statusOf(second, unit, day), "la place passe au suivant");
        in(() -> {
            bookings.decideValidation("agent@alpha.test", bookingOf(second, unit, day).getId(), true);
            return null;
        });
        assertEquals(BookingStatus.BOOKED, statusOf(second, unit, day));
        assertEquals(1, in(() -> bookings.seatsTaken(unit, day)));
        assertTrue(FamilyFileIT.mailsOf(first.user().email()).contains("refus"));
        assertTrue(FamilyFileIT.mailsOf(second.user().email()).contains("valid"));
        assertThrows(BookingService.BookingRefused.class, () -> in(() -> {
            bookings.decideValidation("agent@alpha.test", firstBooking, true);
            return null;
        }), "une décision ne se prend qu'une fois");
    }

    @Test
    void absenceIsExcusedOnlyWithAMedicalCertificateAndFreesTheSeat() throws Exception {
        long unit = unit(1);
        Parent p = validatedFamily();
        Parent next = validatedFamily();
        LocalDate day = nextMondayInAMonth();
        LocalDate otherDay = day.plusDays(1);
        in(() -> bookings.book(p.user(), p.childId(), unit, day));
        in(() -> bookings.book(p.user(), p.childId(), unit, otherDay));
        assertEquals(BookingDecision.Outcome.WAITING_LIST, in(() -> bookings.book(next.user(), next.childId(), unit, day)).outcome());
        long booking = bookingOf(p, unit, day).getId();

        assertEquals("Cette réservation n'existe pas.", assertThrows(BookingService.BookingRefused.class,
                () -> in(() -> bookings.declareAbsence(next.user(), booking, BookingService.AbsenceReason.MALADIE, null,
                        null, null, null))).getMessage(), "une famille ne déclare pas l'absence d'un autre enfant");
        assertTrue(assertThrows(BookingService.BookingRefused.class,
                () -> in(() -> bookings.declareAbsence(p.user(), booking, BookingService.AbsenceReason.MALADIE, null,
                        "MZ".getBytes(), "application/x-msdownload", "virus.exe"))).getMessage().contains("PDF, JPEG ou PNG"));
        assertEquals(BookingStatus.BOOKED, statusOf(p, unit, day), "rien n'a changé");

        String excused = in(() -> bookings.declareAbsence(p.user(), booking, BookingService.AbsenceReason.MALADIE,
                "angine", "%PDF-1.4 certificat".getBytes(), "application/pdf", "certificat.pdf"));
        assertTrue(excused.contains("excusée"), excused);
        assertEquals(BookingStatus.ABSENT_EXCUSED, statusOf(p, unit, day));
        assertEquals(BookingStatus.BOOKED, statusOf(next, unit, day), "la place libérée passe au suivant");
        assertEquals(1, in(() -> bookings.seatsTaken(unit, day)));

        long other = bookingOf(p, unit, otherDay).getId();
        String billed = in(() -> bookings.declareAbsence(p.user(), other, BookingService.AbsenceReason.MALADIE, null,
                null, null, null));
        assertTrue(billed.contains("reste facturée"), billed);
        assertEquals(BookingStatus.ABSENT_BILLED, statusOf(p, unit, otherDay));
        assertEquals(0, in(() -> bookings.seatsTaken(unit, otherDay)));
    }

    @Test
    void agentsTakeAttendanceOnTheDayOnly() throws Exception {
        long unit = unit(5);
        Parent p = validatedFamily();
        Parent waiting = validatedFamily();
        long today = insertBooking(p.childId(), unit, LocalDate.now(), "BOOKED");
        long future = insertBooking(waiting.childId(), unit, nextMondayInAMonth(), "BOOKED");
        long onList = insertBooking(waiting.childId(), unit, LocalDate.now(), "WAITING");

        var sheet = in(() -> bookings.daySheet(unit, LocalDate.now()));
        assertEquals(List.of(today, onList), sheet.stream().map(Booking::getId).toList(), "inscrits puis liste d'attente");
        in(() -> {
            bookings.markAttendance("agent@alpha.test", today, BookingStatus.PRESENT);
            return null;
        });
        assertEquals(BookingStatus.PRESENT, in(() -> bookings.daySheet(unit, LocalDate.now())).get(0).getStatus());
        assertEquals("Le pointage se fait le jour même ou après.", assertThrows(BookingService.BookingRefused.class,
                () -> in(() -> {
                    bookings.markAttendance("agent@alpha.test", future, BookingStatus.PRESENT);
                    return null;
                })).getMessage());
        assertThrows(BookingService.BookingRefused.class, () -> in(() -> {
            bookings.markAttendance("agent@alpha.test", onList, BookingStatus.ABSENT_BILLED);
            return null;
        }));
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
