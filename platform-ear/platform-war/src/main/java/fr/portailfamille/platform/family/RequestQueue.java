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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Agents' queue of change requests (page agent/demandes). Requests carrying health data are counted,
 * listed and decided only for the {@code agent-sante} role (each such read audited); the filter is in
 * the SQL, so that count and page stay one query each. No bulk decision: each request is read.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class RequestQueue {

    /**
     * A pending change request as the queue lists it; {@code oldValue}/{@code newValue} are JSON texts, {@code children}
     * the family's children's first names in the file's order (a change names a child by its position).
     */
    public record RequestToDecide(long id, long familyId, String family, ChangeRequest.Type type, String oldValue,
                                  String newValue, OffsetDateTime createdAt, boolean health, List<String> children)
            implements Serializable {
    }

    /**
     * Whether a request row {@code r} carries health data, in SQL: what {@link FormChanges#touchesHealth}
     * says in Java (a SANTE request, or a new child with a health field neither null nor false).
     */
    static final String HEALTH = "(r.type = 'SANTE' or (r.type = 'ENFANT' and exists (select 1 from"
            + " (select value from jsonb_each(cast(r.new_value as jsonb)) union all"
            + " select value from jsonb_each(cast(r.old_value as jsonb))) as v(child),"
            + " jsonb_each(case when jsonb_typeof(v.child) = 'object' then v.child else cast('{}' as jsonb) end) h"
            + " where h.key in (" + FormChanges.HEALTH.stream().sorted().map(k -> "'" + k + "'").collect(Collectors.joining(", "))
            + ") and h.value not in (cast('null' as jsonb), cast('false' as jsonb)))))";

    static final Map<String, String> SORTS = Map.of("family", "f.label", "type", "r.type", "createdAt", "r.created_at");

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    ChangeRequestDesk decisions;

    /** How many pending requests this agent may decide (the menu's count). */
    public long count(SignedInUser agent) {
        StaffRoles.requireAgent(agent);
        return ((Number) em.createNativeQuery("select count(*) from change_request r where r.status = 'PENDING'"
                + visibleTo(agent)).getSingleResult()).longValue();
    }

    /** How many pending requests carry health data that this agent may not see (0 for agent-sante). */
    public long hiddenHealth(SignedInUser agent) {
        StaffRoles.requireAgent(agent);
        if (StaffRoles.mayReadHealth(agent)) {
            return 0;
        }
        return ((Number) em.createNativeQuery("select count(*) from change_request r where r.status = 'PENDING' and "
                + HEALTH).getSingleResult()).longValue();
    }

    /** One page of the requests this agent may decide, oldest first unless sorted; health reads audited. */
    public List<RequestToDecide> page(SignedInUser agent, int offset, int limit, Sort sort) {
        StaffRoles.requireAgent(agent);
        List<RequestToDecide> page = new ArrayList<>();
        for (Object row : em.createNativeQuery("select r.id, r.family_id, f.label, r.type, r.old_value, r.new_value,"
                        + " r.created_at, " + HEALTH + ", (select string_agg(coalesce(c.first_name, ''), chr(31) order by c.id)"
                        + " from child c where c.family_id = r.family_id) from change_request r join family f on f.id = r.family_id"
                        + " where r.status = 'PENDING'" + visibleTo(agent)
                        + " order by " + sort.orderBy(SORTS, "r.created_at", "r.id") + " offset ?1 limit ?2")
                .setParameter(1, Sort.offset(offset)).setParameter(2, Sort.limit(limit)).getResultList()) {
            Object[] r = (Object[]) row;
            RequestToDecide request = new RequestToDecide(Rows.id(r[0]), Rows.id(r[1]), (String) r[2],
                    ChangeRequest.Type.valueOf((String) r[3]), readable(agent, (String) r[4]), readable(agent, (String) r[5]),
                    Rows.time(r[6]), Boolean.TRUE.equals(r[7]),
                    r[8] == null ? List.of() : List.of(((String) r[8]).split("\u001f", -1)));
            if (request.health()) {
                em.persist(new AuditEntry(agent.email(), "LECTURE_SANTE", request.familyId(), null,
                        "demande en attente : " + request.type().label()));
            }
            page.add(request);
        }
        return page;
    }

    /** Accepts a request and applies it to the file (health ones: agent-sante only); the family is mailed. */
    public void accept(SignedInUser agent, long requestId) {
        StaffRoles.requireAgent(agent);
        decisions.accept(agent, requestId);
    }

    /** Refuses a request with a reason (required); errors on the field {@code reason}. */
    public List<FieldError> refuse(SignedInUser agent, long requestId, String reason) {
        StaffRoles.requireAgent(agent);
        return decisions.refuse(agent, requestId, reason);
    }

    /**
     * A request's values as this agent may read them: a bank change's IBAN masked ("FR76 **** **** 1234") unless a
     * régisseur, as the agent's file page shows it.
     */
    static String readable(SignedInUser agent, String json) {
        if (json == null || agent.hasRole(StaffRoles.REGISSEUR) || !json.contains("\"/iban\"")) {
            return json;
        }
        java.util.Map<String, jakarta.json.JsonValue> values = new java.util.LinkedHashMap<>(FormChanges.fromJsonText(json));
        values.computeIfPresent("/iban", (k, v) -> v instanceof jakarta.json.JsonString iban
                ? jakarta.json.Json.createValue(fr.portailfamille.billing.sepa.SepaRules.maskIban(iban.getString())) : v);
        return FormChanges.toJsonText(values);
    }

    private static String visibleTo(SignedInUser agent) {
        return StaffRoles.mayReadHealth(agent) ? "" : " and not " + HEALTH;
    }
}
