package org.truce.ledger;

import java.util.Arrays;

/**
 * One level of a {@link MerkleTree}: the hashes of consecutive complete subtrees of equal height,
 * stored back to back in byte arrays. Storage is chunked (1 MiB per chunk) so that growing a level of
 * millions of hashes never copies it; only the last, partly filled chunk is ever reallocated.
 *
 * <p>Not thread-safe: {@link MerkleTree} guards it.
 */
final class HashLevel {
    private static final int CHUNK_BITS = 15;
    private static final int CHUNK_HASHES = 1 << CHUNK_BITS;
    private static final int FIRST_CHUNK_HASHES = 16;

    private byte[][] chunks = new byte[4][];
    private long count;

    long count() {
        return count;
    }

    /** Appends a copy of a 32-byte hash at index {@link #count()}. */
    void add(byte[] hash) {
        int chunk = Math.toIntExact(count >>> CHUNK_BITS);
        int offset = (int) (count & (CHUNK_HASHES - 1)) * Hashes.SIZE;
        System.arraycopy(hash, 0, writableChunk(chunk, offset), offset, Hashes.SIZE);
        count++;
    }

    /** A copy of the hash at {@code index}, which the caller has checked is below {@link #count()}. */
    byte[] get(long index) {
        byte[] chunk = chunks[(int) (index >>> CHUNK_BITS)];
        int offset = (int) (index & (CHUNK_HASHES - 1)) * Hashes.SIZE;
        return Arrays.copyOfRange(chunk, offset, offset + Hashes.SIZE);
    }

    /** Forgets every hash from {@code newCount} on; the memory is reused by later appends. */
    void truncate(long newCount) {
        count = newCount;
    }

    private byte[] writableChunk(int chunk, int offset) {
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        byte[] current = chunks[chunk];
        if (current == null) {
            current = new byte[FIRST_CHUNK_HASHES * Hashes.SIZE];
            chunks[chunk] = current;
        } else if (offset == current.length) {
            current = Arrays.copyOf(current, Math.min(current.length * 2, CHUNK_HASHES * Hashes.SIZE));
            chunks[chunk] = current;
        }
        return current;
    }
}
