package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.bulletin.BulletinText;
import org.truce.bulletin.Messages;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.LedgerVerifier;
import org.truce.ledger.NoteVerifier;
import org.truce.store.PostgresTestDatabase;
import org.truce.store.Stores;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * {@code truce verify --db} and {@code truce bulletin --db} against a real, fresh PostgreSQL ledger
 * written by a node: the whole ledger checked against its signed heads, a row changed in PostgreSQL
 * named by its seq, the bulletin printed as the node composed it.
 */
class PostgresVerifyBulletinTest {
    private static final LocalDate DATE = LocalDate.parse("2021-01-11");

    @TempDir
    static Path tmp;
    static PostgresTestDatabase db;
    static Path node;
    static Path key;
    /** A directory holding only the nodes' shared key, as an operator's copy would. */
    static Path operator;
    static long size;
    static int heads;
    static long firstSingle;
    static String nodeText;
    static String nodeTextAt;

    @BeforeAll
    static void aNodeWritesTheDemoAndFiveSingleBatches() throws Exception {
        db = PostgresTestDatabase.create();
        node = tmp.resolve("node");
        try (TestNode n = new TestNode(node, db.url(), true)) {
            firstSingle = n.truce.ledger().size();
            for (int i = 0; i < 5; i++) {
                n.clock.advance(Duration.ofMinutes(1));
                var r = Reports.valid("00000000-0000-4000-8000-00000000020" + i).put("asOf", "2021-01-2" + i);
                assertThat(n.post("/api/v1/reports", r.toString()).status()).isEqualTo(201);
            }
            size = n.truce.ledger().size();
            Messages en = Messages.of("en").orElseThrow();
            nodeText = BulletinText.render(n.truce.bulletins().compose(DATE, size, en));
            nodeTextAt = BulletinText.render(n.truce.bulletins().compose(DATE, firstSingle, en));
        }
        try (LedgerStore store = Stores.openPostgres(db.url())) {
            heads = store.heads().size();
        }
        key = tmp.resolve("operator.pub");
        Files.copy(node.resolve("node-key.pub"), key);
        operator = tmp.resolve("operator");
        Files.createDirectories(operator);
        for (String f : List.of("node-key.pk8", "node-key.pub")) Files.copy(node.resolve(f), operator.resolve(f));
    }

    @AfterAll
    static void drop() throws SQLException {
        if (db != null) db.close();
    }

