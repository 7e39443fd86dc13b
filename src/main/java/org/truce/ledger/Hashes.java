package org.truce.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash functions of an RFC 6962 Merkle tree (§2.1): SHA-256 with a one-byte domain separator,
 * 0x00 for leaves and 0x01 for interior nodes, so a leaf can never be passed off as a node.
 * Stateless and thread-safe; every method returns a fresh array.
 */
public final class Hashes {
    /** Length in bytes of every hash in the tree. */
    public static final int SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hashes::newDigest);

    private Hashes() {}

    /** SHA-256 of {@code data} alone, as used for key ids and for the empty tree. */
    public static byte[] sha256(byte[] data) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest.digest(data);
    }

    /** MTH of a one-leaf tree: SHA-256(0x00 ‖ data). */
    public static byte[] leafHash(byte[] data) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        digest.update(LEAF_PREFIX);
        return digest.digest(data);
    }

    /** Hash of an interior node: SHA-256(0x01 ‖ left ‖ right); both children must be 32 bytes. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        requireHash(left, "left");
        requireHash(right, "right");
        MessageDigest digest = SHA256.get();
        digest.reset();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    /** MTH of the empty tree: SHA-256 of the empty string (e3b0c442…b855). */
    public static byte[] emptyRoot() {
        return sha256(new byte[0]);
    }

    /** Lower-case hexadecimal. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Parses hexadecimal of either case; rejects odd lengths and non-hex characters. */
    public static byte[] fromHex(String hex) {
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hexadecimal: \"" + hex + "\"", e);
        }
    }

    static void requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != SIZE) {
            String got = hash == null ? "null" : hash.length + " bytes";
            throw new IllegalArgumentException(what + " must be a " + SIZE + "-byte hash, got " + got);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
