package fr.portailfamille.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.booking.BookingDecision;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.booking.DayState;
import fr.portailfamille.it.support.Mails;
import fr.portailfamille.it.support.TestDays;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.booking.AbsenceReason;
import fr.portailfamille.platform.booking.AbsenceService;
import fr.portailfamille.platform.booking.AttendanceService;
import fr.portailfamille.platform.booking.BookingDesk;
import fr.portailfamille.platform.booking.BookingRefused;
import fr.portailfamille.platform.booking.PlanningService;
import fr.portailfamille.platform.booking.ChangeOutcome;
import fr.portailfamille.platform.booking.PlannedChange;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.configuration.ConfigurationService;
import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.configuration.ConfigurationException;
import fr.portailfamille.configuration.ConfigurationJson;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.FamilyDesk;
import fr.portailfamille.platform.registration.RegistrationService;
import fr.portailfamille.platform.registration.RegistrationService.Upload;
import fr.portailfamille.platform.registration.RequestStatus;
import fr.portailfamille.it.support.BillingKit;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.family.FamilyHistory;
import fr.portailfamille.platform.registration.RegistrationQueue;
import fr.portailfamille.platform.tenancy.CommuneDirectory;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Activity registrations (documents, CGU, agent's decision, only then bookings), school
 * pre-registrations, the agents' certificate queue, the commune's configured calendar and legend,
 * and the planning's confirmed selection — against the real PostgreSQL inside Payara Micro, each
 * trying to cross the lines between families and communes.
 */
@ExtendWith(ArquillianExtension.class)
class RegistrationIT {

    static final SignedInUser AGENT = BillingKit.staff("alpha", "Agent", "agent@alpha.test", "agent");
    static final SignedInUser SANTE = BillingKit.staff("alpha", "Santé", "sante@alpha.test", "agent", "agent-sante");
    static final SignedInUser BETA_SANTE = BillingKit.staff("beta", "Santé", "sante@beta.test", "agent", "agent-sante");

    private static final Upload PDF = new Upload("assurance.pdf", "application/pdf",
            "%PDF-1.4\n% attestation\n".getBytes(StandardCharsets.US_ASCII));

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar();
    }

    @Inject
    RegistrationService registrations;

    @Inject
    RegistrationQueue queue;

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
    FamilyFileService files;

    @Inject
    FamilyDesk familyDesk;

    @Inject
    CommuneSettings settings;

    @Inject
    CommuneDirectory directory;

    @Inject
    ConfigurationService configuration;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Resource
    jakarta.enterprise.concurrent.ManagedExecutorService pool;

    @Resource
    UserTransaction tx;

    <T> T in(String slug, Callable<T> work) throws Exception {
        Commune c = directory.bySlug(slug).orElseThrow();
        return TenantContext.call(c, work);
    }

    <T> T alpha(Callable<T> work) throws Exception {
        return in("alpha", work);
    }

    void sql(String slug, String statement) throws Exception {
        in(slug, () -> {
            tx.begin();
            em.createNativeQuery(statement).executeUpdate();
            tx.commit();
            return null;
        });
    }

    record Parent(SignedInUser user, long childId) {
    }

    /** A validated family of the commune with one child of 7 (FamilyFileIT.complete). */
    Parent family(String slug) throws Exception {
        SignedInUser user = FamilyFileIT.parent(slug, "inscr-" + UUID.randomUUID().toString().substring(0, 8)
                + "@" + slug + ".test", true);
        in(slug, () -> files.submit(user, FamilyFileIT.complete(files.formOf(user), user.email())));
        long familyId = in(slug, () -> files.fileOf(user)).getId();
        in(slug, () -> {
            familyDesk.validate(new SignedInUser(slug, UUID.randomUUID().toString(), "Agent",
                    "agent@" + slug + ".test", true, List.of("agent"), null), familyId);
            return null;
        });
        return new Parent(user, in(slug, () -> files.formOf(user)).getChildren().get(0).getId());
    }

    /** A new activity (ages given, one required document) with one Monday-to-Friday unit; its unit id. */
    long[] activity(String slug, Integer minAge, Integer maxAge) throws Exception {
        String code = "INS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        sql(slug, "insert into activity (code, name, type, booking_deadline, cancellation_deadline, late_policy, min_age,"
                + " max_age) values ('" + code + "', 'Activité " + code + "', 'PERISCOLAIRE', 'J-2@23:59', 'J-2@23:59',"
                + " 'REFUSED', " + minAge + ", " + maxAge + ")");
        sql(slug, "insert into activity_document (activity_id, position, label) select id, 0, 'Attestation d''assurance'"
                + " from activity where code = '" + code + "'");
        sql(slug, "insert into activity_unit (activity_id, code, label, capacity) select id, 'SOIR', 'Soir', 5"
                + " from activity where code = '" + code + "'");
        return ids(slug, code);
    }

    /** The id of an activity, by code, and of its only unit. */
    long[] ids(String slug, String code) throws Exception {
        return in(slug, () -> new long[] {
                ((Number) em.createNativeQuery("select id from activity where code = ?1").setParameter(1, code)
                        .getSingleResult()).longValue(),
                ((Number) em.createNativeQuery("select u.id from activity_unit u join activity a on a.id = u.activity_id"
                        + " where a.code = ?1").setParameter(1, code).getSingleResult()).longValue()});
    }

    /** A registration already validated by the town (the registration walk itself is tested above). */
    void registered(Parent p, long activityId) throws Exception {
        sql("alpha", "insert into registration (child_id, activity_id, status, cgu_accepted_at) values (" + p.childId()
                + ", " + activityId + ", 'VALIDATED', now())");
    }

    /** The first Monday after {@code weeks} weeks from today such that neither it nor the days {@code daysAfter} it are public holidays. */
    static LocalDate mondayInWeeks(int weeks, int... daysAfter) {
        return TestDays.mondayAfter(TestDays.today().plusWeeks(weeks), daysAfter);
    }

    @Test
    void registrationWithDocumentsAndCguIsValidatedByAnAgentBeforeAnyBooking() throws Exception {
        Parent p = family("alpha");
        long[] act = activity("alpha", 3, 11);
        LocalDate monday = mondayInWeeks(4);

        BookingRefused notRegistered = assertThrows(BookingRefused.class,
                () -> alpha(() -> bookings.book(p.user(), p.childId(), act[1], monday)));
        assertTrue(notRegistered.getMessage().contains("doit être inscrit"), notRegistered.getMessage());
        assertTrue(alpha(() -> registrations.offersFor(p.user(), p.childId())).stream()
                .anyMatch(a -> a.getId() == act[0]), "offerte à un enfant de 7 ans");

        Refused noCgu = assertThrows(Refused.class, () -> alpha(() -> registrations.register(p.user(), p.childId(),
                List.of(act[0]), Map.of(act[0], List.of(PDF)), false)));
        assertEquals("cgu", noCgu.field());
        Refused noDoc = assertThrows(Refused.class, () -> alpha(() -> registrations.register(p.user(), p.childId(),
                List.of(act[0]), Map.of(), true)));
        assertEquals("doc-" + act[0] + "-0", noDoc.field());
        assertEquals("Joignez le document « Attestation d'assurance ».", noDoc.getMessage());
        // both forgotten: both said at once, each beside its field (the family chooses its files again once)
        Refused both = assertThrows(Refused.class, () -> alpha(() -> registrations.register(p.user(), p.childId(),
                List.of(act[0]), Map.of(), false)));
        assertEquals(List.of("cgu", "doc-" + act[0] + "-0"), both.errors().stream().map(e -> e.field()).toList());
        Refused badType = assertThrows(Refused.class, () -> alpha(() -> registrations.register(p.user(), p.childId(),
                List.of(act[0]), Map.of(act[0], List.of(new Upload("x.exe", "application/x-msdownload", new byte[] {1}))), true)));
        assertTrue(badType.getMessage().contains("PDF, JPEG ou PNG"));
        assertTrue(alpha(() -> registrations.registrationsOf(p.user(), p.childId())).isEmpty(), "rien d'enregistré");

        long id = alpha(() -> registrations.register(p.user(), p.childId(), List.of(act[0]),
                Map.of(act[0], List.of(PDF)), true)).get(0).getId();
        assertThrows(Refused.class, () -> alpha(() -> registrations.register(p.user(), p.childId(), List.of(act[0]),
                Map.of(act[0], List.of(PDF)), true)), "une seule inscription en cours par activité");
        assertThrows(BookingRefused.class, () -> alpha(() -> bookings.book(p.user(), p.childId(), act[1], monday)),
                "pas de réservation avant la validation");

        assertTrue(alpha(registrations::pendingRegistrations).stream().anyMatch(r -> r.getId() == id));
        assertTrue(in("beta", registrations::pendingRegistrations).stream().noneMatch(r -> r.getId() == id),
                "les agents de Bêta ne voient pas les inscriptions d'Alpha");
        long docId = alpha(() -> registrations.documentsOf(id)).get(0).id();
        assertEquals("assurance.pdf", alpha(() -> registrations.document(AGENT, docId)).orElseThrow().fileName());
        assertTrue(in("beta", () -> registrations.document(BETA_SANTE, docId)).isEmpty(), "document invisible depuis Bêta");
        assertThrows(SecurityException.class, () -> in("beta", () -> registrations.document(AGENT, docId)),
                "un agent d'Alpha n'est pas agent de Bêta");
        assertThrows(SecurityException.class, () -> alpha(() -> registrations.document(p.user(), docId)), "un parent");

        // the service decides for an agent of the commune only; a registration holding a health document, for agent-sante
        assertThrows(SecurityException.class, () -> alpha(() -> {
            registrations.decideRegistration(p.user(), id, true, null);
            return null;
        }), "un parent");
        assertThrows(SecurityException.class, () -> in("beta", () -> {
            registrations.decideRegistration(AGENT, id, true, null);
            return null;
        }), "un agent d'Alpha sur Bêta");
        sql("alpha", "update registration_document set health = true where registration_id = " + id);
        Refused health = assertThrows(Refused.class, () -> alpha(() -> {
            registrations.decideRegistration(AGENT, id, true, null);
            return null;
        }));
        assertTrue(health.getMessage().contains("porte un document de santé"), health.getMessage());
        sql("alpha", "update registration_document set health = false where registration_id = " + id);
        Refused noReason = assertThrows(Refused.class, () -> alpha(() -> {
            registrations.decideRegistration(AGENT, id, false, " ");
            return null;
        }));
        assertEquals("reason", noReason.field());
        alpha(() -> {
            registrations.decideRegistration(AGENT, id, true, null);
            return null;
        });
        assertEquals(RequestStatus.VALIDATED, alpha(() -> registrations.registrationsOf(p.user(), p.childId())).get(0).getStatus());
        assertTrue(Mails.contains(p.user().email(), "Inscription valid"));
        // its link opens Mon planning on this activity, not on the child's first one
        assertTrue(Mails.contains(p.user().email(), "&activite=" + act[0]), Mails.of(p.user().email()));
        assertEquals(BookingDecision.Outcome.ACCEPTED, alpha(() -> bookings.book(p.user(), p.childId(), act[1], monday)).outcome());
    }

    @Test
    void aDocumentIsJoinedOnceForTheChildsRegistrationsOfTheYearNeverForAnotherChild() throws Exception {
        Parent p = family("alpha");
        long[] first = activity("alpha", 3, 11);
        long[] second = activity("alpha", 3, 11);
        long[] later = activity("alpha", 3, 11);
        String label = "Attestation d'assurance";

        // two activities asking for the same attestation, ticked together: the file joined once counts for both
        List<Long> ids = alpha(() -> registrations.register(p.user(), p.childId(), List.of(first[0], second[0]),
                Map.of(first[0], List.of(PDF)), true)).stream().map(r -> r.getId()).toList();
        for (long id : ids) {
            assertEquals("assurance.pdf", alpha(() -> registrations.documentsOf(id)).get(0).fileName(), "registration " + id);
        }
        // and for the child's next registration this school year, while those are pending
        assertTrue(alpha(() -> registrations.providedByRegistration(p.user(), p.childId(), label)).isPresent());
        long next = alpha(() -> registrations.register(p.user(), p.childId(), List.of(later[0]), Map.of(), true)).get(0).getId();
        assertEquals("assurance.pdf", alpha(() -> registrations.documentsOf(next)).get(0).fileName());

        // never another family's child, nor the family's document of a refused registration or of another year
        Parent other = family("alpha");
        assertTrue(alpha(() -> registrations.providedByRegistration(other.user(), other.childId(), label)).isEmpty());
        assertThrows(Refused.class, () -> alpha(() -> registrations.providedByRegistration(other.user(), p.childId(), label)),
                "by another family's child id");
        Refused asked = assertThrows(Refused.class, () -> alpha(() -> registrations.register(other.user(), other.childId(),
                List.of(first[0]), Map.of(), true)));
        assertEquals("doc-" + first[0] + "-0", asked.field());
        long refused = alpha(() -> registrations.register(other.user(), other.childId(), List.of(first[0]),
                Map.of(first[0], List.of(PDF)), true)).get(0).getId();
        alpha(() -> {
            registrations.decideRegistration(AGENT, refused, false, "Attestation illisible");
            return null;
        });
        assertTrue(alpha(() -> registrations.providedByRegistration(other.user(), other.childId(), label)).isEmpty(),
                "a refused registration's document is not taken");
        // a registration refused for its attestation is sent again with another file, though the child's other live
        // registration still carries the first one: the new file is joined, and taken by the next registration
        long[] refusedActivity = activity("alpha", 3, 11);
        long wrong = alpha(() -> registrations.register(p.user(), p.childId(), List.of(refusedActivity[0]), Map.of(), true))
                .get(0).getId();
        assertEquals("assurance.pdf", alpha(() -> registrations.documentsOf(wrong)).get(0).fileName(), "carried");
        alpha(() -> {
            registrations.decideRegistration(AGENT, wrong, false, "Attestation de l'an dernier");
            return null;
        });
        Upload newer = new Upload("assurance-2027.pdf", PDF.contentType(), "%PDF-1.4\n% 2027\n".getBytes());
        long again = alpha(() -> registrations.register(p.user(), p.childId(), List.of(refusedActivity[0]),
                Map.of(refusedActivity[0], List.of(newer)), true)).get(0).getId();
        assertEquals("assurance-2027.pdf", alpha(() -> registrations.documentsOf(again)).get(0).fileName(), "replaced");
        long[] after = activity("alpha", 3, 11);
        long taken = alpha(() -> registrations.register(p.user(), p.childId(), List.of(after[0]), Map.of(), true))
                .get(0).getId();
        assertEquals("assurance-2027.pdf", alpha(() -> registrations.documentsOf(taken)).get(0).fileName(), "the newest");
        sql("alpha", "update registration set submitted_at = now() - interval '2 years' where child_id = " + p.childId());
        assertTrue(alpha(() -> registrations.providedByRegistration(p.user(), p.childId(), label)).isEmpty(),
                "last year's attestation is not this year's");
    }

    /**
     * A document carried from another registration of the child is still valid for its type, counted from the day it
     * was first sent, however many registrations carried it since: a "justificatif de domicile de moins de 3 mois" sent
     * with the first registration is asked again once those three months are gone, as Mes documents would ask for it.
     */
    @Test
    void aDocumentCarriedFromAnotherRegistrationIsStillValidForItsType() throws Exception {
        Parent p = family("alpha");
        long[] first = activity("alpha", 3, 11);
        long[] second = activity("alpha", 3, 11);
        long[] third = activity("alpha", 3, 11);
        String label = "Justificatif de domicile de moins de 3 mois";
        sql("alpha", "update activity_document set label = '" + label + "' where activity_id in (" + first[0] + ", "
                + second[0] + ", " + third[0] + ")");
        alpha(() -> registrations.register(p.user(), p.childId(), List.of(first[0]), Map.of(first[0], List.of(PDF)), true));
        assertTrue(alpha(() -> registrations.providedByRegistration(p.user(), p.childId(), label)).isPresent(), "fresh");
        // carried to the second registration while still valid
        alpha(() -> registrations.register(p.user(), p.childId(), List.of(second[0]), Map.of(), true));

        // first sent three months and two days ago, carried a month ago: expired all the same (the dates within this
        // school year, else the year's rule alone decides)
        LocalDate sent = TestDays.today().minusMonths(3).minusDays(2);
        LocalDate today = TestDays.today();
        org.junit.jupiter.api.Assumptions.assumeTrue(alpha(() -> settings.schoolYears()).stream()
                .filter(y -> !today.isBefore(y.start()) && !today.isAfter(y.endInclusive()))
                .allMatch(y -> !sent.isBefore(y.start())), "the school year began less than three months ago");
        sql("alpha", "update registration set submitted_at = now() - interval '3 months 2 days' where child_id = "
                + p.childId() + " and activity_id = " + first[0]);
        sql("alpha", "update registration set submitted_at = now() - interval '1 month' where child_id = "
                + p.childId() + " and activity_id = " + second[0]);
        assertTrue(alpha(() -> registrations.providedByRegistration(p.user(), p.childId(), label)).isEmpty(),
                "expired for its type, counted from its first sending");
        Refused asked = assertThrows(Refused.class, () -> alpha(() -> registrations.register(p.user(), p.childId(),
                List.of(third[0]), Map.of(), true)));
        assertEquals("doc-" + third[0] + "-0", asked.field());
    }

    /**
     * The documents an activity asks changed while the family's page was open (an agent's save): nothing registered,
     * the family told, rather than its files filed under the labels of the new list.
     */
    @Test
    void documentsAskedThatChangedSinceThePageOpenedAreToldNotFiledUnderAnotherLabel() throws Exception {
        Parent p = family("alpha");
        long[] act = activity("alpha", null, null);
        List<String> shown = alpha(registrations::requiredDocuments).get(act[0]);
        assertEquals(List.of("Attestation d'assurance"), shown);
        sql("alpha", "insert into activity_document (activity_id, position, label) values (" + act[0]
                + ", -1, 'Fiche sanitaire de liaison')");
        Refused changed = assertThrows(Refused.class, () -> alpha(() -> registrations.register(p.user(), p.childId(),
                List.of(act[0]), Map.of(act[0], List.of(PDF)), true, Map.of(act[0], shown))));
        assertEquals("activities", changed.field());
        assertTrue(changed.getMessage().contains("ont changé depuis l'ouverture de la page"), changed.getMessage());
        assertTrue(alpha(() -> registrations.registrationsOf(p.user(), p.childId())).isEmpty(), "nothing saved");
    }

    /**
     * A document sent under a type ticked as health data whose name does not speak of health ("Fiche de liaison") keeps
     * its flag: the type renamed or unticked later, it stays agent-sante's (as Mes documents' files do).
     */
    @Test
    void aRegistrationsHealthDocumentStaysHealthDataOnceItsTypeIsRenamedOrUnticked() throws Exception {
        Parent p = family("alpha");
        long[] act = activity("alpha", 3, 11);
        String code = "FICHE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String label = "Fiche de liaison " + code;
        sql("alpha", "insert into document_type (code, label, for_child, health, validity) values ('" + code + "', '"
                + label + "', true, true, 'PERMANENT')");
        sql("alpha", "update activity_document set label = '" + label + "' where activity_id = " + act[0]);
        long id = alpha(() -> registrations.register(p.user(), p.childId(), List.of(act[0]),
                Map.of(act[0], List.of(PDF)), true)).get(0).getId();
        long docId = alpha(() -> registrations.documentsOf(id)).get(0).id();
        assertThrows(SecurityException.class, () -> alpha(() -> registrations.document(AGENT, docId)));
        // the type renamed and unticked (its name never spoke of health): the fiche sent under it stays protected
        sql("alpha", "update document_type set label = 'Fiche 2027', health = false where code = '" + code + "'");
        assertThrows(SecurityException.class, () -> alpha(() -> registrations.document(AGENT, docId)));
        assertTrue(alpha(() -> queue.page(AGENT, 0, 500, Sort.DEFAULT)).stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow().documents().get(0).confidential());
        Refused notHis = assertThrows(Refused.class, () -> alpha(() -> {
            queue.decide(AGENT, id, true, null);
            return null;
        }));
        assertTrue(notHis.getMessage().contains("document de santé"), notHis.getMessage());
        assertEquals("assurance.pdf", alpha(() -> registrations.document(SANTE, docId)).orElseThrow().fileName());
    }

    @Test
    void aHealthDocumentJoinedToARegistrationIsForAgentSanteOnlyAndItsReadAudited() throws Exception {
        Parent p = family("alpha");
        long[] act = activity("alpha", 3, 11);
        // the activity asks for a medical certificate: the name of one of the commune's health document types
        sql("alpha", "update activity_document set label = 'Certificat médical' where activity_id = " + act[0]);
        long id = alpha(() -> registrations.register(p.user(), p.childId(), List.of(act[0]),
                Map.of(act[0], List.of(PDF)), true)).get(0).getId();
        long docId = alpha(() -> registrations.documentsOf(id)).get(0).id();

        // an agent without agent-sante sees it named, not linked, and cannot open it by its id
        RegistrationQueue.RegistrationToDecide row = alpha(() -> queue.page(AGENT, 0, 500, Sort.DEFAULT)).stream()
                .filter(r -> r.id() == id).findFirst().orElseThrow();
        RegistrationQueue.DocumentName forAgent = row.documents().get(0);
        assertTrue(forAgent.confidential(), forAgent.toString());
        // listed for what it is — its decision and its tick are not offered to this agent (the page says whose it is)
        assertTrue(row.healthOnly());
        assertThrows(SecurityException.class, () -> alpha(() -> registrations.document(AGENT, docId)));
        // agent-sante opens it, and the read is in the family's audit under the agent's address
        RegistrationQueue.RegistrationToDecide forSante = alpha(() -> queue.page(SANTE, 0, 500, Sort.DEFAULT)).stream()
                .filter(r -> r.id() == id).findFirst().orElseThrow();
        assertFalse(forSante.documents().get(0).confidential());
        assertFalse(forSante.healthOnly());
        assertEquals("assurance.pdf", alpha(() -> registrations.document(SANTE, docId)).orElseThrow().fileName());
        assertEquals(1L, alpha(() -> ((Number) em.createNativeQuery("select count(*) from audit_log where action = 'LECTURE_SANTE'"
                + " and actor = 'sante@alpha.test' and child_id = ?1").setParameter(1, p.childId()).getSingleResult()).longValue()));

        // deciding on it is agent-sante's too: an agent who could not open it neither refuses nor validates it, alone
        // or in a bulk validation (the whole bulk refused, nothing decided)
        Refused notHis = assertThrows(Refused.class, () -> alpha(() -> {
            queue.decide(AGENT, id, false, "Illisible");
            return null;
        }));
        assertTrue(notHis.getMessage().contains("document de santé"), notHis.getMessage());
        Refused bulk = assertThrows(Refused.class, () -> alpha(() -> queue.acceptAll(AGENT, List.of(id))));
        assertTrue(bulk.getMessage().startsWith("Inscription de ") && bulk.getMessage().contains("document de santé"),
                bulk.getMessage());
        assertEquals("SUBMITTED", alpha(() -> em.createNativeQuery("select status from registration where id = ?1")
                .setParameter(1, id).getSingleResult()));
        // agent-sante refuses it: the mail says where to read why, never the reason written about the child's health
        alpha(() -> {
            queue.decide(SANTE, id, false, "Certificat sans la mention de non contre-indication");
            return null;
        });
        String mail = Mails.await(p.user().email(), m -> m.contains("refus"));
        assertTrue(mail.contains("Son motif est à lire sur le portail") && !mail.contains("contre-indication"), mail);
        // nor does the family file's history tell an agent without agent-sante; agent-sante reads it there
        long familyId = alpha(() -> ((Number) em.createNativeQuery("select family_id from child where id = ?1")
                .setParameter(1, p.childId()).getSingleResult()).longValue());
        assertTrue(alpha(() -> familyDesk.historyOf(AGENT, familyId)).registrations().stream()
                .noneMatch(r -> r.reason() != null && r.reason().contains("contre-indication")), "health reason hidden");
        assertTrue(alpha(() -> familyDesk.historyOf(SANTE, familyId)).registrations().stream()
                .anyMatch(r -> "Certificat sans la mention de non contre-indication".equals(r.reason())));
        // decided, its document is still listed in the family file: named only for an agent, to open for agent-sante
        FamilyHistory.DocumentLine kept = alpha(() -> familyDesk.historyOf(AGENT, familyId)).registrations().stream()
                .flatMap(r -> r.documents().stream()).filter(d -> d.id() == docId).findFirst().orElseThrow();
        assertTrue(kept.confidential(), kept.toString());
        assertFalse(alpha(() -> familyDesk.historyOf(SANTE, familyId)).registrations().stream()
                .flatMap(r -> r.documents().stream()).filter(d -> d.id() == docId).findFirst().orElseThrow().confidential());
        // a file named for health sent under a neutral label (« PAI allergie.pdf » as « Attestation d'assurance ») is
        // health data too, as in Mes documents and messages
        long[] neutral = activity("alpha", 3, 11);
        long named = alpha(() -> registrations.register(p.user(), p.childId(), List.of(neutral[0]), Map.of(neutral[0],
                List.of(new Upload("PAI allergie arachide.pdf", PDF.contentType(), PDF.content()))), true)).get(0).getId();
        long namedDoc = alpha(() -> registrations.documentsOf(named)).get(0).id();
        assertThrows(SecurityException.class, () -> alpha(() -> registrations.document(AGENT, namedDoc)));
        assertTrue(alpha(() -> queue.page(AGENT, 0, 500, Sort.DEFAULT)).stream().filter(r -> r.id() == named).findFirst()
                .orElseThrow().documents().get(0).confidential());
    }

    /** The same registration sent twice at once (a double click, two tabs): one is made, the other told so in words. */
    @Test
    void aRegistrationSentTwiceAtOnceIsMadeOnceAndTheOtherToldSo() throws Exception {
        Parent p = family("alpha");
        long[] act = activity("alpha", 3, 11);
        {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Object>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    try {
                        return alpha(() -> registrations.register(p.user(), p.childId(), List.of(act[0]),
                                Map.of(act[0], List.of(PDF)), true));
                    } catch (Refused e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new java.util.ArrayList<>();
            for (var f : sent) {
                outcomes.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS)); // a PersistenceException would throw here
            }
            assertEquals(1L, outcomes.stream().filter(o -> o instanceof Refused).count(), outcomes.toString());
            assertEquals(1L, alpha(() -> ((Number) em.createNativeQuery("select count(*) from registration where child_id = ?1"
                    + " and activity_id = ?2").setParameter(1, p.childId()).setParameter(2, act[0]).getSingleResult()).longValue()));
        }
    }

    @Test
    void activitiesAreOfferedByAgeAndNeverAcrossFamiliesOrCommunes() throws Exception {
        Parent p = family("alpha");
        Parent other = family("alpha");
        Parent beta = family("beta");
        long[] teens = activity("alpha", 12, 17);
        long[] kids = activity("alpha", 3, 11);

        assertTrue(alpha(() -> registrations.offersFor(p.user(), p.childId())).stream().noneMatch(a -> a.getId() == teens[0]));
        Refused tooYoung = assertThrows(Refused.class, () -> alpha(() -> registrations.register(p.user(), p.childId(),
                List.of(teens[0]), Map.of(teens[0], List.of(PDF)), true)));
        assertTrue(tooYoung.getMessage().contains("n'est pas proposée"), tooYoung.getMessage());
        Refused notMine = assertThrows(Refused.class, () -> alpha(() -> registrations.register(p.user(), other.childId(),
                List.of(kids[0]), Map.of(kids[0], List.of(PDF)), true)));
        assertEquals("Cet enfant ne fait pas partie de votre dossier.", notMine.getMessage());
        assertThrows(Refused.class, () -> alpha(() -> registrations.registrationsOf(p.user(), other.childId())));
        // a Bêta family naming an Alpha activity, in its own commune: it does not exist there
        Refused elsewhere = assertThrows(Refused.class, () -> in("beta", () -> registrations.register(beta.user(),
                beta.childId(), List.of(kids[0]), Map.of(kids[0], List.of(PDF)), true)));
        assertTrue(elsewhere.getMessage().contains("n'est pas proposée"), elsewhere.getMessage());
        // an Alpha account used on Bêta
        assertThrows(SecurityException.class, () -> in("beta", () -> registrations.offersFor(p.user(), p.childId())));
        assertTrue(alpha(() -> registrations.registrationsOf(other.user(), other.childId())).isEmpty());
    }

    @Test
    void schoolPreRegistrationIsDecidedByTheEducationService() throws Exception {
        Parent p = family("alpha");
        String code = "ECOLE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long school = elementarySchool(code);
        String year = alpha(registrations::schoolYears).get(0);

        assertEquals("level", assertThrows(Refused.class, () -> alpha(() -> registrations.requestSchool(p.user(),
                p.childId(), school, year, "CM3", null))).field());
        assertEquals("school", assertThrows(Refused.class, () -> alpha(() -> registrations.requestSchool(p.user(),
                p.childId(), 987_654L, year, "CE1", null))).field());
        assertEquals("year", assertThrows(Refused.class, () -> alpha(() -> registrations.requestSchool(p.user(),
                p.childId(), school, "1999-2000", "CE1", null))).field());
        // a level the school does not teach: told next to the level (an élémentaire has no grande section)
        Refused notTaught = assertThrows(Refused.class, () -> alpha(() -> registrations.requestSchool(p.user(),
                p.childId(), school, year, "GS", null)));
        assertEquals("level", notTaught.field());
        assertTrue(notTaught.getMessage().contains("n'accueille pas le niveau GS"), notTaught.getMessage());
        long id = alpha(() -> registrations.requestSchool(p.user(), p.childId(), school, year, "CE1", "Fratrie")).getId();
        // the mail opens the child's own page
        assertTrue(Mails.await(p.user().email(), m -> m.contains("bien reçu la demande d'inscription scolaire"))
                .contains("/espace/inscriptions.xhtml?enfant=1"));
        assertEquals("year", assertThrows(Refused.class, () -> alpha(() -> registrations.requestSchool(p.user(),
                p.childId(), school, year, "CE1", null))).field(), "une demande par année");
        assertTrue(in("beta", registrations::pendingSchoolRequests).stream().noneMatch(s -> s.getId() == id));
        // another family's child, by its id: refused as not the family's, nothing asked nor read; the same account on
        // another commune's host: refused
        Parent other = family("alpha");
        Refused notOurs = assertThrows(Refused.class, () -> alpha(() -> registrations.requestSchool(p.user(),
                other.childId(), school, year, "CE1", null)));
        assertTrue(notOurs.getMessage().contains("ne fait pas partie de votre dossier"), notOurs.getMessage());
        assertThrows(Exception.class, () -> alpha(() -> registrations.schoolRequestsOf(p.user(), other.childId())));
        assertThrows(SecurityException.class, () -> in("beta", () -> registrations.requestSchool(p.user(), p.childId(),
                school, year, "CP", null)));
        assertEquals(0L, alpha(() -> ((Number) em.createNativeQuery("select count(*) from school_enrolment where child_id = ?1")
                .setParameter(1, other.childId()).getSingleResult()).longValue()));

        alpha(() -> {
            registrations.decideSchool(AGENT, id, false, "Secteur scolaire différent");
            return null;
        });
        assertEquals(RequestStatus.REFUSED, alpha(() -> registrations.schoolRequestsOf(p.user(), p.childId())).get(0).getStatus());
        assertTrue(Mails.contains(p.user().email(), "Secteur scolaire"));
        assertThrows(Refused.class, () -> alpha(() -> {
            registrations.decideSchool(AGENT, id, true, null);
            return null;
        }), "une demande décidée ne l'est pas deux fois");
    }

    /**
     * An accepted pre-registration gives the child's file its school and class: at once for the year running, the night
     * its year starts for a later one — the activities offered by class, the day sheet and the families list read them.
     */
    @Test
    void anAcceptedSchoolPreRegistrationGivesTheChildItsSchoolAndClass() throws Exception {
        Parent p = family("alpha");
        sql("alpha", "update child set school = 'École maternelle Pasteur', school_class = 'GS' where id = " + p.childId());
        String code = "ECOLE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long school = elementarySchool(code);
        String year = alpha(registrations::schoolYears).get(0);
        long id = alpha(() -> registrations.requestSchool(p.user(), p.childId(), school, year, "CP", null)).getId();
        assertEquals("École maternelle Pasteur|GS", childSchool(p.childId()), "asked, not yet decided");
        alpha(() -> {
            registrations.decideSchool(AGENT, id, true, null);
            return null;
        });
        assertEquals("École " + code + "|CP", childSchool(p.childId()));
        assertEquals(1L, alpha(() -> ((Number) em.createNativeQuery("select count(*) from audit_log where family_id = ?1"
                + " and action = 'SCOLARITE' and actor = 'agent@alpha.test'").setParameter(1, alpha(() -> files.fileOf(p.user())).getId())
                .getSingleResult())
                .longValue()));
        // accepted last spring for the year that has just started: its night gives the file its school and class, once
        Parent q = family("alpha");
        sql("alpha", "update child set school = 'École maternelle Pasteur', school_class = 'GS' where id = " + q.childId());
        sql("alpha", "insert into school_enrolment (child_id, establishment_id, school_year, level, status, decided_at,"
                + " decided_by) values (" + q.childId() + ", " + school + ", '" + year + "', 'CP', 'VALIDATED', now(),"
                + " 'agent@alpha.test')");
        assertTrue(alpha(registrations::applySchoolYear) >= 1);
        assertEquals("École " + code + "|CP", childSchool(q.childId()));
        sql("alpha", "update child set school_class = 'CE1' where id = " + q.childId()); // an agent's edit since
        assertEquals(0, alpha(registrations::applySchoolYear), "applied once");
        assertEquals("École " + code + "|CE1", childSchool(q.childId()));

        // the change of school year: a pupil whose class is a level known for last year moves up one, once; a CM2 pupil
        // leaves the école élémentaire; a class in the school's own words keeps them, its year written
        int start = Integer.parseInt(year.substring(0, 4));
        String last = (start - 1) + "-" + start;
        Parent cp = family("alpha");
        Parent cm2 = family("alpha");
        Parent words = family("alpha");
        sql("alpha", "update child set school = 'École du Centre', school_class = 'CP', class_year = '" + last
                + "' where id = " + cp.childId());
        sql("alpha", "update child set school = 'École du Centre', school_class = 'CM2', class_year = '" + last
                + "' where id = " + cm2.childId());
        sql("alpha", "update child set school = 'École du Centre', school_class = 'CE1-CE2 Mme Petit', class_year = '"
                + last + "' where id = " + words.childId());
        // a GS pupil of one of the commune's écoles maternelles, no CP request accepted: CP, not at the maternelle
        Parent gs = family("alpha");
        String maternelle = "École maternelle " + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        sql("alpha", "insert into establishment (code, name, kind) values ('MAT-" + maternelle.substring(17) + "', '"
                + maternelle + "', 'ECOLE_MATERNELLE')");
        sql("alpha", "update child set school = '" + maternelle + "', school_class = 'GS', class_year = '" + last
                + "' where id = " + gs.childId());
        assertTrue(alpha(registrations::applySchoolYear) >= 3);
        assertEquals("null|CP", childSchool(gs.childId()), "a CP pupil is no longer at the maternelle");
        assertEquals("École du Centre|CE1", childSchool(cp.childId()));
        assertEquals("null|null", childSchool(cm2.childId()));
        assertEquals("École du Centre|CE1-CE2 Mme Petit", childSchool(words.childId()));
        assertEquals(0, alpha(registrations::applySchoolYear), "once a year: a second night (another replica) moves nobody");
        assertEquals("École du Centre|CE1", childSchool(cp.childId()));
        assertEquals(1L, alpha(() -> ((Number) em.createNativeQuery("select count(*) from audit_log where child_id = ?1"
                + " and action = 'SCOLARITE' and detail like 'Passage de CP en CE1%'").setParameter(1, cp.childId())
                .getSingleResult()).longValue()), "in the family's journal");

        // a request for a year now over, or at a school that no longer teaches its level, is refused, not accepted
        // into nowhere (nor « CP » at a maternelle); refusing it stays possible
        long over = ((Number) alpha(() -> {
            tx.begin();
            em.joinTransaction();
            Object made = em.createNativeQuery("insert into school_enrolment (child_id, establishment_id, school_year, level,"
                    + " status, submitted_at) values (?1, ?2, ?3, 'CE1', 'SUBMITTED', now()) returning id")
                    .setParameter(1, cp.childId()).setParameter(2, school).setParameter(3, last).getSingleResult();
            tx.commit();
            return made;
        })).longValue();
        Refused yearOver = assertThrows(Refused.class, () -> alpha(() -> {
            registrations.decideSchool(AGENT, over, true, null);
            return null;
        }));
        assertTrue(yearOver.getMessage().startsWith("L'année scolaire " + last + " est terminée"), yearOver.getMessage());
        long cp2 = alpha(() -> registrations.requestSchool(cm2.user(), cm2.childId(), school, year, "CP", null)).getId();
        sql("alpha", "update establishment set kind = 'ECOLE_MATERNELLE' where id = " + school);
        Refused notTaught = assertThrows(Refused.class, () -> alpha(() -> {
            registrations.decideSchool(AGENT, cp2, true, null);
            return null;
        }));
        assertTrue(notTaught.getMessage().contains("n'accueille pas le niveau CP"), notTaught.getMessage());
        assertEquals("null|null", childSchool(cm2.childId()), "the file untouched");
        alpha(() -> {
            registrations.decideSchool(AGENT, over, false, "Année terminée");
            return null;
        });
    }

    /** A new école élémentaire of alpha, « École CODE »; its id. */
    private long elementarySchool(String code) throws Exception {
        sql("alpha", "insert into establishment (code, name, kind) values ('" + code + "', 'École " + code
                + "', 'ECOLE_ELEMENTAIRE')");
        return alpha(() -> ((Number) em.createNativeQuery("select id from establishment where code = ?1")
                .setParameter(1, code).getSingleResult()).longValue());
    }

    private String childSchool(long childId) throws Exception {
        return alpha(() -> {
            Object[] r = (Object[]) em.createNativeQuery("select school, school_class from child where id = ?1")
                    .setParameter(1, childId).getSingleResult();
            return r[0] + "|" + r[1];
        });
    }

    /** A child with no school yet: school-time activities wait for its pre-registration's validation. */
    @Test
    void schoolTimeActivitiesWaitForTheSchoolPreRegistration() throws Exception {
        // the child's file names the school hoped for (the family's forms never leave it empty): the request decides
        Parent p = family("alpha");
        sql("alpha", "update child set school = 'École Jules Ferry' where id = " + p.childId());
        String code = "ECOLE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long school = elementarySchool(code);
        String year = alpha(registrations::schoolYears).get(0);
        long enrolment = alpha(() -> registrations.requestSchool(p.user(), p.childId(), school, year, "CE1", null)).getId();
        long[] act = activity("alpha", null, null);
        Refused waits = assertThrows(Refused.class, () -> alpha(() -> registrations.register(p.user(), p.childId(),
                List.of(act[0]), Map.of(act[0], List.of(PDF)), true)));
        assertEquals("activities", waits.field());
        assertTrue(waits.getMessage().contains("attend la validation du service éducation"), waits.getMessage());
        assertTrue(alpha(() -> registrations.registrationsOf(p.user(), p.childId())).isEmpty(), "nothing saved");
        alpha(() -> {
            registrations.decideSchool(AGENT, enrolment, true, null);
            return null;
        });
        assertEquals(1, alpha(() -> registrations.register(p.user(), p.childId(), List.of(act[0]),
                Map.of(act[0], List.of(PDF)), true)).size(), "validated: registered");
    }

    @Test
    void closuresAndLegendComeFromTheCommuneConfiguration() throws Exception {
        Parent p = family("alpha");
        long[] act = activity("alpha", null, null);
        registered(p, act[0]);
        LocalDate closed = mondayInWeeks(30);
        sql("alpha", "insert into closure (day, label) values ('" + closed + "', 'Pont de test') on conflict do nothing");
        sql("alpha", "insert into legend_entry (state, label, background, text_color) values ('FERME', 'Accueil fermé',"
                + " '#111827', '#ffffff') on conflict (state) do update set label = excluded.label");
        try {
            assertEquals("Accueil fermé", alpha(settings::legend).entry(DayState.FERME).label());
            assertEquals("Réservable", alpha(settings::legend).entry(DayState.RESERVABLE).label(), "les autres états par défaut");
            assertEquals(BookingDecision.Outcome.REFUSED,
                    alpha(() -> bookings.book(p.user(), p.childId(), act[1], closed)).outcome());
            DayState state = alpha(() -> bookings.planning(p.user(), p.childId(), act[0], YearMonth.from(closed)))
                    .stream().filter(d -> d.getDay().equals(closed)).findFirst().orElseThrow().getCells().get(0).getState();
            assertEquals(DayState.FERME, state);
            assertEquals(0, alpha(() -> attendance.seatsTaken(act[1], closed)));
            assertFalse(in("beta", settings::calendar).isClosed(closed), "la fermeture d'Alpha ne ferme pas Bêta");
            // the public holidays of far years too: no 15 August shows bookable, however far a page goes
            int year = fr.portailfamille.platform.kernel.PlatformTime.today().getYear();
            assertTrue(alpha(settings::calendar).isPublicHoliday(java.time.LocalDate.of(year + 4, 8, 15)));
            assertTrue(alpha(settings::calendar).isPublicHoliday(java.time.LocalDate.of(year - 4, 5, 1)));
        } finally {
            sql("alpha", "delete from closure where day = '" + closed + "'");
            sql("alpha", "delete from legend_entry where state = 'FERME'");
        }
    }

    @Test
    void schoolTimeAndHolidayActivitiesOpenOnlyInTheirPeriods() throws Exception {
        Parent p = family("alpha");
        long[] school = activity("alpha", null, null);
        String code = "ALSH-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        sql("alpha", "insert into activity (code, name, type, runs_in_holidays, booking_deadline, cancellation_deadline,"
                + " late_policy) values ('" + code + "', 'Centre de loisirs " + code + "', 'ALSH_VACANCES', true,"
                + " 'J-2@23:59', 'J-2@23:59', 'REFUSED')");
        sql("alpha", "insert into activity_unit (activity_id, code, label, capacity) select id, 'JOURNEE', 'Journée', 10"
                + " from activity where code = '" + code + "'");
        long[] alsh = ids("alpha", code);
        registered(p, school[0]);
        registered(p, alsh[0]);
        LocalDate holidayMonday = mondayInWeeks(12, 14);
        LocalDate schoolMonday = holidayMonday.plusWeeks(2);
        LocalDate afterTheYear = mondayInWeeks(110); // the test school year ends 730 days from today
        sql("alpha", "insert into calendar_period (kind, label, start_day, end_day) values ('VACANCES', 'Vacances de test',"
                + " '" + holidayMonday + "', '" + holidayMonday.plusDays(6) + "')");
        try {
            assertEquals(BookingDecision.Outcome.REFUSED,
                    alpha(() -> bookings.book(p.user(), p.childId(), school[1], holidayMonday)).outcome(), "vacances");
            assertEquals(BookingDecision.Outcome.REFUSED,
                    alpha(() -> bookings.book(p.user(), p.childId(), school[1], afterTheYear)).outcome(), "hors année scolaire");
            assertEquals(BookingDecision.Outcome.ACCEPTED,
                    alpha(() -> bookings.book(p.user(), p.childId(), school[1], schoolMonday)).outcome());
            assertEquals(BookingDecision.Outcome.REFUSED,
                    alpha(() -> bookings.book(p.user(), p.childId(), alsh[1], schoolMonday)).outcome(), "ALSH : jour d'école");
            assertEquals(BookingDecision.Outcome.ACCEPTED,
                    alpha(() -> bookings.book(p.user(), p.childId(), alsh[1], holidayMonday)).outcome());
            List<fr.portailfamille.platform.booking.PlanningDay> month = alpha(() -> bookings.planning(p.user(), p.childId(),
                    school[0], YearMonth.from(holidayMonday)));
            assertEquals(DayState.VACANCES, month.stream().filter(d -> d.getDay().equals(holidayMonday)).findFirst()
                    .orElseThrow().getCells().get(0).getState());
            assertEquals(0, alpha(() -> attendance.seatsTaken(school[1], holidayMonday)), "rien de réservé");
        } finally {
            sql("alpha", "delete from calendar_period where label = 'Vacances de test'");
        }
    }

    @Test
    void aConfirmedSelectionIsAppliedInOneGoAndNeverTouchesAnotherFamily() throws Exception {
        Parent p = family("alpha");
        Parent other = family("alpha");
        long[] act = activity("alpha", null, null);
        registered(p, act[0]);
        registered(other, act[0]);
        LocalDate monday = mondayInWeeks(6);
        assertEquals(BookingDecision.Outcome.ACCEPTED, alpha(() -> bookings.book(other.user(), other.childId(), act[1], monday)).outcome());
        long othersBooking = alpha(() -> bookings.bookingsOf(other.user(), other.childId(), monday, monday)).get(0).getId();

        assertThrows(BookingRefused.class, () -> alpha(() -> bookings.applySelection(p.user(), p.childId(),
                List.of(new PlannedChange(act[1], monday.plusDays(1), null, "Soir"),
                        new PlannedChange(act[1], monday, othersBooking, "Soir")))), "la réservation d'une autre famille");
        assertTrue(alpha(() -> bookings.bookingsOf(p.user(), p.childId(), monday, monday.plusDays(7))).isEmpty(),
                "rien d'enregistré quand une ligne est refusée");

        List<ChangeOutcome> done = alpha(() -> bookings.applySelection(p.user(), p.childId(), List.of(
                new PlannedChange(act[1], monday.plusDays(1), null, "Soir"),
                new PlannedChange(act[1], monday, null, "Soir"),
                new PlannedChange(act[1], monday.plusDays(5), null, "Soir"))));
        assertEquals(List.of(monday, monday.plusDays(1), monday.plusDays(5)), done.stream().map(ChangeOutcome::getDay).toList());
        assertEquals(List.of(true, true, false), done.stream().map(ChangeOutcome::isDone).toList(), "samedi : fermé");
        assertEquals(2, alpha(() -> attendance.seatsTaken(act[1], monday)));
        long mine = alpha(() -> bookings.bookingsOf(p.user(), p.childId(), monday, monday)).get(0).getId();
        List<ChangeOutcome> cancelled = alpha(() -> bookings.applySelection(p.user(), p.childId(),
                List.of(new PlannedChange(act[1], monday, mine, "Soir"))));
        assertTrue(cancelled.get(0).isDone(), cancelled.get(0).getMessage());
        assertEquals(BookingStatus.CANCELLED_FREE, alpha(() -> bookings.ownBooking(p.user(), mine)).getStatus());
        assertEquals(1, alpha(() -> attendance.seatsTaken(act[1], monday)));
    }

    /** The booking's certificate as agent-sante's queue lists it, if it waits for review. */
    java.util.Optional<fr.portailfamille.platform.booking.CertificateQueue.CertificateToReview> toReview(long booking)
            throws Exception {
        long absence = alpha(() -> ((Number) em.createNativeQuery("select id from absence where booking_id = ?1")
                .setParameter(1, booking).getSingleResult()).longValue());
        return alpha(() -> certificates.page(SANTE, 0, 100, new Sort("day", false))).stream()
                .filter(x -> x.absenceId() == absence).findFirst();
    }

    @Test
    void agentsReviewMedicalCertificatesAndARefusalBillsTheDay() throws Exception {
        Parent p = family("alpha");
        long[] act = activity("alpha", null, null);
        // cancellation closes 90 days ahead: the days below are no longer free to cancel, an absence is an absence
        sql("alpha", "update activity set cancellation_deadline = 'J-90@23:59' where id = " + act[0]);
        registered(p, act[0]);
        LocalDate monday = mondayInWeeks(7);
        alpha(() -> bookings.book(p.user(), p.childId(), act[1], monday));
        long booking = alpha(() -> bookings.bookingsOf(p.user(), p.childId(), monday, monday)).get(0).getId();
        String told = alpha(() -> absences.declareAbsence(p.user(), booking, AbsenceReason.MALADIE, "Fièvre depuis la veille",
                PDF.content(), "application/pdf", "certificat.pdf").french());
        assertTrue(told.contains("en attente de vérification du certificat"), told);
        // a certificate does not excuse the absence at once: billing is undecided until an agent reviews it
        assertEquals(BookingStatus.ABSENT_PENDING, alpha(() -> bookings.ownBooking(p.user(), booking)).getStatus());
        assertEquals(DayState.ABSENCE_EN_VERIFICATION, alpha(() -> bookings.planning(p.user(), p.childId(), act[0],
                YearMonth.from(monday))).stream().filter(d -> d.getDay().equals(monday)).findFirst().orElseThrow()
                .getCells().get(0).getState());
        var c = toReview(booking).orElseThrow();
        // the review reads what the family wrote with its declaration
        assertEquals("Fièvre depuis la veille", c.comment());
        assertEquals("certificat.pdf", c.fileName());
        assertTrue(in("beta", () -> certificates.page(BETA_SANTE, 0, 100, new Sort("day", false))).stream()
                .noneMatch(x -> x.absenceId() == c.absenceId()));
        assertThrows(SecurityException.class, () -> alpha(() -> certificates.page(AGENT, 0, 100, new Sort("day", false))),
                "the queue is health data: not without agent-sante");
        assertTrue(in("beta", () -> absences.certificate(BETA_SANTE, c.absenceId())).isEmpty(), "certificat invisible depuis Bêta");
        assertThrows(SecurityException.class, () -> alpha(() -> absences.certificate(AGENT, c.absenceId())), "sans agent-sante");
        assertEquals("certificat.pdf", alpha(() -> absences.certificate(SANTE, c.absenceId())).orElseThrow()[1]);
        // the read is in the family's journal, under the child
        String journal = "select count(*) from audit_log a join child k on k.id = a.child_id and k.family_id = a.family_id"
                + " where k.id = ?1 and a.action = 'LECTURE_SANTE' and a.detail = ?2";
        assertEquals(1L, alpha(() -> ((Number) em.createNativeQuery(journal).setParameter(1, p.childId())
                .setParameter(2, "certificat médical de l'absence " + c.absenceId()).getSingleResult()).longValue()));
        assertEquals("reason", assertThrows(Refused.class, () -> alpha(() -> {
            absences.reviewCertificate("agent@alpha.test", c.absenceId(), false, "");
            return null;
        }), "un refus a un motif").field());
        alpha(() -> {
            absences.reviewCertificate("agent@alpha.test", c.absenceId(), false, "certificat illisible");
            return null;
        });
        assertEquals(BookingStatus.ABSENT_BILLED, alpha(() -> bookings.ownBooking(p.user(), booking)).getStatus());
        assertTrue(toReview(booking).isEmpty(), "out of the queue once decided");
        assertEquals(1L, alpha(() -> ((Number) em.createNativeQuery(journal).setParameter(1, p.childId())
                .setParameter(2, "vérification du certificat de l'absence " + c.absenceId() + " : refusé").getSingleResult())
                .longValue()), "the decision too");
        // the family is told the day stays billed; the reason is read in Mes demandes, not in a mail (health data)
        assertTrue(Mails.contains(p.user().email(), "absence refus"), Mails.of(p.user().email()));
        assertFalse(Mails.of(p.user().email()).contains("illisible"), Mails.of(p.user().email()));

        // accepted: the absence is excused (not billed) and the family is told
        LocalDate tuesday = monday.plusDays(1);
        alpha(() -> bookings.book(p.user(), p.childId(), act[1], tuesday));
        long second = alpha(() -> bookings.bookingsOf(p.user(), p.childId(), tuesday, tuesday)).get(0).getId();
        alpha(() -> absences.declareAbsence(p.user(), second, AbsenceReason.MALADIE, null, PDF.content(),
                "application/pdf", "certificat.pdf"));
        assertEquals(BookingStatus.ABSENT_PENDING, alpha(() -> bookings.ownBooking(p.user(), second)).getStatus());
        var c2 = toReview(second).orElseThrow();
        assertEquals(null, c2.comment(), "nothing written: nothing shown");
        alpha(() -> {
            absences.reviewCertificate("sante@alpha.test", c2.absenceId(), true, null);
            return null;
        });
        assertEquals(BookingStatus.ABSENT_EXCUSED, alpha(() -> bookings.ownBooking(p.user(), second)).getStatus());
        // told without the word "médical" nor a reason in the mail (health data stays on the portal)
        assertTrue(Mails.contains(p.user().email(), "absence accepté"), "la famille est prévenue : " + Mails.of(p.user().email()));
    }

    @Test
    void healthDocumentTypesAreChangedByAgentSanteAndWhereARegieCollectsByARegisseur() throws Exception {
        SignedInUser regisseur = BillingKit.staff("alpha", "Régie", "regie@alpha.test", "agent", "regisseur");
        CommuneConfiguration before = alpha(configuration::current);
        List<fr.portailfamille.documents.DocumentType> types = before.documentTypes();
        int cert = java.util.stream.IntStream.range(0, types.size()).filter(i -> types.get(i).code().equals("CERTIFICAT_MEDICAL"))
                .findFirst().orElseThrow();
        java.util.function.UnaryOperator<CommuneConfiguration> untick = c -> c.withDocumentTypes(c.documentTypes().stream()
                .map(t -> t.code().equals("CERTIFICAT_MEDICAL") ? new fr.portailfamille.documents.DocumentType(t.code(), t.label(),
                        t.forChild(), false, t.validity(), t.months(), t.until()) : t).toList());

        // an agent without agent-sante: refused on the box, by the screen's save as by the file, nothing written
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> alpha(() -> {
            configuration.update(AGENT, untick);
            return null;
        }));
        assertEquals(List.of("documentTypes[" + cert + "].health"), refused.errors().stream().map(e -> e.field()).toList());
        String unticked = ConfigurationJson.write(untick.apply(before));
        assertThrows(ConfigurationException.class, () -> alpha(() -> {
            configuration.importJson(AGENT, unticked);
            return null;
        }));
        assertEquals(before, alpha(configuration::current), "rien d'enregistré");

        // where a régie collects: the régisseur's (a régie given a PayFiP client number)
        fr.portailfamille.billing.Regie regie = before.billing().regies().get(0);
        String numcli = "999999".equals(regie.payfipNumcli()) ? "888888" : "999999";
        java.util.function.UnaryOperator<CommuneConfiguration> card = c -> c.withBilling(new fr.portailfamille.billing.BillingConfiguration(
                c.billing().settings(), c.billing().regies().stream().map(r -> r.code().equals(regie.code())
                ? new fr.portailfamille.billing.Regie(r.code(), r.label(), r.invoicePrefix(), r.managerName(), r.managerEmail(),
                        r.managerPhone(), r.activities(), r.paymentInstructions(), numcli, r.collection(), r.walletFloorCents(), r.sepa())
                : r).toList(), c.billing().tariffs()));
        ConfigurationException notRegisseur = assertThrows(ConfigurationException.class, () -> alpha(() -> {
            configuration.update(SANTE, card);
            return null;
        }));
        assertEquals(List.of("billing.regies[0].payfipNumcli"), notRegisseur.errors().stream().map(e -> e.field()).toList());
        assertTrue(notRegisseur.errors().get(0).text().french().startsWith("Seul un régisseur"), notRegisseur.errors().toString());
        try {
            // each change by the role it needs
            alpha(() -> {
                configuration.update(SANTE, untick);
                configuration.update(regisseur, card);
                return null;
            });
            assertEquals(numcli, alpha(configuration::current).billing().regies().get(0).payfipNumcli());
            // a file imported — another commune's, whose régie of the same code has its own PayFiP number — changes no
            // régie's account, even a régisseur's import
            CommuneConfiguration mine = alpha(configuration::current);
            String theirs = ConfigurationJson.write(mine.withBilling(new fr.portailfamille.billing.BillingConfiguration(
                    mine.billing().settings(), mine.billing().regies().stream().map(r -> r.code().equals(regie.code())
                    ? new fr.portailfamille.billing.Regie(r.code(), r.label(), r.invoicePrefix(), "Paul Voisin",
                            "regie@voisine.test", null, r.activities(), "Chèque à l'ordre de la voisine", "777777",
                            r.collection(), r.walletFloorCents(), r.sepa())
                    : r).toList(), mine.billing().tariffs())));
            alpha(() -> {
                configuration.importJson(regisseur, theirs);
                return null;
            });
            fr.portailfamille.billing.Regie after = alpha(configuration::current).billing().regies().get(0);
            assertEquals(List.of(numcli, String.valueOf(regie.managerEmail())), List.of(after.payfipNumcli(),
                    String.valueOf(after.managerEmail())));
            // the same file closing a day, tried first (the bookings it would cancel) by an agent without the régisseur
            // role: tried as it is imported, the commune's accounts kept — not refused for the neighbour's number
            CommuneConfiguration read = ConfigurationJson.read(theirs);
            List<CommuneConfiguration.Closure> closed = new java.util.ArrayList<>(read.closures());
            closed.add(new CommuneConfiguration.Closure(TestDays.today().plusYears(3), "Fermeture d'essai"));
            String closing = ConfigurationJson.write(read.withCalendar(read.periods(), closed));
            assertEquals(0, alpha(() -> configuration.bookingsUndoneByImport(SANTE, closing)).undone());
            assertFalse(alpha(configuration::current).closures().stream().anyMatch(c -> c.label().equals("Fermeture d'essai")),
                    "a trial, not saved");
        } finally {
            alpha(() -> {
                configuration.save("test", before);
                return null;
            });
        }
    }

    @Test
    void theConfigurationFileRoundTripsIsValidatedWholeAndStaysInItsCommune() throws Exception {
        CommuneConfiguration before = alpha(configuration::current);
        String json = alpha(() -> configuration.exportJson(AGENT));
        assertEquals(before, ConfigurationJson.read(json), "le fichier exporté relit la même configuration");
        String betaBefore = in("beta", () -> configuration.exportJson(BETA_SANTE));

        // a file with two problems: both reported, nothing written
        String broken = json.replaceFirst("\"capacity\": \\d+", "\"capacity\": -4")
                .replaceFirst("\"deadline\": \"[^\"]+\"", "\"deadline\": \"J-X\"");
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> alpha(() -> {
                    configuration.importJson("agent@alpha.test", broken);
                    return null;
                }));
        assertTrue(refused.errors().size() >= 2, refused.errors().toString());
        assertTrue(refused.errors().stream().anyMatch(e -> e.field().endsWith(".capacity")), refused.errors().toString());
        assertEquals(before, alpha(configuration::current), "rien d'enregistré");
        assertThrows(ConfigurationException.class, () -> alpha(() -> {
            configuration.importJson("agent@alpha.test", "{ pas du json");
            return null;
        }));
        // the place of an activity is not removed under it: said on the establishments, naming it; nothing written
        CommuneConfiguration.Establishment place = new CommuneConfiguration.Establishment("LIEU-IT", "Salle des fêtes",
                CommuneConfiguration.EstablishmentKind.AUTRE, null);
        CommuneConfiguration.Activity first = before.activities().get(0);
        CommuneConfiguration placed = before.withEstablishments(java.util.stream.Stream.concat(before.establishments().stream(),
                java.util.stream.Stream.of(place)).toList()).withActivities(before.activities().stream().map(a -> a != first ? a
                : new CommuneConfiguration.Activity(a.code(), a.name(), a.description(), a.type(), place.code(), a.minAge(),
                        a.maxAge(), a.levels(), a.runsInHolidays(), a.bookingDeadline(), a.cancellationDeadline(),
                        a.latePolicy(), a.needsValidation(), a.documents(), a.units(), a.lastDay())).toList());
        alpha(() -> {
            configuration.save("agent@alpha.test", placed);
            return null;
        });
        try {
            ConfigurationException inUse = assertThrows(ConfigurationException.class, () -> alpha(() -> {
                configuration.update(AGENT, c -> c.withEstablishments(c.establishments().stream()
                        .filter(e -> !e.code().equals(place.code())).toList()));
                return null;
            }));
            assertEquals(List.of("establishments"), inUse.errors().stream().map(fr.portailfamille.problems.FieldError::field)
                    .distinct().toList());
            assertTrue(inUse.errors().get(0).text().french().contains("« " + first.name() + " »"), inUse.errors().toString());
            assertTrue(alpha(configuration::current).establishments().stream().anyMatch(e -> e.code().equals(place.code())),
                    "rien d'enregistré");
        } finally {
            alpha(() -> {
                configuration.save("agent@alpha.test", before);
                return null;
            });
        }

        // a closure saved by Alpha's agents closes Alpha's days, not Bêta's
        LocalDate closed = mondayInWeeks(40);
        List<CommuneConfiguration.Closure> closures = new java.util.ArrayList<>(before.closures());
        closures.add(new CommuneConfiguration.Closure(closed, "Travaux"));
        try {
            alpha(() -> {
                configuration.save("agent@alpha.test", new CommuneConfiguration(before.zone(), before.cgu(),
                        before.establishments(), before.periods(), closures, before.activities(), before.legend()));
                return null;
            });
            assertTrue(alpha(settings::calendar).isClosed(closed));
            assertFalse(in("beta", settings::calendar).isClosed(closed));
            assertEquals(betaBefore, in("beta", () -> configuration.exportJson(BETA_SANTE)), "Bêta inchangée");
        } finally {
            alpha(() -> {
                configuration.save("agent@alpha.test", before);
                return null;
            });
        }
        assertEquals(before, alpha(configuration::current));
    }
}
