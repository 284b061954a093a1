package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.booking.AbsenceReason;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.it.ValidatedFamilies.Parent;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.platform.booking.AbsenceService;
import fr.portailfamille.platform.booking.Booking;
import fr.portailfamille.platform.booking.BookingDesk;
import fr.portailfamille.platform.booking.NextBookings;
import fr.portailfamille.platform.booking.PlanningService;
import fr.portailfamille.platform.family.MyRequests;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.family.requests.RequestFilter;
import fr.portailfamille.platform.family.requests.RequestKind;
import fr.portailfamille.platform.family.requests.RequestLine;
import fr.portailfamille.platform.family.requests.RequestState;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.registration.RegistrationService;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.platform.web.Texts;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mes demandes and Accueil's reads against the real PostgreSQL inside Payara Micro: a family with one request of each
 * kind (each made and decided through its own context's service) sees each with its state, decision date and reason,
 * filtered by kind, state and period, newest first and paged; Accueil's pending counts and next booked days; another
 * family's requests never appear and are refused by reference; another commune sees nothing; a registration takes a
 * valid document of Mes documents by its type's code, never by a label two types share.
 */
@ExtendWith(ArquillianExtension.class)
class RequestsIT {

    private static final byte[] PDF = "%PDF-1.4\n% piece\n".getBytes(StandardCharsets.US_ASCII);
    private static final String AGENT = "agent@alpha.test";

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    MyRequests requests;

    @Inject
    NextBookings nextBookings;

    @Inject
    RegistrationService registrations;

    @Inject
    PlanningService bookings;

    @Inject
    BookingDesk bookingDesk;

    @Inject
    AbsenceService absences;

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


    <T> T in(String slug, Callable<T> work) throws Exception {
        Commune c = directory.bySlug(slug).orElseThrow();
        return TenantContext.call(c, work);
    }

    <T> T alpha(Callable<T> work) throws Exception {
        return in("alpha", work);
    }

    long sqlId(String slug, String statement) throws Exception {
        return in(slug, () -> {
            tx.begin();
            Number id = (Number) em.createNativeQuery(statement).getSingleResult();
            tx.commit();
            return id.longValue();
        });
    }

    void sql(String slug, String statement) throws Exception {
        in(slug, () -> {
            tx.begin();
            em.createNativeQuery(statement).executeUpdate();
            tx.commit();
            return null;
        });
    }

    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A validated family with one child. */
    Parent family(String slug) throws Exception {
        return families.create(slug, "demandes");
    }

    /** A new activity of one unit ("Midi"), the child registered to it (validated); returns the unit's id. */
    long unitFor(Parent p, String name, boolean needsValidation) throws Exception {
        String code = code("ACT");
        long activity = sqlId("alpha", "insert into activity (code, name, type, booking_deadline, cancellation_deadline,"
                + " late_policy, needs_validation) values ('" + code + "', '" + name + "', 'RESTAURATION', 'J-2@23:59',"
                + " 'J-90@23:59', 'REFUSED', " + needsValidation + ") returning id");
        long unit = sqlId("alpha", "insert into activity_unit (activity_id, code, label, capacity) values (" + activity
                + ", 'MIDI', 'Midi', 10) returning id");
        sql("alpha", "insert into registration (child_id, activity_id, status, cgu_accepted_at, decided_at)"
                + " values (" + p.childId() + ", " + activity + ", 'VALIDATED', now(), now())");
        return unit;
    }

    Booking booking(Parent p, long unit, LocalDate day) throws Exception {
        return alpha(() -> bookings.bookingsOf(p.user(), p.childId(), day, day)).stream()
                .filter(b -> b.getUnit().getId() == unit).reduce((a, b) -> b).orElseThrow();
    }

    static RequestLine line(List<RequestLine> lines, RequestKind kind, long id) {
        return lines.stream().filter(l -> l.getKind() == kind && l.getId() == id).findFirst()
                .orElseThrow(() -> new AssertionError(kind + "-" + id + " absent de " + lines.stream().map(RequestLine::getRef).toList()));
    }

    /**
     * A day put on the waiting list (the unit full) is a request still waiting — for a seat, then for validation —:
     * « En attente » in Mes demandes and counted on Accueil, never « Acceptée »; with or without validation.
     */
    @Test
    void aDayOnTheWaitingListIsARequestStillWaiting() throws Exception {
        Parent p = family("alpha");
        LocalDate day = BookingIT.nextMondayInAMonth();
        for (boolean validation : List.of(true, false)) {
            long unit = unitFor(p, "Sortie complète", validation);
            sql("alpha", "update activity_unit set capacity = 0 where id = " + unit);
            alpha(() -> bookings.book(p.user(), p.childId(), unit, day));
            long waiting = booking(p, unit, day).getId();
            assertEquals(BookingStatus.WAITING, booking(p, unit, day).getStatus());
            RequestLine line = line(alpha(() -> requests.page(p.user(), RequestFilter.ALL, 0, 50)).lines(),
                    RequestKind.RESERVATION, waiting);
            assertEquals(RequestState.PENDING, line.getState(), "validation " + validation);
        }
        assertEquals(2L, alpha(() -> requests.pendingCounts(p.user())).get(RequestKind.RESERVATION));
    }

    /**
     * A day on the waiting list of an activity without validation that gets the seat a cancellation freed stays the
     * family's request in Mes demandes: « Acceptée », with when (it vanished the moment it got its seat); the other
     * family's ordinary booking is no request.
     */
    @Test
    void aWaitingDayThatGetsItsSeatStaysAcceptedInMesDemandes() throws Exception {
        Parent p = family("alpha");
        Parent first = family("alpha");
        LocalDate day = BookingIT.nextMondayInAMonth();
        long unit = unitFor(p, "Sortie libérée", false);
        sql("alpha", "insert into registration (child_id, activity_id, status, cgu_accepted_at, decided_at) select "
                + first.childId() + ", activity_id, 'VALIDATED', now(), now() from activity_unit where id = " + unit);
        sql("alpha", "update activity_unit set capacity = 1 where id = " + unit);
        alpha(() -> bookings.book(first.user(), first.childId(), unit, day));
        alpha(() -> bookings.book(p.user(), p.childId(), unit, day));
        long waiting = booking(p, unit, day).getId();
        assertEquals(BookingStatus.WAITING, booking(p, unit, day).getStatus());
        long firstBooking = booking(first, unit, day).getId();
        alpha(() -> bookings.cancel(first.user(), firstBooking));
        assertEquals(BookingStatus.BOOKED, booking(p, unit, day).getStatus());
        RequestLine line = line(alpha(() -> requests.page(p.user(), RequestFilter.ALL, 0, 50)).lines(),
                RequestKind.RESERVATION, waiting);
        assertEquals(RequestState.ACCEPTED, line.getState());
        assertNotNull(line.getDecidedAt(), "when it got its seat");
        assertEquals(0L, alpha(() -> requests.pendingCounts(p.user())).getOrDefault(RequestKind.RESERVATION, 0L));
        assertTrue(alpha(() -> requests.page(first.user(), RequestFilter.ALL, 0, 50)).lines().stream()
                .noneMatch(l -> l.getKind() == RequestKind.RESERVATION && l.getId() == firstBooking));
    }

    @Test
    void aFamilySeesEachOfItsRequestsWithItsDecisionAndNoOneElseDoes() throws Exception {
        Parent p = family("alpha");
        Parent other = family("alpha");
        SignedInUser agent = FamilyFileIT.AGENT;
        LocalDate day = BookingIT.nextMondayInAMonth();

        // an activity registration, refused with a reason
        String activityCode = code("INS");
        long activity = sqlId("alpha", "insert into activity (code, name, type, booking_deadline, cancellation_deadline,"
                + " late_policy) values ('" + activityCode + "', 'Club nature " + activityCode + "', 'PERISCOLAIRE',"
                + " 'J-2@23:59', 'J-2@23:59', 'REFUSED') returning id");
        long registration = alpha(() -> registrations.register(p.user(), p.childId(), List.of(activity), Map.of(), true))
                .get(0).getId();
        alpha(() -> {
            registrations.decideRegistration(FamilyFileIT.AGENT, registration, false, "Groupe complet");
            return null;
        });

        // a school pre-registration, left pending
        String schoolCode = code("ECOLE");
        long school = sqlId("alpha", "insert into establishment (code, name, kind) values ('" + schoolCode + "', 'École "
                + schoolCode + "', 'ECOLE_ELEMENTAIRE') returning id");
        String year = alpha(registrations::schoolYears).get(0);
        long enrolment = alpha(() -> registrations.requestSchool(p.user(), p.childId(), school, year, "CE1", null)).getId();

        // a booking awaiting validation, refused with a reason
        long validated = unitFor(p, "Sortie piscine", true);
        alpha(() -> bookings.book(p.user(), p.childId(), validated, day));
        long refusedBooking = booking(p, validated, day).getId();
        alpha(() -> {
            bookingDesk.decideValidation(AGENT, refusedBooking, false, "Sortie réservée aux CM2");
            return null;
        });

        // an absence with a medical certificate, refused by agent-sante with a reason; and a day still booked
        long canteen = unitFor(p, "Cantine", false);
        alpha(() -> bookings.book(p.user(), p.childId(), canteen, day));
        alpha(() -> bookings.book(p.user(), p.childId(), canteen, day.plusDays(1)));
        long absentBooking = booking(p, canteen, day).getId();
        alpha(() -> absences.declareAbsence(p.user(), absentBooking, AbsenceReason.MALADIE, "angine", PDF,
                "application/pdf", "certificat.pdf"));
        long absence = alpha(() -> ((Number) em.createNativeQuery("select id from absence where booking_id = ?1")
                .setParameter(1, absentBooking).getSingleResult()).longValue());
        alpha(() -> {
            absences.reviewCertificate(AGENT, absence, false, "Certificat illisible");
            return null;
        });
        assertEquals(BookingStatus.ABSENT_BILLED, booking(p, canteen, day).getStatus());

        // a document, refused with a reason
        long document = alpha(() -> documents.upload(p.user(), "DOMICILE", null, TestDays.today(),
                "edf.pdf", PDF));
        alpha(() -> {
            documents.review(agent, document, false, "Illisible");
            return null;
        });

        // a change of the file, accepted
        long change = sqlId("alpha", "insert into change_request (family_id, type, status, old_value, new_value, decided_at,"
                + " decided_by) values (" + p.familyId() + ", 'TELEPHONES', 'ACCEPTED', '{}',"
                + " '{\"/responsable1/mobilePhone\":\"06 12 34 56 78\"}', now(), 'agent') returning id");

        // --- Mes demandes: each request, its state, decision date and reason, newest first
        MyRequests.Page all = alpha(() -> requests.page(p.user(), RequestFilter.ALL, 0, 50));
        List<RequestLine> lines = all.lines();
        // six requests, and the registrations to the two activities booked below (validated by the town)
        assertEquals(8, all.total(), lines.stream().map(RequestLine::getRef).toList().toString());
        assertEquals(3, lines.stream().filter(l -> l.getKind() == RequestKind.INSCRIPTION).count());
        assertEquals(EnumSet.allOf(RequestKind.class), lines.stream().map(RequestLine::getKind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RequestKind.class))));
        for (int i = 1; i < lines.size(); i++) {
            assertFalse(lines.get(i).getMadeAt().isAfter(lines.get(i - 1).getMadeAt()), "la plus récente d'abord");
        }

        RequestLine ins = line(lines, RequestKind.INSCRIPTION, registration);
        assertEquals(RequestState.REFUSED, ins.getState());
        assertEquals("Groupe complet", ins.getReason());
        assertNotNull(ins.getDecidedAt());
        assertEquals(p.firstName(), ins.getChildName());
        assertTrue(ins.getSubject().contains("Club nature"), ins.getSubject());
        assertEquals("/espace/inscriptions.xhtml?enfant=1", ins.getTarget());

        RequestLine sco = line(lines, RequestKind.SCOLAIRE, enrolment);
        assertEquals(RequestState.PENDING, sco.getState());
        assertNull(sco.getDecidedAt());
        assertTrue(sco.getSubject().contains("CE1") && sco.getSubject().contains(year), sco.getSubject());

        RequestLine resa = line(lines, RequestKind.RESERVATION, refusedBooking);
        assertEquals(RequestState.REFUSED, resa.getState());
        assertEquals("Sortie réservée aux CM2", resa.getReason());
        assertNotNull(resa.getDecidedAt());
        assertTrue(resa.getSubject().contains("Sortie piscine (Midi)"), resa.getSubject());
        assertTrue(resa.getTarget().startsWith("/espace/planning.xhtml?enfant=1&activite="), resa.getTarget());

        RequestLine abs = line(lines, RequestKind.ABSENCE, absence);
        assertEquals(RequestState.REFUSED, abs.getState());
        assertEquals("Certificat illisible", abs.getReason());
        assertNotNull(abs.getDecidedAt());
        String absenceSubject = abs.subjectIn(k -> Texts.of(k));
        assertTrue(absenceSubject.contains("Cantine (Midi)") && absenceSubject.endsWith(" – maladie"), absenceSubject);

        RequestLine doc = line(lines, RequestKind.DOCUMENT, document);
        assertEquals(RequestState.REFUSED, doc.getState());
        assertEquals("Illisible", doc.getReason());
        assertNotNull(doc.getDecidedAt());
        assertNull(doc.getChildName(), "un document de la famille");
        assertEquals("/espace/documents.xhtml", doc.getTarget());

        RequestLine dossier = line(lines, RequestKind.DOSSIER, change);
        assertEquals(RequestState.ACCEPTED, dossier.getState());
        assertEquals("Responsable et téléphones", dossier.subjectIn(k -> Texts.of(k)), "in the page's language (French here)");
        assertEquals("Parent and phones", dossier.subjectIn(k -> java.util.ResourceBundle.getBundle(
                "fr.portailfamille.platform.web.messages", java.util.Locale.ENGLISH).getString(k)));
        // what it asked, read once for every change of the page (the view puts it in words)
        assertEquals(Map.of(change, "{\"/responsable1/mobilePhone\":\"06 12 34 56 78\"}"),
                alpha(() -> requests.changeValues(p.user(), List.of(change, registration))));

        // filters: kind, state, period; paging
        List<RequestLine> onlyAbsences = alpha(() -> requests.page(p.user(), new RequestFilter(RequestKind.ABSENCE, null, null),
                0, 50)).lines();
        assertEquals(List.of("ABSENCE-" + absence), onlyAbsences.stream().map(RequestLine::getRef).toList());
        MyRequests.Page refused = alpha(() -> requests.page(p.user(), new RequestFilter(null, RequestState.REFUSED, null), 0, 50));
        assertEquals(4, refused.total());
        assertTrue(refused.lines().stream().allMatch(l -> l.getState() == RequestState.REFUSED));
        assertEquals(0, alpha(() -> requests.page(p.user(), new RequestFilter(null, null, OffsetDateTime.now().plusDays(1)),
                0, 50)).total(), "aucune demande faite demain");
        assertEquals(8, alpha(() -> requests.page(p.user(), new RequestFilter(null, null, OffsetDateTime.now().minusMonths(1)),
                0, 50)).total());
        MyRequests.Page first = alpha(() -> requests.page(p.user(), RequestFilter.ALL, 0, 5));
        MyRequests.Page second = alpha(() -> requests.page(p.user(), RequestFilter.ALL, 5, 5));
        assertEquals(5, first.lines().size());
        assertEquals(3, second.lines().size());
        assertEquals(8, second.total());
        assertEquals(lines.stream().map(RequestLine::getRef).toList(), java.util.stream.Stream.concat(first.lines().stream(),
                second.lines().stream()).map(RequestLine::getRef).toList(), "les pages se suivent sans trou ni doublon");

        // one request by its reference
        assertEquals("Certificat illisible", alpha(() -> requests.one(p.user(), "ABSENCE-" + absence)).getReason());

        // Accueil: pending counts by kind, the next booked day
        assertEquals(Map.of(RequestKind.SCOLAIRE, 1L), alpha(() -> requests.pendingCounts(p.user())));
        List<NextBookings.ChildDays> next = alpha(() -> nextBookings.of(p.user(), 3));
        assertEquals(1, next.size());
        assertEquals(p.firstName(), next.get(0).getFirstName());
        assertEquals(1, next.get(0).getPosition());
        assertEquals(List.of(day.plusDays(1)), next.get(0).getUnits().stream().map(NextBookings.Unit::getDay).toList(),
                "le jour d'absence et la réservation refusée ne sont plus des journées réservées");
        assertEquals("Cantine", next.get(0).getUnits().get(0).getActivity());
        assertEquals("BOOKED", next.get(0).getUnits().get(0).getStatus());

        // --- another family: sees none of these, and is refused each of them by reference
        long otherDocument = alpha(() -> documents.upload(other.user(), "DOMICILE", null, TestDays.today(),
                "edf.pdf", PDF));
        Set<String> mine = lines.stream().map(RequestLine::getRef).collect(Collectors.toSet());
        List<RequestLine> theirs = alpha(() -> requests.page(other.user(), RequestFilter.ALL, 0, 50)).lines();
        assertEquals(List.of("DOCUMENT-" + otherDocument), theirs.stream().map(RequestLine::getRef).toList());
        for (String ref : mine) {
            Refused r = assertThrows(Refused.class, () -> alpha(() -> requests.one(other.user(), ref)), ref);
            assertEquals("Cette demande ne fait pas partie de votre dossier.", r.getMessage());
        }
        assertTrue(alpha(() -> requests.changeValues(other.user(), List.of(change))).isEmpty(), "les valeurs d'une autre famille");
        assertThrows(Refused.class, () -> alpha(() -> requests.one(p.user(), "DOCUMENT-" + otherDocument)));
        assertThrows(Refused.class, () -> alpha(() -> requests.one(p.user(), "DOCUMENT-abc")));
        assertThrows(Refused.class, () -> alpha(() -> requests.one(p.user(), "<script>-1")));
        assertEquals(Map.of(RequestKind.DOCUMENT, 1L), alpha(() -> requests.pendingCounts(other.user())));
        assertTrue(alpha(() -> nextBookings.of(other.user(), 3)).get(0).getUnits().isEmpty());

        // staff accounts have no requests of their own
        assertEquals(0, alpha(() -> requests.page(agent, RequestFilter.ALL, 0, 50)).total());

        // --- another commune: the alpha parent is refused there; a beta family sees nothing of alpha's
        assertThrows(Exception.class, () -> in("beta", () -> requests.page(p.user(), RequestFilter.ALL, 0, 50)));
        Parent beta = family("beta");
        assertEquals(0, in("beta", () -> requests.page(beta.user(), RequestFilter.ALL, 0, 50)).total());
        assertThrows(Refused.class, () -> in("beta", () -> requests.one(beta.user(), "ABSENCE-" + absence)));
        assertTrue(in("beta", () -> requests.changeValues(beta.user(), List.of(change))).isEmpty());
        assertTrue(in("beta", () -> requests.pendingCounts(beta.user())).isEmpty());
    }

    /**
     * A family takes back its pending registration, school request and change of its file from Mes demandes: each
     * shows "Annulée", leaves the agents' queue (an agent's decision after it is refused) and frees the child's place
     * (asked again at once); twice is harmless; a decided request, a booking, another family's request (by reference,
     * in its own commune or another) and a staff account are refused, and nothing of theirs changes.
     */
    @Test
    void aFamilyWithdrawsItsPendingRequestsAndNothingElse() throws Exception {
        Parent p = family("alpha");
        Parent other = family("alpha");
        String code = code("RET");
        long activity = sqlId("alpha", "insert into activity (code, name, type, booking_deadline, cancellation_deadline,"
                + " late_policy) values ('" + code + "', 'Atelier " + code + "', 'PERISCOLAIRE',"
                + " 'J-2@23:59', 'J-2@23:59', 'REFUSED') returning id");
        long registration = alpha(() -> registrations.register(p.user(), p.childId(), List.of(activity), Map.of(), true))
                .get(0).getId();
        long school = sqlId("alpha", "insert into establishment (code, name, kind) values ('" + code + "', 'École "
                + code + "', 'ECOLE_ELEMENTAIRE') returning id");
        String year = alpha(registrations::schoolYears).get(0);
        long enrolment = alpha(() -> registrations.requestSchool(p.user(), p.childId(), school, year, "CM1", null)).getId();
        long change = sqlId("alpha", "insert into change_request (family_id, type, status, old_value, new_value)"
                + " values (" + p.familyId() + ", 'TELEPHONES', 'PENDING', '{}',"
                + " '{\"/responsable1/mobilePhone\":\"06 99 99 99 99\"}') returning id");
        String ins = "INSCRIPTION-" + registration;
        String sco = "SCOLAIRE-" + enrolment;
        String dos = "DOSSIER-" + change;

        // another family, of the same commune or of another, and an agent: refused, nothing changes
        for (String ref : List.of(ins, sco, dos)) {
            Refused r = assertThrows(Refused.class, () -> alpha(() -> {
                requests.withdraw(other.user(), ref);
                return null;
            }), ref);
            assertEquals("Cette demande ne fait pas partie de votre dossier.", r.getMessage());
            assertThrows(Refused.class, () -> alpha(() -> {
                requests.withdraw(FamilyFileIT.AGENT, ref);
                return null;
            }), ref);
        }
        Parent beta = family("beta");
        assertThrows(Refused.class, () -> in("beta", () -> {
            requests.withdraw(beta.user(), ins);
            return null;
        }));
        assertThrows(Exception.class, () -> in("beta", () -> {
            requests.withdraw(p.user(), ins);
            return null;
        }), "the alpha parent in beta");
        assertEquals(Map.of(RequestKind.INSCRIPTION, 1L, RequestKind.SCOLAIRE, 1L, RequestKind.DOSSIER, 1L),
                alpha(() -> requests.pendingCounts(p.user())));

        // the family itself: each taken back, shown as cancelled, out of the queues
        for (String ref : List.of(ins, sco, dos)) {
            alpha(() -> {
                requests.withdraw(p.user(), ref);
                return null;
            });
            alpha(() -> {
                requests.withdraw(p.user(), ref);
                return null;
            }); // a second click: harmless
            assertEquals(RequestState.CANCELLED, alpha(() -> requests.one(p.user(), ref)).getState(), ref);
        }
        assertTrue(alpha(() -> requests.pendingCounts(p.user())).isEmpty());
        assertEquals("WITHDRAWN", alpha(() -> em.createNativeQuery("select status from registration where id = ?1")
                .setParameter(1, registration).getSingleResult()));
        assertEquals("WITHDRAWN", alpha(() -> em.createNativeQuery("select status from change_request where id = ?1")
                .setParameter(1, change).getSingleResult()));
        assertTrue(alpha(registrations::pendingRegistrations).stream().noneMatch(r -> r.getId() == registration));
        assertTrue(alpha(registrations::pendingSchoolRequests).stream().noneMatch(r -> r.getId() == enrolment));
        assertThrows(Refused.class, () -> alpha(() -> {
            registrations.decideRegistration(FamilyFileIT.AGENT, registration, true, null);
            return null;
        }), "an agent's decision after the family withdrew");

        // the child's place is free: asked again at once, then decided: no longer withdrawn
        long again = alpha(() -> registrations.register(p.user(), p.childId(), List.of(activity), Map.of(), true))
                .get(0).getId();
        alpha(() -> registrations.requestSchool(p.user(), p.childId(), school, year, "CM1", null));
        alpha(() -> {
            registrations.decideRegistration(FamilyFileIT.AGENT, again, false, "Atelier complet");
            return null;
        });
        Refused decided = assertThrows(Refused.class, () -> alpha(() -> {
            requests.withdraw(p.user(), "INSCRIPTION-" + again);
            return null;
        }));
        assertEquals("Cette demande a déjà été traitée par la mairie : elle ne peut plus être annulée.", decided.getMessage());
        assertEquals(RequestState.REFUSED, alpha(() -> requests.one(p.user(), "INSCRIPTION-" + again)).getState());

        // a booking is taken back on Mon planning, not here
        long unit = unitFor(p, "Sortie " + code, true);
        LocalDate day = BookingIT.nextMondayInAMonth();
        alpha(() -> bookings.book(p.user(), p.childId(), unit, day));
        long booking = booking(p, unit, day).getId();
        Refused elsewhere = assertThrows(Refused.class, () -> alpha(() -> {
            requests.withdraw(p.user(), "RESERVATION-" + booking);
            return null;
        }));
        assertTrue(elsewhere.getMessage().contains("Mon planning"), elsewhere.getMessage());
        assertEquals(RequestState.PENDING, alpha(() -> requests.one(p.user(), "RESERVATION-" + booking)).getState());
    }

    @Test
    void aRegistrationTakesTheValidDocumentOfTheTypeItNamesByCode() throws Exception {
        Parent p = family("alpha");
        String extra = code("EXTRA");
        // a second type whose label is the code of the insurance type: a document of it must not be taken for ASSURANCE
        sql("alpha", "insert into document_type (code, label, for_child, health, validity, position) values ('" + extra
                + "', 'assurance', true, false, 'PERMANENT', 99)");
        try {
            long wrong = alpha(() -> documents.upload(p.user(), extra, p.childId(), TestDays.today(),
                    "autre.pdf", PDF));
            alpha(() -> {
                documents.review(FamilyFileIT.AGENT, wrong, true, null);
                return null;
            });
            String code = code("REUSE");
            long activity = sqlId("alpha", "insert into activity (code, name, type, booking_deadline, cancellation_deadline,"
                    + " late_policy) values ('" + code + "', 'Activité " + code + "', 'PERISCOLAIRE', 'J-2@23:59', 'J-2@23:59',"
                    + " 'REFUSED') returning id");
            sql("alpha", "insert into activity_document (activity_id, position, label) values (" + activity + ", 0, 'ASSURANCE')");
            assertFalse(alpha(() -> registrations.providedByMesDocuments(p.user(), p.childId(), "ASSURANCE")),
                    "un document d'un autre type (dont le libellé est « assurance ») n'est pas repris");
            assertEquals("Joignez le document « ASSURANCE ».", assertThrows(Refused.class, () -> alpha(() ->
                    registrations.register(p.user(), p.childId(), List.of(activity), Map.of(), true))).getMessage());

            long insurance = alpha(() -> documents.upload(p.user(), "ASSURANCE", p.childId(), TestDays.today(),
                    "assurance.pdf", PDF));
            alpha(() -> {
                documents.review(FamilyFileIT.AGENT, insurance, true, null);
                return null;
            });
            assertTrue(alpha(() -> registrations.providedByMesDocuments(p.user(), p.childId(), "assurance")), "par son code");
            assertTrue(alpha(() -> registrations.providedByMesDocuments(p.user(), p.childId(), "Attestation d'assurance scolaire")),
                    "par le libellé d'un seul type");
            long registration = alpha(() -> registrations.register(p.user(), p.childId(), List.of(activity), Map.of(), true))
                    .get(0).getId();
            assertEquals("assurance.pdf", alpha(() -> registrations.documentsOf(registration)).get(0).fileName());
        } finally {
            sql("alpha", "delete from family_document where type_code = '" + extra + "'");
            sql("alpha", "delete from document_type where code = '" + extra + "'");
        }
    }
}
