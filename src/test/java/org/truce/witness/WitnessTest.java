package org.truce.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Cosigner;
import org.truce.ledger.CosignerKey;
import org.truce.ledger.Hashes;
import org.truce.ledger.NodeKey;

/** The add-checkpoint rules of C2SP tlog-witness, on a real witness directory and real keys and trees. */
class WitnessTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    @TempDir
    Path logDir;
    TestLog log;
    CosignerKey key;
    Witness witness;

    @BeforeEach
    void aWitnessOfOneLog() {
        log = new TestLog(logDir, "first", 20);
        key = CosignerKey.loadOrCreate(dir, "test.local/w1");
        witness = open();
    }

    private Witness open() {
        return new Witness(dir, key, List.of(log.verifier()), CLOCK);
    }

    private WitnessAnswer.Refused refused(WitnessAnswer answer, int status) {
        assertThat(answer).isInstanceOf(WitnessAnswer.Refused.class);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        return (WitnessAnswer.Refused) answer;
    }

    private void cosigned(WitnessAnswer answer, long size) {
        assertThat(answer).as(answer.toString()).isInstanceOf(WitnessAnswer.Cosigned.class);
        String lines = ((WitnessAnswer.Cosigned) answer).lines();
        assertThat(lines).startsWith("\u2014 test.local/w1 ").endsWith("\n");
        assertThat(Cosigner.parse(key.verifierKey()).verify(log.checkpoint(size), lines))
                .hasValue(CLOCK.instant().getEpochSecond());
    }

    @Test
    void the_first_checkpoint_is_cosigned_with_old_size_zero_and_kept_with_both_signatures() throws Exception {
        cosigned(witness.add(log.body(0, 10)), 10);

        Path file = dir.resolve("logs").resolve(CosignedCheckpoints.originHash(TestLog.ORIGIN));
        String kept = Files.readString(file);
        assertThat(kept).startsWith(log.note(10)).contains("\u2014 test.local/w1 ");
        assertThat(witness.checkpoint(CosignedCheckpoints.originHash(TestLog.ORIGIN))).hasValue(kept);
        assertThat(Cosigner.parse(key.verifierKey()).verify(log.checkpoint(10), kept)).isPresent();
        assertThat(log.verifier().verify(kept)).isEqualTo(log.checkpoint(10));
    }

    @Test
    void a_consistent_larger_checkpoint_is_cosigned_and_replaces_the_kept_one() {
        cosigned(witness.add(log.body(0, 10)), 10);
        cosigned(witness.add(log.body(10, 17)), 17);
        cosigned(witness.add(log.body(17, 17)), 17);
        assertThat(witness.latest(TestLog.ORIGIN)).hasValue(log.checkpoint(17));
    }

    @Test
    void an_unknown_origin_is_404() {
        TestLog other = new TestLog(logDir.resolve("other"), "first", 5);
        NodeKey stranger = NodeKey.loadOrCreate(logDir.resolve("stranger"), "stranger.local/log");
        String note = stranger.sign(new Checkpoint("stranger.local/log", 5, other.tree.root(5)));
        assertThat(refused(witness.add(TestLog.body(0, List.of(), note)), 404).reason()).contains("stranger.local/log");
    }

    @Test
    void a_checkpoint_signed_by_another_key_of_the_same_name_or_with_a_bad_signature_is_403() {
        TestLog impostor = new TestLog(logDir.resolve("impostor"), "first", 20);
        refused(witness.add(impostor.body(0, 10)), 403);

        String note = log.note(10);
        int sig = note.lastIndexOf(' ') + 1;
        byte[] blob = Base64.getDecoder().decode(note.substring(sig).strip());
        blob[10] ^= 1;
        String forged = note.substring(0, sig) + Base64.getEncoder().encodeToString(blob) + "\n";
        assertThat(refused(witness.add(TestLog.body(0, List.of(), forged)), 403).reason()).contains("bad signature");
        assertThat(witness.latest(TestLog.ORIGIN)).isEmpty();
    }

    @Test
    void an_old_size_beyond_the_checkpoint_and_malformed_bodies_are_400() {
        cosigned(witness.add(log.body(0, 10)), 10);
        refused(witness.add(TestLog.body(12, List.of(), log.note(11))), 400);
        refused(witness.add("old 10\n" + log.note(12)), 400);           // no empty line
        refused(witness.add("old 010\n\n" + log.note(12)), 400);        // leading zero
        refused(witness.add("old -1\n\n" + log.note(12)), 400);
        refused(witness.add("old 10\nnot-base64!\n\n" + log.note(12)), 400);
        refused(witness.add("old 10\nAAAA\n\n" + log.note(12)), 400);   // not 32 bytes
        refused(witness.add("old 10\n\n" + log.checkpoint(12).body()), 400); // no signatures
        assertThat(refused(witness.add(TestLog.body(10, Collections.nCopies(64, new byte[32]), log.note(12))), 400).reason())
                .contains("at most 63");
        assertThat(witness.latest(TestLog.ORIGIN)).hasValue(log.checkpoint(10));
    }

    @Test
    void sixty_three_proof_lines_are_read_and_then_checked_as_a_proof() {
        cosigned(witness.add(log.body(0, 10)), 10);
        refused(witness.add(TestLog.body(10, Collections.nCopies(63, new byte[32]), log.note(12))), 422);
    }

    @Test
    void an_old_size_other_than_the_kept_one_is_409_with_the_kept_size() {
        assertThat(witness.add(log.body(5, 10))).isEqualTo(new WitnessAnswer.Conflict(0));
        cosigned(witness.add(log.body(0, 10)), 10);
        assertThat(witness.add(log.body(0, 12))).isEqualTo(new WitnessAnswer.Conflict(10));
        assertThat(witness.add(log.body(8, 12))).isEqualTo(new WitnessAnswer.Conflict(10));
    }

    @Test
    void a_proof_that_does_not_verify_is_422_and_kept_as_evidence() throws Exception {
        cosigned(witness.add(log.body(0, 10)), 10);
        List<byte[]> wrong = log.proof(9, 15);

        refused(witness.add(TestLog.body(10, wrong, log.note(15))), 422);

        assertThat(witness.latest(TestLog.ORIGIN)).hasValue(log.checkpoint(10));
        assertThat(witness.evidence()).hasSize(1);
        Evidence e = Evidence.parse(Files.readString(witness.evidence().get(0)));
        assertThat(e.reason()).isEqualTo("no valid consistency proof from the tree of size 10 it cosigned to size 15");
        assertThat(e.keptBy()).isEqualTo("test.local/w1");
        assertThat(EvidenceFinding.of(e, log.verifier()).kind()).isEqualTo(EvidenceFinding.Kind.UNPROVEN);
    }

    @Test
    void another_tree_of_the_same_size_is_422_and_its_evidence_proves_a_fork() throws Exception {
        cosigned(witness.add(log.body(0, 10)), 10);
        TestLog fork = new TestLog(logDir, "second", 10);

        assertThat(refused(witness.add(fork.body(10, 10)), 422).reason()).contains("another tree of size 10");
        refused(witness.add(fork.body(10, 10)), 422); // the log retries: one file still

        assertThat(witness.evidence()).hasSize(1);
        Evidence e = Evidence.parse(Files.readString(witness.evidence().get(0)));
        assertThat(e.cosigned()).startsWith(log.note(10));
        assertThat(e.refused()).isEqualTo(fork.body(10, 10));
        EvidenceFinding finding = EvidenceFinding.of(e, log.verifier());
        assertThat(finding.kind()).isEqualTo(EvidenceFinding.Kind.FORK_PROVEN);
        assertThat(finding.message()).contains("signed two different trees of size 10");
        TestLog stranger = new TestLog(logDir.resolve("stranger"), "first", 1);
        assertThat(EvidenceFinding.of(e, stranger.verifier()).kind()).isEqualTo(EvidenceFinding.Kind.NOT_SIGNED);
    }

    @Test
    void a_proof_with_old_size_zero_and_a_wrong_empty_root_are_422() {
        refused(witness.add(TestLog.body(0, log.proof(5, 10), log.note(10))), 422);
        String emptyWrong = log.key.sign(new Checkpoint(TestLog.ORIGIN, 0, Hashes.sha256(new byte[] {1})));
        refused(witness.add(TestLog.body(0, List.of(), emptyWrong)), 422);
        cosigned(witness.add(TestLog.body(0, List.of(), log.key.sign(new Checkpoint(TestLog.ORIGIN, 0, Hashes.emptyRoot())))), 0);
        assertThat(witness.evidence()).isEmpty();
    }

    @Test
    void a_smaller_checkpoint_after_a_larger_one_is_400_and_kept_as_evidence_of_a_rollback() throws Exception {
        cosigned(witness.add(log.body(0, 15)), 15);
        refused(witness.add(TestLog.body(15, List.of(), log.note(12))), 400);
        Evidence e = Evidence.parse(Files.readString(witness.evidence().get(0)));
        EvidenceFinding finding = EvidenceFinding.of(e, log.verifier());
        assertThat(finding.kind()).isEqualTo(EvidenceFinding.Kind.UNPROVEN);
        assertThat(finding.message()).contains("a rollback");
    }

    @Test
    void the_kept_checkpoint_survives_a_restart() {
        cosigned(witness.add(log.body(0, 10)), 10);
        Witness again = open();
        assertThat(again.add(log.body(0, 12))).isEqualTo(new WitnessAnswer.Conflict(10));
        cosigned(again.add(log.body(10, 12)), 12);
    }

    @Test
    void of_concurrent_requests_from_one_old_size_exactly_one_is_cosigned() throws Exception {
        cosigned(witness.add(log.body(0, 5)), 5);
        int n = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<WitnessAnswer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String body = log.body(5, 6 + i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return witness.add(body);
                }));
            }
            start.countDown();
            List<WitnessAnswer> all = new ArrayList<>();
            for (Future<WitnessAnswer> f : answers) all.add(f.get());
            long accepted = all.stream().filter(a -> a instanceof WitnessAnswer.Cosigned).count();
            assertThat(accepted).as(all.toString()).isEqualTo(1);
            int winner = all.indexOf(all.stream().filter(a -> a instanceof WitnessAnswer.Cosigned).findFirst().orElseThrow());
            assertThat(all.stream().filter(a -> a instanceof WitnessAnswer.Conflict).toList())
                    .hasSize(n - 1).allMatch(a -> a.equals(new WitnessAnswer.Conflict(6 + winner)));
            assertThat(witness.latest(TestLog.ORIGIN)).hasValue(log.checkpoint(6 + winner));
        } finally {
            pool.shutdownNow();
        }
    }
}
