package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NoteVerifierTest {
    // The example of golang.org/x/mod/sumdb/note (note_test.go), the reference implementation.
    private static final String GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_SEED = "gQoUAtUUbI2E8kQzMPVAgOv5juF9nHT2JS/F1ccoMXM=";
    private static final String GO_TEXT =
            "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static final String ORIGIN = "truce.example/ledger";
    private static final byte[] ROOT = Hashes.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    private static final Checkpoint CHECKPOINT = new Checkpoint(ORIGIN, 8, ROOT);

    @TempDir
    Path dataDir;
    private NodeKey key;
    private NoteVerifier verifier;

    @BeforeEach
    void createKey() {
        key = NodeKey.loadOrCreate(dataDir, ORIGIN);
        verifier = NoteVerifier.parse(key.verifierKey());
    }

    @Test
    void the_reference_implementations_example_note_verifies_with_its_key() {
        assertThat(NoteVerifier.parse(GO_VKEY).verifiedBody(GO_NOTE)).isEqualTo(GO_TEXT);
        assertThatThrownBy(() -> NoteVerifier.parse(GO_VKEY).verifiedBody(GO_NOTE.replace("cryptography", "cryptographY")))
                .hasMessageStartingWith("bad signature by PeterNeumann c74f20a3");
    }

    @Test
    void the_reference_implementations_example_key_signs_its_example_note_byte_for_byte(@TempDir Path goDir)
            throws IOException {
        // PKCS#8 wrapping of a raw Ed25519 seed: a fixed 16-byte header, then the 32 bytes.
        byte[] seed = Base64.getDecoder().decode(GO_SEED);
        byte[] pkcs8 = ByteBuffer.allocate(48).put(Hashes.fromHex("302e020100300506032b657004220420")).put(seed).array();
        Files.write(goDir.resolve("node-key.pk8"), pkcs8);
        Files.writeString(goDir.resolve("node-key.pub"), GO_VKEY + "\n");

        NodeKey goKey = NodeKey.loadOrCreate(goDir, "PeterNeumann");

        assertThat(goKey.verifierKey()).isEqualTo(GO_VKEY);
        assertThat(goKey.signBody(GO_TEXT)).isEqualTo(GO_NOTE);
    }

    @Test
    void a_verifier_key_prints_back_as_it_was_given() {
        assertThat(NoteVerifier.parse(GO_VKEY).verifierKey()).isEqualTo(GO_VKEY);
        assertThat(NoteVerifier.parse(GO_VKEY).name()).isEqualTo("PeterNeumann");
    }

    @Test
    void a_note_with_one_byte_of_its_body_changed_does_not_verify() {
        String note = key.sign(CHECKPOINT);
        for (int i = 0; i < CHECKPOINT.body().length() - 1; i++) {
            char[] chars = note.toCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            String changed = new String(chars);
            assertThatThrownBy(() -> verifier.verify(changed)).as("byte %d changed", i)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_note_claiming_another_size_or_root_does_not_verify() {
        String note = key.sign(CHECKPOINT);
        String signatureLine = note.substring(CHECKPOINT.body().length());
        String otherSize = new Checkpoint(ORIGIN, 9, ROOT).body() + signatureLine;
        byte[] otherRoot = ROOT.clone();
        otherRoot[31] ^= 1;
        String otherRootNote = new Checkpoint(ORIGIN, 8, otherRoot).body() + signatureLine;

        assertThatThrownBy(() -> verifier.verify(otherSize)).hasMessageStartingWith("bad signature by " + ORIGIN);
        assertThatThrownBy(() -> verifier.verify(otherRootNote)).hasMessageStartingWith("bad signature by " + ORIGIN);
    }

    @Test
    void a_note_signed_by_another_key_of_the_same_name_does_not_verify(@TempDir Path otherDir) {
        NodeKey impostor = NodeKey.loadOrCreate(otherDir, ORIGIN);

        assertThatThrownBy(() -> verifier.verify(impostor.sign(CHECKPOINT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no signature by " + ORIGIN);
    }

    @Test
    void a_note_verifies_when_any_of_its_signature_lines_is_by_this_key(@TempDir Path otherDir) {
        String other = NodeKey.loadOrCreate(otherDir, ORIGIN).sign(CHECKPOINT);
        String cosigned = other + key.sign(CHECKPOINT).substring(CHECKPOINT.body().length() + 1);

        assertThat(verifier.verify(cosigned)).isEqualTo(CHECKPOINT);
    }

    @Test
    void a_signature_line_with_this_keys_id_but_a_wrong_signature_is_a_bad_signature() {
        String note = key.sign(CHECKPOINT);
        int blobStart = note.lastIndexOf(' ') + 1;
        byte[] blob = Base64.getDecoder().decode(note.substring(blobStart, note.length() - 1));
        blob[10] ^= 1;
        String forged = note.substring(0, blobStart) + Base64.getEncoder().encodeToString(blob) + "\n";

        assertThatThrownBy(() -> verifier.verify(forged)).hasMessageStartingWith("bad signature by " + ORIGIN);
    }

    static Stream<String> malformedNotes() {
        String body = CHECKPOINT.body();
        return Stream.of(
                "",
                body,
                body + "\n",
                body + "\n\u2014 " + ORIGIN + " AAAA",
                body + "\n- " + ORIGIN + " AAAAAAAAAAAAAAAA\n",
                body + "\n\u2014 " + ORIGIN + " not*base64\n",
                body + "\n\u2014  AAAAAAAAAAAAAAAA\n",
                body + "\n\u2014 " + ORIGIN + " AAAA\n");
    }

    @ParameterizedTest
    @MethodSource("malformedNotes")
    void malformed_notes_are_refused_as_malformed(String note) {
        assertThatThrownBy(() -> verifier.verify(note)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed note");
    }

    @Test
    void a_signed_note_whose_body_is_not_a_checkpoint_is_refused() {
        assertThatThrownBy(() -> verifier.verify(key.signBody("hello\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checkpoint");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "PeterNeumann",
        "PeterNeumann+c74f20a3",
        "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T",
        "PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW+",
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+!!!",
    })
    void malformed_verifier_keys_are_refused_with_the_reason(String vkey) {
        assertThatThrownBy(() -> NoteVerifier.parse(vkey)).isInstanceOf(IllegalArgumentException.class)
                .message().isNotBlank();
    }

    @Test
    void a_verifier_key_whose_id_does_not_match_its_key_is_refused_with_both_ids() {
        assertThatThrownBy(() -> NoteVerifier.parse(GO_VKEY.replace("c74f20a3", "c74f20a4")))
                .hasMessage("verifier key id c74f20a4 does not match the key, which has id c74f20a3");
    }

    @Test
    void the_em_dash_of_the_signature_line_is_encoded_as_utf8() {
        String note = key.sign(CHECKPOINT);
        byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
        int at = CHECKPOINT.body().getBytes(StandardCharsets.UTF_8).length + 1;

        assertThat(new byte[] {bytes[at], bytes[at + 1], bytes[at + 2]})
                .isEqualTo(new byte[] {(byte) 0xe2, (byte) 0x80, (byte) 0x94});
    }
}
