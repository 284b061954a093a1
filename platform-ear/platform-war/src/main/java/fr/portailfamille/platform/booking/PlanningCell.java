package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.DayState;
import fr.portailfamille.booking.MonthPlan;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * One unit of one day in a child's planning ({@link MonthPlan.Cell}): its legend state and what the
 * family may do there. A class with getters, not a record: Jakarta EL 5 pages cannot read record components.
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

    PlanningCell(MonthPlan.Cell c) {
        this.day = c.day();
        this.unitId = c.unitId();
        this.unitLabel = c.unitLabel();
        this.state = c.state();
        this.bookingId = c.bookingId();
        this.bookable = c.bookable();
        this.cancellable = c.cancellable();
        this.absenceAllowed = c.absenceAllowed();
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
