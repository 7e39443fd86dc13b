package org.truce.accounts;

import java.util.Objects;
import java.util.Set;

/**
 * Who is acting on one request, as established by a password, a token or a session, with the grants
 * read at that moment. Immutable.
 *
 * @param sourceId the catalog source the organisation speaks for; null only for the operator's
 *     bootstrap principal, which speaks for no source
 * @param via "password", "token" or "session"
 */
public record Principal(String accountId, String orgId, String sourceId, Set<Grant> grants, String via) {

    public Principal {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(orgId, "orgId");
        grants = Set.copyOf(grants);
        Objects.requireNonNull(via, "via");
    }

    /**
     * The principal of the bootstrap token from the environment, so that an operator can create the
     * first organisation and admin before any account exists.
     */
    public static Principal bootstrapAdmin() {
        return new Principal("bootstrap", "operator", null, Set.of(new Grant(Role.ADMIN, "operator")), "token");
    }

    /** Holds the role within its own organisation. */
    public boolean has(Role role) {
        return has(role, orgId);
    }

    /** Holds the role within the given organisation. */
    public boolean has(Role role, String org) {
        return grants.contains(new Grant(role, org));
    }

    /**
     * The author recorded on public ledger entries: the organisation, never the account. Which
     * account wrote an entry is kept in the private audit trail.
     */
    public String author() {
        return orgId;
    }

    /** The account as the private records name it ({@code org/account}): feedback decisions, the desk's own view. */
    public String account() {
        return orgId + "/" + accountId;
    }
}
