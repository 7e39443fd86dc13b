package org.truce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Role;
import org.truce.support.DataFiles;
import org.truce.support.TestNode;

class FeedbackTest {
    private static final String EMAIL = "canary-7f3a@example.org";
    @TempDir
    Path dir;
    TestNode node;
    String secretariat;

    @BeforeEach
    void start() {
        node = TestNode.withDemo(dir);
        secretariat = node.account("jmc", "ru-tr-joint-monitoring-centre", "secr", Role.SECRETARIAT);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private static String message(String email, String text) {
        return "{\"bulletin\":\"2021-01-11\",\"kind\":\"correction\",\"name\":\"Anna Reader\",\"email\":\"" + email
                + "\",\"text\":\"" + text + "\"}";
    }

    @Test
    void a_message_is_held_outside_the_ledger_and_its_email_is_never_shown() throws Exception {
        long size = node.truce.ledger().size();
        TestNode.Response sent = node.post("/api/v1/feedback", message(EMAIL, "The returnee figure of 11 January looks doubled."), null);
        assertThat(sent.status()).isEqualTo(201);
        String id = sent.json().get("id").asText();
        assertThat(node.truce.ledger().size()).isEqualTo(size);

        TestNode.Response queue = get("/api/v1/feedback", secretariat);
        assertThat(queue.body()).contains("Anna Reader", "looks doubled", "\"held\"").doesNotContain(EMAIL);
        assertThat(get("/desk/feedback", secretariat).body()).contains("Anna Reader").doesNotContain(EMAIL);

        TestNode.Response decided = node.post("/api/v1/feedback/" + id + "/decision",
                "{\"status\":\"published\",\"answer\":\"The figure is the source's own; see its document.\"}", secretariat);
        assertThat(decided.status()).isEqualTo(200);
        TestNode.Response published = node.get("/api/v1/feedback/published");
        assertThat(published.body()).contains("looks doubled", "the source's own").doesNotContain(EMAIL).doesNotContain("Anna Reader");
        assertThat(node.get("/feedback/answers").body()).contains("looks doubled").doesNotContain(EMAIL).doesNotContain("Anna Reader");
        // only the private feedback store holds the address (SQLite keeps text as UTF-8)
        assertThat(DataFiles.containing(dir, EMAIL.getBytes(java.nio.charset.StandardCharsets.UTF_8)).stream()
                .map(f -> f.getFileName().toString()).distinct()).allMatch(n -> n.startsWith("feedback.db"));
    }

    @Test
    void a_refused_message_names_each_field_and_keeps_nothing() {
        TestNode.Response r = node.post("/api/v1/feedback",
                "{\"bulletin\":\"11 January\",\"kind\":\"rant\",\"name\":\"\",\"email\":\"nobody\",\"text\":\"<script>x</script>\"}", null);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/bulletin", "/kind", "/name", "/email", "/text");
        assertThat(r.body()).contains("plain text");
        assertThat(get("/api/v1/feedback", secretariat).json().get("items")).isEmpty();
    }

    @Test
    void an_address_may_send_ten_messages_an_hour() {
        for (int i = 0; i < 10; i++) assertThat(node.post("/api/v1/feedback", message("r" + i + "@example.org", "Q " + i), null).status()).isEqualTo(201);
        TestNode.Response eleventh = node.post("/api/v1/feedback", message("r10@example.org", "Q 10"), null);
        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(get("/api/v1/feedback", secretariat).json().get("items")).hasSize(10);
        node.clock.advance(Duration.ofMinutes(61));
        assertThat(node.post("/api/v1/feedback", message("r11@example.org", "Q 11"), null).status()).isEqualTo(201);
    }

    @Test
    void the_form_shows_field_errors_then_accepts_a_valid_message() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(node.base() + "/feedback?date=2021-01-11&lang=de")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Korrektur oder Frage senden", "value=\"2021-01-11\"");
        String csrf = csrf(page.body());
        HttpResponse<String> wrong = browser.send(form("bulletin=2021-01-11&kind=question&name=Anna&email=not-an-address&text=Warum%3F&csrf=" + csrf),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"email-error\"", "name@example.org").contains("value=\"Anna\"");
        assertThat(get("/api/v1/feedback", secretariat).json().get("items")).isEmpty();
        HttpResponse<String> right = browser.send(form("bulletin=2021-01-11&kind=question&name=Anna&email=anna%40example.org&text=Warum%3F&csrf="
                + csrf(wrong.body())), HttpResponse.BodyHandlers.ofString());
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.headers().firstValue("Location")).hasValue("/feedback?sent=1");
        assertThat(get("/api/v1/feedback", secretariat).json().get("items")).hasSize(1);
    }

    private HttpRequest form(String body) {
        return HttpRequest.newBuilder(URI.create(node.base() + "/feedback"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private TestNode.Response get(String path, String token) {
        return node.send(HttpRequest.newBuilder(URI.create(node.base() + path)).header("Authorization", "Bearer " + token).GET().build());
    }
}
