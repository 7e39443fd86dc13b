package org.truce.store;

import java.util.List;
import org.truce.ledger.StoredEntry;

/**
 * The preconditions of {@link org.truce.ledger.LedgerStore#append}, checked before anything is
 * written so that a malformed batch fails fast with the reason. Stateless.
 */
final class AppendCheck {

    private AppendCheck() {}

    /**
     * Requires a non-empty batch whose seqs are {@code size, size+1, ...} and a head for the tree that
     * results, i.e. of size {@code size + entries.size()}.
     */
    static void require(long size, List<StoredEntry> entries, long headSize, String signedHead) {
        if (entries == null || entries.isEmpty()) throw new IllegalArgumentException("entries must not be empty");
        for (int i = 0; i < entries.size(); i++) {
            StoredEntry entry = entries.get(i);
            if (entry == null) throw new IllegalArgumentException("entry " + i + " of the batch is null");
            long expected = size + i;
            if (entry.seq() != expected) {
                throw new IllegalArgumentException("entry " + i + " of the batch has seq " + entry.seq()
                        + " but the ledger expects " + expected + " (seqs continue size() without gaps)");
            }
        }
        long resulting = size + entries.size();
        if (headSize != resulting) {
            throw new IllegalArgumentException(
                    "headSize is " + headSize + " but the tree after this batch has size " + resulting);
        }
        if (signedHead == null || signedHead.isEmpty()) throw new IllegalArgumentException("signedHead must not be empty");
    }
}
