package org.truce.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.CosignerKey;
import org.truce.ledger.HighestHead;
import org.truce.ledger.NoteVerifier;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * A witness that pulls a real node's head and consistency proofs over HTTP, as {@code truce witness
 * --log} does: it cosigns as the log grows, and notices a rollback and then a fork although the node
 * never calls it.
 */
class LogPullerTest {
    @TempDir
    Path dir;
    @TempDir
    Path witnessDir;

    @Test
    void a_pulling_witness_cosigns_a_growing_log_and_notices_its_rollback_and_fork() throws Exception {
        Witness witness;
        long size;
        try (TestNode node = TestNode.withDemo(dir)) {
            NoteVerifier logKey = NoteVerifier.parse(node.truce.ledger().verifierKey());
            witness = new Witness(witnessDir, CosignerKey.loadOrCreate(witnessDir, "test.local/puller"), List.of(logKey), WitnessTest.CLOCK);
            LogPuller puller = new LogPuller(witness, URI.create(node.base()), logKey.name());
            assertThat(puller.pull()).hasValueSatisfying(a -> assertThat(a).isInstanceOf(WitnessAnswer.Cosigned.class));
            assertThat(puller.pull()).as("the same head again: nothing to do").isEmpty();
            file(node, "00000000-0000-4000-8000-000000000a00", 1);
            file(node, "00000000-0000-4000-8000-000000000a01", 2);
            Optional<WitnessAnswer> grown = puller.pull();
            assertThat(grown).hasValueSatisfying(a -> assertThat(a).isInstanceOf(WitnessAnswer.Cosigned.class));
            size = node.truce.ledger().size();
            assertThat(witness.latest(logKey.name()).orElseThrow().size()).isEqualTo(size);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("truce.db"));
             PreparedStatement entries = c.prepareStatement("DELETE FROM entries WHERE seq >= " + (size - 2));
             PreparedStatement heads = c.prepareStatement("DELETE FROM heads WHERE size > " + (size - 2))) {
            entries.executeUpdate();
            heads.executeUpdate();
        }
        Files.move(dir.resolve(HighestHead.FILE), dir.resolve(HighestHead.FILE + ".aside"));
        try (TestNode node = new TestNode(dir, false)) {
            LogPuller puller = new LogPuller(witness, URI.create(node.base()), node.truce.ledger().origin());
            WitnessAnswer shorter = puller.pull().orElseThrow();
            assertThat(shorter.status()).isEqualTo(400);
            assertThat(witness.evidence()).hasSize(1);
            assertThat(Files.readString(witness.evidence().get(0)))
                    .contains("reason: the log signed a checkpoint of size " + (size - 2) + " after one of size " + size);

            file(node, "00000000-0000-4000-8000-000000000b00", 3);
            file(node, "00000000-0000-4000-8000-000000000b01", 4);
            WitnessAnswer other = puller.pull().orElseThrow();
            assertThat(other.status()).isEqualTo(422);
            assertThat(witness.evidence()).hasSize(2);
            Evidence fork = Evidence.parse(Files.readString(witness.evidence().stream()
                    .filter(f -> f.getFileName().toString().contains("-" + size + "-" + size + "-")).findFirst().orElseThrow()));
            assertThat(EvidenceFinding.of(fork, NoteVerifier.parse(node.truce.ledger().verifierKey())).kind())
                    .isEqualTo(EvidenceFinding.Kind.FORK_PROVEN);
        }
    }

    private static void file(TestNode node, String id, int value) {
        node.clock.advance(Duration.ofMinutes(1));
        var r = Reports.valid(id).put("asOf", "2021-01-22").put("value", 1500 + value);
        assertThat(node.post("/api/v1/reports", r.toString()).status()).isEqualTo(201);
    }
}
