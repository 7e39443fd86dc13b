package org.truce.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Sealing restricted personal data under a case key: AES-256-GCM bound to the case, HMAC for retries. */
class PersonalDataSealerTest {

    private static final byte[] NAME = "Ani Petrosyan, born 1987".getBytes(StandardCharsets.UTF_8);

    private final SecureRandom random = seeded(20210111);
    private final PersonalDataSealer sealer = new PersonalDataSealer(random);
    private final DataKey key = DataKey.generate(random);

    @Test
    void sealed_data_opens_to_the_same_plaintext() {
        Sealed sealed = sealer.seal(key, "case-1", NAME);

        assertThat(sealer.open(key, "case-1", sealed)).isEqualTo(NAME);
        assertThat(Base64.getUrlDecoder().decode(sealed.nonce())).hasSize(12);
        assertThat(Base64.getUrlDecoder().decode(sealed.ciphertext())).hasSize(NAME.length + 16);
        assertThat(sealed.ciphertext()).doesNotContain("=", "+", "/");
    }

    @Test
    void a_ciphertext_moved_to_another_case_does_not_open() {
        Sealed sealed = sealer.seal(key, "case-1", NAME);

        assertThatThrownBy(() -> sealer.open(key, "case-2", sealed))
                .isInstanceOf(SealBroken.class).hasMessageContaining("case-2 does not authenticate");
    }

    @Test
    void an_altered_ciphertext_or_another_key_does_not_open() {
        Sealed sealed = sealer.seal(key, "case-1", NAME);
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.ciphertext());
        bytes[0] ^= 1;
        Sealed altered = new Sealed(sealed.nonce(), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), sealed.mac());

        assertThatThrownBy(() -> sealer.open(key, "case-1", altered)).isInstanceOf(SealBroken.class);
        assertThatThrownBy(() -> sealer.open(DataKey.generate(random), "case-1", sealed)).isInstanceOf(SealBroken.class);
    }

    @Test
    void two_seals_of_the_same_plaintext_differ_but_both_macs_recognise_it() {
        Sealed first = sealer.seal(key, "case-1", NAME);
        Sealed retry = sealer.seal(key, "case-1", NAME);

        assertThat(retry.nonce()).isNotEqualTo(first.nonce());
        assertThat(retry.ciphertext()).isNotEqualTo(first.ciphertext());
        assertThat(sealer.sameContent(key, NAME, first.mac())).isTrue();
        assertThat(sealer.sameContent(key, NAME, retry.mac())).isTrue();
    }

    @Test
    void a_different_plaintext_or_key_does_not_match_the_mac() {
        Sealed sealed = sealer.seal(key, "case-1", NAME);

        assertThat(sealer.sameContent(key, "Ani Petrosyan, born 1988".getBytes(StandardCharsets.UTF_8), sealed.mac())).isFalse();
        assertThat(sealer.sameContent(DataKey.generate(random), NAME, sealed.mac())).isFalse();
        assertThat(sealer.sameContent(key, NAME, "not hex")).isFalse();
    }

    @Test
    void the_mac_is_an_hmac_under_a_key_derived_by_hkdf_expand_not_the_data_key() throws Exception {
        Sealed sealed = sealer.seal(key, "case-1", NAME);
        byte[] macKey = hmac(key.bytes(), "truce mac key v1\u0001".getBytes(StandardCharsets.US_ASCII));

        assertThat(sealed.mac()).isEqualTo(HexFormat.of().formatHex(hmac(macKey, NAME)));
        assertThat(sealed.mac()).isNotEqualTo(HexFormat.of().formatHex(hmac(key.bytes(), NAME)));
    }

    @Test
    void a_data_key_is_copied_in_and_out_and_never_printed() {
        byte[] bytes = new byte[DataKey.SIZE];
        bytes[0] = 0x7f;
        DataKey wrapped = DataKey.of(bytes);
        bytes[0] = 0;
        wrapped.bytes()[0] = 0;

        assertThat(wrapped.bytes()[0]).isEqualTo((byte) 0x7f);
        assertThat(wrapped.toString()).isEqualTo("DataKey[redacted]");
        assertThatThrownBy(() -> DataKey.of(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a data key must be 32 bytes, got 16 bytes");
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** Deterministic, so a failure can be replayed: SHA1PRNG seeded before first use ignores the system seed. */
    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
