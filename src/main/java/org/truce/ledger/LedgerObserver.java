package org.truce.ledger;

/**
 * Told by the ledger's writer about each batch it made durable (or failed to), so an adapter can count appends and
 * batch sizes (Prometheus metrics, say) without the ledger knowing of any metrics library.
 *
 * <p>Called on the writer thread after the batch is durable and before any of its requests is
 * acknowledged: an implementation must be quick and thread-safe, and must not call the ledger. An
 * exception it throws is logged and ignored; it never fails a write.
 */
public interface LedgerObserver {
    /** Observes nothing. */
    LedgerObserver NONE = (requests, drafts, created, nanos) -> { };

    /**
     * @param requests append requests in the batch (a request is one call of {@link Ledger#append})
     * @param drafts   drafts in those requests, retries included
     * @param created  new entries the batch wrote (drafts less retries of entries already recorded)
     * @param nanos    time from taking the batch to its durable commit
     */
    void batchCommitted(int requests, int drafts, int created, long nanos);

    /** A batch of {@code requests} failed on the store: none of it was acknowledged. */
    default void batchFailed(int requests) {
    }
}
