package fr.portailfamille.booking;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A commune's booking rules for one activity.
 *
 * @param booking deadline to book a day
 * @param cancellation deadline to cancel a day without it being billed
 * @param late what happens to a booking made after the booking deadline
 * @param needsValidation whether bookings wait for an agent's validation
 */
public record BookingRules(Deadline booking, Deadline cancellation, LatePolicy late, boolean needsValidation) {

    /**
     * How far ahead a day may be booked, in years: beyond, the commune's calendar (public holidays, closures, school
     * years) is not known yet — Mon planning, the semaine type, the counter and the families' API all stop there.
     */
    public static final int HORIZON_YEARS = 2;

    /** Whether {@code day} is beyond what may be booked on {@code today} ({@link #HORIZON_YEARS}). */
    public static boolean beyondHorizon(java.time.LocalDate day, java.time.LocalDate today) {
        return day.isAfter(today.plusYears(HORIZON_YEARS));
    }


    static final String PAST_DAY = "booking.pastDay";
    static final String CLOSED = "booking.closed";

    public BookingRules {
        Objects.requireNonNull(booking, "booking");
        Objects.requireNonNull(cancellation, "cancellation");
        Objects.requireNonNull(late, "late");
    }

    /**
     * Decides a booking request made at {@code now} for {@code day}. The first rule that applies wins:
     * <ol>
     *   <li>the day is before {@code now}'s date: {@code REFUSED} "Cette date est passée." (today is not
     *       past: the deadline decides);</li>
     *   <li>public holiday, closure, or unit not running that day ({@code unitOpen} false — this is
     *       where the caller says the activity does not run during school holidays, or on
     *       Wednesdays…): {@code REFUSED} "L'accueil est fermé ce jour-là.";</li>
     *   <li>booking deadline passed and late policy {@link LatePolicy#REFUSED}: {@code REFUSED}
     *       "Le délai de réservation est dépassé (limite : mardi 1 décembre à 23h59)." (the year is
     *       added when the limit is not in the current year);</li>
     *   <li>no place left ({@code booked >= capacity}): {@code WAITING_LIST} — before validation,
     *       because an agent cannot validate a booking without a place; agents pick from the waiting
     *       list when a place frees up;</li>
     *   <li>{@code needsValidation}: {@code PENDING_VALIDATION};</li>
     *   <li>deadline passed and late policy {@link LatePolicy#SURCHARGED}: {@code ACCEPTED_SURCHARGED};</li>
     *   <li>otherwise {@code ACCEPTED}.</li>
     * </ol>
     * A late booking under {@link LatePolicy#SURCHARGED} keeps {@link BookingDecision#surcharged()} set
     * when it goes on the waiting list or waits for validation.
     *
     * @param booked places already taken for that day and unit (not counting this request)
     * @param capacity places for that day and unit ({@link Integer#MAX_VALUE} for no limit)
     */
    public BookingDecision decideBooking(LocalDateTime now, LocalDate day, CommuneCalendar cal, boolean unitOpen,
            int booked, int capacity) {
        return decideBooking(now, day, null, cal, unitOpen, booked, capacity);
    }

