package fr.portailfamille.platform.booking;

import fr.portailfamille.platform.family.AuditEntry;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The queue of medical certificates to review (page agent/certificats): health data, so listed and
 * reviewed by {@code agent-sante} agents only ({@link StaffRoles#requireHealthAgent}), every listed
 * certificate's read audited. One COUNT and one page query; no bulk decision: each certificate is read.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class CertificateQueue {

    /**
     * An absence whose certificate waits for review, as the queue lists it, with what the family wrote when it
     * declared it ({@code comment}, "Précisions"; {@code null} when nothing).
     */
    public record CertificateToReview(long absenceId, long childId, long familyId, String childFirstName,
                                      String childLastName, String activity, String unit, LocalDate day,
                                      String fileName, String comment) implements Serializable {
    }

    static final Map<String, String> SORTS = Map.of("child", "c.last_name, c.first_name", "day", "b.day",
            "activity", "a.name, u.label");

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    AbsenceService bookings;

    /**
     * How many certificates wait for review (the menu's count), for an agent who may review them (agent-sante): 0 for
     * another, as the documents' and requests' counts leave out what the agent cannot clear.
     */
    public long count(SignedInUser agent) {
        StaffRoles.requireAgent(agent);
        if (!StaffRoles.mayReadHealth(agent)) {
            return 0;
        }
        return ((Number) em.createNativeQuery("select count(*) from absence x join booking b on b.id = x.booking_id"
                + " where x.certificate is not null and x.reviewed_at is null and b.status = 'ABSENT_PENDING'")
                .getSingleResult()).longValue();
    }

    /** One page of the certificates to review, oldest first unless sorted otherwise; each read audited. */
    public List<CertificateToReview> page(SignedInUser agent, int offset, int limit, Sort sort) {
        StaffRoles.requireHealthAgent(agent);
        List<CertificateToReview> page = new ArrayList<>();
        for (Object row : em.createNativeQuery("select x.id, c.id, c.family_id, c.first_name, c.last_name, a.name,"
                        + " u.label, b.day, x.certificate_name, x.comment from absence x join booking b on b.id = x.booking_id"
                        + " join child c on c.id = b.child_id join activity_unit u on u.id = b.unit_id"
                        + " join activity a on a.id = u.activity_id"
                        + " where x.certificate is not null and x.reviewed_at is null and b.status = 'ABSENT_PENDING'"
                        + " order by " + sort.orderBy(SORTS, "x.id", "x.id") + " offset ?1 limit ?2")
                .setParameter(1, Sort.offset(offset)).setParameter(2, Sort.limit(limit)).getResultList()) {
            Object[] r = (Object[]) row;
            CertificateToReview c = new CertificateToReview(Rows.id(r[0]), Rows.id(r[1]), Rows.id(r[2]), (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], Rows.day(r[7]), (String) r[8], (String) r[9]);
            em.persist(new AuditEntry(agent.email(), "LECTURE_SANTE", c.familyId(), c.childId(),
                    "certificat médical en attente de vérification"));
            page.add(c);
        }
        return page;
    }

    /**
     * Accepts (the absence is excused) or refuses (the day is billed; a reason is required) a
     * certificate; the family is mailed.
     */
    public void review(SignedInUser agent, long absenceId, boolean accept, String reason) {
        StaffRoles.requireHealthAgent(agent);
        bookings.reviewCertificate(agent.email(), absenceId, accept, reason);
    }
}
