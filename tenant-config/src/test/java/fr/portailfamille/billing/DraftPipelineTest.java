package fr.portailfamille.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link DraftPipeline}: chunks written in order on the caller's thread while the next are priced on another; a
 * failure of either side stops the other and reaches the caller.
 */
class DraftPipelineTest {

    /** Items 1..total, {@code n} at a time, counting the calls and the thread they ran on. */
    static final class Source implements IntFunction<List<Integer>> {

        final int total;
        final AtomicInteger given = new AtomicInteger();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final int failAt;

        Source(int total, int failAt) {
            this.total = total;
            this.failAt = failAt;
        }

        @Override
        public List<Integer> apply(int n) {
            threads.add(Thread.currentThread());
            List<Integer> out = new ArrayList<>();
            while (out.size() < n && given.get() < total) {
                int item = given.incrementAndGet();
                if (item == failAt) {
                    throw new IllegalStateException("pricing failed at " + item);
                }
                out.add(item);
            }
            return out;
        }
    }

    @Test
    void everyChunkIsWrittenInOrderOnTheCallersThreadWhileTheNextArePricedOnAnother() throws IOException {
        Source source = new Source(23, -1);
        List<List<Integer>> written = new ArrayList<>();
        Set<Thread> writers = ConcurrentHashMap.newKeySet();
        DraftPipeline.run(source, 5, Thread::new, chunk -> {
            writers.add(Thread.currentThread());
            written.add(chunk);
        });
        assertEquals(List.of(List.of(1, 2, 3, 4, 5), List.of(6, 7, 8, 9, 10), List.of(11, 12, 13, 14, 15),
                List.of(16, 17, 18, 19, 20), List.of(21, 22, 23)), written);
        assertEquals(Set.of(Thread.currentThread()), writers, "written on the caller's thread");
        assertEquals(1, source.threads.size());
        assertNotEquals(Thread.currentThread(), source.threads.iterator().next(), "priced on another thread");
    }

    @Test
    void nothingToPriceWritesNothing() throws IOException {
        List<List<Integer>> written = new ArrayList<>();
        DraftPipeline.run(new Source(0, -1), 5, Thread::new, written::add);
        assertEquals(List.of(), written);
    }

    @Test
    void aWriterFailureStopsThePricingAndReachesTheCaller() {
        Source source = new Source(10_000, -1);
        IOException failure = new IOException("chunk 2 failed");
        AtomicInteger writes = new AtomicInteger();
        IOException thrown = assertThrows(IOException.class, () -> DraftPipeline.run(source, 10, Thread::new, chunk -> {
            if (writes.incrementAndGet() == 2) {
                throw failure;
            }
        }));
        assertSame(failure, thrown);
        // the pricing stopped at most a few chunks ahead of the failed one, and has ended (joined)
        assertTrue(source.given.get() <= 10 * (2 + DraftPipeline.AHEAD + 2), source.given.get() + " priced");
    }

    @Test
    void aPricingFailureReachesTheCallerAfterTheChunksPricedBeforeItAreWritten() {
        Source source = new Source(100, 27);
        List<List<Integer>> written = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> DraftPipeline.run(source, 10, Thread::new, written::add));
        assertEquals("pricing failed at 27", thrown.getMessage());
        assertEquals(2, written.size(), "chunks 1-10 and 11-20 written, not the failed one");
    }

    @Test
    void eachChunkIsPreparedOnThePricingThreadAndItsFailureReachesTheCaller() throws IOException {
        Source source = new Source(23, -1);
        Set<Thread> preparers = ConcurrentHashMap.newKeySet();
        List<Integer> sums = new ArrayList<>();
        DraftPipeline.run(source, 10, Thread::new, chunk -> {
            preparers.add(Thread.currentThread());
            return chunk.stream().mapToInt(Integer::intValue).sum();
        }, sums::add);
        assertEquals(List.of(55, 155, 66), sums, "each chunk prepared, in order");
        assertEquals(source.threads, preparers, "prepared on the pricing thread");
        List<Integer> written = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> DraftPipeline.run(new Source(100, -1), 10, Thread::new, chunk -> {
                    if (chunk.get(0) == 31) {
                        throw new IllegalStateException("preparing failed at 31");
                    }
                    return chunk.get(0);
                }, written::add));
        assertEquals("preparing failed at 31", thrown.getMessage());
        assertEquals(List.of(1, 11, 21), written, "the chunks prepared before it written");
    }

    @Test
    void aChunkSizeBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DraftPipeline.run(new Source(3, -1), 0, Thread::new, c -> { }));
    }
}
