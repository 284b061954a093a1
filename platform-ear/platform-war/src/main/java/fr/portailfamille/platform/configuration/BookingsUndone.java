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

    private static final Object BILLED = BookingsUndone.class.getName() + ".billed";

    /**
     * {@code count} bookings more on days the transaction's save closes that an invoice has already billed: left on their
     * invoice (a credit note is the régie's to decide), told to the agent before the save.
     */
    public static void addBilled(TransactionSynchronizationRegistry registry, int count) {
        registry.putResource(BILLED, billed(registry) + count);
    }

    /** The bookings left billed on days the transaction's save closed so far. */
    static int billed(TransactionSynchronizationRegistry registry) {
        Object count = registry.getResource(BILLED);
        return count == null ? 0 : (Integer) count;
    }

    /** The bookings the transaction's save undid so far. */
    static int count(TransactionSynchronizationRegistry registry) {
        Object count = registry.getResource(KEY);
        return count == null ? 0 : (Integer) count;
    }
}
