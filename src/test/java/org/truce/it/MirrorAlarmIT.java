package org.truce.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.mirror.LogClient;
import org.truce.support.TamperingProxy;
import org.truce.support.TestNode;

/**
 * A log that serves its published bulletins other than its own ledger renders them, caught by a
 * mirror, on real processes over HTTP: {@code truce serve --demo} as the log, a proxy in this test
 * before it that changes one byte of one publication's English text and answers 404 for another's
 * German text (the log's entries, checkpoints and JSON pass unchanged), and {@code truce mirror --once}
 * reading the log through the proxy. The mirror recomputes every publication from its copy and names
 * both, by address, with exit status 1 and an ERROR line each; every other publication matches.
 */
class MirrorAlarmIT {
    private static final Duration MIRROR_WITHIN = Duration.ofMinutes(10);
    @TempDir
    Path dir;

    @Test
    void a_bulletin_served_with_one_byte_changed_and_one_no_longer_served_are_alarms_of_the_mirror() throws Exception {
        try (ServeNode log = new ServeNode("log", dir.resolve("log"), null)) {
            log.start("--demo");
            String logKey = Files.readString(log.data.resolve("node-key.pub")).strip();
            JsonNode listed = TestNode.JSON.readTree(log.get("/api/v1/publications?limit=1000").body()).path("items");
            assertThat(listed.size()).isGreaterThanOrEqualTo(2);
            String changedPath = bulletinPath(listed.get(0), "en");
            String missingPath = bulletinPath(listed.get(listed.size() - 1), "de");
            byte[] original = log.get(changedPath).body().getBytes(StandardCharsets.UTF_8);
            int at = firstDigit(original);

            try (TamperingProxy proxy = TamperingProxy.start(log.uri("").toString(), (path, answer) -> {
                if (path.equals(changedPath)) {
                    byte[] body = answer.body().clone();
                    body[at] = (byte) (body[at] == '9' ? '8' : body[at] + 1);
                    return new TamperingProxy.Answer(answer.status(), answer.contentType(), body);
                }
                if (path.equals(missingPath)) return new TamperingProxy.Answer(404, "text/plain", "gone".getBytes(StandardCharsets.UTF_8));
                return answer;
            })) {
                Path out = dir.resolve("mirror.out");
                // --public-url: the log's own address, which its renderings print (a reader of the proxy would be told the log's)
                Process mirror = new ProcessBuilder(ServeNode.java("mirror", "--log", proxy.base(), "--log-key", logKey,
                        "--data", dir.resolve("mirror").toString(), "--once", "--quorum", "0", "--formats", "json,text",
                        "--public-url", log.uri("").toString()))
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
                try {
                    assertThat(mirror.waitFor(MIRROR_WITHIN.toSeconds(), TimeUnit.SECONDS)).as("the mirror finished").isTrue();
                } finally {
                    mirror.destroyForcibly();
                }
                String output = Files.readString(out);

                assertThat(proxy.changed()).as(output).isEqualTo(2);
                assertThat(mirror.exitValue()).as(output).isEqualTo(1);
                assertThat(output).contains("ALARM BULLETIN_DIFFERS at " + changedPath + ": first difference at byte " + at + " ");
                assertThat(output).contains("ALARM BULLETIN_MISSING at " + missingPath + ": the log lists the publication at seq "
                        + listed.get(listed.size() - 1).path("seq").asLong() + " but answers 404");
                assertThat(output).contains("ERROR org.truce.mirror.Mirror - mirror alarm: BULLETIN_DIFFERS at " + changedPath)
                        .contains("ERROR org.truce.mirror.Mirror - mirror alarm: BULLETIN_MISSING at " + missingPath);
                // the others were recomputed identically: only the two lies are named
                assertThat(output.lines().filter(l -> l.startsWith("ALARM")).toList()).hasSize(2);
                assertThat(output).contains((listed.size() - 2) + " publications verified");
            }
        }
    }

    /** The address the mirror asks for the publication's text in {@code lang}. */
    private static String bulletinPath(JsonNode publication, String lang) {
        return LogClient.bulletinPath(java.time.LocalDate.parse(publication.path("date").asText()), publication.path("size").asLong(),
                lang, "text");
    }

    private static int firstDigit(byte[] text) {
        for (int i = 0; i < text.length; i++) {
            if (text[i] >= '0' && text[i] <= '9') return i;
        }
        throw new AssertionError("a bulletin without a digit");
    }
}