    /**
     * As {@link #decideBooking(LocalDateTime, LocalDate, CommuneCalendar, boolean, int, int)}, for a unit
     * starting at {@code start} ({@code null} when the unit has no time): a unit is bookable only before
     * its deadline AND before it starts. Right after the closure rule, a unit that has already started
     * (or ended) — {@code now} at or after {@code day} at {@code start} — is {@code REFUSED} "Cet accueil a
     * déjà commencé (07h30) : il ne peut plus être réservé.", whatever the late policy.
     */
    public BookingDecision decideBooking(LocalDateTime now, LocalDate day, LocalTime start, CommuneCalendar cal,
            boolean unitOpen, int booked, int capacity) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(cal, "cal");
        if (booked < 0 || capacity < 0) {
            throw new IllegalArgumentException("booked and capacity must not be negative: " + booked + ", " + capacity);
        }
        if (day.isBefore(now.toLocalDate())) {
            return BookingDecision.refused(Problems.of(PAST_DAY));
        }
        if (cal.isPublicHoliday(day) || cal.isClosed(day) || !unitOpen) {
            return BookingDecision.refused(Problems.of(CLOSED));
        }
        if (started(now, day, start)) {
            return BookingDecision.refused(Problems.of("booking.started", FrenchText.timeText(start)));
        }
        boolean isLate = !booking.allows(now, day, cal);
        if (isLate && late == LatePolicy.REFUSED) {
            return BookingDecision.refused(Problems.of("booking.deadlinePassed",
                    FrenchText.dateTimeText(booking.limitFor(day, cal), now.toLocalDate())));
        }
        if (booked >= capacity) {
            return BookingDecision.waitingList(isLate);
        }
        if (needsValidation) {
            return BookingDecision.pendingValidation(isLate);
        }
        return isLate ? BookingDecision.acceptedSurcharged() : BookingDecision.accepted();
    }

    /**
     * Decides a cancellation request made at {@code now} for {@code day}. The first rule that applies
     * wins:
     * <ol>
     *   <li>the day is before {@code now}'s date: {@code REFUSED} "Cette date est passée.";</li>
     *   <li>public holiday or closure: {@code FREE} — a day the accueil is closed is never billed;</li>
     *   <li>the unit has started (overload with its start time): {@code BILLED};</li>
     *   <li>cancellation deadline not passed (limit minute included): {@code FREE};</li>
     *   <li>otherwise {@code BILLED} "Annulation hors délai : la journée reste facturée."</li>
     * </ol>
     */
    public CancellationDecision decideCancellation(LocalDateTime now, LocalDate day, CommuneCalendar cal) {
        return decideCancellation(now, day, cal, null);
    }

    /**
     * {@link #decideCancellation(LocalDateTime, LocalDate, CommuneCalendar)} for a unit starting at {@code start}: once
     * it has started (it runs, or ran, that morning), a cancellation is never free, whatever the deadline says (a
     * same-day deadline at noon would otherwise free a morning the child attended); {@code null}: the deadline alone.
     */
    public CancellationDecision decideCancellation(LocalDateTime now, LocalDate day, CommuneCalendar cal, LocalTime start) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(cal, "cal");
        if (day.isBefore(now.toLocalDate())) {
            return CancellationDecision.refused(Problems.of(PAST_DAY));
        }
        if (cal.isPublicHoliday(day) || cal.isClosed(day)) {
            return CancellationDecision.free();
        }
        if (started(now, day, start)) {
            return CancellationDecision.billed();
        }
        return cancellation.allows(now, day, cal) ? CancellationDecision.free() : CancellationDecision.billed();
    }

    /** Whether a unit starting at {@code start} on {@code day} has started at {@code now} ({@code null} start: never). */
    public static boolean started(LocalDateTime now, LocalDate day, LocalTime start) {
        return start != null && !now.isBefore(day.atTime(start));
    }

    /**
     * What the family should know before confirming a booking of {@code day} made at {@code now}, each to be
     * read in any language, one sentence a line (the summary before "Confirmer"): the refusal reason if it would be
     * refused; the waiting list; validation by the service; a surcharge when it would be booked after
     * the deadline; and whether it could still be cancelled without charge afterwards — "Ne pourra plus
     * être annulée sans frais (délai d'annulation dépassé)." when the cancellation deadline has passed.
     */
    public List<Message> bookingNotices(LocalDateTime now, LocalDate day, LocalTime start, CommuneCalendar cal,
            boolean unitOpen, int booked, int capacity) {
        BookingDecision d = decideBooking(now, day, start, cal, unitOpen, booked, capacity);
        List<Message> notices = new ArrayList<>();
        if (d.outcome() == BookingDecision.Outcome.REFUSED) {
            notices.add(Problems.of("booking.notice.refused", d.text()));
            return notices;
        }
        if (d.outcome() == BookingDecision.Outcome.WAITING_LIST) {
            notices.add(Problems.of("booking.notice.waitingList"));
        }
        if (d.outcome() == BookingDecision.Outcome.PENDING_VALIDATION) {
            notices.add(Problems.of("booking.notice.validation"));
        }
        if (d.surcharged()) {
            notices.add(Problems.of("booking.notice.surcharged"));
        }
        if (!cancellation.allows(now, day, cal)) {
            notices.add(Problems.of("booking.notice.notCancellable"));
        }
        return notices;
    }
}
