package org.truce.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.truce.accounts.Accounts;
import org.truce.accounts.Principal;
import org.truce.audit.AuditTrail;

/**
 * Enforces each route's declared {@link Access} rule before its handler runs, so authentication is
 * decided before any body is read. A route without exactly one rule is closed (default deny).
 * Credentials: a bearer token (the environment's bootstrap token, compared in constant time and
 * never logged, or a personal API token), else the session cookie. Unsafe methods on a session need
 * its anti-forgery token (header {@code X-CSRF-Token} or form field {@code csrf}). Token use is noted
 * in the audit trail; a refused token is counted there per address and minute. Thread-safe.
 */
final class Guard {
    static final String SESSION_COOKIE = "truce_session";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final Accounts accounts;
    private final Sessions sessions;
    private final byte[] bootstrapToken;
    private final AuditTrail audit;

    /** @param bootstrapToken {@code TRUCE_ADMIN_TOKEN}, or null when unset */
    Guard(Accounts accounts, Sessions sessions, String bootstrapToken, AuditTrail audit) {
        if (bootstrapToken != null && bootstrapToken.length() < 16) {
            throw new IllegalArgumentException(org.truce.settings.Setting.ADMIN_TOKEN.variable + " must have at least 16 characters");
        }
        this.accounts = accounts;
        this.sessions = sessions;
        this.bootstrapToken = bootstrapToken == null ? null : bootstrapToken.getBytes(StandardCharsets.UTF_8);
        this.audit = audit;
    }

    void check(Context ctx) {
        audit.flushDue(); // the refusal counts of a minute that has closed go on record with the next request
        Access access = ruleOf(ctx.routeRoles());
        if (access == null) throw new Problem(ErrorCode.FORBIDDEN, "this route declares no access rule, so it is closed");
        if (access == Access.PUBLIC) return;
        Caller caller = authenticate(ctx);
        ctx.attribute(Caller.ATTRIBUTE, caller);
        Principal p = caller.principal();
        if (p == null) {
            if (isPage(ctx)) throw new Redirect("/signin");
            throw new Problem(ErrorCode.UNAUTHORIZED, "sign in or send Authorization: Bearer <token>; this needs " + access.who());
        }
        if (!access.allows(p)) throw new Problem(ErrorCode.FORBIDDEN, "this needs " + access.who());
        if (caller.session() != null && unsafe(ctx.method())) requireCsrf(ctx, caller.session().csrf());
    }

    /**
     * Who is calling on a public page, from the session cookie only (a page shows the reader's own
     * links when signed in); anonymous when there is no valid session. Never refuses.
     */
    Caller peek(Context ctx) {
        Caller known = ctx.attribute(Caller.ATTRIBUTE);
        if (known != null) return known;
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        if (session.isEmpty()) return Caller.ANONYMOUS;
        return accounts.principal(session.get().accountId()).map(p -> new Caller(p, session.get())).orElse(Caller.ANONYMOUS);
    }

    /**
     * Who is calling on a public route whose answer depends on it (a draft bulletin): the bearer token
     * or, failing that, the session cookie; anonymous without either. A bad bearer token is a 401.
     */
    Caller identify(Context ctx) {
        Caller known = ctx.attribute(Caller.ATTRIBUTE);
        if (known != null) return known;
        Caller caller = authenticate(ctx);
        ctx.attribute(Caller.ATTRIBUTE, caller);
        return caller;
    }

    static Access ruleOf(Set<RouteRole> roles) {
        if (roles.size() != 1) return null;
        return roles.iterator().next() instanceof Access a ? a : null;
    }

    private Caller authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null) return new Caller(bearer(ctx, header), null);
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        if (session.isEmpty()) return Caller.ANONYMOUS;
        Optional<Principal> p = accounts.principal(session.get().accountId());
        if (p.isEmpty()) {
            sessions.end(session.get().id());
            return Caller.ANONYMOUS;
        }
        return new Caller(p.get(), session.get());
    }

    private Principal bearer(Context ctx, String header) {
        if (!header.startsWith("Bearer ")) throw new Problem(ErrorCode.UNAUTHORIZED, "the Authorization header must read Bearer <token>");
        String token = header.substring(7).trim();
        if (bootstrapToken != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), bootstrapToken)) {
            audit.note(Principal.bootstrapAdmin().accountId(), null, "bootstrap-token.used", ctx.method() + " " + ctx.path(), ctx.ip(), null);
            return Principal.bootstrapAdmin();
        }
        Optional<Principal> p = accounts.authenticateToken(token);
        if (p.isEmpty()) {
            audit.refused("token.refused", ctx.method() + " " + ctx.path(), ctx.ip());
            throw new Problem(ErrorCode.UNAUTHORIZED, "the bearer token is not valid, has expired or was revoked");
        }
        audit.note(p.get().accountId(), p.get().orgId(), "token.used", ctx.method() + " " + ctx.path(), ctx.ip(), null);
        return p.get();
    }

    static void requireCsrf(Context ctx, String expected) {
        String given = ctx.header(CSRF_HEADER);
        if (given == null && isForm(ctx)) given = ctx.formParam("csrf");
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new Problem(ErrorCode.CSRF, "send the session's anti-forgery token as the " + CSRF_HEADER + " header or the csrf form field");
        }
    }

    static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    private static boolean unsafe(HandlerType method) {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    private static boolean isPage(Context ctx) {
        return !ctx.path().startsWith(WebApp.API);
    }

    /** Thrown to send a browser to another page (303 See Other). */
    static final class Redirect extends RuntimeException {
        final String location;

        Redirect(String location) {
            super(null, null, false, false);
            this.location = location;
        }
    }
}
