package fr.portailfamille.platform.booking;

import java.time.LocalDate;

/**
 * A unit's occupancy on one day: seats taken (booked, awaiting validation or already pointed) out of
 * its capacity, and the length of its waiting list.
 */
public record DayOccupancy(LocalDate day, int capacity, int taken, int waiting) implements java.io.Serializable {

    /** Seats taken as a whole percentage of the capacity (0 when the unit has no seat). */
    public int percent() {
        return percent(taken, capacity);
    }

    public int free() {
        return Math.max(0, capacity - taken);
    }

    /** "ok" below 80 %, "busy" from 80 %, "full" at 100 %: the colour of the row. */
    public String level() {
        return level(taken, capacity);
    }

    static int percent(long taken, long capacity) {
        return capacity <= 0 ? 0 : (int) Math.round(taken * 100.0 / capacity);
    }

    static String level(long taken, long capacity) {
        if (capacity > 0 && taken >= capacity) {
            return "full";
        }
        return percent(taken, capacity) >= 80 ? "busy" : "ok";
    }
}
