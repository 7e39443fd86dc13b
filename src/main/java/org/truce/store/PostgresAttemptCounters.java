package org.truce.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.truce.accounts.AttemptCounters;

/**
 * Attempt counters in the shared PostgreSQL database, schema {@code truce_private}, table
 * {@code attempt_counters} (one row per counted attempt and key), so attempts spread over the nodes
 * count together. {@link #admit} runs under a transaction-scoped advisory lock per key, taken in key
 * order (no deadlock between two admits), so the check and the insert are one step for every node.
 * Every admit deletes its own counters' expired rows and any row older than {@link AttemptCounters#KEPT}
 * (not every row older than its own window: sign-ins and messages keep different windows). Thread-safe. Lifecycle: from
 * {@link PrivateDatabase#attemptCounters()}, closed once.
 */
final class PostgresAttemptCounters implements AttemptCounters {

    private final PrivateJdbc jdbc;
    private volatile boolean closed;

    PostgresAttemptCounters(PrivateJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> admit(List<? extends Rule> rules, Instant now, Duration window) {
        ensureOpen();
        AttemptCounters.checkWindow(window);
        List<Rule> ordered = rules.stream().map(Rule.class::cast).sorted(Comparator.comparing(Rule::key)).toList();
        return jdbc.transaction(c -> {
            for (Rule rule : ordered) PrivateJdbc.lock(c, PrivateJdbc.THROTTLE_LOCK, rule.key());
            PrivateJdbc.update(c, "DELETE FROM attempt_counters WHERE at <= ?", now.minus(KEPT));
            for (Rule rule : ordered) {
                PrivateJdbc.update(c, "DELETE FROM attempt_counters WHERE key = ? AND at <= ?", rule.key(), now.minus(window));
            }
            Instant wait = null;
            for (Rule rule : ordered) {
                Optional<Instant> free = rule.freeAt(times(c, rule.key(), now.minus(window)), now, window);
                if (free.isPresent() && (wait == null || free.get().isAfter(wait))) wait = free.get();
            }
            if (wait != null) return Optional.of(wait);
            for (Rule rule : ordered) {
                PrivateJdbc.update(c, "INSERT INTO attempt_counters (key, at) VALUES (?, ?)", rule.key(), now);
            }
            return Optional.<Instant>empty();
        });
    }

    @Override
    public void clear(String key) {
        ensureOpen();
        jdbc.update("DELETE FROM attempt_counters WHERE key = ?", key);
    }

    @Override
    public void forgetLatest(String key) {
        ensureOpen();
        jdbc.update("DELETE FROM attempt_counters WHERE id = "
                + "(SELECT id FROM attempt_counters WHERE key = ? ORDER BY at DESC, id DESC LIMIT 1)", key);
    }

    @Override
    public void close() {
        closed = true;
    }

    private static List<Instant> times(Connection c, String key, Instant after) throws SQLException {
        return PrivateJdbc.query(c, "SELECT at FROM attempt_counters WHERE key = ? AND at > ? ORDER BY at, id",
                rows -> PrivateJdbc.instant(rows, 1), key, after);
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the attempt counters are closed");
    }
}
