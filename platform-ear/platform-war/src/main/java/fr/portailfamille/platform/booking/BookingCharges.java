package fr.portailfamille.platform.booking;

import fr.portailfamille.problems.Message;
import java.util.Optional;

/**
 * What a booking costs when it is paid in advance (the porte-monnaie of the régie billing its activity), asked by
 * the booking services in their transaction; bookings of activities invoiced after the fact are not concerned
 * (every method then does nothing). Implemented by the billing context, so that booking does not depend on it.
 */
public interface BookingCharges {

    /**
     * Locks what pays the child's bookings of {@code activity} (the family's balance row) until the transaction
     * ends; called before any seat is locked, so that locks are always taken in the same order.
     */
    void lock(long familyId, Activity activity);

    /**
     * Pays booking {@code b}, just recorded, at its price of the day.
     *
     * @return empty when paid (or not concerned); else why it cannot be paid, to be read in the parent's language (its
     *     amounts too); nothing was taken, the caller drops the booking
     */
    Optional<Message> charge(Booking b);

    /** Booking {@code b}'s status changed: gives its money back, or takes it again, as its new status bills it. */
    void statusChanged(Booking b);

    /**
     * Booking {@code b}, just recorded, is a child the staff found present without a booking: paid at the tariff's
     * penalty price (its normal price when it has none), whatever the balance — the child was there; a family told by
     * the low-balance mail when it leaves the porte-monnaie below its floor. A family without a porte-monnaie of the
     * régie: nothing here (the régie's invoicing run bills it, as for a régie invoicing after the fact).
     */
    void presentWithoutBooking(Booking b);
}
