package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.store.TestEntries.batch;
import static org.truce.store.TestEntries.entry;
import static org.truce.store.TestEntries.headNote;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.LedgerStore.KeptHead;
import org.truce.ledger.StoreFailure;
import org.truce.ledger.StoredEntry;

/**
 * The behaviour every {@link LedgerStore} adapter must have. An adapter's test implements
 * {@link #openStore()}; each call opens a new store over the same persistent state (a reopen).
 */
interface LedgerStoreContract {

    LedgerStore openStore();

    /** Inserts rows behind the store's back, without a head: what an older version left after a full disk. */
    void insertWithoutHead(List<StoredEntry> entries);

    @Test
    default void entries_no_kept_head_covers_are_dropped_and_the_signed_ones_kept() {
        try (LedgerStore store = openStore()) {
            store.append(batch(0, 3), 3, headNote(3));
        }
        insertWithoutHead(batch(3, 4));
        try (LedgerStore store = openStore()) {
            assertThat(store.size()).isEqualTo(7);

            assertThat(store.dropUnsignedTail()).isEqualTo(4);

            assertThat(store.size()).isEqualTo(3);
            assertThat(store.read(0, 100)).extracting(StoredEntry::seq).containsExactly(0L, 1L, 2L);
            assertThat(store.findByClientId(TestEntries.clientId(4))).isEmpty();
            store.append(batch(3, 2), 5, headNote(5));
            assertThat(store.heads()).extracting(KeptHead::size).containsExactly(3L, 5L);
        }
        try (LedgerStore reopened = openStore()) {
            assertThat(reopened.size()).isEqualTo(5);
            assertThat(reopened.dropUnsignedTail()).isZero();
            assertThat(reopened.size()).isEqualTo(5);
        }
    }

    @Test
    default void without_any_head_every_entry_is_unsigned() {
        insertWithoutHead(batch(0, 2));
        try (LedgerStore store = openStore()) {
            assertThat(store.dropUnsignedTail()).isEqualTo(2);
            assertThat(store.size()).isZero();
            store.append(batch(0, 1), 1, headNote(1));
            assertThat(store.size()).isEqualTo(1);
        }
    }

    @Test
    default void appended_entries_and_heads_read_back_byte_identical_after_reopen() {
        try (LedgerStore store = openStore()) {
            store.append(batch(0, 3), 3, headNote(3));
            store.append(batch(3, 2), 5, headNote(5));
        }
        try (LedgerStore reopened = openStore()) {
            assertThat(reopened.size()).isEqualTo(5);
            List<StoredEntry> read = reopened.read(0, 100);
            assertThat(read).hasSize(5);
            for (int seq = 0; seq < 5; seq++) assertSameEntry(read.get(seq), entry(seq));
            assertThat(reopened.heads())
                    .containsExactly(new KeptHead(3, headNote(3)), new KeptHead(5, headNote(5)));
        }
    }

    @Test
    default void an_empty_store_has_size_zero_and_no_heads() {
        try (LedgerStore store = openStore()) {
            assertThat(store.size()).isZero();
            assertThat(store.read(0, 10)).isEmpty();
            assertThat(store.heads()).isEmpty();
        }
    }

    @Test
    default void an_entry_is_found_by_its_client_id_and_an_unknown_id_finds_nothing() {
        try (LedgerStore store = openStore()) {
            store.append(batch(0, 4), 4, headNote(4));
            assertSameEntry(store.findByClientId(TestEntries.clientId(2)).orElseThrow(), entry(2));
            assertThat(store.findByClientId("never-sent")).isEmpty();
        }
    }

    @Test
    default void a_batch_repeating_a_client_id_inside_itself_writes_nothing() {
        try (LedgerStore store = openStore()) {
            store.append(batch(0, 2), 2, headNote(2));
            List<StoredEntry> clash = List.of(entry(2), new StoredEntry(3, TestEntries.clientId(2), new byte[] {1}));

            assertThatThrownBy(() -> store.append(clash, 4, headNote(4))).isInstanceOf(StoreFailure.class);

            assertUnchangedAfterTwoEntries(store);
        }
    }

    @Test
    default void a_batch_reusing_a_stored_client_id_writes_nothing() {
        try (LedgerStore store = openStore()) {
            store.append(batch(0, 2), 2, headNote(2));
            List<StoredEntry> clash = List.of(entry(2), new StoredEntry(3, TestEntries.clientId(0), new byte[] {1}));

            assertThatThrownBy(() -> store.append(clash, 4, headNote(4))).isInstanceOf(StoreFailure.class);

            assertUnchangedAfterTwoEntries(store);
        }
        try (LedgerStore reopened = openStore()) {
            assertUnchangedAfterTwoEntries(reopened);
        }
    }

    @Test
    default void the_store_accepts_the_next_batch_after_a_failed_one() {
        try (LedgerStore store = openStore()) {
            store.append(batch(0, 2), 2, headNote(2));
            List<StoredEntry> clash = List.of(new StoredEntry(2, TestEntries.clientId(1), new byte[] {1}));
            assertThatThrownBy(() -> store.append(clash, 3, headNote(3))).isInstanceOf(StoreFailure.class);

            store.append(batch(2, 3), 5, headNote(5));

            assertThat(store.size()).isEqualTo(5);
            assertThat(store.heads()).extracting(KeptHead::size).containsExactly(2L, 5L);
        }
    }

