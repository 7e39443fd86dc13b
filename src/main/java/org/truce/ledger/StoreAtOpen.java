package org.truce.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a ledger requires of its store when it opens, around the replay. Before it: the store still
 * holds every head up to the {@link HighestHead} this node remembers (else it was rolled back and is
 * refused), and entries that no kept head covers are cut off and logged (a batch commits with its head,
 * so they were never acknowledged). After it: the replayed tree has, at the remembered size, the
 * remembered root (else the history was rewritten or another store put in its place); then the head
 * the node serves is remembered.
 *
 * <p>Used once, by {@link Ledger#open}, on the opening thread.
 */
final class StoreAtOpen {
    private static final Logger LOG = LoggerFactory.getLogger(StoreAtOpen.class);

    private final LedgerStore store;
    private final HighestHead highest;
    private final NoteVerifier verifier;
    private final String origin;
    private Checkpoint remembered;

    StoreAtOpen(LedgerStore store, HeadSigner key, String origin, HighestHead highest) {
        this.store = store;
        this.highest = highest;
        this.verifier = NoteVerifier.parse(key.verifierKey());
        this.origin = origin;
    }

    /**
     * @return the kept heads, by size ascending, as read before the tail was cut
     * @throws StoreFailure if the store was rolled back below the remembered head, or the remembered head
     *                      is not this node's
     */
    List<LedgerStore.KeptHead> beforeReplay() {
        remembered = remembered().orElse(null);
        List<LedgerStore.KeptHead> heads = store.heads();
        long signed = heads.isEmpty() ? 0 : heads.get(heads.size() - 1).size();
        if (remembered != null && signed < remembered.size()) {
            throw new StoreFailure("the store was rolled back: its last signed head covers " + signed
                    + " entries, but this node signed a head of " + remembered.size() + " entries (kept in "
                    + highest.file() + "). Restore the missing entries (a later copy of the store, or an export), or,"
                    + " to serve this older store on purpose, remove that file: readers who kept a later checkpoint will"
                    + " then see the history fork");
        }
        if (store.size() > signed) cutUnsignedTail(signed);
        return heads;
    }

    /** @throws StoreFailure if the tree does not have the remembered root at the remembered size */
    void afterReplay(MerkleTree tree, String served) {
        if (remembered != null && remembered.size() > 0
                && !Arrays.equals(remembered.rootHash(), tree.root(remembered.size()))) {
            throw new StoreFailure("the store is not the one this node signed: its first " + remembered.size()
                    + " entries do not hash to the root of the head of that size kept in " + highest.file()
                    + " (the history was rewritten, or another store put in its place); run truce verify to find where");
        }
        Checkpoint cp = verifier.verify(served);
        if (remembered != null && remembered.size() == cp.size()) {
            highest.alreadyKept(cp.size(), served); // the same note: Ed25519 signs one checkpoint one way
        } else {
            highest.offer(cp.size(), served);
            try {
                highest.keep();
            } catch (java.io.UncheckedIOException e) {
                // a full disk must not keep the node from starting: the file still holds a lower bound
                LOG.warn("could not remember the head of size {} in {} at start; the next head tries again",
                        cp.size(), highest.file(), e);
            }
        }
    }

    private Optional<Checkpoint> remembered() {
        Optional<String> note = highest.read();
        if (note.isEmpty()) return Optional.empty();
        Checkpoint cp;
        try {
            cp = verifier.verify(note.get());
        } catch (IllegalArgumentException e) {
            throw new StoreFailure(highest.file() + " does not verify with this node's key (" + e.getMessage() + "): this node"
                    + " did not write it. If the node key was replaced on purpose, remove the file");
        }
        if (!cp.origin().equals(origin)) {
            throw new StoreFailure(highest.file() + " holds a head of origin " + cp.origin() + ", not " + origin);
        }
        return Optional.of(cp);
    }

    private void cutUnsignedTail(long signed) {
        long stored = store.size();
        long dropped = store.dropUnsignedTail();
        if (dropped > 0) {
            LOG.warn("cut {} unsigned entries that no signed head covers (the store held {}, its last signed head covers {}):"
                    + " a batch is acknowledged only once its head is durable with it, so none of them was acknowledged",
                    dropped, stored, signed);
        }
    }
}
