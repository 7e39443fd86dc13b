package org.truce.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One node as an operator runs it: {@code java -jar target/truce.jar serve [--db URL] --data DIR --port P}
 * in a process of its own, with {@code TRUCE_ADMIN_TOKEN} and {@code TRUCE_METRICS_TOKEN} set as the
 * README's "Deploying several nodes" asks (the same values on every node). Its output is appended to
 * {@code <name>.log} beside its data directory, across restarts, for diagnosis.
 *
 * <p>Lifecycle: {@link #start} (returns once {@code /health/ready} answers 200), then {@link #kill}
 * (SIGKILL) or {@link #stop} (SIGTERM), then {@link #start} again on the same port and directory;
 * {@link #close} kills whatever still runs. {@code start}, {@code kill}, {@code stop} and {@code close}
 * are driven by one test thread; the HTTP helpers are thread-safe.
 */
final class ServeNode implements AutoCloseable {
    static final Path JAR = Path.of("target/truce.jar");
    static final String ADMIN_TOKEN = "it-admin-0123456789abcdef";
    static final String SCRAPE_TOKEN = "it-scrape-0123456789abcdef";
    /** Replaying the demo on a shared two-core machine: generous, it is a deadline, not a measure. */
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    final String name;
    final Path data;
    final int port;
    private final String db;
    private final java.util.Map<String, String> env;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Process process;

    /**
     * A node named {@code name} (its log file), data directory {@code data}, on a free port, not started;
     * its ledger in the PostgreSQL database {@code db}, or with {@code db} null in SQLite in {@code data}.
     */
    ServeNode(String name, Path data, String db) throws IOException {
        this(name, data, db, java.util.Map.of());
    }

    /**
     * As above, with {@code db} null for the SQLite store of {@code data}, and settings of the process
     * environment added to those above (such as {@code TRUCE_WITNESSES}).
     */
    ServeNode(String name, Path data, String db, java.util.Map<String, String> env) throws IOException {
        this.name = name;
        this.data = data;
        this.db = db;
        this.env = java.util.Map.copyOf(env);
        this.port = freePort();
        this.log = data.resolveSibling(name + ".log");
        // the test JVM may be ended (a failsafe timeout) before @AfterAll: leave no node behind then either
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    /** The Java of this test run, with the heap the other process tests give a server. */
    static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts {@code serve} with the options given (e.g. {@code --demo}) and waits until the node is ready. */
    void start(String... options) throws IOException {
        if (process != null && process.isAlive()) throw new IllegalStateException(name + " is already running");
        List<String> cmd = java("serve", "--data", data.toString(), "--port", Integer.toString(port));
        if (db != null) cmd.addAll(List.of("--db", db));
        cmd.addAll(List.of(options));
        Files.writeString(log, "\n=== " + String.join(" ", cmd) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("TRUCE_ADMIN_TOKEN", ADMIN_TOKEN);
        pb.environment().put("TRUCE_METRICS_TOKEN", SCRAPE_TOKEN);
        // these tests transcribe figures with one account and read them back at once (FourEyesTest covers the rule)
        pb.environment().put("TRUCE_FOUR_EYES", "off");
        pb.environment().putAll(env);
        process = pb.start();
        awaitReady();
    }

    /**
     * Polls {@code /health/ready} until it answers 200. The node replays the ledger before it listens,
     * so a refused connection means "not yet"; a node that exits instead fails with its log.
     */
    private void awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            if (!process.isAlive()) throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready:\n" + logTail());
            try {
                if (get("/health/ready").statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet (refused), or listening since a moment: ask again
            }
            if (System.nanoTime() > deadline) throw new AssertionError(name + " was not ready within " + READY_WITHIN + ":\n" + logTail());
            LockSupport.parkNanos(100_000_000); // polling a child process with a deadline
        }
    }

    /** SIGKILL (what {@link Process#destroyForcibly} sends on Unix): no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        Process p = process;
        if (p != null && p.isAlive()) p.destroyForcibly().waitFor();
    }

    /** SIGTERM, the operator's stop; SIGKILL if it has not ended within 30 s. */
    void stop() throws InterruptedException {
        Process p = process;
        if (p == null || !p.isAlive()) return;
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        Process p = process;
        if (p == null) return;
        p.destroyForcibly();
        try {
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build());
    }

    HttpResponse<String> get(String path, String bearer) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + bearer).build());
    }

    HttpResponse<String> post(String path, String bearer, String json) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The last 60 lines of the node's log, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        // the port stays the node's across restarts, as a load balancer's target would
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
