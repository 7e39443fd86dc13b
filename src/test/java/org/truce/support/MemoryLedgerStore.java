package org.truce.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.StoreFailure;
import org.truce.ledger.StoredEntry;

/**
 * The ledger's storage port kept in memory, for domain tests that need a {@link org.truce.ledger.Ledger}
 * but no database: entries in seq order, their client ids and the signed heads. It keeps the port's
 * contract (appends continue {@link #size()} without gaps, with the head of the resulting tree; a
 * client id is stored once; a malformed batch fails before anything is kept), checked by the same
 * {@code LedgerStoreContract} as the SQLite and PostgreSQL adapters. What is kept lives as long as
 * the object and the stores {@link #reopen()} gives over it. Not shared. Thread-safe: every method
 * holds the monitor of the kept state.
 */
public final class MemoryLedgerStore implements LedgerStore {
    /** What a reopened store finds again. */
    private static final class Kept {
        final List<StoredEntry> entries = new ArrayList<>();
        final Map<String, StoredEntry> byClientId = new HashMap<>();
        final List<KeptHead> heads = new ArrayList<>();
    }

    private final Kept kept;
    private final List<StoredEntry> entries;
    private final Map<String, StoredEntry> byClientId;
    private final List<KeptHead> heads;
    private volatile boolean closed;

    public MemoryLedgerStore() {
        this(new Kept());
    }

    private MemoryLedgerStore(Kept kept) {
        this.kept = kept;
        this.entries = kept.entries;
        this.byClientId = kept.byClientId;
        this.heads = kept.heads;
    }

    /** A new open store over what this one keeps, as a process that reopens its database would find it. */
    public MemoryLedgerStore reopen() {
        return new MemoryLedgerStore(kept);
    }

    @Override
    public long size() {
        ensureOpen();
        synchronized (kept) {
            return entries.size();
        }
    }

    @Override
    public void append(List<StoredEntry> batch, long headSize, String signedHead) {
        ensureOpen();
        if (batch == null || batch.isEmpty()) throw new IllegalArgumentException("entries must not be empty");
        synchronized (kept) {
            long first = entries.size();
            for (int i = 0; i < batch.size(); i++) {
                StoredEntry e = batch.get(i);
                if (e.seq() != first + i) {
                    throw new IllegalArgumentException("entry " + i + " of the batch has seq " + e.seq() + " but the ledger expects "
                            + (first + i) + " (seqs continue size() without gaps)");
                }
            }
            if (headSize != first + batch.size()) {
                throw new IllegalArgumentException("headSize is " + headSize + " but the tree after this batch has size " + (first + batch.size()));
            }
            if (signedHead == null || signedHead.isEmpty()) throw new IllegalArgumentException("signedHead must not be empty");
            for (int i = 0; i < batch.size(); i++) {
                String id = batch.get(i).clientId();
                if (byClientId.containsKey(id) || batch.subList(0, i).stream().anyMatch(o -> o.clientId().equals(id))) {
                    // what the unique index answers in the database adapters
                    throw new StoreFailure("could not append entries " + first + ".." + (headSize - 1) + ": client id " + id
                            + " is already stored");
                }
            }
            for (StoredEntry e : batch) {
                entries.add(e);
                byClientId.put(e.clientId(), e);
            }
            heads.add(new KeptHead(headSize, signedHead));
        }
    }

    @Override
    public long dropUnsignedTail() {
        ensureOpen();
        synchronized (kept) {
            long signed = heads.isEmpty() ? 0 : heads.get(heads.size() - 1).size();
            long dropped = 0;
            while (entries.size() > signed) {
                byClientId.remove(entries.remove(entries.size() - 1).clientId());
                dropped++;
            }
            return dropped;
        }
    }

    /** Keeps rows without a head, as a hand edit of a database (or an older version on a full disk) would. */
    public void insertWithoutHead(List<StoredEntry> rows) {
        synchronized (kept) {
            for (StoredEntry e : rows) {
                entries.add(e);
                byClientId.put(e.clientId(), e);
            }
        }
    }

    @Override
    public Optional<StoredEntry> findByClientId(String clientId) {
        ensureOpen();
        if (clientId == null) throw new IllegalArgumentException("clientId must not be null");
        synchronized (kept) {
            return Optional.ofNullable(byClientId.get(clientId));
        }
    }

    @Override
    public List<StoredEntry> read(long fromSeq, int limit) {
        ensureOpen();
        if (fromSeq < 0) throw new IllegalArgumentException("fromSeq must not be negative");
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative");
        synchronized (kept) {
            int from = (int) Math.min(fromSeq, entries.size());
            return List.copyOf(entries.subList(from, (int) Math.min((long) from + limit, entries.size())));
        }
    }

    /** Streams a copy taken at the call, so a sink may take its time (or throw) without holding the store. */
    @Override
    public void forEach(long fromSeq, Consumer<StoredEntry> sink) {
        for (StoredEntry e : read(fromSeq, Integer.MAX_VALUE)) sink.accept(e);
    }

    @Override
    public List<KeptHead> heads() {
        ensureOpen();
        synchronized (kept) {
            return List.copyOf(heads);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the store is closed");
    }
}
