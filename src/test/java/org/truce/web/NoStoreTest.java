package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.router.Endpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.truce.support.TestNode;

/**
 * Answers that carry a secret (a session, an API token, an anti-forgery token) or personal data
 * (cases, accounts, the audit trail, feedback with its emails) say {@code Cache-Control: no-store}
 * (RFC 9111 §5.2.2.5), whatever their status, so no browser or proxy cache keeps them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoStoreTest {
    /** The route families that carry secrets or personal data: each path itself and everything under it. */
    private static final List<String> PRIVATE = List.of("/api/v1/session", "/api/v1/me", "/api/v1/admin", "/api/v1/cases",
            "/api/v1/feedback", "/api/v1/audit", "/signin", "/signout", "/account", "/desk", "/feedback");

    private final HttpClient http = HttpClient.newHttpClient();
    TestNode node;

    @BeforeAll
    void start(@TempDir Path dir) {
        node = TestNode.withDemo(dir);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private static boolean isPrivate(String path) {
        return PRIVATE.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String method, String path) {
        var body = method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}");
        return HttpRequest.newBuilder(URI.create(node.base() + path)).method(method, body).header("Content-Type", "application/json");
    }

    @Test
    void every_route_carrying_secrets_or_personal_data_answers_no_store_whoever_asks() {
        List<String> checked = new ArrayList<>();
        for (Endpoint e : RouteRulesTest.endpoints(node.app)) {
            if (!isPrivate(e.path)) continue;
            String method = e.method.name();
            String path = e.path.replaceAll("\\{[^}]+}", "x");
            for (String token : new String[] {null, node.token}) {
                var b = request(method, path);
                if (token != null) b.header("Authorization", "Bearer " + token);
                HttpResponse<String> r = send(b);
                assertThat(r.headers().allValues("Cache-Control")).as(method + " " + path + " (" + r.statusCode() + ")")
                        .containsExactly("no-store");
            }
            checked.add(method + " " + e.path);
        }
        assertThat(checked).contains("POST /api/v1/session", "DELETE /api/v1/session", "GET /api/v1/me", "POST /api/v1/me/tokens",
                "POST /api/v1/admin/tokens", "GET /api/v1/admin/users", "POST /api/v1/admin/users", "GET /api/v1/cases",
                "GET /api/v1/cases/{id}/personal", "POST /api/v1/feedback", "GET /api/v1/feedback", "GET /api/v1/audit",
                "GET /signin", "POST /signin", "GET /account", "POST /account/tokens", "GET /desk/feedback");
    }

    @Test
    void a_session_and_a_token_issued_to_it_are_answered_no_store() throws IOException {
        HttpResponse<String> signIn = send(request("POST", "/api/v1/session").POST(HttpRequest.BodyPublishers.ofString(
                "{\"username\":\"desk\",\"password\":\"" + TestNode.PASSWORD + "\"}")));
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().allValues("Cache-Control")).containsExactly("no-store");
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String csrf = TestNode.JSON.readTree(signIn.body()).get("csrf").asText();

        HttpResponse<String> token = send(request("POST", "/api/v1/me/tokens").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"phone\",\"days\":30}")));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        assertThat(token.headers().allValues("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void public_answers_stay_cacheable() {
        for (String path : List.of("/api/v1/ledger/head", "/api/v1/sources", "/", "/api/v1/feedbackx")) {
            HttpResponse<String> r = send(request("GET", path));
            assertThat(r.headers().allValues("Cache-Control")).as(path).doesNotContain("no-store");
        }
    }
}
