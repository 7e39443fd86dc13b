package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * A store rolled back behind the node's back: the newest entries and their heads deleted from the
 * SQLite file with JDBC, which leaves a shorter ledger whose every leaf and head still verify. The node
 * remembers its highest signed head beside its key, so {@code serve} refuses to start and {@code verify}
 * fails; a reader's kept checkpoint ({@code verify --checkpoint}) catches it even when that file is gone
 * too, and catches a different history grown back to the same size.
 */
class RollbackTest {
    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;
    Path key;
    /** The checkpoint (signed note, as served) after the demo, and after the last of five single reports. */
    Path early;
    Path latest;
    long earlySize;
    long size;

    @BeforeEach
    void aNodeWritesTheDemoThenFiveReportsAndAReaderKeepsCheckpoints() throws Exception {
        try (TestNode node = TestNode.withDemo(dir)) {
            earlySize = node.truce.ledger().size();
            early = keep(node, "early.note");
            for (int i = 0; i < 5; i++) {
                node.clock.advance(Duration.ofMinutes(1));
                var r = Reports.valid("00000000-0000-4000-8000-00000000030" + i).put("asOf", "2021-01-2" + i);
                assertThat(node.post("/api/v1/reports", r.toString()).status()).isEqualTo(201);
            }
            size = node.truce.ledger().size();
            latest = keep(node, "latest.note");
        }
        key = elsewhere.resolve("node.pub");
        Files.copy(dir.resolve("node-key.pub"), key);
    }

    private Path keep(TestNode node, String name) throws Exception {
        TestNode.Response head = node.get("/api/v1/ledger/head?format=note");
        assertThat(head.status()).isEqualTo(200);
        return Files.writeString(elsewhere.resolve(name), head.body());
    }

    /** Deletes the newest {@code n} entries (one report, one batch, one head each) and their heads. */
    private void rollBack(int n) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("truce.db"));
             PreparedStatement entries = c.prepareStatement("DELETE FROM entries WHERE seq >= ?");
             PreparedStatement heads = c.prepareStatement("DELETE FROM heads WHERE size > ?")) {
            entries.setLong(1, size - n);
            assertThat(entries.executeUpdate()).isEqualTo(n);
            heads.setLong(1, size - n);
            assertThat(heads.executeUpdate()).isEqualTo(n);
        }
    }

    @Test
    void an_untouched_store_verifies_with_its_remembered_head_and_kept_checkpoints() {
        CliRun run = CliRun.of("verify", "--data", dir.toString(), "--public-key", key.toString(), "--checkpoint", early.toString(),
                "--checkpoint", latest.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("OK: " + size + " entries")
                .contains("The store holds the checkpoint in " + early + " and is consistent with it.")
                .contains("The store holds the highest head this node signed (" + dir.resolve("highest-head.note") + ")");
    }

    @Test
    void verify_fails_on_a_store_rolled_back_below_the_nodes_highest_head() throws Exception {
        rollBack(2);

        CliRun run = CliRun.of("verify", "--data", dir.toString(), "--public-key", key.toString());

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED at seq " + (size - 2) + ": the store holds " + (size - 2) + " entries, fewer than the "
                + size + " of the highest head this node signed (" + dir.resolve("highest-head.note") + "): it was rolled back (entries "
                + (size - 2) + " to " + (size - 1) + " are missing)");
    }

    @Test
    void serve_refuses_to_start_on_a_store_rolled_back_below_the_nodes_highest_head() throws Exception {
        rollBack(2);

        CliRun run = CliRun.of("serve", "--data", dir.toString(), "--port", "0");

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("the store was rolled back: its last signed head covers " + (size - 2)
                + " entries, but this node signed a head of " + size + " entries");
        assertThat(run.out()).doesNotContain("Truce is serving");
    }

    @Test
    void a_readers_checkpoint_catches_the_rollback_even_without_the_nodes_file() throws Exception {
        rollBack(2);
        Files.delete(dir.resolve("highest-head.note"));

        CliRun run = CliRun.of("verify", "--data", dir.toString(), "--public-key", key.toString(), "--checkpoint", latest.toString());

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED at seq " + (size - 2) + ": the store holds " + (size - 2) + " entries, fewer than the "
                + size + " of the checkpoint in " + latest + ": it was rolled back");
    }

    @Test
    void a_readers_checkpoint_catches_another_history_grown_back_to_the_same_size() throws Exception {
        rollBack(2);
        Files.delete(dir.resolve("highest-head.note"));
        try (TestNode node = new TestNode(dir, false)) {
            for (int i = 0; i < 2; i++) {
                node.clock.advance(Duration.ofMinutes(10));
                var r = Reports.valid("00000000-0000-4000-8000-00000000040" + i).put("asOf", "2021-01-2" + i).put("value", 1400 + i);
                assertThat(node.post("/api/v1/reports", r.toString()).status()).isEqualTo(201);
            }
            assertThat(node.truce.ledger().size()).isEqualTo(size);
        }
        CliRun plain = CliRun.of("verify", "--data", dir.toString(), "--public-key", key.toString());
        assertThat(plain.code()).as("every leaf and head of the new history verifies on its own").isZero();

        CliRun run = CliRun.of("verify", "--data", dir.toString(), "--public-key", key.toString(), "--checkpoint", latest.toString());

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED: the store is not consistent with the checkpoint in " + latest + " (size " + size
                + "): its first " + size + " entries are not the ones that checkpoint signed");
        CliRun older = CliRun.of("verify", "--data", dir.toString(), "--public-key", key.toString(), "--checkpoint", early.toString());
        assertThat(older.code()).as("the history before the rollback is still a prefix").isZero();
    }

    @Test
    void a_checkpoint_saved_as_the_json_of_the_head_route_pins_as_well() throws Exception {
        Path json = elsewhere.resolve("latest.json");
        Files.writeString(json, TestNode.JSON.createObjectNode().put("size", size).put("signedNote", Files.readString(latest)).toString());
        rollBack(1);
        Files.delete(dir.resolve("highest-head.note"));

        CliRun run = CliRun.of("verify", "--data", dir.toString(), "--public-key", key.toString(), "--checkpoint", json.toString());

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("fewer than the " + size + " of the checkpoint in " + json);
    }
}
