package fr.portailfamille.platform.booking.web;

import fr.portailfamille.platform.booking.PlannedChange;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The family's selection on "Mon planning" until it confirms: one change per unit-day, a tap adds it
 * (book, or cancel when the unit-day is booked) and a second tap takes it back out; "Recopier la
 * sélection" copies the selected bookings onto the same weekday of the following weeks.
 */
public final class PlanningSelection implements Serializable {

    /** The most unit-days a selection holds: what "Confirmer" takes at once (the service refuses more). */
    public static final int MAX = fr.portailfamille.platform.booking.PlanningService.MAX_SELECTION;

    private final Map<String, PlannedChange> changes = new LinkedHashMap<>();

    /** A tap on a unit-day: selects it (a cancellation when {@code bookingId} is set), or unselects it. */
    public void toggle(long unitId, LocalDate day, Long bookingId, String unitLabel) {
        toggle(unitId, day, bookingId, unitLabel, false);
    }

    /** {@link #toggle(long, LocalDate, Long, String)}, {@code request}: cancelling a request not granted yet. */
    public void toggle(long unitId, LocalDate day, Long bookingId, String unitLabel, boolean request) {
        PlannedChange change = new PlannedChange(unitId, day, bookingId, unitLabel, request);
        if (changes.remove(change.getKey()) == null) {
            changes.put(change.getKey(), change);
        }
    }

    public boolean contains(long unitId, LocalDate day) {
        return changes.containsKey(unitId + "|" + day);
    }

    public int size() {
        return changes.size();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public void clear() {
        changes.clear();
    }

    /** The changes in day order, then unit. */
    public List<PlannedChange> sorted() {
        return changes.values().stream().sorted(Comparator.comparing(PlannedChange::getDay)
                .thenComparingLong(PlannedChange::getUnitId)).toList();
    }

    public List<PlannedChange> all() {
        return new ArrayList<>(changes.values());
    }

    /** The first selected booking's day (what "Recopier" starts from), or {@code null} when none. */
    public LocalDate firstBooking() {
        return changes.values().stream().filter(c -> !c.isCancellation()).map(PlannedChange::getDay)
                .min(LocalDate::compareTo).orElse(null);
    }

    /**
     * "Recopier la sélection": each selected booking onto the same weekday of every following week up
     * to {@code until} (the commune's rules decide each day at validation). The caller checks
     * {@code until} first ({@link #copyRefusal}).
     *
     * @return the number of unit-days added
     */
    public int copyUntil(LocalDate until) {
        return add(copies(until));
    }

    /**
     * The unit-days "Recopier" would add up to {@code until} (each selected booking on the same weekday of every
     * following week), those already selected left out, in day order; nothing is added ({@link #add}).
     */
    public List<PlannedChange> copies(LocalDate until) {
        Map<String, PlannedChange> copies = new LinkedHashMap<>();
        for (PlannedChange c : changes.values().stream().filter(c -> !c.isCancellation()).toList()) {
            for (LocalDate d = c.getDay().plusWeeks(1); !d.isAfter(until); d = d.plusWeeks(1)) {
                PlannedChange copy = new PlannedChange(c.getUnitId(), d, null, c.getUnitLabel());
                if (!changes.containsKey(copy.getKey())) {
                    copies.putIfAbsent(copy.getKey(), copy);
                }
            }
        }
        return copies.values().stream().sorted(Comparator.comparing(PlannedChange::getDay)
                .thenComparingLong(PlannedChange::getUnitId)).toList();
    }

    /** The selected bookings (not the cancellations), in day order. */
    public List<PlannedChange> bookings() {
        return sorted().stream().filter(c -> !c.isCancellation()).toList();
    }

    /** Keeps, of the selected bookings, those in {@code kept} (cancellations stay). @return how many went */
    public int keepBookings(List<PlannedChange> kept) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        kept.forEach(c -> keys.add(c.getKey()));
        int before = changes.size();
        changes.values().removeIf(c -> !c.isCancellation() && !keys.contains(c.getKey()));
        return before - changes.size();
    }

    /** Adds {@code copies} to the selection (those not selected yet). @return the number of unit-days added */
    public int add(List<PlannedChange> copies) {
        int added = 0;
        for (PlannedChange copy : copies) {
            if (changes.putIfAbsent(copy.getKey(), copy) == null) {
                added++;
            }
        }
        return added;
    }

    /** Why "Recopier" cannot run: no booking selected, or {@code until} not after the first one, within a year. */
    public enum CopyRefusal { NOTHING_TO_COPY, BAD_DATE }

    public CopyRefusal copyRefusal(LocalDate until) {
        LocalDate first = firstBooking();
        if (first == null) {
            return CopyRefusal.NOTHING_TO_COPY;
        }
        if (until == null || !until.isAfter(first) || until.isAfter(first.plusYears(1))) {
            return CopyRefusal.BAD_DATE;
        }
        return null;
    }
}
