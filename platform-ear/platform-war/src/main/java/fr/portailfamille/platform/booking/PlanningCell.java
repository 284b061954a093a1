package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.DayState;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * One unit of one day in a child's planning: its legend state and what the family may do there.
 * A class with getters, not a record: Jakarta EL 5 pages cannot read record components.
 */
public final class PlanningCell implements Serializable {

    private final LocalDate day;
    private final long unitId;
    private final String unitLabel;
    private final DayState state;
    private final Long bookingId;
    private final boolean bookable;
    private final boolean cancellable;
    private final boolean absenceAllowed;

    /** @param bookingId the child's live booking of that unit-day, if any (to cancel it) */
    public PlanningCell(LocalDate day, long unitId, String unitLabel, DayState state, Long bookingId, boolean bookable,
                        boolean cancellable, boolean absenceAllowed) {
        this.day = day;
        this.unitId = unitId;
        this.unitLabel = unitLabel;
        this.state = state;
        this.bookingId = bookingId;
        this.bookable = bookable;
        this.cancellable = cancellable;
        this.absenceAllowed = absenceAllowed;
    }

    public LocalDate getDay() { return day; }
    public long getUnitId() { return unitId; }
    public String getUnitLabel() { return unitLabel; }
    public DayState getState() { return state; }
    public Long getBookingId() { return bookingId; }
    public boolean isBookable() { return bookable; }
    public boolean isCancellable() { return cancellable; }
    public boolean isAbsenceAllowed() { return absenceAllowed; }
}
