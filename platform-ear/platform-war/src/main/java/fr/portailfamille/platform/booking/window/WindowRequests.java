package fr.portailfamille.platform.booking.window;

import fr.portailfamille.booking.CommuneCalendar;
import fr.portailfamille.booking.DateRange;
import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.platform.booking.ActivityUnit;
import fr.portailfamille.platform.booking.BookingRefused;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.family.documents.FamilyDocuments;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.problems.Message;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import fr.portailfamille.problems.Bilingual;
import fr.portailfamille.problems.Problems;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Families' side of the opening windows, each call one transaction, for the signed-in family's own validated
 * children only: send (or replace) its one request to a window while the window takes requests — the moment it
 * arrives changes nothing —, and read it back: its state, then, once published, each day's result and its reason.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class WindowRequests {

    /** "Ma demande", where a family follows its request. */
    public static final String PAGE = "/espace/ma-demande.xhtml";

    /** The most child-days one request may ask for. */
    public static final int MAX_DAYS = 400;

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

    @Inject
    CommuneSettings settings;

    @Inject
    WindowStore store;

    @Inject
    FamilyDocuments documents;

    Clock clock = PlatformTime.clock();

    /**
     * The request to the window opened for {@code activityId} over the period starting {@code periodFrom}: what a
     * families' API calls with the activity and period it shows (see {@link #request(SignedInUser, long, Map, Answers)}).
     */
    public long request(SignedInUser user, long activityId, LocalDate periodFrom, Map<Long, Set<MonthPlan.UnitDay>> days,
                        Answers answers) {
        List<?> ids = em.createNativeQuery("select id from opening_window where activity_id = ?1 and period_from = ?2")
                .setParameter(1, activityId).setParameter(2, periodFrom).getResultList();
        if (ids.isEmpty()) {
            throw new BookingRefused(Refused.text("booking.window.noneOpen"));
        }
        return request(user, ((Number) ids.get(0)).longValue(), days, answers);
    }

    /**
     * The request with a proof sent from the request form itself ({@code upload}; {@code null}: none): the proof is
     * stored as a document of the family exactly as Mes documents stores it ({@link FamilyDocuments#upload}, the file
     * checked on its content, waiting for an agent's review) and becomes the request's proof, in this one transaction —
     * a request refused for any reason leaves no document behind.
     *
     * @throws Refused as {@link #request(SignedInUser, long, Map, Answers)}, and with the field {@code proofType},
     *                 {@code proofDate} or {@code proofFile} when the proof sent is not acceptable
     */
    public long request(SignedInUser user, long windowId, Map<Long, Set<MonthPlan.UnitDay>> days, Answers answers,
                        NewProof upload) {
        if (upload == null) {
            return request(user, windowId, days, answers);
        }
        if (answers != null && answers.proofDocumentId() != null) {
            throw new Refused("proof", Refused.text("booking.window.proof.both"));
        }
        long proof;
        try {
            proof = documents.upload(user, upload.typeCode(), null, upload.issuedOn(), upload.fileName(), upload.content());
        } catch (Refused e) {
            String field = switch (e.field() == null ? "" : e.field()) {
                case "type", "child" -> "proofType";
                case "issuedOn" -> "proofDate";
                default -> "proofFile";
            };
            throw new Refused(field, e.text());
        }
        try {
            return request(user, windowId, days, new Answers(answers != null && answers.bothParentsWorking(),
                    answers != null && answers.disability(), proof));
        } catch (Refused e) {
            if ("proof".equals(e.field()) && e.text() != null && "booking.window.proof.health".equals(e.text().key())) {
                // the file just sent, taken for health data by its name (« attestation employeur cabinet médical »):
                // said beside the file, and why, not as if the parent had picked a health document
                throw new Refused("proofFile", Refused.text("booking.window.proof.healthName", upload.fileName()));
            }
            throw e;
        }
    }

    /**
     * Sends the family's request to a window, or replaces the one it sent before (the window holds one per family;
     * the moment of the request plays no part in the allocation).
     *
     * @param days for each of the family's children (by id), the unit-days asked for
     * @return the request's id
     */
    public long request(SignedInUser user, long windowId, Map<Long, Set<MonthPlan.UnitDay>> days, Answers answers) {
        Family family = files.fileOf(user);
        // shared lock: the closing (which takes it exclusively) waits for requests under way, then none is taken
        List<?> row = em.createNativeQuery("select id from opening_window where id = ?1 for share")
                .setParameter(1, windowId).getResultList();
        if (row.isEmpty()) {
            throw new BookingRefused(Refused.text("booking.window.unknown"));
        }
        OpeningWindow w = em.find(OpeningWindow.class, windowId);
        em.refresh(w);
        LocalDateTime now = PlatformTime.now(clock);
        if (w.getState() != OpeningWindow.State.OPEN) {
            throw new BookingRefused(Refused.text("booking.window.allocated"));
        }
        w.period().requestRefusal(now).ifPresent(why -> {
            throw new BookingRefused(why);
        });
        if (days == null || days.values().stream().allMatch(s -> s == null || s.isEmpty())) {
            throw new Refused("days", Refused.text("booking.window.days.required"));
        }
        if (days.values().stream().mapToInt(s -> s == null ? 0 : s.size()).sum() > MAX_DAYS) {
            throw new Refused("days", Refused.text("booking.window.days.tooMany", MAX_DAYS));
        }
        CommuneCalendar cal = settings.calendar();
        List<DateRange> years = settings.schoolYears();
        List<Object[]> wishes = new ArrayList<>();
        for (Map.Entry<Long, Set<MonthPlan.UnitDay>> e : days.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            Child child = ownChild(user, e.getKey());
            if (em.createNativeQuery("select 1 from registration where child_id = ?1 and activity_id = ?2"
                    + " and status = 'VALIDATED'").setParameter(1, child.getId()).setParameter(2, w.getActivity().getId())
                    .getResultList().isEmpty()) {
                throw new BookingRefused(Refused.text("booking.window.registrationRequired", child.getFirstName(),
                        w.getActivity().getName()));
            }
            for (MonthPlan.UnitDay d : e.getValue()) {
                ActivityUnit unit = em.find(ActivityUnit.class, d.unitId());
                if (unit == null || !unit.getActivity().getId().equals(w.getActivity().getId())
                        || d.day().isBefore(w.getPeriodFrom()) || d.day().isAfter(w.getPeriodTo())
                        || !MonthPlan.runsOn(unit.plan(), d.day(), cal, years)) {
                    throw new Refused("days", Refused.text("booking.window.days.outside", String.valueOf(d.day())));
                }
                wishes.add(new Object[] {child.getId(), unit.getId(), d.day()});
            }
        }
        Long proof = answers == null ? null : answers.proofDocumentId();
        boolean working = answers != null && answers.bothParentsWorking();
        if (proof != null) {
            proofProblem(family.getId(), windowId, proof).ifPresent(key -> {
                throw new Refused("proof", Refused.text(key));
            });
        }
        if (w.isProofRequired() && working && proof == null) {
            throw new Refused("proof", Refused.text("booking.window.proof.required"));
        }
        // one request per family and window, replaced in place (an upsert: two tabs sending at once make one row)
        long requestId = ((Number) em.createNativeQuery("insert into window_request (window_id, family_id,"
                        + " both_parents_working, disability, proof_document_id) values (?1, ?2, ?3, ?4, cast(?5 as bigint))"
                        + " on conflict (window_id, family_id) do update set both_parents_working = excluded.both_parents_working,"
                        + " disability = excluded.disability, proof_document_id = excluded.proof_document_id,"
                        + " submitted_at = clock_timestamp() returning id").setParameter(1, windowId)
                .setParameter(2, family.getId()).setParameter(3, working)
                .setParameter(4, answers != null && answers.disability()).setParameter(5, proof).getSingleResult()).longValue();
        em.createNativeQuery("delete from window_wish where request_id = ?1").setParameter(1, requestId).executeUpdate();
        for (Object[] wish : wishes) {
            em.createNativeQuery("insert into window_wish (request_id, child_id, unit_id, day) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, requestId).setParameter(2, wish[0]).setParameter(3, wish[1]).setParameter(4, wish[2])
                    .executeUpdate();
        }
        return requestId;
    }

    /**
     * « Retirer ma demande »: the family takes back its request to a window still taking requests (its plans changed:
     * « Modifier » could cut it down to one day, not remove it — that day booked and its porte-monnaie debited at the
     * publication), its days and answers (a disability: health data) deleted with it; the proof it sent stays in Mes
     * documents. Nothing when it sent none (a second tab).
     *
     * @return whether a request was taken back
     * @throws BookingRefused once the window no longer takes requests (closed, allocated, published)
     */
    public boolean withdraw(SignedInUser user, long windowId) {
        Family family = files.fileOf(user);
        // shared lock, as a request takes it: the closing waits for it, or it sees the window closed
        if (em.createNativeQuery("select id from opening_window where id = ?1 for share").setParameter(1, windowId)
                .getResultList().isEmpty()) {
            throw new BookingRefused(Refused.text("booking.window.unknown"));
        }
        OpeningWindow w = em.find(OpeningWindow.class, windowId);
        em.refresh(w);
        if (w.getState() != OpeningWindow.State.OPEN) {
            throw new BookingRefused(Refused.text("booking.window.allocated"));
        }
        w.period().requestRefusal(PlatformTime.now(clock)).ifPresent(why -> {
            throw new BookingRefused(why);
        });
        if (family.getId() == null) {
            return false;
        }
        return em.createNativeQuery("delete from window_request where window_id = ?1 and family_id = ?2")
                .setParameter(1, windowId).setParameter(2, family.getId()).executeUpdate() > 0;
    }

    /** The windows taking requests now for an activity one of the family's children is registered to. */
    public List<WindowSummary> openFor(SignedInUser user) {
        Family family = files.fileOf(user);
        if (family.getId() == null) {
            return List.of(); // a new account's draft, not stored yet: no child registered to anything
        }
        LocalDateTime now = PlatformTime.now(clock);
        List<?> rows = em.createNativeQuery("select " + SUMMARY + " from opening_window w join activity a"
                + " on a.id = w.activity_id where w.state = 'OPEN' and w.opens_at <= ?1"
                + " and w.closes_at > ?1 and exists (select 1 from registration g join child c on c.id = g.child_id"
                + " where c.family_id = ?2 and g.activity_id = w.activity_id and g.status = 'VALIDATED') order by w.closes_at")
                .setParameter(1, now).setParameter(2, family.getId()).getResultList();
        return summaries(rows);
    }

    /** The columns of a window as a family's list shows it ({@link #summaries}), of {@code w} and its activity {@code a}. */
    private static final String SUMMARY = "w.id, a.name, w.period_from, w.period_to, w.opens_at, w.closes_at, w.state";

    /** Rows of {@link #SUMMARY} as the family's list of windows (no counts: those are the agents'). */
    private static List<WindowSummary> summaries(List<?> rows) {
        return rows.stream().map(o -> (Object[]) o).map(r -> new WindowSummary(((Number) r[0]).longValue(), (String) r[1],
                OpeningWindows.date(r[2]), OpeningWindows.date(r[3]), OpeningWindows.dateTime(r[4]),
                OpeningWindows.dateTime(r[5]), OpeningWindow.State.valueOf((String) r[6]), 0, null, 0, 0)).toList();
    }

    /**
     * The windows the family sent a request to, the latest first, whatever their state now (taking requests, closed,
     * allocated, published): Ma demande's way back to its request and, once published, its result.
     */
    public List<WindowSummary> requestedBy(SignedInUser user) {
        Family family = files.fileOf(user);
        if (family.getId() == null) {
            return List.of();
        }
        List<?> rows = em.createNativeQuery("select " + SUMMARY + " from window_request r join opening_window w"
                + " on w.id = r.window_id join activity a on a.id = w.activity_id"
                + " where r.family_id = ?1 order by w.period_from desc, w.id desc").setParameter(1, family.getId()).getResultList();
        return summaries(rows);
    }

    /**
     * What the family may ask for in a window that takes requests now: its children with a validated registration to
     * the activity, the unit-days the period offers, its documents (proofs).
     */
    public WindowOffer offer(SignedInUser user, long windowId) {
        Family family = files.fileOf(user);
        OpeningWindow w = Optional.ofNullable(em.find(OpeningWindow.class, windowId))
                .orElseThrow(() -> new BookingRefused(Refused.text("booking.window.unknown")));
        CommuneCalendar cal = settings.calendar();
        List<DateRange> years = settings.schoolYears();
        List<WindowOffer.UnitDay> unitDays = new ArrayList<>();
        for (LocalDate d = w.getPeriodFrom(); !d.isAfter(w.getPeriodTo()); d = d.plusDays(1)) {
            for (ActivityUnit unit : em.createQuery("select u from ActivityUnit u where u.activity.id = :a"
                    + " order by u.startTime, u.id", ActivityUnit.class).setParameter("a", w.getActivity().getId()).getResultList()) {
                if (MonthPlan.runsOn(unit.plan(), d, cal, years)) {
                    unitDays.add(new WindowOffer.UnitDay(unit.getId(), unit.getLabel(), d));
                }
            }
        }
        List<WindowOffer.Child> children = new ArrayList<>();
        List<WindowOffer.Document> documents = new ArrayList<>();
        if (family.getId() != null) { // a new account's draft, not stored yet, has neither
            for (Object o : em.createNativeQuery("select c.id, c.first_name from child c where c.family_id = ?1 and exists"
                    + " (select 1 from registration g where g.child_id = c.id and g.activity_id = ?2 and g.status = 'VALIDATED')"
                    + " order by c.birth_date, c.id").setParameter(1, family.getId()).setParameter(2, w.getActivity().getId())
                    .getResultList()) {
                Object[] c = (Object[]) o;
                children.add(new WindowOffer.Child(((Number) c[0]).longValue(), (String) c[1]));
            }
            // health documents are not offered as a proof, but the one this request already carries is (a proof sent with
            // the request and flagged by its name): left out of the list, the next send would drop it
            for (Object o : em.createNativeQuery("select d.id, t.label || ' – ' || d.file_name from family_document d join"
                    + " document_type t on t.code = d.type_code where d.family_id = ?1 and d.status <> 'REFUSED'"
                    + " and (not d.health or d.id = (select r.proof_document_id from window_request r where r.window_id = ?3"
                    + " and r.family_id = ?1)) and (d.expires_on is null or d.expires_on >= ?2) order by d.uploaded_at desc")
                    .setParameter(1, family.getId()).setParameter(2, PlatformTime.today(clock)).setParameter(3, windowId)
                    .getResultList()) {
                Object[] d = (Object[]) o;
                documents.add(new WindowOffer.Document(((Number) d[0]).longValue(), (String) d[1]));
            }
        }
        WindowSummary summary = new WindowSummary(w.getId(), w.getActivity().getName(), w.getPeriodFrom(), w.getPeriodTo(),
                w.getOpensAt(), w.getClosesAt(), w.getState(), 0, null, 0, 0);
        Message why = w.getState() != OpeningWindow.State.OPEN ? Refused.text("booking.window.allocated")
                : w.period().requestRefusal(PlatformTime.now(clock)).orElse(null);
        return new WindowOffer(summary, why, w.isProofRequired(), children, unitDays, documents);
    }

    /** The family's request to a window, empty when it sent none. */
    public Optional<MyRequest> mineTo(SignedInUser user, long windowId) {
        Family family = files.fileOf(user);
        if (family.getId() == null) {
            return Optional.empty();
        }
        List<?> ids = em.createNativeQuery("select id from window_request where window_id = ?1 and family_id = ?2")
                .setParameter(1, windowId).setParameter(2, family.getId()).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(mine(user, ((Number) ids.get(0)).longValue()));
    }

    /**
     * One of the family's requests, with each day's result and reason once published (the family reads its own
     * criteria, health ones included); another family's or an unknown id answers "n'existe pas".
     */
    public MyRequest mine(SignedInUser user, long requestId) {
        Family family = files.fileOf(user);
        List<?> found = em.createNativeQuery("select r.window_id, r.family_id, r.submitted_at, r.both_parents_working,"
                + " r.disability, r.proof_document_id from window_request r where r.id = ?1").setParameter(1, requestId)
                .getResultList();
        Object[] r = found.isEmpty() ? null : (Object[]) found.get(0);
        if (r == null || family.getId() == null || ((Number) r[1]).longValue() != family.getId()) {
            throw new BookingRefused(Refused.text("booking.window.request.unknown"));
        }
        OpeningWindow w = em.find(OpeningWindow.class, ((Number) r[0]).longValue());
        boolean published = w.getState() == OpeningWindow.State.PUBLISHED;
        Map<Long, AllocationLine> results = new HashMap<>();
        // once published, each day's booking as it is now: a child left waiting may have got a seat since (another
        // family cancelled), which the allocation's words, written at the publication, do not say
        Map<Long, String> now = new HashMap<>();
        if (published) {
            for (AllocationLine l : store.lines(w.getId(), family.getId(), w.rules(), true, 0, MAX_DAYS)) {
                results.put(l.getWishId(), l);
            }
            for (Object o : em.createNativeQuery("select x.id, (select b.status from booking b where b.child_id = x.child_id"
                    + " and b.unit_id = x.unit_id and b.day = x.day order by b.id desc limit 1) from window_wish x"
                    + " where x.request_id = ?1").setParameter(1, requestId).getResultList()) {
                Object[] s = (Object[]) o;
                now.put(((Number) s[0]).longValue(), (String) s[1]);
            }
        }
        List<MyRequest.Day> days = new ArrayList<>();
        Map<Long, List<String>> unitDays = new java.util.LinkedHashMap<>();
        for (Object o : em.createNativeQuery("select x.id, c.first_name, x.day, u.label, x.child_id, x.unit_id from window_wish x"
                + " join child c on c.id = x.child_id join activity_unit u on u.id = x.unit_id where x.request_id = ?1"
                + " order by x.day, u.start_time, c.first_name").setParameter(1, requestId).getResultList()) {
            Object[] x = (Object[]) o;
            unitDays.computeIfAbsent(((Number) x[4]).longValue(), k -> new ArrayList<>())
                    .add(((Number) x[5]).longValue() + ":" + OpeningWindows.date(x[2]));
            AllocationLine line = results.get(((Number) x[0]).longValue());
            Bilingual result = !published ? Bilingual.of(Problems.of("booking.outcome.pending"))
                    : line == null ? Bilingual.of(Problems.of("booking.outcome.notPlaced"))
                    : sincePublished(line, now.get(((Number) x[0]).longValue()));
            String code = !published ? "EN_ATTENTE" : code(line, result);
            days.add(new MyRequest.Day((String) x[1], OpeningWindows.date(x[2]), (String) x[3], result, code,
                    "LISTE_ATTENTE".equals(code) ? Integer.valueOf(line.getWaitingRank()) : null));
        }
        return new MyRequest(requestId, w.getId(), w.getActivity().getName(), w.getPeriodFrom(), w.getPeriodTo(),
                w.getClosesAt(), submitted(r[2]), published, Boolean.TRUE.equals(r[3]), days,
                new MyRequest.Sent(unitDays, Boolean.TRUE.equals(r[4]), r[5] == null ? null : ((Number) r[5]).longValue()));
    }

    private static final java.util.Set<Bilingual> AT_PUBLICATION = java.util.Set.of(
            Bilingual.of(Problems.of("booking.outcome.published.PROMOTED")),
            Bilingual.of(Problems.of("booking.outcome.published.HELD")));

    /**
     * Why document {@code proofId} cannot prove the family's request to window {@code windowId}: not the family's, refused
     * by the commune or past its date (as Mes documents calls it « expiré »), or a health document — never offered as a
     * proof (the page's list leaves them out), unless the request carries it already.
     */
    private Optional<String> proofProblem(long familyId, long windowId, long proofId) {
        List<?> found = em.createNativeQuery("select d.health, d.id = (select r.proof_document_id from window_request r"
                + " where r.window_id = ?4 and r.family_id = ?2) from family_document d where d.id = ?1 and d.family_id = ?2"
                + " and d.status <> 'REFUSED' and (d.expires_on is null or d.expires_on >= ?3)").setParameter(1, proofId)
                .setParameter(2, familyId).setParameter(3, PlatformTime.today(clock)).setParameter(4, windowId).getResultList();
        if (found.isEmpty()) {
            return Optional.of("booking.window.proof.notYours");
        }
        Object[] d = (Object[]) found.get(0);
        return Boolean.TRUE.equals(d[0]) && !Boolean.TRUE.equals(d[1]) ? Optional.of("booking.window.proof.health")
                : Optional.empty();
    }

    /**
     * Whether the proof the family's request to window {@code windowId} carries may still prove it (the families' API
     * keeps it when a request is sent again without one; refused or expired since, it is dropped).
     */
    public boolean proofStillUsable(SignedInUser user, long windowId, long proofId) {
        Family family = files.fileOf(user);
        return family.getId() != null && proofProblem(family.getId(), windowId, proofId).isEmpty();
    }

    /**
     * A published day's result as a stable code ({@link MyRequest.Day#getCode}): {@code now} the words the family reads
     * ({@link #sincePublished}).
     */
    static String code(AllocationLine line, Bilingual now) {
        if (line == null) {
            return "NON_RETENU";
        }
        if (!now.equals(line.getWords())) {
            return "PLACE_DEPUIS";
        }
        if (line.isPlaced() || AT_PUBLICATION.contains(line.getWords())) {
            return "PLACE";
        }
        return line.getWaitingRank() > 0 ? "LISTE_ATTENTE" : "NON_RETENU";
    }

    /**
     * A published day's result as the family reads it now: the allocation's words, unless the child, not given the day
     * then, holds it since — promoted from the waiting list when a seat was freed, or booked by the family in Mon planning
     * when it was not waiting (awaiting an agent's validation on an activity that validates its bookings).
     */
    static Bilingual sincePublished(AllocationLine line, String status) {
        // a day given at the publication (a seat left free went to the waiting list) or held before the request: its
        // own words already say it holds the day
        if (line.isPlaced() || status == null || AT_PUBLICATION.contains(line.getWords())) {
            return line.getWords();
        }
        // left waiting (a rank): the waiting list gave it; not placed and not waiting: the family booked, in Mon planning,
        // a seat freed since
        boolean waited = line.getWaitingRank() > 0;
        return switch (status) {
            case "BOOKED", "BOOKED_LATE" -> Bilingual.of(Problems.of(waited ? "booking.outcome.promotedSince"
                    : "booking.outcome.bookedSince"));
            case "PENDING_VALIDATION" -> Bilingual.of(Problems.of(waited ? "booking.outcome.promotedSinceToValidate"
                    : "booking.outcome.bookedSinceToValidate"));
            default -> line.getWords();
        };
    }

    /**
     * All the family's requests, to windows open or closed, newest window first, each with its state then each day's
     * result and reason once published (what the families' API lists).
     */
    public List<MyRequest> mine(SignedInUser user) {
        Family family = files.fileOf(user);
        List<MyRequest> list = new ArrayList<>();
        if (family.getId() == null) {
            return list;
        }
        for (Object id : em.createNativeQuery("select r.id from window_request r where r.family_id = ?1 order by r.window_id desc")
                .setParameter(1, family.getId()).getResultList()) {
            list.add(mine(user, ((Number) id).longValue()));
        }
        return list;
    }

    /** Whether the window's allocation places a family's children together (the commune's rule for that window). */
    public boolean keepsSiblingsTogether(long windowId) {
        return Optional.ofNullable(em.find(OpeningWindow.class, windowId)).map(OpeningWindow::isSiblingsTogether)
                .orElseThrow(() -> new BookingRefused(Refused.text("booking.window.unknown")));
    }

    private static OffsetDateTime submitted(Object o) {
        return o instanceof java.sql.Timestamp t ? t.toInstant().atZone(PlatformTime.ZONE).toOffsetDateTime()
                : (OffsetDateTime) o;
    }

    private Child ownChild(SignedInUser user, long childId) {
        try {
            return files.validatedChild(user, childId);
        } catch (BookingRefused e) {
            throw e;
        } catch (Refused e) {
            throw new BookingRefused(e.text());
        }
    }
}
