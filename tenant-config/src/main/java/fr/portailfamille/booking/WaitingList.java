package fr.portailfamille.booking;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The waiting list of a unit-day: when a seat is given up, it goes at once to the child who joined the
 * list first (the oldest request); that child is booked and its family told, or, when the activity
 * needs an agent's validation, it awaits that validation (the seat held for it).
 */
public final class WaitingList {

    private WaitingList() {
    }

    /**
     * What a given-up seat becomes.
     *
     * @param booked the unit-day's seats taken afterwards
     * @param promotedTo the new status of the child promoted from the list, {@code null} when nobody waited
     */
    public record Release(int booked, BookingStatus promotedTo) {

        /** Whether a waiting child got the seat. */
        public boolean promotes() {
            return promotedTo != null;
        }

        /** Whether the promoted child's family is mailed now (not while its booking awaits validation). */
        public boolean familyTold() {
            return promotedTo == BookingStatus.BOOKED;
        }
    }

    /**
     * One seat of a unit-day with {@code bookedBefore} seats taken, of {@code capacity}, is given up. A unit whose
     * capacity was lowered below its seats taken (staff away: the ratio of children per adult) only frees the seat until
     * it is back within its capacity: the waiting list is served by the seats the capacity allows, never beyond.
     *
     * @param started whether the unit has started that day (or the day is past): then the seat is only freed — a child
     *                promoted now would be booked, and billed, for a unit already running or over
     */
    public static Release release(int bookedBefore, int capacity, boolean someoneWaits, boolean needsValidation,
            boolean started) {
        if (bookedBefore <= 0) {
            throw new IllegalArgumentException("no seat to give up: " + bookedBefore);
        }
        if (!someoneWaits || started || bookedBefore > capacity) {
            return new Release(bookedBefore - 1, null);
        }
        return new Release(bookedBefore, needsValidation ? BookingStatus.PENDING_VALIDATION : BookingStatus.BOOKED);
    }

    /** The child served first among those waiting: the oldest request ({@code arrival}: its increasing id). */
    public static <T> Optional<T> next(List<T> waiting, ToLongFunction<T> arrival) {
        return waiting.stream().min(Comparator.comparingLong(arrival));
    }

    /**
     * Who of {@code waiting} (in their order of arrival) gets the {@code free} seats of a unit-day filled at once: in
     * order, each; or, where the commune keeps siblings together ({@code familiesTogether}: an opening window's rule,
     * « tous ou aucun »), each family's children of that unit-day together or none of them, a family that does not fit
     * passed over for the next — never one twin booked and the other waiting.
     *
     * @param family the family of a waiting booking
     */
    public static <T> java.util.List<T> served(List<T> waiting, int free, boolean familiesTogether,
                                               java.util.function.Function<T, Long> family) {
        java.util.List<T> served = new java.util.ArrayList<>();
        if (!familiesTogether) {
            return List.copyOf(waiting.subList(0, Math.max(0, Math.min(free, waiting.size()))));
        }
        java.util.Map<Long, java.util.List<T>> groups = new java.util.LinkedHashMap<>();
        for (T t : waiting) {
            groups.computeIfAbsent(family.apply(t), k -> new java.util.ArrayList<>()).add(t);
        }
        int left = free;
        for (java.util.List<T> group : groups.values()) {
            if (group.size() <= left) {
                served.addAll(group);
                left -= group.size();
            }
        }
        return served;
    }
}
