package org.truce.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * A known witness, as a reader's client holds it: its name and Ed25519 cosigning key, read from a
 * verifier key of type 0x04 (https://c2sp.org/tlog-cosignature). It finds and checks its own
 * cosignature among a checkpoint's signature lines and ignores every other line. Immutable and thread-safe.
 */
public final class Cosigner {
    private static final int TIMESTAMP_BYTES = 8;

    private final String name;
    private final byte[] rawPublicKey;
    private final byte[] keyId;
    private final PublicKey publicKey;

    private Cosigner(String name, byte[] rawPublicKey) {
        this.name = name;
        this.rawPublicKey = rawPublicKey.clone();
        this.keyId = NoteFormat.keyId(name, NoteFormat.COSIGNATURE_V1, rawPublicKey);
        this.publicKey = NoteFormat.publicKey(rawPublicKey);
    }

    /** Reads {@code <name>+<8 hex key id>+<base64(0x04 ‖ 32-byte key)>}; the id must match the key. */
    public static Cosigner parse(String vkey) {
        String[] parts = vkey == null ? new String[0] : vkey.strip().split("\\+", 3);
        if (parts.length != 3) throw new IllegalArgumentException("cosigner key must be <name>+<key id>+<key>");
        String name = NoteFormat.requireKeyName(parts[0]);
        if (!parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("cosigner key id \"" + parts[1] + "\" is not 8 lower-case hex digits");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cosigner key is not base64", e);
        }
        if (typed.length != 1 + NoteFormat.RAW_KEY_BYTES || typed[0] != NoteFormat.COSIGNATURE_V1) {
            throw new IllegalArgumentException("cosigner key is not a 32-byte Ed25519 cosignature/v1 key (type 0x04)");
        }
        Cosigner cosigner = new Cosigner(name, Arrays.copyOfRange(typed, 1, typed.length));
        if (!Hashes.hex(cosigner.keyId).equals(parts[1])) {
            throw new IllegalArgumentException("cosigner key id " + parts[1] + " does not match the key, which has id "
                    + Hashes.hex(cosigner.keyId));
        }
        return cosigner;
    }

    public String name() {
        return name;
    }

    public String verifierKey() {
        return NoteFormat.verifierKey(name, NoteFormat.COSIGNATURE_V1, rawPublicKey);
    }

    byte[] rawPublicKey() {
        return rawPublicKey.clone();
    }

    /**
     * The timestamp of this cosigner's valid cosignature of {@code checkpoint} among {@code lines}
     * (signature lines, each {@code — name base64}, separated by '\n'), or empty when none of them is
     * its valid cosignature. Lines of other keys, and malformed lines, are ignored.
     */
    public OptionalLong verify(Checkpoint checkpoint, String lines) {
        String prefix = NoteFormat.SIGNATURE_PREFIX + name + " ";
        for (String line : lines.split("\n")) {
            if (!line.startsWith(prefix)) continue;
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(line.substring(prefix.length()));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (blob.length != NoteFormat.KEY_ID_BYTES + TIMESTAMP_BYTES + NoteFormat.SIGNATURE_BYTES
                    || !MessageDigest.isEqual(Arrays.copyOf(blob, NoteFormat.KEY_ID_BYTES), keyId)) {
                continue;
            }
            long timestamp = ByteBuffer.wrap(blob, NoteFormat.KEY_ID_BYTES, TIMESTAMP_BYTES).getLong();
            byte[] signature = Arrays.copyOfRange(blob, NoteFormat.KEY_ID_BYTES + TIMESTAMP_BYTES, blob.length);
            if (timestamp > 0 && verifies(message(checkpoint, timestamp), signature)) return OptionalLong.of(timestamp);
        }
        return OptionalLong.empty();
    }

    /** {@code cosignature/v1\ntime <t>\n} followed by the checkpoint's body. */
    static byte[] message(Checkpoint checkpoint, long timestamp) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpoint.body()).getBytes(StandardCharsets.UTF_8);
    }

    private boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey);
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return verifierKey();
    }
}
