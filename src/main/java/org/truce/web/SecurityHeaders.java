package org.truce.web;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Headers set on every response, pages and API alike, before anything else runs (so errors carry
 * them too): a strict Content-Security-Policy with no inline script or style, no framing (OWASP
 * clickjacking defence), no MIME sniffing, and no referrer leaving the site. Answers of the routes
 * that carry secrets or personal data are also never stored by a cache. Stateless and thread-safe.
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** The headers of every answer, in the order they are set; also set by {@link ServerErrors} on the server's own refusals. */
    static final Map<String, String> ALWAYS = orderedMap(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    /**
     * The route families whose answers carry a secret (a session, an API token, an anti-forgery
     * token) or personal data (accounts, cases, the audit trail, feedback and its emails): each path
     * and everything under it. Named here once, not per handler, so a new route in a family is covered.
     */
    static final List<String> PRIVATE = List.of(WebApp.API + "/session", WebApp.API + "/me", WebApp.API + "/admin",
            WebApp.API + "/cases", WebApp.API + "/feedback", WebApp.API + "/audit",
            "/signin", "/signout", "/account", "/desk", "/feedback");

    private SecurityHeaders() {}

    /**
     * The policy of a page that also shows images from {@code origin} (the map's configured tile
     * server): only {@code img-src} widens, and only on the page that asks for it.
     */
    static void allowImagesFrom(Context ctx, String origin) {
        if (!origin.matches("https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
            throw new IllegalArgumentException("not an origin for img-src: " + origin);
        }
        ctx.header("Content-Security-Policy", CSP.replace("img-src 'self' data:;", "img-src 'self' data: " + origin + ";"));
    }

    static void apply(Context ctx) {
        ALWAYS.forEach(ctx::header);
        // RFC 9111 §5.2.2.5: no cache, shared or the browser's own, may keep the answer; set before the handler, so errors carry it too
        if (isPrivate(ctx.path())) ctx.header("Cache-Control", "no-store");
    }

    private static Map<String, String> orderedMap(String... namesAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) m.put(namesAndValues[i], namesAndValues[i + 1]);
        return Collections.unmodifiableMap(m);
    }

    static boolean isPrivate(String path) {
        for (String family : PRIVATE) {
            if (path.equals(family) || path.startsWith(family + "/")) return true;
        }
        return false;
    }
}
