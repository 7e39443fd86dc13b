package org.truce.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Cosigner;
import org.truce.ledger.CosignerKey;
import org.truce.ledger.Hashes;
import org.truce.ledger.NodeKey;
import org.truce.ledger.NoteVerifier;

/** The mirror's policy on real keys: the log's signature, then k of n witnesses' cosignatures (C2SP tlog-cosignature). */
class CheckpointPolicyTest {
    private static final String ORIGIN = "truce.local/ledger";
    private static final Checkpoint CP = new Checkpoint(ORIGIN, 7, Hashes.sha256(new byte[] {7}));
    @TempDir
    Path dir;
    private NodeKey log;
    private CosignerKey w1;
    private CosignerKey w2;
    private CosignerKey w3;

    @BeforeEach
    void keys() {
        log = NodeKey.loadOrCreate(dir.resolve("log"), ORIGIN);
        w1 = CosignerKey.loadOrCreate(dir.resolve("w1"), "witness.one");
        w2 = CosignerKey.loadOrCreate(dir.resolve("w2"), "witness.two");
        w3 = CosignerKey.loadOrCreate(dir.resolve("w3"), "witness.three");
    }

    private CheckpointPolicy policy(int quorum) {
        return new CheckpointPolicy(NoteVerifier.parse(log.verifierKey()),
                List.of(Cosigner.parse(w1.verifierKey()), Cosigner.parse(w2.verifierKey()), Cosigner.parse(w3.verifierKey())), quorum);
    }

    @Test
    void a_note_signed_by_the_log_passes_a_quorum_of_zero_and_yields_the_logs_own_note() {
        String note = log.sign(CP) + w1.cosign(CP, 1_700_000_000);
        CheckpointPolicy.Accepted accepted = policy(0).check(note);
        assertThat(accepted.checkpoint()).isEqualTo(CP);
        assertThat(accepted.logNote()).isEqualTo(log.sign(CP));
        assertThat(accepted.cosigners()).containsExactly("witness.one");
    }

    @Test
    void two_of_three_cosignatures_meet_a_quorum_of_two() {
        String note = log.sign(CP) + w3.cosign(CP, 1_700_000_000) + w1.cosign(CP, 1_700_000_001);
        assertThat(policy(2).check(note).cosigners()).containsExactly("witness.one", "witness.three");
    }

    @Test
    void one_valid_cosignature_and_one_over_another_checkpoint_do_not_meet_a_quorum_of_two() {
        Checkpoint other = new Checkpoint(ORIGIN, 8, Hashes.sha256(new byte[] {8}));
        String note = log.sign(CP) + w1.cosign(CP, 1_700_000_000) + w2.cosign(other, 1_700_000_000);
        assertThatThrownBy(() -> policy(2).check(note)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the checkpoint of size 7 carries valid cosignatures of 1 known witnesses [witness.one], fewer than the quorum of 2");
    }

    @Test
    void the_note_a_mirror_serves_keeps_the_logs_line_and_the_valid_cosignatures_of_known_witnesses_only() {
        Checkpoint other = new Checkpoint(ORIGIN, 8, Hashes.sha256(new byte[] {8}));
        CosignerKey stranger = CosignerKey.loadOrCreate(dir.resolve("stranger"), "witness.stranger");
        String note = log.sign(CP) + w3.cosign(CP, 1_700_000_003) + stranger.cosign(CP, 1_700_000_000)
                + w2.cosign(other, 1_700_000_000) + w1.cosign(CP, 1_700_000_001);
        CheckpointPolicy.Accepted accepted = policy(2).check(note);
        // in the order of the known witnesses, as a node serves them
        assertThat(accepted.cosignedNote()).isEqualTo(log.sign(CP) + w1.cosign(CP, 1_700_000_001) + w3.cosign(CP, 1_700_000_003));
        // a kept note read again under a policy whose quorum it no longer meets: read, not refused
        assertThat(policy(3).witnessed(note).cosignedNote()).isEqualTo(accepted.cosignedNote());
    }

    @Test
    void a_note_the_log_did_not_sign_is_refused_whatever_its_cosignatures() {
        NodeKey impostor = NodeKey.loadOrCreate(dir.resolve("impostor"), ORIGIN);
        String note = impostor.sign(CP) + w1.cosign(CP, 1) + w2.cosign(CP, 1);
        assertThatThrownBy(() -> policy(0).check(note)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no signature by");
    }

    @Test
    void a_quorum_larger_than_the_witnesses_is_refused() {
        assertThatThrownBy(() -> new CheckpointPolicy(NoteVerifier.parse(log.verifierKey()), List.of(), 1))
                .hasMessage("quorum must be between 0 and the number of witnesses (0), not 1");
    }
}
