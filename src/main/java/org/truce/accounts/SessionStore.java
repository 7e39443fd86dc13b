package org.truce.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * Where signed-in browser sessions are kept (port). In memory ({@link MemorySessionStore}) for a node
 * on its own; in the shared database (adapter in {@code org.truce.store}) when several nodes serve one
 * record, so that a session begun on one node is valid on every other and ending it on any node ends
 * it everywhere at once. Nothing is cached: every call reads or writes the store.
 *
 * <p>The policy (idle and absolute limits) belongs to the caller; the store keeps what it is given.
 * Adapters are thread-safe. Failures of the store itself are {@link org.truce.ledger.StoreFailure}s.
 */
public interface SessionStore extends AutoCloseable {

    /** One session: its secret id (the cookie), the account, the anti-forgery token, when it began and was last used. */
    record Session(String id, String accountId, String csrf, Instant created, Instant lastSeen) {}

    /** Keeps a new session. Ids are random 256-bit values; a repeated id is a bug and fails. */
    void add(Session session);

    /** The session with this id, if kept. */
    Optional<Session> find(String id);

    /** Records a use of the session at {@code at}; does nothing if it is no longer kept. */
    void touch(String id, Instant at);

    /** Forgets the session; does nothing if it is not kept. */
    void remove(String id);

    /**
     * Forgets every session last used before {@code idleBefore} or begun before {@code createdBefore}
     * (expired sessions nobody presents again).
     *
     * @return how many were forgotten
     */
    int removeExpired(Instant idleBefore, Instant createdBefore);

    @Override
    void close();
}
