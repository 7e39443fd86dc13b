package org.truce.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;

/**
 * The node's Ed25519 signing key, which signs checkpoints as C2SP signed notes
 * (https://c2sp.org/signed-note). The key's name is the log origin.
 *
 * <p>Lifecycle: {@link #loadOrCreate} generates the key on first use and keeps it in the data
 * directory ({@code node-key.pk8}, PKCS#8, readable by the owner only; {@code node-key.pub}, the
 * verifier key to hand out); later calls load the same key. Immutable and thread-safe afterwards.
 * Ed25519 is deterministic, so signing the same checkpoint twice gives the same note. The key is read
 * and written by the JDK; signatures are made by {@link Ed25519Signing} (Bouncy Castle, identical
 * bytes, an order of magnitude faster than the JDK's), and the key check on load verifies one with the JDK.
 */
public final class NodeKey implements HeadSigner {
    static final String PRIVATE_FILE = "node-key.pk8";
    static final String PUBLIC_FILE = "node-key.pub";

    private final String name;
    private final Ed25519Signing signing;
    private final byte[] rawPublicKey;
    private final byte[] keyId;

    private NodeKey(String name, PrivateKey privateKey, byte[] rawPublicKey) {
        this.name = name;
        this.signing = Ed25519Signing.of(privateKey);
        this.rawPublicKey = rawPublicKey.clone();
        this.keyId = NoteFormat.keyId(name, rawPublicKey);
    }

    /**
     * Loads the key kept in {@code dataDir}, or creates and keeps one if there is none. Fails if the
     * kept key has another name, if its public half is missing, or if the two files do not match.
     */
    public static NodeKey loadOrCreate(Path dataDir, String name) {
        NoteFormat.requireKeyName(name);
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(dataDir.resolve(PRIVATE_FILE))) {
                return load(dataDir, name);
            }
            return create(dataDir, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node key in " + dataDir, e);
        }
    }

    /** The key name, equal to the origin of the checkpoints it signs. */
    public String name() {
        return name;
    }

    /** The signed note: the checkpoint body, a blank line, and this key's signature line. */
    public String sign(Checkpoint checkpoint) {
        if (!checkpoint.origin().equals(name)) {
            throw new IllegalArgumentException(
                    "checkpoint origin \"" + checkpoint.origin() + "\" is not this key's name \"" + name + "\"");
        }
        return signBody(checkpoint.body());
    }

    /** The verifier key {@code <name>+<hex key id>+<base64(0x01 ‖ raw key)>} that checks this key's notes. */
    public String verifierKey() {
        return NoteFormat.verifierKey(name, rawPublicKey);
    }

    /** The 32-byte Ed25519 public key. */
    public byte[] rawPublicKey() {
        return rawPublicKey.clone();
    }

    /** Signs any note text (which must end in '\n'), for notes other than checkpoints. */
    String signBody(String body) {
        if (body.isEmpty() || !body.endsWith("\n")) {
            throw new IllegalArgumentException("note text must end with a newline");
        }
        return body + "\n" + NoteFormat.signatureLine(name, keyId, signature(body.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] signature(byte[] message) {
        return signing.sign(message);
    }

    private static NodeKey load(Path dataDir, String name) throws IOException {
        Path publicFile = dataDir.resolve(PUBLIC_FILE);
        if (!Files.exists(publicFile)) {
            throw new IllegalStateException(publicFile + " is missing; it must accompany " + PRIVATE_FILE);
        }
        NoteVerifier verifier = NoteVerifier.parse(Files.readString(publicFile, StandardCharsets.UTF_8).strip());
        if (!verifier.name().equals(name)) {
            throw new IllegalArgumentException("the node key in " + dataDir + " is named \"" + verifier.name()
                    + "\", not \"" + name + "\"");
        }
        PrivateKey privateKey = KeyFiles.readPrivateKey(dataDir.resolve(PRIVATE_FILE));
        NodeKey key = new NodeKey(name, privateKey, verifier.rawPublicKey());
        try {
            verifier.verifiedBody(key.signBody("key check\n"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PUBLIC_FILE + " does not belong to " + PRIVATE_FILE + " in " + dataDir, e);
        }
        return key;
    }

    private static NodeKey create(Path dataDir, String name) throws IOException {
        KeyPair pair = KeyFiles.generate();
        NodeKey key = new NodeKey(name, pair.getPrivate(), NoteFormat.rawPublicKey(pair.getPublic()));
        KeyFiles.keep(dataDir, PRIVATE_FILE, PUBLIC_FILE, pair.getPrivate(), key.verifierKey());
        return key;
    }
}
