package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.LedgerVerifier;
import org.truce.ledger.NoteVerifier;
import org.truce.ledger.StoredEntry;
import org.truce.store.PostgresTestDatabase;
import org.truce.store.Stores;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * Two HTTP nodes in one JVM on one fresh PostgreSQL database, each with its own data directory (its
 * accounts) and the same node key: what one node acknowledges the other serves within a second, and a
 * report sent to both at once is one entry.
 */
class TwoNodeHttpTest {
    /** Seconds the 32 clients run (the 30); TRUCE_SOAK_SECONDS for a soak. */
    private static final long CLIENT_SECONDS = Long.parseLong(System.getenv().getOrDefault("TRUCE_SOAK_SECONDS", "30"));

    @TempDir
    static Path dir;

    private static PostgresTestDatabase database;
    private static TestNode a;
    private static TestNode b;

    /** The nodes are shared by the tests of the class (loading the demo is the slow part); each test uses ids of its own. */
    @BeforeAll
    static void startTwoNodes() throws Exception {
        database = PostgresTestDatabase.create();
        a = new TestNode(dir.resolve("a"), database.url(), true);
        // every node signs with the same key: the second node's data directory gets a copy
        Files.createDirectories(dir.resolve("b"));
        for (String file : List.of("node-key.pk8", "node-key.pub")) {
            Files.copy(dir.resolve("a").resolve(file), dir.resolve("b").resolve(file));
        }
        b = new TestNode(dir.resolve("b"), database.url(), false);
        long size = a.truce.ledger().size();
        awaitTrue(() -> b.truce.ledger().size() == size, Duration.ofSeconds(10), "node B replaying the demo");
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (b != null) b.close();
        if (a != null) a.close();
        if (database != null) database.close();
    }

