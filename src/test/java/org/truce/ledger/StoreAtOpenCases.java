package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a ledger requires of its store when it opens, for each kind of store (a subclass names it): an unsigned tail (rows an older version
 * committed without their head on a full disk) is cut and logged; a store rolled back below, or
 * rewritten under, the highest head the node remembers ({@link HighestHead}) is refused; and that head
 * is the last one served once the ledger is closed.
 */
abstract class StoreAtOpenCases {
    private static final String ORIGIN = "test/ledger";

    /** The data directory: the node key and the remembered head (and, for SQLite, the store). */
    @TempDir
    Path dir;

    /** Opens the store the cases write to; each call a new store over the same state. */
    abstract LedgerStore openStore();

    /** A raw connection to the store's database, for edits behind the application's back. */
    abstract Connection db() throws SQLException;

    private static Draft draft(String id) {
        return new Draft("test", "tester", id, JsonNodeFactory.instance.objectNode().put("id", id));
    }

    private Ledger open(HighestHead highest) {
        return Ledger.open(openStore(), NodeKey.loadOrCreate(dir, ORIGIN), ORIGIN, Clock.systemUTC(), List.of(),
                Ledger.Progress.NONE, List.of(), LedgerObserver.NONE, highest);
    }

    /** Opens, appends one batch per id, closes (the store with it). */
    private void write(HighestHead highest, String... ids) {
        try (Ledger ledger = open(highest)) {
            for (String id : ids) ledger.append(List.of(draft(id)));
        }
    }

    @Test
    void an_unsigned_tail_is_cut_at_start_and_logged_and_the_ledger_goes_on_from_its_last_head() throws Exception {
        write(HighestHead.NONE, "a", "b");
        try (Connection c = db(); PreparedStatement insert = c.prepareStatement("INSERT INTO entries (seq, client_id, body) VALUES (?, ?, ?)")) {
            for (long seq = 2; seq < 5; seq++) {
                insert.setLong(1, seq);
                insert.setString(2, "unsigned-" + seq);
                insert.setBytes(3, EntryCodec.encode(new Entry(seq, Instant.now(), "test", "tester", "unsigned-" + seq,
                        JsonNodeFactory.instance.objectNode())));
                insert.executeUpdate();
            }
        }
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Ledger ledger;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            ledger = open(HighestHead.NONE);
        } finally {
            System.setErr(err);
        }
        try (ledger) {
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("WARN org.truce.ledger.StoreAtOpen - cut 3 unsigned entries that"
                    + " no signed head covers (the store held 5, its last signed head covers 2)");
            assertThat(ledger.size()).isEqualTo(2);
            assertThat(ledger.storeSize()).isEqualTo(2);
            var c = (AppendResult.Accepted) ledger.append(List.of(draft("c")));
            assertThat(c.outcomes().get(0).entry().seq()).isEqualTo(2);
        }
        try (LedgerStore store = openStore()) {
            assertThat(LedgerVerifier.verify(store, NoteVerifier.parse(NodeKey.loadOrCreate(dir, ORIGIN).verifierKey()), n -> { }).ok())
                    .isTrue();
            assertThat(store.findByClientId("unsigned-2")).isEmpty();
        }
    }

    @Test
    void the_remembered_head_is_the_latest_one_served_once_closed_written_whole_and_checked_at_every_start() throws Exception {
        String served;
        try (Ledger ledger = open(HighestHead.in(dir))) {
            ledger.append(List.of(draft("a")));
            ledger.append(List.of(draft("b"), draft("c")));
            served = ledger.latestSignedHead();
        }
        assertThat(Files.readString(dir.resolve(HighestHead.FILE))).as("written last at close").isEqualTo(served);
        assertThat(dir.resolve(HighestHead.FILE + ".tmp")).doesNotExist();
        try (Ledger again = open(HighestHead.in(dir))) {
            assertThat(again.size()).isEqualTo(3);
            assertThat(Files.readString(dir.resolve(HighestHead.FILE))).isEqualTo(again.latestSignedHead());
        }
    }

    @Test
    void a_store_rolled_back_below_the_remembered_head_is_refused() throws Exception {
        write(HighestHead.in(dir), "a", "b", "c");
        try (Connection c = db(); var sql = c.createStatement()) {
            sql.executeUpdate("DELETE FROM entries WHERE seq >= 1");
            sql.executeUpdate("DELETE FROM heads WHERE size > 1");
        }

        assertThatThrownBy(() -> open(HighestHead.in(dir))).isInstanceOf(StoreFailure.class)
                .hasMessageStartingWith("the store was rolled back: its last signed head covers 1 entries, but this node signed a head"
                        + " of 3 entries (kept in " + dir.resolve(HighestHead.FILE) + ")");
        try (LedgerStore store = openStore()) {
            assertThat(store.size()).as("the refusal changes nothing").isEqualTo(1);
        }
    }

    @Test
    void a_store_rolled_back_with_its_rows_kept_is_refused_before_anything_is_cut() throws Exception {
        write(HighestHead.in(dir), "a", "b", "c");
        try (Connection c = db(); var sql = c.createStatement()) {
            sql.executeUpdate("DELETE FROM heads WHERE size > 1");
        }

        assertThatThrownBy(() -> open(HighestHead.in(dir))).isInstanceOf(StoreFailure.class)
                .hasMessageStartingWith("the store was rolled back: its last signed head covers 1 entries");
        try (LedgerStore store = openStore()) {
            assertThat(store.size()).as("the entries are evidence: kept").isEqualTo(3);
        }
    }

    @Test
    void another_history_of_the_same_size_is_refused() throws Exception {
        write(HighestHead.in(dir), "a", "b", "c");
        try (Connection c = db(); var sql = c.createStatement()) {
            sql.executeUpdate("DELETE FROM entries WHERE seq >= 1");
            sql.executeUpdate("DELETE FROM heads WHERE size > 1");
        }
        write(HighestHead.NONE, "x", "y"); // signed by the node's own key, but not the history it remembers

        assertThatThrownBy(() -> open(HighestHead.in(dir))).isInstanceOf(StoreFailure.class)
                .hasMessageStartingWith("the store is not the one this node signed: its first 3 entries do not hash to the root"
                        + " of the head of that size kept in " + dir.resolve(HighestHead.FILE));
    }

    @Test
    void a_remembered_head_this_node_did_not_sign_is_refused() throws Exception {
        write(HighestHead.in(dir), "a");
        Path other = dir.resolve("other");
        String foreign = NodeKey.loadOrCreate(other, ORIGIN).sign(new Checkpoint(ORIGIN, 1, new byte[32]));
        Files.writeString(dir.resolve(HighestHead.FILE), foreign);

        assertThatThrownBy(() -> open(HighestHead.in(dir))).isInstanceOf(StoreFailure.class)
                .hasMessageContaining(HighestHead.FILE + " does not verify with this node's key");
    }
}
