package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.AppendResult;
import org.truce.ledger.Draft;
import org.truce.ledger.Entry;
import org.truce.ledger.Ledger;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.LedgerVerifier;
import org.truce.ledger.NodeKey;
import org.truce.ledger.NoteVerifier;
import org.truce.ledger.StoredEntry;

/**
 * Two ledgers (two nodes) in one JVM on one fresh PostgreSQL database, each with its own store and
 * connection pool, signing with the same node key: one global order, idempotency across nodes,
 * monotonic record times across clocks, and tailing.
 */
class TwoNodeLedgerTest {
    private static final String ORIGIN = "truce.local/ledger";
    /** Seconds each node's writers append in the interleaving test; TRUCE_SOAK_SECONDS for a longer run. */
    private static final long INTERLEAVE_SECONDS = Long.parseLong(System.getenv().getOrDefault("TRUCE_SOAK_SECONDS", "3"));

    @TempDir
    Path keyDir;

    private PostgresTestDatabase database;
    private final List<AutoCloseable> open = new ArrayList<>();

    /** The entries a node's projections received, in the order they were applied. */
    private static final class Seen implements Ledger.Listener {
        final List<Entry> entries = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void applied(Entry entry) {
            entries.add(entry);
        }
    }

    private record Node(Ledger ledger, Seen seen, LedgerStore store) {}

    @BeforeEach
    void createDatabase() {
        database = PostgresTestDatabase.create();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
        if (database != null) database.close();
    }

    @TempDir
    Path otherKeyDir;

    private Node node(Clock clock) {
        return node(clock, keyDir);
    }

    private Node node(Clock clock, Path keys) {
        LedgerStore store = Stores.openPostgres(database.url());
        open.add(store);
        Seen seen = new Seen();
        Ledger ledger = Ledger.open(store, NodeKey.loadOrCreate(keys, ORIGIN), ORIGIN, clock, List.of(seen));
        open.add(ledger);
        return new Node(ledger, seen, store);
    }

    private static Draft draft(String clientId, String text) {
        return new Draft("test", "tester", clientId, JsonNodeFactory.instance.objectNode().put("text", text));
    }

    private static Entry single(AppendResult result) {
        assertThat(result).isInstanceOf(AppendResult.Accepted.class);
        return ((AppendResult.Accepted) result).outcomes().get(0).entry();
    }

