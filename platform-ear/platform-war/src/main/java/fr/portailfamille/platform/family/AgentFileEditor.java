package fr.portailfamille.platform.family;

import fr.portailfamille.billing.sepa.SepaRules;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An agent's direct edit of a family file (page agent/famille-modifier), one transaction per save: the
 * form is read through {@link FamilyDesk#formForAgent}, and saved here with the same rules as the
 * family's, health data kept unless the agent may change it, every change audited.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class AgentFileEditor {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    Clock clock = PlatformTime.clock();

    /**
     * An agent's direct edit of a file (at the counter, on the phone with the family): saved only onto the
     * file the form was read from, formats checked, health data changed only by an agent allowed to, a
     * child removed only if nothing hangs on it, every change written to the audit log.
     *
     * @throws Refused a form posted with another file's id (a second tab: nothing is saved), a file no longer there, a
     *     file changed since the form was read
     */
    public List<FieldError> update(SignedInUser agent, long familyId, FamilyForm form) {
        StaffRoles.requireAgent(agent);
        boolean withHealth = HealthRecords.mayRead(agent);
        Family f = Optional.ofNullable(em.find(Family.class, familyId)).orElseThrow(FamilyDesk::notFound);
        if (form.getFamilyId() == null || form.getFamilyId() != familyId) {
            throw new Refused(Refused.text("family.edit.otherFile"));
        }
        // a request accepted at the same moment waits, or is waited for: the check below reads the file as it is
        FamilyLocks.lock(em, f);
        FamilyForm current = FamilyFileMapper.toForm(f);
        if (form.getReadAs() != null && !form.getReadAs().equals(asAgentReads(f, withHealth, agent))) {
            // changed since the agent opened it (a request accepted, another agent's edit): saving the form would put
            // the older values back, and drop a child added meanwhile
            throw new Refused(Refused.text("family.edit.changedMeanwhile"));
        }
        if (!form.isWithResponsable2()) {
            // a conjoint typed, then unticked: not saved, nor written in the journal as a change
            form.setResponsable2(current.getResponsable2());
        }
        String shownIban = form.getIban();
        if (!withHealth) {
            keepHealth(current, form);
        }
        if (!agent.hasRole(StaffRoles.REGISSEUR) && current.getIban() != null
                && SepaRules.maskIban(current.getIban()).equals(form.getIban())) {
            form.setIban(current.getIban()); // shown masked, left as it was: the stored IBAN stays
        }
        List<FieldError> errors = save(agent, f, current, form);
        if (!errors.isEmpty()) {
            // the form goes back to the agent's page: as it was shown, without what the agent may not read
            form.setIban(shownIban);
            if (!withHealth) {
                form.getChildren().forEach(HealthRecords::clear);
            }
        }
        return errors;
    }

    /** The checked form saved over the file: nothing saved and why when it cannot be. */
    private List<FieldError> save(SignedInUser agent, Family f, FamilyForm current, FamilyForm form) {
        long familyId = f.getId();
        List<FieldError> errors = new ArrayList<>(FamilyFileRules.check(form, false, today(), current));
        // a quotient given or changed in a file sent or validated comes with its source and proof date, as the family's
        // own (saved without, the family was billed at the maximum tariff); a file completed bit by bit at the counter
        // keeps the draft's rules otherwise
        if (f.getStatus() != FamilyStatus.DRAFT && !(Objects.equals(form.getQuotientFamilial(), current.getQuotientFamilial())
                && Objects.equals(form.getQfSource(), current.getQfSource())
                && Objects.equals(form.getQfProofDate(), current.getQfProofDate()))) {
            FamilyFileRules.quotientWithoutProof(form).stream()
                    .filter(e -> errors.stream().noneMatch(x -> x.field().equals(e.field()))).forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        FamilyFileRules.normalize(form);
        List<Child> removed = FamilyFileMapper.removedBy(form, f);
        List<FieldError> inUse = childrenInUse(removed, fr.portailfamille.platform.security.StaffRoles.mayReadHealth(agent));
        if (!inUse.isEmpty()) {
            return inUse;
        }
        if (!removed.isEmpty() && count("select count(*) from change_request where family_id = ?1 and status = 'PENDING'"
                + " and new_value like '%\"/children/%'", familyId) > 0) {
            // the family's pending requests point at its children by their place in the file (/children/1/allergies):
            // a child removed before them would move them onto a sibling
            return List.of(new FieldError("children", Refused.text("family.child.pendingRequests")));
        }
        var changes = FormChanges.diff(current, form);
        if (changes.isEmpty() && removed.isEmpty()) {
            return List.of(new FieldError("", Refused.text("family.edit.noChange")));
        }
        if (pendingRequestOn(familyId, changes)) {
            // a request of the family accepted after this edit would write its values over it (the city given at the
            // counter back to the one asked before), or add a second time the child added here
            return List.of(new FieldError("", Refused.text("family.edit.pendingRequest")));
        }
        String who = agent.email();
        removed.forEach(c -> audit(who, "ENFANT_RETIRE", familyId, c.getId(), c.getFirstName()));
        FamilyFileMapper.apply(form, f);
        if (f.getStatus() == FamilyStatus.DRAFT) {
            // a draft completed by an agent (a parent on the phone) is kept as the family's own saves keep it
            f.setDraftExpiresAt(OffsetDateTime.now(clock).plus(FamilyFileService.DRAFT_KEPT));
        }
        changes.forEach((type, values) -> audit(who, FormChanges.touchesHealth(type, values) ? "MODIFICATION_SANTE"
                : "MODIFICATION_AGENT", familyId, null, type.label() + " : " + String.join(", ", values.keySet())));
        return List.of();
    }

    /** Whether a pending request of the family asks a value at (or within, or around) a pointer the edit changes. */
    private boolean pendingRequestOn(long familyId, Map<ChangeRequest.Type, Map<String, jakarta.json.JsonValue>> changes) {
        Set<String> changed = new HashSet<>();
        changes.values().forEach(values -> changed.addAll(values.keySet()));
        List<?> pending = em.createNativeQuery("select new_value from change_request where family_id = ?1 and status = 'PENDING'")
                .setParameter(1, familyId).getResultList();
        for (Object asked : pending) {
            for (String p : FormChanges.fromJsonText((String) asked).keySet()) {
                if (changed.stream().anyMatch(c -> c.equals(p) || c.startsWith(p + "/") || p.startsWith(c + "/"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * An agent overrides the family's residency for the tariffs (resident, non-resident), or gives it back
     * to the address ({@code null}: the postcode against the commune's resident postcodes); audited.
     */
    public void setResidency(SignedInUser agent, long familyId, Boolean resident) {
        StaffRoles.requireAgent(agent);
        Family f = Optional.ofNullable(em.find(Family.class, familyId)).orElseThrow(FamilyDesk::notFound);
        if (java.util.Objects.equals(f.getResidentOverride(), resident)) {
            return;
        }
        f.setResidentOverride(resident);
        audit(agent.email(), "RESIDENCE", familyId, null, resident == null ? "selon le code postal"
                : resident ? "résident (décision de l'agent)" : "non-résident (décision de l'agent)");
    }

    /**
     * Children that cannot be removed from a file: those with bookings, activity registrations (and
     * their documents), school pre-registrations or documents; removing them would delete all that with them. An agent
     * without {@code agent-sante} is not told how many of its documents are health ones, only that « d'autres pièces du
     * dossier » hold the child (the removal must be refused all the same).
     */
    /**
     * Why the children {@code removed} from a file cannot be (their bookings, registrations, school requests, documents
     * of Mes documents — health ones counted as « d'autres pièces » unless {@code readsHealth}), one error each on
     * {@code children}; empty when none holds anything. The family's own draft too ({@link FamilyFileService}).
     */
    List<FieldError> childrenInUse(List<Child> removed, boolean readsHealth) {
        List<FieldError> errors = new ArrayList<>();
        for (Child c : removed) {
            long bookings = count("select count(*) from booking where child_id = ?1", c.getId());
            long registrations = count("select count(*) from registration where child_id = ?1", c.getId());
            long school = count("select count(*) from school_enrolment where child_id = ?1", c.getId());
            // the child's documents of Mes documents go with it (health ones too, which the agent may not read: they
            // block it as well, counted only for agent-sante, « d'autres pièces du dossier » for the others)
            long documents = count("select count(*) from family_document where child_id = ?1"
                    + (readsHealth ? "" : " and not health"), c.getId());
            long hidden = readsHealth ? 0 : count("select count(*) from family_document where child_id = ?1 and health",
                    c.getId());
            if (bookings + registrations + school + documents + hidden > 0) {
                List<Message> what = new ArrayList<>();
                if (bookings > 0) {
                    what.add(Refused.text("family.child.inUse.bookings", bookings));
                }
                if (registrations > 0) {
                    what.add(Refused.text("family.child.inUse.registrations", registrations));
                }
                if (school > 0) {
                    what.add(Refused.text("family.child.inUse.school", school));
                }
                if (documents > 0) {
                    what.add(Refused.text("family.child.inUse.documents", documents));
                }
                if (hidden > 0) {
                    what.add(Refused.text("family.child.inUse.other"));
                }
                Message list = what.get(0);
                for (Message next : what.subList(1, what.size())) {
                    list = Refused.text("family.child.inUse.list", list, next);
                }
                String name = ((c.getFirstName() == null ? "" : c.getFirstName()) + " "
                        + (c.getLastName() == null ? "" : c.getLastName())).trim();
                errors.add(new FieldError("children", Refused.text("family.child.inUse",
                        name.isEmpty() ? Refused.text("family.child.this") : name, list)));
            }
        }
        return errors;
    }

    private long count(String sql, long id) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue();
    }

    /**
     * The family's IBAN as an agent reads it: whole for a régisseur (money actions), masked for the others
     * ({@code FR76 **** **** 0189}), as the mandates' pages show it.
     */
    static void maskBankDetails(SignedInUser agent, FamilyForm form) {
        if (!agent.hasRole(StaffRoles.REGISSEUR) && form.getIban() != null && !form.getIban().isBlank()) {
            form.setIban(SepaRules.maskIban(form.getIban()));
        }
    }

    /** The fingerprint of file {@code f} as {@link FamilyDesk#formForAgent} gives it to an agent with or without health. */
    private static String asAgentReads(Family f, boolean withHealth, SignedInUser agent) {
        FamilyForm now = FamilyFileMapper.toForm(f);
        if (!withHealth) {
            now.getChildren().forEach(HealthRecords::clear);
        }
        maskBankDetails(agent, now);
        return FamilyFileMapper.fingerprint(now);
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
                    }, () -> HealthRecords.clear(c));
        }
    }

    private void audit(String actor, String action, Long familyId, Long childId, String detail) {
        em.persist(new AuditEntry(actor, action, familyId, childId, detail));
    }

    private LocalDate today() {
        return PlatformTime.today(clock);
    }
}
