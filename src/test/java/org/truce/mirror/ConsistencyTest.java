package org.truce.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Hashes;
import org.truce.ledger.MerkleTree;

/** The mirror's consistency checks against trees built here, leaf by leaf: every way a log can rewrite history. */
class ConsistencyTest {
    private static final String ORIGIN = "truce.local/ledger";

    private static MerkleTree tree(String prefix, int size) {
        MerkleTree t = new MerkleTree();
        for (int i = 0; i < size; i++) t.append(Hashes.leafHash((prefix + i).getBytes(StandardCharsets.UTF_8)));
        return t;
    }

    private static Checkpoint at(MerkleTree t, long size) {
        return new Checkpoint(ORIGIN, size, t.root(size));
    }

    @Test
    void a_first_checkpoint_and_a_larger_one_of_the_same_history_raise_nothing() {
        MerkleTree t = tree("e", 10);
        assertThat(Consistency.againstAccepted(null, at(t, 4), t)).isEmpty();
        assertThat(Consistency.againstAccepted(at(t, 4), at(t, 10), t)).isEmpty();
        assertThat(Consistency.againstAccepted(at(t, 10), at(t, 10), t)).isEmpty();
        assertThat(Consistency.rootOfCopy(at(t, 10), t)).isEmpty();
        assertThat(Consistency.proof(at(t, 4), at(t, 10), t, t.consistencyProof(4, 10))).isEmpty();
    }

    @Test
    void a_smaller_checkpoint_of_the_same_history_is_a_rollback() {
        MerkleTree t = tree("e", 10);
        Optional<Alarm> alarm = Consistency.againstAccepted(at(t, 10), at(t, 6), t);
        assertThat(alarm).map(Alarm::kind).contains(Alarm.Kind.ROLLBACK);
        assertThat(alarm.get().line()).isEqualTo("ROLLBACK at checkpoint size 6: the log's signed checkpoint has 6 entries, fewer"
                + " than the 10 of the checkpoint accepted before (root " + Hashes.hex(t.root(10)) + "): entries 6 to 9 are gone"
                + " from its tree");
    }

    @Test
    void a_smaller_checkpoint_of_another_history_is_a_rollback_that_says_it_forked_too() {
        MerkleTree copy = tree("e", 10);
        MerkleTree other = tree("x", 6);
        assertThat(Consistency.againstAccepted(at(copy, 10), at(other, 6), copy).get().detail())
                .endsWith("and its first 6 entries are not those of the copy either (a fork)");
    }

    @Test
    void two_trees_of_the_same_size_are_a_fork() {
        MerkleTree copy = tree("e", 8);
        MerkleTree other = tree("x", 8);
        Optional<Alarm> alarm = Consistency.againstAccepted(at(copy, 8), at(other, 8), copy);
        assertThat(alarm.get().kind()).isEqualTo(Alarm.Kind.FORK);
        assertThat(alarm.get().detail()).isEqualTo("the log signed two trees of 8 entries: root " + Hashes.hex(copy.root(8))
                + " accepted before, " + Hashes.hex(other.root(8)) + " now");
    }

    @Test
    void entries_that_do_not_hash_to_the_signed_root_are_a_root_mismatch() {
        MerkleTree signed = tree("e", 5);
        MerkleTree served = tree("e", 4);
        served.append(Hashes.leafHash("changed".getBytes(StandardCharsets.UTF_8)));
        Optional<Alarm> alarm = Consistency.rootOfCopy(at(signed, 5), served);
        assertThat(alarm.get().kind()).isEqualTo(Alarm.Kind.ROOT_MISMATCH);
        assertThat(alarm.get().where()).isEqualTo("checkpoint size 5");
    }

    @Test
    void fewer_entries_served_than_signed_are_missing() {
        MerkleTree signed = tree("e", 5);
        assertThat(Consistency.rootOfCopy(at(signed, 5), tree("e", 3)).get().line())
                .isEqualTo("ENTRY_MISSING at checkpoint size 5: the log signed 5 entries but served only 3");
    }

    @Test
    void a_consistency_proof_that_does_not_verify_is_a_fork() {
        MerkleTree t = tree("e", 10);
        List<byte[]> proofOfOther = tree("x", 10).consistencyProof(4, 10);
        assertThat(Consistency.proof(at(t, 4), at(t, 10), t, proofOfOther).get().kind()).isEqualTo(Alarm.Kind.FORK);
        assertThat(Consistency.proof(at(t, 4), at(t, 10), t, List.of()).get().kind()).isEqualTo(Alarm.Kind.FORK);
    }

    @Test
    void a_copy_that_lost_its_accepted_root_is_named_before_the_proof() {
        MerkleTree copy = tree("e", 10);
        MerkleTree other = tree("x", 10);
        Optional<Alarm> alarm = Consistency.proof(at(other, 4), at(copy, 10), copy, copy.consistencyProof(4, 10));
        assertThat(alarm.get().kind()).isEqualTo(Alarm.Kind.ROOT_MISMATCH);
        assertThat(alarm.get().detail()).endsWith("the copy was changed under the mirror");
    }
}
