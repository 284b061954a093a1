package fr.portailfamille.platform.family;

import fr.portailfamille.platform.kernel.AccountConflict;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.security.KeycloakAccounts;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.kernel.Denied;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantContext;
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
import java.util.List;

/**
 * The family file as the family itself fills it in: Mon foyer (draft, submission, deletion), change
 * requests of a validated file, and the nightly purge of old drafts. Each public method is one
 * transaction. A family only ever reaches its own file, found from its account (never from an id it
 * sends). What the agents do with files is in {@link FamilyDesk}, {@link ChangeRequestDesk},
 * {@link FamilyCounter}, {@link AgentFileEditor} and {@link HealthRecords}.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class FamilyFileService {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(FamilyFileService.class.getName());

    /** How long a draft ("Finir plus tard") is kept after its last save. */
    public static final Duration DRAFT_KEPT = Duration.ofDays(30);

    @Inject
    AgentFileEditor editor;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyMails familyMails;

    @Inject
    KeycloakAccounts accounts;

    @Inject
    FamiliesOfTransaction reached;

    Clock clock = PlatformTime.clock();

    /** "Les comptes des agents de la commune n'ont pas de dossier famille.", in any language. */
    private static Denied staffHasNoFile() {
        return new Denied(Refused.text("family.staff.noFile"));
    }

    /** Agents of the commune (with or without health data) are staff: they never get a family file. */
    public static boolean isStaff(SignedInUser user) {
        return StaffRoles.isStaff(user);
    }

    /**
     * The signed-in parent's file: the one linked to the account; else, on first sign-in, the file the
     * town created at the counter with the same (verified) e-mail ("première connexion"); else a new,
     * empty draft that is NOT stored (it is stored by the first "Finir plus tard" or "Valider", and
     * never for staff accounts), so opening Mon foyer creates nothing. Two accounts never get two files
     * for one family: the e-mail is unique among files.
     */
    /**
     * The file follows its account's address: a parent who changed it in Mon profil (Keycloak verifies it) gets the
     * platform's mails — decisions, reminders, invoices, receipts — at the new one. Left as it is while another file
     * holds that address (an agent's file waiting to be linked), which the logs tell.
     */
    private Family followEmail(Family f, SignedInUser user) {
        if (!user.emailVerified() || user.email() == null || user.email().isBlank()
                || user.email().equalsIgnoreCase(f.getEmail())) {
            return f;
        }
        if (!em.createQuery("select g.id from Family g where lower(g.email) = lower(:e) and g.id <> :id", Long.class)
                .setParameter("e", user.email()).setParameter("id", f.getId()).getResultList().isEmpty()) {
            LOG.warning(() -> "Adresse du dossier " + f.getId() + " non mise à jour : un autre dossier porte la nouvelle"
                    + " adresse de son compte");
            return f;
        }
        f.setEmail(user.email());
        LOG.info(() -> "Adresse du dossier " + f.getId() + " mise à jour d'après son compte");
        return f;
    }

    public Family fileOf(SignedInUser user) {
        requireCommuneOf(user);
        Long reachedId = reached.idOf(user.subject());
        Family already = reachedId == null ? null : em.find(Family.class, reachedId); // no SQL: same persistence context
        if (already != null && user.subject().equals(already.getSubject())) {
            return followEmail(already, user);
        }
        List<Family> mine = em.createQuery("select f from Family f where f.subject = :s", Family.class)
                .setParameter("s", user.subject()).getResultList();
        if (!mine.isEmpty()) {
            reached.remember(user.subject(), mine.get(0).getId());
            return followEmail(mine.get(0), user);
        }
        // a staff account never takes over a file of its address (an agent's own household made at the counter, read
        // through Mon profil): its family links it from a parent's account
        if (user.email() != null && !isStaff(user)) {
            List<Family> known = em.createQuery("select f from Family f where lower(f.email) = lower(:e)", Family.class)
                    .setParameter("e", user.email()).getResultList();
            if (!known.isEmpty()) {
                Family f = known.get(0);
                if (user.subject().equals(f.getSubject())) {
                    // linked to this very account between the two reads (another tab's first sign-in committed)
                    reached.remember(user.subject(), f.getId());
                    return f;
                }
                if (f.getSubject() == null && user.emailVerified()) {
                    // Linked by one guarded UPDATE, not by changing the entity: two first sign-ins at once (two
                    // tabs, a phone and a computer) wait on the row, one links, the other finds the file linked
                    // to the same account, instead of failing on the file's version.
                    int linked = em.createQuery("update Family f set f.subject = :s, f.version = f.version + 1"
                                    + " where f.id = :id and f.subject is null")
                            .setParameter("s", user.subject()).setParameter("id", f.getId()).executeUpdate();
                    em.refresh(f);
                    if (linked == 1) {
                        audit(user.email(), "PREMIERE_CONNEXION", f.getId(), null, "compte relié au dossier existant");
                    }
                    if (user.subject().equals(f.getSubject())) {
                        reached.remember(user.subject(), f.getId());
                        return f;
                    }
                }
                // a page that says what to do (the commune may unlink the file: FamilyDesk.unlinkAccount), not the 500 page
                throw new AccountConflict(f.getSubject() == null ? AccountConflict.Reason.EMAIL_NOT_VERIFIED
                        : AccountConflict.Reason.LINKED_ELSEWHERE, f.getId());
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
            throw staffHasNoFile();
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
            throw new Refused(Refused.text("family.file.notValidated"));
        }
        return family.getChildren().stream().filter(c -> c.getId() == childId).findFirst()
                .orElseThrow(() -> new Refused(Refused.text("family.child.notYours")));
    }

    /**
     * A family of the commune whose file is validated, for an agent acting for it (a booking taken at the counter or
     * on the phone): any agent; an unknown id and a file not validated are refused in words.
     */
    public Family validatedFamilyForAgent(SignedInUser agent, long familyId) {
        StaffRoles.requireAgent(agent);
        Family family = em.find(Family.class, familyId);
        if (family == null) {
            throw new Refused(Refused.text("booking.counter.familyUnknown"));
        }
        if (family.getStatus() != FamilyStatus.VALIDATED) {
            throw new Refused(Refused.text("booking.counter.notValidated"));
        }
        return family;
    }

    /** A child of {@link #validatedFamilyForAgent}'s family; a child of another family is refused as unknown. */
    public Child validatedChildForAgent(SignedInUser agent, long familyId, long childId) {
        return validatedFamilyForAgent(agent, familyId).getChildren().stream().filter(c -> c.getId() == childId).findFirst()
                .orElseThrow(() -> new Refused(Refused.text("booking.counter.childUnknown")));
    }

    public FamilyForm formOf(SignedInUser user) {
        return FamilyFileMapper.toForm(fileOf(user));
    }

    /**
     * The family's file as it opens it to change it ("Modifier mon dossier"): {@link #formOf} with its fingerprint, so that
     * {@link #requestChanges} refuses it if the file changed meanwhile (a request accepted) rather than ask to put the
     * older values back.
     */
    public FamilyForm formToChange(SignedInUser user) {
        FamilyForm form = formOf(user);
        form.setReadAs(FamilyFileMapper.fingerprint(form));
        return form;
    }

    /**
     * The children of the family's own file, in the file's order (the order of {@link #formOf}): ids and first
     * names only, one read of the children and none of the parents, contacts or health forms.
     */
    public List<FamilyChild> childrenOf(SignedInUser user) {
        return named(fileOf(user));
    }

    private static List<FamilyChild> named(Family f) {
        return f.getChildren().stream().map(c -> new FamilyChild(c.getId(), c.getFirstName())).toList();
    }

    /** A family file as the pages that only name its children need it: its status and children, in the file's order. */
    public record Overview(FamilyStatus status, List<FamilyChild> children) {
    }

    /**
     * The signed-in parent's file's status and children (ids and first names, in the order of {@link #childrenOf}),
     * one query over the account's own file and nothing else of it loaded; a file not linked to the account yet is
     * linked (or drafted) by {@link #fileOf} as any page does.
     */
    public Overview overviewOf(SignedInUser user) {
        requireCommuneOf(user);
        List<Object[]> rows = em.createQuery("select f.status, c.id, c.firstName from Family f left join f.children c"
                + " where f.subject = :s order by c.id", Object[].class).setParameter("s", user.subject()).getResultList();
        if (rows.isEmpty()) {
            Family f = fileOf(user);
            return new Overview(f.getStatus(), named(f));
        }
        List<FamilyChild> children = rows.stream().filter(r -> r[1] != null)
                .map(r -> new FamilyChild(((Number) r[1]).longValue(), (String) r[2])).toList();
        return new Overview((FamilyStatus) rows.get(0)[0], children);
    }

    /**
     * "Finir plus tard": keeps what is filled in for 30 more days. What is valid is saved, each invalid
     * field keeps its stored value; the returned errors list what was not saved. The caller's form is
     * left as typed (only the ids of saved children and of the file are written into it).
     */
    public List<FieldError> saveDraft(SignedInUser user, FamilyForm form) {
        if (isStaff(user)) {
            return List.of(new FieldError("", Refused.text("family.staff.noFile")));
        }
        lockAccount(user);
        Family f = fileOf(user);
        if (f.getStatus() != FamilyStatus.DRAFT) {
            return List.of(new FieldError("", Refused.text("family.file.sentNoDraft")));
        }
        List<FieldError> inUse = removedInUse(form, f);
        if (!inUse.isEmpty()) {
            return inUse;
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

    /**
     * A saved child the family takes out of its draft (« Retirer cet enfant ») while documents of Mes documents — or
     * anything else — hold to it: refused as an agent's edit refuses it (they went with the child, unsaid), nothing
     * saved; the family reads its own health documents, counted as such.
     */
    private List<FieldError> removedInUse(FamilyForm form, Family f) {
        return editor.childrenInUse(FamilyFileMapper.removedBy(form, f), true);
    }

    /** "Valider l'inscription": every missing or invalid field at once, and nothing saved unless all is right. */
    public List<FieldError> submit(SignedInUser user, FamilyForm form) {
        lockAccount(user);
        Family f = fileOf(user);
        if (f.getStatus() != FamilyStatus.DRAFT) {
            return List.of(new FieldError("", Refused.text("family.file.sent")));
        }
        if (isStaff(user)) {
            return List.of(new FieldError("", Refused.text("family.staff.noFile")));
        }
        List<FieldError> errors = FamilyFileRules.check(form, true, today());
        errors = new java.util.ArrayList<>(errors);
        errors.addAll(removedInUse(form, f));
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
     * One save of the account's file at a time: « Finir plus tard » or « Valider l'inscription » tapped twice (two
     * posts at once) — the second waits for the first to commit, then finds its file (a never-saved draft was stored
     * twice and failed on the address's unique index; a stored one failed on its version: the error page).
     */
    private void lockAccount(SignedInUser user) {
        requireCommuneOf(user);
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) l")
                .setParameter(1, "family-account:" + user.subject()).getSingleResult();
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
        if (f.getId() != null && !em.createNativeQuery("select 1 from family where id = ?1 and " + HOLDS_MONEY)
                .setParameter(1, f.getId()).getResultList().isEmpty()) {
            // money records (a payment, a card payment tried, a mandate, a porte-monnaie) are the régie's to keep
            throw new Refused(Refused.text("family.file.holdsMoney"));
        }
        audit(user.email(), "DEMANDE_SUPPRIMEE", f.getId(), null, "dossier et compte supprimés");
        if (f.getId() != null) {
            reached.forget(user.subject());
            em.remove(f);
            em.flush();
        }
        try {
            accounts.delete(TenantContext.require(), user.subject());
        } catch (KeycloakAccounts.AccountException e) {
            throw new AccountUnavailable(Refused.text("family.account.deleteFailed"), e);
        }
        return true;
    }


    /** A child's field's path in the checks ("children[1].doctorPhone"): the child's position. */
    private static final java.util.regex.Pattern CHILD_FIELD = java.util.regex.Pattern.compile("children\\[(\\d+)]\\..+");

    /**
     * Whether a problem of a changed file is told though its kind of change looks untouched: a new child's field (the
     * child goes as one request, its health data and contacts with it: dropped, a doctor's phone was lost and a contact
     * without phone made a request no agent could accept), a value whose text could not be read (it changed nothing yet:
     * dropped, the typed quotient was lost without a word).
     */
    static boolean toldAnyway(FamilyForm proposed, String field) {
        java.util.regex.Matcher child = CHILD_FIELD.matcher(field);
        if (child.matches()) {
            int i = Integer.parseInt(child.group(1));
            return i < proposed.getChildren().size() && proposed.getChildren().get(i).getId() == null;
        }
        return field.equals("quotientFamilial") && proposed.isQuotientFamilialUnreadable()
                || field.equals("monthlyResources") && proposed.isMonthlyResourcesUnreadable();
    }

    /**
     * Changes of a validated file, as requests for an agent: the family edits its whole file and each
     * kind of change (address, phones, conjoint, CAF, bank, new child, health data, contacts,
     * authorisations) becomes one request. Checked like a submission, but only where it changed. The parent's own
     * consent to the commune's information is no request: it is written at once and audited (as from Mon profil).
     */
    public List<FieldError> requestChanges(SignedInUser user, FamilyForm proposed) {
        Family f = fileOf(user);
        if (f.getStatus() != FamilyStatus.VALIDATED) {
            return List.of(new FieldError("", Refused.text("family.file.notValidatedYet")));
        }
        // the same changes sent twice at once (a double tap) wait here: the second finds the first's requests
        FamilyLocks.lock(em, f);
        FamilyForm current = FamilyFileMapper.toForm(f);
        if (proposed.getReadAs() != null && !proposed.getReadAs().equals(FamilyFileMapper.fingerprint(current))) {
            // opened before an agent accepted a request (or the file changed otherwise): its older values would be asked
            // back, as changes the family never made
            return List.of(new FieldError("", Refused.text("family.changes.changedMeanwhile")));
        }
        if (!proposed.isWithResponsable2()) {
            // a conjoint typed, then unticked: what its hidden fields still hold is no change to ask (accepted, it did
            // nothing, and the family was told its file was up to date)
            proposed.setResponsable2(current.getResponsable2());
        }
        var touched = FormChanges.requested(current, proposed).keySet();
        List<FieldError> errors = FamilyFileRules.check(proposed, true, today(), current).stream()
                .filter(e -> e.field().isEmpty() || toldAnyway(proposed, e.field())
                        || touched.contains(FormChanges.typeOf(FormChanges.pointerOf(e.field()))))
                .toList();
        if (!errors.isEmpty()) {
            return errors;
        }
        FamilyFileRules.normalize(proposed);
        var changes = FormChanges.requested(current, proposed);
        // a child's authorised contacts are asked as one list: a second list asked before the first is decided would,
        // once both are accepted, replace the first's (the person it added gone without a word) — one at a time
        for (String pointer : changes.getOrDefault(ChangeRequest.Type.CONTACTS, java.util.Map.of()).keySet()) {
            String asked = FormChanges.toJsonText(changes.get(ChangeRequest.Type.CONTACTS));
            if (!em.createNativeQuery("select 1 from change_request where family_id = ?1 and type = 'CONTACTS'"
                            + " and status = 'PENDING' and new_value <> ?3 and position(?2 in new_value) > 0")
                    .setParameter(1, f.getId()).setParameter(2, "\"" + pointer + "\"").setParameter(3, asked)
                    .getResultList().isEmpty()) {
                java.util.regex.Matcher child = java.util.regex.Pattern.compile("/children/(\\d+)/").matcher(pointer + "/");
                String name = child.find() && Integer.parseInt(child.group(1)) < proposed.getChildren().size()
                        ? proposed.getChildren().get(Integer.parseInt(child.group(1))).getFirstName() : "";
                return List.of(new FieldError("", Refused.text("family.contacts.pending", name == null ? "" : name)));
            }
        }
        // the consent written only once nothing above refused the send (the page says nothing was saved)
        FamilyForm.Person own = proposed.getResponsable1();
        boolean consent = own != null && applyOwnConsent(user, f, own.isConsentEmail(), own.isConsentSms());
        if (changes.isEmpty() && !consent) {
            return List.of(new FieldError("", Refused.text("family.file.noChange")));
        }
        changes.forEach((type, values) -> {
            String asked = FormChanges.toJsonText(values);
            if (em.createNativeQuery("select 1 from change_request where family_id = ?1 and type = ?2 and status = 'PENDING'"
                    + " and new_value = ?3").setParameter(1, f.getId()).setParameter(2, type.name()).setParameter(3, asked)
                    .getResultList().isEmpty()) {
                em.persist(new ChangeRequest(f, type, FormChanges.toJsonText(FormChanges.valuesAt(current, values.keySet())), asked));
            } // else: the very same request already waits (sent twice): one decision, one mail
        });
        return List.of();
    }

    /**
     * The signed-in parent's own consent to the commune's information by e-mail and by SMS (Mon profil), written at
     * once on its responsable in the file (rank 1, the one its account belongs to), whatever the file's status: a
     * person's choice, never a change request; audited when it changes. Refused while the family has no stored
     * file (the consent is then given in Mon foyer) and for staff accounts. Returns whether it changed.
     */
    public boolean setOwnConsent(SignedInUser user, boolean email, boolean sms) {
        if (isStaff(user)) {
            throw staffHasNoFile();
        }
        Family f = fileOf(user);
        if (f.getId() == null) {
            throw noFileYet();
        }
        return applyOwnConsent(user, f, email, sms);
    }

    /**
     * Why a consent cannot be recorded yet: there is no family file to hold it ("Votre dossier famille n'existe pas
     * encore : indiquez votre accord dans Mon foyer en le remplissant.", in any language).
     */
    public static Refused noFileYet() {
        return new Refused(Refused.text("family.consent.noFileYet"));
    }

    private boolean applyOwnConsent(SignedInUser user, Family f, boolean email, boolean sms) {
        Responsable r = f.responsable(1);
        if (r.isConsentEmail() == email && r.isConsentSms() == sms) {
            return false;
        }
        r.setConsentEmail(email);
        r.setConsentSms(sms);
        audit(user.email(), "CONSENTEMENT", f.getId(), null, "informations de la commune – courriel : "
                + (email ? "oui" : "non") + ", SMS : " + (sms ? "oui" : "non"));
        return true;
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
     * SQL: whether {@code family} has money records, kept for the régie's books (they name the family, no cascade): such
     * a file is neither purged nor deleted with its account.
     */
    static final String HOLDS_MONEY = "(" + java.util.stream.Stream.of("invoice", "payment", "account_credit", "online_payment",
            "wallet", "sepa_mandate").map(t -> "exists (select 1 from " + t + " x where x.family_id = family.id)")
            .collect(java.util.stream.Collectors.joining(" or ")) + ")";

    /**
     * Deletes drafts not saved for 30 days; returns how many. Each replica's job runs it at the same hour: the drafts are
     * taken locked, those another replica is deleting skipped (it used to wait for them, then fail on their version). A
     * draft with a conversation with the town hall (a file sent back, « Pourquoi ? ») is kept while the conversation is:
     * it went with the family, the agents' replies and files with it, long before the 3 years a conversation is kept
     * (RetentionPurge removes it then, and the draft the next night).
     */
    public int purgeExpiredDrafts() {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select id from family where status = 'DRAFT' and draft_expires_at < ?1"
                + " and not " + HOLDS_MONEY + " and not exists (select 1 from message_thread t where t.family_id = family.id)"
                + " order by id for update skip locked").setParameter(1, now()).getResultList();
        List<Family> expired = ids.stream().map(id -> em.find(Family.class, ((Number) id).longValue()))
                .filter(java.util.Objects::nonNull).toList();
        for (Family f : expired) {
            audit("systeme", "BROUILLON_PURGE", f.getId(), null, "non enregistré depuis 30 jours");
            em.remove(f);
        }
        return expired.size();
    }


    private void audit(String actor, String action, Long familyId, Long childId, String detail) {
        em.persist(new AuditEntry(actor, action, familyId, childId, detail));
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
        return PlatformTime.today(clock);
    }
}
