package org.truce.ledger;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The highest signed head a node has kept, remembered in a file beside its key ({@value #FILE}, the
 * C2SP signed note), outside the database it protects: a store that later holds fewer entries than
 * that head, or other entries below it, was rolled back or replaced behind the node's back, and the
 * node refuses to serve it (see {@link Ledger#open}). The file is replaced atomically (a temporary
 * file written and fsynced, renamed over it, the directory fsynced), so a crash leaves the old head or
 * the new one, never a torn file.
 *
 * <p>The writer {@linkplain #offer offers} each head it commits, which costs nothing; a thread of this
 * object writes the newest head offered, at most one write per {@link #PACE}, so under load one write
 * covers many batches, and no acknowledgement waits for it: three fsyncs per batch cut appends to a
 * quarter here. When the process dies the file may therefore trail the store by the heads of the last
 * {@link #PACE} and one write; a clean {@link #close} writes the newest head first. A write that fails
 * (a full disk) is logged and tried again with the next head, or after {@link #RETRY}. Thread-safe.
 */
public final class HighestHead implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HighestHead.class);
    /** The file in the data directory, beside {@code node-key.pub}. */
    public static final String FILE = "highest-head.note";
    /** How long a failed write waits for a newer head before it is tried again. */
    static final long RETRY = TimeUnit.SECONDS.toNanos(1);
    /**
     * The least time between two writes, so that under load the file's three fsyncs take little of the
     * disk from the store's commits; also the most, besides one write, that the file trails the store by.
     */
    static final long PACE = TimeUnit.MILLISECONDS.toNanos(100);

    /** Remembers nothing: for ledgers opened by tests and tools without a data directory of their own. */
    public static final HighestHead NONE = new HighestHead(null);

    private record Offered(long size, String note) {}

    private final Path file;
    private final Object monitor = new Object();
    /** The newest head offered. Guarded by monitor. */
    private Offered offered;
    /** The size of the head in the file; -1 before the first write. Guarded by monitor. */
    private long kept = -1;
    /** Guarded by monitor. */
    private boolean closed;
    /** Started by the first offer. Guarded by monitor. */
    private Thread keeper;
    /** Held while the file is written: by the keeper, or by {@link #keep} and {@link #close}. */
    private final Object writing = new Object();

    private HighestHead(Path file) {
        this.file = file;
    }

    /** The head kept in {@code dataDir}'s {@value #FILE}. */
    public static HighestHead in(Path dataDir) {
        return new HighestHead(dataDir.resolve(FILE));
    }

    /** The kept signed note, if any; the caller verifies it. */
    public Optional<String> read() {
        return file == null ? Optional.empty() : DurableFile.read(file);
    }

    /** Where the head is kept, for messages; null for {@link #NONE}. */
    public Path file() {
        return file;
    }

    /** Notes a newer committed head, for the keeper thread to write (writer thread; no I/O). */
    void offer(long size, String note) {
        if (file == null) return;
        synchronized (monitor) {
            if (closed || (offered != null && size <= offered.size())) return;
            offered = new Offered(size, note);
            if (keeper == null) {
                keeper = new Thread(this::keepLoop, "highest-head");
                keeper.setDaemon(true);
                keeper.start();
            }
            monitor.notifyAll();
        }
    }

    /** Records that the file already holds {@code note}, the head of {@code size} entries (read at open). */
    void alreadyKept(long size, String note) {
        if (file == null) return;
        synchronized (monitor) {
            if (offered == null || size >= offered.size()) offered = new Offered(size, note);
            kept = Math.max(kept, size);
        }
    }

    /**
     * Writes the newest head offered now, on the calling thread, unless the file holds it already.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    void keep() {
        if (file == null) return;
        synchronized (writing) {
            Offered newest;
            synchronized (monitor) {
                newest = offered;
                if (newest == null || newest.size() <= kept) return;
            }
            write(newest.note());
            synchronized (monitor) {
                kept = Math.max(kept, newest.size());
            }
        }
    }

    /** Writes the newest head offered, then stops the keeper; a failure is logged (the file keeps a lower bound). */
    @Override
    public void close() {
        if (file == null) return;
        Thread running;
        synchronized (monitor) {
            closed = true;
            running = keeper;
            monitor.notifyAll();
        }
        try {
            if (running != null) running.join();
            keep();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UncheckedIOException e) {
            LOG.warn("could not remember the highest signed head in {} at close", file, e);
        }
    }

    /** Writes each newer head offered until closed; after a failure, waits for a newer head or {@link #RETRY}. */
    private void keepLoop() {
        boolean failed = false;
        while (true) {
            synchronized (monitor) {
                try {
                    if (failed && !closed) TimeUnit.NANOSECONDS.timedWait(monitor, RETRY); // a newer offer wakes it
                    while (!closed && offered.size() <= kept) monitor.wait();
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) return;
            }
            long started = System.nanoTime();
            try {
                keep();
                if (failed) LOG.info("remembering the highest signed head in {} again", file);
                failed = false;
            } catch (UncheckedIOException e) {
                if (!failed) LOG.warn("could not remember the highest signed head in {}; trying again with the next head", file, e);
                failed = true;
            }
            pace(started);
        }
    }

    /** Waits out the rest of {@link #PACE} after a write that started at {@code started}, unless closed meanwhile. */
    private void pace(long started) {
        synchronized (monitor) {
            try {
                for (long left = PACE - (System.nanoTime() - started); left > 0 && !closed; left = PACE - (System.nanoTime() - started)) {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write(String note) {
        DurableFile.write(file, note);
    }
}
