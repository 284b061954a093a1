package fr.portailfamille.billing;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Issues a run's drafts chunk by chunk, in order, while the next chunks are priced: the pricing (Java) on a thread of
 * the caller's factory, the writing (the database, one transaction per chunk) on the caller's thread, so that a run's
 * two halves share the machine's cores instead of following each other (bench 4). The writer gets the chunks in the
 * families' order, one at a time, each prepared for its statements on the pricing thread too
 * ({@link InvoiceStore#prepare}); the pricing runs at most {@value #AHEAD} chunks ahead. A failure on either side
 * stops both and reaches the caller: the pricing's as it was thrown, after the chunks priced before it are written.
 * The platform's run and the invoicing benchmark both call it.
 */
public final class DraftPipeline {

    /** How many priced chunks may wait for the writer. */
    public static final int AHEAD = 2;

    private DraftPipeline() {
    }

    /** Writes one chunk of drafts (in the platform: one transaction; a chunk that fails, redone family by family). */
    @FunctionalInterface
    public interface ChunkWriter<C, E extends Exception> {

        void write(C chunk) throws E;
    }

    /** What the pricing thread hands over: a chunk, the end ({@code chunk} null), or its failure. */
    private record Handed<C>(C chunk, RuntimeException failure, Error error) {
    }

    /**
     * Prices {@code drafts}' families {@code chunkSize} at a time on a thread of {@code threads} and writes each chunk
     * with {@code writer} on this thread, in order; returns once every chunk is written.
     *
     * @throws E what the writer threw (the pricing stopped)
     * @throws RuntimeException what the pricing threw (the chunks before it written)
     */
    public static <E extends Exception> void run(DraftReader.Drafts drafts, int chunkSize, ThreadFactory threads,
            ChunkWriter<InvoiceStore.Chunk, E> writer) throws E {
        run(drafts::next, chunkSize, threads, InvoiceStore::prepare, writer);
    }

    /** {@link #run(IntFunction, int, ThreadFactory, Function, ChunkWriter)} of chunks written as they are priced. */
    static <T, E extends Exception> void run(IntFunction<List<T>> next, int chunkSize, ThreadFactory threads,
            ChunkWriter<List<T>, E> writer) throws E {
        run(next, chunkSize, threads, Function.identity(), writer);
    }

    /**
     * {@link #run(DraftReader.Drafts, int, ThreadFactory, ChunkWriter)} of any chunks: {@code next} gives the next
     * {@code chunkSize} items, an empty list at the end; {@code prepare} turns each into what the writer takes, on the
     * pricing thread.
     */
    static <T, C, E extends Exception> void run(IntFunction<List<T>> next, int chunkSize, ThreadFactory threads,
            Function<List<T>, C> prepare, ChunkWriter<C, E> writer) throws E {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size " + chunkSize);
        }
        BlockingQueue<Handed<C>> handed = new ArrayBlockingQueue<>(AHEAD);
        AtomicBoolean stop = new AtomicBoolean();
        Thread pricing = threads.newThread(() -> {
            try {
                for (List<T> chunk = next.apply(chunkSize); !chunk.isEmpty() && !stop.get(); chunk = next.apply(chunkSize)) {
                    handed.put(new Handed<>(prepare.apply(chunk), null, null));
                }
                handed.put(new Handed<>(null, null, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                handOver(handed, new Handed<>(null, e, null));
            } catch (Error e) {
                handOver(handed, new Handed<>(null, null, e));
            }
        });
        pricing.setName("invoicing-drafts");
        pricing.start();
        try {
            while (true) {
                Handed<C> h = take(handed);
                if (h.failure() != null) {
                    throw h.failure();
                }
                if (h.error() != null) {
                    throw h.error();
                }
                if (h.chunk() == null) {
                    return;
                }
                writer.write(h.chunk());
            }
        } finally {
            stop.set(true);
            pricing.interrupt();
            join(pricing);
        }
    }

    /** Hands the pricing's failure over even when the queue is full (the writer takes before it reads the failure). */
    private static <T> void handOver(BlockingQueue<Handed<T>> handed, Handed<T> failure) {
        try {
            handed.put(failure);
        } catch (InterruptedException e) {
            // the writer has stopped: nobody waits for it
            Thread.currentThread().interrupt();
        }
    }

    private static <T> Handed<T> take(BlockingQueue<Handed<T>> handed) {
        try {
            return handed.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("invoicing run interrupted", e);
        }
    }

    private static void join(Thread pricing) {
        boolean interrupted = false;
        while (pricing.isAlive()) {
            try {
                pricing.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
