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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.app.Truce;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Cosigner;
import org.truce.ledger.Hashes;
import org.truce.ledger.HighestHead;
import org.truce.ledger.NodeKey;
import org.truce.ledger.NoteVerifier;
import org.truce.witness.WitnessList;

/**
 * Issue 17's rollback, every party a process of its own over HTTP, each started from the packaged jar:
 * three {@code truce witness} processes (each its own data directory and key), a {@code truce serve}
 * node on a SQLite data directory that asks them ({@code TRUCE_WITNESSES}, quorum 2), and a
 * {@code truce mirror} following the node with the three witnesses' keys and {@code --quorum 2}.
 * Entries written over HTTP (metrics declared with the administrator's token) are cosigned by all
 * three witnesses, and the mirror serves the same root.
 * Then the operator rewrites history: the node is killed, its newest entries and their heads are
 * deleted from the store, its {@code highest-head.note} moved aside (so that its own guard lets it
 * start) and it is restarted; it signs the shorter tree, then another tree of the size the witnesses
 * cosigned. Every witness refuses that tree and keeps evidence that {@code truce verify --evidence}
 * calls a proven fork; the node's checkpoint carries no cosignature any more; the mirror raises its
 * ROLLBACK and FORK alarms (ERROR lines in its log, {@code /health/ready} 503 naming them) and keeps
 * serving the history it accepted.
 */
class WitnessesOnProcessesIT {
    /** Deadlines on a shared two-core machine; a node that was refused waits up to 60 s between submissions. */
    private static final Duration WITHIN = Duration.ofMinutes(5);
    private static final List<String> NAMES = List.of("witness.mediator.example", "witness.un.example", "witness.icrc.example");
    private static final List<String> SOURCES = List.of("osce-minsk-group-co-chairs", "unhcr", "icrc");
    private static final String READY = "/health/ready";
    private static final String CHECKPOINT = "/api/v1/ledger/checkpoint";
    private static final String HEAD = "/api/v1/ledger/head?format=note";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();
    private ServeNode node;
    @TempDir
    Path dir;

    @AfterEach
    void stopAll() {
        if (node != null) node.close();
        started.forEach(Process::destroyForcibly);
    }

    /** A {@code truce witness} process: its data directory, the key it printed, the address it listens on. */
    private record WitnessRun(String name, Path data, String key, String url) {}

