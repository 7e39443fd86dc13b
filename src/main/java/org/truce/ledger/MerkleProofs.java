package org.truce.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifiers for RFC 6962 Merkle proofs that need nothing but the proof, the sizes and the roots, so
 * that anyone can check what a node serves without trusting it (RFC 9162 §2.1.3.2 and §2.1.4.2).
 * Independent of {@link MerkleTree} on purpose. Stateless and thread-safe.
 *
 * <p>The verifiers answer {@code false}, never throw, for anything that does not establish the claim:
 * impossible sizes or indices, proofs of the wrong length, hashes that are not 32 bytes.
 */
public final class MerkleProofs {
    private MerkleProofs() {}

    /** Whether {@code proof} shows that {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves with {@code root}. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !allHashes(proof) || !isHash(leafHash) || !isHash(root)) {
            return false;
        }
        long fn = index, sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Hashes.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = Hashes.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Whether {@code proof} shows that the tree of {@code first} leaves with {@code firstRoot} is a prefix
     * of the tree of {@code second} leaves with {@code secondRoot}. Equal sizes need an empty proof and
     * equal roots; a first size of 0 is refused, as RFC 9162 defines no proof from the empty tree.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first <= 0 || first > second || !allHashes(proof) || !isHash(firstRoot) || !isHash(secondRoot)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1, sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0), sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Hashes.nodeHash(c, fr);
                sr = Hashes.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = Hashes.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /**
     * MTH(D[n]) straight from the recursive definition of RFC 6962 §2.1, for recomputing a root from
     * the leaves without the incremental tree. O(n) hashes.
     */
    public static byte[] rootFromLeaves(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return Hashes.emptyRoot();
        }
        for (int i = 0; i < leafHashes.size(); i++) {
            Hashes.requireHash(leafHashes.get(i), "leaf hash " + i);
        }
        return mth(leafHashes);
    }

    private static byte[] mth(List<byte[]> leaves) {
        int n = leaves.size();
        if (n == 1) {
            return leaves.get(0).clone();
        }
        int k = Integer.highestOneBit(n - 1);
        return Hashes.nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, n)));
    }

    private static boolean allHashes(List<byte[]> proof) {
        return proof.stream().allMatch(MerkleProofs::isHash);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == Hashes.SIZE;
    }
}
