package fr.portailfamille.platform.registration;

import fr.portailfamille.platform.kernel.Rows;
import fr.portailfamille.platform.kernel.Sort;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.documents.DocumentType;
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
 * Agents' queue of activity registrations (page agent/inscriptions): one COUNT and one page query (the
 * documents' names come in the same query), the decision and the bulk validation, each one transaction
 * behind {@link StaffRoles#requireAgent}.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class RegistrationQueue {

    /**
     * A document sent with a registration, without its content; {@code confidential} when it is health data
     * ({@link RegistrationService#isHealthDocument}) and the agent has not {@code agent-sante}: named, not linked.
     */
    public record DocumentName(long id, String label, String fileName, boolean confidential) implements Serializable {
    }

    /**
     * A registration waiting for a decision, as the queue lists it; {@code healthOnly} when it holds a health document
     * the agent may not open: only an {@code agent-sante} decides it ({@link #decide} refuses the others), so the page
     * says so instead of offering the decision and the tick.
     */
    public record RegistrationToDecide(long id, String childFirstName, String childLastName, String activity,
                                       OffsetDateTime submittedAt, List<DocumentName> documents) implements Serializable {

        public boolean healthOnly() {
            return documents.stream().anyMatch(DocumentName::confidential);
        }
    }

    static final Map<String, String> SORTS = Map.of("child", "c.last_name, c.first_name", "activity", "a.name",
            "submittedAt", "r.submitted_at");

    /** Separators of the documents' column (unit and record separators never typed in a name). */
    private static final String FIELD = "\u001f";
    private static final String RECORD = "\u001e";

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    RegistrationService registrations;

    @Inject
    FamilyDocuments familyDocuments;

    /** How many registrations wait for a decision (the menu's count). */
    public long count(SignedInUser agent) {
        StaffRoles.requireAgent(agent);
        return ((Number) em.createNativeQuery("select count(*) from registration where status = 'SUBMITTED'")
                .getSingleResult()).longValue();
    }

    /** One page of the registrations waiting for a decision, oldest first unless sorted otherwise. */
    public List<RegistrationToDecide> page(SignedInUser agent, int offset, int limit, Sort sort) {
        StaffRoles.requireAgent(agent);
        List<DocumentType> hidden = StaffRoles.mayReadHealth(agent) ? null : familyDocuments.types();
        List<RegistrationToDecide> page = new ArrayList<>();
        for (Object row : em.createNativeQuery("select r.id, c.first_name, c.last_name, a.name, r.submitted_at,"
                        + " (select string_agg(d.id || case when d.health then 'h' else '' end || chr(31) || d.label"
                        + " || chr(31) || d.file_name, chr(30) order by d.id)"
                        + " from registration_document d where d.registration_id = r.id)"
                        + " from registration r join child c on c.id = r.child_id join activity a on a.id = r.activity_id"
                        + " where r.status = 'SUBMITTED' order by " + sort.orderBy(SORTS, "r.submitted_at", "r.id")
                        + " offset ?1 limit ?2")
                .setParameter(1, Sort.offset(offset)).setParameter(2, Sort.limit(limit)).getResultList()) {
            Object[] r = (Object[]) row;
            page.add(new RegistrationToDecide(Rows.id(r[0]), (String) r[1], (String) r[2], (String) r[3],
                    Rows.time(r[4]), documents((String) r[5], hidden)));
        }
        return page;
    }

    /**
     * The documents' column read back (each id followed by {@code h} when the document was flagged health data as it
     * was sent, tenant V49); those that are health data (so flagged, or {@link RegistrationService#isHealthDocument}
     * with the commune's {@code healthTypes}) are confidential — none for an agent-sante ({@code healthTypes} null).
     */
    static List<DocumentName> documents(String column, List<DocumentType> healthTypes) {
        List<DocumentName> documents = new ArrayList<>();
        if (column != null && !column.isEmpty()) {
            for (String record : column.split(RECORD)) {
                String[] f = record.split(FIELD, 3);
                boolean flagged = f[0].endsWith("h");
                documents.add(new DocumentName(Long.parseLong(flagged ? f[0].substring(0, f[0].length() - 1) : f[0]), f[1],
                        f[2], healthTypes != null && (flagged || RegistrationService.isHealthDocument(healthTypes, f[1]))));
            }
        }
        return documents;
    }

    /** Validates or refuses a registration (a refusal needs a reason); the family is mailed. */
    public void decide(SignedInUser agent, long registrationId, boolean accept, String reason) {
        StaffRoles.requireAgent(agent);
        registrations.decideRegistration(agent, registrationId, accept, reason);
    }

    /** Validates several registrations at once: all or none (one transaction). */
    public int acceptAll(SignedInUser agent, Collection<Long> registrationIds) {
        StaffRoles.requireAgent(agent);
        // locked in id order, whatever the ticks' order: two agents' overlapping selections wait, not deadlock
        for (long id : new java.util.TreeSet<>(registrationIds)) {
            try {
                registrations.decideRegistration(agent, id, true, null);
            } catch (fr.portailfamille.platform.kernel.Refused e) {
                // which of the ticked rows stops the whole selection, by its child and activity
                throw new fr.portailfamille.platform.kernel.Refused(fr.portailfamille.platform.kernel.Refused.text(
                        "registration.bulk.row", rowName(id), e.text()));
            }
        }
        return registrationIds.size();
    }

    /** « Léa Martin – Cantine »: a registration as its row reads (its number when it is not the commune's). */
    private fr.portailfamille.problems.Message rowName(long registrationId) {
        List<?> row = em.createNativeQuery("select c.first_name || ' ' || c.last_name || ' – ' || a.name from registration r"
                + " join child c on c.id = r.child_id join activity a on a.id = r.activity_id where r.id = ?1")
                .setParameter(1, registrationId).getResultList();
        return fr.portailfamille.problems.Message.literal(row.isEmpty() ? "n° " + registrationId : (String) row.get(0));
    }
}
