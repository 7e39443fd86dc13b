package org.truce.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import org.truce.accounts.Principal;
import org.truce.accounts.Role;
import org.truce.audit.AuditLog;
import org.truce.audit.AuditRecord;

/**
 * The audit trail over the API: admins read all of it; a custodian reads what concerns its own
 * organisation. Paginated by sequence number.
 */
final class AuditRoutes {
    static final int MAX_LIMIT = 1000;
    private final AuditLog audit;

    AuditRoutes(AuditLog audit) {
        this.audit = audit;
    }

    void routes(io.javalin.config.RoutesConfig r) {
        r.get(WebApp.API + "/audit", this::list, Access.AUDIT_READER);
    }

    void list(Context ctx) {
        Principal p = Caller.required(ctx);
        String org = Access.holds(p, Role.ADMIN) ? ctx.queryParam("org") : p.orgId();
        long after = Params.longParam(ctx, "after", -1, -1, Long.MAX_VALUE);
        int limit = (int) Params.longParam(ctx, "limit", 100, 1, MAX_LIMIT);
        ArrayNode out = Json.array();
        for (AuditRecord r : audit.read(org, after, limit)) {
            out.addObject().put("seq", r.seq()).put("at", r.at().toString()).put("actor", r.actor()).put("org", r.org())
                    .put("action", r.action()).put("target", r.target()).put("address", r.address())
                    .put("detail", r.detail()).put("hash", r.hash());
        }
        ctx.header("Cache-Control", "no-store");
        Json.send(ctx, 200, out);
    }
}
