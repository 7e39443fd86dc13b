package org.truce.mirror;

import java.util.ArrayList;
import java.util.List;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Cosigner;
import org.truce.ledger.NoteVerifier;

/**
 * Which checkpoints a mirror accepts: signed by the log's key, and cosigned by at least {@code quorum}
 * of the known witnesses (C2SP tlog-cosignature; quorum 0 asks for none). Immutable, thread-safe.
 */
public final class CheckpointPolicy {
    private final NoteVerifier log;
    private final List<Cosigner> witnesses;
    private final int quorum;

    /** The accepted checkpoint, the log's own note of it (its signature line only), and who cosigned it. */
    public record Accepted(Checkpoint checkpoint, String logNote, List<String> cosigners) {}

    public CheckpointPolicy(NoteVerifier log, List<Cosigner> witnesses, int quorum) {
        if (quorum < 0 || quorum > witnesses.size()) {
            throw new IllegalArgumentException("quorum must be between 0 and the number of witnesses (" + witnesses.size() + "), not " + quorum);
        }
        this.log = log;
        this.witnesses = List.copyOf(witnesses);
        this.quorum = quorum;
    }

    public NoteVerifier log() {
        return log;
    }

    /**
     * @throws IllegalArgumentException saying why the note is refused: malformed, not signed by the log's
     *                                  key, or cosigned by fewer known witnesses than the quorum
     */
    public Accepted check(String note) {
        Checkpoint cp = log.verify(note);
        String signatures = note.substring(note.lastIndexOf("\n\n") + 2);
        List<String> cosigners = new ArrayList<>();
        for (Cosigner witness : witnesses) {
            if (witness.verify(cp, signatures).isPresent()) cosigners.add(witness.name());
        }
        if (cosigners.size() < quorum) {
            throw new IllegalArgumentException("the checkpoint of size " + cp.size() + " carries valid cosignatures of "
                    + cosigners.size() + " known witnesses " + cosigners + ", fewer than the quorum of " + quorum);
        }
        return new Accepted(cp, logNote(note, cp), List.copyOf(cosigners));
    }

    /** The note with the log's own signature line only: what the log's node signs for the same tree (Ed25519 is deterministic). */
    private String logNote(String note, Checkpoint cp) {
        for (String line : note.substring(note.lastIndexOf("\n\n") + 2).split("\n")) {
            String only = cp.body() + "\n" + line + "\n";
            try {
                log.verify(only);
                return only;
            } catch (IllegalArgumentException notThisLine) {
                // a witness's cosignature, or another key's line
            }
        }
        throw new IllegalStateException("a note that verifies has a line that verifies");
    }
}
