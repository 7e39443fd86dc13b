package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.app.NodeMetrics;
import org.truce.ledger.Draft;
import org.truce.ledger.Ledger;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.NodeKey;
import org.truce.store.Stores;
import org.truce.support.TestNode;

/**
 * Readiness against a real projection lag: a projection held on a latch while the store already holds
 * the entry, so the store is one entry ahead of what the node can read.
 */
class ReadinessLagTest {
    @TempDir
    Path dir;

    @Test
    void a_node_whose_projections_trail_the_store_beyond_the_threshold_is_not_ready_until_they_catch_up() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Ledger.Listener slow = entry -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (LedgerStore store = Stores.openSqlite(dir);
             Ledger ledger = Ledger.open(store, NodeKey.loadOrCreate(dir, "test/ledger"), "test/ledger",
                Clock.systemUTC(), List.of(slow))) {
            HealthRoutes health = new HealthRoutes(ledger, Clock.systemUTC(), new NodeMetrics(), null, 0);
            Javalin app = Javalin.create(c -> c.routes.get("/health/ready", health::ready)).start(0);
            try {
                String ready = "http://localhost:" + app.port() + "/health/ready";
                assertThat(get(ready).statusCode()).isEqualTo(200);
                var append = CompletableFuture.runAsync(() -> ledger.append(List.of(
                        new Draft("test", "tester", "lag-1", JsonNodeFactory.instance.objectNode().put("n", 1)))));
                assertThat(entered.await(30, TimeUnit.SECONDS)).as("the projection got the entry").isTrue();

                HttpResponse<String> behind = get(ready);
                assertThat(behind.statusCode()).isEqualTo(503);
                assertThat(behind.headers().firstValue("Retry-After")).hasValue("5");
                JsonNode body = TestNode.JSON.readTree(behind.body());
                assertThat(body.get("ledgerSize").asLong()).isEqualTo(1);
                assertThat(body.get("applied").asLong()).isZero();
                assertThat(body.get("projectionLag").asLong()).isEqualTo(1);
                assertThat(body.get("reasons").get(0).asText()).isEqualTo("the projections trail the store: projection lag 1 entries, threshold 0");

                release.countDown();
                append.get(30, TimeUnit.SECONDS);
                HttpResponse<String> caughtUp = get(ready);
                assertThat(caughtUp.statusCode()).isEqualTo(200);
                assertThat(TestNode.JSON.readTree(caughtUp.body()).get("projectionLag").asLong()).isZero();
            } finally {
                release.countDown();
                app.stop();
            }
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return org.truce.support.TestNode.HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
