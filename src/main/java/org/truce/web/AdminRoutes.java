package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.truce.accounts.Account;
import org.truce.accounts.AccountRefused;
import org.truce.accounts.Accounts;
import org.truce.accounts.Grant;
import org.truce.accounts.IssuedToken;
import org.truce.accounts.Organisation;
import org.truce.accounts.Principal;
import org.truce.accounts.Role;
import org.truce.audit.AuditTrail;
import org.truce.figures.FigureBook;
import org.truce.record.Violation;

/**
 * Administration over the API (the same acts as {@code ./truce admin}): organisations, accounts,
 * grants and tokens. Admins only; every act goes to the audit trail. Passwords and token secrets
 * are never echoed, except a new token's text, once.
 */
final class AdminRoutes {
    private final Accounts accounts;
    private final FigureBook figures;
    private final AuditTrail audit;

    AdminRoutes(Accounts accounts, FigureBook figures, AuditTrail audit) {
        this.accounts = accounts;
        this.figures = figures;
        this.audit = audit;
    }

    /** Administration over the API: organisations, accounts, grants and tokens; admins only. */
    void routes(io.javalin.config.RoutesConfig r) {
        r.post(WebApp.API + "/admin/orgs", this::createOrg, Access.ADMIN);
        r.get(WebApp.API + "/admin/orgs", this::orgs, Access.ADMIN);
        r.post(WebApp.API + "/admin/users", this::createUser, Access.ADMIN);
        r.get(WebApp.API + "/admin/users", this::users, Access.ADMIN);
        r.post(WebApp.API + "/admin/grants", this::grant, Access.ADMIN);
        r.post(WebApp.API + "/admin/revocations", this::revoke, Access.ADMIN);
        r.post(WebApp.API + "/admin/tokens", this::createToken, Access.ADMIN);
        r.delete(WebApp.API + "/admin/tokens/{id}", this::revokeToken, Access.ADMIN);
    }

    void createOrg(Context ctx) {
        Principal p = Caller.required(ctx);
        JsonNode b = Json.body(ctx);
        String id = text(b, "id", true);
        String source = text(b, "source", true);
        String name = text(b, "name", true);
        if (figures.source(source, Long.MAX_VALUE).isEmpty()) {
            throw Answers.invalid(List.of(new Violation("/source", "unknown source: " + source + " (declare it first)")));
        }
        Organisation o = act(() -> accounts.createOrg(id, source, name));
        audit.note(p.accountId(), o.id(), "org.created", o.id(), ctx.ip(), null);
        Json.send(ctx, 201, org(o));
    }

    void orgs(Context ctx) {
        ArrayNode out = Json.array();
        for (Organisation o : accounts.organisations()) out.add(org(o));
        Json.send(ctx, 200, out);
    }

    void createUser(Context ctx) {
        Principal p = Caller.required(ctx);
        JsonNode b = Json.body(ctx);
        String org = text(b, "org", true);
        String username = text(b, "username", true);
        String password = text(b, "password", true);
        List<Role> roles = roles(b.get("roles"));
        Account a = act(() -> accounts.createUser(org, username, password.toCharArray()));
        audit.note(p.accountId(), org, "account.created", a.id(), ctx.ip(), null);
        for (Role r : roles) {
            act(() -> {
                accounts.grant(username, r, null);
                return null;
            });
            audit.note(p.accountId(), org, "grant", a.id(), ctx.ip(), r.wireName() + " in " + org);
        }
        Json.send(ctx, 201, user(a));
    }

    void users(Context ctx) {
        ArrayNode out = Json.array();
        for (Account a : accounts.accounts(ctx.queryParam("org"))) out.add(user(a));
        Json.send(ctx, 200, out);
    }

    void grant(Context ctx) {
        Principal p = Caller.required(ctx);
        JsonNode b = Json.body(ctx);
        String username = text(b, "username", true);
        Role role = role(b, "/role");
        String scope = text(b, "scope", false);
        act(() -> {
            accounts.grant(username, role, scope);
            return null;
        });
        audit.note(p.accountId(), scope == null ? account(username).orgId() : scope, "grant", username, ctx.ip(), role.wireName());
        Json.send(ctx, 200, user(account(username)));
    }

