package org.truce.witness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Hashes;
import org.truce.ledger.MerkleTree;
import org.truce.ledger.NodeKey;
import org.truce.ledger.NoteVerifier;

/**
 * A log for witness tests: a real node key in a directory and a real Merkle tree of made-up leaves
 * ({@code history} tells two histories apart), with its signed checkpoints, proofs and add-checkpoint bodies.
 */
final class TestLog {
    static final String ORIGIN = "test.local/log";
    final NodeKey key;
    final MerkleTree tree = new MerkleTree();
    private final String history;

    TestLog(Path keyDir, String history, int leaves) {
        this.key = NodeKey.loadOrCreate(keyDir, ORIGIN);
        this.history = history;
        grow(leaves);
    }

    void grow(int leaves) {
        for (int i = 0; i < leaves; i++) {
            tree.append(Hashes.leafHash((history + " " + tree.size()).getBytes(StandardCharsets.UTF_8)));
        }
    }

    NoteVerifier verifier() {
        return NoteVerifier.parse(key.verifierKey());
    }

    Checkpoint checkpoint(long size) {
        return new Checkpoint(ORIGIN, size, tree.root(size));
    }

    String note(long size) {
        return key.sign(checkpoint(size));
    }

    List<byte[]> proof(long from, long to) {
        return from == 0 || from == to ? List.of() : tree.consistencyProof(from, to);
    }

    /** The body of an add-checkpoint request of the checkpoint of {@code size}, with a proof from {@code old}. */
    String body(long old, long size) {
        return body(old, proof(old, size), note(size));
    }

    static String body(long old, List<byte[]> proof, String note) {
        StringBuilder b = new StringBuilder("old ").append(old).append('\n');
        proof.forEach(h -> b.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return b.append('\n').append(note).toString();
    }
}
