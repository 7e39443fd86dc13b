package org.truce.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * An append-only RFC 6962 Merkle tree over leaf hashes that answers for its current size and for
 * every past size: roots, inclusion proofs (§2.1.1) and consistency proofs (§2.1.2).
 *
 * <p>Every complete, aligned subtree is kept: level {@code k} holds the hashes of the nodes covering
 * leaves {@code [i·2^k, (i+1)·2^k)} for every {@code i} such that the range is filled. Any tree head
 * of any past size is a fold of at most 64 of those, so roots and proofs cost O(log n) hashes, and an
 * append costs one hash per completed subtree (amortised two). Memory is about 64 bytes a leaf.
 *
 * <p>Thread-safety: one writer thread calls {@link #append}, {@link #appendAll} and {@link #truncate};
 * any number of reader threads may query concurrently. A read-write lock makes every call atomic: a
 * reader sees the tree before or after a whole {@code appendAll}, never part of it. Every returned array
 * is a fresh copy.
 */
public final class MerkleTree {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<HashLevel> levels = new ArrayList<>();
    private long size;

    /** Appends one 32-byte leaf hash (see {@link Hashes#leafHash}). */
    public void append(byte[] leafHash) {
        appendAll(List.of(leafHash));
    }

    /** Appends leaf hashes in order; all are checked first, so a bad one appends nothing. */
    public void appendAll(List<byte[]> leafHashes) {
        for (int i = 0; i < leafHashes.size(); i++) {
            Hashes.requireHash(leafHashes.get(i), "leaf hash " + i);
        }
        write(() -> {
            leafHashes.forEach(this::appendLocked);
            return null;
        });
    }

    /** Drops every leaf from {@code newSize} on, as if they had never been appended. */
    public void truncate(long newSize) {
        write(() -> {
            checkSize(newSize);
            size = newSize;
            for (int k = 0; k < levels.size(); k++) {
                levels.get(k).truncate(newSize >>> k);
            }
            return null;
        });
    }

    /** Number of leaves. */
    public long size() {
        return read(() -> size);
    }

    /** The hash of leaf {@code index}. */
    public byte[] leafHash(long index) {
        return read(() -> {
            checkIndex(index, size);
            return levels.get(0).get(index);
        });
    }

    /** The root of the tree as it is now; SHA-256("") when empty. */
    public byte[] root() {
        return read(() -> subtreeHash(0, size));
    }

    /** The root of the tree when it had {@code treeSize} leaves (0 ≤ treeSize ≤ size()). */
    public byte[] root(long treeSize) {
        return read(() -> {
            checkSize(treeSize);
            return subtreeHash(0, treeSize);
        });
    }

    /**
     * The audit path of leaf {@code index} in the tree of {@code treeSize} leaves: PATH(m, D[n]) of
     * RFC 6962 §2.1.1, siblings from the leaf upwards.
     */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        return read(() -> {
            checkSize(treeSize);
            checkIndex(index, treeSize);
            return pathLocked(index, treeSize);
        });
    }

    /**
     * The proof that the tree of {@code first} leaves is a prefix of the tree of {@code second} leaves:
     * PROOF(m, D[n]) of RFC 6962 §2.1.2 (0 &lt; first ≤ second ≤ size(); empty when first == second).
     */
    public List<byte[]> consistencyProof(long first, long second) {
        return read(() -> {
            checkSize(second);
            if (first <= 0 || first > second) {
                throw new IllegalArgumentException(
                        "first size " + first + " must be at least 1 and at most second size " + second);
            }
            return subproofLocked(first, second);
        });
    }

    private void appendLocked(byte[] leafHash) {
        byte[] hash = leafHash;
        long index = size;
        for (int k = 0; ; k++) {
            level(k).add(hash);
            if ((index & 1) == 0) {
                break;
            }
            // This node completes a pair: its parent's subtree is now complete, so store it too.
            hash = Hashes.nodeHash(levels.get(k).get(index - 1), hash);
            index >>>= 1;
        }
        size++;
    }

    /** RFC 6962 §2.1.1, unrolled from the root down; the siblings come out top-down, so reverse. */
    private List<byte[]> pathLocked(long index, long treeSize) {
        List<byte[]> siblings = new ArrayList<>();
        long start = 0, n = treeSize, m = index;
        while (n > 1) {
            long k = largestPowerOfTwoBelow(n);
            if (m < k) {
                siblings.add(subtreeHash(start + k, n - k));
                n = k;
            } else {
                siblings.add(subtreeHash(start, k));
                start += k;
                m -= k;
                n -= k;
            }
        }
        Collections.reverse(siblings);
        return siblings;
    }

    /** SUBPROOF(m, D[n], true) of RFC 6962 §2.1.2, unrolled from the root down. */
    private List<byte[]> subproofLocked(long first, long second) {
        List<byte[]> nodes = new ArrayList<>();
        long start = 0, m = first, n = second;
        boolean wholeOldTree = true;
        while (m != n) {
            long k = largestPowerOfTwoBelow(n);
            if (m <= k) {
                nodes.add(subtreeHash(start + k, n - k));
                n = k;
            } else {
                nodes.add(subtreeHash(start, k));
                start += k;
                m -= k;
                n -= k;
                wholeOldTree = false;
            }
        }
        if (!wholeOldTree) {
            nodes.add(subtreeHash(start, n));
        }
        Collections.reverse(nodes);
        return nodes;
    }

    /**
     * MTH(D[start : start+n]) for the ranges the RFC 6962 recursion produces, whose start is a multiple
     * of the largest power of two in {@code n}: the fold, right to left, of the stored complete subtrees
     * given by the binary digits of {@code n}.
     */
    private byte[] subtreeHash(long start, long n) {
        if (n == 0) {
            return Hashes.emptyRoot();
        }
        byte[] hash = null;
        long end = start + n;
        for (int k = 0; k < Long.SIZE - 1; k++) {
            long width = 1L << k;
            if ((n & width) != 0) {
                end -= width;
                byte[] subtree = levels.get(k).get(end >>> k);
                hash = hash == null ? subtree : Hashes.nodeHash(subtree, hash);
            }
        }
        return hash;
    }

    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private HashLevel level(int k) {
        if (k == levels.size()) {
            levels.add(new HashLevel());
        }
        return levels.get(k);
    }

    private void checkSize(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("tree size " + treeSize + " is not between 0 and " + size);
        }
    }

    private static void checkIndex(long index, long treeSize) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("index " + index + " is not below size " + treeSize);
        }
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> change) {
        lock.writeLock().lock();
        try {
            return change.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
