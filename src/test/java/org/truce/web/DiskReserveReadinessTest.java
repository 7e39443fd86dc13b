package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.Reports;
import org.truce.support.TestNode;
import org.truce.support.Tmpfs;

/**
 * A node whose data directory is on a tmpfs the test mounts and then shrinks until less than the
 * free-space reserve ({@code TRUCE_MIN_FREE_BYTES}, default 64 MiB) is free: writes are answered 503 and
 * the node is not ready, while the disk is not full; grown again, the same node, never restarted, takes
 * the same write and is ready.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DiskReserveReadinessTest {
    @TempDir
    Path tmp;

    @Test
    void below_the_reserve_writes_get_503_and_the_node_is_not_ready_until_space_returns_without_a_restart() throws Exception {
        try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk"), 256L << 20);
             TestNode node = TestNode.withDemo(disk.dir().resolve("data"))) {
            long reserve = node.truce.ledger().diskSpace().orElseThrow().reserveBytes();
            assumeTrue(reserve > 0, "TRUCE_MIN_FREE_BYTES=0 turns the reserve off");
            long before = node.truce.ledger().size();

            disk.resize(disk.used() + reserve / 2);

            String report = Reports.valid(UUID.randomUUID().toString()).toString();
            TestNode.Response refused = node.post("/api/v1/reports", report);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body()).contains("nothing of this request was acknowledged").doesNotContain(disk.dir().toString());
            HttpResponse<String> ready = org.truce.support.TestNode.HTTP.send(
                    HttpRequest.newBuilder(URI.create(node.base() + "/health/ready")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.headers().firstValue("Retry-After")).hasValue("30");
            JsonNode body = TestNode.JSON.readTree(ready.body());
            assertThat(body.get("status").asText()).isEqualTo("not-ready");
            assertThat(body.get("reasons").toString()).contains("below its reserve of " + reserve + " bytes; writes are refused until space is freed");
            assertThat(disk.free()).as("refused before the disk is full").isPositive();
            assertThat(node.truce.ledger().storeSize()).isEqualTo(before);

            disk.resize(disk.used() + reserve + (32L << 20));

            assertThat(node.post("/api/v1/reports", report).status()).isEqualTo(201);
            assertThat(node.truce.ledger().size()).isEqualTo(before + 1);
            assertThat(node.get("/health/ready").status()).isEqualTo(200);
        }
    }
}
