package fr.portailfamille.platform.booking;

import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.booking.BookingDecision;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.booking.CancellationDecision;
import fr.portailfamille.booking.CommuneCalendar;
import fr.portailfamille.booking.DateRange;
import fr.portailfamille.booking.MonthPlan;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.TextLimits;
import fr.portailfamille.platform.kernel.UploadChecker;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.family.Family;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.mail.FamilyMails;
import fr.portailfamille.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Booking and cancelling days for a family's own children, each call one transaction. The seat
 * counter of the unit-day is locked for the whole decision, so the capacity holds whatever the
 * number of parents booking the last seat at the same moment.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class BookingService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    FamilyFileService files;

    @Inject
    FamilyMails mails;

    @Inject
    CommuneSettings settings;

    Clock clock = Clock.systemDefaultZone();

    /** Refused request, with a French message for the family. */
    public static class BookingRefused extends Refused {
        public BookingRefused(String message) {
            super(message);
        }
    }

    /** A parent books a unit's day for one of its own children (validated file only). */
    public BookingDecision book(SignedInUser user, long childId, long unitId, LocalDate day) {
        Child child = ownChild(user, childId);
        ActivityUnit unit = Optional.ofNullable(em.find(ActivityUnit.class, unitId))
                .orElseThrow(() -> new BookingRefused("Cette activité n'existe pas."));
        requireRegistration(child, unit.getActivity());
        if (hasLiveBooking(child, unit, day)) {
            throw new BookingRefused(child.getFirstName() + " est déjà inscrit(e) ce jour-là.");
        }
        return bookOne(child, unit, unit.plan(), day, settings.calendar(), settings.schoolYears());
    }

    /**
     * "Semaine type": books the chosen units of each weekday on every day from {@code from} to
     * {@code to}, in one transaction; days already booked are left as they are; each day gets the
     * commune's decision (booked, waiting list, refused…) and the result counts them.
     *
     * @param unitsByWeekday for each weekday, the units to book (all of one activity of the commune)
     */
    public TypicalWeekResult applyTypicalWeek(SignedInUser user, long childId, Map<DayOfWeek, Set<Long>> unitsByWeekday,
                                              LocalDate from, LocalDate to) {
        Child child = ownChild(user, childId);
        if (from == null || to == null || to.isBefore(from)) {
            throw new BookingRefused("Indiquez une période valide : la date de fin suit la date de début.");
        }
        if (from.plusYears(1).isBefore(to)) {
            throw new BookingRefused("La période d'une semaine type ne peut pas dépasser un an.");
        }
        if (unitsByWeekday.values().stream().allMatch(Set::isEmpty)) {
            throw new BookingRefused("Cochez au moins un jour de la semaine type.");
        }
        Map<Long, ActivityUnit> units = new HashMap<>();
        for (Set<Long> ids : unitsByWeekday.values()) {
            for (Long id : ids) {
                units.computeIfAbsent(id, k -> Optional.ofNullable(em.find(ActivityUnit.class, k))
                        .orElseThrow(() -> new BookingRefused("Cette activité n'existe pas.")));
            }
        }
        Map<Long, MonthPlan.Unit> plans = new HashMap<>();
        for (ActivityUnit unit : units.values()) {
            requireRegistration(child, unit.getActivity());
            plans.put(unit.getId(), unit.plan());
        }
        CommuneCalendar cal = settings.calendar();
        List<DateRange> years = settings.schoolYears();
        TypicalWeekResult result = new TypicalWeekResult();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (Long id : new TreeSet<>(unitsByWeekday.getOrDefault(day.getDayOfWeek(), Set.of()))) {
                ActivityUnit unit = units.get(id);
                if (!MonthPlan.runs(plans.get(id), day, cal, years)) {
                    continue;
                }
                if (hasLiveBooking(child, unit, day)) {
                    result.count(null);
                } else {
                    result.count(bookOne(child, unit, plans.get(id), day, cal, years).outcome());
                }
            }
        }
        return result;
    }

    private boolean hasLiveBooking(Child child, ActivityUnit unit, LocalDate day) {
        return !em.createQuery("select b.id from Booking b where b.child = :c and b.unit = :u and b.day = :d"
                        + " and b.status in :live")
                .setParameter("c", child).setParameter("u", unit).setParameter("d", day)
                .setParameter("live", Set.of(BookingStatus.BOOKED, BookingStatus.BOOKED_LATE, BookingStatus.WAITING,
                        BookingStatus.PENDING_VALIDATION)).getResultList().isEmpty();
    }

    /** Decides and records one unit-day under the seat lock ({@code plan}: the unit's {@link ActivityUnit#plan()}). */
    private BookingDecision bookOne(Child child, ActivityUnit unit, MonthPlan.Unit plan, LocalDate day, CommuneCalendar cal,
                                    List<DateRange> schoolYears) {
        int booked = lockSeats(unit, day);
        BookingDecision decision = plan.rules().decideBooking(now(), day, plan.start(), cal,
                MonthPlan.open(plan, day, cal, schoolYears), booked, unit.getCapacity());
        BookingStatus status = switch (decision.outcome()) {
            case ACCEPTED -> BookingStatus.BOOKED;
            case ACCEPTED_SURCHARGED -> BookingStatus.BOOKED_LATE;
            case PENDING_VALIDATION -> BookingStatus.PENDING_VALIDATION;
            case WAITING_LIST -> BookingStatus.WAITING;
            case REFUSED -> null;
        };
        if (status != null) {
            Booking b = new Booking(child, unit, day, status, decision.surcharged());
            em.persist(b);
            if (b.holdsSeat()) {
                setSeats(unit, day, booked + 1);
            }
        }
        return decision;
    }

    /**
     * Cancels one of the family's bookings. A freed seat goes at once to the first child waiting for
     * that unit-day, whose family is mailed.
     */
    public CancellationDecision cancel(SignedInUser user, long bookingId) {
        return cancelOne(ownBooking(user, bookingId), settings.calendar());
    }

    private CancellationDecision cancelOne(Booking b, CommuneCalendar cal) {
        if (!b.holdsSeat() && b.getStatus() != BookingStatus.WAITING) {
            throw new BookingRefused("Cette réservation est déjà annulée ou passée.");
        }
        int booked = lockSeats(b.getUnit(), b.getDay());
        CancellationDecision decision = b.getUnit().getActivity().rules().decideCancellation(now(), b.getDay(), cal);
        if (decision.outcome() == CancellationDecision.Outcome.REFUSED) {
            return decision;
        }
        boolean freesSeat = b.holdsSeat();
        b.setStatus(decision.outcome() == CancellationDecision.Outcome.BILLED && freesSeat
                ? BookingStatus.ABSENT_BILLED : BookingStatus.CANCELLED_FREE);
        if (freesSeat) {
            releaseSeat(b.getUnit(), b.getDay(), booked);
        }
        return decision;
    }

    /**
     * Applies the changes a family selected on a child's planning and confirmed, in one transaction:
     * every change is checked first (the child's own bookings, existing units of activities the child
     * is registered to, at most 400 changes) and nothing is done if one is not; then each unit-day gets
     * the commune's decision, in day order (the order seat locks are taken in).
     */
    public List<ChangeOutcome> applySelection(SignedInUser user, long childId, List<PlannedChange> changes) {
        Child child = ownChild(user, childId);
        if (changes == null || changes.isEmpty()) {
            throw new BookingRefused("Sélectionnez au moins une journée à réserver ou à annuler.");
        }
        if (changes.size() > 400) {
            throw new BookingRefused("Une sélection ne peut pas dépasser 400 journées : validez-la en plusieurs fois.");
        }
        Map<Long, ActivityUnit> units = new HashMap<>();
        Map<Long, MonthPlan.Unit> plans = new HashMap<>();
        Map<Long, Booking> cancellations = new HashMap<>();
        for (PlannedChange c : changes) {
            if (c.isCancellation()) {
                Booking b = ownBooking(user, c.getBookingId());
                if (!b.getChild().getId().equals(child.getId())) {
                    throw new BookingRefused("Cette réservation n'existe pas.");
                }
                cancellations.put(b.getId(), b);
            } else {
                ActivityUnit unit = units.computeIfAbsent(c.getUnitId(), id -> Optional.ofNullable(em.find(ActivityUnit.class, id))
                        .orElseThrow(() -> new BookingRefused("Cette activité n'existe pas.")));
                requireRegistration(child, unit.getActivity());
                plans.computeIfAbsent(unit.getId(), id -> unit.plan());
            }
        }
        CommuneCalendar cal = settings.calendar();
        List<DateRange> years = settings.schoolYears();
        List<ChangeOutcome> outcomes = new ArrayList<>();
        changes.stream().sorted(Comparator.comparing(PlannedChange::getDay)
                .thenComparingLong(PlannedChange::getUnitId)).forEach(c -> {
            if (c.isCancellation()) {
                Booking b = cancellations.get(c.getBookingId());
                try {
                    CancellationDecision d = cancelOne(b, cal);
                    outcomes.add(new ChangeOutcome(b.getDay(), b.getUnit().getLabel(), true,
                            d.outcome() != CancellationDecision.Outcome.REFUSED, d.message()));
                } catch (BookingRefused e) {
                    outcomes.add(new ChangeOutcome(b.getDay(), b.getUnit().getLabel(), true, false, e.getMessage()));
                }
            } else {
                ActivityUnit unit = units.get(c.getUnitId());
                if (hasLiveBooking(child, unit, c.getDay())) {
                    outcomes.add(new ChangeOutcome(c.getDay(), unit.getLabel(), false, false, "Déjà réservé."));
                } else {
                    BookingDecision d = bookOne(child, unit, plans.get(unit.getId()), c.getDay(), cal, years);
                    outcomes.add(new ChangeOutcome(c.getDay(), unit.getLabel(), false,
                            d.outcome() != BookingDecision.Outcome.REFUSED, d.message()));
                }
            }
        });
        return outcomes;
    }

    /**
     * What the family should know before it confirms a selection, by {@link PlannedChange#getKey()}: for
     * each booking, whether it will be refused, surcharged, put on the waiting list or will no longer be
     * cancellable without charge; for each cancellation, whether it is free or the day stays billed
     * (the rules of {@link fr.portailfamille.booking.BookingRules#bookingNotices}, seen now). Nothing is
     * recorded.
     */
    public Map<String, String> previewSelection(SignedInUser user, long childId, List<PlannedChange> changes) {
        Child child = ownChild(user, childId);
        CommuneCalendar cal = settings.calendar();
        List<DateRange> years = settings.schoolYears();
        Map<String, String> notices = new HashMap<>();
        for (PlannedChange c : changes) {
            if (c.isCancellation()) {
                Booking b = ownBooking(user, c.getBookingId());
                notices.put(c.getKey(), b.getUnit().getActivity().rules().cancellationNotice(now(), b.getDay(), cal));
            } else {
                ActivityUnit unit = em.find(ActivityUnit.class, c.getUnitId());
                if (unit == null) {
                    continue;
                }
                MonthPlan.Unit plan = unit.plan();
                List<String> lines = plan.rules().bookingNotices(now(), c.getDay(), plan.start(), cal,
                        MonthPlan.open(plan, c.getDay(), cal, years), seatsTakenOf(unit.getId(), c.getDay()),
                        unit.getCapacity());
                notices.put(c.getKey(), String.join(" ", lines));
            }
        }
        return notices;
    }

    private int seatsTakenOf(long unitId, LocalDate day) {
        List<?> r = em.createNativeQuery("select booked from unit_day where unit_id = ?1 and day = ?2")
                .setParameter(1, unitId).setParameter(2, day).getResultList();
        return r.isEmpty() ? 0 : ((Number) r.get(0)).intValue();
    }

    /**
     * The family's bookings that wait for, or got, an agent's decision ("Mes demandes"): awaiting
     * validation, and refused with the reason, from a month ago on, by day.
     */
    public List<Booking> bookingRequestsOf(SignedInUser user) {
        Family family = files.fileOf(user);
        return em.createQuery("select b from Booking b join fetch b.child c join fetch b.unit u join fetch u.activity where c.family = :f"
                        + " and b.status in :s and b.day >= :from order by b.day, b.id", Booking.class)
                .setParameter("f", family)
                .setParameter("s", Set.of(BookingStatus.PENDING_VALIDATION, BookingStatus.REFUSED))
                .setParameter("from", LocalDate.now(clock).minusMonths(1)).getResultList();
    }

    /** The family's bookings of a child between two days (its own children only). */
    public List<Booking> bookingsOf(SignedInUser user, long childId, LocalDate from, LocalDate to) {
        Child child = ownChild(user, childId);
        return em.createQuery("select b from Booking b where b.child = :c and b.day between :f and :t"
                + " order by b.day, b.id", Booking.class).setParameter("c", child)
                .setParameter("f", from).setParameter("t", to).getResultList();
    }

    /** The commune's activities, by name. */
    public List<Activity> activities() {
        return em.createQuery("select a from Activity a order by a.name", Activity.class).getResultList();
    }

    public List<ActivityUnit> unitsOf(long activityId) {
        return em.createQuery("select u from ActivityUnit u where u.activity.id = :a order by u.startTime, u.id",
                ActivityUnit.class).setParameter("a", activityId).getResultList();
    }

    /**
     * "Mon planning": every day of the month for one of the family's children and one activity, each
     * unit with its legend state (from the commune's rules, the calendar, the seats and the child's
     * bookings) and whether it can be booked or cancelled now.
     */
    public List<PlanningDay> planning(SignedInUser user, long childId, long activityId, YearMonth month) {
        Child child = ownChild(user, childId);
        List<ActivityUnit> units = unitsOf(activityId);
        if (units.isEmpty()) {
            return List.of();
        }
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Map<MonthPlan.UnitDay, Integer> seats = new HashMap<>();
        for (Object row : em.createNativeQuery("select d.unit_id, d.day, d.booked from unit_day d join activity_unit u"
                        + " on u.id = d.unit_id where u.activity_id = ?1 and d.day between ?2 and ?3")
                .setParameter(1, activityId).setParameter(2, from).setParameter(3, to).getResultList()) {
            Object[] r = (Object[]) row;
            seats.put(new MonthPlan.UnitDay(((Number) r[0]).longValue(), toLocalDate(r[1])), ((Number) r[2]).intValue());
        }
        Map<MonthPlan.UnitDay, MonthPlan.Booking> latest = new HashMap<>();
        for (Booking b : em.createQuery("select b from Booking b where b.child = :c and b.unit.activity.id = :a"
                        + " and b.day between :f and :t order by b.id", Booking.class)
                .setParameter("c", child).setParameter("a", activityId).setParameter("f", from).setParameter("t", to)
                .getResultList()) {
            latest.put(new MonthPlan.UnitDay(b.getUnit().getId(), b.getDay()),
                    new MonthPlan.Booking(b.getId(), b.getStatus(), b.getRefusalReason()));
        }
        return MonthPlan.of(units.stream().map(ActivityUnit::plan).toList(), month, seats, latest, settings.calendar(),
                settings.schoolYears(), now()).stream().map(PlanningDay::new).toList();
    }

    private static LocalDate toLocalDate(Object sqlDate) {
        return sqlDate instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) sqlDate;
    }

    /**
     * One of the family's own bookings; another family's (or an unknown) id answers "n'existe pas".
     * Child and activity are loaded, for pages showing them.
     */
    public Booking ownBooking(SignedInUser user, long bookingId) {
        Family family = files.fileOf(user);
        Booking b = Optional.ofNullable(em.find(Booking.class, bookingId))
                .filter(x -> x.getChild().getFamily().getId().equals(family.getId()))
                .orElseThrow(() -> new BookingRefused("Cette réservation n'existe pas."));
        b.getUnit().getActivity().getName();
        return b;
    }

    /** What the family is told when an absence on a day still cancellable for free became a cancellation. */
    public static final String FREE_INSTEAD_OF_ABSENCE = "Ce jour pouvait encore être annulé sans frais : la réservation"
            + " est annulée sans frais, rien n'est facturé (une absence signalée, elle, reste facturée).";

    /** What the family is told when it sends a medical certificate. */
    public static final String CERTIFICATE_PENDING = "Absence enregistrée, en attente de vérification du certificat"
            + " médical par le service : la journée ne sera pas facturée si le certificat est accepté.";

    /**
     * Whether one of the family's booked days can still be cancelled without charge (then "Signaler une
     * absence" offers the free cancellation instead: an absence is billed).
     */
    public boolean freeCancellation(SignedInUser user, long bookingId) {
        Booking b = ownBooking(user, bookingId);
        return b.holdsSeat() && b.getUnit().getActivity().rules().decideCancellation(now(), b.getDay(),
                settings.calendar()).outcome() == CancellationDecision.Outcome.FREE;
    }

    /** Why a child is absent. */
    public enum AbsenceReason { MALADIE, FAMILLE, AUTRE }

    /**
     * A family declares an absence on one of its booked days (not a past one). While the day can still
     * be cancelled without charge, it is cancelled for free instead (an absence is billed) and the family
     * is told so. A medical absence with a certificate (PDF, JPEG or PNG, 5 Mo at most) waits for an
     * agent's review of the certificate ({@link BookingStatus#ABSENT_PENDING}: neither excused nor billed
     * until then); any other absence stays billed. The seat is freed and goes to the first child waiting.
     *
     * @return the message for the family
     */
    public String declareAbsence(SignedInUser user, long bookingId, AbsenceReason reason, String comment,
                                 byte[] certificate, String contentType, String fileName) {
        Booking b = ownBooking(user, bookingId);
        if (b.getStatus() != BookingStatus.BOOKED && b.getStatus() != BookingStatus.BOOKED_LATE) {
            throw new BookingRefused("Une absence se signale sur un jour réservé.");
        }
        if (b.getDay().isBefore(LocalDate.now(clock))) {
            throw new BookingRefused("Cette date est passée : contactez le service enfance.");
        }
        if (reason == null) {
            throw new BookingRefused("Indiquez le motif de l'absence.");
        }
        boolean withCertificate = certificate != null && certificate.length > 0;
        if (withCertificate) {
            try {
                // the content decides (Tika), not the declared type; the name is cleaned and shortened
                UploadChecker.Accepted checked = UploadChecker.check("Le certificat", fileName, certificate);
                contentType = checked.contentType();
                fileName = checked.fileName();
            } catch (UploadChecker.Rejected e) {
                throw new BookingRefused(e.getMessage());
            }
        }
        if (TextLimits.exceeds(comment, TextLimits.COMMENT)) {
            throw new BookingRefused(TextLimits.tooLong("Le commentaire", TextLimits.COMMENT));
        }
        CommuneCalendar cal = settings.calendar();
        if (b.getUnit().getActivity().rules().decideCancellation(now(), b.getDay(), cal).outcome()
                == CancellationDecision.Outcome.FREE) {
            // an absence is billed, a cancellation on time is not: the family gets the free cancellation
            cancelOne(b, cal);
            return FREE_INSTEAD_OF_ABSENCE;
        }
        boolean toReview = reason == AbsenceReason.MALADIE && withCertificate;
        String note = comment == null || comment.isBlank() ? null : comment.trim();
        if (toReview) {
            em.createNativeQuery("insert into absence (booking_id, reason, comment, certificate, certificate_type,"
                            + " certificate_name) values (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, b.getId()).setParameter(2, reason.name()).setParameter(3, note)
                    .setParameter(4, certificate).setParameter(5, contentType)
                    .setParameter(6, fileName == null ? "certificat" : fileName).executeUpdate();
        } else {
            // (no null binding for bytea: the certificate columns are simply left out)
            em.createNativeQuery("insert into absence (booking_id, reason, comment) values (?1, ?2, ?3)")
                    .setParameter(1, b.getId()).setParameter(2, reason.name()).setParameter(3, note).executeUpdate();
        }
        int booked = lockSeats(b.getUnit(), b.getDay());
        b.setStatus(toReview ? BookingStatus.ABSENT_PENDING : BookingStatus.ABSENT_BILLED);
        releaseSeat(b.getUnit(), b.getDay(), booked);
        return toReview ? CERTIFICATE_PENDING
                : reason == AbsenceReason.MALADIE
                ? "Absence enregistrée. Sans certificat médical, la journée reste facturée."
                : "Absence enregistrée. La journée reste facturée.";
    }

    /** A medical certificate waiting for an agent's review (agents' absence queue). */
    public static class CertificateToReview {
        private final long absenceId;
        private final Booking booking;
        private final String fileName;

        CertificateToReview(long absenceId, Booking booking, String fileName) {
            this.absenceId = absenceId;
            this.booking = booking;
            this.fileName = fileName;
        }

        public long getAbsenceId() { return absenceId; }
        public Booking getBooking() { return booking; }
        public String getFileName() { return fileName; }
    }

    /** Absences excused on a certificate that no agent has reviewed yet, oldest first. */
    public List<CertificateToReview> certificatesToReview() {
        List<CertificateToReview> list = new ArrayList<>();
        for (Object row : em.createNativeQuery("select a.id, a.booking_id, a.certificate_name from absence a"
                + " where a.certificate is not null and a.reviewed_at is null order by a.id").getResultList()) {
            Object[] r = (Object[]) row;
            Booking b = em.find(Booking.class, ((Number) r[1]).longValue());
            b.getChild().getFirstName();
            b.getUnit().getActivity().getName();
            list.add(new CertificateToReview(((Number) r[0]).longValue(), b, (String) r[2]));
            files.healthRead("certificat médical en attente de vérification", b.getChild().getFamily().getId(), b.getChild().getId());
        }
        return list;
    }

    /** The certificate of an absence: content type, file name, bytes (agents only). */
    public Optional<Object[]> certificate(long absenceId) {
        files.healthRead("certificat médical de l'absence " + absenceId, null, null);
        List<?> rows = em.createNativeQuery("select certificate_type, certificate_name, certificate from absence"
                + " where id = ?1 and certificate is not null").setParameter(1, absenceId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
    }

    /**
     * An agent reviews a medical certificate: accepted, the absence is excused; refused (illegible,
     * not a certificate…), the day becomes billed and the family is told why. The family is mailed
     * either way.
     */
    public void reviewCertificate(String agent, long absenceId, boolean accept, String reason) {
        files.healthRead("vérification du certificat de l'absence " + absenceId, null, null);
        List<?> rows = em.createNativeQuery("select booking_id from absence where id = ?1 and certificate is not null"
                + " and reviewed_at is null").setParameter(1, absenceId).getResultList();
        if (rows.isEmpty()) {
            throw new BookingRefused("Ce certificat n'attend pas de vérification.");
        }
        String why = Refused.decisionReason(accept, reason);
        em.createNativeQuery("update absence set reviewed_at = now(), reviewed_by = ?2 where id = ?1")
                .setParameter(1, absenceId).setParameter(2, agent).executeUpdate();
        Booking b = em.find(Booking.class, ((Number) rows.get(0)).longValue());
        if (accept) {
            b.setStatus(BookingStatus.ABSENT_EXCUSED);
            mails.send(b.getChild().getFamily().getEmail(), "Certificat médical accepté",
                    "Le certificat envoyé pour l'absence de " + b.getChild().getFirstName() + " le "
                            + DAY.format(b.getDay()) + " a été accepté : l'absence est excusée, la journée n'est pas facturée.");
        } else {
            b.setStatus(BookingStatus.ABSENT_BILLED);
            mails.send(b.getChild().getFamily().getEmail(), "Certificat médical refusé",
                    "Le certificat envoyé pour l'absence de " + b.getChild().getFirstName() + " le "
                            + DAY.format(b.getDay()) + " n'a pas été accepté : " + why + ".\nLa journée reste facturée.");
        }
    }

    /** Bookings waiting for an agent's validation, oldest first (agents' queue). */
    public List<Booking> awaitingValidation() {
        return em.createQuery("select b from Booking b join fetch b.child join fetch b.unit where b.status = :p"
                + " order by b.id", Booking.class).setParameter("p", BookingStatus.PENDING_VALIDATION).getResultList();
    }

    /**
     * An agent's decision on a booking awaiting validation: accepted, it becomes a booking (its seat was
     * held); refused — with a reason, required and told to the family ({@link Refused} on the field
     * {@code reason} without one) —, it is {@link BookingStatus#REFUSED} and the seat goes to the first
     * child waiting. The family is mailed either way.
     */
    public void decideValidation(String agent, long bookingId, boolean accept, String reason) {
        String why = Refused.decisionReason(accept, reason);
        Booking b = Optional.ofNullable(em.find(Booking.class, bookingId))
                .filter(x -> x.getStatus() == BookingStatus.PENDING_VALIDATION)
                .orElseThrow(() -> new BookingRefused("Cette réservation n'attend pas de validation."));
        int booked = lockSeats(b.getUnit(), b.getDay());
        if (accept) {
            b.setStatus(b.isSurcharged() ? BookingStatus.BOOKED_LATE : BookingStatus.BOOKED);
            b.decided();
        } else {
            b.refuse(why);
            releaseSeat(b.getUnit(), b.getDay(), booked);
        }
        mails.send(b.getChild().getFamily().getEmail(), "Réservation " + (accept ? "validée" : "refusée"),
                "La réservation de " + b.getChild().getFirstName() + " à « " + b.getUnit().getActivity().getName()
                        + " – " + b.getUnit().getLabel() + " » le " + DAY.format(b.getDay()) + " a été "
                        + (accept ? "validée" : "refusée") + " par le service enfance."
                        + (accept ? "" : "\nMotif : " + why + "\nRien n'est facturé pour ce jour."));
    }

    /** The bookings of a unit-day, seats first then the waiting list in order (agents' day sheet). */
    public List<Booking> daySheet(long unitId, LocalDate day) {
        return em.createQuery("select b from Booking b join fetch b.child c where b.unit.id = :u and b.day = :d"
                        + " and b.status not in :gone order by case when b.status = :w then 1 else 0 end, b.id",
                        Booking.class)
                .setParameter("u", unitId).setParameter("d", day)
                .setParameter("gone", Set.of(BookingStatus.CANCELLED_FREE, BookingStatus.REFUSED)).setParameter("w", BookingStatus.WAITING)
                .getResultList();
    }

    /**
     * Pointage: an agent marks a child present, absent excused or absent billed on a booked day (not
     * before the day itself), in the audit of the day sheet.
     */
    public void markAttendance(String agent, long bookingId, BookingStatus mark) {
        if (!Set.of(BookingStatus.PRESENT, BookingStatus.ABSENT_EXCUSED, BookingStatus.ABSENT_BILLED).contains(mark)) {
            throw new BookingRefused("Pointage inconnu.");
        }
        Booking b = Optional.ofNullable(em.find(Booking.class, bookingId))
                .orElseThrow(() -> new BookingRefused("Cette réservation n'existe pas."));
        if (b.getStatus() == BookingStatus.WAITING || b.getStatus() == BookingStatus.CANCELLED_FREE
                || b.getStatus() == BookingStatus.PENDING_VALIDATION || b.getStatus() == BookingStatus.REFUSED) {
            throw new BookingRefused("Seul un enfant inscrit ce jour-là peut être pointé.");
        }
        if (b.getDay().isAfter(LocalDate.now(clock))) {
            throw new BookingRefused("Le pointage se fait le jour même ou après.");
        }
        b.setStatus(mark);
    }

    /** One unit's occupancy on a day (agents' overview). A class: EL 5 pages cannot read records. */
    public static class Occupancy {
        private final long unitId;
        private final String activity;
        private final String unit;
        private final int capacity;
        private final int taken;
        private final int waiting;

        Occupancy(long unitId, String activity, String unit, int capacity, int taken, int waiting) {
            this.unitId = unitId;
            this.activity = activity;
            this.unit = unit;
            this.capacity = capacity;
            this.taken = taken;
            this.waiting = waiting;
        }

        public long getUnitId() { return unitId; }
        public String getActivity() { return activity; }
        public String getUnit() { return unit; }
        public int getCapacity() { return capacity; }
        public int getTaken() { return taken; }
        public int getWaiting() { return waiting; }
        public int getFree() { return Math.max(0, capacity - taken); }
    }

    /**
     * Every unit that runs on {@code day} under the commune's calendar ({@link MonthPlan#runsOn}: its
     * weekday, school time or holidays as its activity goes, no public holiday or closure) with the
     * children expected (as on the day sheet: booked, awaiting validation, or already pointed), the
     * places left and the waiting list. A unit that does not run that day is not counted.
     */
    public List<Occupancy> occupancy(LocalDate day) {
        CommuneCalendar cal = settings.calendar();
        List<DateRange> years = settings.schoolYears();
        List<ActivityUnit> running = em.createQuery("select u from ActivityUnit u join fetch u.activity a"
                + " order by a.name, u.startTime, u.id", ActivityUnit.class).getResultList().stream()
                .filter(u -> MonthPlan.runsOn(u.plan(), day, cal, years)).toList();
        Map<Long, int[]> counts = new HashMap<>();
        for (Object row : em.createNativeQuery("select b.unit_id, count(*) filter (where b.status not in ('WAITING',"
                        + " 'CANCELLED_FREE', 'REFUSED')), count(*) filter (where b.status = 'WAITING') from booking b"
                        + " where b.day = ?1 group by b.unit_id").setParameter(1, day).getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(((Number) r[0]).longValue(), new int[] {((Number) r[1]).intValue(), ((Number) r[2]).intValue()});
        }
        List<Occupancy> list = new ArrayList<>();
        for (ActivityUnit u : running) {
            int[] c = counts.getOrDefault(u.getId(), new int[2]);
            list.add(new Occupancy(u.getId(), u.getActivity().getName(), u.getLabel(), u.getCapacity(), c[0], c[1]));
        }
        return list;
    }

    /** Seats taken on a unit-day (agents' occupancy view, tests). */
    public int seatsTaken(long unitId, LocalDate day) {
        List<?> r = em.createNativeQuery("select booked from unit_day where unit_id = ?1 and day = ?2")
                .setParameter(1, unitId).setParameter(2, day).getResultList();
        return r.isEmpty() ? 0 : ((Number) r.get(0)).intValue();
    }

    private Child ownChild(SignedInUser user, long childId) {
        try {
            return files.validatedChild(user, childId);
        } catch (BookingRefused e) {
            throw e;
        } catch (Refused e) {
            throw new BookingRefused(e.getMessage());
        }
    }

    /** A child books an activity's days once its registration to the activity is validated. */
    private void requireRegistration(Child child, Activity activity) {
        if (!registered(child, activity.getId())) {
            throw new BookingRefused(child.getFirstName() + " doit être inscrit(e) à « " + activity.getName()
                    + " » (inscription validée par le service enfance) avant de réserver.");
        }
    }

    /** Whether one of the family's children has a validated registration to the activity. */
    public boolean registered(SignedInUser user, long childId, long activityId) {
        return registered(ownChild(user, childId), activityId);
    }

    private boolean registered(Child child, long activityId) {
        return !em.createNativeQuery("select 1 from registration where child_id = ?1 and activity_id = ?2"
                        + " and status = 'VALIDATED'").setParameter(1, child.getId()).setParameter(2, activityId)
                .getResultList().isEmpty();
    }


    /**
     * One seat of a locked unit-day was given up: it goes at once to the first child waiting (booked,
     * its family mailed; or awaiting validation when the activity needs it), else it is free again.
     */
    private void releaseSeat(ActivityUnit unit, LocalDate day, int bookedBefore) {
        int booked = bookedBefore - 1;
        List<Booking> waiting = em.createQuery("select b from Booking b where b.unit = :u and b.day = :d"
                        + " and b.status = :w order by b.id", Booking.class)
                .setParameter("u", unit).setParameter("d", day)
                .setParameter("w", BookingStatus.WAITING).setMaxResults(1).getResultList();
        if (!waiting.isEmpty()) {
            Booking promoted = waiting.get(0);
            booked++;
            if (unit.getActivity().isNeedsValidation()) {
                promoted.setStatus(BookingStatus.PENDING_VALIDATION);
            } else {
                promoted.setStatus(BookingStatus.BOOKED);
                notifyPromotion(promoted);
            }
        }
        setSeats(unit, day, booked);
    }

    /** Creates the unit-day counter if needed and locks it until the transaction ends. */
    private int lockSeats(ActivityUnit unit, LocalDate day) {
        em.createNativeQuery("insert into unit_day (unit_id, day) values (?1, ?2) on conflict do nothing")
                .setParameter(1, unit.getId()).setParameter(2, day).executeUpdate();
        Object booked = em.createNativeQuery("select booked from unit_day where unit_id = ?1 and day = ?2 for update")
                .setParameter(1, unit.getId()).setParameter(2, day).getSingleResult();
        return ((Number) booked).intValue();
    }

    private void setSeats(ActivityUnit unit, LocalDate day, int booked) {
        em.createNativeQuery("update unit_day set booked = ?3 where unit_id = ?1 and day = ?2")
                .setParameter(1, unit.getId()).setParameter(2, day).setParameter(3, booked).executeUpdate();
    }

    private void notifyPromotion(Booking promoted) {
        mails.send(promoted.getChild().getFamily().getEmail(), "Une place s'est libérée",
                "Une place s'est libérée : " + promoted.getChild().getFirstName() + " est inscrit(e) à « "
                        + promoted.getUnit().getActivity().getName() + " – " + promoted.getUnit().getLabel() + " » le "
                        + DAY.format(promoted.getDay()) + ".");
    }


    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
