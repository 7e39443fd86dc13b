package org.truce.accounts;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's account. The id is opaque ("u-" and 12 random base32 characters) because it appears as
 * the author of public ledger entries, where the person's name must not. Immutable; it carries no
 * credential.
 */
public record Account(String id, String orgId, String username, boolean disabled, Instant createdAt) {
    public Account {
        Names.accountId(id);
        Names.orgId("org", orgId);
        Names.username(username);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
