package fr.portailfamille.platform.registration;

import fr.portailfamille.platform.kernel.Rows;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The education service's queue of school pre-registrations (page agent/scolaires): one COUNT and one
 * page query, the decision and the bulk acceptance, each one transaction behind
 * {@link StaffRoles#requireAgent}.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class SchoolQueue {

    /** A school request waiting for a decision, as the queue lists it. */
    public record SchoolRequestToDecide(long id, String childFirstName, String childLastName, String school,
                                        String schoolYear, String level, String comment, OffsetDateTime submittedAt)
            implements Serializable {
    }

    static final Map<String, String> SORTS = Map.of("child", "c.last_name, c.first_name", "school", "e.name",
            // the school year, then the levels youngest first (TPS … CM2), not their codes' alphabetical order
            "level", "s.school_year, array_position(string_to_array('"
                    + String.join(",", fr.portailfamille.configuration.SchoolLevel.codes()) + "', ','), s.level::text)",
            "submittedAt", "s.submitted_at");

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    RegistrationService registrations;

    /** How many school requests wait for a decision (the menu's count). */
    public long count(SignedInUser agent) {
        StaffRoles.requireAgent(agent);
        return ((Number) em.createNativeQuery("select count(*) from school_enrolment where status = 'SUBMITTED'")
                .getSingleResult()).longValue();
    }

    /** One page of the school requests waiting for a decision, oldest first unless sorted otherwise. */
    public List<SchoolRequestToDecide> page(SignedInUser agent, int offset, int limit, Sort sort) {
        StaffRoles.requireAgent(agent);
        List<SchoolRequestToDecide> page = new ArrayList<>();
        for (Object row : em.createNativeQuery("select s.id, c.first_name, c.last_name, e.name, s.school_year, s.level,"
                        + " s.comment, s.submitted_at from school_enrolment s join child c on c.id = s.child_id"
                        + " join establishment e on e.id = s.establishment_id where s.status = 'SUBMITTED'"
                        + " order by " + sort.orderBy(SORTS, "s.submitted_at", "s.id") + " offset ?1 limit ?2")
                .setParameter(1, Sort.offset(offset)).setParameter(2, Sort.limit(limit)).getResultList()) {
            Object[] r = (Object[]) row;
            page.add(new SchoolRequestToDecide(Rows.id(r[0]), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], Rows.time(r[7])));
        }
        return page;
    }

    /** Accepts or refuses a school request (a refusal needs a reason); the family is mailed. */
    public void decide(SignedInUser agent, long enrolmentId, boolean accept, String reason) {
        StaffRoles.requireAgent(agent);
        registrations.decideSchool(agent, enrolmentId, accept, reason);
    }

    /** Accepts several school requests at once: all or none (one transaction). */
    public int acceptAll(SignedInUser agent, Collection<Long> enrolmentIds) {
        StaffRoles.requireAgent(agent);
        // locked in id order, whatever the ticks' order: two agents' overlapping selections wait, not deadlock
        for (long id : new java.util.TreeSet<>(enrolmentIds)) {
            try {
                registrations.decideSchool(agent, id, true, null);
            } catch (fr.portailfamille.platform.kernel.Refused e) {
                // which of the ticked rows stops the whole selection, by its child and school (as the registrations')
                throw new fr.portailfamille.platform.kernel.Refused(fr.portailfamille.platform.kernel.Refused.text(
                        "registration.bulk.schoolRow", rowName(id), e.text()));
            }
        }
        return enrolmentIds.size();
    }

    /** « Léa Martin – École Jules Ferry »: a school request as its row reads (its number when it is not the commune's). */
    private fr.portailfamille.problems.Message rowName(long enrolmentId) {
        List<?> row = em.createNativeQuery("select c.first_name || ' ' || c.last_name || ' – ' || e.name from school_enrolment s"
                + " join child c on c.id = s.child_id join establishment e on e.id = s.establishment_id where s.id = ?1")
                .setParameter(1, enrolmentId).getResultList();
        return fr.portailfamille.problems.Message.literal(row.isEmpty() ? "n° " + enrolmentId : (String) row.get(0));
    }
}
