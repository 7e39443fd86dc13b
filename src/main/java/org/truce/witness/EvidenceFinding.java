package org.truce.witness;

import java.util.HexFormat;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.MerkleProofs;
import org.truce.ledger.NoteVerifier;

/**
 * What a witness's {@link Evidence} proves against a log key obtained independently: two checkpoints
 * of one size with different roots, both signed by the log, prove a fork (the log showed two
 * histories); checkpoints of different sizes prove only what the proof offered with them shows,
 * since a bad proof may be a fault of the request rather than of the history. Immutable.
 *
 * @param kind    the conclusion
 * @param message what it means, in one paragraph, for a person
 */
public record EvidenceFinding(Kind kind, String message) {
    public enum Kind {
        /** Both checkpoints are signed by the log, have one size and different roots. */
        FORK_PROVEN,
        /** Both are signed by the log and the proof offered shows the smaller tree is a prefix of the larger (or they are equal). */
        CONSISTENT,
        /** Both are signed by the log, of different sizes, and nothing here shows whether one extends the other. */
        UNPROVEN,
        /** One of them is not validly signed by the key given: it proves nothing about that log. */
        NOT_SIGNED
    }

    private static final HexFormat HEX = HexFormat.of();

    public static EvidenceFinding of(Evidence evidence, NoteVerifier logKey) {
        Checkpoint kept;
        AddCheckpoint request;
        try {
            kept = logKey.verify(SignedNote.parse(evidence.cosigned()).text());
            request = AddCheckpoint.parse(evidence.refused());
            logKey.verify(request.note().text());
        } catch (IllegalArgumentException e) {
            return new EvidenceFinding(Kind.NOT_SIGNED, "The evidence does not hold two checkpoints validly signed by "
                    + logKey.name() + ": " + e.getMessage() + ". It proves nothing about that log.");
        }
        Checkpoint refused = request.note().checkpoint();
        if (kept.size() == refused.size()) {
            return kept.equals(refused)
                    ? new EvidenceFinding(Kind.CONSISTENT, "Both checkpoints are the same tree of size " + kept.size() + ": no misbehaviour shown.")
                    : new EvidenceFinding(Kind.FORK_PROVEN, "PROVEN: the log " + kept.origin() + " signed two different trees of size "
                    + kept.size() + ": root " + HEX.formatHex(kept.rootHash()) + " (cosigned by " + evidence.keptBy() + ") and root "
                    + HEX.formatHex(refused.rootHash()) + ". A log signs one tree per size; it showed two histories.");
        }
        Checkpoint small = kept.size() < refused.size() ? kept : refused;
        Checkpoint large = small == kept ? refused : kept;
        if (small.size() > 0 && request.oldSize() == small.size() && large == refused
                && MerkleProofs.verifyConsistency(small.size(), large.size(), small.rootHash(), large.rootHash(), request.proof())) {
            return new EvidenceFinding(Kind.CONSISTENT, "The proof offered shows the tree of size " + small.size()
                    + " is a prefix of the tree of size " + large.size() + ": no misbehaviour shown.");
        }
        String rollback = large == kept ? " The log signed the smaller tree after the witness had cosigned the larger one: a rollback,"
                + " unless an old checkpoint was replayed to the witness." : "";
        return new EvidenceFinding(Kind.UNPROVEN, "NOT PROVEN: the log " + kept.origin() + " signed trees of sizes " + small.size()
                + " (root " + HEX.formatHex(small.rootHash()) + ") and " + large.size() + " (root " + HEX.formatHex(large.rootHash())
                + "), and the proof offered does not show that the first is a prefix of the second. That alone does not prove a"
                + " fork: a request may carry a wrong proof." + rollback + " Ask the log for a consistency proof"
                + " (GET /api/v1/ledger/consistency?from=" + small.size() + "&to=" + large.size() + "): if it cannot give one that"
                + " verifies against both roots, it rewrote its history.");
    }
}
