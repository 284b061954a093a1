package fr.portailfamille.platform.family;

import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.security.KeycloakAccounts;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import fr.portailfamille.problems.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The family file, for the family and for the agents of the current commune. Each public method is
 * one transaction. A family only ever reaches its own file, found from its account (never from an id
 * it sends); agents reach files by id, behind the {@code agent} role (web.xml, /agent/*).
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class FamilyFileService {

    /** How long a draft ("Finir plus tard") is kept after its last save. */
    public static final Duration DRAFT_KEPT = Duration.ofDays(30);

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyMails familyMails;

    @Inject
    KeycloakAccounts accounts;

    @Inject
    jakarta.security.enterprise.SecurityContext security;

    Clock clock = Clock.systemDefaultZone();

    // ---- the family ---------------------------------------------------------------------------

    /** Health data (fiche sanitaire, medical certificates) is for agents holding this role only. */
    public static final String HEALTH_ROLE = "agent-sante";

    static final String STAFF_HAS_NO_FILE = "Les comptes des agents de la commune n'ont pas de dossier famille.";
    static final String HEALTH_REFUSED = "Données de santé : réservées aux agents habilités (rôle agent-santé).";

    /** Agents of the commune (with or without health data) are staff: they never get a family file. */
    public static boolean isStaff(SignedInUser user) {
        return user.hasRole("agent") || user.hasRole(HEALTH_ROLE);
    }

    /** Whether this agent may read and change health data. */
    public static boolean mayReadHealth(SignedInUser agent) {
        return agent != null && agent.hasRole(HEALTH_ROLE);
    }

    private static void requireHealthReader(SignedInUser agent) {
        if (!mayReadHealth(agent)) {
            throw new SecurityException(HEALTH_REFUSED);
        }
    }

    /**
     * The signed-in parent's file: the one linked to the account; else, on first sign-in, the file the
     * town created at the counter with the same (verified) e-mail ("première connexion"); else a new,
     * empty draft that is NOT stored (it is stored by the first "Finir plus tard" or "Valider", and
     * never for staff accounts), so opening Mon foyer creates nothing. Two accounts never get two files
     * for one family: the e-mail is unique among files.
     */
    public Family fileOf(SignedInUser user) {
        requireCommuneOf(user);
        List<Family> mine = em.createQuery("select f from Family f where f.subject = :s", Family.class)
                .setParameter("s", user.subject()).getResultList();
        if (!mine.isEmpty()) {
            return mine.get(0);
        }
        if (user.email() != null) {
            List<Family> known = em.createQuery("select f from Family f where lower(f.email) = lower(:e)", Family.class)
                    .setParameter("e", user.email()).getResultList();
            if (!known.isEmpty()) {
                Family f = known.get(0);
                if (f.getSubject() == null && user.emailVerified()) {
                    f.setSubject(user.subject());
                    audit(user.email(), "PREMIERE_CONNEXION", f.getId(), null, "compte relié au dossier existant");
                    return f;
                }
                throw new IllegalStateException("Un autre compte est déjà relié au dossier de " + user.email());
            }
        }
        Family f = new Family(user.name() == null ? user.email() : user.name(), user.email());
        f.setSubject(user.subject());
        f.setDraftExpiresAt(now().plus(DRAFT_KEPT));
        Responsable r1 = f.responsable(1);
        r1.setEmail(user.email());
        return f;
    }

    /** Stores a new draft on its first save; refused for staff accounts. */
    private void store(SignedInUser user, Family f) {
        if (isStaff(user)) {
            throw new SecurityException(STAFF_HAS_NO_FILE);
        }
        if (f.getId() == null) {
            em.persist(f);
            em.flush();
            audit(user.email(), "BROUILLON_CREE", f.getId(), null, null);
        }
    }

    /**
     * One of the signed-in parent's own children, once the family file is validated (what bookings and
     * registrations require); another family's child answers "ne fait pas partie de votre dossier".
     */
    public Child validatedChild(SignedInUser user, long childId) {
        Family family = fileOf(user);
        if (family.getStatus() != FamilyStatus.VALIDATED) {
            throw new Refused("Votre dossier famille doit être validé avant toute réservation ou inscription.");
        }
        return family.getChildren().stream().filter(c -> c.getId() == childId).findFirst()
                .orElseThrow(() -> new Refused("Cet enfant ne fait pas partie de votre dossier."));
    }

    public FamilyForm formOf(SignedInUser user) {
        return FamilyFileMapper.toForm(fileOf(user));
    }

    /**
     * "Finir plus tard": keeps what is filled in for 30 more days. What is valid is saved, each invalid
     * field keeps its stored value; the returned errors list what was not saved. The caller's form is
     * left as typed (only the ids of saved children and of the file are written into it).
     */
    public List<FieldError> saveDraft(SignedInUser user, FamilyForm form) {
        if (isStaff(user)) {
            return List.of(new FieldError("", STAFF_HAS_NO_FILE));
        }
        Family f = fileOf(user);
        if (f.getStatus() != FamilyStatus.DRAFT) {
            return List.of(new FieldError("", "Votre dossier a déjà été envoyé : il ne peut plus être modifié ainsi."));
        }
        List<FieldError> errors = FamilyFileRules.check(form, false, today());
        FamilyForm valid = DraftForms.keepValid(form, errors, FamilyFileMapper.toForm(f));
        FamilyFileRules.normalize(valid);
        store(user, f);
        List<Child> saved = FamilyFileMapper.apply(valid, f);
        f.setDraftExpiresAt(now().plus(DRAFT_KEPT));
        em.flush();
        form.setFamilyId(f.getId());
        for (int i = 0; i < saved.size() && i < form.getChildren().size(); i++) {
            form.getChildren().get(i).setId(saved.get(i).getId());
        }
        return errors;
    }

    /** "Valider l'inscription": every missing or invalid field at once, and nothing saved unless all is right. */
    public List<FieldError> submit(SignedInUser user, FamilyForm form) {
        Family f = fileOf(user);
        if (f.getStatus() != FamilyStatus.DRAFT) {
            return List.of(new FieldError("", "Votre dossier a déjà été envoyé."));
        }
        if (isStaff(user)) {
            return List.of(new FieldError("", STAFF_HAS_NO_FILE));
        }
        List<FieldError> errors = FamilyFileRules.check(form, true, today());
        if (!errors.isEmpty()) {
            return errors;
        }
        FamilyFileRules.normalize(form);
        store(user, f);
        FamilyFileMapper.apply(form, f);
        f.setStatus(FamilyStatus.SUBMITTED);
        f.setSubmittedAt(now());
        f.setDraftExpiresAt(null);
        audit(user.email(), "DOSSIER_ENVOYE", f.getId(), null, null);
        familyMails.send(f.getEmail(), "Votre dossier famille a bien été envoyé",
                "Votre dossier famille a bien été envoyé au service enfance. Vous recevrez un courriel"
                        + " dès qu'il aura été validé.");
        return List.of();
    }

    /**
     * Deletes a pending file (draft or awaiting validation) and the family's account with it; if the
     * account cannot be deleted, nothing is. A validated file cannot be deleted this way.
     */
    public boolean deletePending(SignedInUser user) {
        Family f = fileOf(user);
        if (f.getStatus() == FamilyStatus.VALIDATED || isStaff(user)) {
            return false;
        }
        audit(user.email(), "DEMANDE_SUPPRIMEE", f.getId(), null, "dossier et compte supprimés");
        if (f.getId() != null) {
            em.remove(f);
            em.flush();
        }
        try {
            accounts.delete(TenantContext.require(), user.subject());
        } catch (KeycloakAccounts.AccountException e) {
            throw new AccountUnavailable("La suppression de votre compte n'a pas abouti : réessayez dans quelques"
                    + " instants. Rien n'a été supprimé.", e);
        }
        return true;
    }

    /** Keycloak could not be reached for an account operation: the transaction is rolled back. */
    public static class AccountUnavailable extends RuntimeException {
        public AccountUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Changes of a validated file, as requests for an agent: the family edits its whole file and each
     * kind of change (address, phones, conjoint, CAF, bank, new child, health data, contacts,
     * authorisations) becomes one request. Checked like a submission, but only where it changed.
     */
    public List<FieldError> requestChanges(SignedInUser user, FamilyForm proposed) {
        Family f = fileOf(user);
        if (f.getStatus() != FamilyStatus.VALIDATED) {
            return List.of(new FieldError("", "Votre dossier n'est pas encore validé : modifiez-le directement."));
        }
        FamilyForm current = FamilyFileMapper.toForm(f);
        var touched = FormChanges.diff(current, proposed).keySet();
        List<FieldError> errors = FamilyFileRules.check(proposed, true, today()).stream()
                .filter(e -> e.field().isEmpty() || touched.contains(FormChanges.typeOf(FormChanges.pointerOf(e.field()))))
                .toList();
        if (!errors.isEmpty()) {
            return errors;
        }
        FamilyFileRules.normalize(proposed);
        var changes = FormChanges.diff(current, proposed);
        if (changes.isEmpty()) {
            return List.of(new FieldError("", "Aucune modification par rapport à votre dossier."));
        }
        changes.forEach((type, values) -> em.persist(new ChangeRequest(f, type,
                FormChanges.toJsonText(FormChanges.valuesAt(current, values.keySet())), FormChanges.toJsonText(values))));
        return List.of();
    }

    /** The family's requests of the last month, newest first, optionally of one type. */
    public List<ChangeRequest> myRequests(SignedInUser user, ChangeRequest.Type type) {
        Family f = fileOf(user);
        if (f.getId() == null) {
            return List.of();
        }
        var query = em.createQuery("select r from ChangeRequest r where r.family = :f and r.createdAt >= :since"
                        + (type == null ? "" : " and r.type = :t") + " order by r.createdAt desc, r.id desc",
                        ChangeRequest.class)
                .setParameter("f", f).setParameter("since", now().minusMonths(1));
        if (type != null) {
            query.setParameter("t", type);
        }
        return query.getResultList();
    }

    // ---- agents -------------------------------------------------------------------------------

    public List<Family> awaitingValidation() {
        requireCommune();
        return em.createQuery("select f from Family f where f.status = :s order by f.submittedAt", Family.class)
                .setParameter("s", FamilyStatus.SUBMITTED).getResultList();
    }

    public Optional<Family> get(long id) {
        requireCommune();
        return Optional.ofNullable(em.find(Family.class, id));
    }

    public List<Family> search(String text) {
        requireCommune();
        String q = "%" + (text == null ? "" : text.trim().toLowerCase()) + "%";
        return em.createQuery("select distinct f from Family f left join f.children c where lower(f.label) like :q"
                + " or lower(f.email) like :q or lower(c.firstName) like :q or lower(c.lastName) like :q"
                + " order by f.label", Family.class).setParameter("q", q).setMaxResults(50).getResultList();
    }

    public void validate(String agent, long familyId) {
        Family f = get(familyId).orElseThrow(() -> new IllegalArgumentException("Dossier introuvable"));
        if (f.getStatus() != FamilyStatus.SUBMITTED) {
            throw new IllegalStateException("Ce dossier n'attend pas de validation.");
        }
        f.setStatus(FamilyStatus.VALIDATED);
        f.setValidatedAt(now());
        audit(agent, "DOSSIER_VALIDE", f.getId(), null, null);
        familyMails.send(f.getEmail(), "Votre dossier famille est validé", "Votre dossier famille a été validé par le service"
                + " enfance. Vous pouvez maintenant inscrire vos enfants aux activités.");
    }

    /**
     * An agent refuses a file sent for validation, with a reason that the family receives by mail with a
     * link to its Mon foyer page; the file goes back to draft so that the family can correct and send it
     * again.
     */
    public List<FieldError> refuseFile(String agent, long familyId, String reason, String portalUrl) {
        String why;
        try {
            why = Refused.decisionReason(false, reason);
        } catch (Refused e) {
            return List.of(new FieldError(e.field(), e.getMessage()));
        }
        Family f = get(familyId).orElseThrow(() -> new IllegalArgumentException("Dossier introuvable"));
        if (f.getStatus() != FamilyStatus.SUBMITTED) {
            return List.of(new FieldError("", "Ce dossier n'attend pas de validation."));
        }
        f.setStatus(FamilyStatus.DRAFT);
        f.setSubmittedAt(null);
        f.setDraftExpiresAt(now().plus(DRAFT_KEPT));
        audit(agent, "DOSSIER_REFUSE", f.getId(), null, why);
        familyMails.send(f.getEmail(), "Votre dossier famille est à compléter",
                "Le service enfance n'a pas pu valider votre dossier famille, pour le motif suivant :\n\n" + why
                        + "\n\nVous pouvez le corriger puis l'envoyer à nouveau depuis votre espace « Mon foyer » :\n"
                        + portalUrl);
        return List.of();
    }

    /** The reason of the last refusal of the family's file, while it is a draft again; else null. */
    public String lastRefusal(SignedInUser user) {
        Family f = fileOf(user);
        if (f.getId() == null || f.getStatus() != FamilyStatus.DRAFT) {
            return null;
        }
        List<String> reasons = em.createQuery("select a.detail from AuditEntry a where a.familyId = :f"
                        + " and a.action = 'DOSSIER_REFUSE' order by a.at desc, a.id desc", String.class)
                .setParameter("f", f.getId()).setMaxResults(1).getResultList();
        return reasons.isEmpty() ? null : reasons.get(0);
    }

    /**
     * A file created at the counter with the parent's e-mail. The family receives the mail to activate
     * its account (confirm the address, choose a password); its first sign-in with that e-mail links
     * the account to this file instead of creating another one ("première connexion").
     */
    public List<FieldError> createAtCounter(String agent, String firstName, String lastName, String email,
                                            String portalUrl) {
        requireCommune();
        List<FieldError> errors = new ArrayList<>();
        if (firstName == null || firstName.isBlank()) {
            errors.add(new FieldError("firstName", "Le prénom du responsable est obligatoire."));
        }
        if (lastName == null || lastName.isBlank()) {
            errors.add(new FieldError("lastName", "Le nom du responsable est obligatoire."));
        }
        if (firstName != null && firstName.strip().length() > 100) {
            errors.add(new FieldError("firstName", "Ce texte est trop long : 100 caractères au plus."));
        }
        if (lastName != null && lastName.strip().length() > 100) {
            errors.add(new FieldError("lastName", "Ce texte est trop long : 100 caractères au plus."));
        }
        if (email == null || !fr.portailfamille.platform.family.validation.FrenchFormats.isEmail(email)) {
            errors.add(new FieldError("email", "Adresse de courriel invalide, par exemple prenom.nom@exemple.fr."));
        } else if (!em.createQuery("select f.id from Family f where lower(f.email) = lower(:e)")
                .setParameter("e", email.trim()).getResultList().isEmpty()) {
            errors.add(new FieldError("email", "Un dossier existe déjà avec cette adresse."));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Family f = new Family("Foyer " + firstName.trim() + " " + lastName.trim(), email.trim());
        f.setStatus(FamilyStatus.VALIDATED);
        f.setValidatedAt(now());
        Responsable r1 = f.responsable(1);
        r1.setEmail(email.trim());
        r1.setFirstName(firstName.trim());
        r1.setLastName(lastName.trim());
        em.persist(f);
        em.flush();
        audit(agent, "DOSSIER_CREE_GUICHET", f.getId(), null, "invitation envoyée à " + email.trim());
        try {
            accounts.invite(TenantContext.require(), email.trim(), firstName.trim(), lastName.trim(), portalUrl);
        } catch (KeycloakAccounts.AccountException e) {
            throw new AccountUnavailable("Le courriel d'activation n'a pas pu être envoyé : le dossier n'est pas créé."
                    + " Réessayez dans quelques instants.", e);
        }
        return List.of();
    }

    /**
     * Pending change requests as this agent may see them: requests carrying health data only for the
     * {@code agent-sante} role (each such read is audited); left out for other agents.
     */
    public List<ChangeRequest> pendingRequests(SignedInUser agent) {
        requireCommune();
        boolean health = mayReadHealth(agent);
        List<ChangeRequest> visible = new ArrayList<>();
        for (ChangeRequest r : allPending()) {
            if (!touchesHealth(r)) {
                visible.add(r);
            } else if (health) {
                audit(agent.email(), "LECTURE_SANTE", r.getFamily().getId(), null, "demande en attente : " + r.getType().label());
                visible.add(r);
            }
        }
        return visible;
    }

    /** How many pending requests carry health data (what an agent without the role is not shown). */
    public long pendingHealthRequests() {
        requireCommune();
        return allPending().stream().filter(FamilyFileService::touchesHealth).count();
    }

    private List<ChangeRequest> allPending() {
        return em.createQuery("select r from ChangeRequest r join fetch r.family where r.status = :s order by r.createdAt",
                ChangeRequest.class).setParameter("s", ChangeRequest.Status.PENDING).getResultList();
    }

    /** Whether a change request holds health values (old or new). */
    static boolean touchesHealth(ChangeRequest r) {
        return FormChanges.touchesHealth(r.getType(), FormChanges.fromJsonText(r.getNewValue()))
                || FormChanges.touchesHealth(r.getType(), FormChanges.fromJsonText(r.getOldValue()));
    }

    public void accept(SignedInUser agent, long requestId) {
        ChangeRequest r = pending(requestId);
        boolean health = touchesHealth(r);
        if (health) {
            requireHealthReader(agent);
        }
        FamilyForm updated = FormChanges.apply(FamilyFileMapper.toForm(r.getFamily()),
                FormChanges.fromJsonText(r.getNewValue()));
        FamilyFileMapper.apply(updated, r.getFamily());
        r.decide(ChangeRequest.Status.ACCEPTED, agent.email(), null);
        audit(agent.email(), health ? "MODIFICATION_SANTE" : "DEMANDE_ACCEPTEE", r.getFamily().getId(), null, r.getType().name());
        familyMails.send(r.getFamily().getEmail(), "Votre demande de modification est acceptée",
                "Votre demande de modification (" + r.getType().label()
                        + ") a été acceptée et votre dossier est à jour.", "/espace/demandes.xhtml");
    }

    public List<FieldError> refuse(SignedInUser agent, long requestId, String reason) {
        try {
            Refused.decisionReason(false, reason);
        } catch (Refused e) {
            return List.of(new FieldError(e.field(), e.getMessage()));
        }
        ChangeRequest r = pending(requestId);
        if (touchesHealth(r)) {
            requireHealthReader(agent);
        }
        r.decide(ChangeRequest.Status.REFUSED, agent.email(), reason.trim());
        audit(agent.email(), "DEMANDE_REFUSEE", r.getFamily().getId(), null, r.getType().name());
        familyMails.send(r.getFamily().getEmail(), "Votre demande de modification est refusée",
                "Votre demande de modification (" + r.getType().label()
                        + ") a été refusée pour le motif suivant :\n\n" + reason.trim(), "/espace/demandes.xhtml");
        return List.of();
    }

    /**
     * The file as an agent reads or edits it. Health data is included (and the read audited, child by
     * child) only for an agent holding the {@code agent-sante} role; otherwise it is left out of the
     * form altogether. Agents of the current commune only.
     */
    public FamilyForm formForAgent(SignedInUser agent, long familyId) {
        FamilyDesk.requireAgent(agent);
        boolean withHealth = mayReadHealth(agent);
        Family f = get(familyId).orElseThrow(() -> new IllegalArgumentException("Dossier introuvable"));
        FamilyForm form = FamilyFileMapper.toForm(f);
        for (FamilyForm.ChildForm c : form.getChildren()) {
            if (withHealth) {
                audit(agent.email(), "LECTURE_SANTE", familyId, c.getId(), null);
            } else {
                clearHealth(c);
            }
        }
        return form;
    }

    /**
     * An agent's direct edit of a file (at the counter, on the phone with the family): saved only onto the
     * file the form was read from, formats checked, health data changed only by an agent allowed to, a
     * child removed only if nothing hangs on it, every change written to the audit log.
     */
    public List<FieldError> agentUpdate(SignedInUser agent, long familyId, FamilyForm form) {
        boolean withHealth = mayReadHealth(agent);
        Family f = get(familyId).orElseThrow(() -> new IllegalArgumentException("Dossier introuvable"));
        if (form.getFamilyId() == null || form.getFamilyId() != familyId) {
            throw new SecurityException("Ce formulaire a été ouvert sur un autre dossier : rien n'est enregistré."
                    + " Rouvrez le dossier à modifier.");
        }
        FamilyForm current = FamilyFileMapper.toForm(f);
        if (!withHealth) {
            keepHealth(current, form);
        }
        List<FieldError> errors = FamilyFileRules.check(form, false, today());
        if (!errors.isEmpty()) {
            return errors;
        }
        FamilyFileRules.normalize(form);
        List<Child> removed = FamilyFileMapper.removedBy(form, f);
        List<FieldError> inUse = childrenInUse(removed);
        if (!inUse.isEmpty()) {
            return inUse;
        }
        var changes = FormChanges.diff(current, form);
        if (changes.isEmpty() && removed.isEmpty()) {
            return List.of(new FieldError("", "Aucune modification."));
        }
        String who = agent.email();
        removed.forEach(c -> audit(who, "ENFANT_RETIRE", familyId, c.getId(), c.getFirstName()));
        FamilyFileMapper.apply(form, f);
        changes.forEach((type, values) -> audit(who, FormChanges.touchesHealth(type, values) ? "MODIFICATION_SANTE"
                : "MODIFICATION_AGENT", familyId, null, type.label() + " : " + String.join(", ", values.keySet())));
        return List.of();
    }

    /**
     * Children that cannot be removed from a file: those with bookings, activity registrations (and
     * their documents) or school pre-registrations; removing them would delete all that with them.
     */
    private List<FieldError> childrenInUse(List<Child> removed) {
        List<FieldError> errors = new ArrayList<>();
        for (Child c : removed) {
            long bookings = count("select count(*) from booking where child_id = ?1", c.getId());
            long registrations = count("select count(*) from registration where child_id = ?1", c.getId());
            long school = count("select count(*) from school_enrolment where child_id = ?1", c.getId());
            if (bookings + registrations + school > 0) {
                List<String> what = new ArrayList<>();
                if (bookings > 0) {
                    what.add(bookings + " réservation(s)");
                }
                if (registrations > 0) {
                    what.add(registrations + " inscription(s) aux activités");
                }
                if (school > 0) {
                    what.add(school + " inscription(s) scolaire(s)");
                }
                String name = ((c.getFirstName() == null ? "" : c.getFirstName()) + " "
                        + (c.getLastName() == null ? "" : c.getLastName())).trim();
                errors.add(new FieldError("children", "Impossible de retirer " + (name.isEmpty() ? "cet enfant" : name)
                        + " du dossier : " + String.join(", ", what) + " lui sont rattachées. Annulez-les d'abord ;"
                        + " rien n'a été enregistré."));
            }
        }
        return errors;
    }

    private long count(String sql, long id) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue();
    }

    private static void clearHealth(FamilyForm.ChildForm c) {
        c.setAllergies(null);
        c.setPai(false);
        c.setDiet(null);
        c.setDoctorName(null);
        c.setDoctorPhone(null);
        c.setGlasses(false);
        c.setMedicalNotes(null);
    }

    /** Puts back the stored health data of known children into a form edited without it. */
    private static void keepHealth(FamilyForm current, FamilyForm edited) {
        for (FamilyForm.ChildForm c : edited.getChildren()) {
            current.getChildren().stream().filter(k -> k.getId() != null && k.getId().equals(c.getId())).findFirst()
                    .ifPresentOrElse(k -> {
                        c.setAllergies(k.getAllergies());
                        c.setPai(k.isPai());
                        c.setDiet(k.getDiet());
                        c.setDoctorName(k.getDoctorName());
                        c.setDoctorPhone(k.getDoctorPhone());
                        c.setGlasses(k.isGlasses());
                        c.setMedicalNotes(k.getMedicalNotes());
                    }, () -> clearHealth(c));
        }
    }

    /** Health data of a child, for an agent holding the agent-sante role only; audited. */
    public Child readHealth(SignedInUser agent, long childId) {
        requireCommune();
        requireHealthReader(agent);
        Child c = Optional.ofNullable(em.find(Child.class, childId))
                .orElseThrow(() -> new IllegalArgumentException("Enfant introuvable"));
        audit(agent.email(), "LECTURE_SANTE", c.getFamily().getId(), c.getId(), null);
        return c;
    }

    /**
     * For health data served by other services (medical certificates): the signed-in caller, if any,
     * must hold the {@code agent-sante} role, and the read is audited.
     *
     * @throws SecurityException for a caller without the role
     */
    public void healthRead(String what, Long familyId, Long childId) {
        java.security.Principal caller = security.getCallerPrincipal();
        if (caller != null && !security.isCallerInRole(HEALTH_ROLE)) {
            throw new SecurityException(HEALTH_REFUSED);
        }
        audit(caller == null ? "systeme" : caller.getName(), "LECTURE_SANTE", familyId, childId, what);
    }

    public List<AuditEntry> auditOf(long familyId) {
        requireCommune();
        return em.createQuery("select a from AuditEntry a where a.familyId = :f order by a.at desc, a.id desc",
                AuditEntry.class).setParameter("f", familyId).getResultList();
    }

    /** Deletes drafts not saved for 30 days; returns how many. */
    public int purgeExpiredDrafts() {
        requireCommune();
        List<Family> expired = em.createQuery("select f from Family f where f.status = :s and f.draftExpiresAt < :now",
                Family.class).setParameter("s", FamilyStatus.DRAFT).setParameter("now", now()).getResultList();
        for (Family f : expired) {
            audit("systeme", "BROUILLON_PURGE", f.getId(), null, "non enregistré depuis 30 jours");
            em.remove(f);
        }
        return expired.size();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private ChangeRequest pending(long id) {
        requireCommune();
        ChangeRequest r = Optional.ofNullable(em.find(ChangeRequest.class, id))
                .orElseThrow(() -> new IllegalArgumentException("Demande introuvable"));
        if (r.getStatus() != ChangeRequest.Status.PENDING) {
            throw new IllegalStateException("Cette demande a déjà été traitée.");
        }
        return r;
    }

    private void audit(String actor, String action, Long familyId, Long childId, String detail) {
        em.persist(new AuditEntry(actor, action, familyId, childId, detail));
    }


    private static void requireCommune() {
    }

    private static void requireCommuneOf(SignedInUser user) {
        if (!TenantContext.require().slug().equals(user.communeSlug())) {
            throw new SecurityException("Compte d'une autre commune");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
