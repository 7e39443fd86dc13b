package org.truce.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirrors of a demo node, all real processes over HTTP: {@code truce serve --demo} as the log, and
 * {@code truce mirror} beside it. A mirror recomputes every demo publication identically in every
 * language and format and serves the copy read-only; an entry changed in the log's store is named by
 * the mirror; a log whose store was cut and restarted (its highest-head file moved aside so that it
 * starts) is flagged as a rollback. The tests run in order on one log: the rollback is last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MirrorIT {
    private static final Duration MIRROR_WITHIN = Duration.ofMinutes(10);
    private final HttpClient http = HttpClient.newHttpClient();
    private Path dir;
    private Path logData;
    private int logPort;
    private Process log;
    private String logKey;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    void startLog(@TempDir Path dir) throws Exception {
        this.dir = dir;
        logData = dir.resolve("log");
        logPort = freePort();
        log = serve("--demo");
        logKey = Files.readString(logData.resolve("node-key.pub")).strip();
    }

    @AfterAll
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    @Order(1)
    void a_mirror_of_the_demo_recomputes_every_publication_identically_in_every_language_and_format() throws Exception {
        Run run = mirror(dir.resolve("mirror-a"));

        assertThat(run.exit).as(run.output).isZero();
        int publications = publicationCount();
        assertThat(publications).isEqualTo(9);
        // 5 languages × json, text, html, pdf
        assertThat(run.output).contains(publications + " publications verified, " + publications * 5 * 4
                + " outputs (json, text, html, pdf, in each language) compared byte for byte with the log's; 0 alarms.");
        assertThat(run.output).doesNotContain("ALARM");
    }

    @Test
    @Order(2)
    void a_mirror_serves_the_copy_read_only_with_the_logs_signatures() throws Exception {
        Path data = dir.resolve("mirror-b");
        assertThat(mirror(data, "--formats", "json").exit).isZero();
        int port = freePort();
        Process service = start(data.resolveSibling("mirror-b.log"), "mirror", "--log", logUrl(), "--log-key", logKey,
                "--data", data.toString(), "--port", Integer.toString(port), "--formats", "json", "--interval", "1");
        String base = "http://localhost:" + port;
        awaitStatus(service, base + "/health/ready", 200);

        assertThat(get(base + "/api/v1/ledger/head?format=note").body()).isEqualTo(get(logUrl() + "/api/v1/ledger/head?format=note").body());
        assertThat(get(base + "/api/v1/ledger/key").body().strip()).isEqualTo(logKey);
        String path = "/api/v1/bulletins/2021-01-11?lang=hy&format=text";
        assertThat(get(base + path).body()).isEqualTo(get(logUrl() + path).body());
        HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/publications"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"2021-01-11\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).isEqualTo(405);
        assertThat(write.body()).contains("mirror-read-only").contains("read-only mirror of " + logUrl());

        // the log grows: the running mirror takes the new checkpoint and serves it without a restart
        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(URI.create(logUrl() + "/api/v1/metrics"))
                .header("Authorization", "Bearer " + ServeNode.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"mirror_followed\",\"unit\":\"people\","
                        + "\"names\":{\"en\":\"people counted in a test\"}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).as(declared.body()).isBetween(200, 201);
        String grown = get(logUrl() + "/api/v1/ledger/head?format=note").body();
        awaitBody(service, base + "/api/v1/ledger/head?format=note", grown);
        assertThat(get(base + "/api/v1/metrics").body()).contains("mirror_followed");
        assertThat(Files.readString(data.resolveSibling("mirror-b.log")).split("serving the copy of", -1)).hasSize(2); // opened once

        // an entry changed behind the log's back: the running mirror finds it in a later round
        byte[] original = body(7);
        setBody(7, changed(original));
        try {
            awaitStatus(service, base + "/health/ready", 503);
            assertThat(get(base + "/health/ready").body()).contains("ENTRY_CHANGED at seq 7");
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .header("Authorization", "Bearer " + ServeNode.SCRAPE_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).containsPattern("(?m)^truce_mirror_alarms [1-9]");
            assertThat(Files.readString(data.resolveSibling("mirror-b.log"))).contains("ERROR org.truce.mirror.Mirror - mirror alarm: ENTRY_CHANGED at seq 7");
        } finally {
            setBody(7, original);
        }
        service.destroy();
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    @Order(3)
    void an_entry_changed_in_the_logs_store_is_named_by_the_mirror() throws Exception {
        Path data = dir.resolve("mirror-c");
        assertThat(mirror(data, "--formats", "json").exit).isZero();
        long seq = 42;
        byte[] original = body(seq);
        byte[] changed = changed(original);
        assertThat(changed).isNotEqualTo(original);
        setBody(seq, changed); // behind the running node's back: it serves the store's bytes
        try {
            Run run = mirror(data, "--formats", "json");

            assertThat(run.exit).as(run.output).isEqualTo(1);
            assertThat(run.output).contains("ALARM ENTRY_CHANGED at seq 42");
        } finally {
            setBody(seq, original);
        }
    }

    @Test
    @Order(4)
    void a_log_whose_store_was_cut_and_restarted_is_flagged_as_a_rollback() throws Exception {
        Path data = dir.resolve("mirror-d");
        assertThat(mirror(data, "--formats", "json").exit).isZero();
        long full = headSize();
        log.destroy();
        assertThat(log.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // the log is down: a mirror still serves its copy, and a log that does not answer is no alarm
        int port = freePort();
        Process service = start(data.resolveSibling("mirror-d.log"), "mirror", "--log", logUrl(), "--log-key", logKey,
                "--data", data.toString(), "--port", Integer.toString(port), "--formats", "json", "--interval", "1");
        awaitStatus(service, "http://localhost:" + port + "/health/ready", 200);
        assertThat(get("http://localhost:" + port + "/api/v1/bulletins/2021-01-11?lang=az&format=text").statusCode()).isEqualTo(200);
        service.destroy();
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();

        long cut = cutStore();
        Files.move(logData.resolve("highest-head.note"), dir.resolve("highest-head.note.aside"), StandardCopyOption.REPLACE_EXISTING);
        log = serve();
        assertThat(headSize()).isEqualTo(cut);

        Run run = mirror(data, "--formats", "json");

        assertThat(run.exit).as(run.output).isEqualTo(1);
        assertThat(run.output).contains("ALARM ROLLBACK at checkpoint size " + cut + ": the log's signed checkpoint has " + cut
                + " entries, fewer than the " + full + " of the checkpoint accepted before");
        assertThat(run.output).contains("ALARM ENTRY_MISSING at seq " + cut + " to " + (full - 1));
        assertThat(Files.list(data.resolve("evidence")).toList()).isNotEmpty();
    }

    @Test
    @Order(5)
    void a_checkpoint_that_the_given_key_does_not_verify_is_a_bad_signature_and_an_unreachable_log_exits_2() throws Exception {
        String otherKey = org.truce.ledger.NodeKey.loadOrCreate(dir.resolve("other-key"), "truce.local/ledger").verifierKey();
        Process p = start(dir.resolve("mirror-e.out"), "mirror", "--log", logUrl(), "--log-key", otherKey, "--data",
                dir.resolve("mirror-e").toString(), "--once", "--formats", "json");
        assertThat(p.waitFor(MIRROR_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(dir.resolve("mirror-e.out"));
        assertThat(p.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("ALARM BAD_SIGNATURE at the checkpoint served by " + logUrl() + ": no signature by truce.local/ledger");
        assertThat(dir.resolve("mirror-e").resolve("checkpoint.note")).doesNotExist(); // nothing accepted

        Run down = mirror(dir.resolve("mirror-f"), "--formats", "json");
        int closed = freePort();
        Process q = start(dir.resolve("mirror-g.out"), "mirror", "--log", "http://localhost:" + closed, "--log-key", logKey,
                "--data", dir.resolve("mirror-g").toString(), "--once");
        assertThat(q.waitFor(MIRROR_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).as(Files.readString(dir.resolve("mirror-g.out"))).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("mirror-g.out"))).contains("the log could not be read: cannot reach http://localhost:" + closed);
        assertThat(down.exit).isZero(); // the same log, read with its own key, passes
    }

    // --- the processes ---

    private record Run(int exit, String output) {}

    private Run mirror(Path data, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("mirror", "--log", logUrl(), "--log-key", logKey, "--data", data.toString(), "--once"));
        args.addAll(List.of(more));
        Path out = data.resolveSibling(data.getFileName() + "-" + System.nanoTime() + ".out");
        Process p = start(out, args.toArray(String[]::new));
        if (!p.waitFor(MIRROR_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the mirror did not finish within " + MIRROR_WITHIN + ":\n" + Files.readString(out));
        }
        return new Run(p.exitValue(), Files.readString(out));
    }

    private Process serve(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--data", logData.toString(), "--port", Integer.toString(logPort)));
        args.addAll(List.of(more));
        Process p = start(dir.resolve("log.out"), args.toArray(String[]::new));
        awaitStatus(p, logUrl() + "/health/ready", 200);
        return p;
    }

    private Process start(Path output, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(ServeNode.java(args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        pb.environment().put("TRUCE_METRICS_TOKEN", ServeNode.SCRAPE_TOKEN);
        pb.environment().put("TRUCE_ADMIN_TOKEN", ServeNode.ADMIN_TOKEN);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private void awaitStatus(Process p, String url, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            if (!p.isAlive()) throw new AssertionError("the process exited with " + p.exitValue() + " before " + url + " answered");
            try {
                if (get(url).statusCode() == status) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) throw new AssertionError(url + " did not answer " + status + " in time");
            LockSupport.parkNanos(200_000_000); // polling a child process with a deadline
        }
    }

    private void awaitBody(Process p, String url, String body) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!get(url).body().equals(body)) {
            if (!p.isAlive()) throw new AssertionError("the process exited with " + p.exitValue() + " before " + url + " answered");
            if (System.nanoTime() > deadline) throw new AssertionError(url + " did not answer " + body + " in time");
            LockSupport.parkNanos(200_000_000); // polling a child process with a deadline
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String logUrl() {
        return "http://localhost:" + logPort;
    }

    private int publicationCount() throws Exception {
        String body = get(logUrl() + "/api/v1/publications?limit=1000").body();
        return Integer.parseInt(body.replaceAll("(?s).*\"total\":(\\d+).*", "$1"));
    }

    private long headSize() throws Exception {
        String note = get(logUrl() + "/api/v1/ledger/head?format=note").body();
        return Long.parseLong(note.split("\n")[1]);
    }

    // --- the log's store, changed behind the node's back ---

    /** The entry with its record time moved by a millennium: still an entry, no longer the one signed. */
    private static byte[] changed(byte[] entry) {
        return new String(entry, StandardCharsets.UTF_8).replaceFirst("\"recordedAt\":\"2", "\"recordedAt\":\"1")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Connection store() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + logData.resolve("truce.db"));
    }

    private byte[] body(long seq) throws Exception {
        try (Connection c = store(); PreparedStatement s = c.prepareStatement("SELECT body FROM entries WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getBytes(1);
            }
        }
    }

    private void setBody(long seq, byte[] bytes) throws Exception {
        try (Connection c = store(); PreparedStatement s = c.prepareStatement("UPDATE entries SET body = ? WHERE seq = ?")) {
            s.setBytes(1, bytes);
            s.setLong(2, seq);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    /** Deletes the entries and heads after the last head but one, as a rollback by hand would; returns the new size. */
    private long cutStore() throws Exception {
        try (Connection c = store(); Statement s = c.createStatement()) {
            long cut;
            try (ResultSet r = s.executeQuery("SELECT MAX(size) FROM heads WHERE size < (SELECT MAX(size) FROM heads)")) {
                r.next();
                cut = r.getLong(1);
            }
            s.executeUpdate("DELETE FROM entries WHERE seq >= " + cut);
            s.executeUpdate("DELETE FROM heads WHERE size > " + cut);
            return cut;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
