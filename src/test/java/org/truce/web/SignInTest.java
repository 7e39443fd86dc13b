package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.support.TestNode;

/** Sign-in with pages and JSON: cookies, anti-forgery tokens, throttling and the headers of every answer. */
class SignInTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void a_person_signs_in_with_the_form_issues_a_field_token_and_signs_out() throws Exception {
        try (TestNode node = TestNode.withDemo(dir)) {
            node.account("anama", "anama", "alice", Role.REPORTER);
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(node.base() + "/signin")).GET().build());
            String presession = cookie(page, "truce_csrf");
            assertThat(setCookie(page, "truce_csrf")).contains("HttpOnly").contains("SameSite=Strict");
            String csrf = field(page.body(), "csrf");
            assertThat(csrf).isEqualTo(presession);

            HttpResponse<String> wrong = form(node, "/signin", "truce_csrf=" + presession, "username=alice&password=wrong-password-123&csrf=" + csrf);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("The username or password is wrong.");

            HttpResponse<String> ok = form(node, "/signin", "truce_csrf=" + presession,
                    "username=alice&password=" + URLEncoder.encode(TestNode.PASSWORD, StandardCharsets.UTF_8) + "&csrf=" + csrf);
            assertThat(ok.statusCode()).isEqualTo(303);
            assertThat(ok.headers().firstValue("Location")).hasValue("/account");
            assertThat(setCookie(ok, "truce_session")).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
            String session = "truce_session=" + cookie(ok, "truce_session");

            HttpResponse<String> account = send(HttpRequest.newBuilder(URI.create(node.base() + "/account")).header("Cookie", session).GET().build());
            assertThat(account.statusCode()).isEqualTo(200);
            assertThat(account.body()).contains("alice").contains("reporter");
            String sessionCsrf = field(account.body(), "csrf");

            assertThat(form(node, "/account/tokens", session, "name=tablet&days=30").statusCode()).isEqualTo(403);
            HttpResponse<String> issued = form(node, "/account/tokens", session, "name=tablet&days=30&csrf=" + sessionCsrf);
            assertThat(issued.statusCode()).isEqualTo(200);
            Matcher token = Pattern.compile("truce_[a-z2-7]+_[A-Za-z0-9_-]+").matcher(issued.body());
            assertThat(token.find()).isTrue();
            assertThat(node.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/me"))
                    .header("Authorization", "Bearer " + token.group()).GET().build()).json().get("org").asText()).isEqualTo("anama");

            assertThat(form(node, "/signout", session, "csrf=" + sessionCsrf).statusCode()).isEqualTo(303);
            HttpResponse<String> after = send(HttpRequest.newBuilder(URI.create(node.base() + "/account")).header("Cookie", session).GET().build());
            assertThat(after.statusCode()).isEqualTo(303);
            assertThat(after.headers().firstValue("Location")).hasValue("/signin");
            assertThat(node.get("/api/v1/audit").status()).isEqualTo(401);
        }
    }

    @Test
    void a_forged_sign_in_form_is_refused() throws Exception {
        try (TestNode node = TestNode.withDemo(dir)) {
            node.account("anama", "anama", "alice", Role.REPORTER);
            HttpResponse<String> r = form(node, "/signin", "truce_csrf=mine", "username=alice&password="
                    + URLEncoder.encode(TestNode.PASSWORD, StandardCharsets.UTF_8) + "&csrf=theirs");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void a_json_session_needs_its_anti_forgery_token_for_unsafe_requests() throws Exception {
        try (TestNode node = TestNode.withDemo(dir)) {
            node.account("anama", "anama", "alice", Role.REPORTER);
            HttpResponse<String> in = json(node, "/api/v1/session", null, null,
                    "{\"username\":\"alice\",\"password\":\"" + TestNode.PASSWORD + "\"}");
            assertThat(in.statusCode()).isEqualTo(200);
            String session = "truce_session=" + cookie(in, "truce_session");
            String csrf = TestNode.JSON.readTree(in.body()).get("csrf").asText();
            assertThat(json(node, "/api/v1/me/tokens", session, null, "{\"name\":\"x\",\"days\":3}").statusCode()).isEqualTo(403);
            assertThat(json(node, "/api/v1/me/tokens", session, csrf, "{\"name\":\"x\",\"days\":3}").statusCode()).isEqualTo(201);
        }
    }

    @Test
    void five_failed_sign_ins_for_an_account_answer_429_even_to_the_right_password() throws Exception {
        try (TestNode node = TestNode.withDemo(dir)) {
            node.account("anama", "anama", "alice", Role.REPORTER);
            for (int i = 0; i < 5; i++) {
                assertThat(json(node, "/api/v1/session", null, null, "{\"username\":\"alice\",\"password\":\"guess number " + i + "\"}")
                        .statusCode()).isEqualTo(401);
            }
            HttpResponse<String> locked = json(node, "/api/v1/session", null, null,
                    "{\"username\":\"alice\",\"password\":\"" + TestNode.PASSWORD + "\"}");
            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(locked.headers().firstValue("Retry-After")).hasValue("1");
            node.clock.advance(java.time.Duration.ofMinutes(1));
            assertThat(json(node, "/api/v1/session", null, null, "{\"username\":\"alice\",\"password\":\"" + TestNode.PASSWORD + "\"}")
                    .statusCode()).isEqualTo(200);
            // the five failures of one address in one minute are one record, written once the minute closed
            assertThat(node.truce.audit().read(null, 0, 1000).stream().filter(r -> r.action().equals("signin.failed")))
                    .singleElement().satisfies(r -> {
                        assertThat(r.detail()).isEqualTo("×5 in 2026-11-28T10:00Z/PT1M");
                        assertThat(r.target()).isEqualTo("alice");
                    });
        }
    }

    @Test
    void a_delayed_account_answers_429_with_the_seconds_left_and_signs_in_once_they_have_passed() throws Exception {
        try (TestNode node = TestNode.withDemo(dir)) {
            node.account("anama", "anama", "alice", Role.REPORTER);
            for (int i = 0; i < 5; i++) {
                assertThat(json(node, "/api/v1/session", null, null, "{\"username\":\"alice\",\"password\":\"guess number " + i + "\"}")
                        .statusCode()).isEqualTo(401);
            }
            node.clock.advance(java.time.Duration.ofSeconds(1));
            assertThat(json(node, "/api/v1/session", null, null, "{\"username\":\"alice\",\"password\":\"guess number 5\"}")
                    .statusCode()).isEqualTo(401);
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> delayed = json(node, "/api/v1/session", null, null,
                        "{\"username\":\"alice\",\"password\":\"" + TestNode.PASSWORD + "\"}");
                assertThat(delayed.statusCode()).isEqualTo(429);
                assertThat(delayed.headers().firstValue("Retry-After")).hasValue("2");
            }
            node.clock.advance(java.time.Duration.ofSeconds(2));
            assertThat(json(node, "/api/v1/session", null, null, "{\"username\":\"alice\",\"password\":\"" + TestNode.PASSWORD + "\"}")
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void authentication_is_decided_before_the_body_is_read() {
        try (TestNode node = TestNode.withDemo(dir)) {
            assertThat(node.post("/api/v1/cases", "{not json", null).status()).isEqualTo(401);
            assertThat(node.post("/api/v1/admin/users", "{not json", "truce_aaaaaaaaaa_forged").status()).isEqualTo(401);
            String analyst = node.account("unhcr", "unhcr", "anal", Role.ANALYST);
            assertThat(node.post("/api/v1/reports", "{not json", analyst).status()).isEqualTo(403);
        }
    }

    @Test
    void every_answer_carries_the_security_headers() {
        try (TestNode node = TestNode.withDemo(dir)) {
            for (String path : List.of("/", "/signin", "/api/v1/ledger/head", "/api/v1/nothing-here", "/api/v1/me", "/account")) {
                var r = node.send(HttpRequest.newBuilder(URI.create(node.base() + path)).GET().build());
                assertThat(r.status()).as(path).isIn(200, 303, 401, 404);
                var h = node.send(HttpRequest.newBuilder(URI.create(node.base() + path)).GET().build());
                assertThat(h).isNotNull();
            }
            for (String path : List.of("/", "/signin", "/api/v1/ledger/head", "/api/v1/nothing-here", "/api/v1/me", "/account")) {
                HttpResponse<String> r = sendQuietly(HttpRequest.newBuilder(URI.create(node.base() + path)).GET().build());
                assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValue(SecurityHeaders.CSP);
                assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
                assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
                assertThat(SecurityHeaders.CSP).contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            }
        }
    }

    private HttpResponse<String> form(TestNode node, String path, String cookie, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(node.base() + path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> json(TestNode node, String path, String cookie, String csrf, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(node.base() + path)).header("Content-Type", "application/json");
        if (cookie != null) b.header("Cookie", cookie);
        if (csrf != null) b.header("X-CSRF-Token", csrf);
        return send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sendQuietly(HttpRequest r) {
        try {
            return send(r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String setCookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no Set-Cookie " + name + " in " + r.headers().map()));
    }

    private static String cookie(HttpResponse<?> r, String name) {
        String c = setCookie(r, name);
        return c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) throw new AssertionError("no field " + name + " in " + html);
        return m.group(1);
    }
}
