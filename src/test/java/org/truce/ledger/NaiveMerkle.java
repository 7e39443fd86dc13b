package org.truce.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 6962 §2.1 transcribed as literally as possible, as an oracle for {@link MerkleTree}: MTH, PATH and
 * PROOF/SUBPROOF over sublists, with its own SHA-256 (it shares no code with the production classes).
 * MTH results are memoised by range only so that tens of thousands of proofs stay fast.
 */
final class NaiveMerkle {
    private final List<byte[]> leaves;
    private final Map<Long, byte[]> mthCache = new HashMap<>();

    NaiveMerkle(List<byte[]> leafHashes) {
        this.leaves = List.copyOf(leafHashes);
    }

    /** Leaf hashes of the leaves "leaf-0" … "leaf-(n-1)", the data of the reference vectors. */
    static List<byte[]> leafHashesOfLeafData(int n) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(sha256(new byte[] {0}, ("leaf-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return hashes;
    }

    /** MTH(D[0:n]). */
    byte[] root(int n) {
        return n == 0 ? sha256() : mth(0, n);
    }

    /** PATH(m, D[0:n]). */
    List<byte[]> path(int m, int n) {
        return path(m, 0, n);
    }

    /** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true). */
    List<byte[]> proof(int m, int n) {
        return subproof(m, 0, n, true);
    }

    private List<byte[]> path(int m, int start, int n) {
        List<byte[]> result = new ArrayList<>();
        if (n == 1) {
            return result;
        }
        int k = largestPowerOfTwoLessThan(n);
        if (m < k) {
            result.addAll(path(m, start, k));
            result.add(mth(start + k, n - k));
        } else {
            result.addAll(path(m - k, start + k, n - k));
            result.add(mth(start, k));
        }
        return result;
    }

    private List<byte[]> subproof(int m, int start, int n, boolean b) {
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(start, n));
            }
            return result;
        }
        int k = largestPowerOfTwoLessThan(n);
        if (m <= k) {
            result.addAll(subproof(m, start, k, b));
            result.add(mth(start + k, n - k));
        } else {
            result.addAll(subproof(m - k, start + k, n - k, false));
            result.add(mth(start, k));
        }
        return result;
    }

    private byte[] mth(int start, int n) {
        long key = ((long) start << 32) | n;
        byte[] cached = mthCache.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] hash;
        if (n == 1) {
            hash = leaves.get(start);
        } else {
            int k = largestPowerOfTwoLessThan(n);
            hash = sha256(new byte[] {1}, mth(start, k), mth(start + k, n - k));
        }
        mthCache.put(key, hash);
        return hash;
    }

    private static int largestPowerOfTwoLessThan(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
