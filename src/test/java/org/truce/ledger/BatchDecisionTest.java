package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a batch of append requests comes to, decided before anything is written: numbering, retries and conflicts. */
class BatchDecisionTest {
    private static final Instant NOW = Instant.parse("2021-01-11T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2021-01-10T08:00:00Z");
    private final Map<String, Entry> store = new HashMap<>();
    private final BatchDecision batch = new BatchDecision(7, NOW, id -> Optional.ofNullable(store.get(id)));

    private static Draft draft(String type, String id, int value) {
        return new Draft(type, "org/account", id, JsonNodeFactory.instance.objectNode().put("id", id).put("value", value));
    }

    private static Draft draft(String id, int value) {
        return draft("report.filed", id, value);
    }

    private static byte[] leaf(long seq) {
        return new byte[] {(byte) seq};
    }

    private AppendResult.Accepted accepted(int request) {
        return (AppendResult.Accepted) batch.result(request, BatchDecisionTest::leaf);
    }

    private static List<Long> seqs(AppendResult.Accepted a) {
        return a.outcomes().stream().map(o -> o.entry().seq()).toList();
    }

    @Test
    void new_entries_are_numbered_from_the_base_in_request_order_and_all_carry_the_batch_record_time() {
        batch.decide(List.of(draft("a", 1), draft("b", 2)));
        batch.decide(List.of(draft("c", 3)));

        assertThat(batch.fresh()).extracting(f -> f.entry().seq()).containsExactly(7L, 8L, 9L);
        assertThat(batch.fresh()).extracting(f -> f.entry().clientId()).containsExactly("a", "b", "c");
        assertThat(batch.fresh()).extracting(f -> f.entry().recordedAt()).containsOnly(NOW);
        assertThat(seqs(accepted(0))).containsExactly(7L, 8L);
        assertThat(seqs(accepted(1))).containsExactly(9L);
        assertThat(accepted(1).outcomes().get(0).leafHash()).containsExactly(9);
    }

    @Test
    void a_retry_of_a_stored_entry_resolves_to_it_and_takes_no_new_seq() {
        store.put("a", new Entry(3, EARLIER, "report.filed", "org/account", "a", draft("a", 1).payload()));

        batch.decide(List.of(draft("a", 1), draft("b", 2)));

        AppendResult.Accepted a = accepted(0);
        assertThat(seqs(a)).containsExactly(3L, 7L);
        assertThat(a.outcomes()).extracting(AppendResult.Outcome::created).containsExactly(false, true);
        assertThat(a.outcomes().get(0).entry().recordedAt()).isEqualTo(EARLIER);
        assertThat(batch.fresh()).extracting(f -> f.entry().clientId()).containsExactly("b");
    }

    @Test
    void a_client_id_repeated_later_in_the_batch_with_the_same_content_resolves_to_the_first() {
        batch.decide(List.of(draft("a", 1)));
        batch.decide(List.of(draft("a", 1), draft("b", 2)));

        assertThat(seqs(accepted(1))).containsExactly(7L, 8L);
        assertThat(accepted(1).outcomes()).extracting(AppendResult.Outcome::created).containsExactly(false, true);
        assertThat(batch.fresh()).extracting(f -> f.entry().seq()).containsExactly(7L, 8L);
    }

    @Test
    void a_client_id_taken_by_other_content_refuses_the_whole_request_and_the_next_request_leaves_no_gap() {
        store.put("a", new Entry(3, EARLIER, "report.filed", "org/account", "a", draft("a", 1).payload()));

        batch.decide(List.of(draft("x", 9), draft("a", 2)));
        batch.decide(List.of(draft("y", 4)));

        assertThat(batch.result(0, BatchDecisionTest::leaf)).isEqualTo(new AppendResult.Conflict(1, "a", 3));
        assertThat(batch.fresh()).extracting(f -> f.entry().clientId()).containsExactly("y");
        assertThat(seqs(accepted(1))).containsExactly(7L);
    }

    @Test
    void the_same_payload_under_another_entry_type_is_other_content() {
        batch.decide(List.of(draft("report.filed", "a", 1)));
        batch.decide(List.of(draft("report.retracted", "a", 1)));

        assertThat(batch.result(1, BatchDecisionTest::leaf)).isEqualTo(new AppendResult.Conflict(0, "a", 7));
    }
}
