package fr.portailfamille.platform.tenancy;

import fr.portailfamille.tenancy.Commune;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;

/**
 * The commune the current thread works for. Set and cleared in one place for web requests
 * ({@link TenantFilter}); other code (jobs, tests) uses {@link #call}, which restores the previous
 * value, so the context can be handed to another thread explicitly. Inside a running transaction the
 * commune cannot change: the transaction's connection is already bound to a schema, so a switch would be
 * silently ignored; it is refused instead.
 */
public final class TenantContext {

    private static final ThreadLocal<Commune> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<Commune> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current commune; fails when none is bound, rather than guessing one. */
    public static Commune require() {
        Commune c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("Aucune commune n'est liée à ce traitement");
        }
        return c;
    }

    /**
     * Runs {@code work} for {@code commune}, then restores the previous binding.
     *
     * @throws IllegalStateException when a transaction is running for another commune (or none)
     */
    public static <T> T call(Commune commune, Callable<T> work) throws Exception {
        Commune previous = CURRENT.get();
        refuseSwitchInTransaction(previous, commune);
        CURRENT.set(commune);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Runs {@code work} bound to no commune at all (platform-level work), then restores the binding. */
    public static <T> T callWithoutCommune(Callable<T> work) throws Exception {
        Commune previous = CURRENT.get();
        refuseSwitchInTransaction(previous, null);
        CURRENT.remove();
        try {
            return work.call();
        } finally {
            if (previous != null) {
                CURRENT.set(previous);
            }
        }
    }

    static void bind(Commune commune) {
        CURRENT.set(commune);
    }

    static void clear() {
        CURRENT.remove();
    }

    private static void refuseSwitchInTransaction(Commune from, Commune to) {
        String fromSlug = from == null ? null : from.slug();
        String toSlug = to == null ? null : to.slug();
        if (!Objects.equals(fromSlug, toSlug) && transactionRunning()) {
            throw new IllegalStateException("Changement de commune refusé dans une transaction en cours ("
                    + fromSlug + " → " + toSlug + ") : terminez-la d'abord");
        }
    }

    private static volatile TransactionSynchronizationRegistry registry;
    private static volatile boolean noRegistry;

    private static boolean transactionRunning() {
        if (noRegistry) {
            return false;
        }
        try {
            TransactionSynchronizationRegistry r = registry;
            if (r == null) {
                r = (TransactionSynchronizationRegistry) new InitialContext()
                        .lookup("java:comp/TransactionSynchronizationRegistry");
                registry = r;
            }
            return r.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (NoInitialContextException e) {
            noRegistry = true; // outside a container (unit tests, tools): no JTA transaction can be running
            return false;
        } catch (NamingException e) {
            return false;
        }
    }
}
