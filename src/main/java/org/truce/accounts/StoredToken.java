package org.truce.accounts;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An API token as the store keeps it: the SHA-256 of its secret, never the secret. Immutable (the
 * hash array is copied in and out).
 *
 * @param revokedAt null while the token is live
 * @param lastUsedAt null until first used
 */
public record StoredToken(String id, String accountId, String name, byte[] secretHash, Instant createdAt,
        Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public StoredToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        secretHash = secretHash.clone();
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public byte[] secretHash() {
        return secretHash.clone();
    }

    /** Live: not revoked and not yet expired at {@code now}. */
    public boolean liveAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredToken t && id.equals(t.id) && accountId.equals(t.accountId) && name.equals(t.name)
                && Arrays.equals(secretHash, t.secretHash) && createdAt.equals(t.createdAt)
                && expiresAt.equals(t.expiresAt) && Objects.equals(revokedAt, t.revokedAt)
                && Objects.equals(lastUsedAt, t.lastUsedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, accountId, Arrays.hashCode(secretHash));
    }

    @Override
    public String toString() {
        return "StoredToken[id=" + id + ", accountId=" + accountId + ", name=" + name + ", expiresAt=" + expiresAt
                + ", revokedAt=" + revokedAt + "]";
    }
}
