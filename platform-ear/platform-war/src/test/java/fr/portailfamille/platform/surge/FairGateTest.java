package fr.portailfamille.platform.surge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.platform.surge.FairGate.Admission;
import fr.portailfamille.platform.surge.FairGate.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FairGateTest {

    static final long TTL = TimeUnit.SECONDS.toNanos(30);

    @Test
    void servedAtOnceWhilePermitsAreFreeThenQueuedWithTheirPositions() throws Exception {
        FairGate gate = new FairGate(2, 10, TTL, System::nanoTime);
        assertEquals(Outcome.ADMITTED, gate.enter(null, 0).outcome());
        assertEquals(Outcome.ADMITTED, gate.enter(null, 0).outcome());
        Admission third = gate.enter(null, 0);
        Admission fourth = gate.enter(null, 0);
        assertEquals(Outcome.QUEUED, third.outcome());
        assertEquals(1, third.position());
        assertEquals(2, fourth.position());
        assertTrue(third.ticket().matches("[0-9a-f]{32}"), third.ticket());
        assertNotEquals(third.ticket(), fourth.ticket());
        assertTrue(third.retryAfterSeconds() >= 2 && third.retryAfterSeconds() <= 30);
        // coming back keeps the place
        assertEquals(2, gate.enter(fourth.ticket(), 0).position());
        assertEquals(2, gate.inUse());
        assertEquals(2, gate.waiting());
    }

    @Test
    void admittedInArrivalOrderAmongThoseWaitingAndAFamilyAwayKeepsItsPlaceWithoutHoldingThePermits() throws Exception {
        FairGate gate = new FairGate(1, 10, TTL, System::nanoTime);
        gate.enter(null, 0);
        Admission first = gate.enter(null, 0);
        Admission second = gate.enter(null, 0);
        Admission third = gate.enter(null, 0);
        Admission newcomer = gate.enter(null, 0);
        assertEquals(4, newcomer.position(), "a newcomer queues behind those waiting");
        gate.release();
        // the first is away (between two tries): the free permit does not wait for it, the second, back, is served
        assertEquals(Outcome.ADMITTED, gate.enter(second.ticket(), 0).outcome());
        assertEquals(1, gate.enter(first.ticket(), 0).position(), "the first kept its place");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Admission> thirdWaits = pool.submit(() -> gate.enter(third.ticket(), TimeUnit.SECONDS.toNanos(10)));
            Thread.sleep(100);
            Future<Admission> firstWaits = pool.submit(() -> gate.enter(first.ticket(), TimeUnit.SECONDS.toNanos(10)));
            Thread.sleep(100);
            gate.release();
            assertEquals(Outcome.ADMITTED, firstWaits.get(5, TimeUnit.SECONDS).outcome(), "both waiting: the first goes first");
            Thread.sleep(100);
            assertFalse(thirdWaits.isDone(), "no permit until the first is done");
            gate.release();
            assertEquals(Outcome.ADMITTED, thirdWaits.get(5, TimeUnit.SECONDS).outcome());
        } finally {
            pool.shutdownNow();
        }
        gate.release();
        assertEquals(Outcome.ADMITTED, gate.enter(newcomer.ticket(), 0).outcome());
        assertEquals(0, gate.waiting());
    }

    @Test
    void aFamilyToldToComeBackLaterIsToldSoBeforeItsTicketExpires() throws Exception {
        FairGate gate = new FairGate(1, 5000, TimeUnit.SECONDS.toNanos(30), System::nanoTime);
        gate.enter(null, 0);
        gate.release(TimeUnit.SECONDS.toNanos(60)); // a slow request: the estimate grows
        gate.enter(null, 0);
        Admission last = null;
        for (int i = 0; i < 1000; i++) {
            last = gate.enter(null, 0);
        }
        assertTrue(last.retryAfterSeconds() <= 10, "at most a third of the ticket's 30 s: " + last.retryAfterSeconds());
    }

    @Test
    void anAccountHoldsTwoPlacesAtMostHoweverManyRequestsItSendsWithoutItsTicket() throws Exception {
        AtomicLong now = new AtomicLong();
        FairGate gate = new FairGate(1, 4, TTL, now::get);
        gate.enter(null, "servie", 0);
        // a phone and a computer: two places
        Admission phone = gate.enter(null, "script", 0);
        Admission computer = gate.enter(null, "script", 0);
        assertEquals(1, phone.position());
        assertEquals(2, computer.position());
        assertNotEquals(phone.ticket(), computer.ticket());
        // a script's fifty requests: the account's last place, not a new one each
        for (int i = 0; i < 10; i++) {
            Admission again = gate.enter(null, "script", 0);
            assertEquals(computer.ticket(), again.ticket(), "the account's place, not a new one");
            assertEquals(2, again.position());
        }
        Admission family = gate.enter(null, "famille", 0);
        assertEquals(3, family.position(), "the families after it still find room");
        assertEquals(3, gate.waiting());
        // served: its next request without a ticket takes a place again, at the end
        gate.release();
        assertEquals(Outcome.ADMITTED, gate.enter(phone.ticket(), "script", 0).outcome());
        Admission later = gate.enter(null, "script", 0);
        assertEquals(3, later.position());
        assertEquals(later.ticket(), gate.enter(null, "script", 0).ticket(), "two places held again");
        // dropped with their tickets: the account's places are forgotten too
        now.addAndGet(TTL + 1);
        assertEquals(0, gate.waiting());
        Admission fresh = gate.enter(null, "script", 0);
        assertEquals(1, fresh.position());
        assertNotEquals(later.ticket(), fresh.ticket());
    }

    @Test
    void aTicketNotPresentedAgainIsDroppedAndNeverStallsTheQueue() throws Exception {
        AtomicLong now = new AtomicLong();
        FairGate gate = new FairGate(1, 10, TTL, now::get);
        gate.enter(null, 0);
        Admission gone = gate.enter(null, 0);
        Admission staying = gate.enter(null, 0);
        assertEquals(2, staying.position());
        now.addAndGet(TTL / 2);
        assertEquals(2, gate.enter(staying.ticket(), 0).position(), "seen again: kept");
        now.addAndGet(TTL / 2 + 1);
        assertEquals(1, gate.enter(staying.ticket(), 0).position(), "the family who left is dropped");
        gate.release();
        assertEquals(Outcome.ADMITTED, gate.enter(staying.ticket(), 0).outcome());
        // the dropped ticket is unknown: it queues again at the end
        Admission back = gate.enter(gone.ticket(), 0);
        assertEquals(Outcome.QUEUED, back.outcome());
        assertNotEquals(gone.ticket(), back.ticket());
    }

    @Test
    void aRequestInterruptedWhileWaitingNeverBlocksTheQueue() throws Exception {
        AtomicLong now = new AtomicLong();
        FairGate gate = new FairGate(1, 10, TTL, now::get);
        gate.enter(null, 0);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Admission> stuck = pool.submit(() -> gate.enter(null, Long.MAX_VALUE / 2));
        while (gate.waiting() == 0) {
            Thread.sleep(5);
        }
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS), "the waiting request was interrupted");
        assertTrue(stuck.isDone());
        now.addAndGet(TTL + 1);
        gate.release();
        assertEquals(Outcome.ADMITTED, gate.enter(null, 0).outcome(), "the interrupted request's ticket was dropped");
    }

    @Test
    void aFullQueueRefusesAtOnce() throws Exception {
        FairGate gate = new FairGate(1, 1, TTL, System::nanoTime);
        gate.enter(null, 0);
        assertEquals(Outcome.QUEUED, gate.enter(null, 0).outcome());
        Admission full = gate.enter(null, 0);
        assertEquals(Outcome.FULL, full.outcome());
        assertEquals(null, full.ticket());
    }

    @Test
    void aRequestWaitingInItsPlaceIsAdmittedWhenAPermitFrees() throws Exception {
        FairGate gate = new FairGate(1, 10, TTL, System::nanoTime);
        gate.enter(null, 0);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Admission> waiting = pool.submit(() -> gate.enter(null, TimeUnit.SECONDS.toNanos(10)));
            while (gate.waiting() == 0) {
                Thread.sleep(5);
            }
            gate.release(TimeUnit.MILLISECONDS.toNanos(50));
            assertEquals(Outcome.ADMITTED, waiting.get(5, TimeUnit.SECONDS).outcome());
            Future<Admission> late = pool.submit(() -> gate.enter(null, TimeUnit.MILLISECONDS.toNanos(100)));
            assertEquals(Outcome.QUEUED, late.get(5, TimeUnit.SECONDS).outcome(), "timed out: keeps its place");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoTabsWithOneTicketAreBothServedOneAfterTheOther() throws Exception {
        FairGate gate = new FairGate(1, 10, TTL, System::nanoTime);
        gate.enter(null, 0);
        String ticket = gate.enter(null, 0).ticket();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Admission> one = pool.submit(() -> gate.enter(ticket, TimeUnit.SECONDS.toNanos(10)));
            Future<Admission> two = pool.submit(() -> gate.enter(ticket, TimeUnit.SECONDS.toNanos(10)));
            Thread.sleep(100);
            gate.release();
            Thread.sleep(100);
            assertEquals(1, gate.inUse());
            gate.release();
            assertEquals(Outcome.ADMITTED, one.get(5, TimeUnit.SECONDS).outcome());
            assertEquals(Outcome.ADMITTED, two.get(5, TimeUnit.SECONDS).outcome());
            assertEquals(0, gate.waiting());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * 400 concurrent requests queued one after the other, through 1 permit then 8: never more served at once than the
     * permits, every one served, admitted exactly in the order they queued (the gate's turn of each, against its place
     * in the queue); prints the time to drain the queue.
     */
    @Test
    void underLoadThePermitsHoldAndTheOrderIsFirstInFirstOut() throws Exception {
        for (int permits : new int[] {1, 8}) {
            List<Integer> turns = drain(permits, 400);
            for (int i = 0; i < turns.size(); i++) {
                assertEquals(permits + i + 1, turns.get(i), "the " + (i + 1) + "th in the queue, with " + permits + " permit(s)");
            }
        }
    }

    private static List<Integer> drain(int permits, int n) throws Exception {
        FairGate gate = new FairGate(permits, n, TTL, System::nanoTime);
        for (int i = 0; i < permits; i++) {
            assertEquals(Outcome.ADMITTED, gate.enter(null, 0).outcome());
        }
        AtomicInteger serving = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Integer[] turns = new Integer[n];
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Outcome>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                int me = i;
                results.add(pool.submit(() -> {
                    Admission a = gate.enter(null, TimeUnit.SECONDS.toNanos(60));
                    if (a.outcome() == Outcome.ADMITTED) {
                        most.accumulateAndGet(serving.incrementAndGet(), Math::max);
                        turns[me] = (int) a.turn();
                        Thread.sleep(1);
                        serving.decrementAndGet();
                        gate.release(TimeUnit.MILLISECONDS.toNanos(1));
                    }
                    return a.outcome();
                }));
                while (gate.waiting() < i + 1) {
                    Thread.onSpinWait();
                }
            }
            long start = System.nanoTime();
            for (int i = 0; i < permits; i++) {
                gate.release();
            }
            for (Future<Outcome> f : results) {
                assertEquals(Outcome.ADMITTED, f.get(60, TimeUnit.SECONDS));
            }
            long took = System.nanoTime() - start;
            assertTrue(most.get() <= permits, "at most " + permits + " at once, saw " + most.get());
            assertEquals(0, gate.inUse());

            System.out.printf("FairGate: %d queued requests through %d permit(s), 1 ms each, drained in %d ms%n", n,
                    permits, TimeUnit.NANOSECONDS.toMillis(took));
            return List.of(turns);
        } finally {
            pool.shutdownNow();
        }
    }
}
