package org.truce.ledger;

import java.util.function.LongSupplier;

/**
 * Decides how long the ledger's writer waits for more requests before it commits a batch, so that
 * under load one fsync and one signed head serve more requests.
 *
 * <p>Why: with many clients each waiting for its own acknowledgement, the writer would otherwise take
 * only what is queued the moment the previous commit ends — the clients acknowledged by that commit
 * are still on their way back — and batches alternate between large and small. Waiting a moment lets
 * them in.
 *
 * <p>The rule: wait only when the previous batch held more than one request (the writer is under load;
 * a lone client never waits), only until the batch holds as many requests as the largest of the last
 * {@value #MEMORY} batches (about as many as there are clients), and never longer than the window
 * after the batch's first request was taken. <b>Added latency:</b> at most the window (see
 * {@link Ledger}: 0.8 ms) per batch, and only under load; none for a single client.
 *
 * <p>Not thread-safe: the writer thread alone uses it. Time comes from the given nanosecond ticker
 * ({@code System::nanoTime} in production), so its decisions can be tested without waiting.
 */
final class Gathering {
    static final int MEMORY = 8;

    private final long windowNanos;
    private final LongSupplier ticker;
    private final int[] recent = new int[MEMORY];
    private int next;
    private int previous;
    private long deadline;

    Gathering(long windowNanos, LongSupplier ticker) {
        if (windowNanos < 0) throw new IllegalArgumentException("the window must not be negative");
        this.windowNanos = windowNanos;
        this.ticker = ticker;
    }

    /** A batch starts: its first request was just taken. */
    void started() {
        deadline = ticker.getAsLong() + windowNanos;
    }

    /**
     * How long to wait, in nanoseconds, for one more request to a batch that holds {@code requests}
     * (those of the batch so far); 0 to commit now.
     */
    long waitNanos(int requests) {
        if (previous <= 1 || requests >= largestRecent()) return 0;
        return Math.max(0, deadline - ticker.getAsLong());
    }

    /** The batch of {@code requests} is being committed; later batches are gathered by it. */
    void committed(int requests) {
        previous = requests;
        recent[next] = requests;
        next = (next + 1) % MEMORY;
    }

    private int largestRecent() {
        int largest = 0;
        for (int r : recent) largest = Math.max(largest, r);
        return largest;
    }
}
