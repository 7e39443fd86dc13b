package org.truce.ledger;

import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A tree head in the C2SP tlog-checkpoint format (https://c2sp.org/tlog-checkpoint): the log's origin,
 * its size, and the RFC 6962 root hash of that many leaves. Immutable; the root is copied in and out.
 *
 * <p>The body is three lines, each ending in a newline: origin, decimal size, standard base64 root.
 * This ledger writes no extension lines, and {@link #parse} refuses any text that is not exactly such
 * a body, so that a checkpoint has one and only one text.
 *
 * @param origin   the log's unique name, also the name of the key that signs it; non-empty, one line
 * @param size     the number of leaves, not negative
 * @param rootHash the 32-byte root of the tree of {@code size} leaves
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        if (origin == null || origin.isEmpty()) {
            throw new IllegalArgumentException("origin must not be empty");
        }
        if (origin.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("origin must be a single line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size " + size + " must not be negative");
        }
        Hashes.requireHash(rootHash, "root hash");
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note body: origin, size and base64 root, each line ending in '\n'. */
    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** Reads a body written by {@link #body()}; anything else fails with the reason. */
    public static Checkpoint parse(String body) {
        if (body == null || !body.endsWith("\n")) {
            throw new IllegalArgumentException("checkpoint must end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length != 3) {
            throw new IllegalArgumentException("checkpoint must have exactly 3 lines, got " + lines.length);
        }
        if (!DECIMAL.matcher(lines[1]).matches()) {
            throw new IllegalArgumentException("checkpoint size \"" + lines[1] + "\" is not a plain decimal number");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("checkpoint size \"" + lines[1] + "\" is too large", e);
        }
        byte[] root = decodeRoot(lines[2]);
        try {
            return new Checkpoint(lines[0], size, root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint " + e.getMessage(), e);
        }
    }

    private static byte[] decodeRoot(String line) {
        byte[] root;
        try {
            root = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint root hash is not base64: " + e.getMessage(), e);
        }
        // Java's decoder tolerates missing padding; demand the one canonical spelling.
        if (root.length != Hashes.SIZE || !Base64.getEncoder().encodeToString(root).equals(line)) {
            throw new IllegalArgumentException("checkpoint root hash must be 32 bytes in padded standard base64");
        }
        return root;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c
                && origin.equals(c.origin) && size == c.size && Arrays.equals(rootHash, c.rootHash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * origin.hashCode() + Long.hashCode(size)) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + size + ", " + Hashes.hex(rootHash) + "]";
    }
}
