package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The incremental tree against RFC 6962 §2.1 transcribed literally ({@link NaiveMerkle}), for every
 * tree size 1..300, every leaf and every pair of sizes, all asked of one tree of 300 leaves.
 */
class MerkleTreeMatchesTheNaiveDefinitionTest {
    private static final int MAX = 300;
    private static List<byte[]> leaves;
    private static NaiveMerkle naive;
    private static MerkleTree tree;

    @BeforeAll
    static void buildTrees() {
        leaves = NaiveMerkle.leafHashesOfLeafData(MAX);
        naive = new NaiveMerkle(leaves);
        tree = new MerkleTree();
        tree.appendAll(leaves);
    }

    @Test
    void every_root_for_sizes_0_to_300_matches_the_naive_definition() {
        for (int n = 0; n <= MAX; n++) {
            assertThat(Hashes.hex(tree.root(n))).as("root(%d)", n).isEqualTo(Hashes.hex(naive.root(n)));
        }
    }

    @Test
    void the_current_root_after_each_append_matches_the_naive_definition_and_the_recursive_recomputation() {
        MerkleTree growing = new MerkleTree();
        assertThat(growing.root()).isEqualTo(Hashes.emptyRoot());
        for (int n = 1; n <= MAX; n++) {
            growing.append(leaves.get(n - 1));
            assertThat(growing.root()).as("root after %d appends", n).isEqualTo(naive.root(n));
            assertThat(MerkleProofs.rootFromLeaves(leaves.subList(0, n))).isEqualTo(naive.root(n));
        }
    }

    @Test
    void every_inclusion_proof_for_sizes_1_to_300_matches_the_naive_definition_and_verifies() {
        int checked = 0;
        for (int n = 1; n <= MAX; n++) {
            byte[] root = naive.root(n);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = tree.inclusionProof(m, n);
                assertThat(HexList.of(proof)).as("PATH(%d, D[%d])", m, n).isEqualTo(HexList.of(naive.path(m, n)));
                assertThat(MerkleProofs.verifyInclusion(leaves.get(m), m, n, proof, root))
                        .as("verify PATH(%d, D[%d])", m, n).isTrue();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(MAX * (MAX + 1) / 2);
    }

    @Test
    void every_consistency_proof_between_sizes_1_to_300_matches_the_naive_definition_and_verifies() {
        int checked = 0;
        for (int n = 1; n <= MAX; n++) {
            byte[] secondRoot = naive.root(n);
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(HexList.of(proof)).as("PROOF(%d, D[%d])", m, n).isEqualTo(HexList.of(naive.proof(m, n)));
                assertThat(MerkleProofs.verifyConsistency(m, n, naive.root(m), secondRoot, proof))
                        .as("verify PROOF(%d, D[%d])", m, n).isTrue();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(MAX * (MAX + 1) / 2);
    }
}
