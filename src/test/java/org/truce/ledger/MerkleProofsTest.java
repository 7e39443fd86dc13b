package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Proofs that do not establish the claim are refused: every changed input makes verification fail. */
class MerkleProofsTest {
    private static final int MAX = 300;
    private static final List<byte[]> LEAVES = NaiveMerkle.leafHashesOfLeafData(MAX);
    private static final MerkleTree TREE = treeOfAllLeaves();

    @Property
    void an_inclusion_proof_with_one_bit_flipped_does_not_verify(
            @ForAll @IntRange(min = 2, max = MAX) int size, @ForAll @IntRange(min = 0, max = MAX) int seed,
            @ForAll @IntRange(min = 0, max = 20) int element, @ForAll @IntRange(min = 0, max = 255) int bit) {
        int index = seed % size;
        List<byte[]> proof = TREE.inclusionProof(index, size);

        List<byte[]> tampered = flipBit(proof, element % proof.size(), bit);

        assertThat(MerkleProofs.verifyInclusion(LEAVES.get(index), index, size, proof, TREE.root(size))).isTrue();
        assertThat(MerkleProofs.verifyInclusion(LEAVES.get(index), index, size, tampered, TREE.root(size))).isFalse();
    }

    @Property
    void an_inclusion_proof_does_not_verify_for_another_index_another_leaf_or_another_root(
            @ForAll @IntRange(min = 2, max = MAX) int size, @ForAll @IntRange(min = 0, max = MAX) int seed,
            @ForAll @IntRange(min = 0, max = MAX) int offset) {
        int index = seed % size;
        int other = (index + 1 + offset % (size - 1)) % size;
        List<byte[]> proof = TREE.inclusionProof(index, size);
        byte[] root = TREE.root(size);

        assertThat(MerkleProofs.verifyInclusion(LEAVES.get(index), other, size, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(LEAVES.get(other), index, size, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(LEAVES.get(index), index, size, proof, flipBit(root, other))).isFalse();
    }

    @Property
    void an_inclusion_proof_with_an_element_missing_or_added_does_not_verify(
            @ForAll @IntRange(min = 2, max = MAX) int size, @ForAll @IntRange(min = 0, max = MAX) int seed) {
        int index = seed % size;
        List<byte[]> proof = TREE.inclusionProof(index, size);
        byte[] root = TREE.root(size);
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(LEAVES.get(0));

        assertThat(MerkleProofs.verifyInclusion(LEAVES.get(index), index, size, proof.subList(0, proof.size() - 1), root))
                .isFalse();
        assertThat(MerkleProofs.verifyInclusion(LEAVES.get(index), index, size, longer, root)).isFalse();
    }

    @Property
    void a_consistency_proof_with_one_bit_flipped_does_not_verify(
            @ForAll @IntRange(min = 2, max = MAX) int second, @ForAll @IntRange(min = 0, max = MAX) int seed,
            @ForAll @IntRange(min = 0, max = 20) int element, @ForAll @IntRange(min = 0, max = 255) int bit) {
        int first = 1 + seed % (second - 1);
        List<byte[]> proof = TREE.consistencyProof(first, second);

        List<byte[]> tampered = flipBit(proof, element % proof.size(), bit);

        assertThat(MerkleProofs.verifyConsistency(first, second, TREE.root(first), TREE.root(second), proof)).isTrue();
        assertThat(MerkleProofs.verifyConsistency(first, second, TREE.root(first), TREE.root(second), tampered))
                .isFalse();
    }

    @Property
    void a_consistency_proof_does_not_verify_with_either_root_changed_or_the_sizes_swapped(
            @ForAll @IntRange(min = 2, max = MAX) int second, @ForAll @IntRange(min = 0, max = MAX) int seed,
            @ForAll @IntRange(min = 0, max = 255) int bit) {
        int first = 1 + seed % (second - 1);
        List<byte[]> proof = TREE.consistencyProof(first, second);
        byte[] firstRoot = TREE.root(first), secondRoot = TREE.root(second);

        assertThat(MerkleProofs.verifyConsistency(first, second, flipBit(firstRoot, bit), secondRoot, proof)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, flipBit(secondRoot, bit), proof)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(first, second, secondRoot, firstRoot, proof)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(second, first, secondRoot, firstRoot, proof)).isFalse();
    }

    @Example
    void equal_sizes_are_consistent_only_with_an_empty_proof_and_equal_roots() {
        byte[] root = TREE.root(5);

        assertThat(MerkleProofs.verifyConsistency(5, 5, root, root, List.of())).isTrue();
        assertThat(MerkleProofs.verifyConsistency(5, 5, root, TREE.root(6), List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(5, 5, root, root, List.of(root))).isFalse();
    }

    @Example
    void impossible_sizes_and_malformed_hashes_are_refused_without_an_exception() {
        byte[] leaf = LEAVES.get(0), root = TREE.root(1);

        assertThat(MerkleProofs.verifyInclusion(leaf, 0, 1, List.of(), root)).isTrue();
        assertThat(MerkleProofs.verifyInclusion(leaf, 1, 1, List.of(), root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, -1, 1, List.of(), root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 0, 0, List.of(), Hashes.emptyRoot())).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 0, 2, List.of(new byte[31]), TREE.root(2))).isFalse();
        assertThat(MerkleProofs.verifyConsistency(0, 1, Hashes.emptyRoot(), root, List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(1, 2, root, TREE.root(2), List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(1, 2, new byte[3], TREE.root(2), TREE.consistencyProof(1, 2)))
                .isFalse();
    }

    @Example
    void the_recursive_root_of_no_leaves_is_the_empty_root_and_of_one_leaf_is_that_leaf() {
        assertThat(MerkleProofs.rootFromLeaves(List.of())).isEqualTo(Hashes.emptyRoot());
        assertThat(MerkleProofs.rootFromLeaves(List.of(LEAVES.get(7)))).isEqualTo(LEAVES.get(7));
        assertThat(MerkleProofs.rootFromLeaves(LEAVES.subList(0, 2)))
                .isEqualTo(Hashes.nodeHash(LEAVES.get(0), LEAVES.get(1)));
    }

    private static List<byte[]> flipBit(List<byte[]> proof, int element, int bit) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(element, flipBit(copy.get(element), bit));
        return copy;
    }

    private static byte[] flipBit(byte[] hash, int bit) {
        byte[] changed = hash.clone();
        changed[(bit / 8) % changed.length] ^= (byte) (1 << (bit % 8));
        return changed;
    }

    private static MerkleTree treeOfAllLeaves() {
        MerkleTree tree = new MerkleTree();
        tree.appendAll(LEAVES);
        return tree;
    }
}
