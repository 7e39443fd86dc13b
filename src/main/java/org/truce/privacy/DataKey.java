package org.truce.privacy;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A case's 256-bit data key. Immutable: the bytes are copied in and out, so no caller can change
 * them. {@link #toString} never shows them, so a key cannot leak through a log line. Equality is
 * identity: compare keys through {@link #bytes()} where a test must.
 */
public final class DataKey {

    /** Length in bytes: AES-256. */
    public static final int SIZE = 32;

    private final byte[] bytes;

    private DataKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of exactly {@link #SIZE} bytes. */
    public static DataKey of(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            String got = bytes == null ? "null" : bytes.length + " bytes";
            throw new IllegalArgumentException("a data key must be " + SIZE + " bytes, got " + got);
        }
        return new DataKey(Arrays.copyOf(bytes, SIZE));
    }

    /** A fresh key from {@code random}. */
    public static DataKey generate(SecureRandom random) {
        byte[] bytes = new byte[SIZE];
        random.nextBytes(bytes);
        return new DataKey(bytes);
    }

    /** A copy of the key bytes. */
    public byte[] bytes() {
        return Arrays.copyOf(bytes, SIZE);
    }

    @Override
    public String toString() {
        return "DataKey[redacted]";
    }
}
