package fr.portailfamille.platform.surge;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One commune's admission gate: at most {@code permits} requests served at once; the others wait in arrival order,
 * each with a ticket (a number, for its position, and a secret the family's browser or client presents again, so that
 * nobody takes another's place by guessing a number). When a permit frees, the first ticket of the queue whose request
 * is waiting in its place is admitted: a newcomer queues behind those waiting, and a family away between two tries
 * (sleeping its Retry-After) keeps its place — it is ahead of every later ticket when it comes back — but does not
 * hold the permits idle meanwhile (bench 7: with only the head admissible, 1,000 families polling every few seconds
 * left the server idle and were served three a second). A ticket not presented again within {@code ttl} (the family
 * left) is dropped. Held in the platform's memory: see README "The surge queue".
 */
public final class FairGate {

    /** What became of a request at the gate. */
    public enum Outcome {
        /** Served now: it holds a permit, to {@link #release()} when done. */
        ADMITTED,
        /** Still queued: show its position and let it come back with its ticket. */
        QUEUED,
        /** The queue is full (or the ticket unknown and no room): refused at once. */
        FULL
    }

    /**
     * The answer of the gate: the outcome; for a queued request its ticket and 1-based position; for an admitted one
     * its turn (1 for the first request the gate ever served, then 2…: the order of admissions).
     */
    public record Admission(Outcome outcome, String ticket, long number, int position, int retryAfterSeconds, long turn) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int permits;
    private final int maxWaiting;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    /** Waiting tickets in arrival order: number → when last seen (nanos). */
    private final LinkedHashMap<Long, Long> waiting = new LinkedHashMap<>();
    /** The tickets a request is waiting for in its place now (how many requests: two tabs share a ticket). */
    private final Map<Long, Integer> inline = new HashMap<>();
    private final Map<String, Long> bySecret = new HashMap<>();
    private final Map<Long, String> secrets = new HashMap<>();
    /**
     * Places in the queue one account may hold at once: a phone and a computer, each its own place; a request beyond them
     * takes the account's last place, not a new one.
     */
    static final int PLACES_PER_ACCOUNT = 2;
    /** The account each waiting ticket was taken for, and the reverse (its tickets in the order taken). */
    private final Map<Long, String> owners = new HashMap<>();
    private final Map<String, List<Long>> byOwner = new HashMap<>();
    private int inUse;
    private long next = 1;
    private long turns;
    /** Mean time a permit is held, in nanos (exponentially weighted), for the Retry-After estimate. */
    private double meanHoldNanos = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * @param permits    requests served at once
     * @param maxWaiting requests allowed to wait; beyond, {@link Outcome#FULL}
     * @param ttlNanos   how long a ticket is kept without being presented again
     * @param nanoClock  the clock (tests move it), {@code System::nanoTime} otherwise
     */
    public FairGate(int permits, int maxWaiting, long ttlNanos, LongSupplier nanoClock) {
        if (permits < 1 || maxWaiting < 0 || ttlNanos <= 0) {
            throw new IllegalArgumentException("permits >= 1, maxWaiting >= 0, ttl > 0");
        }
        this.permits = permits;
        this.maxWaiting = maxWaiting;
        this.ttlNanos = ttlNanos;
        this.nanoClock = nanoClock;
    }

    /**
     * A request arriving, or coming back with its ticket ({@code null}: none, or one the gate no longer knows, which
     * queues again at the end): admitted at once when nobody waits and a permit is free; otherwise it waits in its
     * place up to {@code waitNanos} and is admitted if its turn comes, else stays {@link Outcome#QUEUED}.
     */
    public Admission enter(String ticket, long waitNanos) throws InterruptedException {
        return enter(ticket, null, waitNanos);
    }

    /**
     * {@link #enter(String, long)} for a request of the account {@code owner} ({@code null}: unknown): a request without
     * its ticket takes a new place while the account holds fewer than {@link #PLACES_PER_ACCOUNT}, else the account's last
     * one — a script sending fifty requests at once holds two places, as a family on two screens does.
     */
    public Admission enter(String ticket, String owner, long waitNanos) throws InterruptedException {
        lock.lock();
        try {
            dropStale();
            Long number = ticket == null ? null : bySecret.get(ticket);
            if (number == null) {
                number = placeHeld(owner);
            }
            if (number == null) {
                if (waiting.isEmpty() && inUse < permits) {
                    inUse++;
                    return new Admission(Outcome.ADMITTED, null, 0, 0, 0, ++turns);
                }
                if (waiting.size() >= maxWaiting) {
                    return new Admission(Outcome.FULL, null, 0, 0, retryAfter(waiting.size() + 1), 0);
                }
                number = newTicket(owner);
            }
            long deadline = nanoClock.getAsLong() + waitNanos;
            inline.merge(number, 1, Integer::sum);
            try {
                while (true) {
                    dropStale();
                    if (!waiting.containsKey(number)) {
                        // the same ticket was admitted by a twin request (two tabs), or dropped: queue again at the end
                        leaveInline(number);
                        Long held = placeHeld(owner);
                        number = held != null ? held : newTicket(owner);
                        inline.merge(number, 1, Integer::sum);
                    }
                    if (inUse < permits && firstPresentIs(number)) {
                        forget(number);
                        inUse++;
                        changed.signalAll();
                        return new Admission(Outcome.ADMITTED, null, number, 0, 0, ++turns);
                    }
                    long left = deadline - nanoClock.getAsLong();
                    if (left <= 0) {
                        int position = position(number);
                        return new Admission(Outcome.QUEUED, secrets.get(number), number, position, retryAfter(position), 0);
                    }
                    changed.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
                }
            } finally {
                // whatever the way out (served, queued, interrupted), the ticket is no longer waited for here: from now on
                // it is dropped if not presented again within the ttl, so that it never blocks the queue
                leaveInline(number);
                if (waiting.containsKey(number)) {
                    waiting.put(number, nanoClock.getAsLong());
                }
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void leaveInline(long number) {
        inline.computeIfPresent(number, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** A new ticket at the end of the queue, the place of {@code owner} when known. */
    private long newTicket(String owner) {
        long number = next++;
        String secret = HexFormat.of().formatHex(bytes());
        waiting.put(number, nanoClock.getAsLong());
        bySecret.put(secret, number);
        secrets.put(number, secret);
        if (owner != null) {
            owners.put(number, owner);
            byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(number);
        }
        return number;
    }

    /** The account's last place when it holds all it may, else {@code null} (a new one may be taken). */
    private Long placeHeld(String owner) {
        List<Long> held = owner == null ? null : byOwner.get(owner);
        return held == null || held.size() < PLACES_PER_ACCOUNT ? null : held.get(held.size() - 1);
    }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A request admitted by {@link #enter} is done ({@code heldNanos}: how long it was served, for the estimate). */
    public void release(long heldNanos) {
        lock.lock();
        try {
            if (inUse > 0) {
                inUse--;
            }
            meanHoldNanos = 0.9 * meanHoldNanos + 0.1 * Math.max(0, heldNanos);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** As {@link #release(long)} without a measure. */
    public void release() {
        lock.lock();
        try {
            if (inUse > 0) {
                inUse--;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Requests served now. */
    public int inUse() {
        lock.lock();
        try {
            return inUse;
        } finally {
            lock.unlock();
        }
    }

    /** Requests waiting now (tickets not yet dropped). */
    public int waiting() {
        lock.lock();
        try {
            dropStale();
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    public int permits() {
        return permits;
    }

    /** Whether {@code number} is the first ticket of the queue whose request waits in its place now. */
    private boolean firstPresentIs(long number) {
        for (Long n : waiting.keySet()) {
            if (inline.containsKey(n)) {
                return n == number;
            }
        }
        return false;
    }

    private int position(long number) {
        int p = 1;
        for (Long n : waiting.keySet()) {
            if (n == number) {
                return p;
            }
            p++;
        }
        return p;
    }

    /**
     * Seconds until a request at {@code position} is likely served: the queue ahead over the permits, times the mean
     * time a permit is held; at least 2 s (the queue page's refresh), at most a third of the ticket's ttl (so that a
     * family coming back when told is never dropped for lateness) and 30 s.
     */
    private int retryAfter(int position) {
        double seconds = Math.ceil(position / (double) permits) * meanHoldNanos / 1e9;
        long most = Math.max(2, Math.min(30, TimeUnit.NANOSECONDS.toSeconds(ttlNanos) / 3));
        return (int) Math.max(2, Math.min(most, Math.ceil(seconds)));
    }

    private void forget(long number) {
        waiting.remove(number);
        forgetKeys(number);
    }

    /** The ticket's secret and account, forgotten with it. */
    private void forgetKeys(long number) {
        String secret = secrets.remove(number);
        if (secret != null) {
            bySecret.remove(secret);
        }
        String owner = owners.remove(number);
        List<Long> held = owner == null ? null : byOwner.get(owner);
        if (held != null) {
            held.remove(Long.valueOf(number));
            if (held.isEmpty()) {
                byOwner.remove(owner);
            }
        }
    }

    /** Drops the tickets not presented again within the ttl (never one a request is waiting for in its place). */
    private void dropStale() {
        long now = nanoClock.getAsLong();
        boolean dropped = false;
        Iterator<Map.Entry<Long, Long>> it = waiting.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Long> e = it.next();
            if (!inline.containsKey(e.getKey()) && now - e.getValue() > ttlNanos) {
                it.remove();
                forgetKeys(e.getKey());
                dropped = true;
            }
        }
        if (dropped) {
            changed.signalAll();
        }
    }
}
