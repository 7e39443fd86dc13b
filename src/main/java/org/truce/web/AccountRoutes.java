package org.truce.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import org.truce.accounts.Account;
import org.truce.accounts.AccountRefused;
import org.truce.accounts.Accounts;
import org.truce.accounts.Grant;
import org.truce.accounts.IssuedToken;
import org.truce.accounts.Principal;
import org.truce.accounts.SignIn;
import org.truce.audit.AuditTrail;
import org.truce.record.Violation;

/**
 * Signing in and out (pages and JSON), the caller's own account, and personal API tokens the caller
 * issues to itself. Sign-in answers the same for an unknown user and a wrong password; successes are
 * noted in the audit trail, failures counted there per address and minute; throttled attempts get 429
 * with Retry-After.
 */
final class AccountRoutes {
    static final String PRESESSION_COOKIE = "truce_csrf";
    /**
     * Behind a proxy that terminates TLS the node sees plain HTTP: {@code TRUCE_COOKIE_SECURE=true}
     * marks the cookies Secure all the same.
     */
    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z0-9._-]{3,64}");
    private final Accounts accounts;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final Pages pages;

    /** {@code TRUCE_COOKIE_SECURE}: session cookies are Secure even when the proxy speaks plain HTTP to the node. */
    private final boolean forceSecure;

    AccountRoutes(Accounts accounts, Sessions sessions, AuditTrail audit, Pages pages, boolean forceSecure) {
        this.forceSecure = forceSecure;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.pages = pages;
    }

    /** Signing in and out (pages and JSON), the caller's account and its own tokens. */
    void routes(io.javalin.config.RoutesConfig r) {
        r.get("/signin", this::signInPage, Access.PUBLIC);
        r.post("/signin", this::signInForm, Access.PUBLIC);
        r.get("/account", this::accountPage, Access.SIGNED_IN);
        r.post("/account/tokens", this::tokenForm, Access.SIGNED_IN);
        r.post("/signout", this::signOut, Access.SIGNED_IN);
        r.post(WebApp.API + "/session", this::signInJson, Access.PUBLIC);
        r.delete(WebApp.API + "/session", this::signOut, Access.SIGNED_IN);
        r.get(WebApp.API + "/me", this::me, Access.SIGNED_IN);
        r.post(WebApp.API + "/me/tokens", this::tokenJson, Access.SIGNED_IN);
    }

    /** The sign-in form, with a double-submit anti-forgery token (there is no session yet). */
    void signInPage(Context ctx) {
        String csrf = sessions.randomToken();
        ctx.cookie(cookie(ctx, PRESESSION_COOKIE, csrf, SameSite.STRICT));
        pages.page(ctx, 200, "signin.jte", Pages.params("csrf", csrf, "message", null, "minutes", 0L));
    }

    void signInForm(Context ctx) {
        String expected = ctx.cookie(PRESESSION_COOKIE);
        String given = ctx.formParam("csrf");
        if (expected == null || given == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new Problem(ErrorCode.CSRF, "the sign-in form has expired; load /signin again");
        }
        String username = ctx.formParam("username");
        String password = ctx.formParam("password");
        SignIn result = signIn(ctx, username == null ? "" : username, password == null ? "" : password);
        if (result instanceof SignIn.Ok ok) {
            startSession(ctx, ok.principal());
            ctx.redirect("/account", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        int status = result instanceof SignIn.Throttled ? 429 : 401;
        // the page says it in the reader's language: a message key of the desk bundle, not English text
        String message = result instanceof SignIn.Throttled ? "desk.signin.throttled" : "desk.signin.wrong";
        long minutes = result instanceof SignIn.Throttled t ? minutes(t.retryAfter()) : 0L;
        pages.page(ctx, status, "signin.jte", Pages.params("csrf", expected, "message", message, "minutes", minutes));
    }

    /** JSON sign-in for the web application: sets the session cookie, answers the anti-forgery token. */
    void signInJson(Context ctx) {
        JsonNode body = Json.body(ctx);
        String username = text(body, "username");
        String password = text(body, "password");
        SignIn result = signIn(ctx, username, password);
        if (result instanceof SignIn.Ok ok) {
            Sessions.Session s = startSession(ctx, ok.principal());
            Json.send(ctx, 200, me(ok.principal()).put("csrf", s.csrf()));
            return;
        }
        if (result instanceof SignIn.Throttled) throw new Problem(ErrorCode.THROTTLED, "too many failed sign-ins; try again later");
        throw new Problem(ErrorCode.UNAUTHORIZED, "the username or password is wrong");
    }

    void signOut(Context ctx) {
        Caller c = Caller.of(ctx);
        if (c.session() != null) sessions.end(c.session().id());
        ctx.removeCookie(Guard.SESSION_COOKIE, "/");
        if (ctx.path().startsWith(WebApp.API)) ctx.status(204);
        else ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void accountPage(Context ctx) {
        renderAccount(ctx, null);
    }

    /** A personal API token from the account page's form; shown once on the page that answers. */
    void tokenForm(Context ctx) {
        Principal p = Caller.required(ctx);
        IssuedToken t = issue(ctx, p, ctx.formParam("name"), ctx.formParam("days"));
        renderAccount(ctx, t);
    }

    void me(Context ctx) {
        Json.send(ctx, 200, me(Caller.required(ctx)));
    }

    void tokenJson(Context ctx) {
        Principal p = Caller.required(ctx);
        JsonNode body = Json.body(ctx);
        IssuedToken t = issue(ctx, p, body.path("name").isTextual() ? body.get("name").asText() : null,
                body.path("days").isIntegralNumber() ? body.get("days").asText() : body.path("days").asText(null));
        Json.send(ctx, 201, AdminRoutes.token(t));
    }

    /**
     * A token is issued only to a person signed in with a password: a token that could mint tokens
     * would outlive its own expiry and revocation.
     */
    private IssuedToken issue(Context ctx, Principal p, String name, String days) {
        if (Caller.of(ctx).session() == null) {
            throw new Problem(ErrorCode.FORBIDDEN, "tokens are issued to a signed-in session (POST /api/v1/session or /signin), not to another token");
        }
        if (name == null || name.isBlank()) throw Answers.invalid(List.of(new Violation("/name", "is required: say which app or device the token is for")));
        int d;
        try {
            d = days == null ? 90 : Integer.parseInt(days.trim());
        } catch (NumberFormatException e) {
            throw Answers.invalid(List.of(new Violation("/days", "must be a whole number of days from 1 to 366")));
        }
        if (d < 1 || d > 366) throw Answers.invalid(List.of(new Violation("/days", "must be a whole number of days from 1 to 366")));
        try {
            IssuedToken t = accounts.createToken(username(p), name, Duration.ofDays(d));
            audit.note(p.accountId(), p.orgId(), "token.created", t.id(), null, name);
            return t;
        } catch (AccountRefused e) {
            throw AdminRoutes.refused(e);
        }
    }

    private void renderAccount(Context ctx, IssuedToken t) {
        ctx.header("Cache-Control", "no-store");
        Caller c = Caller.of(ctx);
        Principal p = Caller.required(ctx);
        List<String> roles = p.grants().stream().map(g -> g.role().wireName() + (g.scopeOrg().equals(p.orgId()) ? "" : " (" + g.scopeOrg() + ")")).sorted().toList();
        pages.page(ctx, 200, "account.jte", Pages.params("username", username(p), "accountId", p.accountId(), "org", p.orgId(),
                "roles", roles, "csrf", c.session() == null ? "" : c.session().csrf(),
                "newToken", t == null ? null : t.text(), "newTokenExpires", t == null ? null : t.expiresAt().toString()));
    }

    private SignIn signIn(Context ctx, String username, String password) {
        if (!USERNAME.matcher(username).matches() || password.length() > 1024) {
            // no account can have this name: the same refusal, without a throttle entry or an audit
            // record of an arbitrarily long string
            audit.refused("signin.failed", "(not a username)", ctx.ip());
            return new SignIn.Refused();
        }
        char[] secret = password.toCharArray();
        SignIn result = accounts.signIn(username, secret, ctx.ip());
        java.util.Arrays.fill(secret, '\0');
        if (result instanceof SignIn.Ok ok) {
            audit.note(ok.principal().accountId(), ok.principal().orgId(), "signin.ok", null, ctx.ip(), null);
        } else if (result instanceof SignIn.Throttled) {
            audit.refused("signin.throttled", username, ctx.ip());
            ctx.header("Retry-After", Long.toString(seconds(((SignIn.Throttled) result).retryAfter())));
        } else {
            audit.refused("signin.failed", username, ctx.ip());
        }
        return result;
    }

    private Sessions.Session startSession(Context ctx, Principal p) {
        Sessions.Session s = sessions.create(p.accountId());
        ctx.cookie(cookie(ctx, Guard.SESSION_COOKIE, s.id(), SameSite.LAX));
        ctx.removeCookie(PRESESSION_COOKIE, "/");
        return s;
    }

    private Cookie cookie(Context ctx, String name, String value, SameSite sameSite) {
        return cookie(ctx, name, value, sameSite, forceSecure);
    }

    /** @param forceSecure {@code TRUCE_COOKIE_SECURE}: Secure even when the request came over plain HTTP */
    static Cookie cookie(Context ctx, String name, String value, SameSite sameSite, boolean forceSecure) {
        Cookie c = new Cookie(name, value);
        c.setPath("/");
        c.setHttpOnly(true);
        c.setSecure(forceSecure || "https".equals(ctx.scheme()));
        c.setSameSite(sameSite);
        return c;
    }

    private String username(Principal p) {
        return accounts.accounts(p.orgId()).stream().filter(a -> a.id().equals(p.accountId())).map(Account::username)
                .findFirst().orElseThrow(() -> new Problem(ErrorCode.FORBIDDEN, "this credential has no account of its own"));
    }

    private ObjectNode me(Principal p) {
        ObjectNode n = Json.object().put("account", p.accountId()).put("org", p.orgId()).put("source", p.sourceId())
                .put("author", p.author());
        var grants = n.putArray("roles");
        for (Grant g : p.grants()) grants.addObject().put("role", g.role().wireName()).put("org", g.scopeOrg());
        return n;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) throw Answers.invalid(List.of(new Violation("/" + field, "is required and must be a string")));
        return v.asText();
    }

    /** Whole seconds, rounded up: a client that waits exactly this long is not refused again. */
    private static long seconds(Duration d) {
        long s = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, s);
    }

    private static long minutes(Duration d) {
        return Math.max(1, (d.toSeconds() + 59) / 60);
    }
}
