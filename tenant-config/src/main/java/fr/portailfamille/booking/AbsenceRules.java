package fr.portailfamille.booking;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which absences are billed and which are excused. A family declares an absence on a booked day that
 * has not passed. While the day can still be cancelled without charge it is cancelled instead (an
 * absence is billed, a cancellation on time is not). An illness with a medical certificate waits for an
 * agent's review ({@link BookingStatus#ABSENT_PENDING}): accepted, it is excused; refused, billed. Any
 * other absence is billed. A booking cancelled after its free-cancellation deadline is billed too.
 */
public final class AbsenceRules {

    /** What the family is told when an absence on a day still cancellable for free became a cancellation. */
    public static final Message FREE_INSTEAD_OF_ABSENCE = Problems.of("booking.absence.freeInstead");

    /** What the family is told when it sends a medical certificate. */
    public static final Message CERTIFICATE_PENDING = Problems.of("booking.absence.certificatePending");

    private AbsenceRules() {
    }

    /** What becomes of a declared absence. */
    public enum Outcome {
        /** The day was still free to cancel: it is cancelled without charge, no absence is recorded. */
        FREE_CANCELLATION,
        /** Recorded with its certificate, neither excused nor billed until an agent reviews it. */
        TO_REVIEW,
        /** Recorded and billed. */
        BILLED
    }

    /**
     * The decision on a declared absence.
     *
     * @param status the booking's new status ({@link BookingStatus#CANCELLED_FREE} for a free cancellation)
     * @param text the text for the family
     */
    public record Decision(Outcome outcome, BookingStatus status, Message text) {

        /** The text for the family, in French. */
        public String message() {
            return text.french();
        }
    }

    /**
     * Why the family cannot declare this absence (for the family, to be read in any language), or empty when it can.
     *
     * @param current the booking's status
     * @param day the booked day
     * @param today the commune's date today
     */
    public static Optional<Message> refusal(BookingStatus current, LocalDate day, LocalDate today, AbsenceReason reason) {
        if (current != BookingStatus.BOOKED && current != BookingStatus.BOOKED_LATE) {
            return Optional.of(Problems.of("booking.absence.notBooked"));
        }
        if (day.isBefore(today)) {
            return Optional.of(Problems.of("booking.absence.pastDay"));
        }
        if (reason == null) {
            return Optional.of(Problems.of("booking.absence.reasonRequired"));
        }
        return Optional.empty();
    }

    /**
     * Why the family cannot declare now the absence the service pointed on one of its booked days (absent billed, not
     * declared by the family: the child was not there), or empty when it can: as a certificate forgotten at a
     * declaration ({@link #lateCertificateRefusal}), within {@code days} days of the day and before the day is invoiced,
     * with a reason. It is then {@link #decide decided} as a day no longer free to cancel: an illness with its
     * certificate waits for the review that excuses it.
     *
     * @param invoiced whether an invoice already bills the day
     */
    public static Optional<Message> pointedAbsenceRefusal(LocalDate day, LocalDate today, boolean invoiced, int days,
                                                          AbsenceReason reason) {
        if (invoiced || today.isAfter(day.plusDays(days))) {
            return Optional.of(Problems.of("booking.absence.pointed.tooLate", days));
        }
        if (reason == null) {
            return Optional.of(Problems.of("booking.absence.reasonRequired"));
        }
        return Optional.empty();
    }

    /**
     * The decision on an absence that {@link #refusal} accepts.
     *
     * @param withCertificate whether a (checked) medical certificate comes with it
     * @param cancellation what a cancellation of the day would be now, under the activity's deadline
     */
    public static Decision decide(AbsenceReason reason, boolean withCertificate, CancellationDecision.Outcome cancellation) {
        return decide(reason, withCertificate, cancellation, LATE_CERTIFICATE_DAYS);
    }

    /** {@link #decide(AbsenceReason, boolean, CancellationDecision.Outcome)} for a commune giving {@code certificateDays}. */
    public static Decision decide(AbsenceReason reason, boolean withCertificate, CancellationDecision.Outcome cancellation,
                                  int certificateDays) {
        return decide(reason, withCertificate, cancellation, certificateDays, true);
    }