    private static void awaitTrue(BooleanSupplier condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + " did not happen within " + within);
            LockSupport.parkNanos(5_000_000); // polling with a deadline
        }
    }

    private static String asOf(int client) {
        return "2022-0" + (1 + client % 8) + "-" + (10 + client / 8);
    }

    private static final String FIGURE = "/api/v1/figures?metric=medical_assistance&source=ru-peacekeepers&place=nk&asOf=2021-01-20";

    @Test
    void a_report_acknowledged_by_node_a_is_served_by_node_b_within_one_second() {
        var created = a.post("/api/v1/reports", Reports.valid("3f1c2a4e-0a53-4a3e-9a51-2b7c7d0e9f10").put("value", 4321).toString());
        assertThat(created.status()).isEqualTo(201);

        awaitTrue(() -> b.get(FIGURE).json().path("value").asInt() == 4321, Duration.ofSeconds(1), "node B serving the report");
        assertThat(b.get("/api/v1/ledger/head").body()).isEqualTo(a.get("/api/v1/ledger/head").body());
    }

    @Test
    void the_same_report_sent_to_both_nodes_at_once_is_one_entry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            String body = Reports.valid("0d9e8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b").toString();
            long before = a.truce.ledger().size();
            CountDownLatch go = new CountDownLatch(1);
            Future<TestNode.Response> onA = pool.submit(() -> { go.await(); return a.post("/api/v1/reports", body); });
            Future<TestNode.Response> onB = pool.submit(() -> { go.await(); return b.post("/api/v1/reports", body); });
            go.countDown();
            TestNode.Response ra = onA.get(30, TimeUnit.SECONDS);
            TestNode.Response rb = onB.get(30, TimeUnit.SECONDS);

            assertThat(List.of(ra.status(), rb.status())).containsExactlyInAnyOrder(201, 200);
            assertThat(ra.json().get("seq")).isEqualTo(rb.json().get("seq"));
            assertThat(ra.json().get("leafHash")).isEqualTo(rb.json().get("leafHash"));
            try (var store = Stores.openPostgres(database.url())) {
                assertThat(store.size()).isEqualTo(before + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * "Only the current version can be replaced" holds across nodes: the check and the append of a
     * correction are serialised on the database, not only in each JVM. Both nodes know the report
     * before the race starts, so each would pass its check alone.
     */
    @Test
    void two_corrections_of_one_version_sent_to_both_nodes_at_once_replace_it_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String original = new UUID(0x5eed_0000L + round, 1).toString();
                String asOf = "2023-05-" + (10 + round);
                var filed = a.post("/api/v1/reports", Reports.valid(original).put("asOf", asOf).put("value", 1000).toString());
                assertThat(filed.status()).isEqualTo(201);
                long size = a.truce.ledger().size();
                awaitTrue(() -> b.truce.ledger().size() >= size, Duration.ofSeconds(5), "node B knowing the report");
                String onA = Reports.valid(new UUID(0x5eed_0000L + round, 2).toString()).put("asOf", asOf).put("value", 1100)
                        .put("corrects", original).toString();
                String onB = Reports.valid(new UUID(0x5eed_0000L + round, 3).toString()).put("asOf", asOf).put("value", 1200)
                        .put("corrects", original).toString();
                CountDownLatch go = new CountDownLatch(1);
                Future<TestNode.Response> ra = pool.submit(() -> { go.await(); return a.post("/api/v1/reports", onA); });
                Future<TestNode.Response> rb = pool.submit(() -> { go.await(); return b.post("/api/v1/reports", onB); });
                go.countDown();
                TestNode.Response answerA = ra.get(30, TimeUnit.SECONDS);
                TestNode.Response answerB = rb.get(30, TimeUnit.SECONDS);

                assertThat(List.of(answerA.status(), answerB.status())).as("round %d: %s / %s", round, answerA.body(), answerB.body())
                        .containsExactlyInAnyOrder(201, 422);
                TestNode.Response refused = answerA.status() == 422 ? answerA : answerB;
                assertThat(refused.body()).contains("/corrects");
                int winner = answerA.status() == 201 ? 1100 : 1200;
                String figure = "/api/v1/figures?metric=medical_assistance&source=ru-peacekeepers&place=nk&asOf=" + asOf;
                long after = a.truce.ledger().size();
                awaitTrue(() -> b.truce.ledger().size() >= after, Duration.ofSeconds(5), "node B catching up");
                for (TestNode node : List.of(a, b)) assertThat(node.get(figure).json().path("value").asInt()).isEqualTo(winner);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * 32 clients, half on each node, each on a series of its own (source, as-of date): they file
     * increments, correct and retract their current versions, and retry some of each on the other
     * node. Afterwards both nodes' figures equal what the test kept (the values of the versions still
     * standing), every id is in the ledger once, and the whole tree and its heads verify.
     */
    @Test
    void thirty_two_clients_interleaving_reports_corrections_and_retries_across_two_nodes_lose_and_double_nothing()
            throws Exception {
        int clients = 32;
        String[] sources = {"ru-peacekeepers", "icrc", "unhcr", "az-government"};
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLIENT_SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Map<String, Long>>> sums = new ArrayList<>();
        Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Map<String, java.util.concurrent.atomic.AtomicInteger> done = new java.util.concurrent.ConcurrentHashMap<>();
        Random seeds = new Random(32);
        Map<String, BigDecimal> baseline = new HashMap<>();
        for (int c = 0; c < clients; c++) {
            String figure = "/api/v1/figures?metric=medical_assistance&source=" + sources[c % sources.length]
                    + "&place=nk&asOf=" + asOf(c);
            JsonNode value = a.get(figure).json().path("value");
            baseline.put(figure, value.isNumber() ? new BigDecimal(value.toString()) : BigDecimal.ZERO);
        }
        for (int c = 0; c < clients; c++) {
            long seed = seeds.nextLong();
            TestNode home = c % 2 == 0 ? a : b;
            TestNode other = c % 2 == 0 ? b : a;
            String source = sources[c % sources.length];
            String asOf = asOf(c);
            sums.add(pool.submit(() -> {
                Random random = new Random(seed);
                Map<String, Integer> standing = new java.util.LinkedHashMap<>(); // current version id → its value
                int filed = 0;
                while (System.nanoTime() < until) {
                    String id = new UUID(random.nextLong(), random.nextLong()).toString();
                    int action = standing.isEmpty() ? 0 : random.nextInt(10);
                    String replaced = action < 6 ? null : List.copyOf(standing.keySet()).get(random.nextInt(standing.size()));
                    String body;
                    String what;
                    if (action < 9) {
                        int value = 1 + random.nextInt(50) + 64 * ++filed; // never equal to another of the client: a repeat would be refused
                        var report = (com.fasterxml.jackson.databind.node.ObjectNode) Reports.valid(id).put("kind", "increment").put("value", value).put("source", source)
                                .put("asOf", asOf).without("breakdown");
                        if (replaced != null) report.put("corrects", replaced);
                        body = report.toString();
                        what = replaced == null ? "report" : "correction";
                        if (replaced != null) standing.remove(replaced);
                        standing.put(id, value);
                    } else {
                        body = "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"retracts\":\"" + replaced
                                + "\",\"reason\":\"entered twice\"}";
                        what = "retraction";
                        standing.remove(replaced);
                    }
                    var r = home.post("/api/v1/reports", body);
                    if (r.status() != 201) throw new AssertionError(what + " " + id + " answered " + r.status() + " " + r.body());
                    ids.add(id);
                    done.computeIfAbsent(what, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                    if (random.nextInt(4) == 0) {
                        var retry = other.post("/api/v1/reports", body);
                        if (retry.status() != 200) throw new AssertionError("retry of " + what + " " + id + " answered " + retry.status() + " " + retry.body());
                        done.computeIfAbsent("retry", k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                    }
                }
                long sum = 0;
                for (int v : standing.values()) sum += v;
                return Map.of(source + "|" + asOf, sum);
            }));
        }
        Map<String, Long> expected = new HashMap<>();
        for (Future<Map<String, Long>> f : sums) f.get(CLIENT_SECONDS + 120, TimeUnit.SECONDS).forEach((k, v) -> expected.merge(k, v, Long::sum));
        pool.shutdown();

        long size = a.truce.ledger().size();
        awaitTrue(() -> b.truce.ledger().size() == size, Duration.ofSeconds(30), "node B catching up"); // a deadline, not a speed: CI runs on 2 loaded cores
        System.err.println("32 clients on two nodes, " + CLIENT_SECONDS + " s: " + ids.size() + " entries " + done);
        for (String key : expected.keySet()) {
            String[] k = key.split("\\|");
            // as of D, a source's figure is its figure before the run plus every increment dated on or before D
            long added = 0;
            for (var e : expected.entrySet()) {
                String[] other = e.getKey().split("\\|");
                if (other[0].equals(k[0]) && other[1].compareTo(k[1]) <= 0) added += e.getValue();
            }
            String figure = "/api/v1/figures?metric=medical_assistance&source=" + k[0] + "&place=nk&asOf=" + k[1];
            BigDecimal want = baseline.get(figure).add(BigDecimal.valueOf(added));
            for (TestNode node : List.of(a, b)) {
                JsonNode f = node.get(figure).json();
                assertThat(new BigDecimal(f.get("value").toString())).as(figure).isEqualByComparingTo(want);
            }
        }
        try (var store = Stores.openPostgres(database.url())) {
            List<StoredEntry> all = new ArrayList<>();
            store.forEach(0, all::add);
            Set<String> stored = new HashSet<>();
            for (StoredEntry s : all) assertThat(stored.add(s.clientId())).as(s.clientId()).isTrue();
            assertThat(stored).containsAll(ids);
            var verdict = LedgerVerifier.verify(store, NoteVerifier.parse(a.truce.ledger().verifierKey()), n -> { });
            assertThat(verdict.reason()).isEqualTo("ok");
        }
    }
}
