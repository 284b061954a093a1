package fr.portailfamille.platform.booking.window;

import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.booking.window.Allocation;
import fr.portailfamille.booking.window.Priority;
import fr.portailfamille.booking.window.PriorityFacts;
import fr.portailfamille.booking.window.WindowRequest;
import fr.portailfamille.booking.window.WindowRules;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.platform.tenancy.TenantConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import fr.portailfamille.problems.Bilingual;
import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a window's requests, seats and results, in the caller's transaction. Why JDBC: a window of the
 * opening rush holds thousands of requests and hundreds of thousands of child-days, read and written in batches
 * (set-based updates for the facts, batched updates for the results), which JPA would load one entity at a time.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@CommuneRequired
public class WindowStore {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    private interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private <T> T jdbc(Work<T> work) {
        try {
            return work.on(TenantConnection.of(em));
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /**
     * Records, at the closing, the facts each request's priority is weighed on (from the family file and the
     * request's answers) and the free seats of each unit-day: every run of the allocation reads these.
     */
    void snapshot(OpeningWindow w, BillingSettings billing, Map<MonthPlan.UnitDay, Integer> seats) {
        jdbc(c -> {
            try (PreparedStatement facts = c.prepareStatement("""
                    update window_request r set fact_qf = f.quotient_familial,
                      fact_health = r.disability or exists (select 1 from window_wish x join child ch on ch.id = x.child_id
                          where x.request_id = r.id and ch.pai),
                      fact_sibling = exists (select 1 from booking b join activity_unit u on u.id = b.unit_id
                          join child ch on ch.id = b.child_id where ch.family_id = r.family_id and u.activity_id = ?
                          and b.status in ('BOOKED', 'BOOKED_LATE', 'PENDING_VALIDATION', 'PRESENT')
                          and b.day >= ?::date - 365
                          and ch.id not in (select x.child_id from window_wish x where x.request_id = r.id)),
                      fact_previous = exists (select 1 from booking b join activity_unit u on u.id = b.unit_id
                          where u.activity_id = ? and b.day < ?
                          and b.status in ('PRESENT', 'ABSENT_EXCUSED', 'ABSENT_BILLED', 'BOOKED', 'BOOKED_LATE')
                          and b.child_id in (select x.child_id from window_wish x where x.request_id = r.id))
                    from family f where f.id = r.family_id and r.window_id = ?""")) {
                facts.setLong(1, w.getActivity().getId());
                facts.setObject(2, w.getPeriodFrom());
                facts.setLong(3, w.getActivity().getId());
                facts.setObject(4, w.getPeriodFrom());
                facts.setLong(5, w.getId());
                facts.executeUpdate();
            }
            Map<Long, Boolean> resident = new HashMap<>();
            try (PreparedStatement read = c.prepareStatement("select r.id, f.postcode, f.resident_override from window_request r"
                    + " join family f on f.id = r.family_id where r.window_id = ?")) {
                read.setLong(1, w.getId());
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        resident.put(rs.getLong(1), billing.isResident(rs.getString(2), (Boolean) rs.getObject(3)));
                    }
                }
            }
            try (PreparedStatement set = c.prepareStatement("update window_request set fact_resident = ? where id = ?")) {
                for (Map.Entry<Long, Boolean> e : resident.entrySet()) {
                    set.setBoolean(1, e.getValue());
                    set.setLong(2, e.getKey());
                    set.addBatch();
                }
                set.executeBatch();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into window_seat (window_id, unit_id, day, seats)"
                    + " values (?, ?, ?, ?)")) {
                for (Map.Entry<MonthPlan.UnitDay, Integer> e : seats.entrySet()) {
                    insert.setLong(1, w.getId());
                    insert.setLong(2, e.getKey().unitId());
                    insert.setObject(3, e.getKey().day());
                    insert.setInt(4, e.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** The window's requests as recorded at the closing, with each family's request id. */
    Requests requests(long windowId) {
        return jdbc(c -> {
            Map<Long, Long> requestOf = new HashMap<>();
            Map<Long, PriorityFacts> facts = new LinkedHashMap<>();
            Map<Long, List<WindowRequest.Wish>> wishes = new HashMap<>();
            try (PreparedStatement read = c.prepareStatement("select r.id, r.family_id, coalesce(r.fact_resident, false),"
                    + " r.both_parents_working, coalesce(r.fact_sibling, false), coalesce(r.fact_health, false),"
                    + " coalesce(r.fact_previous, false), r.fact_qf, x.child_id, x.unit_id, x.day from window_request r"
                    + " join window_wish x on x.request_id = r.id where r.window_id = ?")) {
                read.setLong(1, windowId);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        long family = rs.getLong(2);
                        if (!requestOf.containsKey(family)) {
                            requestOf.put(family, rs.getLong(1));
                            facts.put(family, new PriorityFacts(rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5),
                                    rs.getBoolean(6), rs.getBoolean(7), (Integer) rs.getObject(8)));
                        }
                        wishes.computeIfAbsent(family, k -> new ArrayList<>()).add(new WindowRequest.Wish(rs.getLong(9),
                                new MonthPlan.UnitDay(rs.getLong(10), rs.getObject(11, LocalDate.class))));
                    }
                }
            }
            List<WindowRequest> list = new ArrayList<>();
            facts.forEach((family, f) -> list.add(new WindowRequest(family, f, wishes.get(family))));
            return new Requests(list, requestOf);
        });
    }

    /** A window's requests and, by family id, the id of each family's request. */
    record Requests(List<WindowRequest> list, Map<Long, Long> requestOf) {
    }

    /** The free seats of each unit-day recorded at the closing. */
    Map<MonthPlan.UnitDay, Integer> seats(long windowId) {
        return jdbc(c -> {
            Map<MonthPlan.UnitDay, Integer> seats = new HashMap<>();
            try (PreparedStatement read = c.prepareStatement("select unit_id, day, seats from window_seat where window_id = ?")) {
                read.setLong(1, windowId);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        seats.put(new MonthPlan.UnitDay(rs.getLong(1), rs.getObject(2, LocalDate.class)), rs.getInt(3));
                    }
                }
            }
            return seats;
        });
    }