    /**
     * {@link #decide(AbsenceReason, boolean, CancellationDecision.Outcome, int)} under a tariff that bills an unexcused
     * absence or not ({@code unexcusedBilled}): not, the absence is recorded and said not billed, whatever its reason —
     * no certificate is asked for nor reviewed (health data of no use).
     */
    public static Decision decide(AbsenceReason reason, boolean withCertificate, CancellationDecision.Outcome cancellation,
                                  int certificateDays, boolean unexcusedBilled) {
        if (cancellation != CancellationDecision.Outcome.FREE && !unexcusedBilled) {
            return new Decision(Outcome.BILLED, BookingStatus.ABSENT_BILLED, Problems.of("booking.absence.notBilled"));
        }
        if (cancellation == CancellationDecision.Outcome.FREE) {
            return new Decision(Outcome.FREE_CANCELLATION, BookingStatus.CANCELLED_FREE, FREE_INSTEAD_OF_ABSENCE);
        }
        if (reason == AbsenceReason.MALADIE && withCertificate) {
            return new Decision(Outcome.TO_REVIEW, BookingStatus.ABSENT_PENDING, CERTIFICATE_PENDING);
        }
        return new Decision(Outcome.BILLED, BookingStatus.ABSENT_BILLED,
                reason == AbsenceReason.MALADIE
                        ? Problems.of("booking.absence.illWithoutCertificate", certificateDays)
                        : Problems.of("booking.absence.billed"));
    }

    /**
     * How many days after an absent day a family may still send its medical certificate, unless the commune says
     * otherwise (its billing settings' {@code certificateDays}).
     */
    public static final int LATE_CERTIFICATE_DAYS = fr.portailfamille.billing.BillingSettings.DEFAULT_CERTIFICATE_DAYS;

    /**
     * Why the family cannot send now the medical certificate of an absence declared without one (for the family, to be
     * read in any language), or empty when it can: an illness declared without certificate, billed and not reviewed,
     * within {@value #LATE_CERTIFICATE_DAYS} days of the day (the default; a commune's own delay: the overload with
     * {@code days}) and before the day is invoiced. The certificate then waits for its review as if it had come with
     * the declaration.
     *
     * @param current        the booking's status
     * @param reason         the absence's declared reason
     * @param hasCertificate whether the absence already has a certificate not refused (one refused at its review —
     *                       illegible, not a certificate — awaits a new one)
     * @param invoiced       whether an invoice already bills the day
     */
    public static Optional<Message> lateCertificateRefusal(BookingStatus current, AbsenceReason reason,
                                                           boolean hasCertificate, LocalDate day, LocalDate today,
                                                           boolean invoiced) {
        return lateCertificateRefusal(current, reason, hasCertificate, day, today, invoiced, LATE_CERTIFICATE_DAYS);
    }

    /** {@link #lateCertificateRefusal(BookingStatus, AbsenceReason, boolean, LocalDate, LocalDate, boolean)} within {@code days}. */
    public static Optional<Message> lateCertificateRefusal(BookingStatus current, AbsenceReason reason,
                                                           boolean hasCertificate, LocalDate day, LocalDate today,
                                                           boolean invoiced, int days) {
        if (current != BookingStatus.ABSENT_BILLED || reason != AbsenceReason.MALADIE || hasCertificate) {
            return Optional.of(Problems.of("booking.absence.lateCertificate.notAsked"));
        }
        if (invoiced || today.isAfter(day.plusDays(days))) {
            return Optional.of(Problems.of("booking.absence.lateCertificate.tooLate", days));
        }
        return Optional.empty();
    }

    /** An agent's review of a medical certificate: accepted, the absence is excused; refused, it is billed. */
    public static BookingStatus afterReview(boolean accepted) {
        return accepted ? BookingStatus.ABSENT_EXCUSED : BookingStatus.ABSENT_BILLED;
    }

    /**
     * What cancelling a booking whose status is {@code current} comes to, given what the activity's deadline decided
     * ({@code byDeadline}): a request the commune never granted — on the waiting list, awaiting an agent's validation —
     * is withdrawn free whatever the deadline (leaving it undecided would cost nothing either); a booked day keeps the
     * deadline's decision.
     */
    public static CancellationDecision withdrawal(CancellationDecision byDeadline, BookingStatus current) {
        boolean granted = current == BookingStatus.BOOKED || current == BookingStatus.BOOKED_LATE;
        return byDeadline.outcome() == CancellationDecision.Outcome.BILLED && !granted ? CancellationDecision.free()
                : byDeadline;
    }

    /**
     * A booking's status once cancelled: a seat given up after the free-cancellation deadline is billed
     * as an absence; anything else (on time, or a place on the waiting list) costs nothing.
     *
     * @param holdsSeat whether the booking held a seat (booked, or awaiting validation: a request not granted is
     *                  decided {@link #withdrawal free} first)
     */
    public static BookingStatus afterCancellation(CancellationDecision.Outcome cancellation, boolean holdsSeat) {
        if (cancellation == CancellationDecision.Outcome.REFUSED) {
            throw new IllegalArgumentException("a refused cancellation changes nothing");
        }
        return cancellation == CancellationDecision.Outcome.BILLED && holdsSeat
                ? BookingStatus.ABSENT_BILLED : BookingStatus.CANCELLED_FREE;
    }
}
