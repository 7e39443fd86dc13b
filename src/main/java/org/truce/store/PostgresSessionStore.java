package org.truce.store;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.truce.accounts.SessionStore;
import org.truce.ledger.Hashes;

/**
 * Browser sessions in the shared PostgreSQL database, schema {@code truce_private}, table
 * {@code sessions}: a session begun on one node is valid on every node, and removing it on one ends
 * it on all at once (nothing is cached). Only the SHA-256 of a session id is stored, so the table
 * gives nobody a live cookie. Thread-safe; every call one short statement. Lifecycle: from
 * {@link PrivateDatabase#sessions()}, closed once.
 */
final class PostgresSessionStore implements SessionStore {

    private final PrivateJdbc jdbc;
    private volatile boolean closed;

    PostgresSessionStore(PrivateJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Session s) {
        ensureOpen();
        jdbc.update("INSERT INTO sessions (id_sha256, account_id, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?)",
                hash(s.id()), s.accountId(), s.csrf(), s.created(), s.lastSeen());
    }

    @Override
    public Optional<Session> find(String id) {
        ensureOpen();
        return jdbc.first("SELECT account_id, csrf, created_at, last_seen FROM sessions WHERE id_sha256 = ?",
                rows -> session(id, rows), hash(id));
    }

    @Override
    public void touch(String id, Instant at) {
        ensureOpen();
        jdbc.update("UPDATE sessions SET last_seen = greatest(last_seen, ?) WHERE id_sha256 = ?", at, hash(id));
    }

    @Override
    public void remove(String id) {
        ensureOpen();
        jdbc.update("DELETE FROM sessions WHERE id_sha256 = ?", hash(id));
    }

    @Override
    public int removeExpired(Instant idleBefore, Instant createdBefore) {
        ensureOpen();
        return jdbc.update("DELETE FROM sessions WHERE last_seen < ? OR created_at < ?", idleBefore, createdBefore);
    }

    @Override
    public void close() {
        closed = true;
    }

    private static Session session(String id, ResultSet rows) throws SQLException {
        return new Session(id, rows.getString(1), rows.getString(2), PrivateJdbc.instant(rows, 3), PrivateJdbc.instant(rows, 4));
    }

    private static byte[] hash(String id) {
        return Hashes.sha256(id.getBytes(StandardCharsets.UTF_8));
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("the session store is closed");
    }
}
