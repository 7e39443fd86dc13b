package org.truce.ledger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The storage port of the ledger: an append-only sequence of entries and the signed tree heads kept
 * for it. Adapters live in {@code org.truce.store}.
 *
 * <p>Contract: {@link #append} is called by one writer thread at a time; it returns only once the
 * entries and the head are durable (a crash after it returns loses neither), and it is atomic (a
 * failure leaves the store as it was, and the store takes the next append once the cause is gone:
 * a full disk freed, a database back). Readers may call the other methods concurrently with the
 * writer and see a committed prefix.
 */
public interface LedgerStore extends AutoCloseable {

    /** Number of entries stored; the next entry's seq. */
    long size();

    /**
     * Appends entries whose seqs continue {@link #size()} without gaps, together with the signed
     * checkpoint (C2SP signed note text) of the tree that results, in one durable transaction.
     */
    void append(List<StoredEntry> entries, long headSize, String signedHead);

    /** The entry with this client id, if one is stored. */
    Optional<StoredEntry> findByClientId(String clientId);

    /** Up to {@code limit} entries from {@code fromSeq} on, in seq order. */
    List<StoredEntry> read(long fromSeq, int limit);

    /** Streams every entry from {@code fromSeq} on, in seq order, without holding them all in memory. */
    void forEach(long fromSeq, Consumer<StoredEntry> sink);

    /** Every kept signed head, by tree size ascending (size, note text). */
    List<KeptHead> heads();

    record KeptHead(long size, String signedNote) {}

    /** The kept signed head of tree size {@code size}, if one was kept. */
    default Optional<KeptHead> head(long size) {
        return heads().stream().filter(h -> h.size() == size).findFirst();
    }

    /**
     * Removes the entries that no kept head covers (seq at or beyond the largest kept head's size; every
     * entry when no head is kept), in one transaction under the append lock, and returns how many it
     * removed. {@link #append} writes a batch with its head in one transaction, so such entries were never
     * acknowledged; the ledger calls this at start, when an older version or a hand edit left some.
     *
     * @throws StoreFailure if the store cannot be written
     */
    long dropUnsignedTail();

    /**
     * The free space of the disk this store writes to, and the reserve below which its appends are
     * refused, when this process watches that disk (an embedded store); empty otherwise (a database
     * server's disk is the server's to watch).
     */
    default Optional<DiskSpace> diskSpace() {
        return Optional.empty();
    }

    /** Bytes free (usable by this process) on a store's disk, and the reserve kept free. */
    record DiskSpace(long freeBytes, long reserveBytes) {
        /** Whether appends are refused: the disk has less free than the reserve. */
        public boolean belowReserve() {
            return freeBytes < reserveBytes;
        }

        /** Why an append is refused while {@link #belowReserve()}. */
        public String refusal() {
            return "the disk of the ledger has " + freeBytes + " bytes free, below the reserve of " + reserveBytes
                    + " bytes (TRUCE_MIN_FREE_BYTES); writes are refused until space is freed";
        }
    }

    /**
     * Whether other processes may append to this store (several nodes on one database). A store that
     * is not shared has one writer process; its size changes only through this object.
     */
    default boolean shared() {
        return false;
    }

    /**
     * Takes the store's append lock, held until the session is closed. Under it {@link AppendSession#size()}
     * is exact and no other node appends. A store that is not shared needs no lock: the default session
     * delegates to this store.
     */
    default AppendSession beginAppend() {
        LedgerStore store = this;
        return new AppendSession() {
            @Override
            public long size() {
                return store.size();
            }

            @Override
            public List<StoredEntry> read(long fromSeq, int limit) {
                return store.read(fromSeq, limit);
            }

            @Override
            public void append(List<StoredEntry> entries, long headSize, String signedHead) {
                store.append(entries, headSize, signedHead);
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Takes the store's rules lock, held until the returned handle is closed: every node of a shared
     * store checks a request against the record and appends it under this lock when the check reads
     * what another request may change (is this still the current version?). Blocks while another
     * holder has it; a {@link StoreFailure} when it cannot be had. A store of one node needs none (the
     * caller's own lock suffices): the default holds nothing.
     */
    default RulesLock lockRules() {
        return () -> { };
    }

    /** A held rules lock; closing releases it. */
    interface RulesLock extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Blocks until the store may hold more than {@code knownSize} entries (another node appended) or
     * {@code timeout} passes, whichever is first; callers check {@link #size()} afterwards. Only
     * meaningful for a {@link #shared()} store; the default waits out the timeout.
     */
    default void awaitGrowth(long knownSize, Duration timeout) throws InterruptedException {
        Thread.sleep(timeout.toMillis());
    }

    /**
     * One append under the store's append lock. Not thread-safe: one writer thread opens, uses and
     * closes it. {@link #append} at most once; closing without appending releases the lock and writes
     * nothing.
     */
    interface AppendSession extends AutoCloseable {
        /** The exact number of entries stored, every node's appends included. */
        long size();

        /** Up to {@code limit} entries from {@code fromSeq} on, in seq order, as the lock holder sees them. */
        List<StoredEntry> read(long fromSeq, int limit);

        /** As {@link LedgerStore#append}, durable when it returns; the lock is released on close. */
        void append(List<StoredEntry> entries, long headSize, String signedHead);

        @Override
        void close();
    }

    @Override
    void close();
}
