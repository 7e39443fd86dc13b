package org.truce.web;

import io.javalin.http.Context;

/**
 * Headers set on every response, pages and API alike, before anything else runs (so errors carry
 * them too): a strict Content-Security-Policy with no inline script or style, no framing (OWASP
 * clickjacking defence), no MIME sniffing, and no referrer leaving the site.
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

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
    }
}
