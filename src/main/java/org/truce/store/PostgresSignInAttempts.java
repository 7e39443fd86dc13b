package org.truce.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.truce.accounts.SignInAttempts;

/**
 * Sign-in counters in the shared PostgreSQL database, schema {@code truce_private}, table
 * {@code sign_in_attempts} (one row per counted attempt and key), so guesses spread over the nodes
 * count together. {@link #admit} runs under a transaction-scoped advisory lock per key, taken in key
 * order (no deadlock between two admits), so the check and the insert are one step for every node.
 * Expired rows are deleted by every admit. Thread-safe. Lifecycle: from
 * {@link PrivateDatabase#signInAttempts()}, closed once.
 */
final class PostgresSignInAttempts implements SignInAttempts {

    private final PrivateJdbc jdbc;
    private volatile boolean closed;

    PostgresSignInAttempts(PrivateJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> admit(List<Limit> limits, Instant now, Duration window) {
        ensureOpen();
        List<Limit> ordered = limits.stream().sorted(Comparator.comparing(Limit::key)).toList();
        return jdbc.transaction(c -> {
            for (Limit limit : ordered) PrivateJdbc.lock(c, PrivateJdbc.THROTTLE_LOCK, limit.key());
            PrivateJdbc.update(c, "DELETE FROM sign_in_attempts WHERE at <= ?", now.minus(window));
            Instant wait = null;
            for (Limit limit : ordered) {
                Optional<Instant> free = SignInAttempts.freeAt(times(c, limit.key(), now.minus(window)), limit.max(), window);
                if (free.isPresent() && (wait == null || free.get().isAfter(wait))) wait = free.get();
            }
            if (wait != null) return Optional.of(wait);
            for (Limit limit : ordered) {
                PrivateJdbc.update(c, "INSERT INTO sign_in_attempts (key, at) VALUES (?, ?)", limit.key(), now);
            }
            return Optional.<Instant>empty();
        });
    }

    @Override
    public void clear(String key) {
        ensureOpen();
        jdbc.update("DELETE FROM sign_in_attempts WHERE key = ?", key);
    }

    @Override
    public void forgetLatest(String key) {
        ensureOpen();
        jdbc.update("DELETE FROM sign_in_attempts WHERE id = "
                + "(SELECT id FROM sign_in_attempts WHERE key = ? ORDER BY at DESC, id DESC LIMIT 1)", key);
    }

    @Override
    public void close() {
        closed = true;
    }

    private static List<Instant> times(Connection c, String key, Instant after) throws SQLException {
        return PrivateJdbc.query(c, "SELECT at FROM sign_in_attempts WHERE key = ? AND at > ? ORDER BY at, id",
                rows -> PrivateJdbc.instant(rows, 1), key, after);
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the sign-in counters are closed");
    }
}
