package org.truce.ledger;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The storage port of the ledger: an append-only sequence of entries and the signed tree heads kept
 * for it. Adapters live in {@code org.truce.store}.
 *
 * <p>Contract: {@link #append} is called by one writer thread at a time; it returns only once the
 * entries and the head are durable (a crash after it returns loses neither), and it is atomic (a
 * failure leaves the store as it was). Readers may call the other methods concurrently with the
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

    @Override
    void close();
}
