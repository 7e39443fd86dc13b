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

    /**
     * The accepted checkpoint, the log's own note of it (its signature line only), who cosigned it, and
     * the note a mirror serves for it: the log's signature line, then the valid cosignature lines of the
     * known witnesses, in their order (what was checked; lines of other keys left out).
     */
    public record Accepted(Checkpoint checkpoint, String logNote, List<String> cosigners, String cosignedNote) {}

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

    /** The known witnesses, in the order given. */
    public List<Cosigner> witnesses() {
        return witnesses;
    }

    /** How many of them must have cosigned. */
    public int quorum() {
        return quorum;
    }

    /**
     * @throws IllegalArgumentException saying why the note is refused: malformed, not signed by the log's
     *                                  key, or cosigned by fewer known witnesses than the quorum
     */
    public Accepted check(String note) {
        Accepted a = witnessed(note);
        if (a.cosigners().size() < quorum) {
            throw new IllegalArgumentException("the checkpoint of size " + a.checkpoint().size() + " carries valid cosignatures of "
                    + a.cosigners().size() + " known witnesses " + a.cosigners() + ", fewer than the quorum of " + quorum);
        }
        return a;
    }

    /**
     * The note read as {@link #check} reads it, whatever the quorum: for a note accepted before (the
     * policy may have changed since).
     *
     * @throws IllegalArgumentException if the note is malformed or not signed by the log's key
     */
    public Accepted witnessed(String note) {
        Checkpoint cp = log.verify(note);
        String[] lines = note.substring(note.lastIndexOf("\n\n") + 2).split("\n");
        List<String> cosigners = new ArrayList<>();
        StringBuilder cosignatures = new StringBuilder();
        for (Cosigner witness : witnesses) {
            for (String line : lines) {
                if (witness.verify(cp, line).isEmpty()) continue;
                cosigners.add(witness.name());
                cosignatures.append(line).append('\n');
                break;
            }
        }
        String logNote = logNote(note, cp);
        return new Accepted(cp, logNote, List.copyOf(cosigners), logNote + cosignatures);
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
