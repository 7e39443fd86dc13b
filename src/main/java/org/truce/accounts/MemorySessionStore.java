package org.truce.accounts;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in this process's memory: a restart signs everyone out, and other nodes do not see them.
 * The store of a node on its own (SQLite). Thread-safe.
 */
public final class MemorySessionStore implements SessionStore {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public void add(Session session) {
        if (sessions.putIfAbsent(session.id(), session) != null) {
            throw new IllegalStateException("a session with this id is already kept");
        }
    }

    @Override
    public Optional<Session> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public void touch(String id, Instant at) {
        sessions.computeIfPresent(id, (k, s) -> new Session(s.id(), s.accountId(), s.csrf(), s.created(), at));
    }

    @Override
    public void remove(String id) {
        sessions.remove(id);
    }

    @Override
    public int removeExpired(Instant idleBefore, Instant createdBefore) {
        int removed = 0;
        for (var it = sessions.values().iterator(); it.hasNext(); ) {
            Session s = it.next();
            if (s.lastSeen().isBefore(idleBefore) || s.created().isBefore(createdBefore)) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    @Override
    public void close() {
        sessions.clear();
    }
}
