package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.store.Stores;
import org.truce.support.Reports;
import org.truce.support.TestNode;

/** Liveness, readiness and the Prometheus scrape, over real HTTP on a real node with a real SQLite file. */
class HealthAndMetricsTest {
    @TempDir
    Path dir;

    @Test
    void a_serving_node_is_live_and_a_current_demo_node_is_ready_with_no_lag() throws Exception {
        try (TestNode node = TestNode.withDemo(dir)) {
            var live = node.get("/health/live");
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.json().get("status").asText()).isEqualTo("live");

            var ready = node.get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            JsonNode body = ready.json();
            long size = node.truce.ledger().size();
            assertThat(size).isPositive();
            assertThat(body.get("status").asText()).isEqualTo("ready");
            assertThat(body.get("ledgerSize").asLong()).isEqualTo(size);
            assertThat(body.get("applied").asLong()).isEqualTo(size);
            assertThat(body.get("projectionLag").asLong()).isZero();
            assertThat(body.get("reasons")).isEmpty();
        }
    }

    @Test
    void a_node_whose_store_failed_a_write_answers_503_is_not_ready_and_recovers_with_the_store() throws Exception {
        try (TestNode node = TestNode.withDemo(dir)) {
            // A real store failure: another connection makes the ledger file refuse every insert.
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Stores.SQLITE_FILE));
                 Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER refuse_entries BEFORE INSERT ON entries BEGIN SELECT RAISE(ABORT, 'injected: refused'); END");
            }
            long before = node.truce.ledger().size();
            String report = Reports.valid(UUID.randomUUID().toString()).toString();
            HttpResponse<String> write = send(HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/reports"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + node.token)
                    .POST(HttpRequest.BodyPublishers.ofString(report)).build());
            assertThat(write.statusCode()).isEqualTo(503);
            assertThat(write.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(write.body()).doesNotContain("injected");
            assertThat(node.truce.ledger().stoppedReason()).isEmpty();

            HttpResponse<String> ready = org.truce.support.TestNode.HTTP.send(
                    HttpRequest.newBuilder(URI.create(node.base() + "/health/ready")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
            JsonNode body = TestNode.JSON.readTree(ready.body());
            assertThat(body.get("status").asText()).isEqualTo("not-ready");
            assertThat(body.get("reasons").get(0).asText()).contains("the store failed the last write");
            assertThat(ready.body()).doesNotContain("injected").doesNotContain(dir.toString());
            assertThat(body.get("ledgerSize").asLong()).isEqualTo(before);
            assertThat(body.get("applied").asLong()).isEqualTo(before);
            assertThat(node.get("/health/live").status()).isEqualTo(200);

            // the store takes writes again: the same request is acknowledged, with no restart
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Stores.SQLITE_FILE));
                 Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER refuse_entries");
            }
            assertThat(node.post("/api/v1/reports", report).status()).isEqualTo(201);
            assertThat(node.truce.ledger().size()).isEqualTo(before + 1);
            assertThat(node.get("/health/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void metrics_count_every_append_the_batches_and_the_latency_of_each_route_pattern() throws Exception {
        try (TestNode node = TestNode.withDemo(dir)) {
            String base = node.base();
            String before = scrape(base, TestNode.SCRAPE).body();
            int n = 7;
            for (int i = 0; i < n; i++) {
                var r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + node.token)
                        .POST(HttpRequest.BodyPublishers.ofString(Reports.valid(UUID.randomUUID().toString()).put("value", 1300 + i).toString())).build());
                assertThat(r.statusCode()).isEqualTo(201);
            }
            HttpResponse<String> after = scrape(base, TestNode.SCRAPE);
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            String text = after.body();
            assertThat(value(text, "truce_ledger_appended_entries_total")).isEqualTo(value(before, "truce_ledger_appended_entries_total") + n);
            assertThat(value(text, "truce_ledger_append_requests_total")).isGreaterThanOrEqualTo(value(before, "truce_ledger_append_requests_total") + n);
            assertThat(value(text, "truce_ledger_batch_drafts_count")).isPositive();
            assertThat(value(text, "truce_projection_lag_entries")).isZero();
            assertThat(value(text, "truce_ledger_size_entries")).isEqualTo(node.truce.ledger().size());
            assertThat(text).contains("jvm_memory_used_bytes");
            // the request log runs as each answer completes, so the last POST may be timed just after its 201
            String latency = "http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/reports\",status=\"201\"}";
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (value(text, latency) < n && System.nanoTime() < deadline) text = scrape(base, TestNode.SCRAPE).body();
            assertThat(value(text, latency)).isEqualTo(n);
            assertThat(text).doesNotContain("route=\"/api/v1/reports/");
        }
    }

    @Test
    void metrics_need_the_scrape_token_and_are_off_without_one() throws Exception {
        try (TestNode node = new TestNode(dir, false)) {
            String base = node.base();
            assertThat(scrape(base, null).statusCode()).isEqualTo(401);
            assertThat(scrape(base, TestNode.BOOTSTRAP).statusCode()).isEqualTo(401);
            assertThat(scrape(base, node.token).statusCode()).isEqualTo(401);
            assertThat(scrape(base, TestNode.SCRAPE).statusCode()).isEqualTo(200);
            Javalin off = WebApp.create(node.truce, TestNode.BOOTSTRAP, null).start(0);
            try {
                HttpResponse<String> r = scrape("http://localhost:" + off.port(), TestNode.SCRAPE);
                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(r.body()).contains("TRUCE_METRICS_TOKEN");
            } finally {
                off.stop();
            }
        }
    }

    /** The value of the first sample whose name (with labels) is {@code series}. */
    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*\\})? ([-+0-9.eE]+|NaN)$").matcher(text);
        if (!m.find()) throw new AssertionError("no series " + series + " in:\n" + text);
        return Double.parseDouble(m.group(1));
    }

    private static HttpResponse<String> scrape(String base, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/metrics")).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b.build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return org.truce.support.TestNode.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
