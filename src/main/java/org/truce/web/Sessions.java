package org.truce.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in browser sessions, in memory only (DESIGN.md: sessions are not in the ledger): a random
 * 256-bit id in an HttpOnly cookie, an anti-forgery token per session, an idle limit and an absolute
 * limit. A restart signs everyone out. Thread-safe.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(2);
    static final Duration ABSOLUTE = Duration.ofHours(12);

    record Session(String id, String accountId, String csrf, Instant created, Instant lastSeen) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random;
    private final Clock clock;

    Sessions(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    Session create(String accountId) {
        Instant now = clock.instant();
        Session s = new Session(randomToken(), accountId, randomToken(), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle clock restarted; empty if unknown or expired. */
    Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        Instant now = clock.instant();
        Session s = sessions.get(id);
        if (s == null) return Optional.empty();
        if (now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.created().plus(ABSOLUTE))) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.accountId(), s.csrf(), s.created(), now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    void end(String id) {
        if (id != null) sessions.remove(id);
    }

    String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
