package fr.portailfamille.platform.booking;

import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.platform.family.Child;
import fr.portailfamille.platform.kernel.PlatformTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A child's booking of one unit on one day. */
@Entity
@Table(name = "booking")
public class Booking implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "child_id")
    private Child child;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private ActivityUnit unit;
    private LocalDate day;
    @Enumerated(EnumType.STRING)
    private BookingStatus status;
    private boolean surcharged;
    /** Présence sans réservation: the staff found the child there without a booking (billed at the penalty price). */
    private boolean unbooked;
    /** Why an agent refused the booking (told to the family); {@code null} otherwise. */
    @Column(name = "refusal_reason")
    private String refusalReason;
    @Column(name = "decided_at")
    private java.time.OffsetDateTime decidedAt;
    /** The family gave its seat up after the free-cancellation deadline (billed, the seat freed); {@code null} otherwise. */
    @Column(name = "seat_given_up")
    private Boolean seatGivenUp;
    /** Once on the waiting list (tenant V58): the family's request still, after its seat or its withdrawal. */
    @Column(name = "waited")
    private Boolean waited;

    protected Booking() {
    }

    Booking(Child child, ActivityUnit unit, LocalDate day, BookingStatus status, boolean surcharged) {
        this.child = child;
        this.unit = unit;
        this.day = day;
        this.status = status;
        this.surcharged = surcharged;
        if (status == BookingStatus.WAITING) {
            this.waited = Boolean.TRUE;
        }
    }

    /** A child found present on a unit-day without any booking (présence sans réservation). */
    static Booking unbookedPresence(Child child, ActivityUnit unit, LocalDate day) {
        Booking b = new Booking(child, unit, day, BookingStatus.PRESENT, false);
        b.unbooked = true;
        b.decidedAt = java.time.OffsetDateTime.now(PlatformTime.ZONE);
        return b;
    }

    /** The statuses that hold one of the unit-day's seats. */
    static final java.util.Set<BookingStatus> SEAT_HOLDING = java.util.Set.of(BookingStatus.BOOKED, BookingStatus.BOOKED_LATE,
            BookingStatus.PENDING_VALIDATION);

    /** Whether this booking holds one of the unit-day's seats. */
    public boolean holdsSeat() {
        return SEAT_HOLDING.contains(status);
    }

    void setStatus(BookingStatus status) {
        this.status = status;
        if (status == BookingStatus.WAITING) {
            this.waited = Boolean.TRUE;
        }
    }

    /** Whether it was once on the waiting list. */
    public boolean hasWaited() {
        return Boolean.TRUE.equals(waited);
    }

    /**
     * Given a seat from the waiting list: booked, decided now (Mes demandes says when); awaiting an agent's validation,
     * its decision is the agent's.
     */
    void promoted(BookingStatus to) {
        setStatus(to);
        if (to != BookingStatus.PENDING_VALIDATION) {
            decided();
        }
    }

    /** An agent refused the booking with {@code reason}. */
    void refuse(String reason) {
        this.status = BookingStatus.REFUSED;
        this.refusalReason = reason;
        this.decidedAt = java.time.OffsetDateTime.now(PlatformTime.ZONE);
    }

    /**
     * The commune closed the day (or it no longer runs): cancelled free, with why ({@code reason}, shown in Mes demandes
     * and on the porte-monnaie's refund) and when.
     */
    void closed(String reason) {
        this.status = BookingStatus.CANCELLED_FREE;
        this.refusalReason = reason;
        this.decidedAt = java.time.OffsetDateTime.now(PlatformTime.ZONE);
    }

    /** Whether its family gave its seat up after the free-cancellation deadline ({@link #gaveSeatUp}). */
    public boolean isSeatGivenUp() {
        return Boolean.TRUE.equals(seatGivenUp);
    }

    /** Cancelled after its free-cancellation deadline: billed, and its seat freed (occupancy counts it no more). */
    void gaveSeatUp() {
        this.seatGivenUp = Boolean.TRUE;
    }

    void decided() {
        this.decidedAt = java.time.OffsetDateTime.now(PlatformTime.ZONE);
    }

    /**
     * A request the nightly job closed because nobody validated it before its day ({@link ExpiredRequests}): still on
     * the day sheet, where the child who came is pointed present as on the day itself.
     */
    public boolean isExpiredRequest() {
        return status == BookingStatus.REFUSED && ExpiredRequests.NOT_DECIDED.equals(refusalReason);
    }

    /** A request taken as accepted after all (the child was there): no refusal left to tell. */
    void acceptedAfterAll() {
        this.refusalReason = null;
        decided();
    }

    public Long getId() { return id; }
    public Child getChild() { return child; }
    public ActivityUnit getUnit() { return unit; }
    public LocalDate getDay() { return day; }
    public BookingStatus getStatus() { return status; }
    public boolean isSurcharged() { return surcharged; }
    public boolean isUnbooked() { return unbooked; }
    public String getRefusalReason() { return refusalReason; }
    public java.time.OffsetDateTime getDecidedAt() { return decidedAt; }
}