    void revoke(Context ctx) {
        Principal p = Caller.required(ctx);
        JsonNode b = Json.body(ctx);
        String username = text(b, "username", true);
        Role role = role(b, "/role");
        String scope = text(b, "scope", false);
        boolean removed = act(() -> accounts.revoke(username, role, scope));
        audit.note(p.accountId(), scope == null ? account(username).orgId() : scope, "revoke", username, ctx.ip(), role.wireName());
        Json.send(ctx, 200, user(account(username)).put("revoked", removed));
    }

    void createToken(Context ctx) {
        Principal p = Caller.required(ctx);
        JsonNode b = Json.body(ctx);
        String username = text(b, "username", true);
        String name = text(b, "name", true);
        int days = b.path("days").isMissingNode() ? 90 : b.get("days").asInt(-1);
        if (days < 1 || days > 366) throw Answers.invalid(List.of(new Violation("/days", "must be a whole number of days from 1 to 366")));
        IssuedToken t = act(() -> accounts.createToken(username, name, Duration.ofDays(days)));
        audit.note(p.accountId(), account(username).orgId(), "token.created", t.id(), ctx.ip(), "for " + username + ": " + name);
        Json.send(ctx, 201, token(t));
    }

    void revokeToken(Context ctx) {
        Principal p = Caller.required(ctx);
        String id = ctx.pathParam("id");
        if (!revoked(id)) throw new Problem(ErrorCode.NOT_FOUND, "no token " + id);
        audit.note(p.accountId(), null, "token.revoked", id, ctx.ip(), null);
        ctx.status(204);
    }

    /** A path id that is not a token id's shape names no token: 404, as an unknown one does. */
    private boolean revoked(String id) {
        try {
            return accounts.revokeToken(id);
        } catch (AccountRefused notAnId) {
            return false;
        }
    }

    static ObjectNode token(IssuedToken t) {
        return Json.object().put("id", t.id()).put("token", t.text()).put("expiresAt", t.expiresAt().toString())
                .put("note", "shown only this once; Truce keeps only its hash");
    }

    static Problem refused(AccountRefused e) {
        return Answers.invalid(List.of(new Violation("/" + e.field(), e.getMessage())));
    }

    private static <T> T act(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (AccountRefused e) {
            throw refused(e);
        }
    }

    private Account account(String username) {
        List<Account> all = accounts.accounts(null);
        Optional<Account> a = all.stream().filter(x -> x.username().equals(username)).findFirst();
        return a.orElseThrow(() -> Answers.invalid(List.of(new Violation("/username", "no account " + username))));
    }

    private ObjectNode user(Account a) {
        ObjectNode n = Json.object().put("id", a.id()).put("org", a.orgId()).put("username", a.username())
                .put("disabled", a.disabled());
        ArrayNode g = n.putArray("roles");
        for (Grant grant : accounts.grants(a.username())) g.addObject().put("role", grant.role().wireName()).put("org", grant.scopeOrg());
        return n;
    }

    private static ObjectNode org(Organisation o) {
        return Json.object().put("id", o.id()).put("source", o.sourceId()).put("name", o.name());
    }

    private static String text(JsonNode b, String field, boolean required) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            if (required) throw Answers.invalid(List.of(new Violation("/" + field, "is required")));
            return null;
        }
        if (!v.isTextual()) throw Answers.invalid(List.of(new Violation("/" + field, "must be a string")));
        return v.asText();
    }

    private static Role role(JsonNode b, String at) {
        String s = text(b, at.substring(1), true);
        return Role.parse(s).orElseThrow(() -> Answers.invalid(List.of(new Violation(at, "must be one of " + roleNames()))));
    }

    private static List<Role> roles(JsonNode node) {
        List<Role> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (!node.isArray()) throw Answers.invalid(List.of(new Violation("/roles", "must be an array of role names")));
        for (int i = 0; i < node.size(); i++) {
            String s = node.get(i).asText("");
            int index = i;
            out.add(Role.parse(s).orElseThrow(() -> Answers.invalid(List.of(new Violation("/roles/" + index, "must be one of " + roleNames())))));
        }
        return out;
    }

    private static List<String> roleNames() {
        return java.util.Arrays.stream(Role.values()).map(Role::wireName).toList();
    }
}
