package fr.portailfamille.platform.booking;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One change a family selected on its planning, applied when it confirms: book a unit-day, or cancel
 * its booking of that unit-day ({@link #getBookingId()} set). A class, not a record: EL 5 pages read it.
 */
public final class PlannedChange implements Serializable {

    private final long unitId;
    private final LocalDate day;
    private final Long bookingId;
    private final String unitLabel;
    private final boolean request;

    public PlannedChange(long unitId, LocalDate day, Long bookingId, String unitLabel) {
        this(unitId, day, bookingId, unitLabel, false);
    }

    /**
     * {@code request}: a cancellation chosen while the booking was still a request (on the waiting list, or awaiting
     * validation), whose withdrawal is free — granted since, its cancellation is not made (it could be billed).
     */
    public PlannedChange(long unitId, LocalDate day, Long bookingId, String unitLabel, boolean request) {
        this.unitId = unitId;
        this.day = Objects.requireNonNull(day, "day");
        this.bookingId = bookingId;
        this.unitLabel = unitLabel;
        this.request = request;
    }

    /** "unitId|day", one change per unit-day. */
    public String getKey() {
        return unitId + "|" + day;
    }

    public boolean isCancellation() {
        return bookingId != null;
    }

    public long getUnitId() { return unitId; }
    public LocalDate getDay() { return day; }
    public Long getBookingId() { return bookingId; }
    public String getUnitLabel() { return unitLabel; }
    /** Whether this cancellation withdraws what was, when chosen, a request not granted. */
    public boolean isRequest() { return request; }
}
