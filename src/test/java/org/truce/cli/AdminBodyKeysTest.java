package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.app.Truce;
import org.truce.ingest.DemoDataset;
import org.truce.support.BodySigner;

/** {@code truce admin body-key}: registration, rotation, revocation and the listing, in the ledger of a data directory. */
class AdminBodyKeysTest {
    @TempDir
    Path data;

    @BeforeEach
    void declareTheDemoSources() {
        try (Truce truce = Truce.open(data, Clock.systemUTC())) {
            DemoDataset.load(truce.recorder());
        }
    }

    @Test
    void a_key_is_registered_rotated_and_revoked_and_each_step_is_listed() throws Exception {
        BodySigner first = new BodySigner("am-government");
        BodySigner second = new BodySigner("am-government");
        Path file = data.resolve("am.pub");
        Files.writeString(file, first.key.verifierKey() + "\n");

        CliRun reg = CliRun.of("admin", "body-key", "register", "--data", data.toString(), "--body", "am-government", "--key", file.toString());
        assertThat(reg.code()).as(reg.err()).isZero();
        assertThat(reg.out()).contains("Registered key " + first.key.keyId() + " of am-government at seq ");
        CliRun again = CliRun.of("admin", "body-key", "register", "--data", data.toString(), "--body", "am-government", "--key", file.toString());
        assertThat(again.out()).contains("(already at seq ");
        CliRun rot = CliRun.of("admin", "body-key", "register", "--data", data.toString(), "--body", "am-government", "--key", second.rawBase64());
        assertThat(rot.code()).isZero();
        CliRun rev = CliRun.of("admin", "body-key", "revoke", "--data", data.toString(), "--body", "am-government",
                "--key-id", second.key.keyId(), "--reason", "rotated by mistake");
        assertThat(rev.code()).as(rev.err()).isZero();

        CliRun list = CliRun.of("admin", "body-key", "list", "--data", data.toString());
        assertThat(list.out().lines().filter(l -> l.startsWith("am-government\t")).toList()).hasSize(2);
        assertThat(list.out()).contains(first.key.keyId() + "\tafter seq ").contains("(rotated)").contains("(revoked: rotated by mistake)");

        CliRun bad = CliRun.of("admin", "body-key", "register", "--data", data.toString(), "--body", "nobody", "--key", second.rawBase64());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("body unknown body: nobody");
    }
}
