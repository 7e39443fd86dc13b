package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.TestNode;

/** The OpenAPI document is served and describes only routes that exist. */
class OpenApiTest {
    @TempDir
    Path dir;

    @Test
    void every_documented_operation_is_a_real_route() {
        try (TestNode node = TestNode.withDemo(dir)) {
            var r = node.get("/api/v1/openapi.json");
            assertThat(r.status()).isEqualTo(200);
            JsonNode doc = r.json();
            assertThat(doc.at("/openapi").asText()).startsWith("3.");
            int operations = 0;
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
                var path = paths.next();
                String concrete = path.getKey().replace("{date}", "2021-01-11");
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    String method = methods.next();
                    if (!Map.of("get", 1, "post", 1).containsKey(method)) continue;
                    operations++;
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.base() + concrete));
                    b = method.equals("get") ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString("{}"));
                    var answer = node.send(b.build());
                    assertThat(answer.body()).as(method + " " + path.getKey()).doesNotContain("no route");
                }
            }
            assertThat(operations).isGreaterThanOrEqualTo(17);
        }
    }
}
