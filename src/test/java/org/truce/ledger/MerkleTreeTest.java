package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
    private static final List<byte[]> LEAVES = NaiveMerkle.leafHashesOfLeafData(100);

    @Test
    void an_empty_tree_has_the_hash_of_the_empty_string_as_root() {
        MerkleTree tree = new MerkleTree();

        assertThat(tree.size()).isZero();
        assertThat(Hashes.hex(tree.root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(tree.root(0)).isEqualTo(tree.root());
    }

    @Test
    void truncating_then_appending_again_gives_the_roots_of_a_tree_that_never_had_the_dropped_leaves() {
        List<byte[]> other = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            other.add(Hashes.leafHash(("other-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        for (int keep = 0; keep <= 60; keep++) {
            MerkleTree tried = treeOf(LEAVES.subList(0, 60));
            tried.appendAll(other);
            tried.truncate(keep);
            tried.appendAll(LEAVES.subList(keep, 100));

            MerkleTree straight = treeOf(LEAVES);
            assertThat(tried.size()).isEqualTo(100);
            for (int n = 0; n <= 100; n++) {
                assertThat(Hashes.hex(tried.root(n))).as("kept %d, root(%d)", keep, n)
                        .isEqualTo(Hashes.hex(straight.root(n)));
            }
            assertThat(HexList.of(tried.consistencyProof(Math.max(1, keep), 100)))
                    .isEqualTo(HexList.of(straight.consistencyProof(Math.max(1, keep), 100)));
        }
    }

    @Test
    void truncating_to_the_current_size_changes_nothing_and_beyond_it_is_refused() {
        MerkleTree tree = treeOf(LEAVES.subList(0, 7));
        byte[] root = tree.root();

        tree.truncate(7);

        assertThat(tree.root()).isEqualTo(root);
        assertThatThrownBy(() -> tree.truncate(8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tree size 8 is not between 0 and 7");
        assertThatThrownBy(() -> tree.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leaf_hashes_are_kept_by_index_and_returned_as_copies() {
        MerkleTree tree = treeOf(LEAVES.subList(0, 5));

        tree.leafHash(3)[0] ^= 1;

        assertThat(tree.leafHash(3)).isEqualTo(LEAVES.get(3));
        assertThatThrownBy(() -> tree.leafHash(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index 5 is not below size 5");
    }

    @Test
    void questions_about_sizes_the_tree_never_had_are_refused_with_the_reason() {
        MerkleTree tree = treeOf(LEAVES.subList(0, 5));

        assertThatThrownBy(() -> tree.root(6)).hasMessage("tree size 6 is not between 0 and 5");
        assertThatThrownBy(() -> tree.inclusionProof(7, 5)).hasMessage("index 7 is not below size 5");
        assertThatThrownBy(() -> tree.inclusionProof(-1, 5)).hasMessage("index -1 is not below size 5");
        assertThatThrownBy(() -> tree.inclusionProof(0, 6)).hasMessage("tree size 6 is not between 0 and 5");
        assertThatThrownBy(() -> tree.consistencyProof(0, 3))
                .hasMessage("first size 0 must be at least 1 and at most second size 3");
        assertThatThrownBy(() -> tree.consistencyProof(4, 3))
                .hasMessage("first size 4 must be at least 1 and at most second size 3");
        assertThatThrownBy(() -> tree.consistencyProof(1, 6)).hasMessage("tree size 6 is not between 0 and 5");
    }

    @Test
    void a_leaf_hash_that_is_not_32_bytes_is_refused_and_a_bad_batch_appends_nothing() {
        MerkleTree tree = new MerkleTree();

        assertThatThrownBy(() -> tree.append(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leaf hash 0 must be a 32-byte hash, got 31 bytes");
        assertThatThrownBy(() -> tree.appendAll(List.of(LEAVES.get(0), new byte[33])))
                .hasMessage("leaf hash 1 must be a 32-byte hash, got 33 bytes");
        assertThat(tree.size()).isZero();
    }

    @Test
    void a_tree_larger_than_one_storage_chunk_keeps_matching_the_recursive_definition() {
        int n = (1 << 15) * 2 + 77;
        List<byte[]> leaves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            leaves.add(Hashes.leafHash(Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
        }
        MerkleTree tree = treeOf(leaves);

        for (int size : new int[] {1 << 15, (1 << 15) + 1, n - 1, n}) {
            byte[] root = MerkleProofs.rootFromLeaves(leaves.subList(0, size));
            assertThat(tree.root(size)).isEqualTo(root);
            int index = size - 1;
            assertThat(MerkleProofs.verifyInclusion(leaves.get(index), index, size, tree.inclusionProof(index, size), root))
                    .isTrue();
        }
    }

    /**
     * The writer publishes each committed size, as the ledger does; tentative leaves that it appends and
     * truncates meanwhile must never disturb readers working on committed sizes.
     */
    @Test
    void readers_see_consistent_trees_while_one_writer_appends_and_truncates() throws Exception {
        int total = 5_000;
        List<byte[]> leaves = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            leaves.add(Hashes.leafHash(Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
        }
        MerkleTree tree = new MerkleTree();
        tree.append(leaves.get(0));
        AtomicLong committed = new AtomicLong(1);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> readUntilFull(tree, leaves, committed, start)));
            }
            Future<?> writer = pool.submit(() -> {
                start.await();
                for (int i = 1; i < total; i++) {
                    if (i % 100 == 0) {
                        // A failed write: tentative leaves that are dropped again.
                        tree.appendAll(List.of(Hashes.leafHash(new byte[] {1}), Hashes.leafHash(new byte[] {2})));
                        tree.truncate(i);
                    }
                    tree.append(leaves.get(i));
                    committed.set(i + 1);
                }
                return null;
            });
            start.countDown();
            writer.get(60, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tree.root()).isEqualTo(MerkleProofs.rootFromLeaves(leaves));
    }

    /** Checks proofs against roots until the tree is full; returns how many checks it made. */
    private static int readUntilFull(MerkleTree tree, List<byte[]> leaves, AtomicLong committed, CountDownLatch start)
            throws InterruptedException {
        start.await();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int checks = 0;
        long size;
        do {
            size = committed.get();
            long first = random.nextLong(1, size + 1);
            long index = random.nextLong(size);
            byte[] root = tree.root(size);
            assertThat(MerkleProofs.verifyInclusion(leaves.get((int) index), index, size,
                    tree.inclusionProof(index, size), root)).isTrue();
            assertThat(MerkleProofs.verifyConsistency(first, size, tree.root(first), root,
                    tree.consistencyProof(first, size))).isTrue();
            checks++;
        } while (size < leaves.size());
        return checks;
    }

    private static MerkleTree treeOf(List<byte[]> leaves) {
        MerkleTree tree = new MerkleTree();
        tree.appendAll(leaves);
        return tree;
    }
}
