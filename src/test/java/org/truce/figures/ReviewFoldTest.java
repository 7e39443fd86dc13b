package org.truce.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The figures projection under four eyes, without a node: what counts, and from which entry on. */
class ReviewFoldTest {
    private final BookBuilder b = new BookBuilder();

    private String valueAt(long size) {
        return b.book.figure("returnees", "a", "region", LocalDate.parse("2021-01-11"), size)
                .map(f -> f.value().toPlainString()).orElse("none");
    }

    @Test
    void a_report_awaiting_review_counts_from_its_confirmation_on_and_not_before() {
        String id = b.awaiting("a", "48241", "2021-01-11", null);
        assertThat(valueAt(Long.MAX_VALUE)).isEqualTo("none");
        assertThat(b.book.awaitingReview()).extracting(f -> f.report().id()).containsExactly(id);
        long confirmed = b.decide(id, ReviewDecision.Verdict.CONFIRMED);
        assertThat(valueAt(Long.MAX_VALUE)).isEqualTo("48241");
        assertThat(valueAt(confirmed)).as("as the ledger knew it just before the confirmation").isEqualTo("none");
        assertThat(valueAt(confirmed + 1)).isEqualTo("48241");
        assertThat(b.book.awaitingReview()).isEmpty();
        assertThat(b.book.report(id).orElseThrow().countsFrom()).isEqualTo(confirmed);
    }

    @Test
    void a_rejected_report_never_counts_and_leaves_the_queue() {
        String id = b.awaiting("a", "48241", "2021-01-11", null);
        b.decide(id, ReviewDecision.Verdict.REJECTED);
        assertThat(valueAt(Long.MAX_VALUE)).isEqualTo("none");
        assertThat(b.book.awaitingReview()).isEmpty();
        assertThat(b.book.report(id).orElseThrow().current()).isFalse();
    }

    @Test
    void a_correction_awaiting_review_replaces_the_version_in_force_only_once_confirmed() {
        String first = b.total("a", "1000", "2021-01-11");
        String correction = b.awaiting("a", "1200", "2021-01-11", first);
        assertThat(valueAt(Long.MAX_VALUE)).isEqualTo("1000");
        assertThat(b.book.report(first).orElseThrow().current()).isTrue();
        long confirmed = b.decide(correction, ReviewDecision.Verdict.CONFIRMED);
        assertThat(valueAt(Long.MAX_VALUE)).isEqualTo("1200");
        assertThat(valueAt(confirmed)).isEqualTo("1000");
        assertThat(b.book.report(first).orElseThrow().endedAt()).isEqualTo(confirmed);
    }

    @Test
    void a_correction_of_a_report_that_never_counted_replaces_it_at_once() {
        String draft = b.awaiting("a", "1000", "2021-01-11", null);
        String fixed = b.awaiting("a", "1100", "2021-01-11", draft);
        assertThat(b.book.awaitingReview()).extracting(f -> f.report().id()).containsExactly(fixed);
        b.decide(fixed, ReviewDecision.Verdict.CONFIRMED);
        assertThat(valueAt(Long.MAX_VALUE)).isEqualTo("1100");
    }

    @Test
    void a_second_decision_on_a_decided_report_changes_nothing_on_replay() {
        String id = b.awaiting("a", "500", "2021-01-11", null);
        b.decide(id, ReviewDecision.Verdict.CONFIRMED);
        b.decide(id, ReviewDecision.Verdict.REJECTED); // refused by the rules on input; a replay must not fail on it
        assertThat(valueAt(Long.MAX_VALUE)).isEqualTo("500");
    }
}
