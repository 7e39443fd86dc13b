package org.truce.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.Cosigner;

/**
 * A split view caught: one log key signs two different trees of the same size and shows one to each of
 * two witnesses (real {@code truce witness} processes over HTTP). Each cosigns the tree it saw first
 * and refuses the other's (422), keeping both signed checkpoints; {@code truce verify --evidence}
 * (a process too) then proves the fork from either witness's file.
 */
class SplitViewTest {
    @TempDir
    Path dir;

    @Test
    void two_witnesses_shown_two_trees_of_one_size_refuse_each_others_and_the_evidence_proves_the_fork() throws Exception {
        TestLog seen = new TestLog(dir.resolve("log"), "the history shown to A", 30);
        TestLog other = new TestLog(dir.resolve("log"), "the history shown to B", 30);
        try (WitnessProcess a = new WitnessProcess(dir.resolve("a"), "test.local/a", seen.key.verifierKey());
             WitnessProcess b = new WitnessProcess(dir.resolve("b"), "test.local/b", seen.key.verifierKey())) {
            assertThat(a.addCheckpoint(seen.body(0, 20)).statusCode()).isEqualTo(200);
            assertThat(b.addCheckpoint(other.body(0, 20)).statusCode()).isEqualTo(200);
            HttpResponse<String> cosigned = a.addCheckpoint(seen.body(20, 30));
            assertThat(cosigned.statusCode()).isEqualTo(200);
            assertThat(Cosigner.parse(a.verifierKey).verify(seen.checkpoint(30), cosigned.body())).isPresent();
            assertThat(b.addCheckpoint(other.body(20, 30)).statusCode()).isEqualTo(200);

            HttpResponse<String> toA = a.addCheckpoint(other.body(30, 30));
            HttpResponse<String> toB = b.addCheckpoint(seen.body(30, 30));

            assertThat(toA.statusCode()).as(toA.body()).isEqualTo(422);
            assertThat(toB.statusCode()).as(toB.body()).isEqualTo(422);
            assertThat(toA.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(a.checkpoint(TestLog.ORIGIN).body()).startsWith(seen.note(30));
            assertThat(b.checkpoint(TestLog.ORIGIN).body()).startsWith(other.note(30));
            for (WitnessProcess w : new WitnessProcess[] {a, b}) {
                assertThat(w.evidence()).hasSize(1);
                Path key = Files.writeString(dir.resolve("log.pub"), seen.key.verifierKey() + "\n");
                WitnessProcess.Result verify = WitnessProcess.truce(dir.resolve(w.name.replace('/', '-') + "-verify.log"),
                        "verify", "--evidence", w.evidence().get(0).toString(), "--log-key", key.toString());
                assertThat(verify.code()).as(verify.output()).isEqualTo(1);
                assertThat(verify.output()).contains("PROVEN: the log test.local/log signed two different trees of size 30")
                        .contains("Evidence kept by witness " + w.name);
            }
        }
    }
}
