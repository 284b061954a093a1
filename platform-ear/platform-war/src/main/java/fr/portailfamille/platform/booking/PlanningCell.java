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
    private final boolean freeCancellation;
    private final boolean surcharged;
    private final String reason;
    private final WindowSpan window;

    PlanningCell(MonthPlan.Cell c) {
        this(c, null);
    }

    PlanningCell(MonthPlan.Cell c, WindowSpan window) {
        this.window = window;
        this.day = c.day();
        this.unitId = c.unitId();
        this.unitLabel = c.unitLabel();
        this.state = c.state();
        this.bookingId = c.bookingId();
        this.bookable = c.bookable();
        this.cancellable = c.cancellable();
        this.absenceAllowed = c.absenceAllowed();
        this.freeCancellation = c.freeCancellation();
        this.surcharged = c.surcharged();
        this.reason = c.reason();
    }

    public LocalDate getDay() { return day; }
    public long getUnitId() { return unitId; }
    public String getUnitLabel() { return unitLabel; }
    public DayState getState() { return state; }
    public Long getBookingId() { return bookingId; }
    public boolean isBookable() { return bookable; }
    public boolean isCancellable() { return cancellable; }
    public boolean isAbsenceAllowed() { return absenceAllowed; }
    /** The booking can still be cancelled without charge (an absence would be billed). */
    public boolean isFreeCancellation() { return freeCancellation; }
    /** Booked after the deadline, with a surcharge. */
    public boolean isSurcharged() { return surcharged; }
    /** Why the service refused the booking, or {@code null}. */
    public String getReason() { return reason; }
    /** The opening window the day is asked for in ({@code SUR_DEMANDE}), or {@code null}. */
    public WindowSpan getWindow() { return window; }
}
