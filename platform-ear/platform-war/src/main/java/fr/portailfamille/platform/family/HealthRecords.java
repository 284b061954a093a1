package fr.portailfamille.platform.family;

import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Health data (fiche sanitaire, medical certificates): read and changed by agents holding the
 * {@code agent-sante} role only, every read written to the audit log. Each public method is one
 * transaction.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class HealthRecords {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    SecurityContext security;

    /** Whether this agent may read and change health data. */
    public static boolean mayRead(SignedInUser agent) {
        return StaffRoles.mayReadHealth(agent);
    }

    /** @throws SecurityException for an agent without the {@code agent-sante} role */
    static void requireReader(SignedInUser agent) {
        if (!mayRead(agent)) {
            throw StaffRoles.healthOnly();
        }
    }

    /** Leaves the health fields of a child's form empty (for an agent who may not read them). */
    static void clear(FamilyForm.ChildForm c) {
        c.setAllergies(null);
        c.setPai(false);
        c.setDiet(null);
        c.setDoctorName(null);
        c.setDoctorPhone(null);
        c.setGlasses(false);
        c.setMedicalNotes(null);
    }

    /** Health data of a child, for an agent holding the agent-sante role only; audited. */
    public Child readHealth(SignedInUser agent, long childId) {
        requireReader(agent);
        Child c = Optional.ofNullable(em.find(Child.class, childId))
                .orElseThrow(() -> new IllegalArgumentException("Enfant introuvable"));
        audit(agent.email(), "LECTURE_SANTE", c.getFamily().getId(), c.getId(), null);
        return c;
    }

    /**
     * For health data other services serve to an agent (a medical certificate, a registration's health document): the
     * agent, of this commune, must hold the {@code agent-sante} role, and the read is audited under the agent's address.
     *
     * @throws SecurityException otherwise
     */
    public void healthRead(SignedInUser agent, String what, Long familyId, Long childId) {
        StaffRoles.requireHealthAgent(agent);
        audit(agent.email(), "LECTURE_SANTE", familyId, childId, what);
    }

    /**
     * For health data served by other services (medical certificates): the signed-in caller, if any,
     * must hold the {@code agent-sante} role, and the read is audited.
     *
     * @throws SecurityException for a caller without the role
     */
    public void healthRead(String what, Long familyId, Long childId) {
        requireHealthCaller();
        java.security.Principal caller = security.getCallerPrincipal();
        audit(caller == null ? "systeme" : caller.getName(), "LECTURE_SANTE", familyId, childId, what);
    }

    /**
     * The check of {@link #healthRead(String, Long, Long)} alone, before a service reads what the audit names.
     *
     * @throws SecurityException for a signed-in caller without the {@code agent-sante} role
     */
    public void requireHealthCaller() {
        if (security.getCallerPrincipal() != null && !security.isCallerInRole(StaffRoles.HEALTH)) {
            throw StaffRoles.healthOnly();
        }
    }

    private void audit(String actor, String action, Long familyId, Long childId, String detail) {
        em.persist(new AuditEntry(actor, action, familyId, childId, detail));
    }
}
