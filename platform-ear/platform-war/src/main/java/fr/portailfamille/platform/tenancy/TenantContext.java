package fr.portailfamille.platform.tenancy;

import fr.portailfamille.tenancy.Commune;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The commune the current thread works for. Set and cleared in one place for web requests
 * ({@link TenantFilter}); other code (jobs, tests) uses {@link #call}, which restores the previous
 * value, so the context can be handed to another thread explicitly.
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

    /** Runs {@code work} for {@code commune}, then restores the previous binding. */
    public static <T> T call(Commune commune, Callable<T> work) throws Exception {
        Commune previous = CURRENT.get();
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
}
