package org.truce.accounts;

import java.util.Objects;

/**
 * A role held within one organisation: usually the account's own; a custodian may also be granted
 * for another organisation's cases. Immutable.
 */
public record Grant(Role role, String scopeOrg) {
    public Grant {
        Objects.requireNonNull(role, "role");
        Names.orgId("scope", scopeOrg);
    }
}
