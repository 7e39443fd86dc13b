package org.truce.web;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The online tile layer of the map page, offered only when an operator configures one
 * ({@code TRUCE_TILE_URL}, a Leaflet URL template such as {@code https://{s}.tile.example.org/{z}/{x}/{y}.png},
 * and {@code TRUCE_TILE_ATTRIBUTION}). Without it the map works offline on the bundled country
 * outlines. {@link #origin} is what the map page's Content-Security-Policy adds to {@code img-src}:
 * the template's scheme and host, a leading {@code {s}.} becoming the CSP wildcard {@code *.}.
 * Immutable.
 */
public record TileLayer(String url, String attribution, String origin) {
    private static final Pattern URL = Pattern.compile("(https?)://(\\{s\\}\\.)?([A-Za-z0-9.-]+(?::[0-9]{1,5})?)/[^\\s\"'<>]*");

    /** Checks the template; a template the page could not state its origin for is refused with the reason. */
    public static TileLayer of(String url, String attribution) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("TRUCE_TILE_URL must be an http(s) URL template whose host is a plain name "
                    + "(optionally starting with {s}.), such as https://{s}.tile.example.org/{z}/{x}/{y}.png, not " + url);
        }
        if (attribution == null || attribution.isBlank()) {
            throw new IllegalArgumentException("TRUCE_TILE_ATTRIBUTION must name the tiles' source when TRUCE_TILE_URL is set");
        }
        String origin = m.group(1) + "://" + (m.group(2) == null ? "" : "*.") + m.group(3);
        return new TileLayer(url, attribution.strip(), origin);
    }

    /**
     * The configured layer: environment variables {@code TRUCE_TILE_URL} and {@code TRUCE_TILE_ATTRIBUTION},
     * else the system properties {@code truce.tileUrl} and {@code truce.tileAttribution}; empty when neither is set.
     */
    public static Optional<TileLayer> configured(Function<String, String> env) {
        String url = first(env.apply(org.truce.settings.Setting.TILE_URL.variable), System.getProperty("truce.tileUrl"));
        if (url == null) return Optional.empty();
        String attribution = first(env.apply(org.truce.settings.Setting.TILE_ATTRIBUTION.variable), System.getProperty("truce.tileAttribution"));
        return Optional.of(of(url.strip(), attribution));
    }

    private static String first(String a, String b) {
        if (a != null && !a.isBlank()) return a;
        return b == null || b.isBlank() ? null : b;
    }
}
