package org.truce.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the server-side pages from the JTE templates compiled at build time ({@code src/main/jte});
 * the engine HTML-escapes every value it writes. Thread-safe.
 */
final class Pages {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    void render(Context ctx, int status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, new HashMap<>(params), out);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** Map.of refuses nulls; templates take absent values as null. */
    static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }
}
