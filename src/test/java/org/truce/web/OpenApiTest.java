package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.TestNode;

/**
 * The OpenAPI document is served, and its operations are exactly the JSON API routes the router
 * registers (nothing undocumented, nothing documented that does not exist), each with the access
 * rule the route is registered with.
 */
class OpenApiTest {
    private static final Set<HandlerType> METHODS =
            Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    @TempDir
    Path dir;

    @Test
    void the_document_matches_the_router_both_ways_with_each_routes_access_rule() {
        try (TestNode node = TestNode.withDemo(dir)) {
            var r = node.get(WebApp.API + "/openapi.json");
            assertThat(r.status()).isEqualTo(200);
            JsonNode doc = r.json();
            assertThat(doc.at("/openapi").asText()).startsWith("3.");

            Map<String, Access> routes = registeredApiRoutes(node);
            assertThat(routes).as("registered API routes").hasSizeGreaterThanOrEqualTo(36);

            Map<String, JsonNode> operations = new TreeMap<>();
            for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
                assertThat(path.getKey()).as("document paths are absolute (server url /)").startsWith(WebApp.API + "/");
                for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                    String m = method.getKey().toUpperCase(Locale.ROOT);
                    if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(m)) continue;
                    operations.put(m + " " + path.getKey(), method.getValue());
                }
            }

            assertThat(operations.keySet()).as("documented operations = registered API routes")
                    .containsExactlyInAnyOrderElementsOf(routes.keySet());

            for (Map.Entry<String, Access> route : routes.entrySet()) {
                JsonNode op = operations.get(route.getKey());
                Access access = route.getValue();
                assertThat(op.path("x-truce-access").asText()).as("x-truce-access of " + route.getKey()).isEqualTo(access.name());
                assertThat(op.path("description").asText()).as("description of " + route.getKey()).contains(access.who());
                JsonNode security = op.get("security");
                assertThat(security).as("security of " + route.getKey()).isNotNull();
                assertThat(security.isArray()).isTrue();
                if (access == Access.PUBLIC) {
                    assertThat(security.isEmpty()).as("a public route needs no credential: " + route.getKey()).isTrue();
                } else {
                    assertThat(security.isEmpty()).as("security of " + route.getKey()).isFalse();
                    assertThat(op.at("/responses/401").isMissingNode()).as("401 of " + route.getKey()).isFalse();
                    assertThat(op.at("/responses/403").isMissingNode()).as("403 of " + route.getKey()).isFalse();
                }
            }
            assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
            assertThat(doc.at("/components/securitySchemes/sessionCookie/name").asText()).isEqualTo(Guard.SESSION_COOKIE);
        }
    }

    /** "METHOD /api/v1/..." of every registered JSON API endpoint, to the one access rule it declares. */
    private static Map<String, Access> registeredApiRoutes(TestNode node) {
        Map<String, Access> out = new TreeMap<>();
        for (ParsedEndpoint parsed : node.app.unsafe.internalRouter.allHttpHandlers()) {
            Endpoint e = parsed.endpoint;
            if (!METHODS.contains(e.method) || !e.path.startsWith(WebApp.API + "/")) continue;
            Roles roles = e.metadata(Roles.class);
            assertThat(roles).as("roles of " + e.method + " " + e.path).isNotNull();
            Set<RouteRole> set = roles.getRoles();
            assertThat(set).as("access rules of " + e.method + " " + e.path).hasSize(1);
            assertThat(set.iterator().next()).isInstanceOf(Access.class);
            Access previous = out.put(e.method.name() + " " + e.path, (Access) set.iterator().next());
            assertThat(previous).as("registered twice: " + e.method + " " + e.path).isNull();
        }
        return out;
    }
}
