package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.ledger.CosignerKey;
import org.truce.support.TestNode;

/**
 * {@code truce mirror}'s quorum, against a real node over HTTP whose checkpoints no witness cosigns:
 * given {@code --witness} keys and no {@code --quorum}, the mirror asks for all of them (as
 * {@code truce verify} does) and refuses the uncosigned checkpoint; {@code --quorum 0} is the reader's
 * explicit choice to ask for none.
 */
class MirrorQuorumTest {
    @TempDir
    Path dir;

    @Test
    void a_mirror_given_witnesses_and_no_quorum_refuses_a_checkpoint_none_of_them_cosigned() {
        try (TestNode node = new TestNode(dir.resolve("node"), false)) {
            var declared = node.post("/api/v1/metrics", "{\"id\":\"mirror_quorum\",\"unit\":\"people\","
                    + "\"names\":{\"en\":\"people counted in a test\"}}");
            assertThat(declared.status()).as(declared.body()).isBetween(200, 201);
            String logKey = node.truce.ledger().verifierKey();
            String w1 = CosignerKey.loadOrCreate(dir.resolve("w1"), "witness.one.example").verifierKey();
            String w2 = CosignerKey.loadOrCreate(dir.resolve("w2"), "witness.two.example").verifierKey();

            CliRun refused = CliRun.of("mirror", "--log", node.base(), "--log-key", logKey, "--witness", w1, "--witness", w2,
                    "--data", dir.resolve("mirror-a").toString(), "--once", "--formats", "json");

            assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(1);
            assertThat(refused.out()).contains("ALARM BAD_SIGNATURE at the checkpoint served by " + node.base()
                    + ": the checkpoint of size 1 carries valid cosignatures of 0 known witnesses [], fewer than the quorum of 2");
            assertThat(refused.out()).contains("no checkpoint accepted");
            assertThat(dir.resolve("mirror-a").resolve("checkpoint.note")).doesNotExist();

            CliRun none = CliRun.of("mirror", "--log", node.base(), "--log-key", logKey, "--witness", w1, "--witness", w2,
                    "--quorum", "0", "--data", dir.resolve("mirror-b").toString(), "--once", "--formats", "json");

            assertThat(none.code()).as(none.out() + none.err()).isZero();
            assertThat(none.out()).contains("checkpoint size 1 (root ").contains("0 alarms.");
        }
    }
}