    private static void awaitTrue(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + " did not happen within " + within);
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000); // polling with a deadline
        }
    }

    @Test
    void a_write_on_node_a_reaches_node_b_within_one_second_without_b_writing() throws Exception {
        Node a = node(Clock.systemUTC());
        Node b = node(Clock.systemUTC());

        Entry written = single(a.ledger().append(List.of(draft("one", "hello"))));

        awaitTrue(() -> b.ledger().size() == 1, Duration.ofSeconds(1), "node B seeing node A's entry");
        assertThat(b.seen().entries).extracting(Entry::clientId).containsExactly("one");
        assertThat(b.seen().entries.get(0).seq()).isEqualTo(written.seq());
        assertThat(b.ledger().latestSignedHead()).isEqualTo(a.ledger().latestSignedHead());
    }

    @Test
    void appends_on_two_nodes_continue_one_order_and_each_sees_both() {
        Node a = node(Clock.systemUTC());
        Node b = node(Clock.systemUTC());

        assertThat(single(a.ledger().append(List.of(draft("a1", "x")))).seq()).isZero();
        assertThat(single(b.ledger().append(List.of(draft("b1", "y")))).seq()).isEqualTo(1);
        assertThat(single(a.ledger().append(List.of(draft("a2", "z")))).seq()).isEqualTo(2);

        assertThat(a.seen().entries).extracting(Entry::clientId).containsExactly("a1", "b1", "a2");
        assertVerifies(a);
    }

    @Test
    void the_same_client_id_sent_to_both_nodes_at_once_gives_one_entry() throws Exception {
        Node a = node(Clock.systemUTC());
        Node b = node(Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String id = "same-" + round;
                CountDownLatch go = new CountDownLatch(1);
                Future<AppendResult> onA = pool.submit(() -> { go.await(); return a.ledger().append(List.of(draft(id, "t"))); });
                Future<AppendResult> onB = pool.submit(() -> { go.await(); return b.ledger().append(List.of(draft(id, "t"))); });
                go.countDown();
                Entry fromA = single(onA.get(10, TimeUnit.SECONDS));
                Entry fromB = single(onB.get(10, TimeUnit.SECONDS));
                assertThat(fromB.seq()).isEqualTo(fromA.seq());
                assertThat(fromB.recordedAt()).isEqualTo(fromA.recordedAt());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(a.store().size()).isEqualTo(10);
        AppendResult other = b.ledger().append(List.of(draft("same-3", "different text")));
        assertThat(other).isInstanceOf(AppendResult.Conflict.class);
        assertVerifies(a);
    }

    @Test
    void record_times_never_decrease_when_the_second_node_clock_is_an_hour_behind() throws Exception {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        Node a = node(Clock.fixed(now, ZoneOffset.UTC));
        Node b = node(Clock.fixed(now.minus(Duration.ofHours(1)), ZoneOffset.UTC));

        Entry first = single(a.ledger().append(List.of(draft("ahead", "x"))));
        Entry second = single(b.ledger().append(List.of(draft("behind", "y"))));

        assertThat(first.recordedAt()).isEqualTo(now);
        assertThat(second.seq()).isEqualTo(1);
        assertThat(second.recordedAt()).isEqualTo(now);
        assertVerifies(a);
    }

    @Test
    void four_writers_per_node_interleaving_give_consecutive_seqs_no_duplicates_and_a_verified_tree() throws Exception {
        Random seeds = new Random(7);
        Node a = node(Clock.systemUTC());
        Node b = node(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-30)));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CyclicBarrier start = new CyclicBarrier(writers);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(INTERLEAVE_SECONDS);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Node node = w % 2 == 0 ? a : b;
            long seed = seeds.nextLong();
            int writer = w;
            done.add(pool.submit(() -> {
                Random random = new Random(seed);
                start.await();
                for (int i = 0; System.nanoTime() < until; i++) {
                    String id = "w" + writer + "-" + i;
                    int size = 1 + random.nextInt(3);
                    List<Draft> drafts = new ArrayList<>();
                    for (int k = 0; k < size; k++) drafts.add(draft(id + "-" + k, "v" + random.nextInt(1000)));
                    if (!(node.ledger().append(drafts) instanceof AppendResult.Accepted)) throw new AssertionError("refused " + id);
                    drafts.forEach(d -> acknowledged.add(d.clientId()));
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get(INTERLEAVE_SECONDS + 60, TimeUnit.SECONDS);
        pool.shutdown();

        List<StoredEntry> all = new ArrayList<>();
        a.store().forEach(0, all::add);
        assertThat(all).hasSize(acknowledged.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).seq()).isEqualTo(i);
            ids.add(all.get(i).clientId());
        }
        assertThat(ids).isEqualTo(acknowledged);
        assertVerifies(a);
        long total = all.size();
        awaitTrue(() -> a.ledger().size() == total && b.ledger().size() == total, Duration.ofSeconds(5), "both nodes caught up");
        assertThat(a.ledger().latestSignedHead()).isEqualTo(b.ledger().latestSignedHead());
        for (Node n : List.of(a, b)) {
            List<Long> seqs = n.seen().entries.stream().map(Entry::seq).toList();
            assertThat(seqs).hasSize((int) total).isSorted().doesNotHaveDuplicates();
            List<Instant> times = n.seen().entries.stream().map(Entry::recordedAt).toList();
            assertThat(times).isSorted();
        }
        System.err.println("two nodes, 8 writers, " + INTERLEAVE_SECONDS + " s: " + total + " entries in "
                + a.store().heads().size() + " batches");
    }

    @Test
    void a_node_with_another_key_refuses_to_write_after_the_first_node_wrote_and_refuses_to_open_later() {
        Node a = node(Clock.systemUTC());
        Node b = node(Clock.systemUTC(), otherKeyDir);
        single(a.ledger().append(List.of(draft("first", "x"))));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.ledger().append(List.of(draft("second", "y"))))
                .hasMessageContaining("every node of one database must hold the same node key");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.ledger().append(List.of(draft("third", "z"))))
                .hasMessageContaining("every node of one database must hold the same node key");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node(Clock.systemUTC(), otherKeyDir))
                .hasMessageContaining("not signed by this node's key");
        assertThat(a.store().size()).isEqualTo(1);
        assertVerifies(a);
    }

    private static void assertVerifies(Node node) {
        var verdict = LedgerVerifier.verify(node.store(), NoteVerifier.parse(node.ledger().verifierKey()), n -> { });
        assertThat(verdict.reason()).isEqualTo("ok");
        assertThat(verdict.ok()).isTrue();
    }
}
