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
    PRESENT
}