    @Test
    void the_shared_ledger_verifies_against_its_signed_heads() {
        CliRun run = CliRun.of("verify", "--db", db.url(), "--public-key", key.toString(), "--data", tmp.resolve("none").toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("OK: " + size + " entries and " + heads + " signed heads verify in " + db.url());
    }

    @Test
    void an_entry_changed_in_postgresql_is_named_by_its_seq_and_fails_verify() throws Exception {
        long target = firstSingle + 2;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl())) {
            byte[] original = body(c, target);
            String text = new String(original, StandardCharsets.UTF_8);
            String changed = text.replace("\"value\":\"1300\"", "\"value\":\"9300\"");
            assertThat(changed).isNotEqualTo(text);
            setBody(c, target, changed.getBytes(StandardCharsets.UTF_8));
            try {
                CliRun run = CliRun.of("verify", "--db", db.url(), "--public-key", key.toString());
                assertThat(run.code()).isEqualTo(1);
                assertThat(run.out()).contains("FAILED at seq " + target + ":");
            } finally {
                setBody(c, target, original);
            }
        }
        assertThat(CliRun.of("verify", "--db", db.url(), "--public-key", key.toString()).code()).isZero();
    }

    @Test
    void a_record_time_moved_later_is_blamed_on_its_entry_not_on_the_next_one() throws Exception {
        long target = firstSingle + 2;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl())) {
            byte[] original = body(c, target);
            String text = new String(original, StandardCharsets.UTF_8);
            String changed = text.replace("\"recordedAt\":\"2026-", "\"recordedAt\":\"2027-");
            assertThat(changed).isNotEqualTo(text);
            setBody(c, target, changed.getBytes(StandardCharsets.UTF_8));
            try {
                CliRun run = CliRun.of("verify", "--db", db.url(), "--public-key", key.toString());
                assertThat(run.code()).isEqualTo(1);
                assertThat(run.out()).contains("FAILED at seq " + target + ": entries " + target + " to " + target + " do not hash");
            } finally {
                setBody(c, target, original);
            }
        }
    }

    @Test
    void a_deleted_last_entry_is_caught_although_the_store_is_shared() throws Exception {
        long last = size - 1;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl())) {
            byte[] original = body(c, last);
            String clientId;
            try (PreparedStatement s = c.prepareStatement("SELECT client_id FROM entries WHERE seq = ?")) {
                s.setLong(1, last);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    clientId = rs.getString(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM entries WHERE seq = ?")) {
                s.setLong(1, last);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            try {
                CliRun run = CliRun.of("verify", "--db", db.url(), "--public-key", key.toString());
                assertThat(run.code()).isEqualTo(1);
                assertThat(run.out()).contains("FAILED at seq " + last + ": the signed head of size " + size
                        + " covers entries the store does not hold");
            } finally {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO entries (seq, client_id, body) VALUES (?, ?, ?)")) {
                    s.setLong(1, last);
                    s.setString(2, clientId);
                    s.setBytes(3, original);
                    s.executeUpdate();
                }
            }
        }
    }

    @Test
    void a_node_appending_while_the_entries_are_read_is_not_taken_for_tampering() throws Exception {
        Path writer = tmp.resolve("writer");
        AtomicInteger appended = new AtomicInteger();
        LedgerVerifier.Verdict verdict;
        long before;
        long after;
        try (PostgresTestDatabase own = PostgresTestDatabase.create(); TestNode other = new TestNode(writer, own.url(), true);
             LedgerStore store = Stores.openPostgres(own.url())) {
            for (int i = 0; i < 3; i++) {
                var r = Reports.valid("00000000-0000-4000-8000-00000000030" + i).put("asOf", "2021-01-2" + i);
                assertThat(other.post("/api/v1/reports", r.toString()).status()).isEqualTo(201);
            }
            before = other.truce.ledger().size();
            NoteVerifier verifier = NoteVerifier.parse(other.truce.ledger().verifierKey());
            // once the verifier has read the last entry, the node appends a batch and its head
            verdict = LedgerVerifier.verify(store, List.of(verifier), done -> {
                if (done == before && appended.getAndIncrement() == 0) {
                    var r = Reports.valid("00000000-0000-4000-8000-000000000399").put("asOf", "2021-01-30");
                    assertThat(other.post("/api/v1/reports", r.toString()).status()).isEqualTo(201);
                }
            });
            after = store.size();
        }
        assertThat(appended.get()).isEqualTo(1);
        assertThat(after).isGreaterThan(before);
        assertThat(verdict.ok()).as(verdict.reason()).isTrue();
        assertThat(verdict.entries()).isEqualTo(before);
    }

    @Test
    void the_bulletin_of_the_shared_ledger_is_the_one_the_node_composed() {
        CliRun run = CliRun.of("bulletin", "--db", db.url(), "--data", operator.toString(), "--as-of", DATE.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(nodeText);
        CliRun at = CliRun.of("bulletin", "--db", db.url(), "--data", operator.toString(), "--as-of", DATE.toString(),
                "--at-size", Long.toString(firstSingle));
        assertThat(at.code()).as(at.err()).isZero();
        assertThat(at.out()).isEqualTo(nodeTextAt).isNotEqualTo(nodeText);
    }

    @Test
    void a_bulletin_without_the_shared_key_is_refused_saying_what_to_copy_and_makes_no_key() {
        Path empty = tmp.resolve("keyless");
        CliRun run = CliRun.of("bulletin", "--db", db.url(), "--data", empty.toString(), "--as-of", DATE.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--db needs the nodes' shared key in --data: copy node-key.pk8 and node-key.pub");
        assertThat(empty.resolve("node-key.pk8")).doesNotExist();
    }

    @Test
    void a_url_that_is_not_postgresql_is_refused_naming_the_form() {
        CliRun run = CliRun.of("verify", "--db", "mysql://localhost/x", "--public-key", key.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("the database URL must start with postgresql:// or jdbc:postgresql:");
    }

    private static byte[] body(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT body FROM entries WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    private static void setBody(Connection c, long seq, byte[] body) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE entries SET body = ? WHERE seq = ?")) {
            s.setBytes(1, body);
            s.setLong(2, seq);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
