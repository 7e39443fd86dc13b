package org.truce.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * Checks C2SP signed notes (https://c2sp.org/signed-note) against one Ed25519 verifier key, such as a
 * party obtained out of band: it trusts nothing in the note but a signature by that key. Immutable and
 * thread-safe.
 */
public final class NoteVerifier {
    private static final int MAX_SIGNATURES = 100;

    private final String name;
    private final byte[] keyId;
    private final byte[] rawPublicKey;
    private final PublicKey publicKey;

    private NoteVerifier(String name, byte[] rawPublicKey) {
        this.name = name;
        this.rawPublicKey = rawPublicKey.clone();
        this.keyId = NoteFormat.keyId(name, rawPublicKey);
        this.publicKey = NoteFormat.publicKey(rawPublicKey);
    }

    /** Reads a verifier key {@code <name>+<8 hex key id>+<base64(0x01 ‖ 32-byte key)>}; the id must match. */
    public static NoteVerifier parse(String vkey) {
        String[] parts = vkey == null ? new String[0] : vkey.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("verifier key must be <name>+<key id>+<key>");
        }
        String name = NoteFormat.requireKeyName(parts[0]);
        if (!parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("verifier key id \"" + parts[1] + "\" is not 8 lower-case hex digits");
        }
        byte[] typed = decodeBase64(parts[2], "verifier key");
        if (typed.length != 1 + NoteFormat.RAW_KEY_BYTES || typed[0] != NoteFormat.ED25519) {
            throw new IllegalArgumentException("verifier key is not a 32-byte Ed25519 key (type 0x01)");
        }
        var verifier = new NoteVerifier(name, Arrays.copyOfRange(typed, 1, typed.length));
        if (!Hashes.hex(verifier.keyId).equals(parts[1])) {
            throw new IllegalArgumentException("verifier key id " + parts[1] + " does not match the key, which has id "
                    + Hashes.hex(verifier.keyId));
        }
        return verifier;
    }

    /** The key's name: the origin of the checkpoints it signs. */
    public String name() {
        return name;
    }

    /** The 32-byte Ed25519 public key. */
    byte[] rawPublicKey() {
        return rawPublicKey.clone();
    }

    /** The verifier key text this was parsed from. */
    public String verifierKey() {
        return NoteFormat.verifierKey(name, rawPublicKey);
    }

    /**
     * The checkpoint in {@code signedNote} if a signature line with this key's name and id verifies over
     * the body; otherwise IllegalArgumentException saying why (malformed note, no signature by this key,
     * bad signature, or a body that is not a checkpoint).
     */
    public Checkpoint verify(String signedNote) {
        return Checkpoint.parse(verifiedBody(signedNote));
    }

    /** The note's body (its text, ending in '\n') once a signature by this key verifies over it. */
    String verifiedBody(String signedNote) {
        int split = signedNote == null ? -1 : signedNote.lastIndexOf("\n\n");
        if (split < 0 || !signedNote.endsWith("\n")) {
            throw new IllegalArgumentException("malformed note: no blank line before the signatures");
        }
        String body = signedNote.substring(0, split + 1);
        String signatures = signedNote.substring(split + 2);
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("malformed note: no signature lines");
        }
        String[] lines = signatures.substring(0, signatures.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new IllegalArgumentException("malformed note: more than " + MAX_SIGNATURES + " signatures");
        }
        boolean signedByUs = false;
        for (String line : lines) {
            byte[] blob = signatureBlob(line);
            if (line.startsWith(NoteFormat.SIGNATURE_PREFIX + name + " ")
                    && MessageDigest.isEqual(Arrays.copyOf(blob, NoteFormat.KEY_ID_BYTES), keyId)) {
                signedByUs = true;
                if (blob.length == NoteFormat.KEY_ID_BYTES + NoteFormat.SIGNATURE_BYTES
                        && verifies(body, Arrays.copyOfRange(blob, NoteFormat.KEY_ID_BYTES, blob.length))) {
                    return body;
                }
            }
        }
        throw new IllegalArgumentException(signedByUs
                ? "bad signature by " + name + " " + Hashes.hex(keyId)
                : "no signature by " + name + " " + Hashes.hex(keyId));
    }

    /** Key id and signature of a line {@code — <name> <base64>}; malformed lines reject the whole note. */
    private static byte[] signatureBlob(String line) {
        int space = line.lastIndexOf(' ');
        if (!line.startsWith(NoteFormat.SIGNATURE_PREFIX) || space <= NoteFormat.SIGNATURE_PREFIX.length()) {
            throw new IllegalArgumentException("malformed note: \"" + line + "\" is not a signature line");
        }
        String keyName = line.substring(NoteFormat.SIGNATURE_PREFIX.length(), space);
        if (keyName.isEmpty() || keyName.contains("+") || keyName.contains(" ")) {
            throw new IllegalArgumentException("malformed note: \"" + keyName + "\" is not a key name");
        }
        byte[] blob = decodeBase64(line.substring(space + 1), "malformed note: signature");
        if (blob.length < NoteFormat.KEY_ID_BYTES + 1) {
            throw new IllegalArgumentException("malformed note: signature too short");
        }
        return blob;
    }

    private boolean verifies(String body, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey);
            ed25519.update(body.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] decodeBase64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64", e);
        }
    }
}
