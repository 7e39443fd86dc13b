package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeyTest {
    private static final String ORIGIN = "truce.example/ledger";
    private static final byte[] ROOT = Hashes.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @TempDir
    Path dataDir;

    @Test
    void a_key_created_once_is_the_same_key_when_loaded_again() {
        NodeKey created = NodeKey.loadOrCreate(dataDir, ORIGIN);
        NodeKey loaded = NodeKey.loadOrCreate(dataDir, ORIGIN);

        assertThat(loaded.rawPublicKey()).isEqualTo(created.rawPublicKey()).hasSize(32);
        assertThat(loaded.verifierKey()).isEqualTo(created.verifierKey());
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 8, ROOT);
        assertThat(loaded.sign(checkpoint)).isEqualTo(created.sign(checkpoint));
    }

    @Test
    void keys_created_in_different_data_directories_differ(@TempDir Path otherDir) {
        assertThat(NodeKey.loadOrCreate(otherDir, ORIGIN).rawPublicKey())
                .isNotEqualTo(NodeKey.loadOrCreate(dataDir, ORIGIN).rawPublicKey());
    }

    @Test
    void the_private_key_file_is_readable_and_writable_by_its_owner_only() throws IOException {
        NodeKey.loadOrCreate(dataDir, ORIGIN);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("node-key.pk8"))))
                .isEqualTo("rw-------");
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("node-key.pk8", "node-key.pub");
        }
    }

    @Test
    void the_public_key_file_holds_the_verifier_key_and_a_newline() throws IOException {
        NodeKey key = NodeKey.loadOrCreate(dataDir, ORIGIN);

        assertThat(Files.readString(dataDir.resolve("node-key.pub"))).isEqualTo(key.verifierKey() + "\n");
        assertThat(key.verifierKey()).matches("truce\\.example/ledger\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}");
    }

    @Test
    void the_key_id_is_the_first_four_bytes_of_sha256_of_name_newline_type_and_key() throws Exception {
        NodeKey key = NodeKey.loadOrCreate(dataDir, ORIGIN);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((ORIGIN + "\n").getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x01);
        byte[] expectedId = Arrays.copyOf(sha256.digest(key.rawPublicKey()), 4);

        String[] vkey = key.verifierKey().split("\\+", 3);
        assertThat(vkey[1]).isEqualTo(Hashes.hex(expectedId));
        String signature = key.sign(new Checkpoint(ORIGIN, 1, ROOT)).lines().reduce((a, b) -> b).orElseThrow();
        byte[] blob = Base64.getDecoder().decode(signature.substring(signature.lastIndexOf(' ') + 1));
        assertThat(Arrays.copyOf(blob, 4)).isEqualTo(expectedId);
        assertThat(blob).hasSize(68);
    }

    @Test
    void a_signed_note_is_the_body_a_blank_line_and_one_em_dash_signature_line() {
        NodeKey key = NodeKey.loadOrCreate(dataDir, ORIGIN);
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 8, ROOT);

        String note = key.sign(checkpoint);

        assertThat(note).startsWith(checkpoint.body() + "\n\u2014 " + ORIGIN + " ").endsWith("=\n");
        assertThat(note.substring(checkpoint.body().length() + 1)).matches("\u2014 \\S+ [A-Za-z0-9+/]{91}=\n");
    }

    @Test
    void signing_the_same_checkpoint_twice_gives_byte_identical_notes() {
        NodeKey key = NodeKey.loadOrCreate(dataDir, ORIGIN);
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 42, ROOT);

        assertThat(key.sign(checkpoint).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(key.sign(new Checkpoint(ORIGIN, 42, ROOT.clone())).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_signed_checkpoint_verifies_with_the_published_verifier_key() {
        NodeKey key = NodeKey.loadOrCreate(dataDir, ORIGIN);
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 8, ROOT);

        assertThat(NoteVerifier.parse(key.verifierKey()).verify(key.sign(checkpoint))).isEqualTo(checkpoint);
    }

    @Test
    void a_checkpoint_of_another_origin_is_not_signed() {
        NodeKey key = NodeKey.loadOrCreate(dataDir, ORIGIN);

        assertThatThrownBy(() -> key.sign(new Checkpoint("elsewhere", 1, ROOT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("checkpoint origin \"elsewhere\" is not this key's name \"" + ORIGIN + "\"");
    }

    @Test
    void loading_a_key_under_another_name_fails_and_names_both() {
        NodeKey.loadOrCreate(dataDir, ORIGIN);

        assertThatThrownBy(() -> NodeKey.loadOrCreate(dataDir, "other.example/log"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + ORIGIN + "\"").hasMessageContaining("\"other.example/log\"");
    }

    @Test
    void a_public_key_file_that_belongs_to_another_key_is_detected(@TempDir Path otherDir) throws IOException {
        NodeKey.loadOrCreate(dataDir, ORIGIN);
        NodeKey.loadOrCreate(otherDir, ORIGIN);
        Files.copy(otherDir.resolve("node-key.pub"), dataDir.resolve("node-key.pub"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> NodeKey.loadOrCreate(dataDir, ORIGIN)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not belong to");
    }

    @Test
    void a_missing_public_key_file_is_reported_rather_than_replaced() throws IOException {
        NodeKey.loadOrCreate(dataDir, ORIGIN);
        Files.delete(dataDir.resolve("node-key.pub"));

        assertThatThrownBy(() -> NodeKey.loadOrCreate(dataDir, ORIGIN)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("node-key.pub is missing");
    }

    @Test
    void key_names_with_spaces_or_plus_signs_are_refused() {
        assertThatThrownBy(() -> NodeKey.loadOrCreate(dataDir, "a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeKey.loadOrCreate(dataDir, "a+b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeKey.loadOrCreate(dataDir, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
