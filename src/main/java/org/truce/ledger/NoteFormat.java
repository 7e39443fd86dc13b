package org.truce.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The shared vocabulary of C2SP signed notes (https://c2sp.org/signed-note) with Ed25519 keys: key
 * names, key ids, verifier keys and signature lines. Stateless.
 */
final class NoteFormat {
    /** Signature type of Ed25519 in key ids and verifier keys. */
    static final byte ED25519 = 0x01;
    /** Signature type of Ed25519 timestamped cosignatures (https://c2sp.org/tlog-cosignature, cosignature/v1). */
    static final byte COSIGNATURE_V1 = 0x04;
    /** Every signature line starts with an em dash (U+2014) and a space. */
    static final String SIGNATURE_PREFIX = "\u2014 ";
    static final int KEY_ID_BYTES = 4;
    static final int RAW_KEY_BYTES = 32;
    static final int SIGNATURE_BYTES = 64;

    /** DER header of an X.509 SubjectPublicKeyInfo for Ed25519, followed by the 32-byte raw key. */
    private static final byte[] X509_PREFIX = Hashes.fromHex("302a300506032b6570032100");

    private NoteFormat() {}

    /** Rejects names the spec forbids: empty, or containing a Unicode space or a plus. */
    static String requireKeyName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("key name must not be empty");
        }
        boolean bad = name.codePoints().anyMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c));
        if (bad) {
            throw new IllegalArgumentException("key name \"" + name + "\" must not contain spaces or '+'");
        }
        return name;
    }

    /** First 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ raw public key). */
    static byte[] keyId(String name, byte[] rawPublicKey) {
        return keyId(name, ED25519, rawPublicKey);
    }

    /** First 4 bytes of SHA-256(name ‖ 0x0A ‖ type ‖ raw public key). */
    static byte[] keyId(String name, byte type, byte[] rawPublicKey) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer input = ByteBuffer.allocate(nameBytes.length + 2 + rawPublicKey.length)
                .put(nameBytes).put((byte) '\n').put(type).put(rawPublicKey);
        return Arrays.copyOf(Hashes.sha256(input.array()), KEY_ID_BYTES);
    }

    /** The verifier key text {@code <name>+<hex key id>+<base64(0x01 ‖ raw key)>}. */
    static String verifierKey(String name, byte[] rawPublicKey) {
        return verifierKey(name, ED25519, rawPublicKey);
    }

    /** The verifier key text {@code <name>+<hex key id>+<base64(type ‖ raw key)>}. */
    static String verifierKey(String name, byte type, byte[] rawPublicKey) {
        byte[] typed = ByteBuffer.allocate(1 + RAW_KEY_BYTES).put(type).put(rawPublicKey).array();
        return name + "+" + Hashes.hex(keyId(name, type, rawPublicKey)) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** The line {@code — <name> <base64(key id ‖ signature)>\n}. */
    static String signatureLine(String name, byte[] keyId, byte[] signature) {
        byte[] blob = ByteBuffer.allocate(KEY_ID_BYTES + signature.length).put(keyId).put(signature).array();
        return SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /** The 32-byte raw key: the tail of the X.509 encoding. */
    static byte[] rawPublicKey(PublicKey key) {
        byte[] x509 = key.getEncoded();
        return Arrays.copyOfRange(x509, x509.length - RAW_KEY_BYTES, x509.length);
    }

    static PublicKey publicKey(byte[] raw) {
        byte[] x509 = ByteBuffer.allocate(X509_PREFIX.length + RAW_KEY_BYTES).put(X509_PREFIX).put(raw).array();
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }
}
