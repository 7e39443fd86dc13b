package org.truce.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.truce.feedback.Feedback;
import org.truce.feedback.FeedbackStore;
import org.truce.ledger.StoreFailure;

/**
 * Readers' messages in {@code feedback.db}, readable by its owner only. No query selects the email
 * column. Thread-safe: calls are serialised on one connection. Lifecycle: from
 * {@link PrivateStores#openFeedback}, closed once.
 */
final class SqliteFeedbackStore implements FeedbackStore {
    private static final String COLUMNS = "id, bulletin, kind, name, body, received_at, status, answer, answered_by, answered_at";
    private final Connection connection;

    SqliteFeedbackStore(Connection connection) {
        this.connection = connection;
    }

    @Override
    public synchronized void add(String id, LocalDate bulletin, Feedback.Kind kind, String name, String email, String text, Instant at) {
        String sql = "INSERT INTO messages (id, bulletin, kind, name, email, body, received_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'HELD')";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, id);
            st.setString(2, bulletin.toString());
            st.setString(3, kind.name());
            st.setString(4, name);
            st.setString(5, email);
            st.setString(6, text);
            st.setString(7, at.toString());
            st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreFailure("could not keep the message", e);
        }
    }

    @Override
    public synchronized List<Feedback> list(Feedback.Status status, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM messages" + (status == null ? "" : " WHERE status = ?")
                + " ORDER BY received_at DESC, id LIMIT ?";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            int i = 1;
            if (status != null) st.setString(i++, status.name());
            st.setInt(i, limit);
            return read(st);
        } catch (SQLException e) {
            throw new StoreFailure("could not read the messages", e);
        }
    }

    @Override
    public synchronized Optional<Feedback> find(String id) {
        try (PreparedStatement st = connection.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE id = ?")) {
            st.setString(1, id);
            return read(st).stream().findFirst();
        } catch (SQLException e) {
            throw new StoreFailure("could not read the message", e);
        }
    }

    @Override
    public synchronized boolean decide(String id, Feedback.Status status, String answer, String by, Instant at) {
        String sql = "UPDATE messages SET status = ?, answer = ?, answered_by = ?, answered_at = ? WHERE id = ?";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, status.name());
            st.setString(2, answer);
            st.setString(3, by);
            st.setString(4, at.toString());
            st.setString(5, id);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreFailure("could not record the decision", e);
        }
    }

    private static List<Feedback> read(PreparedStatement st) throws SQLException {
        List<Feedback> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String answeredAt = rs.getString(10);
                out.add(new Feedback(rs.getString(1), LocalDate.parse(rs.getString(2)), Feedback.Kind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), Instant.parse(rs.getString(6)), Feedback.Status.valueOf(rs.getString(7)),
                        rs.getString(8), rs.getString(9), answeredAt == null ? null : Instant.parse(answeredAt)));
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreFailure("could not close the feedback store", e);
        }
    }
}
