package fr.portailfamille.platform.family;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agents' decisions on the change requests of validated files: the pending requests an agent may see,
 * and accepting (the change is applied to the file) or refusing (with a reason) one of them; the family is
 * mailed either way. Requests carrying health data are for the {@code agent-sante} role only. Each public
 * method is one transaction.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class ChangeRequestDesk {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyMails familyMails;

    /**
     * Pending change requests as this agent may see them: requests carrying health data only for the
     * {@code agent-sante} role (each such read is audited); left out for other agents.
     */
    public List<ChangeRequest> pendingRequests(SignedInUser agent) {
        StaffRoles.requireAgent(agent);
        boolean health = HealthRecords.mayRead(agent);
        List<ChangeRequest> visible = new ArrayList<>();
        for (ChangeRequest r : allPending()) {
            if (!ChangeRequestApplication.touchesHealth(r)) {
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
        return allPending().stream().filter(ChangeRequestApplication::touchesHealth).count();
    }

    private List<ChangeRequest> allPending() {
        return em.createQuery("select r from ChangeRequest r join fetch r.family where r.status = :s order by r.createdAt",
                ChangeRequest.class).setParameter("s", ChangeRequest.Status.PENDING).getResultList();
    }

    /** Accepts a pending request: its change is applied to the file and the family is mailed. */
    public void accept(SignedInUser agent, long requestId) {
        StaffRoles.requireAgent(agent);
        ChangeRequest r = pending(requestId);
        if (ChangeRequestApplication.touchesHealth(r)) {
            HealthRecords.requireReader(agent);
        }
        // two requests of one family accepted at once are applied one after the other, each onto the file as the other
        // left it (each rewrites the children's contacts: side by side, both lists were kept)
        FamilyLocks.lock(em, r.getFamily());
        if (!ChangeRequestApplication.startsFromTheFile(r)) {
            // the file changed since the family asked (another request, an inscription scolaire, an agent): its older
            // values are not written back over the newer ones — the agent refuses it, the family asks again if need be
            throw new Refused(Refused.text("family.request.changedSince"));
        }
        ChangeRequestApplication.apply(r);
        r.decide(ChangeRequest.Status.ACCEPTED, agent.email(), null);
        audit(agent.email(), ChangeRequestApplication.auditAction(r), r.getFamily().getId(), null, r.getType().name());
        familyMails.send(r.getFamily().getEmail(), "Votre demande de modification est acceptée",
                "Votre demande de modification (" + r.getType().label()
                        + ") a été acceptée et votre dossier est à jour.", "/espace/demandes.xhtml");
    }

    /** Refuses a pending request with a reason (required, mailed to the family); errors on {@code reason}. */
    public List<FieldError> refuse(SignedInUser agent, long requestId, String reason) {
        StaffRoles.requireAgent(agent);
        try {
            Refused.decisionReason(false, reason);
        } catch (Refused e) {
            return List.of(new FieldError(e.field(), e.text()));
        }
        ChangeRequest r = pending(requestId);
        if (ChangeRequestApplication.touchesHealth(r)) {
            HealthRecords.requireReader(agent);
        }
        r.decide(ChangeRequest.Status.REFUSED, agent.email(), reason.trim());
        audit(agent.email(), "DEMANDE_REFUSEE", r.getFamily().getId(), null, r.getType().name());
        // a health request's reason may speak of the child's health: it stays on the portal
        familyMails.send(r.getFamily().getEmail(), "Votre demande de modification est refusée",
                ChangeRequestApplication.touchesHealth(r) ? "Votre demande de modification des données de santé a été"
                        + " refusée ; le motif est dans Mes demandes." : "Votre demande de modification ("
                        + r.getType().label() + ") a été refusée pour le motif suivant :\n\n" + reason.trim(),
                "/espace/demandes.xhtml");
        return List.of();
    }

    /**
     * The pending request {@code id}.
     *
     * @throws Refused a request no longer there (its family's account deleted) or already decided (by another agent,
     *     or a second click)
     */
    private ChangeRequest pending(long id) {
        // locked before its status is read: a second agent's decision waits, then finds it decided
        ChangeRequest r = Optional.ofNullable(em.find(ChangeRequest.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new Refused(Refused.text("family.request.notFound")));
        if (r.getStatus() != ChangeRequest.Status.PENDING) {
            throw new Refused(Refused.text("family.request.alreadyDecided"));
        }
        return r;
    }

    private void audit(String actor, String action, Long familyId, Long childId, String detail) {
        em.persist(new AuditEntry(actor, action, familyId, childId, detail));
    }
}
