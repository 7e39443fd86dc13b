package org.truce.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.cli.DemoWitnesses;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Cosigner;
import org.truce.ledger.CosignerKey;
import org.truce.ledger.Entry;
import org.truce.ledger.NoteVerifier;
import org.truce.support.PlantedEntries;
import org.truce.support.BodySigner;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * Issue 17's "catching it" on real processes over HTTP: {@code truce serve --demo} as the log, with the
 * demo's three witnesses (real witness servers on ports of their own, in the log's process), a body
 * that signs (its key registered through the admin API, one report signed in its name), and
 * {@code truce mirror} processes that accept the checkpoint only with k of the n witnesses'
 * cosignatures (2 of 3 and 3 of 4 accept it; 4 of 4, one key nobody holds, is a BAD_SIGNATURE alarm).
 * Then the operator, holding the node key, plants an unsigned entry in that body's name in the store
 * under a new signed head; the witnesses cosign that head too (it extends the tree they saw), yet a
 * fresh mirror and {@code truce verify} both name the entry. A mirror restarted as a service serves the
 * checkpoint it accepted with the witnesses' cosignatures, so a reader checks k of n on the mirror.
 */
class WitnessedMirrorIT {
    private static final Duration WITHIN = Duration.ofMinutes(10);
    private static final String AZ = "az-government";
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();
    @TempDir
    Path dir;
    private Path logData;
    private int logPort;

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void a_mirror_checks_k_of_n_cosignatures_and_names_an_unsigned_entry_planted_in_a_signing_bodys_name() throws Exception {
        logData = dir.resolve("log");
        try (ServerSocket s = new ServerSocket(0)) {
            logPort = s.getLocalPort();
        }
        Process log = serve();
        String logKey = Files.readString(logData.resolve("node-key.pub")).strip();
        List<String> witnessKeys = new ArrayList<>();
        for (String source : DemoWitnesses.SOURCES) {
            witnessKeys.add(Files.readString(logData.resolve("demo-witnesses").resolve(source).resolve("cosigner-key.pub")).strip());
        }

        // a body that signs: its key registered by the admin, a reporter of its own, one report signed in its name
        BodySigner signer = new BodySigner(AZ);
        HttpResponse<String> registered = post("/api/v1/admin/body-keys", ServeNode.ADMIN_TOKEN,
                TestNode.JSON.createObjectNode().put("body", AZ).put("key", signer.key.verifierKey()).toString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String reporter = reporterToken();
        ObjectNode item = Reports.valid(UUID.randomUUID().toString()).put("source", AZ);
        item.remove("document");
        HttpResponse<String> asked = post("/api/v1/reports", reporter, item.toString());
        String message = TestNode.JSON.readTree(asked.body()).at("/toSign/0/message").asText();
        assertThat(message).as(asked.body()).isNotEmpty();
        item.set("signature", signer.signature(Base64.getDecoder().decode(message)));
        HttpResponse<String> recorded = post("/api/v1/reports", reporter, item.toString());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        awaitCosignedByAll();

        // k of n: 2 of the 3 witnesses, then 3 of 4 (one key nobody holds): both accept the checkpoint
        List<String> two = new ArrayList<>(witnessArgs(witnessKeys));
        two.addAll(List.of("--quorum", "2", "--formats", "json,text"));
        Run ok = mirror(dir.resolve("mirror-a"), logKey, two);
        assertThat(ok.exit).as(ok.output).isZero();
        assertThat(ok.output).doesNotContain("ALARM");
        readersCheckTheQuorumOnTheMirror(dir.resolve("mirror-a"), logKey, witnessKeys);
        List<String> four = new ArrayList<>(witnessKeys);
        four.add(CosignerKey.loadOrCreate(dir.resolve("nobody"), "nobody.example/witness").verifierKey());
        List<String> three = new ArrayList<>(witnessArgs(four));
        three.addAll(List.of("--quorum", "3", "--formats", "json"));
        Run ok3 = mirror(dir.resolve("mirror-b"), logKey, three);
        assertThat(ok3.exit).as(ok3.output).isZero();
        assertThat(ok3.output).doesNotContain("ALARM");
        assertThat(ok3.output).contains("cosigned by [demo.truce.example/witness/party-a-illustrative, "
                + "demo.truce.example/witness/party-b-illustrative, demo.truce.example/witness/monitor-illustrative]");
        // 4 of 4: the key nobody holds never cosigned, so no checkpoint is accepted
        List<String> all = new ArrayList<>(witnessArgs(four));
        all.addAll(List.of("--quorum", "4", "--formats", "json"));
        Run refused = mirror(dir.resolve("mirror-q4"), logKey, all);
        assertThat(refused.exit).as(refused.output).isEqualTo(1);
        assertThat(refused.output).contains("ALARM BAD_SIGNATURE at the checkpoint served by http://localhost:" + logPort)
                .contains("carries valid cosignatures of 3 known witnesses").contains("fewer than the quorum of 4");

        // the operator's forgery: an unsigned entry in the body's name, under a new head signed with the node key
        log.destroy();
        assertThat(log.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long seq = plantUnsigned(item.get("id").asText(), "forged-it");
        serve();
        awaitCosignedByAll(); // the witnesses cosign the forged head too: it extends the tree they saw, signed with the node key

        List<String> forged = new ArrayList<>(witnessArgs(witnessKeys));
        forged.addAll(List.of("--quorum", "2", "--formats", "json"));
        Run caught = mirror(dir.resolve("mirror-c"), logKey, forged);
        assertThat(caught.exit).as(caught.output).isEqualTo(1);
        assertThat(caught.output).contains("ALARM BODY_SIGNATURE at seq " + seq + " (client id forged-it)");

        Path pub = dir.resolve("node.pub");
        Files.writeString(pub, logKey + "\n");
        Run verify = run(dir.resolve("verify.out"), null, "verify", "--data", logData.toString(), "--public-key", pub.toString());
        assertThat(verify.exit).as(verify.output).isEqualTo(1);
        assertThat(verify.output).contains("seq " + seq + " (forged-it): it speaks in the name of " + AZ);
    }

    /**
     * The mirror of {@code data}, restarted as a service: its {@code /api/v1/ledger/checkpoint} is the
     * checkpoint it accepted with the demo witnesses' cosignatures, which verify (here, and with
     * {@code truce verify --witness}, a reader holding no store); its check page offers those witnesses.
     */
    private void readersCheckTheQuorumOnTheMirror(Path data, String logKey, List<String> witnessKeys) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> args = new ArrayList<>(List.of("mirror", "--log", "http://localhost:" + logPort, "--log-key", logKey,
                "--data", data.toString(), "--port", Integer.toString(port), "--formats", "json", "--interval", "1"));
        args.addAll(witnessArgs(witnessKeys));
        args.addAll(List.of("--quorum", "2"));
        Process service = start(dir.resolve("mirror-a-service.out"), null, args.toArray(String[]::new));
        URI checkpoint = URI.create("http://localhost:" + port + "/api/v1/ledger/checkpoint");
        HttpResponse<String> served = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (served == null || served.statusCode() != 200) {
            if (!service.isAlive()) throw new AssertionError("the mirror exited:\n" + Files.readString(dir.resolve("mirror-a-service.out")));
            if (System.nanoTime() > deadline) throw new AssertionError("the mirror did not serve its checkpoint in time");
            try {
                served = http.send(HttpRequest.newBuilder(checkpoint).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                LockSupport.parkNanos(200_000_000); // polling a child process with a deadline
            }
        }
        String note = served.body();
        Checkpoint cp = NoteVerifier.parse(logKey).verify(note);
        String lines = note.substring(note.lastIndexOf("\n\n") + 2);
        List<String> valid = witnessKeys.stream().map(Cosigner::parse).filter(w -> w.verify(cp, lines).isPresent()).map(Cosigner::name).toList();
        assertThat(valid).as(note).hasSizeGreaterThanOrEqualTo(2);
        // its check page offers the reader the witnesses it checks, and its quorum
        String page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/check?lang=en")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("The check requires 2 cosignatures from these 3 witnesses.");
        witnessKeys.forEach(k -> assertThat(page).contains("<code class=\"check-vkey\">" + k + "</code>"));
        service.destroy();
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Path kept = dir.resolve("mirror-checkpoint.note");
        Files.writeString(kept, note);
        Path pub = dir.resolve("log-key.pub");
        Files.writeString(pub, logKey + "\n");
        List<String> verify = new ArrayList<>(List.of("verify", "--data", dir.resolve("no-store").toString(), "--public-key", pub.toString(),
                "--checkpoint", kept.toString(), "--quorum", "2"));
        verify.addAll(witnessArgs(witnessKeys));
        Run checked = run(dir.resolve("verify-mirror.out"), null, verify.toArray(String[]::new));
        assertThat(checked.exit).as(checked.output).isZero();
        assertThat(checked.output).contains("(size " + cp.size() + "): " + valid.size() + " of 3 witnesses, quorum 2: OK")
                .contains("OK: every checkpoint is signed by the log and cosigned by the quorum (no store was checked).");
    }

    // --- the log and its store ---

    private Process serve() throws Exception {
        Process p = start(dir.resolve("log.out"), null, "serve", "--data", logData.toString(), "--port", Integer.toString(logPort), "--demo");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            if (!p.isAlive()) throw new AssertionError("the log exited with " + p.exitValue() + ":\n" + Files.readString(dir.resolve("log.out")));
            try {
                if (get("/health/ready").statusCode() == 200) return p;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) throw new AssertionError("the log was not ready in time");
            LockSupport.parkNanos(200_000_000); // polling a child process with a deadline
        }
    }

    /** An account of the body's own, made with {@code truce admin} beside the running log; answers its token. */
    private String reporterToken() throws Exception {
        String data = logData.toString();
        assertThat(run(dir.resolve("admin-1.out"), null, "admin", "create-org", "--data", data, "--id", "az-it", "--source", AZ,
                "--name", "AZ (test)").exit).isZero();
        assertThat(run(dir.resolve("admin-2.out"), TestNode.PASSWORD + "\n", "admin", "create-user", "--data", data, "--org", "az-it",
                "--username", "rep-az-it", "--role", "reporter", "--password-stdin").exit).isZero();
        Run token = run(dir.resolve("admin-3.out"), null, "admin", "token", "create", "--data", data, "--user", "rep-az-it", "--name", "it");
        assertThat(token.exit).as(token.output).isZero();
        return token.output.lines().filter(l -> l.startsWith("truce_")).findFirst().orElseThrow(() -> new AssertionError(token.output)).strip();
    }

    /** Waits until the log's cosigned checkpoint is of its head and carries all three witnesses' cosignatures. */
    private void awaitCosignedByAll() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            String size = get("/api/v1/ledger/head?format=note").body().split("\n")[1];
            String cosigned = get("/api/v1/ledger/checkpoint").body();
            if (cosigned.split("\n")[1].equals(size)
                    && DemoWitnesses.SOURCES.stream().allMatch(s -> cosigned.contains("— demo.truce.example/witness/" + s + " "))) return;
            if (System.nanoTime() > deadline) throw new AssertionError("not cosigned by all three witnesses in time:\n" + cosigned);
            LockSupport.parkNanos(500_000_000); // polling a child process with a deadline
        }
    }

    /** Appends a copy of entry {@code like} without its body signature, and a head over it signed with the node key. */
    private long plantUnsigned(String like, String clientId) throws Exception {
        return PlantedEntries.plant(logData, stored -> {
            Entry signed = stored.stream().filter(e -> like.equals(e.clientId())).findFirst().orElse(null);
            assertThat(signed).as("the signed report in the store").isNotNull();
            assertThat(signed.payload().has("bodySignature")).isTrue();
            ObjectNode bare = ((ObjectNode) signed.payload()).deepCopy();
            bare.remove("bodySignature");
            bare.put("value", "77777").put("id", clientId);
            return new Entry(stored.size(), signed.recordedAt(), signed.type(), signed.author(), clientId, bare);
        });
    }

    // --- the processes ---

    private record Run(int exit, String output) {}

    private static List<String> witnessArgs(List<String> keys) {
        List<String> args = new ArrayList<>();
        keys.forEach(k -> args.addAll(List.of("--witness", k)));
        return args;
    }

    private Run mirror(Path data, String logKey, List<String> more) throws Exception {
        List<String> args = new ArrayList<>(List.of("mirror", "--log", "http://localhost:" + logPort, "--log-key", logKey,
                "--data", data.toString(), "--once"));
        args.addAll(more);
        return run(data.resolveSibling(data.getFileName() + ".out"), null, args.toArray(String[]::new));
    }

    private Run run(Path out, String stdin, String... args) throws Exception {
        Process p = start(out, stdin, args);
        if (!p.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", args) + " did not finish within " + WITHIN + ":\n" + Files.readString(out));
        }
        return new Run(p.exitValue(), Files.readString(out));
    }

    private Process start(Path output, String stdin, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(ServeNode.java(args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        pb.environment().put("TRUCE_METRICS_TOKEN", ServeNode.SCRAPE_TOKEN);
        pb.environment().put("TRUCE_ADMIN_TOKEN", ServeNode.ADMIN_TOKEN);
        Process p = pb.start();
        started.add(p);
        try (var in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + logPort + path)).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String bearer, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + logPort + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
