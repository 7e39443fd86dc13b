package org.truce.cli;

import org.truce.record.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.app.Truce;
import org.truce.figures.Fact;
import org.truce.catalog.Role;
import org.truce.catalog.Source;
import org.truce.ledger.NoteVerifier;
import org.truce.ledger.PredecessorKeys;
import org.truce.web.WebApp;
import picocli.CommandLine;

/**
 * Backup and restore through the real commands: the demo exported, imported into a fresh data
 * directory, served there with the same root and the same bulletins; a tampered file and a non-empty
 * target are refused and write nothing; the new node signs with its own key and still verifies.
 */
class BackupRestoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path original;
    static Path export;
    static Path keys;

    @BeforeAll
    static void exportTheDemo() {
        original = tmp.resolve("original");
        try (Truce truce = Truce.open(original, Clock.systemUTC())) {
            truce.loadDemo();
        }
        export = tmp.resolve("ledger.jsonl");
        keys = tmp.resolve("keys.backup");
        assertThat(run("export", "--ledger", "--data", original.toString(), "--out", export.toString(), "--keys", keys.toString()).code)
                .isZero();
    }

    @Test
    void the_keys_are_written_owner_only_apart_from_the_ledger() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rw-------");
        assertThat(Files.readString(export)).doesNotContain("keys.db");
    }

    @Test
    void an_import_into_a_fresh_directory_serves_the_same_root_and_the_same_bulletins() throws Exception {
        Path restored = tmp.resolve("restored");
        assertThat(run("import", "--ledger", export.toString(), "--data", restored.toString(), "--keys", keys.toString()).code).isZero();
        assertThat(run("verify", "--data", restored.toString()).code).isZero();

        Served before = serve(original);
        Served after = serve(restored);
        assertThat(after.head.get("root").asText()).isEqualTo(before.head.get("root").asText());
        assertThat(after.head.get("size").asLong()).isEqualTo(before.head.get("size").asLong());
        assertThat(after.head.get("verifierKey").asText()).isNotEqualTo(before.head.get("verifierKey").asText());
        NoteVerifier.parse(after.head.get("verifierKey").asText()).verify(after.head.get("signedNote").asText());
        for (int i = 0; i < before.bulletins.size(); i++) {
            // byte for byte, but for the signature line of the checkpoint: each node signs with its own key
            assertThat(withoutSignature(after.bulletins.get(i))).isEqualTo(withoutSignature(before.bulletins.get(i)));
            assertThat(after.bulletins.get(i)).isNotEqualTo(before.bulletins.get(i));
        }
    }

    @Test
    void the_restored_node_appends_under_its_own_key_and_verify_checks_both_keys() {
        Path restored = tmp.resolve("appending");
        assertThat(run("import", "--ledger", export.toString(), "--data", restored.toString()).code).isZero();
        long size;
        try (Truce truce = Truce.open(restored, Clock.systemUTC())) {
            Outcome outcome = truce.recorder().record(new Fact.SourceDeclared(new Source("restored-node-source",
                    EnumSet.of(Role.PARTY), null, Map.of("en", "a source declared after the restore"), List.of())), "restore-test");
            assertThat(outcome).isInstanceOf(Outcome.Done.class);
            size = truce.ledger().size();
        }
        assertThat(PredecessorKeys.read(restored)).hasSize(1);
        Ran verify = run("verify", "--data", restored.toString());
        assertThat(verify.code).as(verify.out).isZero();
        assertThat(verify.out).contains("OK: " + size + " entries");
    }

    @Test
    void an_import_into_a_store_that_holds_entries_is_refused_and_writes_nothing() throws Exception {
        long size = Files.size(original.resolve("truce.db"));
        Ran ran = run("import", "--ledger", export.toString(), "--data", original.toString());
        assertThat(ran.code).isNotZero();
        assertThat(ran.error).contains("refusing to import").contains("already holds").contains("empty store");
        assertThat(Files.size(original.resolve("truce.db"))).isEqualTo(size);
    }

    @Test
    void a_tampered_export_is_refused_naming_the_line_and_nothing_is_imported() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        JsonNode entry = JSON.readTree(lines.get(5));
        String bytes = new String(java.util.Base64.getDecoder().decode(entry.get("bytes").asText()), StandardCharsets.UTF_8);
        String edited = bytes.replaceFirst("\"recordedAt\":\"", "\"recordedAt\":\"1");
        assertThat(edited).isNotEqualTo(bytes);
        lines.set(5, lines.get(5).replace(entry.get("bytes").asText(),
                java.util.Base64.getEncoder().encodeToString(edited.getBytes(StandardCharsets.UTF_8))));
        Path tampered = tmp.resolve("tampered.jsonl");
        Files.write(tampered, lines);
        Path target = tmp.resolve("tampered-target");

        Ran ran = run("import", "--ledger", tampered.toString(), "--data", target.toString());

        assertThat(ran.code).isNotZero();
        assertThat(ran.error).contains("line 6");
        try (Truce truce = Truce.open(target, Clock.systemUTC())) {
            assertThat(truce.ledger().size()).isZero();
        }
    }

    private static String withoutSignature(String json) {
        return json.replaceAll("\\\\n\u2014 [^ ]+ [A-Za-z0-9+/=]+\\\\n", "\\\\n");
    }

    private record Served(JsonNode head, List<String> bulletins) {}

    private static Served serve(Path dataDir) throws Exception {
        try (Truce truce = Truce.open(dataDir, Clock.systemUTC())) {
            Javalin app = WebApp.create(truce, null).start(0);
            try {
                String base = "http://localhost:" + app.port() + "/api/v1";
                JsonNode head = JSON.readTree(get(base + "/ledger/head"));
                List<String> bulletins = new ArrayList<>();
                for (String lang : List.of("en", "hy")) bulletins.add(get(base + "/bulletins/2021-01-11?lang=" + lang));
                return new Served(head, bulletins);
            } finally {
                app.stop();
            }
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = org.truce.support.TestNode.HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private record Ran(int code, String out, String error) {}

    private static Ran run(String... args) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.StringWriter();
        java.io.PrintStream saved = System.out;
        String[] failure = {""};
        int code;
        try {
            System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cmd = new CommandLine(new Main()).setErr(new java.io.PrintWriter(err, true))
                    .setExecutionExceptionHandler((e, c, parsed) -> {
                        failure[0] = String.valueOf(e.getMessage());
                        return 2;
                    });
            code = cmd.execute(args);
        } finally {
            System.setOut(saved);
        }
        return new Ran(code, out.toString(StandardCharsets.UTF_8), failure[0] + err);
    }
}
