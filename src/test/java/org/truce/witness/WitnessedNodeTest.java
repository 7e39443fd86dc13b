package org.truce.witness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.bulletin.Witnessed;
import org.truce.ledger.CosignerKey;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/**
 * A real node (HTTP on a random port, SQLite) configured with three real witness processes: it gets
 * each new head cosigned by all three over the C2SP protocol, serves the cosigned checkpoint, names
 * the witnesses in its head, keeps their cosignatures across a restart (and, having lost them, is told
 * each witness's size and proves consistency from there); a publication records them; {@code truce verify} accepts
 * the checkpoint with k of n cosignatures and names the missing and the bad ones.
 */
class WitnessedNodeTest {
    static final Duration DEADLINE = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void the_node_gets_cosignatures_from_three_witnesses_serves_them_and_verify_counts_them() throws Exception {
        Path kept = dir.resolve("kept.note");
        try (WitnessedNode setup = new WitnessedNode(dir)) {
            long size;
            try (TestNode node = setup.start()) {
                for (int i = 0; i < 2; i++) {
                    var r = Reports.valid("00000000-0000-4000-8000-00000000070" + i).put("asOf", "2021-01-2" + i);
                    assertThat(node.post("/api/v1/reports", r.toString()).status()).isEqualTo(201);
                }
                size = node.truce.ledger().size();
                Optional<String> cosigned = node.truce.cosigning().awaitCosigned(size, 3, DEADLINE);
                assertThat(cosigned).as("three cosignatures of size " + size).isPresent();

                TestNode.Response checkpoint = node.get("/api/v1/ledger/checkpoint");
                assertThat(checkpoint.status()).isEqualTo(200);
                assertThat(checkpoint.contentType()).startsWith("text/plain");
                assertThat(checkpoint.body()).isEqualTo(cosigned.get()).startsWith(node.truce.ledger().latestSignedHead());
                Quorum q = Quorum.of(checkpoint.body(), setup.cosigners(), 3);
                assertThat(q.met()).as(q.toString()).isTrue();
                Files.writeString(kept, checkpoint.body());

                JsonNode head = node.get("/api/v1/ledger/head").json();
                List<String> names = new ArrayList<>();
                head.path("cosignatures").forEach(c -> names.add(c.path("witness").asText()));
                assertThat(names).containsExactlyElementsOf(WitnessedNode.NAMES);
                head.path("cosignatures").forEach(c -> assertThat(c.path("timestamp").asLong()).isPositive());
                assertThat(head.at("/cosignatures/1/source").asText()).isEqualTo("unhcr");

                for (WitnessProcess w : setup.witnesses) {
                    assertThat(w.checkpoint(node.truce.ledger().origin()).body()).startsWith(node.truce.ledger().signedHeadAt(size));
                }
            }
            try (TestNode again = setup.start()) {
                Quorum q = Quorum.of(again.get("/api/v1/ledger/checkpoint").body(), setup.cosigners(), 3);
                assertThat(q.met()).as("the cosignatures kept in the data directory, before any witness is asked again").isTrue();
                assertThat(q.checkpoint().size()).isEqualTo(size);

                String secretariat = again.account("jmc", "ru-tr-joint-monitoring-centre", "secr", Role.SECRETARIAT);
                TestNode.Response published = again.post("/api/v1/publications", "{\"date\":\"2021-01-11\"}", secretariat);
                assertThat(published.status()).as(published.body()).isEqualTo(201);
                Witnessed record = again.truce.publications().all().stream()
                        .filter(p -> p.clientId().equals(published.json().get("id").asText())).findFirst().orElseThrow().witnessed();
                assertThat(record.size()).as("a checkpoint at or beyond the publication's size").isGreaterThanOrEqualTo(size);
                assertThat(record.by()).extracting(Witnessed.Cosigned::source).containsExactlyElementsOf(WitnessedNode.SOURCES);
                assertThat(Quorum.of(record.note(), setup.cosigners(), 3).met()).isTrue();
            }
            deleteTree(setup.nodeDir.resolve("witnessed"));
            try (TestNode forgetful = setup.start()) {
                var r = Reports.valid("00000000-0000-4000-8000-000000000702").put("asOf", "2021-01-23");
                assertThat(forgetful.post("/api/v1/reports", r.toString()).status()).isEqualTo(201);
                long now = forgetful.truce.ledger().size();
                assertThat(forgetful.truce.cosigning().awaitCosigned(now, 3, DEADLINE))
                        .as("a node that lost its record asks with old size 0, is told each witness's size (409) and proves consistency from there")
                        .isPresent();
            }
            Path key = Files.writeString(dir.resolve("node.pub"), setup.nodeKey + "\n");
            List<String> args = new ArrayList<>(List.of("verify", "--data", setup.nodeDir.toString(), "--public-key", key.toString(),
                    "--checkpoint", kept.toString()));
            for (WitnessProcess w : setup.witnesses) args.addAll(List.of("--witness", w.verifierKey));
            List<String> two = new ArrayList<>(args);
            two.addAll(List.of("--quorum", "2"));
            WitnessProcess.Result ok = WitnessProcess.truce(dir.resolve("verify-ok.log"), two.toArray(String[]::new));
            assertThat(ok.code()).as(ok.output()).isZero();
            assertThat(ok.output()).contains("3 of 3 witnesses, quorum 2: OK").contains("cosigned by witness.un.example at ");

            List<String> reader = new ArrayList<>(two);
            reader.set(reader.indexOf(setup.nodeDir.toString()), dir.resolve("no-store").toString());
            WitnessProcess.Result alone = WitnessProcess.truce(dir.resolve("verify-reader.log"), reader.toArray(String[]::new));
            assertThat(alone.code()).as(alone.output()).isZero();
            assertThat(alone.output()).contains("OK: every checkpoint is signed by the log and cosigned by the quorum (no store was checked).");

            String stranger = CosignerKey.loadOrCreate(dir.resolve("stranger"), "witness.stranger.example").verifierKey();
            List<String> four = new ArrayList<>(args);
            four.addAll(List.of("--witness", stranger, "--quorum", "4"));
            WitnessProcess.Result missing = WitnessProcess.truce(dir.resolve("verify-missing.log"), four.toArray(String[]::new));
            assertThat(missing.code()).as(missing.output()).isEqualTo(1);
            assertThat(missing.output()).contains("3 of 4 witnesses, quorum 4: FAILED")
                    .contains("MISSING: no cosignature by witness.stranger.example");

            Path tampered = dir.resolve("tampered.note");
            Files.writeString(tampered, tamper(Files.readString(kept), "witness.un.example"));
            List<String> bad = new ArrayList<>(args);
            bad.set(bad.indexOf(kept.toString()), tampered.toString());
            bad.addAll(List.of("--quorum", "3"));
            WitnessProcess.Result wrong = WitnessProcess.truce(dir.resolve("verify-bad.log"), bad.toArray(String[]::new));
            assertThat(wrong.code()).as(wrong.output()).isEqualTo(1);
            assertThat(wrong.output()).contains("2 of 3 witnesses, quorum 3: FAILED")
                    .contains("BAD: the cosignature in the name of witness.un.example does not verify");
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** The note with one bit of the named witness's signature flipped. */
    static String tamper(String note, String witness) {
        String prefix = "\u2014 " + witness + " ";
        StringBuilder out = new StringBuilder();
        for (String line : note.split("\n", -1)) {
            if (line.startsWith(prefix)) {
                byte[] blob = java.util.Base64.getDecoder().decode(line.substring(prefix.length()));
                blob[blob.length - 1] ^= 1;
                line = prefix + java.util.Base64.getEncoder().encodeToString(blob);
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

}
