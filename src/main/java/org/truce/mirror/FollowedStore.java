package org.truce.mirror;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.StoredEntry;

/**
 * The copy's store as the copy's ledger sees it: appended to by the mirror (another writer, as a node
 * of a shared database sees the others), so it is {@linkplain #shared() shared}, and the ledger's tailer
 * folds what the mirror adds into the projections the read API serves, without a restart; each append
 * wakes the tailer at once. The mirror owns the underlying store: {@link #close} here leaves it open (the
 * ledger closing does not end the mirror), {@link #closeStore} closes it. Thread-safe as the store is.
 */
final class FollowedStore implements LedgerStore {
    private final LedgerStore store;
    private final Object grown = new Object();

    FollowedStore(LedgerStore store) {
        this.store = store;
    }

    @Override
    public long size() {
        return store.size();
    }

    @Override
    public void append(List<StoredEntry> entries, long headSize, String signedHead) {
        store.append(entries, headSize, signedHead);
        synchronized (grown) {
            grown.notifyAll();
        }
    }

    @Override
    public Optional<StoredEntry> findByClientId(String clientId) {
        return store.findByClientId(clientId);
    }

    @Override
    public List<StoredEntry> read(long fromSeq, int limit) {
        return store.read(fromSeq, limit);
    }

    @Override
    public void forEach(long fromSeq, Consumer<StoredEntry> sink) {
        store.forEach(fromSeq, sink);
    }

    @Override
    public List<KeptHead> heads() {
        return store.heads();
    }

    @Override
    public long dropUnsignedTail() {
        return store.dropUnsignedTail();
    }

    @Override
    public Optional<DiskSpace> diskSpace() {
        return store.diskSpace();
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void awaitGrowth(long knownSize, Duration timeout) throws InterruptedException {
        synchronized (grown) {
            if (store.size() <= knownSize) grown.wait(Math.max(1, timeout.toMillis()));
        }
    }

    /** The ledger's close: the mirror keeps the store. */
    @Override
    public void close() {
    }

    void closeStore() {
        store.close();
    }
}
