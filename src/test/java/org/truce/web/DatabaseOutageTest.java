package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.LedgerVerifier;
import org.truce.ledger.NoteVerifier;
import org.truce.ledger.StoredEntry;
import org.truce.store.Stores;
import org.truce.support.Reports;
import org.truce.support.ScratchCluster;
import org.truce.support.TestNode;

/**
 * The database goes away under load: a node on a PostgreSQL cluster of the test's own, with clients
 * writing reports, while the test stops the server for {@value #OUTAGE_SECONDS} s and starts it again.
 * While it is down every write is answered 503 with Retry-After (never a false acknowledgement) and the
 * node is not ready; once it is back the same node, never restarted, acknowledges writes again; and
 * afterwards every acknowledged report is in the ledger exactly once and the ledger verifies.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DatabaseOutageTest {
    static final int OUTAGE_SECONDS = 10;
    private static final int CLIENTS = 8;

    @TempDir
    Path dir;

    /** One answered write: which report, when it was sent and answered (nanoTime), and how. */
    record Answer(String id, long sent, long answered, int status, String retryAfter) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void writes_get_503_with_retry_after_while_the_database_is_down_and_the_node_recovers_by_itself_losing_nothing()
            throws Exception {
        try (ScratchCluster cluster = ScratchCluster.start(); TestNode node = new TestNode(dir, cluster.url(), true)) {
            Queue answers = new Queue();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                long seed = 7919L * c;
                clients.add(pool.submit(() -> client(node, new Random(seed), running, answers)));
            }
            awaitTrue(() -> answers.acknowledged().size() >= 50, Duration.ofSeconds(60), "50 reports acknowledged before the outage");

            cluster.stopServer();
            long down = System.nanoTime();
            // the outage itself: the server stays down this long while the clients keep writing
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(OUTAGE_SECONDS));
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            long up = System.nanoTime();
            cluster.startServer();

            awaitTrue(() -> answers.all().stream().anyMatch(a -> a.sent() > up && isAck(a.status())), Duration.ofSeconds(60),
                    "a write sent after the database came back acknowledged by the same node");
            running.set(false);
            for (Future<?> f : clients) f.get(60, TimeUnit.SECONDS);
            pool.shutdown();

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("the store cannot be reached");
            List<Answer> all = answers.all();
            assertThat(all).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(200, 201, 503));
            assertThat(all).filteredOn(a -> a.status() == 503).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.retryAfter()).as(a.toString()).isEqualTo("5"));
            List<Answer> duringOutage = all.stream().filter(a -> a.sent() > down && a.answered() < up).toList();
            assertThat(duringOutage).as("writes sent and answered while the database was down").isNotEmpty()
                    .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(503));
            System.err.println("database outage of " + OUTAGE_SECONDS + " s under " + CLIENTS + " clients: " + all.size()
                    + " answers, " + duringOutage.size() + " refused with 503 during the outage, "
                    + answers.acknowledged().size() + " reports acknowledged");

            resendUntilAcknowledged(node, answers);
            assertEveryAcknowledgedReportIsStoredOnceAndTheLedgerVerifies(node, cluster, answers.acknowledged());
        }
    }

    /** Writes reports until told to stop; a refused report is sent again (same id) until acknowledged. */
    private Void client(TestNode node, Random random, AtomicBoolean running, Queue answers) throws Exception {
        String pending = null;
        while (running.get()) {
            String id = pending != null ? pending : new UUID(random.nextLong(), random.nextLong()).toString();
            Answer a = send(node, id);
            answers.add(a);
            pending = isAck(a.status()) ? null : id;
            if (a.status() == 503) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // a polite client backs off
        }
        return null;
    }

    /** A value of its own for each id (up to 10^15), so that no two reports repeat each other (the duplicate rule). */
    private static long distinctValue(String id) {
        return new java.math.BigInteger(id.replace("-", ""), 16).mod(java.math.BigInteger.valueOf(999_999_999_999_999L)).longValue() + 1;
    }

    private Answer send(TestNode node, String id) throws Exception {
        String body = Reports.valid(id).put("kind", "increment").put("value", distinctValue(id)).put("asOf", "2022-03-01")
                .without("breakdown").toString();
        long sent = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/reports"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + node.token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(id, sent, System.nanoTime(), r.statusCode(), r.headers().firstValue("Retry-After").orElse(null));
    }

    /** Every report ever refused is sent once more until acknowledged: a 503 left nothing behind to conflict with. */
    private void resendUntilAcknowledged(TestNode node, Queue answers) throws Exception {
        Set<String> refused = new HashSet<>();
        for (Answer a : answers.all()) if (!isAck(a.status())) refused.add(a.id());
        refused.removeAll(answers.acknowledged());
        for (String id : refused) {
            Answer a = send(node, id);
            assertThat(a.status()).as("report %s sent again after the outage", id).isEqualTo(201);
            answers.add(a);
        }
    }

    private static void assertEveryAcknowledgedReportIsStoredOnceAndTheLedgerVerifies(TestNode node, ScratchCluster cluster,
                                                                                     Set<String> acknowledged) {
        try (var store = Stores.openPostgres(cluster.url())) {
            List<StoredEntry> all = new ArrayList<>();
            store.forEach(0, all::add);
            Set<String> stored = new HashSet<>();
            for (StoredEntry s : all) assertThat(stored.add(s.clientId())).as("client id %s stored once", s.clientId()).isTrue();
            assertThat(stored).containsAll(acknowledged);
            assertThat(node.truce.ledger().size()).isEqualTo(all.size());
            var verdict = LedgerVerifier.verify(store, NoteVerifier.parse(node.truce.ledger().verifierKey()), n -> { });
            assertThat(verdict.reason()).isEqualTo("ok");
        }
    }

    private static boolean isAck(int status) {
        return status == 200 || status == 201;
    }

    private static void awaitTrue(BooleanSupplier condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + " did not happen within " + within);
            LockSupport.parkNanos(20_000_000); // polling with a deadline
        }
    }

    /** The answers of every client, in arrival order, and the ids acknowledged. Thread-safe. */
    static final class Queue {
        private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        void add(Answer a) {
            answers.add(a);
            if (isAck(a.status())) acknowledged.add(a.id());
        }

        List<Answer> all() {
            return List.copyOf(answers);
        }

        Set<String> acknowledged() {
            return acknowledged;
        }
    }
}
