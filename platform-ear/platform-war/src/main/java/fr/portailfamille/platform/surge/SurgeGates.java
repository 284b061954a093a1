package fr.portailfamille.platform.surge;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The gates of this platform instance, one per commune (a surge in one commune never queues another's families), with
 * their limits from MicroProfile Config: {@code pf.surge.permits} requests served at once per commune (default 8),
 * {@code pf.surge.wait-ms} how long a request waits in its place before it is shown the queue page (default 2000),
 * {@code pf.surge.queue-max} requests allowed to wait per commune (default 5000), {@code pf.surge.ticket-ttl-s} how long
 * a ticket is kept without being presented again (default 30).
 */
@ApplicationScoped
public class SurgeGates {

    private final ConcurrentMap<String, FairGate> gates = new ConcurrentHashMap<>();
    private final int permits = setting("pf.surge.permits", 8);
    private final long waitNanos = TimeUnit.MILLISECONDS.toNanos(setting("pf.surge.wait-ms", 2000));
    private final int queueMax = setting("pf.surge.queue-max", 5000);
    private final long ttlNanos = TimeUnit.SECONDS.toNanos(setting("pf.surge.ticket-ttl-s", 30));

    private static int setting(String name, int fallback) {
        return ConfigProvider.getConfig().getOptionalValue(name, Integer.class).filter(v -> v >= 0).orElse(fallback);
    }

    /** The commune's gate (made on first use). */
    public FairGate of(String slug) {
        return gates.computeIfAbsent(slug, s -> new FairGate(Math.max(1, permits), queueMax, ttlNanos, System::nanoTime));
    }

    /** How long a request waits in its place before it is shown the queue page. */
    public long waitNanos() {
        return waitNanos;
    }
}
