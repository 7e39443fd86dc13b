package org.truce.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.HeadSigner;
import org.truce.ledger.Hashes;
import org.truce.ledger.NodeKey;
import org.truce.ledger.NoteVerifier;

/** A mirror signs nothing: it repeats the log's notes it verified, keeps them across restarts, and refuses the rest. */
class LogNotesTest {
    private static final String ORIGIN = "truce.local/ledger";
    private static final Checkpoint CP = new Checkpoint(ORIGIN, 3, Hashes.sha256(new byte[] {3}));
    @TempDir
    Path dir;

    @Test
    void a_verified_note_is_repeated_byte_for_byte_and_kept_across_restarts() {
        NodeKey log = NodeKey.loadOrCreate(dir.resolve("log"), ORIGIN);
        LogNotes notes = new LogNotes(NoteVerifier.parse(log.verifierKey()), dir.resolve("notes"));
        assertThat(notes.add(log.sign(CP))).isEqualTo(CP);

        assertThat(notes.sign(CP)).isEqualTo(log.sign(CP));
        assertThat(notes.verifierKey()).isEqualTo(log.verifierKey());
        assertThat(new LogNotes(NoteVerifier.parse(log.verifierKey()), dir.resolve("notes")).sign(CP)).isEqualTo(log.sign(CP));
    }

    @Test
    void a_checkpoint_the_log_never_signed_for_the_mirror_is_refused() {
        NodeKey log = NodeKey.loadOrCreate(dir.resolve("log"), ORIGIN);
        LogNotes notes = new LogNotes(NoteVerifier.parse(log.verifierKey()), dir.resolve("notes"));
        notes.add(log.sign(CP));
        Checkpoint sameSizeOtherRoot = new Checkpoint(ORIGIN, 3, Hashes.sha256(new byte[] {4}));

        assertThatThrownBy(() -> notes.sign(sameSizeOtherRoot)).isInstanceOf(HeadSigner.Unsigned.class)
                .hasMessage("this mirror holds no checkpoint of the log signed at size 3; it serves only what the log signed: ask the log");
    }

    @Test
    void a_note_signed_by_another_key_is_not_taken() {
        NodeKey log = NodeKey.loadOrCreate(dir.resolve("log"), ORIGIN);
        NodeKey other = NodeKey.loadOrCreate(dir.resolve("other"), ORIGIN);
        LogNotes notes = new LogNotes(NoteVerifier.parse(log.verifierKey()), dir.resolve("notes"));

        assertThatThrownBy(() -> notes.add(other.sign(CP))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notes.sign(CP)).isInstanceOf(HeadSigner.Unsigned.class);
    }
}
