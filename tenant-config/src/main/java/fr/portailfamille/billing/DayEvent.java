package fr.portailfamille.billing;

import java.time.LocalDate;

/**
 * What happened to one child on one unit-day, as billing reads it.
 *
 * @param childId the child
 * @param activity code of the activity
 * @param unit code of the unit
 * @param day the day
 * @param booked whether the day was booked
 * @param late whether the booking was made after the booking deadline (majorée)
 * @param attendance what the pointage says
 */
public record DayEvent(long childId, String activity, String unit, LocalDate day, boolean booked, boolean late,
        Attendance attendance) {

    /** Booked and present. */
    public static DayEvent present(long child, String activity, String unit, LocalDate day) {
        return new DayEvent(child, activity, unit, day, true, false, Attendance.PRESENT);
    }

    /** Booked after the deadline, and present. */
    public static DayEvent bookedLate(long child, String activity, String unit, LocalDate day) {
        return new DayEvent(child, activity, unit, day, true, true, Attendance.PRESENT);
    }

    /** Booked, absent without excuse. */
    public static DayEvent absentUnexcused(long child, String activity, String unit, LocalDate day) {
        return new DayEvent(child, activity, unit, day, true, false, Attendance.ABSENT_UNEXCUSED);
    }

    /** Booked, absent with an accepted excuse. */
    public static DayEvent absentExcused(long child, String activity, String unit, LocalDate day) {
        return new DayEvent(child, activity, unit, day, true, false, Attendance.ABSENT_EXCUSED);
    }

    /** Present without a booking. */
    public static DayEvent unbookedPresence(long child, String activity, String unit, LocalDate day) {
        return new DayEvent(child, activity, unit, day, false, false, Attendance.PRESENT);
    }

    /** Booked, no attendance recorded. */
    public static DayEvent notRecorded(long child, String activity, String unit, LocalDate day) {
        return new DayEvent(child, activity, unit, day, true, false, Attendance.NOT_RECORDED);
    }
}
