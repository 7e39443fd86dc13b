package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CosignerKeyTest {
    private static final Checkpoint CHECKPOINT =
            new Checkpoint("example.com/behind-the-sofa", 20852163, Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));

    @TempDir Path dir;

    @Test
    void a_cosignature_verifies_with_its_timestamp_and_only_for_its_checkpoint() {
        CosignerKey key = CosignerKey.loadOrCreate(dir, "witness.example/w1");
        Cosigner cosigner = Cosigner.parse(key.verifierKey());
        String line = key.cosign(CHECKPOINT, 1679315147);

        assertThat(line).startsWith("\u2014 witness.example/w1 ").endsWith("\n");
        assertThat(cosigner.verify(CHECKPOINT, line)).hasValue(1679315147);
        Checkpoint other = new Checkpoint(CHECKPOINT.origin(), CHECKPOINT.size() + 1, CHECKPOINT.rootHash());
        assertThat(cosigner.verify(other, line)).isEmpty();
    }

    @Test
    void the_signed_message_and_the_line_are_as_c2sp_tlog_cosignature_says() throws Exception {
        CosignerKey key = CosignerKey.loadOrCreate(dir, "witness.example/w1");
        String vkey = key.verifierKey();
        byte[] typed = Base64.getDecoder().decode(vkey.split("\\+", 3)[2]);
        assertThat(typed[0]).isEqualTo((byte) 0x04);
        byte[] raw = Arrays.copyOfRange(typed, 1, typed.length);
        byte[] expectedId = Arrays.copyOf(Hashes.sha256(ByteBuffer.allocate(20 + 32)
                .put("witness.example/w1\n".getBytes(StandardCharsets.UTF_8)).put((byte) 0x04).put(raw).array()), 4);

        String line = key.cosign(CHECKPOINT, 1679315147);
        byte[] blob = Base64.getDecoder().decode(line.strip().substring("\u2014 witness.example/w1 ".length()));
        assertThat(blob).hasSize(4 + 8 + 64);
        assertThat(Arrays.copyOf(blob, 4)).isEqualTo(expectedId);
        assertThat(ByteBuffer.wrap(blob, 4, 8).getLong()).isEqualTo(1679315147L);
        // checked with the JDK against the message spelled out in the spec
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(NoteFormat.publicKey(raw));
        jdk.update(("cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\n"
                + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n").getBytes(StandardCharsets.UTF_8));
        assertThat(jdk.verify(Arrays.copyOfRange(blob, 12, blob.length))).isTrue();
    }

    @Test
    void a_changed_timestamp_another_key_or_a_log_signature_does_not_count() {
        CosignerKey key = CosignerKey.loadOrCreate(dir.resolve("a"), "witness.example/w1");
        CosignerKey impostor = CosignerKey.loadOrCreate(dir.resolve("b"), "witness.example/w1");
        Cosigner cosigner = Cosigner.parse(key.verifierKey());
        byte[] blob = Base64.getDecoder().decode(key.cosign(CHECKPOINT, 1679315147).strip().split(" ")[2]);
        blob[11] ^= 1;
        String retimed = "\u2014 witness.example/w1 " + Base64.getEncoder().encodeToString(blob) + "\n";

        assertThat(cosigner.verify(CHECKPOINT, retimed)).isEmpty();
        assertThat(cosigner.verify(CHECKPOINT, impostor.cosign(CHECKPOINT, 1679315147))).isEmpty();
        assertThat(cosigner.verify(CHECKPOINT, "\u2014 witness.example/w1 not-base64\n")).isEmpty();
    }

    @Test
    void the_key_is_kept_and_loaded_again_under_its_name_only() throws Exception {
        CosignerKey first = CosignerKey.loadOrCreate(dir, "witness.example/w1");
        assertThat(CosignerKey.loadOrCreate(dir, "witness.example/w1").verifierKey()).isEqualTo(first.verifierKey());
        assertThat(Files.readString(dir.resolve(CosignerKey.PUBLIC_FILE)).strip()).isEqualTo(first.verifierKey());
        assertThatThrownBy(() -> CosignerKey.loadOrCreate(dir, "other.example/w2"))
                .hasMessageContaining("named \"witness.example/w1\"");
        assertThatThrownBy(() -> Cosigner.parse(first.verifierKey().replace("+", "+0")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
