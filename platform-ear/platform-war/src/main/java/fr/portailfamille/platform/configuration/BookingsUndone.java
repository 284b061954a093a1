package fr.portailfamille.platform.configuration;

import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * How many families' bookings a save of the configuration undid in its transaction (closure days added, a schedule
 * that no longer runs some days): the observers that undo them ({@code booking.ClosedDays}) add to it, and
 * {@link ConfigurationService#bookingsUndoneBy} reads it before rolling its trial save back.
 */
public final class BookingsUndone {

    private static final Object KEY = BookingsUndone.class.getName();

    private BookingsUndone() {
    }

    /** {@code count} bookings more undone by the transaction's save. */
    public static void add(TransactionSynchronizationRegistry registry, int count) {
        registry.putResource(KEY, count(registry) + count);
    }

    /** The bookings the transaction's save undid so far. */
    static int count(TransactionSynchronizationRegistry registry) {
        Object count = registry.getResource(KEY);
        return count == null ? 0 : (Integer) count;
    }
}
