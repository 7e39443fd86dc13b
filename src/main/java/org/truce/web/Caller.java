package org.truce.web;

import io.javalin.http.Context;
import org.truce.accounts.Principal;

/**
 * Who is calling, as {@link Guard} established it for this request: a principal (null when
 * anonymous) and, for browser sessions, the session (whose anti-forgery token protects forms).
 * Immutable.
 */
record Caller(Principal principal, Sessions.Session session) {
    static final String ATTRIBUTE = "truce.caller";
    static final Caller ANONYMOUS = new Caller(null, null);

    static Caller of(Context ctx) {
        Caller c = ctx.attribute(ATTRIBUTE);
        return c == null ? ANONYMOUS : c;
    }

    /** The principal of a route whose rule already required one. */
    static Principal required(Context ctx) {
        Principal p = of(ctx).principal();
        if (p == null) throw new Problem(ErrorCode.UNAUTHORIZED, "sign in or send Authorization: Bearer <token>");
        return p;
    }
}
