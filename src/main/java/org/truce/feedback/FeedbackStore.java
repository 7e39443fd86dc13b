package org.truce.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where messages are kept, apart from the ledger. Implementations are thread-safe and never return
 * the email address they store.
 */
public interface FeedbackStore extends AutoCloseable {
    void add(String id, LocalDate bulletin, Feedback.Kind kind, String name, String email, String text, Instant at);

    /** Newest first; all statuses when {@code status} is null. */
    List<Feedback> list(Feedback.Status status, int limit);

    Optional<Feedback> find(String id);

    /** Records the secretariat's decision; false when the message does not exist. */
    boolean decide(String id, Feedback.Status status, String answer, String by, Instant at);

    @Override
    void close();
}
