package org.truce.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.Cosigner;
import org.truce.ledger.CosignerKey;

/** A reader's k-of-n policy over a checkpoint's cosignature lines. */
class QuorumTest {
    @TempDir
    Path dir;

    @Test
    void each_known_witness_is_found_valid_missing_or_bad_and_other_lines_are_ignored() {
        TestLog log = new TestLog(dir.resolve("log"), "h", 8);
        CosignerKey a = CosignerKey.loadOrCreate(dir.resolve("a"), "a.example");
        CosignerKey b = CosignerKey.loadOrCreate(dir.resolve("b"), "b.example");
        CosignerKey c = CosignerKey.loadOrCreate(dir.resolve("c"), "c.example");
        CosignerKey stranger = CosignerKey.loadOrCreate(dir.resolve("s"), "stranger.example");
        String badB = WitnessedNodeTest.tamper(b.cosign(log.checkpoint(8), 1_700_000_000), "b.example");
        String note = log.note(8) + a.cosign(log.checkpoint(8), 1_700_000_000) + badB
                + stranger.cosign(log.checkpoint(8), 1_700_000_000);
        List<Cosigner> known = List.of(Cosigner.parse(a.verifierKey()), Cosigner.parse(b.verifierKey()), Cosigner.parse(c.verifierKey()));

        Quorum q = Quorum.of(note, known, 1);

        assertThat(q.each()).extracting(Quorum.Verdict::status)
                .containsExactly(Quorum.Verdict.Status.VALID, Quorum.Verdict.Status.BAD, Quorum.Verdict.Status.MISSING);
        assertThat(q.each().get(0).cosignedAt()).hasToString("2023-11-14T22:13:20Z");
        assertThat(q.valid()).isEqualTo(1);
        assertThat(q.met()).isTrue();
        assertThat(Quorum.of(note, known, 2).met()).isFalse();
        assertThat(Quorum.of(log.note(8) + a.cosign(log.checkpoint(7), 1_700_000_000), known, 1).met())
                .as("a cosignature of another checkpoint").isFalse();
        assertThatThrownBy(() -> Quorum.of(note, known, 4)).hasMessageContaining("between 1 and the 3 witnesses");
        assertThatThrownBy(() -> Quorum.of(note, List.of(known.get(0), known.get(0)), 2)).hasMessageContaining("given twice");
    }
}