    @Test
    default void a_batch_that_skips_a_seq_is_rejected_before_writing() {
        try (LedgerStore store = openStore()) {
            store.append(batch(0, 2), 2, headNote(2));
            List<StoredEntry> gap = List.of(entry(2), entry(4));

            assertThatThrownBy(() -> store.append(gap, 4, headNote(4)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has seq 4 but the ledger expects 3");

            assertUnchangedAfterTwoEntries(store);
        }
    }

    @Test
    default void a_batch_that_does_not_start_at_size_is_rejected_before_writing() {
        try (LedgerStore store = openStore()) {
            store.append(batch(0, 2), 2, headNote(2));

            assertThatThrownBy(() -> store.append(batch(1, 2), 3, headNote(3)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has seq 1 but the ledger expects 2");

            assertUnchangedAfterTwoEntries(store);
        }
    }

    @Test
    default void a_head_size_that_does_not_match_the_batch_is_rejected_before_writing() {
        try (LedgerStore store = openStore()) {
            store.append(batch(0, 2), 2, headNote(2));

            assertThatThrownBy(() -> store.append(batch(2, 2), 5, headNote(5)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("headSize is 5 but the tree after this batch has size 4");

            assertUnchangedAfterTwoEntries(store);
        }
    }

    @Test
    default void an_empty_batch_is_rejected() {
        try (LedgerStore store = openStore()) {
            assertThatThrownBy(() -> store.append(List.of(), 0, headNote(0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("entries must not be empty");
            assertThat(store.heads()).isEmpty();
        }
    }

    @Test
    default void read_pages_through_the_ledger_in_seq_order() {
        try (LedgerStore store = openStore()) {
            store.append(batch(0, 25), 25, headNote(25));

            assertThat(store.read(0, 10)).extracting(StoredEntry::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            assertThat(store.read(20, 10)).extracting(StoredEntry::seq).containsExactly(20L, 21L, 22L, 23L, 24L);
            assertThat(store.read(25, 10)).isEmpty();
            assertThat(store.read(3, 0)).isEmpty();
            List<Long> all = new ArrayList<>();
            for (long from = 0; from < store.size(); from += 7) {
                store.read(from, 7).forEach(e -> all.add(e.seq()));
            }
            assertThat(all).hasSize(25).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    default void forEach_streams_ten_thousand_entries_in_seq_order() {
        try (LedgerStore store = openStore()) {
            for (int from = 0; from < 10_000; from += 1_000) store.append(batch(from, 1_000), from + 1_000, headNote(from + 1_000));
            long[] expected = {0};

            store.forEach(0, e -> {
                assertSameEntry(e, entry(expected[0]));
                expected[0]++;
            });

            assertThat(expected[0]).isEqualTo(10_000);
            List<Long> tail = new ArrayList<>();
            store.forEach(9_997, e -> tail.add(e.seq()));
            assertThat(tail).containsExactly(9_997L, 9_998L, 9_999L);
        }
    }

    @Test
    default void a_sink_that_throws_stops_forEach_and_the_store_stays_usable() {
        try (LedgerStore store = openStore()) {
            store.append(batch(0, 100), 100, headNote(100));
            RuntimeException stop = new RuntimeException("stop at 50");

            assertThatThrownBy(() -> store.forEach(0, e -> {
                if (e.seq() == 50) throw stop;
            })).isSameAs(stop);

            assertThat(store.read(98, 10)).extracting(StoredEntry::seq).containsExactly(98L, 99L);
        }
    }

    @Test
    default void a_closed_store_refuses_calls() {
        LedgerStore store = openStore();
        store.close();
        assertThatThrownBy(store::size).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.read(0, 1)).isInstanceOf(IllegalStateException.class);
    }

    /** Inserts rows into {@code entries} over a raw connection, as a hand edit would. */
    static void insertRows(java.sql.Connection connection, List<StoredEntry> entries) throws java.sql.SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO entries (seq, client_id, body) VALUES (?, ?, ?)")) {
            for (StoredEntry e : entries) {
                insert.setLong(1, e.seq());
                insert.setString(2, e.clientId());
                insert.setBytes(3, e.bytes());
                insert.executeUpdate();
            }
        }
    }

    private static void assertUnchangedAfterTwoEntries(LedgerStore store) {
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.read(0, 100)).extracting(StoredEntry::seq).containsExactly(0L, 1L);
        assertThat(store.heads()).containsExactly(new KeptHead(2, headNote(2)));
    }

    static void assertSameEntry(StoredEntry actual, StoredEntry expected) {
        assertThat(actual.seq()).isEqualTo(expected.seq());
        assertThat(actual.clientId()).isEqualTo(expected.clientId());
        assertThat(actual.bytes()).isEqualTo(expected.bytes());
    }
}
