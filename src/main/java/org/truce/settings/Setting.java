package org.truce.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every environment variable Truce reads, declared once: its name, its default (null: none, the
 * setting is off or absent unless set) and what it sets. docs/operations.md lists the same variables
 * ({@code SettingsTest} checks it); the part that uses a setting parses it and names the variable
 * when it refuses a value.
 */
public enum Setting {
    ADMIN_TOKEN("TRUCE_ADMIN_TOKEN", null, "a bootstrap admin API token for automation (at least 16 characters)"),
    AUDIT_QUOTA_BYTES("TRUCE_AUDIT_QUOTA_BYTES", "1073741824",
            "the size of the audit store above which refused requests are no longer recorded (1 GiB)"),
    COOKIE_SECURE("TRUCE_COOKIE_SECURE", "false", "true behind a proxy that terminates TLS: session cookies are Secure"),
    FOUR_EYES("TRUCE_FOUR_EYES", "another-account",
            "who confirms a figure transcribed in another body's name: another-account, another-organisation or off"),
    FOUR_EYES_OWN("TRUCE_FOUR_EYES_OWN", "false", "true: a reporter's figures in its own body's name wait for a second account too"),
    MAX_CONNECTIONS_PER_ADDRESS("TRUCE_MAX_CONNECTIONS_PER_ADDRESS", "64", "connections one client address may hold open at once"),
    METRICS_TOKEN("TRUCE_METRICS_TOKEN", null, "the scrape token of /metrics (at least 16 characters); unset, metrics are off"),
    MIN_FREE_BYTES("TRUCE_MIN_FREE_BYTES", "67108864",
            "the free space, in bytes, below which a SQLite node refuses writes (64 MiB; 0 turns it off)"),
    MIN_REQUEST_DATA_RATE("TRUCE_MIN_REQUEST_DATA_RATE", "240",
            "bytes a second a request body must average once the grace has passed (0 checks no rate)"),
    PUBLIC_DRAFTS("TRUCE_PUBLIC_DRAFTS", "false", "true: anonymous readers may read drafts (bulletins not published)"),
    PUBLIC_URL("TRUCE_PUBLIC_URL", null, "the address readers reach the node at: the base of the check link in PDF bulletins"),
    READY_MAX_LAG("TRUCE_READY_MAX_LAG", "1000", "the projection lag, in entries, above which /health/ready answers 503"),
    REGION("TRUCE_REGION", "43,37.5,51,42.5", "minLon,minLat,maxLon,maxLat: the region input coordinates must fall in"),
    REQUEST_BODY_TIMEOUT("TRUCE_REQUEST_BODY_TIMEOUT", "300", "seconds a request body may take in all"),
    REQUEST_DATA_GRACE("TRUCE_REQUEST_DATA_GRACE", "5", "seconds a request body may take before its data rate counts"),
    TILE_ATTRIBUTION("TRUCE_TILE_ATTRIBUTION", null, "the source of the online tile layer, required with TRUCE_TILE_URL"),
    TILE_URL("TRUCE_TILE_URL", null, "an optional online tile layer for the map page (a Leaflet URL template)"),
    TOKEN("TRUCE_TOKEN", null, "the API token of the import figures and extract commands when --token is not given"),
    TRUSTED_PROXIES("TRUCE_TRUSTED_PROXIES", null,
            "the proxies whose X-Forwarded-For is believed (addresses or CIDR networks, comma-separated)"),
    WITNESSES("TRUCE_WITNESSES", null, "a file of the node's witnesses, one '<cosigner verifier key> <submission URL> [<source id>]' a line"),
    WITNESS_QUORUM("TRUCE_WITNESS_QUORUM", null, "how many witnesses must cosign a checkpoint before it is served (unset: a majority)");

    /** The environment variable's name. */
    public final String variable;
    /** The value when the variable is unset or blank, or null when there is none. */
    public final String defaultValue;
    /** What the variable sets, in one line. */
    public final String what;

    Setting(String variable, String defaultValue, String what) {
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.what = what;
    }

    /** The setting of the environment variable {@code variable}, if Truce reads one of that name. */
    public static Optional<Setting> named(String variable) {
        return Arrays.stream(values()).filter(s -> s.variable.equals(variable)).findFirst();
    }
}
