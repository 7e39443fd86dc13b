package org.truce.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every version the book filed, in seq order, and what had become of each at a ledger size. */
class VersionStateTest {
    final BookBuilder b = new BookBuilder();

    static String state(BookBuilder b, String id, long size) {
        VersionState s = VersionState.at(b.book, b.book.report(id).orElseThrow(), size);
        return s.status().wire() + (s.endedBy() == null ? "" : " by " + s.endedBy());
    }

    @Test
    void a_corrected_version_is_current_until_its_correction_is_recorded() {
        String a = b.total("a", "100", "2021-01-01");
        long afterA = b.entries.size();
        String c = b.report("a", "region", ReportKind.TOTAL, "110", Qualifier.EXACT, "2021-01-01", Map.of(), a);
        long afterC = b.entries.size();
        assertThat(state(b, a, afterA)).isEqualTo("current");
        assertThat(state(b, a, afterC)).isEqualTo("corrected by " + c);
        assertThat(state(b, c, afterC)).isEqualTo("current");
    }

    @Test
    void a_withdrawn_version_is_retracted_by_the_retraction() {
        String a = b.total("a", "100", "2021-01-01");
        b.add(new Fact.ReportRetracted(new Retraction("r-1", "a", a, "entered twice")));
        assertThat(state(b, a, b.entries.size())).isEqualTo("retracted by r-1");
    }

    @Test
    void each_link_of_a_chain_of_corrections_names_the_next() {
        String a = b.total("a", "100", "2021-01-01");
        String c1 = b.report("a", "region", ReportKind.TOTAL, "110", Qualifier.EXACT, "2021-01-01", Map.of(), a);
        String c2 = b.report("a", "region", ReportKind.TOTAL, "120", Qualifier.EXACT, "2021-01-01", Map.of(), c1);
        long size = b.entries.size();
        assertThat(List.of(state(b, a, size), state(b, c1, size), state(b, c2, size)))
                .containsExactly("corrected by " + c1, "corrected by " + c2, "current");
    }

    @Test
    void the_book_lists_every_version_filed_within_a_size_in_seq_order() {
        long before = b.entries.size();
        String a = b.total("b", "100", "2021-01-02");
        String c = b.total("a", "50", "2021-01-01");
        String d = b.report("b", "region", ReportKind.TOTAL, "110", Qualifier.EXACT, "2021-01-02", Map.of(), a);
        assertThat(b.book.filed(before)).isEmpty();
        assertThat(b.book.filed(before + 2).stream().map(f -> f.report().id()).toList()).containsExactly(a, c);
        assertThat(b.book.filed(Long.MAX_VALUE).stream().map(f -> f.report().id()).toList()).containsExactly(a, c, d);
    }

    @Test
    void a_version_filed_after_the_size_has_no_state_there() {
        String a = b.total("a", "100", "2021-01-01");
        assertThatThrownBy(() -> state(b, a, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after size 1");
    }
}
