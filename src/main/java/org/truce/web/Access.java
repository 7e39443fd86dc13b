package org.truce.web;

import io.javalin.security.RouteRole;
import org.truce.accounts.Principal;
import org.truce.accounts.Role;

/**
 * Who may call a route: the one rule every route and page declares when it is registered (Javalin
 * route roles). {@link Guard} enforces it before the handler runs and before any body is read;
 * finer rules that depend on the request (in whose name, which organisation's case) are checked by
 * the handler. A role counts whatever organisation it is held in; handlers check the organisation.
 */
enum Access implements RouteRole {
    PUBLIC("anyone, signed in or not"),
    SIGNED_IN("any signed-in account"),
    REPORTING("the reporter or transcriber role"),
    REVIEWER("the reporter, transcriber or secretariat role"),
    REPORTER("the reporter role"),
    RECORD_READER("the analyst or custodian role"),
    VERIFIER("the verifier role"),
    SECRETARIAT("the secretariat role"),
    PLACES("the secretariat role"),
    CUSTODIAN("the custodian role"),
    AUDIT_READER("the admin role, or the custodian role in its own organisation"),
    ADMIN("the admin role");

    private final String who;

    Access(String who) {
        this.who = who;
    }

    /** Said in a 403: what the route needs. */
    String who() {
        return who;
    }

    boolean allows(Principal p) {
        return switch (this) {
            case PUBLIC -> true;
            case SIGNED_IN -> p != null;
            case REPORTING -> holds(p, Role.REPORTER) || holds(p, Role.TRANSCRIBER);
            case REVIEWER -> holds(p, Role.REPORTER) || holds(p, Role.TRANSCRIBER) || holds(p, Role.SECRETARIAT);
            case REPORTER -> holds(p, Role.REPORTER);
            case RECORD_READER -> holds(p, Role.ANALYST) || holds(p, Role.CUSTODIAN);
            case PLACES -> holds(p, Role.SECRETARIAT);
            case CUSTODIAN -> holds(p, Role.CUSTODIAN);
            case VERIFIER -> holds(p, Role.VERIFIER);
            case SECRETARIAT -> holds(p, Role.SECRETARIAT);
            // a custodian reads its own organisation's trail: a grant for another's cases is not enough
            case AUDIT_READER -> holds(p, Role.ADMIN) || (p != null && p.has(Role.CUSTODIAN));
            case ADMIN -> holds(p, Role.ADMIN);
        };
    }

    static boolean holds(Principal p, Role role) {
        return p != null && p.grants().stream().anyMatch(g -> g.role() == role);
    }
}
