package org.truce.mirror;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Hashes;
import org.truce.ledger.MerkleProofs;
import org.truce.ledger.MerkleTree;

/**
 * The checks that make a mirror's copy the log's history and nothing else, each a pure function of
 * checkpoints, the copy's tree and the log's proofs (RFC 9162 §2.1.4). A new checkpoint must not be
 * smaller than the last one accepted (a rollback) nor another tree of the same size (a fork); the
 * copy's tree must have the signed root at the signed size; and the log's consistency proof from the
 * last accepted checkpoint to the new one must verify. Stateless.
 */
public final class Consistency {
    private Consistency() {}

    /**
     * The new checkpoint against the last accepted one, before any entry is fetched.
     *
     * @param accepted the last accepted checkpoint, or null before the first
     * @param copy     the copy's tree, holding at least {@code accepted}'s leaves
     */
    public static Optional<Alarm> againstAccepted(Checkpoint accepted, Checkpoint offered, MerkleTree copy) {
        if (accepted == null) return Optional.empty();
        String where = "checkpoint size " + offered.size();
        if (!accepted.origin().equals(offered.origin())) {
            return Optional.of(new Alarm(Alarm.Kind.FORK, where, "the log now signs origin " + offered.origin()
                    + ", not the " + accepted.origin() + " accepted before"));
        }
        if (offered.size() < accepted.size()) {
            boolean prefix = offered.size() <= copy.size() && Arrays.equals(copy.root(offered.size()), offered.rootHash());
            return Optional.of(new Alarm(Alarm.Kind.ROLLBACK, where, "the log's signed checkpoint has " + offered.size()
                    + " entries, fewer than the " + accepted.size() + " of the checkpoint accepted before (root "
                    + Hashes.hex(accepted.rootHash()) + "): entries " + offered.size() + " to " + (accepted.size() - 1)
                    + " are gone from its tree" + (prefix ? "" : ", and its first " + offered.size()
                    + " entries are not those of the copy either (a fork)")));
        }
        if (offered.size() == accepted.size() && !Arrays.equals(offered.rootHash(), accepted.rootHash())) {
            return Optional.of(new Alarm(Alarm.Kind.FORK, where, "the log signed two trees of " + offered.size()
                    + " entries: root " + Hashes.hex(accepted.rootHash()) + " accepted before, " + Hashes.hex(offered.rootHash()) + " now"));
        }
        return Optional.empty();
    }

    /** The copy's own recomputation: its tree (with the new entries appended) has the signed root at the signed size. */
    public static Optional<Alarm> rootOfCopy(Checkpoint offered, MerkleTree copy) {
        String where = "checkpoint size " + offered.size();
        if (copy.size() < offered.size()) {
            return Optional.of(new Alarm(Alarm.Kind.ENTRY_MISSING, where, "the log signed " + offered.size()
                    + " entries but served only " + copy.size()));
        }
        byte[] root = copy.root(offered.size());
        if (!Arrays.equals(root, offered.rootHash())) {
            return Optional.of(new Alarm(Alarm.Kind.ROOT_MISMATCH, where, "the entries the log serves hash to root "
                    + Hashes.hex(root) + ", its signed checkpoint says " + Hashes.hex(offered.rootHash())));
        }
        return Optional.empty();
    }

    /**
     * The log's own consistency proof from the last accepted checkpoint to the new one, and the copy's
     * recomputation of the accepted root (the copy was not changed under the mirror).
     */
    public static Optional<Alarm> proof(Checkpoint accepted, Checkpoint offered, MerkleTree copy, List<byte[]> proof) {
        if (accepted == null || accepted.size() == 0 || accepted.size() == offered.size()) return Optional.empty();
        String where = "checkpoint sizes " + accepted.size() + " to " + offered.size();
        if (!Arrays.equals(copy.root(accepted.size()), accepted.rootHash())) {
            return Optional.of(new Alarm(Alarm.Kind.ROOT_MISMATCH, where, "the mirror's copy no longer has the accepted root "
                    + Hashes.hex(accepted.rootHash()) + " at size " + accepted.size() + ": the copy was changed under the mirror"));
        }
        if (!MerkleProofs.verifyConsistency(accepted.size(), offered.size(), accepted.rootHash(), offered.rootHash(), proof)) {
            return Optional.of(new Alarm(Alarm.Kind.FORK, where, "the log's consistency proof from the accepted checkpoint (root "
                    + Hashes.hex(accepted.rootHash()) + ") to the new one (root " + Hashes.hex(offered.rootHash()) + ") does not verify"));
        }
        return Optional.empty();
    }
}
