package org.truce.ledger;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/**
 * One Ed25519 public key a body registered, in the verifier-key form of C2SP signed notes,
 * {@code <body>+<key id>+<base64(0x01 ‖ 32-byte key)>}: the same text a party already handles for the
 * node's key, whose key id (SHA-256 over the name, 0x0A, 0x01 and the key) binds the body's id to the
 * key, and whose SHA-256 fingerprint parties can compare out of band. Immutable and thread-safe.
 *
 * @param body the catalog id of the body, the key's name
 * @param keyId the 8 lower-case hex digits of the key id
 */
public record BodyKey(String body, String keyId, byte[] raw) {

    /** Reads a verifier key; its name is the body. IllegalArgumentException saying why when it is not one. */
    public static BodyKey parse(String verifierKey) {
        NoteVerifier v = NoteVerifier.parse(verifierKey == null ? null : verifierKey.strip());
        return new BodyKey(v.name(), Hashes.hex(NoteFormat.keyId(v.name(), v.rawPublicKey())), v.rawPublicKey());
    }

    /** The key of {@code body} whose 32 raw bytes are {@code raw}. */
    public static BodyKey of(String body, byte[] raw) {
        NoteFormat.requireKeyName(body);
        return new BodyKey(body, Hashes.hex(NoteFormat.keyId(body, raw)), raw.clone());
    }

    /** The verifier-key text. */
    public String verifierKey() {
        return NoteFormat.verifierKey(body, raw);
    }

    /** Whether {@code signature} is this key's Ed25519 signature (RFC 8032, pure) of {@code message}; checked with the JDK. */
    public boolean verifies(byte[] message, byte[] signature) {
        if (signature.length != NoteFormat.SIGNATURE_BYTES) return false;
        try {
            PublicKey key = NoteFormat.publicKey(raw);
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a key that is not a point on the curve verifies nothing
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BodyKey k && k.body.equals(body) && k.keyId.equals(keyId) && java.util.Arrays.equals(k.raw, raw);
    }

    @Override
    public int hashCode() {
        return body.hashCode() * 31 + keyId.hashCode();
    }

    @Override
    public String toString() {
        return verifierKey();
    }
}
