package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.Reports;
import org.truce.support.TestNode;
import picocli.CommandLine;

/** Tampering behind the application's back is caught by {@code truce verify}, which names the first bad seq. */
class VerifyCommandTest {
    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;
    Path key;
    long size;
    /** The demo is five batches (the last its publications); then five reports, each its own batch and signed head. */
    long firstSingle;

    @BeforeEach
    void fill() throws Exception {
        try (TestNode node = TestNode.withDemo(dir)) {
            firstSingle = node.truce.ledger().size();
            for (int i = 0; i < 5; i++) {
                node.clock.advance(Duration.ofMinutes(1));
                var r = Reports.valid("00000000-0000-4000-8000-00000000010" + i).put("asOf", "2021-01-2" + i);
                assertThat(node.post("/api/v1/reports", r.toString()).status()).isEqualTo(201);
            }
            size = node.truce.ledger().size();
        }
        key = elsewhere.resolve("node.pub");
        Files.copy(dir.resolve("node-key.pub"), key);
    }

    record Run(int code, String out) {}

    private Run verify() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new Main()).execute("verify", "--data", dir.toString(), "--public-key", key.toString());
            return new Run(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("truce.db"));
    }

    private byte[] body(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT body FROM entries WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private void setBody(Connection c, long seq, byte[] body) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE entries SET body = ? WHERE seq = ?")) {
            s.setBytes(1, body);
            s.setLong(2, seq);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void an_untouched_store_verifies() {
        Run run = verify();
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("OK: " + size + " entries");
    }

    @Test
    void a_modified_entry_is_caught_and_named() throws Exception {
        long target = firstSingle + 2;
        try (Connection c = db()) {
            String text = new String(body(c, target), StandardCharsets.UTF_8);
            setBody(c, target, text.replace("\"value\":\"1300\"", "\"value\":\"9300\"").getBytes(StandardCharsets.UTF_8));
        }
        Run run = verify();
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED at seq " + target);
    }

    @Test
    void a_modified_entry_inside_a_batch_is_caught_and_its_batch_named() throws Exception {
        // inside the demo's batch of publications, which one signed head covers (the republication after it is a batch of its own)
        long target = firstSingle - 4;
        try (Connection c = db()) {
            String text = new String(body(c, target), StandardCharsets.UTF_8);
            String changed = text.replaceFirst("\"root\":\"", "\"root\":\"X");
            assertThat(changed).isNotEqualTo(text);
            setBody(c, target, changed.getBytes(StandardCharsets.UTF_8));
        }
        Run run = verify();
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).containsPattern("FAILED at seq \\d+: entries \\d+ to " + (firstSingle - 2)
                + " do not hash to the signed root of size " + (firstSingle - 1) + "; the first bad seq is among them");
    }

    @Test
    void a_deleted_entry_is_caught_and_named() throws Exception {
        long target = firstSingle + 1;
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("DELETE FROM entries WHERE seq = ?")) {
            s.setLong(1, target);
            s.executeUpdate();
        }
        Run run = verify();
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED at seq " + target);
    }

    @Test
    void reordered_entries_are_caught_and_named() throws Exception {
        long a = 3, b = 9;
        try (Connection c = db()) {
            byte[] first = body(c, a);
            byte[] second = body(c, b);
            try (PreparedStatement s = c.prepareStatement("UPDATE entries SET client_id = client_id || '-moved' WHERE seq IN (?, ?)")) {
                s.setLong(1, a);
                s.setLong(2, b);
                s.executeUpdate();
            }
            setBody(c, a, second);
            setBody(c, b, first);
        }
        Run run = verify();
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED at seq " + a);
    }

    @Test
    void an_entry_inserted_at_the_end_is_caught_and_named() throws Exception {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("INSERT INTO entries(seq, client_id, body) VALUES (?, ?, ?)")) {
            byte[] last = body(c, size - 1);
            String forged = new String(last, StandardCharsets.UTF_8).replace("\"seq\":" + (size - 1), "\"seq\":" + size)
                    .replace("00000000-0000-4000-8000-000000000104", "00000000-0000-4000-8000-000000000105");
            s.setLong(1, size);
            s.setString(2, "00000000-0000-4000-8000-000000000105");
            s.setBytes(3, forged.getBytes(StandardCharsets.UTF_8));
            s.executeUpdate();
        }
        Run run = verify();
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED at seq " + size);
    }

    @Test
    void an_entry_inserted_in_the_middle_is_caught_and_named() throws Exception {
        long at = firstSingle + 1;
        try (Connection c = db()) {
            byte[] copy = body(c, at);
            try (var st = c.createStatement()) {
                st.executeUpdate("UPDATE entries SET seq = seq + 1000000 WHERE seq >= " + at);
                st.executeUpdate("UPDATE entries SET seq = seq - 1000000 + 1 WHERE seq >= 1000000");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO entries(seq, client_id, body) VALUES (?, ?, ?)")) {
                s.setLong(1, at);
                s.setString(2, "forged");
                s.setBytes(3, copy);
                s.executeUpdate();
            }
        }
        Run run = verify();
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED at seq " + at);
    }

    @Test
    void a_key_other_than_the_nodes_fails_every_head() throws Exception {
        Path other = elsewhere.resolve("other");
        String otherKey = org.truce.ledger.NodeKey.loadOrCreate(other, "truce.local/ledger").verifierKey();
        Files.writeString(key, otherKey + "\n");
        Run run = verify();
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("does not verify");
    }
}
