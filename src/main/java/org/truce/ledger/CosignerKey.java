package org.truce.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;

/**
 * A witness's Ed25519 key, which makes timestamped cosignatures of checkpoints
 * (https://c2sp.org/tlog-cosignature, {@code cosignature/v1}): "as of this time, the largest consistent
 * tree I have seen for this origin has this root". Its name is the witness's name, usually a
 * schema-less URL; its verifier key has type 0x04.
 *
 * <p>Kept in a directory as {@code cosigner-key.pk8} (owner only) and {@code cosigner-key.pub};
 * {@link #loadOrCreate} creates them on first use. Immutable and thread-safe.
 */
public final class CosignerKey {
    static final String PRIVATE_FILE = "cosigner-key.pk8";
    static final String PUBLIC_FILE = "cosigner-key.pub";

    private final String name;
    private final Ed25519Signing signing;
    private final byte[] rawPublicKey;
    private final byte[] keyId;

    private CosignerKey(String name, PrivateKey privateKey, byte[] rawPublicKey) {
        this.name = NoteFormat.requireKeyName(name);
        this.signing = Ed25519Signing.of(privateKey);
        this.rawPublicKey = rawPublicKey.clone();
        this.keyId = NoteFormat.keyId(name, NoteFormat.COSIGNATURE_V1, rawPublicKey);
    }

    /** Loads the key kept in {@code dir}, or creates and keeps one; fails if the kept key has another name. */
    public static CosignerKey loadOrCreate(Path dir, String name) {
        NoteFormat.requireKeyName(name);
        try {
            Files.createDirectories(dir);
            if (Files.exists(dir.resolve(PRIVATE_FILE))) {
                Cosigner kept = Cosigner.parse(Files.readString(dir.resolve(PUBLIC_FILE), StandardCharsets.UTF_8).strip());
                if (!kept.name().equals(name)) {
                    throw new IllegalArgumentException("the cosigner key in " + dir + " is named \"" + kept.name()
                            + "\", not \"" + name + "\"");
                }
                CosignerKey key = new CosignerKey(name, KeyFiles.readPrivateKey(dir.resolve(PRIVATE_FILE)), kept.rawPublicKey());
                Checkpoint probe = new Checkpoint("key-check", 0, Hashes.sha256(new byte[0]));
                if (kept.verify(probe, key.cosign(probe, 1)).isEmpty()) {
                    throw new IllegalStateException(PUBLIC_FILE + " does not belong to " + PRIVATE_FILE + " in " + dir);
                }
                return key;
            }
            KeyPair pair = KeyFiles.generate();
            CosignerKey key = new CosignerKey(name, pair.getPrivate(), NoteFormat.rawPublicKey(pair.getPublic()));
            KeyFiles.keep(dir, PRIVATE_FILE, PUBLIC_FILE, pair.getPrivate(), key.verifierKey());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the cosigner key in " + dir, e);
        }
    }

    public String name() {
        return name;
    }

    /** {@code <name>+<hex key id>+<base64(0x04 ‖ raw key)>}. */
    public String verifierKey() {
        return NoteFormat.verifierKey(name, NoteFormat.COSIGNATURE_V1, rawPublicKey);
    }

    /** The signature line {@code — <name> base64(key id ‖ u64 timestamp ‖ signature)}, ending in '\n'. */
    public String cosign(Checkpoint checkpoint, long timestamp) {
        if (timestamp <= 0) throw new IllegalArgumentException("timestamp " + timestamp + " must be positive");
        byte[] signature = signing.sign(Cosigner.message(checkpoint, timestamp));
        byte[] timed = ByteBuffer.allocate(8 + NoteFormat.SIGNATURE_BYTES).putLong(timestamp).put(signature).array();
        return NoteFormat.signatureLine(name, keyId, timed);
    }
}
