package org.truce.ledger;

import java.util.Arrays;
import java.util.List;

/**
 * Checks, after a replay, that the store still matches its last signed head, and gives the note this
 * node serves for it. A store changed, cut or extended behind the application's back is refused
 * ({@code truce verify} names the first bad seq). A head signed by a predecessor key (a store
 * imported from another node) is accepted and re-signed with this node's key.
 *
 * <p>Immutable; used once, at open.
 */
final class ReplayedHead {
    private final HeadSigner key;
    private final String origin;
    private final List<NoteVerifier> predecessors;

    ReplayedHead(HeadSigner key, String origin, List<NoteVerifier> predecessors) {
        this.key = key;
        this.origin = origin;
        this.predecessors = predecessors;
    }

    /**
     * @param heads  the store's kept heads, by size ascending, not empty
     * @param shared whether other nodes append to the store: they may have appended after the replay
     *               read the entries, so the last head at or below the replayed size is checked (the
     *               writer catches up with the rest)
     * @return the signed note of that head as this node serves it
     * @throws StoreFailure if the head is signed by no known key or does not match the tree
     */
    String served(List<LedgerStore.KeptHead> heads, boolean shared, MerkleTree tree) {
        LedgerStore.KeptHead last = heads.get(heads.size() - 1);
        if (shared) {
            for (LedgerStore.KeptHead head : heads) {
                if (head.size() <= tree.size()) last = head;
            }
        }
        return check(last.signedNote(), tree);
    }

    private String check(String note, MerkleTree tree) {
        Checkpoint cp;
        String served = note;
        try {
            cp = NoteVerifier.parse(key.verifierKey()).verify(note);
        } catch (IllegalArgumentException e) {
            cp = predecessorCheckpoint(note);
            if (cp == null) {
                throw new StoreFailure("the store's last signed head is not signed by this node's key: " + e.getMessage());
            }
            served = key.sign(cp);
        }
        if (cp.size() != tree.size() || !Arrays.equals(cp.rootHash(), tree.root(cp.size()))) {
            throw new StoreFailure("the store does not match its last signed head (size " + cp.size() + ", the store holds "
                    + tree.size() + " entries): it was changed behind the application's back; run truce verify to find where");
        }
        return served;
    }

    /** The checkpoint of a note signed by a predecessor key, or null if none signed it. */
    private Checkpoint predecessorCheckpoint(String note) {
        for (NoteVerifier predecessor : predecessors) {
            try {
                Checkpoint cp = predecessor.verify(note);
                if (cp.origin().equals(origin)) return cp;
            } catch (IllegalArgumentException e) {
                // not this one; try the next
            }
        }
        return null;
    }
}
