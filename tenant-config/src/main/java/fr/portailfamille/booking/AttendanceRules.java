package fr.portailfamille.booking;

import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Pointage: an agent marks a child present, absent excused or absent billed, only a child holding a
 * booked day (or already pointed, to correct it), and only on the day itself or after; an absence whose proof awaits
 * review is decided in the certificates' queue, not on the day sheet.
 */
public final class AttendanceRules {

    /** The marks of the day sheet. */
    public static final Set<BookingStatus> MARKS = EnumSet.of(BookingStatus.PRESENT, BookingStatus.ABSENT_EXCUSED,
            BookingStatus.ABSENT_BILLED);

    /** Statuses of a request that never became a booked day: nobody is expected, nothing to point. */
    static final Set<BookingStatus> NOT_EXPECTED = EnumSet.of(BookingStatus.WAITING, BookingStatus.CANCELLED_FREE,
            BookingStatus.PENDING_VALIDATION, BookingStatus.REFUSED);

    private AttendanceRules() {
    }

    /** Whether {@code mark} is one of the {@link #MARKS}. */
    public static boolean isMark(BookingStatus mark) {
        return mark != null && MARKS.contains(mark);
    }

    /**
     * Why the booking cannot be marked (for the agent, to be read in any language), or empty when it can.
     *
     * @param current the booking's status
     * @param day the booked day
     * @param today the commune's date today
     */
    public static Optional<Message> refusal(BookingStatus mark, BookingStatus current, LocalDate day, LocalDate today) {
        if (!isMark(mark)) {
            return Optional.of(Problems.of("booking.attendance.unknownMark"));
        }
        if (current == BookingStatus.PENDING_VALIDATION && mark != BookingStatus.PRESENT) {
            // a request nobody validated: the child there is pointed present (the request taken as accepted, its seat was
            // held); absent, nothing is billed — the request is refused, by the agent or the nightly job
            return Optional.of(Problems.of("booking.attendance.pendingNotHere"));
        }
        if (NOT_EXPECTED.contains(current) && current != BookingStatus.PENDING_VALIDATION) {
            return Optional.of(Problems.of("booking.attendance.notExpected"));
        }
        if (current == BookingStatus.ABSENT_PENDING) {
            // the absence's proof is reviewed in the certificates' queue (agent-sante): the day sheet does not decide it
            return Optional.of(Problems.of("booking.attendance.proofPending"));
        }
        if (day.isAfter(today)) {
            return Optional.of(Problems.of("booking.attendance.tooEarly"));
        }
        return Optional.empty();
    }

    /**
     * Whether changing a day's mark from {@code was} to {@code mark} changes what its invoice billed: not when a child
     * booked and not pointed yet is pointed present (an invoice bills a booked day in full, attended or not: the pointage
     * of the month's last days caught up after its run) — every other change would, and an issued invoice is never
     * edited (a credit note corrects it).
     */
    public static boolean changesWhatWasBilled(BookingStatus was, BookingStatus mark) {
        if (was == mark) {
            return false;
        }
        return !(mark == BookingStatus.PRESENT && (was == BookingStatus.BOOKED || was == BookingStatus.BOOKED_LATE));
    }

    /**
     * Why a child cannot be recorded present without a booking (for the agent, to be read in any language), or empty
     * when it can: only on the day itself or after, and only when the child holds nothing that day on the unit —
     * a booked child is pointed present on its row, a child already pointed is corrected there.
     *
     * @param held the statuses the child already holds on that unit-day (cancelled and refused ones included)
     */
    public static Optional<Message> unbookedPresenceRefusal(Set<BookingStatus> held, LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            return Optional.of(Problems.of("booking.attendance.tooEarly"));
        }
        for (BookingStatus s : held) {
            if (s != BookingStatus.CANCELLED_FREE && s != BookingStatus.REFUSED) {
                // a request awaiting validation is on the sheet, pointed present on its row
                return Optional.of(Problems.of(NOT_EXPECTED.contains(s) && s != BookingStatus.PENDING_VALIDATION
                        ? "booking.attendance.pendingRequest" : "booking.attendance.alreadyListed"));
            }
        }
        return Optional.empty();
    }
}
