package fr.portailfamille.platform.booking;

import java.time.LocalDate;

/**
 * A unit's occupancy over the days it runs in one week (Monday {@code monday}): seat-days offered
 * and taken, the waiting-list entries, and how many of those days were full.
 */
public record WeekOccupancy(LocalDate monday, int days, int capacity, int taken, int waiting, int fullDays) implements java.io.Serializable {

    /** Seat-days taken as a whole percentage of those offered: 100 only when every day was full, 99 at most else. */
    public int percent() {
        int p = DayOccupancy.percent(taken, capacity);
        return fullDays < days ? Math.min(99, p) : Math.max(100, p);
    }

    /**
     * From its days, not its sums (a day over its capacity does not fill another): "full" when every day was, "busy"
     * when one was or from 80 %, else "ok".
     */
    public String level() {
        if (days > 0 && fullDays == days) {
            return "full";
        }
        return fullDays > 0 || percent() >= 80 ? "busy" : "ok";
    }
}