    @Test
    void a_rolled_back_node_is_refused_by_every_witness_and_flagged_by_the_mirror() throws Exception {
        // the node's key first: each witness must know it before the node asks
        Path nodeDir = dir.resolve("node");
        String nodeKey = NodeKey.loadOrCreate(nodeDir, Truce.DEFAULT_ORIGIN).verifierKey();
        List<WitnessRun> witnesses = new ArrayList<>();
        for (String name : NAMES) witnesses.add(witness(name, nodeKey));
        List<Cosigner> cosigners = witnesses.stream().map(w -> Cosigner.parse(w.key())).toList();
        StringBuilder config = new StringBuilder("# cosigner key, submission URL, the body that runs it\n");
        for (int i = 0; i < witnesses.size(); i++) {
            config.append(witnesses.get(i).key()).append(' ').append(witnesses.get(i).url()).append(' ').append(SOURCES.get(i)).append('\n');
        }
        Path witnessFile = Files.writeString(dir.resolve("witnesses.txt"), config);
        node = new ServeNode("node", nodeDir, null, Map.of(WitnessList.FILE_ENV, witnessFile.toString(), WitnessList.QUORUM_ENV, "2"));
        node.start();

        // (a) reports over HTTP, cosigned by the three witnesses; a mirror that asks for 2 of them serves the same root
        for (int i = 0; i < 5; i++) declare("witnessed_" + i);
        Checkpoint before = head();
        String cosigned = await("the node's checkpoint of size " + before.size() + " cosigned by all three witnesses",
                () -> node.get(CHECKPOINT).body(), note -> checkpoint(note).equals(before) && cosignedBy(note, cosigners).size() == 3);
        assertThat(cosignedBy(cosigned, cosigners)).containsExactlyElementsOf(NAMES);
        Map<String, String> witnessed = new java.util.HashMap<>();
        for (WitnessRun w : witnesses) {
            String kept = get(w.url() + "/" + originHash() + "/checkpoint").body();
            assertThat(checkpoint(kept)).as(w.name()).isEqualTo(before);
            witnessed.put(w.name(), kept);
        }

        Path mirrorData = dir.resolve("mirror");
        Path mirrorLog = dir.resolve("mirror.log");
        int mirrorPort = freePort();
        List<String> mirrorArgs = new ArrayList<>(List.of("mirror", "--log", node.uri("").toString(), "--log-key", nodeKey,
                "--data", mirrorData.toString(), "--port", Integer.toString(mirrorPort), "--interval", "1", "--formats", "json",
                "--quorum", "2"));
        witnesses.forEach(w -> mirrorArgs.addAll(List.of("--witness", w.key())));
        Process mirror = start(mirrorLog, mirrorArgs.toArray(String[]::new));
        String mirrorUrl = "http://localhost:" + mirrorPort;
        await("the mirror ready", () -> status(mirror, mirrorUrl + READY), s -> s == 200);
        String mirrored = await("the mirror serving the checkpoint of size " + before.size(), () -> get(mirrorUrl + CHECKPOINT).body(),
                note -> checkpoint(note).equals(before));
        NoteVerifier.parse(nodeKey).verify(mirrored); // the log's own signature, served by the mirror
        assertThat(Files.readString(mirrorLog)).contains("accepted the log's checkpoint of size " + before.size() + " (root "
                + HexFormat.of().formatHex(before.rootHash()) + "), cosigned by [" + String.join(", ", NAMES) + "]");

        // (b) the operator rewrites history: kill, delete the newest two entries and their heads, move the guard aside, restart
        node.kill();
        long cut = before.size() - 2;
        rollBack(nodeDir, cut);
        Files.move(nodeDir.resolve(HighestHead.FILE), dir.resolve(HighestHead.FILE + ".aside"));
        node.start();
        assertThat(head().size()).isEqualTo(cut);
        String rolledBack = await("the mirror's ROLLBACK alarm", () -> get(mirrorUrl + READY),
                r -> r.body().contains("ROLLBACK at checkpoint size " + cut)).body();
        assertThat(rolledBack).contains("fewer than the " + before.size() + " of the checkpoint accepted before");
        assertThat(rolledBack).contains("BAD_SIGNATURE at the checkpoint served by " + node.uri(""))
                .contains("carries valid cosignatures of 0 known witnesses [], fewer than the quorum of 2");

        // the node signs another tree of the size the witnesses cosigned
        declare("rewritten_0");
        declare("rewritten_1");
        Checkpoint other = head();
        assertThat(other.size()).isEqualTo(before.size());
        assertThat(other.rootHash()).isNotEqualTo(before.rootHash());

        for (WitnessRun w : witnesses) {
            Path evidence = await(w.name() + " keeping evidence", () -> evidence(w), f -> f != null);
            assertThat(evidence.getFileName().toString()).contains("-" + before.size() + "-" + before.size() + "-");
            assertThat(get(w.url() + "/" + originHash() + "/checkpoint").body())
                    .as("%s kept the tree it cosigned: it cosigned neither the shorter tree nor the other one", w.name())
                    .isEqualTo(witnessed.get(w.name()));
            Path errors = dir.resolve(w.name() + "-verify.out");
            Process verify = start(errors, "verify", "--evidence", evidence.toString(), "--log-key", nodeKey);
            assertThat(verify.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(verify.exitValue()).as(Files.readString(errors)).isEqualTo(1);
            assertThat(Files.readString(errors)).contains("PROVEN: the log " + Truce.DEFAULT_ORIGIN + " signed two different trees of size "
                    + before.size());
        }
        String refused = node.get(CHECKPOINT).body();
        assertThat(checkpoint(refused)).isEqualTo(other);
        assertThat(cosignedBy(refused, cosigners)).as("no witness cosigned the other tree: no quorum of 2").isEmpty();

        HttpResponse<String> alarmed = await("the mirror's FORK alarm", () -> get(mirrorUrl + READY),
                r -> r.body().contains("FORK at checkpoint size " + before.size()));
        assertThat(alarmed.statusCode()).isEqualTo(503);
        assertThat(alarmed.body()).contains("the log signed two trees of " + before.size() + " entries: root "
                + HexFormat.of().formatHex(before.rootHash()) + " accepted before, " + HexFormat.of().formatHex(other.rootHash()) + " now");
        assertThat(alarmed.body()).contains("ROLLBACK at checkpoint size " + cut);
        assertThat(Files.readString(mirrorLog))
                .contains("ERROR org.truce.mirror.Mirror - mirror alarm: ROLLBACK at checkpoint size " + cut)
                .contains("ERROR org.truce.mirror.Mirror - mirror alarm: FORK at checkpoint size " + before.size());
        try (var kept = Files.list(mirrorData.resolve("evidence"))) {
            assertThat(kept.map(f -> f.getFileName().toString()).toList()).anyMatch(f -> f.endsWith("-rollback.txt"))
                    .anyMatch(f -> f.endsWith("-fork.txt"));
        }
        assertThat(mirror.isAlive()).as("an alarmed mirror goes on serving").isTrue();
        assertThat(checkpoint(get(mirrorUrl + CHECKPOINT).body())).as("the mirror serves the history it accepted").isEqualTo(before);
    }

    // --- the processes ---

    /** Starts {@code truce witness} on a free port and waits until it prints its key and address. */
    private WitnessRun witness(String name, String logKey) throws Exception {
        Path data = dir.resolve(name);
        Path out = dir.resolve(name + ".log");
        Process p = start(out, "witness", "--log-key", logKey, "--data", data.toString(), "--name", name, "--port", "0");
        Pattern listening = Pattern.compile("(?s)Witness verifier key: (\\S+).*is listening on (http://localhost:[0-9]+)/");
        Matcher m = await("witness " + name + " listening", () -> {
            if (!p.isAlive()) throw new AssertionError(name + " exited with " + p.exitValue() + ":\n" + Files.readString(out));
            return listening.matcher(Files.readString(out));
        }, Matcher::find);
        return new WitnessRun(name, data, m.group(1), m.group(2));
    }

    private Process start(Path output, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(ServeNode.java(args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Process p = pb.start();
        started.add(p);
        p.getOutputStream().close();
        return p;
    }

    /** Polls {@code read} until {@code done} holds of its answer (an exception: not yet), failing at the deadline. */
    private <T> T await(String what, Attempt<T> read, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        T last = null;
        while (true) {
            try {
                last = read.get();
                if (done.test(last)) return last;
            } catch (IOException notYet) {
                // not listening yet, or restarting
            }
            if (System.nanoTime() > deadline) throw new AssertionError("no " + what + " within " + WITHIN + "; last seen: " + describe(last));
            LockSupport.parkNanos(250_000_000); // polling other processes, with a deadline
        }
    }

    private interface Attempt<T> {
        T get() throws Exception;
    }

    private static String describe(Object last) {
        return last instanceof HttpResponse<?> r ? r.statusCode() + " " + r.body() : String.valueOf(last);
    }

    private int status(Process p, String url) throws IOException {
        if (!p.isAlive()) throw new AssertionError("the process serving " + url + " exited with " + p.exitValue());
        return get(url).statusCode();
    }

    private HttpResponse<String> get(String url) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    // --- the node, its store and its checkpoints ---

    /** A metric declared with the administrator's token: one ledger entry, written over HTTP. */
    private void declare(String metric) throws IOException {
        HttpResponse<String> r = node.post("/api/v1/metrics", ServeNode.ADMIN_TOKEN, "{\"id\":\"" + metric + "\",\"unit\":\"people\","
                + "\"names\":{\"en\":\"people counted in a test\"}}");
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    }

    private Checkpoint head() throws IOException {
        return checkpoint(node.get(HEAD).body());
    }

    /** The checkpoint of a signed note (its body: origin, size, root), whoever signed it. */
    private static Checkpoint checkpoint(String note) {
        return Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1));
    }

    /** The names of the witnesses whose cosignature in {@code note} verifies, in the order given. */
    private static List<String> cosignedBy(String note, List<Cosigner> witnesses) {
        Checkpoint cp = checkpoint(note);
        String signatures = note.substring(note.indexOf("\n\n") + 2);
        return witnesses.stream().filter(w -> w.verify(cp, signatures).isPresent()).map(Cosigner::name).toList();
    }

    private static String originHash() {
        return HexFormat.of().formatHex(Hashes.sha256(Truce.DEFAULT_ORIGIN.getBytes(StandardCharsets.UTF_8)));
    }

    /** The witness's evidence file, or null while it has none. */
    private static Path evidence(WitnessRun w) throws IOException {
        Path evidence = w.data().resolve("evidence");
        if (!Files.isDirectory(evidence)) return null;
        try (var files = Files.list(evidence)) {
            return files.filter(f -> f.toString().endsWith(".txt")).findFirst().orElse(null);
        }
    }

    /** Deletes the entries from {@code cut} on and the heads beyond it, as an operator rewriting history would. */
    private static void rollBack(Path nodeDir, long cut) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + nodeDir.resolve("truce.db"));
             PreparedStatement entries = c.prepareStatement("DELETE FROM entries WHERE seq >= ?");
             PreparedStatement heads = c.prepareStatement("DELETE FROM heads WHERE size > ?")) {
            entries.setLong(1, cut);
            assertThat(entries.executeUpdate()).isEqualTo(2);
            heads.setLong(1, cut);
            assertThat(heads.executeUpdate()).isPositive();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
