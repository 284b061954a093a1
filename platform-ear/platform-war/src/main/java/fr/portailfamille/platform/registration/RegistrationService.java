package fr.portailfamille.platform.registration;

import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.booking.DateRange;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Rows;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.TextLimits;
import fr.portailfamille.platform.kernel.UploadChecker;
import fr.portailfamille.platform.booking.Activity;
import fr.portailfamille.configuration.SchoolLevel;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.HealthRecords;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.documents.DocumentType;
import fr.portailfamille.documents.DocumentTypeRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Activity registrations (documents + CGU, validated by an agent before any booking) and school
 * pre-registrations (inscriptions scolaires, decided by the education service). Each call is one
 * transaction; a refusal changes nothing.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class RegistrationService {

    /** Accepted document types and size, as for absence certificates. */
    public static final Set<String> DOCUMENT_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    public static final int DOCUMENT_MAX_BYTES = UploadChecker.MAX_BYTES;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

    @Inject
    CommuneSettings settings;

    @Inject
    FamilyMails mails;

    @Inject
    FamilyDocuments familyDocuments;

    @Inject
    HealthRecords health;

    Clock clock = PlatformTime.clock();

    /** Where a family follows its registrations (the page its mails link to). */
    static final String INSCRIPTIONS_PAGE = "/espace/inscriptions.xhtml";

    /** A file a family uploads for one required document of an activity. */
    public record Upload(String fileName, String contentType, byte[] content) {
        public boolean isEmpty() {
            return content == null || content.length == 0;
        }
    }

    /** A stored document (agents' download). */
    public record Document(long id, String label, String fileName, String contentType, byte[] content) {
    }

    // ---- families -------------------------------------------------------------------------------

    /**
     * The commune's activities a child may register to: its age today and its school level, among those whose last day
     * (if any) has not passed.
     */
    public List<Activity> offersFor(SignedInUser user, long childId) {
        return offersFor(files.validatedChild(user, childId));
    }

    private List<Activity> offersFor(Child child) {
        LocalDate today = PlatformTime.today(clock);
        int age = child.getBirthDate() == null ? -1 : Period.between(child.getBirthDate(), today).getYears();
        return em.createQuery("select a from Activity a order by a.name", Activity.class).getResultList().stream()
                .filter(a -> !a.endedBy(today))
                .filter(a -> age < 0 ? a.getMinAge() == null && a.getMaxAge() == null : a.accepts(age, child.getSchoolClass()))
                .toList();
    }

    /** The documents each activity requires, in order, by activity id (activities requiring none are absent). */
    public Map<Long, List<String>> requiredDocuments() {
        return settings.requiredDocuments();
    }

    /**
     * Whether the child's family has a valid document of Mes documents for this required document (its label
     * is a type's label or code): the registration takes it, the page does not ask for it.
     */
    public boolean providedByMesDocuments(SignedInUser user, long childId, String label) {
        Child child = files.validatedChild(user, childId);
        return familyDocuments.validFor(child.getFamily().getId(), child.getId(), label).isPresent();
    }

    /**
     * The activity whose registration already carries the child's document {@code label} this school year (pending or
     * accepted, not refused): a registration to another activity asking for the same document takes it instead of
     * asking again. Empty when there is none.
     */
    public Optional<String> providedByRegistration(SignedInUser user, long childId, String label) {
        Child child = files.validatedChild(user, childId);
        return givenWithRegistration(child, label, false).map(GivenDocument::activity);
    }

    /** A document a registration of the child carries: its file and the activity it was given for. */
    private record GivenDocument(String activity, UploadChecker.Accepted file) {
    }

    /**
     * The newest document {@code label} the child's live registrations carry, given since the current school year began
     * (a year ago when no school year is running) and still valid for its type, counted from the first time the family
     * sent those very bytes — with the first registration that carried them, or as a document of Mes documents dated
     * earlier — not from the registration it was last carried to (a "justificatif de domicile de moins de 3 mois" sent in
     * September is no proof in December, however many registrations carried it since): an attestation of last year is
     * not taken for this one. Its file's bytes are read only {@code withContent} (the page only names the activity).
     */
    private Optional<GivenDocument> givenWithRegistration(Child child, String label, boolean withContent) {
        LocalDate today = PlatformTime.today(clock);
        LocalDate since = settings.schoolYears().stream().filter(y -> !today.isBefore(y.start()) && !today.isAfter(y.endInclusive()))
                .map(DateRange::start).findFirst().orElse(today.minusYears(1));
        Optional<fr.portailfamille.documents.DocumentType> type =
                fr.portailfamille.documents.DocumentTypeRules.named(familyDocuments.types(), label);
        List<?> rows = em.createNativeQuery("select a.name, d.file_name, d.content_type, "
                        + (withContent ? "d.content" : "null")
                        + ", (select min(r2.submitted_at) from registration_document d2"
                        + " join registration r2 on r2.id = d2.registration_id where r2.child_id = r.child_id"
                        + " and d2.label = d.label and md5(d2.content) = md5(d.content))"
                        + ", (select min(f.issued_on) from family_document f join child c on c.family_id = f.family_id"
                        + " where c.id = r.child_id and md5(f.content) = md5(d.content))"
                        + " from registration_document d"
                        + " join registration r on r.id = d.registration_id join activity a on a.id = r.activity_id"
                        + " where r.child_id = ?1 and r.status not in ('REFUSED', 'WITHDRAWN') and d.label = ?2 and r.submitted_at >= ?3"
                        + " order by r.id desc limit 1")
                .setParameter(1, child.getId()).setParameter(2, label)
                .setParameter(3, since.atStartOfDay(PlatformTime.ZONE).toOffsetDateTime()).getResultList();
        return rows.stream().map(o -> (Object[]) o)
                .filter(r -> type.isEmpty() || !fr.portailfamille.documents.DocumentExpiry.expired(
                        type.get().expiresOn(firstSent(r[4], r[5])), today))
                .findFirst().map(r -> new GivenDocument((String) r[0],
                        new UploadChecker.Accepted((String) r[1], (String) r[2], (byte[]) r[3])));
    }

    /** The day a family first sent a file: its first registration's, or its date in Mes documents when earlier. */
    private static LocalDate firstSent(Object submittedAt, Object issuedOn) {
        LocalDate sent = Rows.time(submittedAt).atZoneSameInstant(PlatformTime.ZONE).toLocalDate();
        LocalDate issued = issuedOn == null ? null : Rows.day(issuedOn);
        return issued != null && issued.isBefore(sent) ? issued : sent;
    }

    /** The child's registrations, newest first. */
    public List<Registration> registrationsOf(SignedInUser user, long childId) {
        Child child = files.validatedChild(user, childId);
        return em.createQuery("select r from Registration r join fetch r.activity where r.child = :c order by r.id desc",
                Registration.class).setParameter("c", child).getResultList();
    }

    /**
     * Registers one of the family's children to the ticked activities: each must be offered to the
     * child and not already registered, each of its required documents uploaded (PDF, JPEG or PNG,
     * 5 Mo at most), and the CGU accepted. All or nothing.
     *
     * @param uploads for each activity id, one upload per required document, in order
     * @return the registrations created
     */
    public List<Registration> register(SignedInUser user, long childId, Collection<Long> activityIds,
                                       Map<Long, List<Upload>> uploads, boolean cguAccepted) {
        return register(user, childId, activityIds, uploads, cguAccepted, null);
    }

    /**
     * {@link #register(SignedInUser, long, Collection, Map, boolean)} from a form that asked, for each activity, the
     * documents {@code asked} (in the order of its uploads): when the commune changed an activity's documents since (an
     * agent's save while the page was open), nothing is registered and the family is told, rather than its files filed
     * under the labels of the new list, a fiche sanitaire under "Attestation d'assurance" ({@code null}: not checked).
     */
    public List<Registration> register(SignedInUser user, long childId, Collection<Long> activityIds,
                                       Map<Long, List<Upload>> uploads, boolean cguAccepted, Map<Long, List<String>> asked) {
        Child child = lockedChild(user, childId);
        if (activityIds == null || activityIds.isEmpty()) {
            throw new Refused("activities", Refused.text("registration.activities.required"));
        }
        // the form's problems all at once — the CGU and every document —, each beside its field: its files are to be
        // chosen again (a browser keeps none), once, not once per problem
        List<fr.portailfamille.problems.FieldError> errors = new ArrayList<>();
        if (!cguAccepted) {
            errors.add(new fr.portailfamille.problems.FieldError("cgu", Refused.text("registration.cgu.required")));
        }
        List<Activity> offered = offersFor(child);
        Map<Long, List<String>> documents = requiredDocuments();
        if (asked != null) {
            for (Long id : activityIds) {
                if (!asked.getOrDefault(id, List.of()).equals(documents.getOrDefault(id, List.of()))) {
                    String name = offered.stream().filter(a -> a.getId().equals(id)).map(Activity::getName).findFirst()
                            .orElse("");
                    throw new Refused("activities", Refused.text("registration.documents.changed", name));
                }
            }
        }
        // a document the form asks for several ticked activities is joined once: the first file given for its label
        Map<String, Upload> givenOnce = new HashMap<>();
        for (Long id : activityIds) {
            List<String> required = documents.getOrDefault(id, List.of());
            List<Upload> given = uploads == null ? List.of() : uploads.getOrDefault(id, List.of());
            for (int i = 0; i < Math.min(required.size(), given.size()); i++) {
                if (given.get(i) != null && !given.get(i).isEmpty()) {
                    givenOnce.putIfAbsent(required.get(i), given.get(i));
                }
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Registration> created = new ArrayList<>();
        // a child whose pre-registration for the school year running (in the summer, the next one) the education
        // service has not validated yet: school-time activities wait for it ("dès que le service éducation a validé…
        // vous pourrez inscrire vos enfants"). Decided from the request, not from the file's school, which the family's
        // forms never leave empty (the school hoped for); a request for a later year leaves this year's activities open
        boolean awaitsSchool = awaitsSchool(child);
        List<CheckedActivity> checkedActivities = new ArrayList<>();
        for (Long id : activityIds) {
            Activity activity = offered.stream().filter(a -> a.getId().equals(id)).findFirst()
                    .orElseThrow(() -> new Refused("activities", Refused.text("registration.activity.notOffered",
                            child.getFirstName())));
            if (awaitsSchool && !activity.isHolidayOnly()) {
                throw new Refused("activities", Refused.text("registration.school.awaited", child.getFirstName(),
                        activity.getName()));
            }
            if (liveRegistration(child, activity).isPresent()) {
                throw new Refused("activities", Refused.text("registration.activity.already", child.getFirstName(),
                        activity.getName()));
            }
            List<String> required = documents.getOrDefault(id, List.of());
            List<Upload> given = uploads == null ? List.of() : uploads.getOrDefault(id, List.of());
            List<UploadChecker.Accepted> checked = new ArrayList<>();
            // a file taken from Mes documents keeps the health flag it has there
            boolean[] fromHealthFile = new boolean[required.size()];
            for (int i = 0; i < required.size(); i++) {
                Upload u = i < given.size() ? given.get(i) : null;
                String field = "doc-" + id + "-" + i;
                if (u == null || u.isEmpty()) {
                    u = givenOnce.get(required.get(i));
                }
                if (u == null || u.isEmpty()) {
                    // a valid document of this type in Mes documents is taken instead of asking again
                    var kept = familyDocuments.validFor(child.getFamily().getId(), child.getId(), required.get(i));
                    if (kept.isPresent()) {
                        checked.add(new UploadChecker.Accepted(kept.get().fileName(), kept.get().contentType(),
                                kept.get().content()));
                        fromHealthFile[i] = Boolean.TRUE.equals(em.createNativeQuery("select health from family_document"
                                + " where id = ?1").setParameter(1, kept.get().id()).getSingleResult());
                        continue;
                    }
                    // so is the one given with another of the child's registrations this school year
                    var carried = givenWithRegistration(child, required.get(i), true);
                    if (carried.isPresent()) {
                        checked.add(carried.get().file());
                        continue;
                    }
                    errors.add(new fr.portailfamille.problems.FieldError(field, Refused.text("registration.document.required",
                            required.get(i))));
                    continue;
                }
                try {
                    // the content decides, not the type the browser declared
                    checked.add(UploadChecker.check(UploadChecker.named(required.get(i)), u.fileName(), u.content()));
                } catch (UploadChecker.Rejected e) {
                    errors.add(new fr.portailfamille.problems.FieldError(field, e.text()));
                }
            }
            checkedActivities.add(new CheckedActivity(activity, required, checked, fromHealthFile));
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors); // nothing recorded
        }
        for (CheckedActivity a : checkedActivities) {
            Activity activity = a.activity();
            List<String> required = a.required();
            List<UploadChecker.Accepted> checked = a.checked();
            boolean[] fromHealthFile = a.fromHealthFile();
            Registration r = new Registration(child, activity, now);
            em.persist(r);
            em.flush();
            List<fr.portailfamille.documents.DocumentType> types = familyDocuments.types();
            for (int i = 0; i < required.size(); i++) {
                UploadChecker.Accepted u = checked.get(i);
                // whether it is health data, kept with it (tenant V49): its type ticked or named for health now, the Mes
                // documents file it came from, or the same document of the child's flagged before (carried)
                em.createNativeQuery("insert into registration_document (registration_id, label, file_name, content_type,"
                                + " content, health) values (?1, ?2, ?3, ?4, ?5, ?6 or exists (select 1 from"
                                + " registration_document o join registration ro on ro.id = o.registration_id"
                                + " where ro.child_id = ?7 and o.label = ?2 and o.health))")
                        .setParameter(1, r.getId()).setParameter(2, required.get(i))
                        .setParameter(3, u.fileName())
                        .setParameter(4, u.contentType()).setParameter(5, u.content())
                        // or a file named for health (« PAI allergie.pdf » sent as « Fiche d'inscription »), as Mes
                        // documents and messages' files are
                        .setParameter(6, fromHealthFile[i] || isHealthDocument(types, required.get(i))
                                || fr.portailfamille.documents.DocumentTypeRules.isHealth(List.of(), u.fileName()))
                        .setParameter(7, child.getId()).executeUpdate();
            }
            created.add(r);
        }
        mails.send(child.getFamily().getEmail(), "Inscription envoyée",
                "Nous avons bien reçu la demande d'inscription de " + child.getFirstName() + " à : "
                        + created.stream().map(x -> "« " + x.getActivity().getName() + " »")
                        .collect(java.util.stream.Collectors.joining(", "))
                        + ".\nLe service enfance l'examine et vous répondra par courriel. Une fois l'inscription validée,"
                        + " vous pourrez réserver ses journées dans Mon planning.",
                pageOf(INSCRIPTIONS_PAGE, child));
        return created;
    }

    /** An activity of the form, its documents checked (each file, or the one kept in Mes documents), to record. */
    private record CheckedActivity(Activity activity, List<String> required, List<UploadChecker.Accepted> checked,
                                   boolean[] fromHealthFile) {
    }

    private Optional<Registration> liveRegistration(Child child, Activity activity) {
        return em.createQuery("select r from Registration r where r.child = :c and r.activity = :a and r.status not in :over",
                        Registration.class).setParameter("c", child).setParameter("a", activity)
                .setParameter("over", RequestStatus.OVER).getResultList().stream().findFirst();
    }

    // ---- school pre-registration ------------------------------------------------------------------

    /** The commune's schools. */
    public List<Establishment> schools() {
        return em.createQuery("select e from Establishment e where e.kind like 'ECOLE%' order by e.name",
                Establishment.class).getResultList();
    }

    /** School years open to pre-registration ("2026-2027"): the configured ones not yet over. */
    public List<String> schoolYears() {
        LocalDate today = PlatformTime.today(clock);
        List<String> years = new ArrayList<>();
        for (DateRange y : settings.schoolYears()) {
            if (!y.endInclusive().isBefore(today)) {
                years.add(y.start().getYear() + "-" + y.endInclusive().getYear());
            }
        }
        return years;
    }

    /**
     * {@code page} for {@code child}: its position in the family's file ({@code ?enfant=2}, children in the order they
     * were added, as the pages and Mes demandes number them), so that a mail about a second child opens its page.
     */
    String pageOf(String page, Child child) {
        Number position = (Number) em.createNativeQuery("select count(*) from child where family_id = ?1 and id <= ?2")
                .setParameter(1, child.getFamily().getId()).setParameter(2, child.getId()).getSingleResult();
        return page + "?enfant=" + position.longValue();
    }

    /**
     * The family's child, locked until the transaction ends: a form sent twice at once (a double click, two tabs) waits
     * for the first to commit, then finds what it made and is told so in words, instead of meeting the unique index.
     */
    private Child lockedChild(SignedInUser user, long childId) {
        Child child = files.validatedChild(user, childId);
        em.lock(child, LockModeType.PESSIMISTIC_WRITE);
        return child;
    }

    /** A family asks for a child's place at a school for a school year, at a level. */
    public SchoolEnrolment requestSchool(SignedInUser user, long childId, Long establishmentId, String schoolYear,
                                         String level, String comment) {
        Child child = lockedChild(user, childId);
        Establishment school = establishmentId == null ? null : em.find(Establishment.class, establishmentId);
        if (school == null || !school.isSchool()) {
            throw new Refused("school", Refused.text("registration.school.required"));
        }
        if (schoolYear == null || !schoolYears().contains(schoolYear)) {
            throw new Refused("year", Refused.text("registration.year.required"));
        }
        if (level == null || !SchoolLevel.isCode(level)) {
            throw new Refused("level", Refused.text("registration.level.required"));
        }
        if (!SchoolLevel.valueOf(level).taughtAt(school.getKind())) {
            throw new Refused("level", Refused.text("registration.level.notAtSchool", level, school.getName()));
        }
        if (TextLimits.exceeds(comment, TextLimits.COMMENT)) {
            throw new Refused("comment", TextLimits.tooLong(Refused.text("common.what.comment"), TextLimits.COMMENT));
        }
        boolean pending = !em.createQuery("select s.id from SchoolEnrolment s where s.child = :c and s.schoolYear = :y"
                        + " and s.status not in :over").setParameter("c", child).setParameter("y", schoolYear)
                .setParameter("over", RequestStatus.OVER).getResultList().isEmpty();
        if (pending) {
            throw new Refused("year", Refused.text("registration.school.already", child.getFirstName(), schoolYear));
        }
        SchoolEnrolment s = new SchoolEnrolment(child, school, schoolYear, level,
                comment == null || comment.isBlank() ? null : comment.strip(), OffsetDateTime.now(clock));
        em.persist(s);
        mails.send(child.getFamily().getEmail(), "Demande d'inscription scolaire envoyée",
                "Nous avons bien reçu la demande d'inscription scolaire de " + child.getFirstName() + " à l'école « "
                        + school.getName() + " » (" + level + ", année " + schoolYear + ").\n"
                        + "Le service éducation l'examine et vous répondra par courriel.",
                pageOf(INSCRIPTIONS_PAGE, child));
        return s;
    }

    /** The child's school pre-registrations, newest first. */
    public List<SchoolEnrolment> schoolRequestsOf(SignedInUser user, long childId) {
        Child child = files.validatedChild(user, childId);
        return em.createQuery("select s from SchoolEnrolment s join fetch s.establishment where s.child = :c"
                + " order by s.id desc", SchoolEnrolment.class).setParameter("c", child).getResultList();
    }

    // ---- agents -----------------------------------------------------------------------------------

    /** Registrations waiting for an agent, oldest first. */
    public List<Registration> pendingRegistrations() {
        return em.createQuery("select r from Registration r join fetch r.child join fetch r.activity"
                + " where r.status = :s order by r.id", Registration.class)
                .setParameter("s", RequestStatus.SUBMITTED).getResultList();
    }

    /** The documents of a registration, without their content. */
    public List<Document> documentsOf(long registrationId) {
        List<Document> docs = new ArrayList<>();
        for (Object row : em.createNativeQuery("select id, label, file_name, content_type from registration_document"
                + " where registration_id = ?1 order by id").setParameter(1, registrationId).getResultList()) {
            Object[] r = (Object[]) row;
            docs.add(new Document(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], null));
        }
        return docs;
    }

    /**
     * One document with its content, for an agent of the commune. A document asked under the name of one of the
     * commune's health document types ("Certificat médical", "PAI"…: {@link #isHealthDocument}) is health data: opened by
     * {@code agent-sante} only, and the read is audited as the family file's health data is.
     *
     * @throws SecurityException for anyone but an agent of the commune, or a health document without {@code agent-sante}
     */
    public Optional<Document> document(SignedInUser agent, long documentId) {
        StaffRoles.requireAgent(agent);
        List<?> rows = em.createNativeQuery("select d.id, d.label, d.file_name, d.content_type, d.content, c.family_id, c.id,"
                + " d.health from registration_document d join registration r on r.id = d.registration_id"
                + " join child c on c.id = r.child_id where d.id = ?1").setParameter(1, documentId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        String label = (String) r[1];
        // health data as it was sent (tenant V49: a type unticked or renamed since leaves it so), or by today's rule
        if (Boolean.TRUE.equals(r[7]) || isHealthDocument(familyDocuments.types(), label)) {
            health.healthRead(agent, "document « " + label + " » d'une inscription", ((Number) r[5]).longValue(),
                    ((Number) r[6]).longValue());
        }
        return Optional.of(new Document(((Number) r[0]).longValue(), label, (String) r[2], (String) r[3], (byte[]) r[4]));
    }

    /**
     * Whether a document an activity asks under {@code label} is health data: the label names one of the commune's
     * document types marked health (by its name or code, as Mes documents' are matched to a registration's), or speaks
     * of health in its own words ({@link DocumentTypeRules#isHealth}: an agent rewording it does not open it to all).
     */
    public static boolean isHealthDocument(List<DocumentType> types, String label) {
        return DocumentTypeRules.isHealth(types, label);
    }

    /**
     * An agent of the commune validates or refuses a registration (a refusal needs a reason); the family is mailed — for
     * a registration that holds health data, without the reason, which stays on the portal as Mes documents' do. A
     * registration holding a health document is decided by an agent who may read it only ({@code agent-sante}: one who
     * could not open the certificate or the PAI does not validate on it).
     *
     * @throws SecurityException for anyone but an agent of this commune
     * @throws Refused for a health registration and an agent without {@code agent-sante}
     */
    public void decideRegistration(SignedInUser agent, long registrationId, boolean accept, String reason) {
        StaffRoles.requireAgent(agent);
        List<DocumentType> types = familyDocuments.types();
        List<?> documents = em.createNativeQuery("select label, health from registration_document where registration_id = ?1")
                .setParameter(1, registrationId).getResultList();
        boolean health = documents.stream().map(o -> (Object[]) o)
                .anyMatch(d -> Boolean.TRUE.equals(d[1]) || isHealthDocument(types, (String) d[0]));
        if (health && !StaffRoles.mayReadHealth(agent)) {
            throw new Refused(Refused.text("registration.healthDecision"));
        }
        decideRegistration(agent.email(), registrationId, accept, reason, health);
    }

    private void decideRegistration(String agent, long registrationId, boolean accept, String reason, boolean health) {
        // locked before its status is read: two agents' decisions (or a double click) never both apply
        Registration r = Optional.ofNullable(em.find(Registration.class, registrationId, LockModeType.PESSIMISTIC_WRITE))
                .filter(x -> x.getStatus() == RequestStatus.SUBMITTED)
                .orElseThrow(() -> new Refused(Refused.text("registration.notPending")));
        if (accept && r.getActivity().endedBy(PlatformTime.today(clock))) {
            // no day left to book: validated, the family would be told to book in Mon planning (refusing it stays open)
            throw new Refused(Refused.text("registration.activity.ended", r.getActivity().getName(),
                    fr.portailfamille.problems.Problems.dateTime("format.date", r.getActivity().getLastDay())));
        }
        String why = Refused.decisionReason(accept, reason);
        r.decide(accept, agent, why, OffsetDateTime.now(clock));
        mails.send(r.getChild().getFamily().getEmail(), "Inscription " + (accept ? "validée" : "refusée"),
                "L'inscription de " + r.getChild().getFirstName() + " à « " + r.getActivity().getName() + " » a été "
                        + (accept ? "validée : vous pouvez réserver ses journées dans Mon planning."
                        : health ? "refusée. Son motif est à lire sur le portail, dans Mes demandes."
                        : "refusée. Motif : " + why), accept
                        // Mon planning opened on this activity, not on the child's first one
                        ? pageOf("/espace/planning.xhtml", r.getChild()) + "&activite=" + r.getActivity().getId()
                        : pageOf(INSCRIPTIONS_PAGE, r.getChild()));
    }

    /**
     * The family withdraws its activity registration {@code registrationId}, not decided yet (Mes demandes): it leaves
     * the agents' queue and no longer holds the child's place. Withdrawn already (a second click): nothing more.
     *
     * @throws Refused when it is not one of the family's children's, or an agent already decided it
     */
    public void withdrawRegistration(SignedInUser user, long registrationId) {
        withdraw(user, em.find(Registration.class, registrationId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** As {@link #withdrawRegistration}, for a school pre-registration. */
    public void withdrawSchool(SignedInUser user, long enrolmentId) {
        withdraw(user, em.find(SchoolEnrolment.class, enrolmentId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** {@code r}, locked (or null), withdrawn if it is the family's and waits for a decision. */
    private void withdraw(SignedInUser user, FamilyRequest r) {
        if (r == null) {
            throw new Refused(Refused.text("family.request.notYours"));
        }
        // the child must be the signed-in parent's (another family's id, typed or posted, is refused the same)
        try {
            files.validatedChild(user, r.getChild().getId());
        } catch (Refused e) {
            throw new Refused(Refused.text("family.request.notYours"));
        }
        if (r.getStatus() == RequestStatus.WITHDRAWN) {
            return;
        }
        if (r.getStatus() != RequestStatus.SUBMITTED) {
            throw new Refused(Refused.text("family.request.decided"));
        }
        r.withdraw(user.email(), OffsetDateTime.now(clock));
    }

    /**
     * The change of school year in the children's files, every night ({@link SchoolYearJob}): the accepted
     * pre-registrations of the school year now running (in the summer, the next one) that the files do not carry yet —
     * accepted for a later year — give them their school and class; every other child whose class is a level (CP,
     * CE1…) known for an earlier year moves up a level a year, a CM2 pupil leaving the école élémentaire (school and class
     * cleared), a GS pupil its école maternelle (the commune's school of that name that does not teach CP: school
     * cleared); each written in the family's journal. A class typed by hand is taken as the year's. Run twice, or on two
     * replicas, it changes nothing more (each child's year is written with its class). How many files changed.
     */
    public int applySchoolYear() {
        List<String> years = schoolYears();
        if (years.isEmpty()) {
            return 0;
        }
        String year = years.get(0);
        List<SchoolEnrolment> due = em.createQuery("select s from SchoolEnrolment s join fetch s.child join fetch s.establishment"
                        + " where s.status = :s and s.schoolYear = :y and s.appliedAt is null order by s.id", SchoolEnrolment.class)
                .setParameter("s", RequestStatus.VALIDATED).setParameter("y", year)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        due.forEach(s -> apply(s, "systeme"));
        em.flush();
        // a class whose year is not known (typed by hand, or before V57): the year's
        em.createNativeQuery("update child set class_year = ?1 where class_year is null").setParameter(1, year)
                .executeUpdate();
        int moved = 0;
        @SuppressWarnings("unchecked")
        // with the kinds of the commune's schools of the file's school's name (none: a school typed in the family's words, or
        // a place of that name that is no school — a restaurant scolaire, an accueil de loisirs —, which teaches no level)
        List<Object[]> behind = em.createNativeQuery("select c.id, c.family_id, c.school_class, c.class_year, (select"
                + " string_agg(distinct e.kind, ',') from establishment e where lower(e.name) = lower(c.school)"
                + " and e.kind like 'ECOLE%'), c.school"
                + " from child c where c.class_year < ?1 order by c.id for update of c").setParameter(1, year).getResultList();
        for (Object[] c : behind) {
            long child = ((Number) c[0]).longValue();
            String from = (String) c[2];
            java.util.Optional<SchoolLevel> level = SchoolLevel.parse(from);
            if (level.isEmpty()) {
                // a class in the school's own words ("CE1-CE2 Mme Petit"): no level to move up from, its year only
                em.createNativeQuery("update child set class_year = ?2 where id = ?1").setParameter(1, child)
                        .setParameter(2, year).executeUpdate();
                continue;
            }
            java.util.Optional<SchoolLevel> next = level.get().plus(SchoolLevel.yearsBetween((String) c[3], year));
            // a GS pupil of an école maternelle of the commune moves up to CP, not at that school: its school is cleared
            // (the day sheet, the families list and a message to the maternelle's families read it), as a CM2 leaver's
            String kinds = (String) c[4];
            boolean leavesSchool = next.isPresent() && kinds != null
                    && java.util.Arrays.stream(kinds.split(",")).noneMatch(k -> next.get().taughtAt(k));
            em.createNativeQuery("update child set school_class = ?2, class_year = ?3"
                            + (next.isEmpty() || leavesSchool ? ", school = null" : "") + " where id = ?1")
                    .setParameter(1, child).setParameter(2, next.map(Enum::name).orElse(null)).setParameter(3, year)
                    .executeUpdate();
            em.persist(new fr.portailfamille.platform.family.AuditEntry("systeme", "SCOLARITE", ((Number) c[1]).longValue(),
                    child, next.map(n -> "Passage de " + from + " en " + n.name() + " (année " + year + ")"
                            + (leavesSchool ? " : « " + c[5] + " » n'accueille pas le " + n.name() + ", école effacée" : ""))
                    .orElse("Sortie de l'école élémentaire après le " + from + " (année " + year + ") : école et classe"
                            + " effacées")));
            moved++;
        }
        return due.size() + moved;
    }

    private void apply(SchoolEnrolment s, String actor) {
        s.applyToChild(OffsetDateTime.now(clock));
        em.persist(new fr.portailfamille.platform.family.AuditEntry(actor, "SCOLARITE", s.getChild().getFamily().getId(),
                s.getChild().getId(), "École « " + s.getEstablishment().getName() + " », " + s.getLevel() + " (année "
                + s.getSchoolYear() + ") : inscription scolaire acceptée"));
    }

    /**
     * Whether the family's child has a pre-registration for the school year running (in the summer, the next one) still
     * waiting for the education service: its school-time activities wait for it (Inscriptions shows them closed, and
     * {@link #register} refuses them).
     */
    public boolean awaitsSchool(SignedInUser user, long childId) {
        return awaitsSchool(files.validatedChild(user, childId));
    }

    private boolean awaitsSchool(Child child) {
        List<String> years = schoolYears();
        return !years.isEmpty() && !em.createNativeQuery("select 1 from school_enrolment where child_id = ?1"
                        + " and school_year = ?2 and status = 'SUBMITTED'")
                .setParameter(1, child.getId()).setParameter(2, years.get(0)).getResultList().isEmpty();
    }

    /**
     * Whether the school year {@code year} ("2025-2026") is over: the commune's period of that year ended, or, when its
     * calendar has none of that name, the year's last part is before this calendar year.
     */
    private boolean yearOver(String year) {
        LocalDate today = PlatformTime.today(clock);
        for (DateRange y : settings.schoolYears()) {
            if ((y.start().getYear() + "-" + y.endInclusive().getYear()).equals(year)) {
                return y.endInclusive().isBefore(today);
            }
        }
        return year != null && year.matches("\\d{4}-\\d{4}") && Integer.parseInt(year.substring(5)) < today.getYear();
    }

    /** School pre-registrations waiting for the education service, oldest first. */
    public List<SchoolEnrolment> pendingSchoolRequests() {
        return em.createQuery("select s from SchoolEnrolment s join fetch s.child join fetch s.establishment"
                + " where s.status = :s order by s.id", SchoolEnrolment.class)
                .setParameter("s", RequestStatus.SUBMITTED).getResultList();
    }

    /**
     * The education service (an agent of the commune) accepts or refuses a school pre-registration; the family is mailed.
     *
     * @throws SecurityException for anyone but an agent of this commune
     */
    public void decideSchool(SignedInUser user, long enrolmentId, boolean accept, String reason) {
        StaffRoles.requireAgent(user);
        String agent = user.email();
        SchoolEnrolment s = Optional.ofNullable(em.find(SchoolEnrolment.class, enrolmentId, LockModeType.PESSIMISTIC_WRITE))
                .filter(x -> x.getStatus() == RequestStatus.SUBMITTED)
                .orElseThrow(() -> new Refused(Refused.text("registration.school.notPending")));
        String why = Refused.decisionReason(accept, reason);
        List<String> years = schoolYears();
        if (accept && yearOver(s.getSchoolYear())) {
            // its year is over: accepted, the file would never take it nor the school's mailings reach the child
            throw new Refused(Refused.text("registration.school.yearOver", s.getSchoolYear()));
        }
        if (accept && !(s.getEstablishment().isSchool() && SchoolLevel.parse(s.getLevel())
                .map(l -> l.taughtAt(s.getEstablishment().getKind())).orElse(false))) {
            // the establishment changed since the family asked (now a maternelle, an accueil): refused, not « CP » at a
            // maternelle in the child's file
            throw new Refused(Refused.text("registration.level.notAtSchool", s.getLevel(), s.getEstablishment().getName()));
        }
        s.decide(accept, agent, why, OffsetDateTime.now(clock));
        if (accept && !years.isEmpty() && years.get(0).equals(s.getSchoolYear())) {
            // the year running (in the summer, the next one): the child's file says it now; a later year's, the night
            // that year starts (applySchoolYear)
            apply(s, agent);
        }
        mails.send(s.getChild().getFamily().getEmail(), "Inscription scolaire " + (accept ? "acceptée" : "refusée"),
                "La demande d'inscription de " + s.getChild().getFirstName() + " à l'école « " + s.getEstablishment().getName()
                        + " » (" + s.getLevel() + ", année " + s.getSchoolYear() + ") a été "
                        + (accept ? "acceptée par le service éducation." : "refusée. Motif : " + why),
                pageOf(INSCRIPTIONS_PAGE, s.getChild()));
    }


}