    /** Writes an allocation's outcomes over the previous run's (adjustments included) and records the run. */
    String write(long windowId, Allocation allocation, Map<Long, Long> requestOf, String by) {
        String fingerprint = fingerprint(allocation);
        return jdbc(c -> {
            try (PreparedStatement wish = c.prepareStatement("update window_wish set outcome = ?, waiting_rank = ?,"
                    + " served = ?, siblings_kept = ?, adjusted = false where request_id = ? and child_id = ? and unit_id = ?"
                    + " and day = ?");
                 PreparedStatement request = c.prepareStatement("update window_request set score = ?, draw = ?, tied = ?"
                         + " where id = ?")) {
                int served = 0;
                var seen = new HashSet<Long>();
                for (Allocation.Outcome o : allocation.outcomes()) {
                    long requestId = requestOf.get(o.familyId());
                    wish.setString(1, o.placed() ? "PLACED" : "WAITING");
                    wish.setObject(2, o.placed() ? null : o.waitingRank(), java.sql.Types.INTEGER);
                    wish.setInt(3, ++served);
                    wish.setBoolean(4, o.siblingsKeptTogether());
                    wish.setLong(5, requestId);
                    wish.setLong(6, o.childId());
                    wish.setLong(7, o.unitDay().unitId());
                    wish.setObject(8, o.unitDay().day());
                    wish.addBatch();
                    if (seen.add(requestId)) {
                        request.setInt(1, o.priority().score());
                        request.setInt(2, o.priority().draw());
                        request.setInt(3, o.priority().tied());
                        request.setLong(4, requestId);
                        request.addBatch();
                    }
                }
                wish.executeBatch();
                request.executeBatch();
            }
            long placed = allocation.outcomes().stream().filter(Allocation.Outcome::placed).count();
            try (PreparedStatement run = c.prepareStatement("insert into window_run (window_id, seed, fingerprint, placed,"
                    + " waiting, ran_by) values (?, ?, ?, ?, ?, ?)")) {
                run.setLong(1, windowId);
                run.setLong(2, allocation.seed());
                run.setString(3, fingerprint);
                run.setLong(4, placed);
                run.setLong(5, allocation.outcomes().size() - placed);
                run.setString(6, by);
                run.executeUpdate();
            }
            return fingerprint;
        });
    }

