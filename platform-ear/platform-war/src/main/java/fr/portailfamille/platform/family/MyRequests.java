package fr.portailfamille.platform.family;

import fr.portailfamille.platform.family.requests.RequestFilter;
import fr.portailfamille.platform.family.requests.RequestKind;
import fr.portailfamille.platform.family.requests.RequestLine;
import fr.portailfamille.platform.family.requests.RequestSource;
import fr.portailfamille.platform.family.requests.RequestState;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.Rows;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Mes demandes: every request the signed-in family made, whatever the context that took it (each contributes
 * through a {@link RequestSource}), filtered, newest first and paged in one SQL statement; Accueil's pending
 * counts by kind in another. The family is the signed-in parent's own, of the request's commune (found from the
 * account, never from an id the page sends); a staff account has none and sees nothing.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class MyRequests {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

    @Inject
    Instance<RequestSource> sources;

    /** One page of requests and how many match in all. */
    public record Page(List<RequestLine> lines, long total) {
        public List<RequestLine> getLines() { return lines; }
        public long getTotal() { return total; }
    }

    /** The family's requests matching {@code filter}, newest first, {@code limit} from {@code offset}. */
    public Page page(SignedInUser user, RequestFilter filter, int offset, int limit) {
        Long family = familyOf(user);
        if (family == null) {
            return new Page(List.of(), 0);
        }
        RequestFilter f = filter == null ? RequestFilter.ALL : filter;
        List<Object> params = new ArrayList<>();
        params.add(family);
        StringBuilder where = new StringBuilder(" where true");
        if (f.kind() != null) {
            params.add(f.kind().name());
            where.append(" and r.kind = ?").append(params.size());
        }
        if (f.state() != null) {
            params.add(f.state().name());
            where.append(" and r.state = ?").append(params.size());
        }
        if (f.since() != null) {
            params.add(Timestamp.from(f.since().toInstant()));
            where.append(" and r.made_at >= ?").append(params.size());
        }
        String sql = with(f.kind()) + " select r.kind, r.id, k.first_name, r.subject, r.made_at, r.state, r.decided_at,"
                + " r.reason, r.target, count(*) over () from req r left join req_children k on k.id = r.child_id" + where
                + " order by r.made_at desc, r.kind, r.id desc limit " + Math.max(1, Math.min(limit, 200))
                + " offset " + Math.max(0, offset);
        List<?> rows = bind(em.createNativeQuery(sql), params).getResultList();
        List<RequestLine> lines = rows.stream().map(r -> line((Object[]) r)).toList();
        long total = rows.isEmpty() ? 0 : Rows.id(((Object[]) rows.get(0))[9]);
        return new Page(lines, total);
    }

    /**
     * One of the family's requests by its reference ({@code ABSENCE-12}).
     *
     * @throws Refused when it is not one of this family's requests (another family's, unknown, malformed)
     */
    public RequestLine one(SignedInUser user, String ref) {
        Long family = familyOf(user);
        int dash = ref == null ? -1 : ref.lastIndexOf('-');
        RequestKind kind = dash < 0 ? null : RequestKind.parse(ref.substring(0, dash));
        long id;
        try {
            id = dash < 0 ? -1 : Long.parseLong(ref.substring(dash + 1));
        } catch (NumberFormatException e) {
            id = -1;
        }
        if (family == null || kind == null || id < 0) {
            throw notYours();
        }
        String sql = with(kind) + " select r.kind, r.id, k.first_name, r.subject, r.made_at, r.state, r.decided_at,"
                + " r.reason, r.target from req r left join req_children k on k.id = r.child_id"
                + " where r.kind = ?2 and r.id = ?3";
        List<?> rows = em.createNativeQuery(sql).setParameter(1, family).setParameter(2, kind.name())
                .setParameter(3, id).getResultList();
        if (rows.isEmpty()) {
            throw notYours();
        }
        return line((Object[]) rows.get(0));
    }

    /**
     * The family takes back its pending request {@code ref} ({@code INSCRIPTION-12}): an activity registration, a
     * school pre-registration or a change of its file, which leaves the agents' queue and shows as "Annulée". Taken
     * back already: nothing more.
     *
     * @throws Refused when it is not one of this family's requests, already decided, or of a kind taken back on its
     *     own page (a booking, an absence, a document)
     */
    public void withdraw(SignedInUser user, String ref) {
        RequestLine line = one(user, ref);
        RequestSource source = sources.stream().filter(s -> s.kinds().contains(line.getKind())).findFirst()
                .filter(s -> s.withdraws(line.getKind()))
                .orElseThrow(() -> new Refused(Refused.text("family.request.notWithdrawable")));
        source.withdraw(user, line.getKind(), line.getId());
    }

    /** Whether requests of {@code kind} are taken back from Mes demandes ({@link #withdraw}). */
    public boolean withdraws(RequestKind kind) {
        return kind != null && sources.stream().anyMatch(s -> s.kinds().contains(kind) && s.withdraws(kind));
    }

    /**
     * What a family asking for a request that is not its own reads, "Cette demande ne fait pas partie de votre
     * dossier.", in any language.
     */
    private static Refused notYours() {
        return new Refused(Refused.text("family.request.notYours"));
    }

    /**
     * What the family asked in its change requests {@code ids} (Mes demandes' lines of kind DOSSIER), id → the values
     * it typed (JSON text, pointer → value), in one read; ids that are not this family's are absent.
     */
    public Map<Long, String> changeValues(SignedInUser user, Collection<Long> ids) {
        Long family = familyOf(user);
        List<Long> wanted = ids == null ? List.of() : ids.stream().filter(Objects::nonNull).distinct().limit(200).toList();
        Map<Long, String> values = new HashMap<>();
        if (family == null || wanted.isEmpty()) {
            return values;
        }
        String in = wanted.stream().map(String::valueOf).collect(Collectors.joining(", "));
        for (Object row : em.createNativeQuery("select r.id, r.new_value from change_request r where r.family_id = ?1"
                + " and r.id in (" + in + ")").setParameter(1, family).getResultList()) {
            Object[] r = (Object[]) row;
            if (r[1] != null) {
                values.put(Rows.id(r[0]), (String) r[1]);
            }
        }
        return values;
    }

    /** How many of the family's requests wait for a decision, by kind (kinds without any are absent). */
    public Map<RequestKind, Long> pendingCounts(SignedInUser user) {
        Map<RequestKind, Long> counts = new EnumMap<>(RequestKind.class);
        Long family = familyOf(user);
        if (family == null) {
            return counts;
        }
        for (Object row : em.createNativeQuery(with(null) + " select r.kind, count(*) from req r where r.state = 'PENDING'"
                + " group by r.kind").setParameter(1, family).getResultList()) {
            Object[] r = (Object[]) row;
            RequestKind kind = RequestKind.parse((String) r[0]);
            if (kind != null) {
                counts.put(kind, Rows.id(r[1]));
            }
        }
        return counts;
    }

    private Long familyOf(SignedInUser user) {
        if (FamilyFileService.isStaff(user)) {
            return null;
        }
        return files.fileOf(user).getId();
    }

    /** The family's scope ({@code ?1} its id) and the union of the sources giving {@code kind} (all: null). */
    private String with(RequestKind kind) {
        List<RequestSource> chosen = sources.stream().filter(s -> kind == null || s.kinds().contains(kind))
                .sorted(Comparator.comparing(s -> s.getClass().getName())).toList();
        String union = chosen.isEmpty()
                ? "select cast(null as varchar), cast(null as bigint), cast(null as bigint), cast(null as varchar),"
                        + " cast(null as timestamptz), cast(null as varchar), cast(null as timestamptz), cast(null as varchar),"
                        + " cast(null as varchar) where false"
                : chosen.stream().map(s -> "(" + s.select() + ")").collect(Collectors.joining(" union all "));
        return "with req_family(id) as (select cast(?1 as bigint)),"
                + " req_children(id, position, first_name) as (select c.id, row_number() over (order by c.id), c.first_name"
                + " from child c where c.family_id = (select id from req_family)),"
                + " req(" + RequestSource.COLUMNS + ") as (" + union + ")";
    }

    private static Query bind(Query q, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q;
    }

    private static RequestLine line(Object[] r) {
        RequestState state = RequestState.parse((String) r[5]);
        return new RequestLine(RequestKind.parse((String) r[0]), Rows.id(r[1]), (String) r[2], (String) r[3],
                Rows.time(r[4]), state == null ? RequestState.RECORDED : state, Rows.time(r[6]), (String) r[7],
                (String) r[8]);
    }
}
