package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.booking.BookingDecision;
import fr.portailfamille.booking.MonthPlan.UnitDay;
import fr.portailfamille.booking.window.Criterion;
import fr.portailfamille.booking.window.WindowRules;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.platform.booking.BookingRefused;
import fr.portailfamille.booking.DayState;
import fr.portailfamille.platform.booking.ChangeOutcome;
import fr.portailfamille.platform.booking.PlannedChange;
import fr.portailfamille.platform.booking.PlanningCell;
import fr.portailfamille.platform.booking.PlanningService;
import fr.portailfamille.platform.booking.SelectionReview;
import fr.portailfamille.platform.booking.TypicalWeekResult;
import fr.portailfamille.platform.booking.WindowSpan;
import fr.portailfamille.platform.booking.window.AllocationLine;
import fr.portailfamille.platform.booking.window.Answers;
import fr.portailfamille.platform.booking.window.MyRequest;
import fr.portailfamille.platform.booking.window.NewProof;
import fr.portailfamille.platform.booking.window.OpeningWindows;
import fr.portailfamille.platform.booking.window.WindowRequests;
import fr.portailfamille.platform.booking.window.WindowSettings;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Opening windows inside Payara Micro against the real PostgreSQL: 50 families requesting at the same moment for
 * 10 seats get exactly 10, the others ranked; a re-run with the recorded seed gives the same allocation; publishing
 * books through the seat counter and queues the rest in their rank; refusals (outside the window, another family's
 * request or child, another commune, a parent acting as agent, a booking first come first served during the window)
 * and health criteria hidden from agents without {@code agent-sante}. The rules are unit-tested in tenant-config
 * ({@code AllocationTest}, {@code WindowPeriodTest}).
 */
