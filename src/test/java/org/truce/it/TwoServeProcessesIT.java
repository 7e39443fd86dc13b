package org.truce.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.truce.store.PostgresTestDatabase;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * The README's "Deploying several nodes", done as an operator does it: two {@code serve --db} processes
 * of the packaged jar on one fresh PostgreSQL database, the second node's data directory holding a copy
 * of the first node's key, accounts made with {@code truce admin --db}, and only real HTTP between the
 * test and the nodes. The nodes are shared by the tests of the class, which run in order: the last one
 * kills node A.
 *
 * <p>The data directories and the nodes' logs ({@code node-a.log}, {@code node-b.log}) are kept when a
 * test fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoServeProcessesIT {
    private static final String FIGURE = "/api/v1/figures?metric=medical_assistance&source=ru-peacekeepers&place=nk&asOf=";
    /** A report node A acknowledged before node B existed. */
    private static final String EARLY = "7a0e5c3d-2b1f-4e8a-9c6d-5f4e3d2c1b0a";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    private static PostgresTestDatabase database;
    private static ServeNode a;
    private static ServeNode b;
    private static String token;
    private static JsonNode headOfABeforeB;
    private static JsonNode headOfBWhenReady;

    @BeforeAll
    static void startNodeAThenNodeB() throws Exception {
        database = PostgresTestDatabase.create();
        a = new ServeNode("node-a", dir.resolve("node-a"), database.url());
        a.start("--demo");
        token = fieldToken();
        assertThat(postReport(a, Reports.valid(EARLY).put("asOf", "2024-02-01").put("value", 4000)).statusCode()).isEqualTo(201);
        headOfABeforeB = json(a.get("/api/v1/ledger/head"));

        // README: "mkdir -p ./node-b first: one key for every node", then copy both files before it starts
        Files.createDirectories(dir.resolve("node-b"));
        for (String file : List.of("node-key.pk8", "node-key.pub")) {
            Files.copy(dir.resolve("node-a").resolve(file), dir.resolve("node-b").resolve(file));
        }
        b = new ServeNode("node-b", dir.resolve("node-b"), database.url());
        b.start();
        headOfBWhenReady = json(b.get("/api/v1/ledger/head"));
    }

    @AfterAll
    static void stopNodesAndDropTheDatabase() throws Exception {
        // closed in reverse order: node B, node A (SIGKILL if a stop did not end them), then the database (DROP ... WITH (FORCE))
        try (PostgresTestDatabase db = database; ServeNode first = a; ServeNode second = b) {
            if (second != null) second.stop();
            if (first != null) first.stop();
        }
    }

    @Test
    @Order(1)
    void node_b_started_after_node_a_serves_everything_node_a_had_as_soon_as_it_is_ready() throws Exception {
        assertThat(headOfBWhenReady.get("size")).isEqualTo(headOfABeforeB.get("size"));
        assertThat(headOfBWhenReady.get("root")).isEqualTo(headOfABeforeB.get("root"));
        assertThat(headOfBWhenReady.get("verifierKey")).isEqualTo(headOfABeforeB.get("verifierKey"));
        assertThat(headOfABeforeB.get("size").asLong()).as("the demo and the early report").isGreaterThan(1);
        assertThat(json(b.get(FIGURE + "2024-02-01")).path("value").asInt()).isEqualTo(4000);
    }

    @Test
    @Order(2)
    void a_report_acknowledged_by_node_a_is_served_by_node_b_within_one_second() throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String asOf = "2024-03-" + (10 + i);
            HttpResponse<String> created = postReport(a, Reports.valid(new UUID(0x1a7e_0000L, i).toString()).put("asOf", asOf).put("value", 5000 + i));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long acknowledged = System.nanoTime();
            int expected = 5000 + i;
            await(() -> json(b.get(FIGURE + asOf)).path("value").asInt() == expected, Duration.ofSeconds(1), "node B serving report " + i);
            micros.add((System.nanoTime() - acknowledged) / 1_000);
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("TwoServeProcessesIT: node B served node A's report this long after A's 201 (ms, in order): %s; median %.1f, max %.1f%n",
                micros.stream().map(us -> String.format("%.1f", us / 1000.0)).toList(), sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
        assertThat(json(b.get("/api/v1/ledger/head")).get("root")).isEqualTo(json(a.get("/api/v1/ledger/head")).get("root"));
    }

    @Test
    @Order(3)
    void the_same_report_sent_to_both_nodes_at_the_same_moment_is_one_entry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long before = ledgerSize(a);
                long known = before;
                await(() -> json(b.get("/health/ready")).path("applied").asLong() == known, Duration.ofSeconds(5), "node B catching up");
                String id = new UUID(0x5a3e_0000L, round).toString();
                String body = Reports.valid(id).put("asOf", "2024-04-" + (10 + round)).toString();
                CountDownLatch go = new CountDownLatch(1);
                Future<HttpResponse<String>> onA = pool.submit(() -> { go.await(); return a.post("/api/v1/reports", token, body); });
                Future<HttpResponse<String>> onB = pool.submit(() -> { go.await(); return b.post("/api/v1/reports", token, body); });
                go.countDown();
                HttpResponse<String> ra = onA.get(30, TimeUnit.SECONDS);
                HttpResponse<String> rb = onB.get(30, TimeUnit.SECONDS);

                assertThat(List.of(ra.statusCode(), rb.statusCode())).as("round %d: %s / %s", round, ra.body(), rb.body())
                        .containsExactlyInAnyOrder(201, 200);
                JsonNode ja = json(ra);
                JsonNode jb = json(rb);
                assertThat(ja.get("id").asText()).isEqualTo(id);
                assertThat(jb.get("id").asText()).isEqualTo(id);
                assertThat(ja.get("seq")).isEqualTo(jb.get("seq"));
                assertThat(ja.get("seq").asLong()).isEqualTo(before);
                assertThat(ja.get("leafHash")).isEqualTo(jb.get("leafHash"));
                assertThat(ledgerSize(a)).as("round %d", round).isEqualTo(before + 1);
                assertThat(ledgerSize(b)).as("round %d", round).isEqualTo(before + 1);
                assertThat(clientIds(b).get(id)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void both_nodes_are_ready_and_scraped_with_the_shared_token() throws Exception {
        long size = ledgerSize(a);
        await(() -> json(b.get("/health/ready")).path("applied").asLong() == size, Duration.ofSeconds(5), "node B catching up");
        for (ServeNode node : List.of(a, b)) {
            HttpResponse<String> ready = node.get("/health/ready");
            assertThat(ready.statusCode()).as(node.name).isEqualTo(200);
            JsonNode r = json(ready);
            assertThat(r.get("status").asText()).isEqualTo("ready");
            assertThat(r.get("ledgerSize").asLong()).as(node.name).isEqualTo(size);
            assertThat(r.get("applied").asLong()).as(node.name).isEqualTo(size);
            assertThat(r.get("projectionLag").asLong()).isZero();
            assertThat(r.get("reasons")).isEmpty();
            assertThat(node.get("/health/live").statusCode()).isEqualTo(200);

            HttpResponse<String> metrics = node.get("/metrics", ServeNode.SCRAPE_TOKEN);
            assertThat(metrics.statusCode()).as(node.name).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(gauge(metrics.body(), "truce_ledger_size_entries")).as(node.name).isEqualTo(size);
            assertThat(gauge(metrics.body(), "truce_ledger_applied_entries")).as(node.name).isEqualTo(size);
            assertThat(gauge(metrics.body(), "truce_projection_lag_entries")).as(node.name).isZero();
            assertThat(node.get("/metrics", ServeNode.ADMIN_TOKEN).statusCode()).as("an admin token does not scrape").isEqualTo(401);
            assertThat(node.get("/metrics").statusCode()).isEqualTo(401);
        }
    }

    /**
     * Four clients write to both nodes, each alternating, and retry a report whose answer they did not
     * get on the other node (a client behind a load balancer). Node A is killed (SIGKILL) while they
     * write, and restarted; they go on until the restarted node A has acknowledged more.
     */
    @Test
    @Order(5)
    void nothing_acknowledged_is_lost_or_doubled_when_node_a_is_killed_during_writes_to_both_nodes() throws Exception {
        Writers writers = new Writers();
        writers.start();
        try {
            writers.await(writers.ackedByABeforeKill, "node A acknowledging 40 reports");
            long killedAt = System.nanoTime();
            a.kill();
            writers.phase.set(1);
            writers.await(writers.ackedByBWhileADown, "node B acknowledging 20 reports while node A is down");
            a.start();
            long restarted = System.nanoTime();
            writers.phase.set(2);
            writers.await(writers.ackedByAAfterRestart, "the restarted node A acknowledging 40 reports");
            writers.stop();
            System.out.printf("TwoServeProcessesIT: node A killed and back (start to ready) after %.1f s; %s%n",
                    (restarted - killedAt) / 1e9, writers.summary());
        } finally {
            writers.stop();
        }
        assertThat(writers.unexpected).as("answers other than 200, 201 or a dead node's").isEmpty();
        assertThat(writers.abandoned.get()).as("reports no node acknowledged after 20 tries").isZero();

        long size = ledgerSize(b);
        await(() -> json(a.get("/health/ready")).path("applied").asLong() == size
                && json(b.get("/health/ready")).path("applied").asLong() == size, Duration.ofSeconds(10), "both nodes applying every entry");
        assertThat(json(a.get("/api/v1/ledger/head")).get("root")).isEqualTo(json(b.get("/api/v1/ledger/head")).get("root"));
        for (ServeNode node : List.of(a, b)) {
            Map<String, Integer> stored = clientIds(node);
            assertThat(stored.values()).as("%s: no client id twice in the ledger", node.name).allMatch(n -> n == 1);
            assertThat(stored.keySet()).as("%s: every acknowledged report", node.name).containsAll(writers.acknowledged.keySet());
            for (Map.Entry<String, Long> acked : writers.acknowledged.entrySet()) {
                // a retry of an acknowledged report is recognised as already there, at the seq first answered
                HttpResponse<String> retry = postReport(node, Writers.body(acked.getKey()));
                assertThat(retry.statusCode()).as("%s retrying %s", node.name, acked.getKey()).isEqualTo(200);
                assertThat(json(retry).get("seq").asLong()).isEqualTo(acked.getValue());
            }
        }
        assertThat(ledgerSize(a)).as("the retries appended nothing").isEqualTo(size);
        verifyWithTheCommandLine();
    }

    /** {@code truce verify --db URL --public-key operator.pub}, while both nodes run (the README says it may). */
    private static void verifyWithTheCommandLine() throws Exception {
        Path operator = Files.createDirectories(dir.resolve("operator")).resolve("operator.pub");
        Files.copy(dir.resolve("node-a").resolve("node-key.pub"), operator);
        String out = run("", "verify", "--db", database.url(), "--public-key", operator.toString());
        assertThat(out).contains("OK:");
    }

    /**
     * The writing clients of the crash test. Phase 0: both nodes up; 1: node A killed; 2: node A
     * restarted. Each acknowledged id maps to the seq of its first 2xx answer.
     */
    private static final class Writers {
        final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger phase = new AtomicInteger();
        final AtomicInteger abandoned = new AtomicInteger();
        final AtomicInteger failedOver = new AtomicInteger();
        final AtomicInteger foundOnRetry = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger inFlightAtKill = new AtomicInteger();
        final CountDownLatch ackedByABeforeKill = new CountDownLatch(40);
        final CountDownLatch ackedByBWhileADown = new CountDownLatch(20);
        final CountDownLatch ackedByAAfterRestart = new CountDownLatch(40);
        final int[][] ackedByNodeAndPhase = new int[2][3];
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ExecutorService pool = Executors.newFixedThreadPool(4);
        private final List<Future<?>> clients = new ArrayList<>();
        private final AtomicReference<Throwable> crashed = new AtomicReference<>();

        static String body(String id) {
            // a value of its own per id (client in the UUID's high bits, its counter in the low ones): equal figures
            // of one body, place and day would be refused as repeats (409), which is not what this test is about
            UUID u = UUID.fromString(id);
            long value = 1000 + (u.getMostSignificantBits() & 0xFFFFL) * 10_000_000L + (u.getLeastSignificantBits() & 0xFFFFFFL);
            return Reports.valid(id).put("asOf", "2025-01-01").put("value", value).toString();
        }

        void start() {
            for (int c = 0; c < 4; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    try {
                        for (long k = 0; !stop.get(); k++) write(new UUID(0xC0A5_0000L + client, k).toString(), (int) ((client + k) % 2));
                    } catch (Throwable t) {
                        crashed.set(t);
                    }
                }));
            }
        }

        /** Sends the report to node {@code first}, then to the other node while no answer (or a 503) came back. */
        private void write(String id, int first) {
            String body = body(id);
            for (int attempt = 0; attempt < 20; attempt++) {
                int n = (first + attempt) % 2;
                ServeNode node = n == 0 ? a : b;
                int seenPhase = phase.get();
                HttpResponse<String> answer;
                try {
                    answer = node.post("/api/v1/reports", token, body);
                } catch (IOException e) {
                    refused.incrementAndGet(); // node A is dead or dying: the report may or may not be stored
                    if (seenPhase == 0) inFlightAtKill.incrementAndGet();
                    if (attempt == 0) failedOver.incrementAndGet();
                    continue;
                }
                int status = answer.statusCode();
                if (status == 200 || status == 201) {
                    acknowledged.put(id, json(answer).get("seq").asLong());
                    if (attempt > 0 && status == 200) foundOnRetry.incrementAndGet();
                    counted(n, seenPhase);
                    return;
                }
                if (status != 503) {
                    unexpected.add(node.name + " " + id + ": " + status + " " + answer.body());
                    return; // a definite refusal: another node would answer the same
                }
                if (attempt == 0) failedOver.incrementAndGet();
            }
            abandoned.incrementAndGet();
        }

        private void counted(int node, int seenPhase) {
            synchronized (ackedByNodeAndPhase) {
                ackedByNodeAndPhase[node][seenPhase]++;
            }
            if (node == 0 && seenPhase == 0) ackedByABeforeKill.countDown();
            if (node == 1 && seenPhase == 1) ackedByBWhileADown.countDown();
            if (node == 0 && seenPhase == 2) ackedByAAfterRestart.countDown();
        }

        void await(CountDownLatch latch, String what) throws Exception {
            // a crashed client would never count down: check between short waits
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!latch.await(1, TimeUnit.SECONDS)) {
                if (crashed.get() != null) throw new AssertionError("a client failed before " + what, crashed.get());
                if (System.nanoTime() > deadline) throw new AssertionError(what + " did not happen within 2 minutes: " + summary());
            }
        }

        void stop() throws Exception {
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            if (crashed.get() != null) throw new AssertionError("a client failed", crashed.get());
        }

        String summary() {
            synchronized (ackedByNodeAndPhase) {
                return String.format("acknowledged %d reports (node A/B: before the kill %d/%d, while A was down %d/%d, after the restart %d/%d);"
                                + " %d reports went on to the other node after no answer or a 503 (%d sends unanswered, %d of them in flight when node A was killed),"
                                + " %d were found already stored (200)",
                        acknowledged.size(), ackedByNodeAndPhase[0][0], ackedByNodeAndPhase[1][0], ackedByNodeAndPhase[0][1],
                        ackedByNodeAndPhase[1][1], ackedByNodeAndPhase[0][2], ackedByNodeAndPhase[1][2], failedOver.get(), refused.get(),
                        inFlightAtKill.get(), foundOnRetry.get());
            }
        }
    }

    /** The README's steps for a field token, on the shared database: an account with a role, then a token for it. */
    private static String fieldToken() throws Exception {
        run("a long and secret password\n", "admin", "create-user", "--db", database.url(), "--org", "unhcr", "--username", "it-desk",
                "--role", "transcriber", "--password-stdin");
        Matcher m = Pattern.compile("truce_[a-z2-7]+_[A-Za-z0-9_-]+")
                .matcher(run("", "admin", "token", "create", "--db", database.url(), "--user", "it-desk", "--name", "two nodes", "--days", "1"));
        assertThat(m.find()).isTrue();
        return m.group();
    }

    /** Runs {@code java -jar target/truce.jar args} with {@code stdin}; answers its output, failing on a non-zero exit. */
    private static String run(String stdin, String... args) throws Exception {
        Process p = new ProcessBuilder(ServeNode.java(args)).redirectErrorStream(true).start();
        try {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(String.join(" ", args) + ":\n" + out).isZero();
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    private static HttpResponse<String> postReport(ServeNode node, Object body) throws IOException {
        return node.post("/api/v1/reports", token, body.toString());
    }

    private static long ledgerSize(ServeNode node) throws IOException {
        return json(node.get("/health/ready")).get("ledgerSize").asLong();
    }

    /** How many times each client id occurs in the ledger the node serves, read page by page. */
    private static Map<String, Integer> clientIds(ServeNode node) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        long from = 0;
        while (true) {
            JsonNode page = json(node.get("/api/v1/ledger/entries?limit=1000&from=" + from));
            for (JsonNode e : page.get("entries")) counts.merge(e.get("entry").get("clientId").asText(), 1, Integer::sum);
            if (page.get("next").isNull()) return counts;
            from = page.get("next").asLong();
        }
    }

    /** The value of a gauge without labels in a Prometheus text exposition. */
    private static long gauge(String exposition, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? (\\S+)$").matcher(exposition);
        assertThat(m.find()).as(name + " in\n" + exposition).isTrue();
        return (long) Double.parseDouble(m.group(1));
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return TestNode.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws IOException;
    }

    private static void await(Condition condition, Duration within, String what) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + " did not happen within " + within);
            LockSupport.parkNanos(2_000_000); // polling another process with a deadline
        }
    }
}
