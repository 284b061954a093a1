package fr.portailfamille.booking;

/**
 * The status of one child's booking for one day and unit, as recorded. A late cancellation (the day
 * stays billed) is recorded as {@link #ABSENT_BILLED}.
 */
public enum BookingStatus {
    /** Booked on time. */
    BOOKED,
    /** Booked after the deadline and surcharged. */
    BOOKED_LATE,
    /** On the waiting list: the unit was full. */
    WAITING,
    /** Waiting for an agent's validation. */
    PENDING_VALIDATION,
    /** Cancelled on time, nothing billed. */
    CANCELLED_FREE,
    /** Absent with a valid excuse (medical certificate…), not billed. */
    ABSENT_EXCUSED,
    /** Absent and billed (no excuse, or late cancellation). */
    ABSENT_BILLED,
    /** Attendance recorded by the staff. */
    PRESENT,
    /** Refused by an agent (bookings needing validation), with a reason told to the family; not billed. */
    REFUSED,
    /**
     * Absent with a medical certificate not yet reviewed by an agent with the {@code agent-sante} role:
     * neither excused nor billed until then (accepted: {@link #ABSENT_EXCUSED}, refused: {@link #ABSENT_BILLED}).
     */
    ABSENT_PENDING;

    /**
     * The statuses that hold their unit-day for the child: every one but a free cancellation and a refusal. A day
     * cancelled late, declared absent or pointed is still the child's (billed, or excused): booking it again would bill
     * it twice — a second row for the same day —, so it is refused as already booked.
     */
    public static final java.util.Set<BookingStatus> HOLDING_THE_DAY = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.complementOf(java.util.EnumSet.of(CANCELLED_FREE, REFUSED)));
}
