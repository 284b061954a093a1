package fr.portailfamille.platform.booking;

import java.time.LocalDate;

/**
 * A unit's occupancy on one day: seats taken (booked, awaiting validation or already pointed) out of
 * its capacity, and the length of its waiting list.
 */
public record DayOccupancy(LocalDate day, int capacity, int taken, int waiting) implements java.io.Serializable {

    /** Seats taken as a whole percentage of the capacity: 100 only when full (a unit of no seat is), 99 at most below. */
    public int percent() {
        return percent(taken, capacity);
    }

    public int free() {
        return Math.max(0, capacity - taken);
    }

    /** "ok" below 80 %, "busy" from 80 %, "full" when no seat is free: the colour of the row. */
    public String level() {
        return level(taken, capacity);
    }

    static int percent(long taken, long capacity) {
        if (taken >= capacity) {
            // full — a unit lowered to no seat too: every request goes on the waiting list
            return capacity <= 0 ? 100 : (int) Math.round(taken * 100.0 / capacity);
        }
        // 199 of 200 is not "100 %": a seat is free
        return (int) Math.min(99, Math.round(taken * 100.0 / capacity));
    }

    static String level(long taken, long capacity) {
        if (taken >= capacity) {
            return "full";
        }
        return percent(taken, capacity) >= 80 ? "busy" : "ok";
    }
}
