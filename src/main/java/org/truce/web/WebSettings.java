package org.truce.web;

import java.util.Optional;
import java.util.function.Function;
import org.truce.accounts.FourEyes;
import org.truce.settings.Setting;
import org.truce.settings.Settings;
import org.truce.witness.WitnessList;

/**
 * Every setting the HTTP application takes from the node's {@link Settings}, parsed once and checked together,
 * so a misconfigured node stops before it opens or writes anything. Each part parses its own
 * variables and names the variable and its bad value when it refuses one (see docs/operations.md).
 * Immutable.
 *
 * @param publicUrl    {@code TRUCE_PUBLIC_URL}: the address readers reach the node at, or null
 * @param metricsToken {@code TRUCE_METRICS_TOKEN}: the bearer token Prometheus scrapes with, or null
 * @param maxLag       {@code TRUCE_READY_MAX_LAG}: entries the projections may trail the store and be ready
 * @param cookieSecure {@code TRUCE_COOKIE_SECURE}: session cookies are Secure even behind a plain-HTTP proxy
 * @param witnesses    {@code TRUCE_WITNESSES} and {@code TRUCE_WITNESS_QUORUM}: who cosigns the node's checkpoints
 * @param fourEyes     {@code TRUCE_FOUR_EYES} and {@code TRUCE_FOUR_EYES_OWN}: which figures wait for a second account
 */
record WebSettings(ClientAddress clientAddress, DraftRule drafts, ServerLimits limits, long auditQuota,
                   Optional<TileLayer> tiles, String publicUrl, String metricsToken, long maxLag, boolean cookieSecure,
                   WitnessList witnesses, FourEyes fourEyes) {

    static WebSettings from(Settings settings) {
        Function<String, String> env = settings.byName();
        String metrics = settings.value(Setting.METRICS_TOKEN);
        return new WebSettings(ClientAddress.configured(env), DraftRule.configured(env), ServerLimits.configured(env),
                AuditQuota.configured(env), TileLayer.configured(env), blankToNull(settings.value(Setting.PUBLIC_URL)),
                blankToNull(metrics == null ? null : metrics.trim()), HealthRoutes.maxLag(env),
                "true".equalsIgnoreCase(settings.value(Setting.COOKIE_SECURE)), WitnessList.configured(env),
                FourEyes.configured(env));
    }

    /** The same settings with another metrics token (or none). */
    WebSettings withMetricsToken(String token) {
        return new WebSettings(clientAddress, drafts, limits, auditQuota, tiles, publicUrl,
                blankToNull(token == null ? null : token.trim()), maxLag, cookieSecure, witnesses, fourEyes);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
