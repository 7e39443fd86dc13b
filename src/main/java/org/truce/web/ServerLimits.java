package org.truce.web;

import org.truce.settings.Setting;
import io.javalin.config.JavalinConfig;
import java.time.Duration;
import java.util.function.Function;

/**
 * What the HTTP server allows one client before the application sees a request (issue 16, abuse):
 * connections open at once per address ({@link ConnectionsPerAddress}), how slowly and for how long
 * a request body may come ({@link SlowBodies}), and the answer to what the server refuses itself
 * ({@link ServerErrors}). Read from the environment; immutable.
 *
 * @param maxConnectionsPerAddress {@code TRUCE_MAX_CONNECTIONS_PER_ADDRESS}: connections open at once from one address
 * @param minRequestDataRate       {@code TRUCE_MIN_REQUEST_DATA_RATE}: bytes a second a body must average; 0 checks none
 * @param grace                    {@code TRUCE_REQUEST_DATA_GRACE}: how long a body may come before its rate counts
 * @param bodyTimeout              {@code TRUCE_REQUEST_BODY_TIMEOUT}: how long a body may take in all
 */
record ServerLimits(int maxConnectionsPerAddress, long minRequestDataRate, Duration grace, Duration bodyTimeout) {
    static final String MAX_CONNECTIONS_PER_ADDRESS = Setting.MAX_CONNECTIONS_PER_ADDRESS.variable;
    static final String MIN_REQUEST_DATA_RATE = Setting.MIN_REQUEST_DATA_RATE.variable;
    static final String REQUEST_DATA_GRACE = Setting.REQUEST_DATA_GRACE.variable;
    static final String REQUEST_BODY_TIMEOUT = Setting.REQUEST_BODY_TIMEOUT.variable;

    /**
     * The defaults. 64 connections: six per browser (RFC 9112 leaves it to clients; browsers open six)
     * for ten people behind one NAT address, with room. 240 bytes a second after 5 s: Kestrel's
     * defaults, far below any working mobile link. 300 s: 8 MiB, the largest body, at 28 kB/s.
     */
    static final ServerLimits DEFAULT = new ServerLimits(Integer.parseInt(Setting.MAX_CONNECTIONS_PER_ADDRESS.defaultValue),
            Long.parseLong(Setting.MIN_REQUEST_DATA_RATE.defaultValue), Duration.ofSeconds(Long.parseLong(Setting.REQUEST_DATA_GRACE.defaultValue)),
            Duration.ofSeconds(Long.parseLong(Setting.REQUEST_BODY_TIMEOUT.defaultValue)));

    /** @throws IllegalArgumentException naming the setting and its bad value */
    static ServerLimits configured(Function<String, String> env) {
        return new ServerLimits(
                (int) whole(env, MAX_CONNECTIONS_PER_ADDRESS, DEFAULT.maxConnectionsPerAddress, 1, 1_000_000, "connections"),
                whole(env, MIN_REQUEST_DATA_RATE, DEFAULT.minRequestDataRate, 0, 1L << 30, "bytes a second"),
                Duration.ofSeconds(whole(env, REQUEST_DATA_GRACE, DEFAULT.grace.toSeconds(), 0, 3600, "seconds")),
                Duration.ofSeconds(whole(env, REQUEST_BODY_TIMEOUT, DEFAULT.bodyTimeout.toSeconds(), 1, 86_400, "seconds")));
    }

    /** Installs the limits on the server Javalin builds, exempting the trusted proxies from the cap per address. */
    void install(JavalinConfig config, ClientAddress proxies) {
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new ServerErrors());
            // next to the server, before Javalin's own handlers: every body read in the application is paced
            server.insertHandler(new SlowBodies(minRequestDataRate, grace, bodyTimeout));
            server.addBean(new ConnectionsPerAddress(server, maxConnectionsPerAddress, proxies::isTrusted));
        });
    }

    private static long whole(Function<String, String> env, String name, long fallback, long min, long max, String unit) {
        String v = env.apply(name);
        if (v == null || v.isBlank()) return fallback;
        long n;
        try {
            n = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            n = Long.MIN_VALUE;
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " must be a whole number of " + unit + " from " + min + " to " + max + ", not " + v);
        }
        return n;
    }
}
