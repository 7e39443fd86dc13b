package org.truce.ledger;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that keeps a node current while it writes nothing: woken by the store (another node
 * appended) or every {@link #POLL}, whichever is first, it asks the writer to catch up whenever the
 * store holds more entries than the node has folded in. Shared stores only.
 *
 * <p>Lifecycle: {@link #start} once, {@link #close} once; a store that cannot be read is logged once
 * per outage and tried again every {@link #POLL}.
 */
final class StoreTailer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreTailer.class);
    /** How long the tailer waits for a wake-up from the store before it looks anyway. */
    static final Duration POLL = Duration.ofMillis(500);

    private final LedgerStore store;
    private final LongSupplier known;
    private final Runnable catchUp;
    private final Thread thread;
    private volatile boolean closing;

    /**
     * @param known   the entries this node has folded in
     * @param catchUp asks the writer to catch up; must not block
     */
    StoreTailer(LedgerStore store, LongSupplier known, Runnable catchUp) {
        this.store = store;
        this.known = known;
        this.catchUp = catchUp;
        this.thread = new Thread(this::run, "ledger-tailer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        boolean failing = false;
        while (!closing) {
            try {
                store.awaitGrowth(known.getAsLong(), POLL);
                if (!closing && store.size() > known.getAsLong()) catchUp.run();
                if (failing) LOG.info("the ledger tailer reads the store again");
                failing = false;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closing) return;
                // once per outage, not every poll
                if (!failing) LOG.warn("the ledger tailer could not read the store's size; it tries again every {}", POLL, e);
                failing = true;
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Stops the thread and waits for it (at most 10 s). */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        thread.interrupt();
        thread.join(10_000);
    }
}
