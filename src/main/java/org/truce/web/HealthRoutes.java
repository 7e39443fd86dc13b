package org.truce.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import org.truce.app.NodeMetrics;
import org.truce.ledger.Ledger;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.StoreFailure;

/**
 * Liveness, readiness and the Prometheus scrape of one node. Liveness is 200 whenever the process
 * answers. Readiness is 200 when the store answers, no write failed in the last
 * {@link #RECENT_FAILURE} without one succeeding since, the store's disk (when the node watches it) has
 * more free than its reserve, and the projections are within
 * {@code maxLag} entries of the store; otherwise 503 with Retry-After and the reasons. Neither says
 * anything a stranger should not read: sizes and fixed texts, never a store's error message.
 * {@code /metrics} needs the dedicated scrape token ({@code TRUCE_METRICS_TOKEN}) as a bearer token
 * and is off (404) on a node without one. Thread-safe.
 */
final class HealthRoutes {
    static final String METRICS_TOKEN_ENV = org.truce.settings.Setting.METRICS_TOKEN.variable;
    static final String MAX_LAG_ENV = org.truce.settings.Setting.READY_MAX_LAG.variable;
    /** Entries the projections may trail the store by and still take traffic. */
    static final long DEFAULT_MAX_LAG = Long.parseLong(org.truce.settings.Setting.READY_MAX_LAG.defaultValue);

    /** Seconds a caller is told to wait when the store fails: an outage is usually short (a failover, a restart). */
    static final int STORE_RETRY_SECONDS = 5;
    /** How long a failed write keeps the node not ready when no write has succeeded since. */
    static final Duration RECENT_FAILURE = Duration.ofSeconds(30);

    private final Ledger ledger;
    private final java.time.Clock clock;
    private final NodeMetrics metrics;
    private final byte[] metricsToken;
    private final long maxLag;
    /** What else keeps this node from being ready: a mirror's alarms; none for a node. */
    private final java.util.function.Supplier<java.util.List<String>> alarms;

    HealthRoutes(Ledger ledger, java.time.Clock clock, NodeMetrics metrics, String metricsToken, long maxLag) {
        this(ledger, clock, metrics, metricsToken, maxLag, java.util.List::of);
    }

    /** @param metricsToken the scrape token (at least 16 characters), or null to keep {@code /metrics} off */
    HealthRoutes(Ledger ledger, java.time.Clock clock, NodeMetrics metrics, String metricsToken, long maxLag,
                 java.util.function.Supplier<java.util.List<String>> alarms) {
        if (metricsToken != null && metricsToken.length() < 16) {
            throw new IllegalArgumentException(METRICS_TOKEN_ENV + " must have at least 16 characters");
        }
        if (maxLag < 0) throw new IllegalArgumentException(MAX_LAG_ENV + " must not be negative");
        this.ledger = ledger;
        this.clock = clock;
        this.metrics = metrics;
        this.metricsToken = metricsToken == null ? null : metricsToken.getBytes(StandardCharsets.UTF_8);
        this.maxLag = maxLag;
        this.alarms = alarms;
    }

    /** {@code TRUCE_READY_MAX_LAG} from the environment, else {@link #DEFAULT_MAX_LAG}. */
    static long maxLag(java.util.function.Function<String, String> env) {
        String v = env.apply(MAX_LAG_ENV);
        if (v == null || v.isBlank()) return DEFAULT_MAX_LAG;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_LAG_ENV + " must be a whole number of entries, not " + v);
        }
    }

    void routes(io.javalin.config.RoutesConfig r) {
        r.get("/health/live", this::live, Access.PUBLIC);
        r.get("/health/ready", this::ready, Access.PUBLIC);
        // public at the guard: the handler asks for the scrape token, which is no account's
        r.get("/metrics", this::metrics, Access.PUBLIC);
    }

    void live(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Json.send(ctx, 200, Json.object().put("status", "live"));
    }

    void ready(Context ctx) {
        long applied = ledger.size();
        var reasons = Json.array();
        int retryAfter = 0;
        long stored = applied;
        try {
            stored = ledger.storeSize();
        } catch (StoreFailure e) {
            reasons.add("the store cannot be reached; reads are served from this node's projections, writes fail until it answers");
            retryAfter = STORE_RETRY_SECONDS;
        }
        var failedAt = ledger.lastWriteFailure().filter(at -> at.isAfter(clock.instant().minus(RECENT_FAILURE)));
        if (failedAt.isPresent()) {
            reasons.add("the store failed the last write, at " + failedAt.get()
                    + "; none of it was acknowledged, and the next write tries again");
            retryAfter = STORE_RETRY_SECONDS;
        }
        var space = ledger.diskSpace().filter(LedgerStore.DiskSpace::belowReserve);
        if (space.isPresent()) {
            reasons.add("the store's disk has " + space.get().freeBytes() + " bytes free, below its reserve of "
                    + space.get().reserveBytes() + " bytes; writes are refused until space is freed");
            retryAfter = Math.max(retryAfter, 30);
        }
        if (ledger.stoppedReason().isPresent()) {
            reasons.add("this node refuses every write: another node of its database signs with a different key"
                    + " (the node's log names the cause)");
            retryAfter = 30;
        }
        long lag = Math.max(0, stored - applied);
        if (lag > maxLag) {
            reasons.add("the projections trail the store: projection lag " + lag + " entries, threshold " + maxLag);
            retryAfter = Math.max(retryAfter, 5);
        }
        for (String alarm : alarms.get()) {
            reasons.add(alarm);
            retryAfter = Math.max(retryAfter, 60);
        }
        ObjectNode body = Json.object().put("status", reasons.isEmpty() ? "ready" : "not-ready");
        body.put("ledgerSize", stored).put("applied", applied).put("projectionLag", lag);
        body.set("reasons", reasons);
        ctx.header("Cache-Control", "no-store");
        if (!reasons.isEmpty()) ctx.header("Retry-After", Integer.toString(retryAfter));
        Json.send(ctx, reasons.isEmpty() ? 200 : 503, body);
    }

    void metrics(Context ctx) {
        if (metricsToken == null) {
            throw new Problem(ErrorCode.NOT_FOUND, "metrics are off on this node: set " + METRICS_TOKEN_ENV
                    + " and scrape with it as a bearer token");
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), metricsToken)) {
            throw new Problem(ErrorCode.UNAUTHORIZED, "send the node's scrape token (" + METRICS_TOKEN_ENV
                    + ") as Authorization: Bearer <token>");
        }
        ctx.header("Cache-Control", "no-store").contentType(NodeMetrics.contentType()).result(metrics.scrape());
    }

    /** Times every answered request under its route pattern: {@code /api/v1/cases/{id}}, never the raw path. */
    void record(Context ctx, Float millis) {
        long nanos = millis == null ? 0 : (long) (millis * 1_000_000.0);
        metrics.httpRequest(ctx.method().name(), routeOf(ctx), ctx.statusCode(), Duration.ofNanos(nanos));
    }

    private static String routeOf(Context ctx) {
        Endpoint e;
        try {
            e = ctx.endpoints().matchedHttpEndpoint();
        } catch (RuntimeException none) {
            e = null;
        }
        if (e != null) return e.path;
        String path = ctx.path();
        if (ctx.statusCode() != 404 && (path.startsWith("/assets/") || path.startsWith("/webjars/"))) return "static";
        return "unmatched";
    }
}
