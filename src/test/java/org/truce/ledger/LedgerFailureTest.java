package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.store.Stores;

/**
 * Breaking the store under the ledger, in the spirit of H2's power-off tests: a real SQLite store
 * with failures injected at chosen calls. The ledger must fail the affected requests, never hang,
 * and never acknowledge what it did not write.
 */
class LedgerFailureTest {
    @TempDir
    Path dir;

    /** Delegates to a real store, throwing at the chosen call numbers. */
    static final class BreakingStore implements LedgerStore {
        final LedgerStore real;
        final AtomicInteger appends = new AtomicInteger();
        final AtomicInteger lookups = new AtomicInteger();
        final AtomicInteger sessions = new AtomicInteger();
        volatile int failAppend = -1;
        volatile int failLookup = -1;
        volatile int failSession = -1;
        /** At this append call the entries are written, and then the call fails: a commit that landed unacknowledged. */
        volatile int failAfterAppend = -1;

        BreakingStore(LedgerStore real) {
            this.real = real;
        }

        public long size() { return real.size(); }

        public void append(List<StoredEntry> entries, long headSize, String signedHead) {
            int call = appends.incrementAndGet();
            if (call == failAppend) throw new StoreFailure("injected: disk full");
            real.append(entries, headSize, signedHead);
            if (call == failAfterAppend) throw new StoreFailure("injected: connection lost after COMMIT");
        }

        public Optional<StoredEntry> findByClientId(String clientId) {
            if (lookups.incrementAndGet() == failLookup) throw new StoreFailure("injected: database is locked");
            return real.findByClientId(clientId);
        }

        public List<StoredEntry> read(long fromSeq, int limit) { return real.read(fromSeq, limit); }

        public void forEach(long fromSeq, Consumer<StoredEntry> sink) { real.forEach(fromSeq, sink); }

        public List<KeptHead> heads() { return real.heads(); }

        public long dropUnsignedTail() { return real.dropUnsignedTail(); }

        public AppendSession beginAppend() {
            // a shared store takes its lock here: a database that cannot be reached fails at this point
            if (sessions.incrementAndGet() == failSession) throw new StoreFailure("injected: connection refused");
            return LedgerStore.super.beginAppend();
        }

        public void close() { real.close(); }
    }

    private static Draft draft(String id) {
        return new Draft("test", "tester", id, JsonNodeFactory.instance.objectNode().put("id", id));
    }

    private Ledger open(LedgerStore store) {
        return Ledger.open(store, NodeKey.loadOrCreate(dir, "test/ledger"), "test/ledger", Clock.systemUTC(), List.of());
    }

    @Test
    void a_failed_lookup_fails_that_request_and_the_writer_goes_on() {
        BreakingStore store = new BreakingStore(Stores.openSqlite(dir));
        try (Ledger ledger = open(store)) {
            ledger.append(List.of(draft("a")));
            store.failLookup = store.lookups.get() + 1;
            assertThatThrownBy(() -> ledger.append(List.of(draft("a")))).isInstanceOf(StoreFailure.class)
                    .hasMessageContaining("database is locked");
            AppendResult again = ledger.append(List.of(draft("a")));
            assertThat(((AppendResult.Accepted) again).outcomes().get(0).created()).isFalse();
            assertThat(((AppendResult.Accepted) ledger.append(List.of(draft("b")))).outcomes().get(0).entry().seq()).isEqualTo(1);
        }
    }

    @Test
    void a_lock_that_cannot_be_taken_fails_that_batch_and_the_writer_goes_on() {
        BreakingStore store = new BreakingStore(Stores.openSqlite(dir));
        try (Ledger ledger = open(store)) {
            ledger.append(List.of(draft("a")));
            store.failSession = store.sessions.get() + 1;
            assertThatThrownBy(() -> ledger.append(List.of(draft("b")))).isInstanceOf(StoreFailure.class)
                    .hasMessageContaining("connection refused");
            assertThat(ledger.size()).isEqualTo(1);
            assertThat(((AppendResult.Accepted) ledger.append(List.of(draft("b")))).outcomes().get(0).entry().seq()).isEqualTo(1);
        }
    }

    @Test
    void a_failed_commit_acknowledges_nothing_and_the_writer_goes_on() {
        BreakingStore store = new BreakingStore(Stores.openSqlite(dir));
        try (Ledger ledger = open(store)) {
            ledger.append(List.of(draft("a")));
            store.failAppend = store.appends.get() + 1;
            assertThatThrownBy(() -> ledger.append(List.of(draft("b")))).isInstanceOf(StoreFailure.class)
                    .hasMessageContaining("disk full");
            assertThat(ledger.size()).isEqualTo(1);
            assertThat(ledger.lastWriteFailure()).isPresent();
            assertThat(((AppendResult.Accepted) ledger.append(List.of(draft("c")))).outcomes().get(0).entry().seq()).isEqualTo(1);
            assertThat(ledger.lastWriteFailure()).isEmpty();
        }
        try (Ledger reopened = open(Stores.openSqlite(dir))) {
            assertThat(reopened.size()).isEqualTo(2);
            assertThat(((AppendResult.Accepted) reopened.append(List.of(draft("b")))).outcomes().get(0).entry().seq()).isEqualTo(2);
        }
    }

    @Test
    void a_commit_that_landed_but_failed_is_not_acknowledged_and_its_retry_finds_it_exactly_once() {
        BreakingStore store = new BreakingStore(Stores.openSqlite(dir));
        try (Ledger ledger = open(store)) {
            ledger.append(List.of(draft("a")));
            store.failAfterAppend = store.appends.get() + 1;
            assertThatThrownBy(() -> ledger.append(List.of(draft("b")))).isInstanceOf(StoreFailure.class)
                    .hasMessageContaining("after COMMIT");
            assertThat(ledger.size()).isEqualTo(1);
            // the next batch reads back what the store holds before it decides: the retry is the stored entry
            AppendResult.Outcome retry = ((AppendResult.Accepted) ledger.append(List.of(draft("b")))).outcomes().get(0);
            assertThat(retry.created()).isFalse();
            assertThat(retry.entry().seq()).isEqualTo(1);
            assertThat(ledger.size()).isEqualTo(2);
            AppendResult.Outcome next = ((AppendResult.Accepted) ledger.append(List.of(draft("c")))).outcomes().get(0);
            assertThat(next.entry().seq()).isEqualTo(2);
            assertThat(ledger.checkpointAt(3).rootHash()).isEqualTo(rootOfStored(store.real));
        }
        try (Ledger reopened = open(Stores.openSqlite(dir))) {
            assertThat(reopened.size()).isEqualTo(3);
        }
    }

    /** The RFC 6962 root of the entries as stored, computed apart from the ledger. */
    private static byte[] rootOfStored(LedgerStore store) {
        MerkleTree tree = new MerkleTree();
        store.forEach(0, e -> tree.append(Hashes.leafHash(e.bytes())));
        return tree.root(tree.size());
    }
}
