package org.truce.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.HighestHead;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * A node's store rolled back behind its back (the newest entries and their heads deleted with JDBC,
 * as in {@code cli.RollbackTest}) and the node restarted with its remembered highest head moved aside,
 * so it serves the shorter ledger. Its three witnesses (real processes) had cosigned the longer one:
 * none cosigns the shorter one, and when the node signs another tree of the size they cosigned, every
 * witness refuses it (422) and keeps evidence that {@code truce verify --evidence} shows proves a fork.
 */
class RollbackWitnessTest {
    static final Duration DEADLINE = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void after_a_rollback_the_nodes_next_checkpoints_are_refused_by_every_witness_which_keeps_evidence() throws Exception {
        try (WitnessedNode setup = new WitnessedNode(dir)) {
            long size;
            Map<String, String> cosignedBefore = new HashMap<>();
            try (TestNode node = setup.start()) {
                for (int i = 0; i < 5; i++) file(node, "00000000-0000-4000-8000-00000000080" + i, 1300 + i);
                size = node.truce.ledger().size();
                assertThat(node.truce.cosigning().awaitCosigned(size, 3, DEADLINE)).isPresent();
                for (WitnessProcess w : setup.witnesses) cosignedBefore.put(w.name, w.checkpoint(node.truce.ledger().origin()).body());
            }
            rollBack(setup.nodeDir, size, 2);
            Files.move(setup.nodeDir.resolve(HighestHead.FILE), setup.nodeDir.resolve(HighestHead.FILE + ".aside"));

            try (TestNode node = setup.start()) {
                assertThat(node.truce.ledger().size()).isEqualTo(size - 2);
                file(node, "00000000-0000-4000-8000-000000000900", 2000);
                file(node, "00000000-0000-4000-8000-000000000901", 2001);
                assertThat(node.truce.ledger().size()).isEqualTo(size);
                for (WitnessProcess w : setup.witnesses) awaitEvidence(w);

                for (WitnessProcess w : setup.witnesses) {
                    assertThat(w.checkpoint(node.truce.ledger().origin()).body())
                            .as("the witness kept the tree it cosigned: it cosigned neither the shorter tree nor the other one")
                            .isEqualTo(cosignedBefore.get(w.name));
                }
                assertThat(Quorum.of(node.get("/api/v1/ledger/checkpoint").body(), setup.cosigners(), 1).valid()).isZero();
            }
            Path key = Files.writeString(dir.resolve("node.pub"), setup.nodeKey + "\n");
            for (WitnessProcess w : setup.witnesses) {
                List<Path> evidence = w.evidence();
                assertThat(evidence).hasSize(1);
                WitnessProcess.Result verify = WitnessProcess.truce(dir.resolve(w.name + "-verify.log"),
                        "verify", "--evidence", evidence.get(0).toString(), "--log-key", key.toString());
                assertThat(verify.code()).as(verify.output()).isEqualTo(1);
                assertThat(verify.output()).contains("signed two different trees of size " + size);
            }
        }
    }

    private static void file(TestNode node, String id, int value) {
        node.clock.advance(Duration.ofMinutes(1));
        var r = Reports.valid(id).put("asOf", "2021-01-21").put("value", value);
        assertThat(node.post("/api/v1/reports", r.toString()).status()).isEqualTo(201);
    }

    /** Deletes the newest {@code n} entries (one report, one batch, one head each) and their heads. */
    private static void rollBack(Path nodeDir, long size, int n) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + nodeDir.resolve("truce.db"));
             PreparedStatement entries = c.prepareStatement("DELETE FROM entries WHERE seq >= ?");
             PreparedStatement heads = c.prepareStatement("DELETE FROM heads WHERE size > ?")) {
            entries.setLong(1, size - n);
            assertThat(entries.executeUpdate()).isEqualTo(n);
            heads.setLong(1, size - n);
            assertThat(heads.executeUpdate()).isEqualTo(n);
        }
    }

    /** Waits (bounded) for the witness process to keep its evidence: it does so before it answers the node. */
    private static void awaitEvidence(WitnessProcess w) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (w.evidence().isEmpty()) {
            if (System.nanoTime() > deadline) throw new AssertionError(w.name + " kept no evidence within " + DEADLINE);
            LockSupport.parkNanos(100_000_000); // another process's file: polled with a deadline
        }
    }
}
