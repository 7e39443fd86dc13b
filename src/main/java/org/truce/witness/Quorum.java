package org.truce.witness;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Cosigner;

/**
 * A reader's policy: a checkpoint is accepted only with valid cosignatures of at least k of the n
 * witnesses the reader knows (https://c2sp.org/tlog-cosignature). Each known witness's cosignature is
 * found valid, missing, or bad (a line in its name that does not verify); lines of other keys are
 * ignored. Immutable.
 *
 * @param checkpoint the checkpoint whose cosignatures were counted
 * @param each       one verdict per known witness, in the order given
 * @param quorum     k
 */
public record Quorum(Checkpoint checkpoint, List<Verdict> each, int quorum) {

    /** A known witness's cosignature: valid (with its time), missing, or bad. */
    public record Verdict(String witness, Status status, Instant cosignedAt) {
        public enum Status { VALID, MISSING, BAD }
    }

    /** Counts the cosignatures among the signature lines of {@code signedNote} (whose body is the checkpoint). */
    public static Quorum of(String signedNote, List<Cosigner> witnesses, int quorum) {
        if (quorum < 1 || quorum > witnesses.size()) {
            throw new IllegalArgumentException("the quorum must be between 1 and the " + witnesses.size() + " witnesses given, not " + quorum);
        }
        if (witnesses.stream().map(Cosigner::name).distinct().count() != witnesses.size()) {
            throw new IllegalArgumentException("a witness is given twice: each counts once towards the quorum");
        }
        SignedNote note = SignedNote.parse(signedNote);
        List<Verdict> each = witnesses.stream().map(w -> verdict(note, w)).toList();
        return new Quorum(note.checkpoint(), each, quorum);
    }

    private static Verdict verdict(SignedNote note, Cosigner witness) {
        OptionalLong t = witness.verify(note.checkpoint(), note.signatures());
        if (t.isPresent()) return new Verdict(witness.name(), Verdict.Status.VALID, Instant.ofEpochSecond(t.getAsLong()));
        boolean named = note.signatures().lines().anyMatch(l -> l.startsWith("\u2014 " + witness.name() + " "));
        return new Verdict(witness.name(), named ? Verdict.Status.BAD : Verdict.Status.MISSING, null);
    }

    public long valid() {
        return each.stream().filter(v -> v.status() == Verdict.Status.VALID).count();
    }

    public boolean met() {
        return valid() >= quorum;
    }
}