    /** SHA-256 of the outcomes in their order: two runs with the same fingerprint allocated alike. */
    static String fingerprint(Allocation allocation) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Allocation.Outcome o : allocation.outcomes()) {
                sha.update((o.familyId() + ":" + o.childId() + ":" + o.unitDay().unitId() + ":" + o.unitDay().day() + ":"
                        + o.placed() + ":" + o.waitingRank() + ":" + o.priority().score() + ":" + o.priority().draw() + "/"
                        + o.priority().tied() + ";").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fingerprints of the window's runs, oldest first. */
    List<String> runs(long windowId) {
        return jdbc(c -> {
            List<String> runs = new ArrayList<>();
            try (PreparedStatement read = c.prepareStatement("select fingerprint from window_run where window_id = ? order by id")) {
                read.setLong(1, windowId);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        runs.add(rs.getString(1));
                    }
                }
            }
            return runs;
        });
    }

    /**
     * The allocation's lines in the order served ({@code familyId} given: that family's only), each with its reason
     * in words; a health criterion is named only when {@code showHealth}.
     */
    List<AllocationLine> lines(long windowId, Long familyId, WindowRules rules, boolean showHealth, int offset, int limit) {
        return jdbc(c -> {
            List<AllocationLine> lines = new ArrayList<>();
            try (PreparedStatement read = c.prepareStatement("select x.id, f.label, ch.first_name || ' ' || ch.last_name,"
                    + " x.day, u.label, x.outcome, coalesce(x.waiting_rank, 0), x.siblings_kept, x.adjusted, r.score, r.draw,"
                    + " r.tied, coalesce(r.fact_resident, false), r.both_parents_working, coalesce(r.fact_sibling, false),"
                    + " coalesce(r.fact_health, false), coalesce(r.fact_previous, false), r.fact_qf, r.family_id, x.child_id,"
                    + " x.unit_id, d.id, d.health, case when d.status = 'VALIDATED' and d.expires_on < (now() at time zone "
                    + PlatformTime.SQL_ZONE + ")::date then 'EXPIRED' else d.status end, t.label, x.published_reason from window_wish x join window_request r on r.id ="
                    + " x.request_id join family f on f.id = r.family_id join child ch on ch.id = x.child_id join"
                    + " activity_unit u on u.id = x.unit_id left join family_document d on d.id = r.proof_document_id"
                    + " and d.family_id = r.family_id left join document_type t on t.code = d.type_code"
                    + " where r.window_id = ? and x.outcome is not null and (?::bigint is null or r.family_id = ?::bigint)"
                    + " order by x.served offset ? limit ?")) {
                read.setLong(1, windowId);
                read.setObject(2, familyId, java.sql.Types.BIGINT);
                read.setObject(3, familyId, java.sql.Types.BIGINT);
                read.setInt(4, offset);
                read.setInt(5, limit);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        PriorityFacts facts = new PriorityFacts(rs.getBoolean(13), rs.getBoolean(14), rs.getBoolean(15),
                                rs.getBoolean(16), rs.getBoolean(17), (Integer) rs.getObject(18));
                        Priority priority = new Priority(rs.getInt(10), rules.met(facts), rs.getInt(11), rs.getInt(12));
                        boolean placed = "PLACED".equals(rs.getString(6));
                        LocalDate day = rs.getObject(4, LocalDate.class);
                        Message outcome = new Allocation.Outcome(rs.getLong(19), rs.getLong(20),
                                new MonthPlan.UnitDay(rs.getLong(21), day), placed, rs.getInt(7), priority, rs.getBoolean(8))
                                .message(showHealth);
                        String publishedReason = rs.getString(26);
                        // what the publication made of it, when that differs from the allocation (V38)
                        Bilingual text = Bilingual.of(publishedReason != null
                                ? Problems.of("booking.outcome.published." + publishedReason)
                                : rs.getBoolean(9) ? Problems.of("booking.outcome.adjusted", outcome) : outcome);
                        Long proofId = (Long) rs.getObject(22);
                        boolean hidden = proofId != null && rs.getBoolean(23) && !showHealth;
                        lines.add(new AllocationLine(rs.getLong(1), rs.getString(2), rs.getString(3), day, rs.getString(5),
                                placed, rs.getInt(7), text, rs.getBoolean(9), hidden ? null : proofId,
                                Bilingual.of(declared(rs.getBoolean(14), proofId, hidden, rs.getString(25), rs.getString(24)))));
                    }
                }
            }
            return lines;
        });
    }

    /**
     * What the family declared in its request and the proof it joined, in words, for the agents' preview, in the
     * page's language (the document type's label as the commune named it).
     */
    static Message declared(boolean bothParentsWorking, Long proofId, boolean hidden, String type, String status) {
        Message working = Refused.text(bothParentsWorking ? "window.declared.working" : "window.declared.notWorking");
        if (proofId == null) {
            return Refused.text("window.declared.noProof", working);
        }
        if (hidden) {
            return Refused.text("window.declared.hiddenProof", working);
        }
        String state = switch (status == null ? "" : status) {
            case "VALIDATED" -> "VALIDATED";
            case "REFUSED" -> "REFUSED";
            case "EXPIRED" -> "EXPIRED"; // validated, past its date when the agents read it
            default -> "PENDING";
        };
        return Refused.text("window.declared.proof", working, type == null ? Refused.text("window.declared.document") : type,
                Refused.text("window.declared.state." + state));
    }
}
