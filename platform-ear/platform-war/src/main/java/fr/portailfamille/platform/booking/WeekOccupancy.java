package fr.portailfamille.platform.booking;

import java.time.LocalDate;

/**
 * A unit's occupancy over the days it runs in one week (Monday {@code monday}): seat-days offered
 * and taken, the waiting-list entries, and how many of those days were full.
 */
public record WeekOccupancy(LocalDate monday, int days, int capacity, int taken, int waiting, int fullDays) implements java.io.Serializable {

    public int percent() {
        return DayOccupancy.percent(taken, capacity);
    }

    public String level() {
        return DayOccupancy.level(taken, capacity);
    }
}
