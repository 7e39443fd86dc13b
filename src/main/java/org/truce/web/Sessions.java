package org.truce.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.truce.accounts.SessionStore;

/**
 * Signed-in browser sessions (DESIGN.md: sessions are not in the ledger): a random 256-bit id in an
 * HttpOnly cookie, an anti-forgery token per session, an idle limit and an absolute limit. The
 * policy lives here; the sessions live in a {@link SessionStore}: this node's memory (a restart signs
 * everyone out) or the database shared by several nodes (a session begun on one node is valid on
 * all, and signing out on one ends it on all). Thread-safe.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(2);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    /**
     * How stale the stored last use may be: it is written at most this often per session, not on every
     * request (with a shared database, a write per request of every signed-in reader). The idle limit
     * may so end up to this much early.
     */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A session as the routes see it. */
    record Session(String id, String accountId, String csrf, Instant created, Instant lastSeen) {}

    private final SessionStore store;
    private final SecureRandom random;
    private final Clock clock;

    Sessions(SessionStore store, SecureRandom random, Clock clock) {
        this.store = store;
        this.random = random;
        this.clock = clock;
    }

    /** Begins a session for the account; sessions expired meanwhile are forgotten first. */
    Session create(String accountId) {
        Instant now = clock.instant();
        store.removeExpired(now.minus(IDLE), now.minus(ABSOLUTE));
        Session s = new Session(randomToken(), accountId, randomToken(), now, now);
        store.add(new SessionStore.Session(s.id(), s.accountId(), s.csrf(), s.created(), s.lastSeen()));
        return s;
    }

    /** The live session with this id, its idle clock restarted (see {@link #TOUCH_EVERY}); empty if unknown or expired. */
    Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        Instant now = clock.instant();
        Optional<SessionStore.Session> kept = store.find(id);
        if (kept.isEmpty()) return Optional.empty();
        SessionStore.Session s = kept.get();
        if (now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.created().plus(ABSOLUTE))) {
            store.remove(id);
            return Optional.empty();
        }
        if (!now.isBefore(s.lastSeen().plus(TOUCH_EVERY))) {
            store.touch(id, now);
            return Optional.of(new Session(s.id(), s.accountId(), s.csrf(), s.created(), now));
        }
        return Optional.of(new Session(s.id(), s.accountId(), s.csrf(), s.created(), s.lastSeen()));
    }

    void end(String id) {
        if (id != null) store.remove(id);
    }

    String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
