package org.truce.witness;

import org.truce.ledger.Checkpoint;

/**
 * A C2SP signed note whose body is a checkpoint, split where the signatures start (the last blank
 * line); the signatures are not checked here. Immutable.
 *
 * @param text       the whole note, as received
 * @param checkpoint its body, parsed
 * @param signatures its signature lines, each ending in '\n'
 */
record SignedNote(String text, Checkpoint checkpoint, String signatures) {

    /** Splits {@code text}; IllegalArgumentException saying why when it is no signed checkpoint. */
    static SignedNote parse(String text) {
        int split = text == null ? -1 : text.lastIndexOf("\n\n");
        if (split < 0 || !text.endsWith("\n") || split + 2 == text.length()) {
            throw new IllegalArgumentException("the checkpoint is not a signed note: no blank line followed by signature lines");
        }
        return new SignedNote(text, Checkpoint.parse(text.substring(0, split + 1)), text.substring(split + 2));
    }

    /** The note of {@code checkpoint} with {@code signatures} (lines ending in '\n'); a checkpoint has one body text. */
    static SignedNote of(Checkpoint checkpoint, String signatures) {
        return new SignedNote(checkpoint.body() + "\n" + signatures, checkpoint, signatures);
    }

    /** The same checkpoint with {@code lines} (signature lines ending in '\n') appended. */
    SignedNote with(String lines) {
        return new SignedNote(text + lines, checkpoint, signatures + lines);
    }
}
