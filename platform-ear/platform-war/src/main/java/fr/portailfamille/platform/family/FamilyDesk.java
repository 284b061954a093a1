package fr.portailfamille.platform.family;

import fr.portailfamille.documents.DocumentType;
import fr.portailfamille.documents.DocumentTypeRules;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The family files as the commune's agents work on them: every family of the commune, paged, sorted and
 * filtered in SQL (one count query, one page query; rows are records), a family's history (bookings,
 * registrations, requests) and audit log, a file opened by id (health data for {@code agent-sante} only),
 * and the decision on a file sent for validation (validate, or refuse with a reason; the family is mailed).
 * Each public method is one transaction.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class FamilyDesk {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyMails familyMails;

    Clock clock = PlatformTime.clock();

    /** How many families match the filter (one {@code count(*)}). */
    public long count(SignedInUser agent, FamilyFilter filter) {
        StaffRoles.requireAgent(agent);
        FamilyListQuery q = FamilyListQuery.of(filter == null ? FamilyFilter.NONE : filter);
        return ((Number) bind(em.createNativeQuery(q.countSql()), q.parameters()).getSingleResult()).longValue();
    }

    /** One page of the families matching the filter, in the order asked (then by id), as records. */
    public List<FamilyRow> page(SignedInUser agent, FamilyFilter filter, FamilySort sort, boolean descending,
                                int offset, int size) {
        StaffRoles.requireAgent(agent);
        if (offset < 0 || size < 1 || size > 1000) {
            throw new IllegalArgumentException("Page demandée invalide : " + offset + "/" + size);
        }
        FamilyListQuery q = FamilyListQuery.of(filter == null ? FamilyFilter.NONE : filter);
        List<Object> params = new ArrayList<>(q.parameters());
        params.add(offset);
        params.add(size);
        List<FamilyRow> rows = new ArrayList<>();
        // native: correlated counts and string_agg of the children, one statement for the page
        for (Object o : bind(em.createNativeQuery(q.pageSql(sort, descending)), params).getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new FamilyRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    FamilyStatus.valueOf((String) r[3]), ((Number) r[5]).intValue(), (String) r[6], (String) r[7],
                    r[4] == null ? null : ((Number) r[4]).intValue()));
        }
        return rows;
    }

    /** The files sent for validation, oldest first. */
    public List<Family> awaitingValidation(SignedInUser agent) {
        StaffRoles.requireAgent(agent);
        return em.createQuery("select f from Family f where f.status = :s order by f.submittedAt", Family.class)
                .setParameter("s", FamilyStatus.SUBMITTED).getResultList();
    }

    /** A file of the current commune by id, for an agent of this commune. */
    public Optional<Family> get(SignedInUser agent, long id) {
        StaffRoles.requireAgent(agent);
        return find(id);
    }

    private Optional<Family> find(long id) {
        return Optional.ofNullable(em.find(Family.class, id));
    }

    /**
     * The file an agent decides, its row locked and read again: two decisions at the same moment (a double tap, one agent
     * validating from the queue while another refuses from the file) act one after the other, the second told the file
     * is decided (it failed on the file's version: an error page).
     */
    private Family decided(long id) {
        return Optional.ofNullable(em.find(Family.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(FamilyDesk::notFound);
    }

    /** What an agent deciding or editing a file no longer there (its account deleted meanwhile) is told. */
    static Refused notFound() {
        return new Refused(Refused.text("family.file.notFound"));
    }

    /** At most 50 files whose label, e-mail or a child's name contains the text. */
    public List<Family> search(SignedInUser agent, String text) {
        StaffRoles.requireAgent(agent);
        String q = "%" + (text == null ? "" : text.trim().toLowerCase()) + "%";
        return em.createQuery("select distinct f from Family f left join f.children c where lower(f.label) like :q"
                + " or lower(f.email) like :q or lower(c.firstName) like :q or lower(c.lastName) like :q"
                + " order by f.label", Family.class).setParameter("q", q).setMaxResults(50).getResultList();
    }

    /**
     * Validates a file sent for validation; the family is mailed.
     *
     * @throws Refused a file no longer there (its account deleted) or no longer waiting (another agent decided it)
     */
    public void validate(SignedInUser agent, long familyId) {
        StaffRoles.requireAgent(agent);
        Family f = decided(familyId);
        if (f.getStatus() != FamilyStatus.SUBMITTED) {
            throw new Refused(Refused.text("family.file.notSubmitted"));
        }
        f.setStatus(FamilyStatus.VALIDATED);
        f.setValidatedAt(OffsetDateTime.now(clock));
        audit(agent.email(), "DOSSIER_VALIDE", f.getId(), null, null);
        familyMails.send(f.getEmail(), "Votre dossier famille est validé", "Votre dossier famille a été validé par le service"
                + " enfance. Vous pouvez maintenant inscrire vos enfants aux activités.");
    }

    /**
     * Unlinks the file from its portal account (commune administrators only, audited, the family mailed, its children's
     * calendar links revoked): the family whose account was deleted and made again is told its file is linked
     * elsewhere; the next sign-in of an account whose verified address is the file's links it again, as a first
     * sign-in does.
     *
     * @throws Refused a file no longer there, or linked to no account
     */
    public void unlinkAccount(SignedInUser agent, long familyId) {
        StaffRoles.requireAdmin(agent);
        Family f = Optional.ofNullable(em.find(Family.class, familyId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(FamilyDesk::notFound);
        if (f.getSubject() == null) {
            throw new Refused(Refused.text("family.account.notLinked"));
        }
        f.setSubject(null);
        // the calendar links the old account made stop too: the file may have been held by the wrong account
        int feeds = em.createNativeQuery("update calendar_feed set revoked_at = now() where family_id = ?1 and revoked_at is null")
                .setParameter(1, f.getId()).executeUpdate();
        audit(agent.email(), "COMPTE_DELIE", f.getId(), null, "relié de nouveau à la prochaine connexion de " + f.getEmail()
                + (feeds == 0 ? "" : " ; liens d'agenda révoqués : " + feeds));
        familyMails.send(f.getEmail(), "Votre dossier famille attend votre prochaine connexion", "La mairie a détaché votre"
                + " dossier famille de l'ancien compte du portail. Connectez-vous avec le compte de l'adresse " + f.getEmail()
                + " : votre dossier y sera relié." + (feeds == 0 ? "" : " Les liens d'agenda de vos enfants ne fonctionnent plus :"
                + " créez-en de nouveaux dans Mon profil.") + " Si vous n'êtes pas à l'origine de cette demande, contactez la mairie.");
    }

    /**
     * Changes the address the file's portal account signs in with (commune administrators only, audited): a file made at
     * the counter with a mistyped address — a stranger's account would link it —, a family that lost its mailbox. The
     * file is unlinked from its account and its children's calendar links revoked; the next sign-in of an account whose
     * verified address is the new one links it (the family mailed there: sign in, or create the account with it). An
     * address another file holds is refused beside the field.
     *
     * @return the problems beside {@code loginEmail} (nothing changed), or none
     */
    public List<FieldError> changeLoginAddress(SignedInUser agent, long familyId, String address) {
        StaffRoles.requireAdmin(agent);
        String email = address == null ? "" : address.strip().toLowerCase(java.util.Locale.ROOT);
        if (!fr.portailfamille.platform.family.validation.FrenchFormats.isEmail(email) || email.length() > 254) {
            return List.of(new FieldError("loginEmail", Refused.text("family.loginEmail.invalid")));
        }
        Family f = Optional.ofNullable(em.find(Family.class, familyId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(FamilyDesk::notFound);
        String before = f.getEmail();
        if (email.equalsIgnoreCase(before)) {
            return List.of(new FieldError("loginEmail", Refused.text("family.loginEmail.same")));
        }
        if (!em.createNativeQuery("select 1 from family where lower(email) = ?1 and id <> ?2").setParameter(1, email)
                .setParameter(2, f.getId()).getResultList().isEmpty()) {
            return List.of(new FieldError("loginEmail", Refused.text("family.loginEmail.taken")));
        }
        f.setEmail(email);
        f.setSubject(null);
        int feeds = em.createNativeQuery("update calendar_feed set revoked_at = now() where family_id = ?1 and revoked_at is null")
                .setParameter(1, f.getId()).executeUpdate();
        audit(agent.email(), "ADRESSE_CONNEXION", f.getId(), null, (before == null ? "—" : before) + " -> " + email
                + (feeds == 0 ? "" : " ; liens d'agenda révoqués : " + feeds));
        familyMails.send(email, "Votre dossier famille vous attend sur le portail", "La mairie a indiqué cette adresse pour"
                + " vous connecter au portail famille. Connectez-vous avec elle (ou créez votre compte avec elle) : votre"
                + " dossier famille y sera relié. Si vous n'êtes pas à l'origine de cette demande, contactez la mairie.");
        return List.of();
    }

    /**
     * An agent refuses a file sent for validation, with a reason that the family receives by mail with a
     * link to its Mon foyer page; the file goes back to draft so that the family can correct and send it
     * again.
     */
    public List<FieldError> refuseFile(SignedInUser agent, long familyId, String reason, String portalUrl) {
        StaffRoles.requireAgent(agent);
        String why;
        try {
            why = Refused.decisionReason(false, reason);
        } catch (Refused e) {
            return List.of(new FieldError(e.field(), e.text()));
        }
        Family f = decided(familyId);
        if (f.getStatus() != FamilyStatus.SUBMITTED) {
            return List.of(new FieldError("", Refused.text("family.file.notSubmitted")));
        }
        f.setStatus(FamilyStatus.DRAFT);
        f.setSubmittedAt(null);
        f.setDraftExpiresAt(OffsetDateTime.now(clock).plus(FamilyFileService.DRAFT_KEPT));
        audit(agent.email(), "DOSSIER_REFUSE", f.getId(), null, why);
        // refused by an agent who read its children's health data, the reason may speak of it (« le PAI de Léa n'est pas
        // signé »): it stays on the portal (Mon foyer shows it), as a health request's reason does
        boolean health = StaffRoles.mayReadHealth(agent);
        familyMails.send(f.getEmail(), "Votre dossier famille est à compléter",
                (health ? "Le service enfance n'a pas pu valider votre dossier famille ; le motif est indiqué dans votre"
                        + " espace « Mon foyer »."
                        : "Le service enfance n'a pas pu valider votre dossier famille, pour le motif suivant :\n\n" + why)
                        + "\n\nVous pouvez le corriger puis l'envoyer à nouveau depuis votre espace « Mon foyer » avant le "
                        + f.getDraftExpiresAt().atZoneSameInstant(fr.portailfamille.platform.kernel.PlatformTime.ZONE)
                        .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                        + " : un dossier resté à compléter est ensuite effacé, avec ses pièces.\n" + portalUrl);
        return List.of();
    }

    /**
     * The file as an agent reads or edits it. Health data is included (and the read audited, child by
     * child) only for an agent holding the {@code agent-sante} role; otherwise it is left out of the
     * form altogether. Agents of the current commune only.
     */
    public FamilyForm formForAgent(SignedInUser agent, long familyId) {
        StaffRoles.requireAgent(agent);
        boolean withHealth = HealthRecords.mayRead(agent);
        Family f = find(familyId).orElseThrow(FamilyDesk::notFound);
        FamilyForm form = FamilyFileMapper.toForm(f);
        for (FamilyForm.ChildForm c : form.getChildren()) {
            if (withHealth) {
                audit(agent.email(), "LECTURE_SANTE", familyId, c.getId(), null);
            } else {
                HealthRecords.clear(c);
            }
        }
        AgentFileEditor.maskBankDetails(agent, form);
        form.setReadAs(FamilyFileMapper.fingerprint(form));
        return form;
    }

    /** The audit log of a file, newest first. */
    public List<AuditEntry> auditOf(SignedInUser agent, long familyId) {
        StaffRoles.requireAgent(agent);
        return em.createQuery("select a from AuditEntry a where a.familyId = :f order by a.at desc, a.id desc",
                AuditEntry.class).setParameter("f", familyId).getResultList();
    }

    private void audit(String actor, String action, Long familyId, Long childId, String detail) {
        em.persist(new AuditEntry(actor, action, familyId, childId, detail));
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    /**
     * The bookings, registrations, school requests and change requests of one family (four queries, one
     * transaction), for the family's file.
     */
    public FamilyHistory historyOf(SignedInUser agent, long familyId) {
        StaffRoles.requireAgent(agent);
        // native: rows of three contexts' tables for one family, read as records
        List<FamilyHistory.BookingLine> bookings = new ArrayList<>();
        // the days nearest today, before and after (a semaine type of the term would fill the list with May to July,
        // and the agent at the counter asks about last Tuesday): then shown latest first
        for (Object o : em.createNativeQuery("select coalesce(c.first_name, '–'), a.name, u.label, b.day, b.status"
                        + " from booking b join child c on c.id = b.child_id join activity_unit u on u.id = b.unit_id"
                        + " join activity a on a.id = u.activity_id where c.family_id = ?1"
                        + " order by abs(b.day - cast(?2 as date)), b.day desc, b.id desc")
                .setParameter(1, familyId).setParameter(2, fr.portailfamille.platform.kernel.PlatformTime.today())
                .setMaxResults(FamilyHistory.BOOKINGS_SHOWN).getResultList()) {
            Object[] r = (Object[]) o;
            bookings.add(new FamilyHistory.BookingLine((String) r[0], (String) r[1], (String) r[2], localDate(r[3]), (String) r[4]));
        }
        bookings.sort(java.util.Comparator.comparing(FamilyHistory.BookingLine::day).reversed());
        long bookingCount = ((Number) em.createNativeQuery("select count(*) from booking b join child c on c.id = b.child_id"
                + " where c.family_id = ?1").setParameter(1, familyId).getSingleResult()).longValue();
        List<FamilyHistory.RequestLine> requests = new ArrayList<>();
        // a registration decided as health data (it holds a health document): its reason for agent-sante only
        // each registration's documents (those decided too: a PAI sent in September is read again in March), health
        // data named only for an agent without agent-sante
        java.util.Map<Long, List<FamilyHistory.DocumentLine>> documents = registrationDocuments(familyId,
                StaffRoles.mayReadHealth(agent));
        java.util.Set<Long> healthRegistrations = new java.util.HashSet<>();
        documents.forEach((registration, lines) -> {
            if (lines.stream().anyMatch(FamilyHistory.DocumentLine::confidential)) {
                healthRegistrations.add(registration);
            }
        });
        for (Object o : em.createNativeQuery("select 'ACTIVITE', coalesce(c.first_name, '–'), a.name, r.status, r.submitted_at, r.reason,"
                        + " r.id from registration r join child c on c.id = r.child_id join activity a on a.id = r.activity_id"
                        + " where c.family_id = ?1"
                        + " union all select 'SCOLAIRE', coalesce(c.first_name, '–'), e.name || ' – ' || s.level || ' – ' || s.school_year,"
                        + " s.status, s.submitted_at, s.reason, null from school_enrolment s join child c on c.id = s.child_id"
                        + " join establishment e on e.id = s.establishment_id where c.family_id = ?1 order by 5 desc")
                .setParameter(1, familyId).getResultList()) {
            Object[] r = (Object[]) o;
            boolean hidden = r[6] != null && healthRegistrations.contains(((Number) r[6]).longValue());
            requests.add(new FamilyHistory.RequestLine((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                    offsetDateTime(r[4]), hidden ? null : (String) r[5], r[6] == null ? List.of()
                    : documents.getOrDefault(((Number) r[6]).longValue(), List.of())));
        }
        List<FamilyHistory.ChangeLine> changes = new ArrayList<>();
        // a health request's reason (a refused PAI, an allergy) for agent-sante only
        String reason = StaffRoles.mayReadHealth(agent) ? "r.reason" : "case when " + RequestQueue.HEALTH + " then null else r.reason end";
        for (Object o : em.createNativeQuery("select r.type, r.status, r.created_at, r.decided_at, " + reason + " from change_request r"
                + " where r.family_id = ?1 order by r.created_at desc, r.id desc").setParameter(1, familyId).getResultList()) {
            Object[] r = (Object[]) o;
            changes.add(new FamilyHistory.ChangeLine((String) r[0], (String) r[1], offsetDateTime(r[2]),
                    offsetDateTime(r[3]), (String) r[4]));
        }
        return new FamilyHistory(bookings, bookingCount, requests, changes);
    }

    /**
     * The documents of the family's registrations, by registration: each confidential when it is health data (the
     * commune's health types, or a name that speaks of health: {@link DocumentTypeRules#isHealth}, as the registrations'
     * queue decides who may decide them) and the agent may not read health ({@code mayReadHealth} false).
     */
    private java.util.Map<Long, List<FamilyHistory.DocumentLine>> registrationDocuments(long familyId, boolean mayReadHealth) {
        List<DocumentType> types = healthTypes(em);
        java.util.Map<Long, List<FamilyHistory.DocumentLine>> documents = new java.util.HashMap<>();
        for (Object o : em.createNativeQuery("select d.registration_id, d.label, d.health, d.id, d.file_name"
                + " from registration_document d join registration r on r.id = d.registration_id"
                + " join child c on c.id = r.child_id where c.family_id = ?1 order by d.id").setParameter(1, familyId)
                .getResultList()) {
            Object[] d = (Object[]) o;
            // flagged as it was sent (tenant V49), or by today's rule
            boolean health = Boolean.TRUE.equals(d[2]) || DocumentTypeRules.isHealth(types, (String) d[1]);
            documents.computeIfAbsent(((Number) d[0]).longValue(), k -> new ArrayList<>()).add(new FamilyHistory.DocumentLine(
                    ((Number) d[3]).longValue(), (String) d[1], (String) d[4], health && !mayReadHealth));
        }
        return documents;
    }

    /**
     * The commune's document types as far as {@link DocumentTypeRules#isHealth} goes (code, label, health), to tell
     * whether a registration's document is health data (the retention purge too).
     */
    public static List<DocumentType> healthTypes(EntityManager em) {
        List<DocumentType> types = new ArrayList<>();
        for (Object o : em.createNativeQuery("select code, label, health from document_type").getResultList()) {
            Object[] t = (Object[]) o;
            types.add(new DocumentType((String) t[0], (String) t[1], false, (Boolean) t[2], DocumentType.Validity.PERMANENT,
                    null, null));
        }
        return types;
    }

    private static java.time.LocalDate localDate(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (java.time.LocalDate) value;
    }

    private static java.time.OffsetDateTime offsetDateTime(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atZone(PlatformTime.ZONE).toOffsetDateTime();
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return t;
        }
        throw new IllegalStateException("Date inattendue : " + value.getClass());
    }
}
