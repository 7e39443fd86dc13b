package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Ed25519SigningTest {
    /** RFC 8410's PKCS#8 wrapping of a 32-byte Ed25519 private key (version 0, OID 1.3.101.112). */
    private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";

    /** RFC 8032, section 7.1, TEST 1, 2 and 3: secret key, public key, message, signature. */
    @ParameterizedTest(name = "RFC 8032 7.1 test {0}")
    @CsvSource({
        "1, 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
                + " d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '',"
                + " e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "2, 4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
                + " 3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72,"
                + " 92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "3, c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
                + " fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82,"
                + " 6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    })
    void signs_the_rfc_8032_test_vectors_with_their_exact_signatures_and_the_jdk_verifies_them(
            int test, String secret, String publicKey, String message, String signature) throws GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(Hashes.fromHex(PKCS8_PREFIX + secret)));
        Ed25519Signing signing = Ed25519Signing.of(key);
        byte[] msg = message.isEmpty() ? new byte[0] : Hashes.fromHex(message);

        byte[] signed = signing.sign(msg);

        assertThat(Hashes.hex(signed)).isEqualTo(signature);
        assertThat(Hashes.hex(signing.rawPublicKey())).isEqualTo(publicKey);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(NoteFormat.publicKey(Hashes.fromHex(publicKey)));
        jdk.update(msg);
        assertThat(jdk.verify(signed)).isTrue();
    }

    @Test
    void gives_the_same_signature_as_the_jdk_for_a_fresh_key_and_a_checkpoint_body() throws GeneralSecurityException {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] body = new Checkpoint("truce.example/ledger", 8, new byte[32]).body().getBytes(StandardCharsets.UTF_8);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        jdk.update(body);

        assertThat(Ed25519Signing.of(pair.getPrivate()).sign(body)).isEqualTo(jdk.sign());
    }

    @Test
    void refuses_a_key_that_is_not_ed25519() throws GeneralSecurityException {
        PrivateKey ec = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate();

        assertThatThrownBy(() -> Ed25519Signing.of(ec)).isInstanceOf(IllegalArgumentException.class);
    }
}
