package org.truce.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the server-side pages from the JTE templates compiled at build time ({@code src/main/jte});
 * the engine HTML-escapes every value it writes. Each page gets a {@link Ui} as {@code ui}: the
 * reader's language is {@code ?lang=} (which also sets a cookie), else the cookie, else the best
 * match of {@code Accept-Language}, else English. Thread-safe.
 */
final class Pages {
    static final String LANGUAGE_COOKIE = "truce_lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Guard guard;

    Pages(Guard guard) {
        this.guard = guard;
    }

    /** Renders {@code template} with {@code params} plus {@code ui}. */
    void page(Context ctx, int status, String template, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("ui", ui(ctx));
        render(ctx, status, template, all);
    }

    void render(Context ctx, int status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, new HashMap<>(params), out);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** The reader's language and session for this request. */
    Ui ui(Context ctx) {
        Language language = language(ctx);
        ctx.header("Content-Language", language.code());
        ctx.header("Vary", "Accept-Language, Cookie");
        Caller caller = guard.peek(ctx);
        var p = caller.principal();
        return new Ui(language, ctx.path(), p == null ? null : p.account(), p == null ? null : p.orgId(),
                caller.session() == null ? null : caller.session().csrf());
    }

    static Language language(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked != null) {
            Language l = Language.of(asked).orElseThrow(() -> Problem.badParameter("lang",
                    "must be one of en, ru, hy, az, de, not " + asked));
            Cookie cookie = new Cookie(LANGUAGE_COOKIE, l.code());
            cookie.setPath("/");
            cookie.setMaxAge(ONE_YEAR);
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.LAX);
            ctx.cookie(cookie);
            return l;
        }
        String saved = ctx.cookie(LANGUAGE_COOKIE);
        if (saved != null && Language.of(saved).isPresent()) return Language.of(saved).get();
        return Language.negotiate(ctx.header("Accept-Language"));
    }

    /** Map.of refuses nulls; templates take absent values as null. */
    static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }
}
