package org.truce.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.truce.accounts.Role;
import org.truce.app.Truce;
import org.truce.web.WebApp;

/**
 * A real node for tests: a real SQLite file in a temporary directory, the real HTTP app on a random
 * port, and a hand-moved clock. Close it after the test.
 */
public final class TestNode implements AutoCloseable {
    /** {@code TRUCE_ADMIN_TOKEN} of the node: the bootstrap admin API token. */
    public static final String BOOTSTRAP = "test-bootstrap-0123456789abcdef";
    /** {@code TRUCE_METRICS_TOKEN} of the node: the token {@code /metrics} is scraped with. */
    public static final String SCRAPE = "test-scrape-0123456789abcdef";
    public static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    public final Truce truce;
    public final Javalin app;
    /**
     * A personal token of the "desk" account (org desk), which holds the admin, transcriber and
     * secretariat roles: it may declare catalog items and transcribe any body's published figures.
     */
    public final String token;
    /**
     * One client for every test request: a client per request leaves its keep-alive connection open,
     * and a few hundred of them from one address meet the node's cap on connections per address.
     */
    public static final HttpClient HTTP = HttpClient.newHttpClient();
    private final HttpClient http = HTTP;

    public TestNode(Path dir, boolean demo) {
        this(dir, null, demo);
    }

    /** A node whose ledger is the PostgreSQL database at {@code databaseUrl} (null: SQLite in {@code dir}). */
    public TestNode(Path dir, String databaseUrl, boolean demo) {
        this(dir, databaseUrl, demo, java.util.Map.of());
    }

    /**
     * A node whose settings {@code env} (such as {@code TRUCE_PUBLIC_DRAFTS}) are given here, as the
     * process environment gives them in production; a setting not in the map is read from that environment,
     * except the four-eyes rule, off unless the map sets it: tests of other behaviour transcribe figures
     * that count at once (FourEyesTest and the desk's browser tests turn it on).
     */
    public TestNode(Path dir, String databaseUrl, boolean demo, java.util.Map<String, String> env) {
        truce = Truce.open(dir, databaseUrl, clock, org.truce.ledger.Ledger.Progress.NONE);
        if (demo) {
            truce.loadDemo();
        }
        org.truce.settings.Settings settings = org.truce.settings.Settings.environment()
                .with(org.truce.settings.Setting.FOUR_EYES, "off");
        for (var e : env.entrySet()) {
            settings = settings.with(org.truce.settings.Setting.named(e.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("no setting is named " + e.getKey())), e.getValue());
        }
        app = WebApp.create(truce, BOOTSTRAP, SCRAPE, settings).start(0);
        token = account("desk", "desk", "desk", Role.ADMIN, Role.TRANSCRIBER, Role.SECRETARIAT);
    }

    /**
     * Creates (if needed) organisation {@code org} tied to {@code source}, and an account in it with
     * the roles; returns a fresh personal API token of that account.
     */
    public String account(String org, String source, String username, Role... roles) {
        var accounts = truce.accounts();
        if (accounts.organisation(org).isEmpty()) accounts.createOrg(org, source, org);
        if (accounts.accounts(org).stream().noneMatch(a -> a.username().equals(username))) {
            accounts.createUser(org, username, PASSWORD.toCharArray(), Set.of(roles));
        }
        return accounts.createToken(username, "test", Duration.ofDays(30)).text();
    }

    /** The password of every account {@link #account} creates. */
    public static final String PASSWORD = "correct horse battery staple";

    public static TestNode withDemo(Path dir) {
        return new TestNode(dir, true);
    }

    public String base() {
        return "http://localhost:" + app.port();
    }

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    /** GET with this bearer token (a signed-in account's API token). */
    public Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token).GET().build());
    }

    public Response post(String path, String body) {
        return post(path, body, token);
    }

    public Response post(String path, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b.build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        truce.close();
    }
}
