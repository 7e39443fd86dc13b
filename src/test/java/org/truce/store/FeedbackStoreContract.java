package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.feedback.Feedback;
import org.truce.feedback.FeedbackStore;

/**
 * The behaviour every {@link FeedbackStore} adapter must have: messages kept, listed newest first,
 * decided once; never the email back; one store sees another's writes at once (two nodes).
 */
abstract class FeedbackStoreContract {

    static final Instant T0 = Instant.parse("2021-01-11T09:00:00.250Z");
    static final LocalDate BULLETIN = LocalDate.parse("2021-01-11");

    protected abstract FeedbackStore open();

    @Test
    void a_message_is_kept_held_and_read_back_without_its_email() {
        try (FeedbackStore store = open()) {
            store.add("fb-1", BULLETIN, Feedback.Kind.CORRECTION, "Anna Reader", "anna@example.org", "Looks doubled.", T0);
        }
        try (FeedbackStore store = open()) {
            Feedback kept = store.find("fb-1").orElseThrow();
            assertThat(kept).isEqualTo(new Feedback("fb-1", BULLETIN, Feedback.Kind.CORRECTION, "Anna Reader",
                    "Looks doubled.", T0, Feedback.Status.HELD, null, null, null));
            assertThat(kept.toString()).doesNotContain("anna@example.org");
            assertThat(store.find("fb-2")).isEmpty();
        }
    }

    @Test
    void messages_are_listed_newest_first_filtered_by_status_and_limited() {
        try (FeedbackStore store = open()) {
            for (int i = 0; i < 4; i++) {
                store.add("fb-" + i, BULLETIN, Feedback.Kind.QUESTION, "R" + i, "r" + i + "@example.org", "Q" + i,
                        T0.plusSeconds(10L * i));
            }
            assertThat(store.decide("fb-1", Feedback.Status.PUBLISHED, "Answer.", "u-aaaaaaaaaaaa", T0.plusSeconds(100))).isTrue();

            assertThat(store.list(null, 10)).extracting(Feedback::id).containsExactly("fb-3", "fb-2", "fb-1", "fb-0");
            assertThat(store.list(null, 2)).extracting(Feedback::id).containsExactly("fb-3", "fb-2");
            assertThat(store.list(Feedback.Status.HELD, 10)).extracting(Feedback::id).containsExactly("fb-3", "fb-2", "fb-0");
            assertThat(store.list(Feedback.Status.PUBLISHED, 10)).extracting(Feedback::id).containsExactly("fb-1");
            assertThat(store.list(Feedback.Status.DISMISSED, 10)).isEmpty();
        }
    }

    @Test
    void a_decision_is_recorded_and_an_unknown_message_is_not_decided() {
        try (FeedbackStore store = open()) {
            store.add("fb-1", BULLETIN, Feedback.Kind.QUESTION, "R", "r@example.org", "Why?", T0);
            Instant at = T0.plusSeconds(3600);

            assertThat(store.decide("fb-1", Feedback.Status.ANSWERED, "Because.", "u-aaaaaaaaaaaa", at)).isTrue();
            assertThat(store.decide("fb-9", Feedback.Status.ANSWERED, "Because.", "u-aaaaaaaaaaaa", at)).isFalse();

            assertThat(store.find("fb-1")).contains(new Feedback("fb-1", BULLETIN, Feedback.Kind.QUESTION, "R", "Why?", T0,
                    Feedback.Status.ANSWERED, "Because.", "u-aaaaaaaaaaaa", at));
        }
    }

    @Test
    void a_message_kept_by_one_store_is_listed_by_another_at_once() {
        try (FeedbackStore a = open(); FeedbackStore b = open()) {
            a.add("fb-1", BULLETIN, Feedback.Kind.CORRECTION, "R", "r@example.org", "Text.", T0);

            assertThat(b.list(Feedback.Status.HELD, 10)).extracting(Feedback::id).isEqualTo(List.of("fb-1"));
            assertThat(b.decide("fb-1", Feedback.Status.DISMISSED, null, "u-aaaaaaaaaaaa", T0.plusSeconds(1))).isTrue();
            assertThat(a.find("fb-1").orElseThrow().status()).isEqualTo(Feedback.Status.DISMISSED);
        }
    }
}
