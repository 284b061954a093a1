package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.AbsenceReason;
import fr.portailfamille.booking.AbsenceRules;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.booking.CancellationDecision;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.family.HealthRecords;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.kernel.TextLimits;
import fr.portailfamille.platform.kernel.UploadChecker;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Absences: a family declares one on a booked day ({@link AbsenceRules}: billed, cancelled for free
 * while it still can be, or waiting for the review of a medical certificate); agents with health rights
 * ({@code agent-sante}, checked and audited by {@link HealthRecords#healthRead}) review the
 * certificates ({@link CertificateQueue} lists them). Each call one transaction.
 */
@ApplicationScoped
@Transactional
@CommuneRequired
public class AbsenceService {

    @PersistenceContext(unitName = "portail")
    EntityManager em;

    @Inject
    MonthsBeingInvoiced months;

    @Inject
    HealthRecords health;

    @Inject
    CommuneSettings settings;

    @Inject
    PlanningService planning;

    @Inject
    SeatCounter seats;

    @Inject
    BookingMails mails;

    @Inject
    BookingCharges charges;

    Clock clock = PlatformTime.clock();

    /**
     * Whether one of the family's booked days can still be cancelled without charge (then "Signaler une
     * absence" offers the free cancellation instead: an absence is billed).
     */
    public boolean freeCancellation(SignedInUser user, long bookingId) {
        Booking b = planning.ownBooking(user, bookingId);
        return b.holdsSeat() && cancellation(b) == CancellationDecision.Outcome.FREE;
    }

    /** What cancelling {@code b} would be now, under its activity's rules (free, billed, refused). */
    private CancellationDecision.Outcome cancellation(Booking b) {
        return b.getUnit().getActivity().rules().decideCancellation(now(), b.getDay(), settings.calendar(),
                b.getUnit().getStartTime()).outcome();
    }

    /**
     * A family declares an absence on one of its booked days (not a past one), under {@link AbsenceRules}.
     * A certificate is a PDF, JPEG or PNG of 5 Mo at most (checked on its content). The seat is freed and
     * goes to the first child waiting.
     *
     * @return the message for the family, to be read in any language
     */
    public Message declareAbsence(SignedInUser user, long bookingId, AbsenceReason reason, String comment,
                                  byte[] certificate, String contentType, String fileName) {
        return declare(planning.ownBooking(user, bookingId), reason, comment, certificate, contentType, fileName,
                () -> planning.cancelWhileFree(user, bookingId));
    }

    /**
     * Au guichet: an agent declares, for a family that phones or comes to the town hall, an absence on one of its booked
     * days, under the same rules ({@link AbsenceRules}) but without a certificate — an illness then waits for the medical
     * certificate the family sends from its own absence page within the commune's delay ({@link #lateCertificateDays});
     * still cancellable for free, the day is cancelled instead. Any agent; written in the family file's log, and the
     * family mailed (the day, billed, until when a certificate may excuse it; never the reason).
     *
     * @return the booking's status afterwards: {@code CANCELLED_FREE} (cancelled instead) or {@code ABSENT_BILLED}
     */
    public BookingStatus declareAbsenceAtCounter(SignedInUser agent, long familyId, long bookingId, AbsenceReason reason,
                                                 String comment) {
        Booking b = planning.counterBooking(agent, familyId, bookingId);
        // the counter's cancellation refuses (the agent is told it would be billed) rather than bills once no longer free:
        // returning, it cancelled free
        declare(b, reason, comment, null, null, null, () -> {
            planning.cancelAtCounter(agent, familyId, bookingId, false);
            return true;
        });
        if (b.getStatus() != BookingStatus.CANCELLED_FREE) {
            // the reason left out: an illness is health data, and the log is read by every agent (the cancellation
            // instead of an absence is logged by cancelAtCounter)
            em.persist(new fr.portailfamille.platform.family.AuditEntry(agent.email(), "ABSENCE_GUICHET", familyId,
                    b.getChild().getId(), b.getUnit().getActivity().getName() + " (" + b.getUnit().getLabel() + ") du "
                    + b.getDay()));
            mails.absentAtCounter(b, planning.unexcusedAbsenceBilled(b) ? b.getDay().plusDays(lateCertificateDays()) : null);
        }
        return b.getStatus();
    }

    /**
     * A declared absence on {@code b}, found by the caller in the family's bookings ({@code freeCancel}: its free
     * cancellation): a booked day not past, or a day the service pointed absent that the family has not declared, within
     * the commune's delay and before its invoice ({@link AbsenceRules#pointedAbsenceRefusal}: a sick child pointed absent in
     * the morning, the family's certificate excuses the day as it would have the day before).
     */
    private Message declare(Booking b, AbsenceReason reason, String comment, byte[] certificate, String contentType,
                            String fileName, java.util.function.BooleanSupplier freeCancel) {
        declarationRefusal(b, reason).ifPresent(why -> {
            throw new BookingRefused(why);
        });
        boolean pointed = pointedUndeclared(b);
        boolean withCertificate = certificate != null && certificate.length > 0;
        if (withCertificate) {
            try {
                // the content decides (Tika), not the declared type; the name is cleaned and shortened
                UploadChecker.Accepted checked = UploadChecker.check(UploadChecker.the("certificate"), fileName, certificate);
                contentType = checked.contentType();
                fileName = checked.fileName();
            } catch (UploadChecker.Rejected e) {
                throw new BookingRefused("certificate", e.text());
            }
        }
        if (TextLimits.exceeds(comment, TextLimits.COMMENT)) {
            throw new BookingRefused("comment", TextLimits.tooLong(Refused.text("common.what.comment"), TextLimits.COMMENT));
        }
        boolean billed = planning.unexcusedAbsenceBilled(b);
        // a day pointed absent is past its cancellation, whatever its deadline would say of a day still to come
        AbsenceRules.Decision decision = AbsenceRules.decide(reason, withCertificate,
                pointed ? CancellationDecision.Outcome.REFUSED : cancellation(b), lateCertificateDays(), billed);
        if (decision.outcome() == AbsenceRules.Outcome.FREE_CANCELLATION) {
            if (freeCancel.getAsBoolean()) {
                return decision.text();
            }
            // its deadline passed between the two reads (a declaration at 23:59:59): the day is declared absent, as it
            // now must be — not cancelled and billed while the family reads "sans frais", its certificate then refused
            decision = AbsenceRules.decide(reason, withCertificate, cancellation(b), lateCertificateDays(), billed);
        }
        String note = comment == null || comment.isBlank() ? null : comment.trim();
        // locked as a cancellation locks (the family's charges, then the day's seats), then read again: a cancellation or
        // the same declaration sent twice (a double tap) that got there first is seen, not overwritten
        charges.lock(b.getChild().getFamily().getId(), b.getUnit().getActivity());
        int booked = seats.lock(b.getUnit(), b.getDay());
        em.refresh(b);
        declarationRefusal(b, reason).ifPresent(why -> {
            throw new BookingRefused(why);
        });
        if (pointed) {
            // not while its month is being invoiced: the run read the day billed
            months.refuseWhileInvoiced(b);
        }
        if (decision.outcome() == AbsenceRules.Outcome.TO_REVIEW) {
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
        b.setStatus(decision.status());
        charges.statusChanged(b);
        seats.release(b.getUnit(), b.getDay(), booked);
        return decision.text();
    }

    /**
     * Why the family cannot declare the absence on {@code b} now, or empty when it can: a booked day not past
     * ({@link AbsenceRules#refusal}), or a day the service pointed absent, billed, that the family has not declared
     * ({@link AbsenceRules#pointedAbsenceRefusal}).
     */
    private Optional<Message> declarationRefusal(Booking b, AbsenceReason reason) {
        if (pointedUndeclared(b) && planning.unexcusedAbsenceBilled(b)) {
            return AbsenceRules.pointedAbsenceRefusal(b.getDay(), PlatformTime.today(clock), invoiced(b),
                    lateCertificateDays(), reason);
        }
        return AbsenceRules.refusal(b.getStatus(), b.getDay(), PlatformTime.today(clock), reason);
    }

    /**
     * Whether {@code b} is a day the service pointed absent (billed) that the family has not declared: no absence of the
     * family's, its seat not given up by a late cancellation.
     */
    private boolean pointedUndeclared(Booking b) {
        return b.getStatus() == BookingStatus.ABSENT_BILLED && !b.isSeatGivenUp() && em.createNativeQuery(
                "select 1 from absence where booking_id = ?1").setParameter(1, b.getId()).getResultList().isEmpty();
    }

    /** Whether an issued invoice bills {@code b}'s day. */
    private boolean invoiced(Booking b) {
        return (Boolean) em.createNativeQuery("select " + BilledDays.billed("?1", "?2", "?3", "?4"))
                .setParameter(1, b.getChild().getId()).setParameter(2, b.getUnit().getId())
                .setParameter(3, b.getDay().withDayOfMonth(1)).setParameter(4, b.getDay().getDayOfMonth()).getSingleResult();
    }

    /**
     * Why the family may not declare, on Signaler une absence, the absence the service pointed on its day {@code
     * bookingId} (none pointed, or declared already: {@code booking.absence.notBooked}; too late), or empty when it may.
     */
    public Optional<Message> pointedAbsenceRefused(SignedInUser user, long bookingId) {
        Booking b = planning.ownBooking(user, bookingId);
        if (!pointedUndeclared(b) || !planning.unexcusedAbsenceBilled(b)) {
            return Optional.of(Problems.of("booking.absence.notBooked"));
        }
        // the reason is chosen on the form, checked when it is sent
        return AbsenceRules.pointedAbsenceRefusal(b.getDay(), PlatformTime.today(clock), invoiced(b), lateCertificateDays(),
                AbsenceReason.AUTRE);
    }

    /**
     * Whether the family may still send the medical certificate of an illness it declared without one (the absence
     * page then asks for it: {@link AbsenceRules#lateCertificateRefusal}).
     */
    public boolean lateCertificateAllowed(SignedInUser user, long bookingId) {
        return lateCertificateRefused(user, bookingId).isEmpty();
    }

    /**
     * Why the family may not send a certificate for its booked day now (none asked; its delay passed, or its month
     * invoiced), or empty when it may ({@link #lateCertificateAllowed}).
     */
    public Optional<Message> lateCertificateRefused(SignedInUser user, long bookingId) {
        return lateCertificateRefusal(planning.ownBooking(user, bookingId));
    }

    /**
     * The family sends the medical certificate of an illness declared without one (or whose certificate was refused at
     * its review), within the commune's delay ({@link #lateCertificateDays}) and before the day is invoiced: the absence then waits for
     * {@code agent-sante}'s review as if the certificate had come with it (accepted, the day is excused). A PDF, JPEG or
     * PNG of 5 Mo at most, checked on its content.
     *
     * @return the message for the family, to be read in any language
     * @throws BookingRefused beside the file when there is none or it is refused; else why no certificate is awaited
     */
    public Message sendLateCertificate(SignedInUser user, long bookingId, byte[] certificate, String contentType,
                                       String fileName) {
        Booking b = planning.ownBooking(user, bookingId);
        charges.lock(b.getChild().getFamily().getId(), b.getUnit().getActivity());
        // the same certificate sent twice at once: the second waits here, then finds it sent
        em.lock(b, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.refresh(b);
        lateCertificateRefusal(b).ifPresent(why -> {
            throw new BookingRefused(why);
        });
        months.refuseWhileInvoiced(b);
        if (certificate == null || certificate.length == 0) {
            throw new BookingRefused("certificate", Refused.text("booking.certificate.required"));
        }
        UploadChecker.Accepted checked;
        try {
            checked = UploadChecker.check(UploadChecker.the("certificate"), fileName, certificate);
        } catch (UploadChecker.Rejected e) {
            throw new BookingRefused("certificate", e.text());
        }
        // back in agent-sante's queue: a new certificate, not yet reviewed
        em.createNativeQuery("update absence set certificate = ?2, certificate_type = ?3, certificate_name = ?4,"
                        + " reviewed_at = null, reviewed_by = null, review_reason = null where booking_id = ?1")
                .setParameter(1, b.getId()).setParameter(2, checked.content()).setParameter(3, checked.contentType())
                .setParameter(4, checked.fileName() == null ? "certificat" : checked.fileName()).executeUpdate();
        b.setStatus(BookingStatus.ABSENT_PENDING);
        charges.statusChanged(b);
        return AbsenceRules.CERTIFICATE_PENDING;
    }

    /** Why the booking's absence awaits no certificate now, or empty when it does. */
    private Optional<Message> lateCertificateRefusal(Booking b) {
        @SuppressWarnings("unchecked")
        // a certificate refused at its review (illegible, not a certificate) awaits a new one, as a missing one does
        List<Object[]> rows = em.createNativeQuery("select x.reason, x.certificate is not null and x.reviewed_at is null,"
                        + " " + BilledDays.billed("?2", "?3", "?4", "?5") + " from absence x where x.booking_id = ?1")
                .setParameter(1, b.getId()).setParameter(2, b.getChild().getId()).setParameter(3, b.getUnit().getId())
                .setParameter(4, b.getDay().withDayOfMonth(1)).setParameter(5, b.getDay().getDayOfMonth())
                .getResultList();
        if (rows.isEmpty() || !planning.unexcusedAbsenceBilled(b)) {
            // none declared, or its tariff bills no unexcused absence: nothing for a certificate to excuse
            return Optional.of(Problems.of("booking.absence.lateCertificate.notAsked"));
        }
        Object[] row = rows.get(0);
        return AbsenceRules.lateCertificateRefusal(b.getStatus(), AbsenceReason.valueOf((String) row[0]),
                (Boolean) row[1], b.getDay(), PlatformTime.today(clock), (Boolean) row[2], lateCertificateDays());
    }

    /**
     * Whether an absence on the family's booking, declared at the counter, is billed: its tariff bills an unexcused
     * absence (what the counter's form and its answer say). Any agent.
     */
    public boolean absenceBilledAtCounter(SignedInUser agent, long familyId, long bookingId) {
        return planning.unexcusedAbsenceBilled(planning.counterBooking(agent, familyId, bookingId));
    }

    /** How many days after an absent day a family may still send its medical certificate: the commune's (Tarification). */
    public int lateCertificateDays() {
        return settings.billing().settings().lateCertificateDays();
    }

    /** The certificate of an absence: content type, file name, bytes (for {@code agent-sante} only, audited). */
    public Optional<Object[]> certificate(SignedInUser agent, long absenceId) {
        StaffRoles.requireHealthAgent(agent);
        List<?> rows = em.createNativeQuery("select x.certificate_type, x.certificate_name, x.certificate, k.family_id, k.id"
                + " from absence x join booking b on b.id = x.booking_id join child k on k.id = b.child_id"
                + " where x.id = ?1 and x.certificate is not null").setParameter(1, absenceId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        // in the family's journal, under the child: who opened its certificate, and when
        health.healthRead(agent, "certificat médical de l'absence " + absenceId, ((Number) r[3]).longValue(),
                ((Number) r[4]).longValue());
        return Optional.of(new Object[] {r[0], r[1], r[2]});
    }

    /**
     * An agent reviews a medical certificate: accepted, the absence is excused; refused (illegible,
     * not a certificate…), the day becomes billed and the family is told why ({@link Refused#decisionReason}).
     * The family is mailed either way.
     */
    public void reviewCertificate(String agent, long absenceId, boolean accept, String reason) {
        health.requireHealthCaller();
        // the family's charges locked first, as a pointage or a closure of the day locks them (then the day): taken the
        // other way round, a review and a pointage of the same day at once deadlocked
        List<?> whose = em.createNativeQuery("select c.family_id, u.activity_id from absence x join booking b on b.id ="
                + " x.booking_id join child c on c.id = b.child_id join activity_unit u on u.id = b.unit_id where x.id = ?1")
                .setParameter(1, absenceId).getResultList();
        if (whose.isEmpty()) {
            throw new BookingRefused(Refused.text("booking.certificate.notPending"));
        }
        Object[] w = (Object[]) whose.get(0);
        charges.lock(((Number) w[0]).longValue(), em.find(Activity.class, ((Number) w[1]).longValue()));
        // locked with its day: a second review (another agent, a double click) waits, then finds it reviewed; a day the
        // commune closed meanwhile (cancelled free, ClosedDays) no longer waits for a certificate and is never billed
        List<?> rows = em.createNativeQuery("select x.booking_id from absence x join booking b on b.id = x.booking_id"
                + " where x.id = ?1 and x.certificate is not null and x.reviewed_at is null and b.status = 'ABSENT_PENDING'"
                + " for update of x, b").setParameter(1, absenceId).getResultList();
        if (rows.isEmpty()) {
            throw new BookingRefused(Refused.text("booking.certificate.notPending"));
        }
        String why = Refused.decisionReason(accept, reason);
        Booking b = em.find(Booking.class, ((Number) rows.get(0)).longValue());
        // not while its month is being invoiced: the run read the day awaiting its certificate (not billed), a refusal
        // after that read would leave it billed nowhere and its month never listed to run again
        months.refuseWhileInvoiced(b);
        em.createNativeQuery("update absence set reviewed_at = now(), reviewed_by = ?2, review_reason = nullif(?3, '') where id = ?1")
                .setParameter(1, absenceId).setParameter(2, agent).setParameter(3, why == null ? "" : why).executeUpdate();
        health.healthRead("vérification du certificat de l'absence " + absenceId + (accept ? " : accepté" : " : refusé"),
                b.getChild().getFamily().getId(), b.getChild().getId());
        b.setStatus(AbsenceRules.afterReview(accept));
        charges.statusChanged(b);
        mails.certificateReviewed(b, accept, why);
    }

    private LocalDateTime now() {
        return PlatformTime.now(clock);
    }
}
