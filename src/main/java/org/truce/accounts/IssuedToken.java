package org.truce.accounts;

import java.time.Instant;

/**
 * A newly issued API token. The secret exists only in this value (the store keeps its SHA-256), so
 * show {@link #text()} once and drop it. Immutable; {@link #toString()} leaves the secret out so that
 * it cannot reach a log by accident.
 */
public record IssuedToken(String id, String secret, Instant expiresAt) {

    /** What the client presents: {@code truce_<id>_<secret>}. */
    public String text() {
        return TokenText.format(id, secret);
    }

    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", expiresAt=" + expiresAt + "]";
    }
}
