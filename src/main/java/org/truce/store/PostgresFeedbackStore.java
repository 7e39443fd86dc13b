package org.truce.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.truce.feedback.Feedback;
import org.truce.feedback.FeedbackStore;

/**
 * Readers' messages in the shared PostgreSQL database, schema {@code truce_private}, table
 * {@code feedback}: a message sent to one node is seen by the secretariat on every node. No query
 * selects the email column. Thread-safe; every call one short transaction. Lifecycle: from
 * {@link PrivateDatabase#feedback()}, closed once.
 */
final class PostgresFeedbackStore implements FeedbackStore {
    private static final String COLUMNS = "id, bulletin, kind, name, body, received_at, status, answer, answered_by, answered_at";

    private final PrivateJdbc jdbc;
    private volatile boolean closed;

    PostgresFeedbackStore(PrivateJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(String id, LocalDate bulletin, Feedback.Kind kind, String name, String email, String text, Instant at) {
        ensureOpen();
        jdbc.update("INSERT INTO feedback (id, bulletin, kind, name, email, body, received_at, status) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'HELD')", id, bulletin, kind.name(), name, email, text, at);
    }

    @Override
    public List<Feedback> list(Feedback.Status status, int limit) {
        ensureOpen();
        String order = " ORDER BY received_at DESC, id COLLATE \"C\" LIMIT ?";
        if (status == null) return jdbc.query("SELECT " + COLUMNS + " FROM feedback" + order, PostgresFeedbackStore::feedback, limit);
        return jdbc.query("SELECT " + COLUMNS + " FROM feedback WHERE status = ?" + order, PostgresFeedbackStore::feedback,
                status.name(), limit);
    }

    @Override
    public Optional<Feedback> find(String id) {
        ensureOpen();
        return jdbc.first("SELECT " + COLUMNS + " FROM feedback WHERE id = ?", PostgresFeedbackStore::feedback, id);
    }

    @Override
    public boolean decide(String id, Feedback.Status status, String answer, String by, Instant at) {
        ensureOpen();
        return jdbc.update("UPDATE feedback SET status = ?, answer = ?, answered_by = ?, answered_at = ? WHERE id = ?",
                status.name(), answer, by, at, id) == 1;
    }

    private static Feedback feedback(ResultSet rs) throws SQLException {
        return new Feedback(rs.getString(1), rs.getObject(2, LocalDate.class), Feedback.Kind.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), PrivateJdbc.instant(rs, 6), Feedback.Status.valueOf(rs.getString(7)),
                rs.getString(8), rs.getString(9), PrivateJdbc.instant(rs, 10));
    }

    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the feedback store is closed");
    }
}
