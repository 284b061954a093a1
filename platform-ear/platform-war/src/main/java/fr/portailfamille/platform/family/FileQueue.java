package fr.portailfamille.platform.family;

import fr.portailfamille.platform.kernel.Rows;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Agents' queue of family files sent for validation (page agent/dossiers): one COUNT and one page
 * query, and the decisions, each one transaction behind {@link StaffRoles#requireAgent}.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class FileQueue {

    /** A file awaiting validation, as the queue lists it. */
    public record FileToValidate(long id, String label, String email, int children, OffsetDateTime submittedAt)
            implements Serializable {
    }

    static final Map<String, String> SORTS = Map.of("label", "f.label", "email", "f.email",
            "submittedAt", "f.submitted_at");

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyDesk desk;

    /** How many files wait for validation (the menu's count). */
    public long count(SignedInUser agent) {
        StaffRoles.requireAgent(agent);
        return em.createQuery("select count(f) from Family f where f.status = :s", Long.class)
                .setParameter("s", FamilyStatus.SUBMITTED).getSingleResult();
    }

    /** One page of the files awaiting validation, oldest first unless sorted otherwise. */
    public List<FileToValidate> page(SignedInUser agent, int offset, int limit, Sort sort) {
        StaffRoles.requireAgent(agent);
        // native: the children are counted by a subquery (JPQL's SIZE() would join them and drop childless files)
        List<FileToValidate> page = new java.util.ArrayList<>();
        for (Object row : em.createNativeQuery("select f.id, f.label, f.email,"
                        + " (select count(*) from child c where c.family_id = f.id), f.submitted_at from family f"
                        + " where f.status = 'SUBMITTED' order by " + sort.orderBy(SORTS, "f.submitted_at", "f.id")
                        + " offset ?1 limit ?2")
                .setParameter(1, Sort.offset(offset)).setParameter(2, Sort.limit(limit)).getResultList()) {
            Object[] r = (Object[]) row;
            page.add(new FileToValidate(Rows.id(r[0]), (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                    Rows.time(r[4])));
        }
        return page;
    }

    /** Validates a file; the family is mailed. */
    public void validate(SignedInUser agent, long familyId) {
        desk.validate(agent, familyId);
    }

    /** Refuses a file with a reason (required, mailed to the family); errors on the field {@code reason}. */
    public List<FieldError> refuse(SignedInUser agent, long familyId, String reason, String portalUrl) {
        return desk.refuseFile(agent, familyId, reason, portalUrl);
    }

    /** Validates several files at once: all or none (one transaction). */
    public int validateAll(SignedInUser agent, Collection<Long> familyIds) {
        StaffRoles.requireAgent(agent);
        // locked in id order, whatever the ticks' order: two agents' overlapping selections wait, not deadlock (as the
        // other queues' bulk decisions)
        java.util.SortedSet<Long> ids = new java.util.TreeSet<>(familyIds);
        for (long id : ids) {
            desk.validate(agent, id);
        }
        return ids.size();
    }
}
