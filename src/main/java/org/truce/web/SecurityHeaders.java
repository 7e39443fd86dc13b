package org.truce.web;

import io.javalin.http.Context;
import java.util.List;

/**
 * Headers set on every response, pages and API alike, before anything else runs (so errors carry
 * them too): a strict Content-Security-Policy with no inline script or style, no framing (OWASP
 * clickjacking defence), no MIME sniffing, and no referrer leaving the site. Answers of the routes
 * that carry secrets or personal data are also never stored by a cache. Stateless and thread-safe.
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

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
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        // RFC 9111 §5.2.2.5: no cache, shared or the browser's own, may keep the answer; set before the handler, so errors carry it too
        if (isPrivate(ctx.path())) ctx.header("Cache-Control", "no-store");
    }

    static boolean isPrivate(String path) {
        for (String family : PRIVATE) {
            if (path.equals(family) || path.startsWith(family + "/")) return true;
        }
        return false;
    }
}