@ExtendWith(ArquillianExtension.class)
class OpeningWindowIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    OpeningWindows desk;

    @Inject
    WindowRequests requests;

    @Inject
    PlanningService planning;

    @Inject
    FamilyDocuments documents;

    @Inject
    ValidatedFamilies families;

    @Inject
    CommuneDirectory directory;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Resource
    ManagedExecutorService pool;

    <T> T in(Callable<T> work) throws Exception {
        return TenantContext.call(directory.bySlug("alpha").orElseThrow(), work);
    }

    <T> T inBeta(Callable<T> work) throws Exception {
        return TenantContext.call(directory.bySlug("beta").orElseThrow(), work);
    }

    /** A unit of a new activity with {@code capacity} seats (every weekday, holidays too); its id and its activity's. */
    long[] unit(int capacity) throws Exception {
        return in(() -> {
            tx.begin();
            String code = "FEN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            Number activity = (Number) em.createNativeQuery("insert into activity (code, name, type, runs_in_holidays,"
                    + " booking_deadline, cancellation_deadline, late_policy) values (?1, 'Centre de loisirs d''été',"
                    + " 'MERCREDI', true, 'J-2@23:59', 'J-2@23:59', 'REFUSED') returning id").setParameter(1, code)
                    .getSingleResult();
            Number unit = (Number) em.createNativeQuery("insert into activity_unit (activity_id, code, label, capacity,"
                    + " weekdays) values (?1, 'JOURNEE', 'Journée', ?2, '1,2,3,4,5') returning id")
                    .setParameter(1, activity.longValue()).setParameter(2, capacity).getSingleResult();
            tx.commit();
            return new long[] {unit.longValue(), activity.longValue()};
        });
    }

    void register(long childId, long activityId) throws Exception {
        in(() -> {
            tx.begin();
            em.createNativeQuery("insert into registration (child_id, activity_id, status, cgu_accepted_at)"
                    + " values (?1, ?2, 'VALIDATED', now())").setParameter(1, childId).setParameter(2, activityId).executeUpdate();
            tx.commit();
            return null;
        });
    }

    List<ValidatedFamilies.Parent> families(int n, long activityId) throws Exception {
        List<ValidatedFamilies.Parent> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ValidatedFamilies.Parent p = families.create("alpha", "fenetre");
            register(p.childId(), activityId);
            list.add(p);
        }
        return list;
    }

    WindowSettings settings(long activityId, LocalDate day, LocalDateTime opens, LocalDateTime closes) {
        return new WindowSettings(activityId, day, day, opens, closes, new WindowRules(Map.of(
                Criterion.BOTH_PARENTS_WORKING, 8, Criterion.DISABILITY_OR_PAI, 20), null, false), false);
    }

    /** {@code d}, or the same weekday of a following week that is not a public holiday. */
    static LocalDate weekday(LocalDate d) {
        while (fr.portailfamille.booking.FrenchPublicHolidays.datesOf(d.getYear()).contains(d)) {
            d = d.plusWeeks(1);
        }
        return d;
    }

    long count(String sql, Object... params) throws Exception {
        return in(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    @Test
    void fiftyConcurrentRequestsForTenSeatsGetExactlyTenTheOthersRankedAndTheSameSeedGivesTheSameResult() throws Exception {
        long[] ua = unit(10);
        long unit = ua[0];
        LocalDate day = BookingIT.nextMondayInAMonth();
        long window = in(() -> desk.open(FamilyFileIT.SANTE, settings(ua[1], day, TestDays.now().minusMinutes(1),
                TestDays.now().plusHours(1))));
        List<ValidatedFamilies.Parent> parents = families(50, ua[1]);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> sent = new ArrayList<>();
        for (int i = 0; i < parents.size(); i++) {
            ValidatedFamilies.Parent p = parents.get(i);
            Answers answers = new Answers(i % 3 == 0, false, null);
            sent.add(pool.submit(() -> {
                start.await();
                return in(() -> requests.request(p.user(), window, Map.of(p.childId(), Set.of(new UnitDay(unit, day))), answers));
            }));
        }
        start.countDown();
        Set<Long> ids = new HashSet<>();
        for (Future<Long> f : sent) {
            ids.add(f.get());
        }
        assertEquals(50, ids.size(), "every request taken, one each");

        // first come, first served is closed for the window's days
        BookingDecision race = in(() -> planning.book(parents.get(0).user(), parents.get(0).childId(), unit, day));
        assertEquals(BookingDecision.Outcome.REFUSED, race.outcome());
        assertTrue(race.message().contains("attribuées sur demande"), race.message());

        String first = in(() -> desk.close(FamilyFileIT.AGENT, window));
        List<AllocationLine> before = in(() -> desk.preview(FamilyFileIT.SANTE, window, 0, 500));
        assertEquals(50, before.size());
        assertEquals(10, before.stream().filter(AllocationLine::isPlaced).count(), "exactly the seats");
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList(),
                before.stream().filter(l -> !l.isPlaced()).map(AllocationLine::getWaitingRank).toList(), "the others ranked");
        // the 17 families who answered "both parents working" (8 points) come first: 10 of them are placed
        assertTrue(before.stream().limit(10).allMatch(l -> l.getText().startsWith("place attribuée — priorité : parents qui"
                + " travaillent ; tirage au sort n° ")), before.get(0).getText());
        assertTrue(before.get(10).getText().contains("sur 17 demandes à égalité"), before.get(10).getText());

        String again = in(() -> desk.rerun(FamilyFileIT.AGENT, window));
        assertEquals(first, again, "same seed, same allocation");
        List<AllocationLine> after = in(() -> desk.preview(FamilyFileIT.SANTE, window, 0, 500));
        assertEquals(before.stream().map(l -> l.getWishId() + l.getText()).toList(),
                after.stream().map(l -> l.getWishId() + l.getText()).toList());
        assertEquals(List.of(first, first), in(() -> desk.runs(FamilyFileIT.AGENT, window)));
        assertTrue(count("select count(*) from opening_window where id = ?1 and seed is not null", window) == 1, "seed recorded");

        Refused late = assertThrows(Refused.class, () -> in(() -> requests.request(parents.get(1).user(), window,
                Map.of(parents.get(1).childId(), Set.of(new UnitDay(unit, day))), new Answers(false, false, null))));
        assertEquals("Les demandes sont closes : les places ont été attribuées.", late.getMessage());

        assertEquals(10, in(() -> desk.publish(FamilyFileIT.AGENT, window)));
        assertEquals(10, count("select count(*) from booking where unit_id = ?1 and day = ?2 and status = 'BOOKED'", unit, day));
        assertEquals(40, count("select count(*) from booking where unit_id = ?1 and day = ?2 and status = 'WAITING'", unit, day));
        assertEquals(10, count("select booked from unit_day where unit_id = ?1 and day = ?2", unit, day));
        // the waiting list keeps the allocation's ranks: the oldest waiting booking is the child ranked 1
        long rankedFirst = count("select x.child_id from window_wish x join window_request r on r.id = x.request_id"
                + " where r.window_id = ?1 and x.waiting_rank = 1", window);
        assertEquals(rankedFirst, count("select child_id from booking where unit_id = ?1 and day = ?2 and status = 'WAITING'"
                + " order by id limit 1", unit, day));

        ValidatedFamilies.Parent someone = parents.get(7);
        MyRequest mine = in(() -> requests.mineTo(someone.user(), window)).orElseThrow();
        assertTrue(mine.isPublished());
        assertEquals("résultat publié", mine.getState());
        String result = mine.getDays().get(0).getResult();
        assertTrue(result.startsWith("place attribuée — priorité") || result.startsWith("liste d'attente, rang "), result);
        assertTrue(Mails.contains(someone.user().email(), "ma-demande.xhtml?fenetre=" + window), "family mailed a link");
    }

    /**
     * Publishing does what Mon planning would now, and says so: a child the allocation placed on a day it already held
     * keeps its booking ("déjà réservé avant la demande"), and the seat the allocation gave it goes to the first child
     * waiting, in its rank ("place attribuée à la publication"), not to the first family to book it afterwards.
     */
    @Test
    void aSeatThePublicationCannotUseGoesToTheWaitingListInItsRank() throws Exception {
        long[] ua = unit(2);
        long unit = ua[0];
        LocalDate day = BookingIT.nextMondayInAMonth();
        List<ValidatedFamilies.Parent> parents = families(3, ua[1]);
        ValidatedFamilies.Parent holder = parents.get(0);
        // the first family booked the day before the window was opened
        assertEquals(BookingDecision.Outcome.ACCEPTED, in(() -> planning.book(holder.user(), holder.childId(), unit, day))
                .outcome());
        long window = in(() -> desk.open(FamilyFileIT.SANTE, settings(ua[1], day, TestDays.now().minusMinutes(1),
                TestDays.now().plusHours(1))));
        for (int i = 0; i < parents.size(); i++) {
            ValidatedFamilies.Parent p = parents.get(i);
            Answers answers = new Answers(i == 0, false, null); // the holder first: both parents working
            in(() -> requests.request(p.user(), window, Map.of(p.childId(), Set.of(new UnitDay(unit, day))), answers));
        }
        in(() -> desk.close(FamilyFileIT.AGENT, window));
        List<AllocationLine> lines = in(() -> desk.preview(FamilyFileIT.SANTE, window, 0, 500));
        assertEquals(1, lines.stream().filter(AllocationLine::isPlaced).count(), "one seat was free at the close");
        assertTrue(lines.get(0).isPlaced() && lines.get(0).getText().startsWith("place attribuée"), lines.get(0).getText());

        in(() -> desk.publish(FamilyFileIT.AGENT, window));
        assertEquals(2, count("select count(*) from booking where unit_id = ?1 and day = ?2 and status = 'BOOKED'", unit, day),
                "the holder's seat, and the seat the allocation gave it, now the first child waiting's");
        assertEquals(1, count("select count(*) from booking where unit_id = ?1 and day = ?2 and status = 'WAITING'", unit, day));
        assertEquals(2, count("select booked from unit_day where unit_id = ?1 and day = ?2", unit, day));
        String held = in(() -> requests.mineTo(holder.user(), window)).orElseThrow().getDays().get(0).getResult();
        assertTrue(held.startsWith("déjà réservé avant la demande"), held);
        long rankedFirst = count("select x.child_id from window_wish x join window_request r on r.id = x.request_id"
                + " where r.window_id = ?1 and x.waiting_rank = 1", window);
        ValidatedFamilies.Parent first = parents.stream().filter(p -> p.childId() == rankedFirst).findFirst().orElseThrow();
        assertEquals(1, count("select count(*) from booking where child_id = ?1 and unit_id = ?2 and day = ?3"
                + " and status = 'BOOKED'", first.childId(), unit, day));
        String promoted = in(() -> requests.mineTo(first.user(), window)).orElseThrow().getDays().get(0).getResult();
        assertTrue(promoted.startsWith("place attribuée à la publication"), promoted);

        // later, the holder cancels: the child still waiting gets the seat, and its Ma demande says so (not « liste
        // d'attente » as at the publication)
        long stillWaiting = count("select child_id from booking where unit_id = ?1 and day = ?2 and status = 'WAITING'",
                unit, day);
        ValidatedFamilies.Parent second = parents.stream().filter(p -> p.childId() == stillWaiting).findFirst().orElseThrow();
        String before = in(() -> requests.mineTo(second.user(), window)).orElseThrow().getDays().get(0).getResult();
        assertTrue(before.startsWith("liste d'attente"), before);
        long holderBooking = count("select id from booking where child_id = ?1 and unit_id = ?2 and day = ?3"
                + " and status = 'BOOKED'", holder.childId(), unit, day);
        in(() -> planning.cancelFree(holder.user(), holderBooking));
        assertEquals(1, count("select count(*) from booking where child_id = ?1 and unit_id = ?2 and day = ?3"
                + " and status = 'BOOKED'", stillWaiting, unit, day), "promoted from the waiting list");
        String since = in(() -> requests.mineTo(second.user(), window)).orElseThrow().getDays().get(0).getResult();
        assertTrue(since.startsWith("place obtenue depuis la publication"), since);
        assertTrue(in(() -> requests.mineTo(first.user(), window)).orElseThrow().getDays().get(0).getResult()
                .startsWith("place attribuée à la publication"), "a day given at the publication keeps its words");
    }

    /**
     * Siblings kept together (« tous ou aucun »): two seats, a family of one child ranked first, twins after it — the
     * twins both wait and the second seat stays free at the publication (its fill served neither twin alone).
     */
    @Test
    void twinsKeptTogetherAreNotSplitWhenThePublicationFillsAFreeSeat() throws Exception {
        long[] ua = unit(2);
        long unit = ua[0];
        LocalDate day = weekday(BookingIT.nextMondayInAMonth().plusDays(1));
        List<ValidatedFamilies.Parent> parents = families(2, ua[1]);
        ValidatedFamilies.Parent single = parents.get(0);
        ValidatedFamilies.Parent twins = parents.get(1);
        long twin = in(() -> {
            tx.begin();
            Number id = (Number) em.createNativeQuery("insert into child (family_id, first_name, last_name, birth_date)"
                    + " select family_id, 'Jumeau', last_name, birth_date from child where id = ?1 returning id")
                    .setParameter(1, twins.childId()).getSingleResult();
            tx.commit();
            return id.longValue();
        });
        register(twin, ua[1]);
        long window = in(() -> desk.open(FamilyFileIT.SANTE, new WindowSettings(ua[1], day, day, TestDays.now().minusMinutes(1),
                TestDays.now().plusHours(1), new WindowRules(Map.of(Criterion.BOTH_PARENTS_WORKING, 8), null, true), false)));
        in(() -> requests.request(single.user(), window, Map.of(single.childId(), Set.of(new UnitDay(unit, day))),
                new Answers(true, false, null)));
        in(() -> requests.request(twins.user(), window, Map.of(twins.childId(), Set.of(new UnitDay(unit, day)),
                twin, Set.of(new UnitDay(unit, day))), new Answers(false, false, null)));
        in(() -> desk.close(FamilyFileIT.AGENT, window));
        in(() -> desk.publish(FamilyFileIT.AGENT, window));
        assertEquals(1, count("select count(*) from booking where unit_id = ?1 and day = ?2 and status = 'BOOKED'", unit, day),
                "the family ranked first; the seat left stays free");
        assertEquals(2, count("select count(*) from booking b where b.unit_id = ?1 and b.day = ?2 and b.status = 'WAITING'"
                + " and b.child_id in (?3, ?4)", unit, day, twins.childId(), twin), "the twins wait together");
    }

    /**
     * « Retirer ma demande » while the window takes requests: the family's request and its days go (its answers with
     * them), another family's stay; a second tab finds nothing; once closed, refused.
     */
    @Test
    void aFamilyTakesBackItsRequestWhileTheWindowIsOpen() throws Exception {
        long[] ua = unit(2);
        LocalDate day = weekday(BookingIT.nextMondayInAMonth().plusDays(2));
        List<ValidatedFamilies.Parent> parents = families(2, ua[1]);
        ValidatedFamilies.Parent a = parents.get(0);
        ValidatedFamilies.Parent b = parents.get(1);
        long window = in(() -> desk.open(FamilyFileIT.SANTE, settings(ua[1], day, TestDays.now().minusMinutes(1),
                TestDays.now().plusHours(1))));
        for (ValidatedFamilies.Parent p : parents) {
            in(() -> requests.request(p.user(), window, Map.of(p.childId(), Set.of(new UnitDay(ua[0], day))),
                    new Answers(false, true, null)));
        }
        assertTrue(in(() -> requests.withdraw(a.user(), window)));
        assertEquals(java.util.Optional.empty(), in(() -> requests.mineTo(a.user(), window)));
        assertEquals(0, count("select count(*) from window_request where window_id = ?1 and family_id = ?2", window,
                a.familyId()));
        assertEquals(1, count("select count(*) from window_wish x join window_request r on r.id = x.request_id"
                + " where r.window_id = ?1", window), "the other family's request stays");
        assertFalse(in(() -> requests.withdraw(a.user(), window)), "a second tab: nothing left");
        assertThrows(SecurityException.class, () -> inBeta(() -> requests.withdraw(b.user(), window)));
        in(() -> desk.close(FamilyFileIT.AGENT, window));
        assertThrows(BookingRefused.class, () -> in(() -> requests.withdraw(b.user(), window)), "closed: kept");
        assertTrue(in(() -> requests.mineTo(b.user(), window)).isPresent());
    }

    /** Two agents opening the same window at once (or a double click): one window, the other told it overlaps. */
    @Test
    void twoOpeningsAtOnceMakeOneWindow() throws Exception {
        long[] ua = unit(5);
        LocalDate day = BookingIT.nextMondayInAMonth();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> opened = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            opened.add(pool.submit(() -> {
                start.await();
                return in(() -> desk.open(FamilyFileIT.SANTE, settings(ua[1], day, TestDays.now().minusMinutes(1),
                        TestDays.now().plusHours(1))));
            }));
        }
        start.countDown();
        int windows = 0;
        for (Future<Long> f : opened) {
            try {
                f.get();
                windows++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(e.getCause() instanceof Refused && e.getCause().getMessage().startsWith("Une fenêtre de demandes"
                        + " couvre déjà"), String.valueOf(e.getCause()));
            }
        }
        assertEquals(1, windows);
        assertEquals(1, count("select count(*) from opening_window where activity_id = ?1", ua[1]));
    }

    @Test
    void refusalsAndConfidentialCriteria() throws Exception {
        long[] ua = unit(1);
        long unit = ua[0];
        LocalDate day = weekday(BookingIT.nextMondayInAMonth().plusDays(1));
        List<ValidatedFamilies.Parent> parents = families(3, ua[1]);
        ValidatedFamilies.Parent a = parents.get(0);
        ValidatedFamilies.Parent b = parents.get(1);

        // a parent is not an agent; an agent of another commune neither
        assertThrows(SecurityException.class, () -> in(() -> desk.open(a.user(), settings(ua[1], day,
                TestDays.now(), TestDays.now().plusHours(1)))));
        assertThrows(SecurityException.class, () -> in(() -> desk.windows(FamilyFileIT.BETA_AGENT)));
        // a window whose requests open tomorrow
        LocalDate later = weekday(day.plusWeeks(1));
        long future = in(() -> desk.open(FamilyFileIT.SANTE, settings(ua[1], later, TestDays.now().plusDays(1),
                TestDays.now().plusDays(2))));
        Refused early = assertThrows(Refused.class, () -> in(() -> requests.request(a.user(), future,
                Map.of(a.childId(), Set.of(new UnitDay(unit, later))), new Answers(false, false, null))));
        assertTrue(early.getMessage().startsWith("Les demandes ne sont pas encore ouvertes : elles ouvrent le "), early.getMessage());
        // nor closed by an agent before it opens: told in words, not the error page
        Refused notYet = assertThrows(Refused.class, () -> in(() -> desk.close(FamilyFileIT.AGENT, future)));
        assertTrue(notYet.getMessage().startsWith("Cette fenêtre n'ouvre que le "), notYet.getMessage());
        Refused overlap = assertThrows(Refused.class, () -> in(() -> desk.open(FamilyFileIT.SANTE, settings(ua[1], later,
                TestDays.now(), TestDays.now().plusHours(1)))));
        assertTrue(overlap.getMessage().startsWith("Une fenêtre de demandes couvre déjà"), overlap.getMessage());
        // a period day left empty: asked for beside it (it read « la fin doit suivre le début »)
        WindowSettings typed = settings(ua[1], later.plusWeeks(4), TestDays.now(), TestDays.now().plusHours(1));
        Refused noFrom = assertThrows(Refused.class, () -> in(() -> desk.open(FamilyFileIT.SANTE, new WindowSettings(ua[1],
                null, typed.periodTo(), typed.opensAt(), typed.closesAt(), typed.rules(), false))));
        assertEquals(List.of("from", "Indiquez le premier jour de la période."), List.of(noFrom.field(), noFrom.getMessage()));
        Refused noTo = assertThrows(Refused.class, () -> in(() -> desk.open(FamilyFileIT.SANTE, new WindowSettings(ua[1],
                typed.periodFrom(), null, typed.opensAt(), typed.closesAt(), typed.rules(), false))));
        assertEquals(List.of("to", "Indiquez le dernier jour de la période."), List.of(noTo.field(), noTo.getMessage()));
        // each refusal of the form on the field the agent corrects: requests closing after the period began, closing
        // before they open
        assertEquals("closes", assertThrows(Refused.class, () -> in(() -> desk.open(FamilyFileIT.SANTE, settings(ua[1],
                TestDays.today().plusDays(1), TestDays.now(), TestDays.now().plusDays(3))))).field());
        assertEquals("closes", assertThrows(Refused.class, () -> in(() -> desk.open(FamilyFileIT.SANTE, settings(ua[1],
                later.plusWeeks(4), TestDays.now().plusHours(2), TestDays.now().plusHours(1))))).field());

        // the health criterion is weighed by agent-sante only (it would tell other agents which families declared it)
        Refused healthWeight = assertThrows(Refused.class, () -> in(() -> desk.open(FamilyFileIT.AGENT, settings(ua[1], day,
                TestDays.now().minusMinutes(1), TestDays.now().plusHours(1)))));
        assertEquals("criteria:" + Criterion.DISABILITY_OR_PAI.ordinal() + ":weight", healthWeight.field());
        long window = in(() -> desk.open(FamilyFileIT.SANTE, settings(ua[1], day, TestDays.now().minusMinutes(1),
                TestDays.now().plusHours(1))));
        // another family's child, a day outside the period
        Refused notMine = assertThrows(Refused.class, () -> in(() -> requests.request(a.user(), window,
                Map.of(b.childId(), Set.of(new UnitDay(unit, day))), new Answers(false, false, null))));
        assertEquals("Cet enfant ne fait pas partie de votre dossier.", notMine.getMessage());
        assertThrows(Refused.class, () -> in(() -> requests.request(a.user(), window,
                Map.of(a.childId(), Set.of(new UnitDay(unit, day.plusDays(1)))), new Answers(false, false, null))));
        // another commune's host: the alpha parent's request reaches nothing in beta
        assertThrows(SecurityException.class, () -> inBeta(() -> requests.request(a.user(), window,
                Map.of(a.childId(), Set.of(new UnitDay(unit, day))), new Answers(false, false, null))));

        long requestA = in(() -> requests.request(a.user(), window, Map.of(a.childId(), Set.of(new UnitDay(unit, day))),
                new Answers(false, true, null)));
        // sent twice, still one request (replaced)
        assertEquals(requestA, in(() -> requests.request(a.user(), window, Map.of(a.childId(), Set.of(new UnitDay(unit, day))),
                new Answers(false, true, null))));
        in(() -> requests.request(b.user(), window, Map.of(b.childId(), Set.of(new UnitDay(unit, day))),
                new Answers(false, false, null)));
        in(() -> requests.request(parents.get(2).user(), window, Map.of(parents.get(2).childId(),
                Set.of(new UnitDay(unit, day))), new Answers(false, false, null)));
        assertEquals("demande enregistrée, en attente de l'attribution", in(() -> requests.mine(a.user(), requestA)).getState());
        Refused other = assertThrows(Refused.class, () -> in(() -> requests.mine(b.user(), requestA)));
        assertEquals("Cette demande n'existe pas.", other.getMessage());
        // a new account, whose draft file is not stored yet: nothing open to it, nothing of others (its page and the
        // API's /fenetres failed on the file's missing id)
        var newcomer = FamilyFileIT.parent("alpha", FamilyFileIT.newEmail(), true);
        assertEquals(List.of(), in(() -> requests.openFor(newcomer)));
        assertEquals(List.of(), in(() -> requests.mine(newcomer)));
        assertTrue(in(() -> requests.mineTo(newcomer, window)).isEmpty());
        assertTrue(in(() -> requests.offer(newcomer, window)).getChildren().isEmpty());
        assertEquals("Cette demande n'existe pas.",
                assertThrows(Refused.class, () -> in(() -> requests.mine(newcomer, requestA))).getMessage());

        in(() -> desk.close(FamilyFileIT.AGENT, window));
        // ranked by "handicap ou PAI": its lines would tell which families declared one (their order, their seats, even
        // "critère confidentiel"): agent-sante's only, to read and to adjust
        Refused ranked = assertThrows(Refused.class, () -> in(() -> desk.preview(FamilyFileIT.AGENT, window, 0, 50)));
        assertTrue(ranked.getMessage().contains("seul un agent habilité aux données de santé"), ranked.getMessage());
        assertFalse(in(() -> desk.mayRead(FamilyFileIT.AGENT, window)));
        assertTrue(in(() -> desk.mayRead(FamilyFileIT.SANTE, window)));
        List<AllocationLine> plain = in(() -> desk.preview(FamilyFileIT.SANTE, window, 0, 50));
        assertEquals("place attribuée — priorité : handicap ou PAI ; seule demande à ce niveau de priorité",
                plain.get(0).getText());
        assertThrows(Refused.class, () -> in(() -> {
            desk.adjust(FamilyFileIT.AGENT, plain.get(1).getWishId(), true, "fratrie oubliée");
            return null;
        }));

        // adjustments: a reason is required, the seat must be free, each is journaled
        long waitingWish = plain.get(1).getWishId();
        long placedWish = plain.get(0).getWishId();
        Refused noReason = assertThrows(Refused.class, () -> in(() -> {
            desk.adjust(FamilyFileIT.SANTE, waitingWish, true, " ");
            return null;
        }));
        assertEquals("reason", noReason.field());
        Refused full = assertThrows(BookingRefused.class, () -> in(() -> {
            desk.adjust(FamilyFileIT.SANTE, waitingWish, true, "fratrie oubliée");
            return null;
        }));
        assertTrue(full.getMessage().startsWith("Plus de place ce jour-là"));
        in(() -> {
            desk.adjust(FamilyFileIT.SANTE, placedWish, false, "dossier incomplet");
            desk.adjust(FamilyFileIT.SANTE, waitingWish, true, "situation d'urgence signalée");
            return null;
        });
        List<AllocationLine> adjusted = in(() -> desk.preview(FamilyFileIT.SANTE, window, 0, 50));
        assertEquals(1, adjusted.stream().filter(AllocationLine::isPlaced).count());
        assertEquals(List.of(1, 2), adjusted.stream().filter(l -> !l.isPlaced()).map(AllocationLine::getWaitingRank).sorted().toList());
        assertTrue(adjusted.stream().filter(l -> l.getWishId() == waitingWish).findFirst().orElseThrow().isAdjusted());
        assertEquals(2, count("select count(*) from window_adjustment where window_id = ?1", window));
        assertNotEquals(0, count("select count(*) from window_adjustment where window_id = ?1 and agent = 'sante@alpha.test'"
                + " and reason = 'dossier incomplet'", window));
        // an agent of another commune reaches nothing
        assertThrows(SecurityException.class, () -> inBeta(() -> desk.preview(FamilyFileIT.AGENT, window, 0, 50)));
    }

    @Test
    void aWindowsDaysAreOnRequestInThePlanningAndRefusedByEveryBookingPathUntilPublished() throws Exception {
        long[] ua = unit(5);
        long unit = ua[0];
        LocalDate day = weekday(BookingIT.nextMondayInAMonth().plusDays(2));
        List<ValidatedFamilies.Parent> parents = families(2, ua[1]);
        ValidatedFamilies.Parent asker = parents.get(0);
        ValidatedFamilies.Parent racer = parents.get(1);
        long window = in(() -> desk.open(FamilyFileIT.SANTE, settings(ua[1], day, TestDays.now().minusMinutes(1),
                TestDays.now().plusHours(1))));

        // Mon planning: the day is "sur demande", not bookable, linked to its window
        PlanningCell cell = cellOf(racer, ua[1], unit, day);
        assertEquals(DayState.SUR_DEMANDE, cell.getState());
        assertFalse(cell.isBookable());
        assertEquals(window, cell.getWindow().getId());
        assertEquals(WindowSpan.Phase.OPEN, cell.getWindow().getPhase());

        // every booking path refuses it: one day, the page's selection (also what a hand-posted form reaches), the
        // summary, the semaine type; the families' API calls applyFamilySelection (FamilyApiIT: 409 reservation_refusee)
        PlannedChange change = new PlannedChange(unit, day, null, "Journée");
        BookingDecision one = in(() -> planning.book(racer.user(), racer.childId(), unit, day));
        assertEquals(BookingDecision.Outcome.REFUSED, one.outcome());
        BookingRefused selection = assertThrows(BookingRefused.class, () -> in(() -> planning.applySelection(racer.user(),
                racer.childId(), List.of(change))));
        assertTrue(selection.getMessage().contains("sont attribuées sur demande, pas au premier arrivé — fenêtre ouverte"
                + " jusqu'au "), selection.getMessage());
        SelectionReview review = in(() -> planning.reviewSelection(racer.user(), racer.childId(), List.of(change)));
        assertTrue(review.refused().contains(change.getKey()));
        assertTrue(review.warned().contains(change.getKey()), "the summary flags it");
        assertThrows(BookingRefused.class, () -> in(() -> planning.applyFamilySelection(racer.user(),
                List.of(new PlanningService.ChildChange(racer.childId(), change)))));
        // "Recopier la sélection" does not copy onto it (the whole selection would then be refused)
        assertEquals(List.of(), in(() -> planning.copiesToKeep(racer.user(), racer.childId(), List.of(change))));
        TypicalWeekResult week = in(() -> planning.applyTypicalWeek(racer.user(), racer.childId(),
                Map.of(day.getDayOfWeek(), Set.of(unit)), day, day));
        assertEquals(0, count("select count(*) from booking where unit_id = ?1 and day = ?2", unit, day), week.summary().french());

        // closed: still on request (allocation not published)
        in(() -> requests.request(asker.user(), window, Map.of(asker.childId(), Set.of(new UnitDay(unit, day))),
                new Answers(false, false, null)));
        in(() -> desk.close(FamilyFileIT.AGENT, window));
        PlanningCell closed = cellOf(racer, ua[1], unit, day);
        assertEquals(DayState.SUR_DEMANDE, closed.getState());
        assertEquals(WindowSpan.Phase.CLOSED, closed.getWindow().getPhase());
        assertThrows(BookingRefused.class, () -> in(() -> planning.applySelection(racer.user(), racer.childId(),
                List.of(change))));

        // published: the usual rules again — the placed child is booked, the other may book a free seat
        in(() -> desk.publish(FamilyFileIT.AGENT, window));
        assertEquals(DayState.RESERVE_ANNULABLE, cellOf(asker, ua[1], unit, day).getState());
        PlanningCell after = cellOf(racer, ua[1], unit, day);
        assertEquals(DayState.RESERVABLE, after.getState());
        assertTrue(after.isBookable());
        assertEquals(List.of(change), in(() -> planning.copiesToKeep(racer.user(), racer.childId(), List.of(change))));
        // a day the child holds already: not copied onto, and the summary says "déjà réservé" (not priced), as
        // "Confirmer" would
        assertEquals(List.of(), in(() -> planning.copiesToKeep(asker.user(), asker.childId(), List.of(change))));
        SelectionReview held = in(() -> planning.reviewSelection(asker.user(), asker.childId(), List.of(change)));
        assertTrue(held.refused().contains(change.getKey()), held.toString());
        assertEquals("Déjà réservé.", held.notices().get(change.getKey()));
        // more than a confirmation takes: refused at the summary, as "Confirmer" would refuse it whole
        List<PlannedChange> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i <= PlanningService.MAX_SELECTION; i++) {
            tooMany.add(new PlannedChange(unit, day.plusDays(i), null, "Journée"));
        }
        BookingRefused tooLong = assertThrows(BookingRefused.class, () -> in(() -> planning.reviewSelection(racer.user(),
                racer.childId(), tooMany)));
        assertTrue(tooLong.getMessage().contains("400"), tooLong.getMessage());
        assertEquals(null, after.getWindow());
        List<ChangeOutcome> booked = in(() -> planning.applySelection(racer.user(), racer.childId(), List.of(change)));
        assertTrue(booked.get(0).isDone(), booked.get(0).getMessage());
        assertEquals(2, count("select count(*) from booking where unit_id = ?1 and day = ?2 and status = 'BOOKED'", unit, day));
    }

    /** A document of the family's (Mes documents), sent and not yet reviewed; its id. */
    long document(ValidatedFamilies.Parent p, String type, boolean health) throws Exception {
        return in(() -> {
            tx.begin();
            Number id = (Number) em.createNativeQuery("insert into family_document (family_id, type_code, health, issued_on,"
                    + " status, file_name, content_type, content) select family_id, ?2, ?3, current_date, 'PENDING',"
                    + " 'attestation.pdf', 'application/pdf', cast('%PDF-1.4' as bytea) from child where id = ?1 returning id")
                    .setParameter(1, p.childId()).setParameter(2, type).setParameter(3, health).getSingleResult();
            tx.commit();
            return id.longValue();
        });
    }

    /**
     * A window opened by mistake (the wrong activity, dates or weights) is withdrawn while it takes requests: its requests
     * gone, each family that asked mailed, the period bookable first come again; an allocated one is not.
     */
    @Test
    void aWindowOpenedByMistakeIsWithdrawnAndItsPeriodBookedFirstComeAgain() throws Exception {
        long[] ua = unit(2);
        long unit = ua[0];
        LocalDate day = weekday(BookingIT.nextMondayInAMonth().plusDays(2));
        List<ValidatedFamilies.Parent> parents = families(2, ua[1]);
        ValidatedFamilies.Parent asked = parents.get(0);
        ValidatedFamilies.Parent other = parents.get(1);
        long window = in(() -> desk.open(FamilyFileIT.SANTE, settings(ua[1], day, TestDays.now().minusMinutes(1),
                TestDays.now().plusHours(1))));
        in(() -> requests.request(asked.user(), window, Map.of(asked.childId(), Set.of(new UnitDay(unit, day))),
                new Answers(false, false, null)));
        assertEquals(BookingDecision.Outcome.REFUSED, in(() -> planning.book(other.user(), other.childId(), unit, day)).outcome(),
                "attribuées sur demande while it is there");

        // not by a parent, nor by another commune's agent
        assertThrows(SecurityException.class, () -> in(() -> desk.withdraw(asked.user(), window)));
        assertThrows(SecurityException.class, () -> in(() -> desk.withdraw(FamilyFileIT.BETA_AGENT, window)));
        assertThrows(SecurityException.class, () -> inBeta(() -> desk.withdraw(FamilyFileIT.AGENT, window)));
        assertEquals(1, in(() -> desk.withdraw(FamilyFileIT.AGENT, window)), "the one family that asked, told");
        assertEquals(0, count("select count(*) from opening_window where id = ?1", window));
        assertEquals(0, count("select count(*) from window_request where window_id = ?1", window));
        Mails.await(asked.user().email(), m -> m.contains("a été retirée par le service"));
        assertEquals(BookingDecision.Outcome.ACCEPTED, in(() -> planning.book(other.user(), other.childId(), unit, day))
                .outcome(), "first come, first served again");
        assertThrows(Refused.class, () -> in(() -> desk.withdraw(FamilyFileIT.AGENT, window)), "gone");

        // an allocated window is the families' result: not withdrawn
        LocalDate later = weekday(day.plusWeeks(1));
        long allocated = in(() -> desk.open(FamilyFileIT.SANTE, settings(ua[1], later, TestDays.now().minusMinutes(1),
                TestDays.now().plusHours(1))));
        in(() -> desk.close(FamilyFileIT.AGENT, allocated));
        Refused kept = assertThrows(Refused.class, () -> in(() -> desk.withdraw(FamilyFileIT.AGENT, allocated)));
        assertTrue(kept.getMessage().startsWith("Une fenêtre déjà attribuée ne peut plus être retirée"), kept.getMessage());
    }

    @Test
    void theCriteriaAskedInTheRequestWithTheFamilysOwnProofShownToAgents() throws Exception {
        long[] ua = unit(2);
        long unit = ua[0];
        LocalDate day = weekday(BookingIT.nextMondayInAMonth().plusDays(4));
        List<ValidatedFamilies.Parent> parents = families(2, ua[1]);
        ValidatedFamilies.Parent a = parents.get(0);
        ValidatedFamilies.Parent b = parents.get(1);
        long proofA = document(a, "DOMICILE", false);
        long proofB = document(b, "DOMICILE", false);
        // health data by its name (a proof sent with the request as « PAI.pdf »): flagged once the request holds it — a
        // health document of Mes documents is never offered, nor taken, as a proof
        long healthB = document(b, "DOMICILE", false);
        long window = in(() -> desk.open(FamilyFileIT.SANTE, new WindowSettings(ua[1], day, day,
                TestDays.now().minusMinutes(1), TestDays.now().plusHours(1),
                new WindowRules(Map.of(Criterion.BOTH_PARENTS_WORKING, 10), null, false), true)));
        Map<Long, Set<UnitDay>> daysA = Map.of(a.childId(), Set.of(new UnitDay(unit, day)));

        // the commune requires a proof of "both parents working"
        Refused missing = assertThrows(Refused.class, () -> in(() -> requests.request(a.user(), window, daysA,
                new Answers(true, false, null))));
        assertEquals("proof", missing.field());
        // another family's document id, as a hand-made form or API call would send it: refused, nothing stored
        Refused notHers = assertThrows(Refused.class, () -> in(() -> requests.request(a.user(), window, daysA,
                new Answers(true, false, proofB))));
        assertEquals("Ce justificatif ne fait pas partie de vos documents.", notHers.getMessage());
        assertEquals("proof", notHers.field());
        assertEquals(0, count("select count(*) from window_request where window_id = ?1", window));
        // another commune's host reaches nothing
        assertThrows(SecurityException.class, () -> inBeta(() -> requests.request(a.user(), window, daysA,
                new Answers(true, false, proofA))));

        // a proof validated once but past its date is neither offered nor taken (it proved nothing any more)
        long expiredA = document(a, "DOMICILE", false);
        expire(expiredA, 1);
        assertTrue(in(() -> requests.offer(a.user(), window)).getDocuments().stream().noneMatch(d -> d.getId() == expiredA));
        assertTrue(in(() -> requests.offer(a.user(), window)).getDocuments().stream().anyMatch(d -> d.getId() == proofA));
        assertEquals("proof", assertThrows(Refused.class, () -> in(() -> requests.request(a.user(), window, daysA,
                new Answers(true, false, expiredA)))).field());

        long requestA = in(() -> requests.request(a.user(), window, daysA, new Answers(true, false, proofA)));
        assertEquals(proofA, count("select proof_document_id from window_request where id = ?1", requestA));
        assertTrue(in(() -> requests.mine(a.user(), requestA)).isBothParentsWorking());
        in(() -> requests.request(b.user(), window, Map.of(b.childId(), Set.of(new UnitDay(unit, day))),
                new Answers(true, false, healthB)));
        in(() -> {
            tx.begin();
            em.createNativeQuery("update family_document set health = true where id = ?1").setParameter(1, healthB)
                    .executeUpdate();
            tx.commit();
            return null;
        });
        // sent again with it, the request keeps its proof
        in(() -> requests.request(b.user(), window, Map.of(b.childId(), Set.of(new UnitDay(unit, day))),
                new Answers(true, false, healthB)));

        in(() -> desk.close(FamilyFileIT.AGENT, window));
        List<AllocationLine> lines = in(() -> desk.preview(FamilyFileIT.AGENT, window, 0, 50));
        long wishA = count("select x.id from window_wish x join window_request r on r.id = x.request_id where r.window_id = ?1"
                + " and x.child_id = ?2", window, a.childId());
        long wishB = count("select x.id from window_wish x join window_request r on r.id = x.request_id where r.window_id = ?1"
                + " and x.child_id = ?2", window, b.childId());
        AllocationLine lineA = lines.stream().filter(l -> l.getWishId() == wishA).findFirst().orElseThrow();
        assertEquals(proofA, lineA.getProofId());
        assertEquals("parents qui travaillent : oui — justificatif : Justificatif de domicile de moins de 3 mois (à vérifier)",
                lineA.getProof());
        assertTrue(lineA.getText().contains("priorité : parents qui travaillent"), lineA.getText());
        // a health document as proof: an agent without agent-sante neither reads its type nor gets its id
        AllocationLine lineB = lines.stream().filter(l -> l.getWishId() == wishB).findFirst().orElseThrow();
        assertEquals(null, lineB.getProofId());
        assertEquals("parents qui travaillent : oui — justificatif confidentiel", lineB.getProof());
        AllocationLine healthLine = in(() -> desk.preview(FamilyFileIT.SANTE, window, 0, 50)).stream()
                .filter(l -> l.getWishId() == wishB).findFirst().orElseThrow();
        assertEquals(healthB, healthLine.getProofId());
        // the proof validated, then past its date when the agents read the allocation: not called « validé »
        expire(proofA, 1);
        AllocationLine expiredLine = in(() -> desk.preview(FamilyFileIT.AGENT, window, 0, 50)).stream()
                .filter(l -> l.getWishId() == wishA).findFirst().orElseThrow();
        assertEquals("parents qui travaillent : oui — justificatif : Justificatif de domicile de moins de 3 mois (expiré)",
                expiredLine.getProof());
    }

    /** The document validated, its date {@code daysAgo} days past. */
    void expire(long documentId, int daysAgo) throws Exception {
        in(() -> {
            tx.begin();
            em.createNativeQuery("update family_document set status = 'VALIDATED', expires_on = cast(?2 as date) where id = ?1")
                    .setParameter(1, documentId).setParameter(2, TestDays.today().minusDays(daysAgo)).executeUpdate();
            tx.commit();
            return null;
        });
    }

    @Test
    void aProofSentWithTheRequestIsAFamilyDocumentStoredInTheRequestsTransaction() throws Exception {
        long[] ua = unit(2);
        LocalDate day = weekday(BookingIT.nextMondayInAMonth().plusDays(4));
        List<ValidatedFamilies.Parent> parents = families(2, ua[1]);
        ValidatedFamilies.Parent a = parents.get(0);
        ValidatedFamilies.Parent b = parents.get(1);
        long proofB = document(b, "DOMICILE", false);
        long window = in(() -> desk.open(FamilyFileIT.SANTE, new WindowSettings(ua[1], day, day,
                TestDays.now().minusMinutes(1), TestDays.now().plusHours(1),
                new WindowRules(Map.of(Criterion.BOTH_PARENTS_WORKING, 10), null, false), true)));
        Map<Long, Set<UnitDay>> daysA = Map.of(a.childId(), Set.of(new UnitDay(ua[0], day)));
        Answers working = new Answers(true, false, null);
        LocalDate today = TestDays.today();
        byte[] pdf = "%PDF-1.4\n% bulletin de salaire\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        NewProof proof = new NewProof("DOMICILE", today, "bulletin.pdf", pdf);
        String docsOfA = "select count(*) from family_document where family_id = (select family_id from child where id = ?1)";

        // checked on its content, as Mes documents checks it: an HTML page named .pdf is refused next to the file field
        Refused fake = assertThrows(Refused.class, () -> in(() -> requests.request(a.user(), window, daysA, working,
                new NewProof("DOMICILE", today, "bulletin.pdf", "<html><body>piège</body></html>".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)))));
        assertEquals("proofFile", fake.field());
        assertTrue(fake.getMessage().contains("PDF, JPEG ou PNG"), fake.getMessage());
        Refused tooBig = assertThrows(Refused.class, () -> in(() -> requests.request(a.user(), window, daysA, working,
                new NewProof("DOMICILE", today, "gros.pdf", java.util.Arrays.copyOf(pdf, 5 * 1024 * 1024 + 1)))));
        assertEquals("proofFile", tooBig.field());
        assertTrue(tooBig.getMessage().contains("5 Mo"), tooBig.getMessage());
        Refused noDate = assertThrows(Refused.class, () -> in(() -> requests.request(a.user(), window, daysA, working,
                new NewProof("DOMICILE", null, "bulletin.pdf", pdf))));
        assertEquals("proofDate", noDate.field());
        Refused noType = assertThrows(Refused.class, () -> in(() -> requests.request(a.user(), window, daysA, working,
                new NewProof("INCONNU", today, "bulletin.pdf", pdf))));
        assertEquals("proofType", noType.field());
        // an employer's certificate whose name speaks of health (a medical practice): said beside the file, why, nothing kept
        Refused named = assertThrows(Refused.class, () -> in(() -> requests.request(a.user(), window, daysA, working,
                new NewProof("DOMICILE", today, "attestation employeur cabinet médical.pdf", pdf))));
        assertEquals("proofFile", named.field());
        assertTrue(named.getMessage().startsWith("Le nom du fichier « attestation employeur cabinet médical.pdf » évoque un"
                + " document de santé"), named.getMessage());
        // a good file with a request refused (no day): one transaction, the document is not kept either
        Refused noDay = assertThrows(Refused.class, () -> in(() -> requests.request(a.user(), window, Map.of(), working, proof)));
        assertEquals("days", noDay.field());
        // another family's document posted with it (a hand-made form): refused; alone, refused as before
        Refused both = assertThrows(Refused.class, () -> in(() -> requests.request(a.user(), window, daysA,
                new Answers(true, false, proofB), proof)));
        assertEquals("proof", both.field());
        assertEquals("Ce justificatif ne fait pas partie de vos documents.", assertThrows(Refused.class, () -> in(() ->
                requests.request(a.user(), window, daysA, new Answers(true, false, proofB), null))).getMessage());
        // another commune's host reaches nothing
        assertThrows(SecurityException.class, () -> inBeta(() -> requests.request(a.user(), window, daysA, working, proof)));
        assertEquals(0, count(docsOfA, a.childId()), "nothing half-saved");
        assertEquals(0, count("select count(*) from window_request where window_id = ?1", window));

        long requestA = in(() -> requests.request(a.user(), window, daysA, working, proof));
        long stored = count("select proof_document_id from window_request where id = ?1", requestA);
        assertEquals(1, count(docsOfA, a.childId()));
        assertEquals(1, count("select count(*) from family_document where id = ?1 and status = 'PENDING' and type_code = 'DOMICILE'"
                + " and file_name = 'bulletin.pdf' and content_type = 'application/pdf' and child_id is null", stored));
        List<FamilyDocuments.Row> mine = in(() -> documents.mine(a.user()));
        assertEquals(List.of(stored), mine.stream().map(FamilyDocuments.Row::getId).toList(), "in Mes documents");
        assertTrue(in(() -> documents.mine(b.user())).stream().noneMatch(r -> r.getId() == stored), "not in another family's");
    }

    PlanningCell cellOf(ValidatedFamilies.Parent p, long activityId, long unitId, LocalDate day) throws Exception {
        return in(() -> planning.planning(p.user(), p.childId(), activityId, java.time.YearMonth.from(day))).stream()
                .filter(d -> d.getDay().equals(day)).findFirst().orElseThrow().getCells().stream()
                .filter(c -> c.getUnitId() == unitId).findFirst().orElseThrow();
    }
}
